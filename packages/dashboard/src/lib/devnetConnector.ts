import {
  type Address,
  type Chain,
  createWalletClient,
  type EIP1193RequestFn,
  http,
  type LocalAccount,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { createConnector } from "wagmi";

export interface DevnetAccountParameters {
  /** Role shown in the account picker (staker, policyholder, mediator, ...). */
  role: string;
  /** Index in the devnet mnemonic (anvil's well-known accounts). */
  index: number;
  address: Address;
  mnemonic: string;
  rpcUrl: string;
}

const accountCache = new Map<string, LocalAccount>();

function localAccount(mnemonic: string, index: number): LocalAccount {
  const key = `${index}:${mnemonic}`;
  let account = accountCache.get(key);
  if (!account) {
    account = mnemonicToAccount(mnemonic, { addressIndex: index });
    accountCache.set(key, account);
  }
  return account;
}

/**
 * A wagmi connector for one well-known devnet account: signs locally with its key (derived
 * from the devnet mnemonic) and sends raw transactions over the RPC, so people can click
 * through the devnet without a browser extension. Never use it with real funds.
 */
export function devnetAccount(parameters: DevnetAccountParameters) {
  const { role, index, address, mnemonic, rpcUrl } = parameters;
  let connected = false;
  return createConnector<{ request: EIP1193RequestFn }>((config) => {
    const chain = config.chains[0] as Chain;
    const walletClient = () =>
      createWalletClient({
        account: localAccount(mnemonic, index),
        chain,
        transport: http(rpcUrl, { batch: false }),
      });
    return {
      id: `devnet-${index}`,
      name: `${role} (devnet #${index})`,
      type: "devnet",
      async connect(options) {
        connected = true;
        const result = { accounts: [address] as readonly Address[], chainId: chain.id };
        // wagmi's return type depends on `withCapabilities`; we never report capabilities.
        return (
          options?.withCapabilities
            ? { ...result, accounts: [{ address, capabilities: {} }] }
            : result
        ) as never;
      },
      async disconnect() {
        connected = false;
      },
      async getAccounts() {
        return [address];
      },
      async getChainId() {
        return chain.id;
      },
      async getProvider() {
        return { request: walletClient().request as EIP1193RequestFn };
      },
      async getClient() {
        return walletClient();
      },
      async isAuthorized() {
        return connected;
      },
      onAccountsChanged() {},
      onChainChanged() {},
      onDisconnect() {
        connected = false;
      },
    };
  });
}
