import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  type Deployment,
  formatAmount,
  getTokenInfo,
  InvalidInputError,
  parseAmount,
  type ReadClient,
  readDeployment,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "@insurance-pool/sdk";
import {
  type Account,
  type Address,
  createClient,
  defineChain,
  getAddress,
  type Hash,
  type Hex,
  http,
  isAddress,
} from "viem";
import { mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { getChainId } from "viem/actions";
import { type Io, Spinner } from "./io.ts";
import { asUsageError, refuseNegative, UsageError } from "./usage.ts";

/** anvil's default mnemonic: `--account <index>` derives the devnet's well-known accounts from it. */
export const DEVNET_MNEMONIC = "test test test test test test test test test test test junk";

/** A transaction sent by a command, for the confirmation. */
export interface SentTransaction {
  label: string;
  hash: Hash;
  gasUsed: bigint;
  block: bigint;
}

/** What every command gets, even one without a deployment (e.g. `deploy`). */
export interface BaseContext {
  io: Io;
  json: boolean;
  /** `--rpc` as given. */
  rpcUrl: string | undefined;
  /** The key from `--account` or IPOOL_PRIVATE_KEY (devnet roles need a deployment). */
  signer: Account | undefined;
  transactions: SentTransaction[];
  spinner: Spinner;
  /**
   * Runs a write action with progress on stderr and records its hash and gas (an action may resolve
   * `undefined` when it had nothing to send, e.g. an allowance that already suffices).
   */
  send: <sent extends WriteResult<unknown> | undefined>(
    label: string,
    action: (hooks: WriteHooks) => Promise<sent>,
  ) => Promise<sent>;
}

/** Everything a command needs: the deployment, clients, the token, parsing and sending helpers. */
export interface Context extends BaseContext {
  deployment: Deployment;
  client: ReadClient;
  /** The signer's address when a key was given. */
  account: Address | undefined;
  token: { address: Address; symbol: string; decimals: number };
  transactions: SentTransaction[];
  /** The signing client; throws a clear error when no key was given. */
  wallet: () => Promise<WalletClient>;
  /** Parses a human token amount (`1.5k`, `0.25`) for the option or argument `what`. */
  amount: (text: string | undefined, what: string) => bigint;
  /** Formats token base units with the symbol. */
  show: (amount: bigint) => string;
  /** Parses an address, a devnet role name from the deployment, or `me`. */
  address: (text: string | undefined, what: string) => Address;
}

/** The global options as parsed. */
export interface GlobalValues {
  rpc?: string | undefined;
  deployment?: string | undefined;
  account?: string | undefined;
  json?: boolean | undefined;
}

function resolveAccount(
  values: GlobalValues,
  io: Io,
  deployment: Deployment | undefined,
): Account | undefined {
  if (values.account !== undefined) {
    const text = values.account.trim();
    const role = deployment?.accounts?.[text];
    const index = role ? role.index : /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!Number.isInteger(index) || index < 0 || index > 1_000) {
      const roles = Object.keys(deployment?.accounts ?? {});
      throw new InvalidInputError(`--account "${text}" is neither a devnet index nor a role`, {
        metaMessages: [
          roles.length
            ? `Roles in this deployment: ${roles.join(", ")}`
            : "Use an index, e.g. --account 1",
        ],
      });
    }
    return mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index });
  }
  const key = io.env.IPOOL_PRIVATE_KEY?.trim();
  if (key) {
    const hex = (key.startsWith("0x") ? key : `0x${key}`) as Hex;
    if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) {
      throw new InvalidInputError("IPOOL_PRIVATE_KEY is not a 32-byte hex private key");
    }
    return privateKeyToAccount(hex);
  }
  return undefined;
}

/** Builds the context of a command that needs no deployment. */
export function createBaseContext(
  values: GlobalValues,
  io: Io,
  deployment?: Deployment,
  tokenInfo?: { symbol: string; decimals: number },
): BaseContext {
  const json = Boolean(values.json);
  const spinner = new Spinner(io, !json);
  const transactions: SentTransaction[] = [];
  return {
    io,
    json,
    rpcUrl: values.rpc,
    signer: resolveAccount(values, io, deployment),
    transactions,
    spinner,
    send: async (label, action) => {
      try {
        const result = await action({
          ...(tokenInfo ? { tokenInfo } : {}),
          onSubmitted: (hash) => spinner.start(`${label}: waiting for ${hash}`),
        });
        if (result) {
          transactions.push({
            label,
            hash: result.hash,
            gasUsed: result.gasUsed,
            block: result.receipt.blockNumber,
          });
        }
        return result;
      } finally {
        spinner.stop();
      }
    },
  };
}

/** Builds the context of a command from the global options and the deployment file. */
export async function createContext(values: GlobalValues, io: Io): Promise<Context> {
  const path = resolve(
    io.cwd,
    values.deployment ?? io.env.IPOOL_DEPLOYMENT ?? ".devnet/deployment.json",
  );
  if (!existsSync(path)) {
    throw new InvalidInputError(`no deployment file at ${path}`, {
      metaMessages: [
        "Start the devnet (npm start) or pass --deployment <file> (e.g. deployments/<chainId>.json).",
      ],
    });
  }
  let deployment: Deployment;
  try {
    deployment = readDeployment(path);
  } catch (error) {
    throw new InvalidInputError((error as Error).message);
  }
  const rpcUrl = values.rpc ?? deployment.rpcUrl;
  if (!/^https?:\/\//.test(rpcUrl))
    throw new InvalidInputError(`--rpc "${rpcUrl}" is not an http(s) URL`);
  const chain = defineChain({
    id: deployment.chainId,
    name: `chain ${deployment.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const local = deployment.chainId === 31337;
  const transport = http(rpcUrl, { retryCount: local ? 0 : 3 });
  const pollingInterval = local ? 50 : 1_000;
  const client = createClient({ chain, transport, pollingInterval }) as ReadClient;
  let token: Context["token"];
  try {
    const info = await getTokenInfo(client, { token: deployment.contracts.token });
    token = { address: info.address, symbol: info.symbol, decimals: info.decimals };
  } catch (error) {
    throw new InvalidInputError(
      `cannot read the pool token at ${deployment.contracts.token} through ${rpcUrl}`,
      { details: (error as { shortMessage?: string }).shortMessage ?? (error as Error).message },
    );
  }
  const base = createBaseContext(values, io, deployment, {
    symbol: token.symbol,
    decimals: token.decimals,
  });
  const signer = base.signer;
  let checkedWallet: WalletClient | undefined;

  const ctx: Context = {
    ...base,
    deployment,
    client,
    account: signer?.address,
    token,
    wallet: async () => {
      if (checkedWallet) return checkedWallet;
      if (!signer) {
        throw new InvalidInputError("this command sends a transaction and needs a key", {
          metaMessages: ["Pass --account <devnet index or role>, or set IPOOL_PRIVATE_KEY."],
        });
      }
      const chainId = await getChainId(client);
      if (chainId !== deployment.chainId) {
        throw new InvalidInputError(
          `the RPC serves chain ${chainId} but the deployment is on chain ${deployment.chainId}`,
        );
      }
      checkedWallet = createClient({
        account: signer,
        chain,
        transport,
        pollingInterval,
      }) as WalletClient;
      return checkedWallet;
    },
    amount: (text, what) => {
      if (text === undefined || text === "") throw new UsageError(`missing ${what}`);
      refuseNegative(text, what, "amounts are positive token amounts, e.g. 250 or 1.5k");
      let value: bigint;
      try {
        value = parseAmount(text, token.decimals);
      } catch (error) {
        throw asUsageError(error, what);
      }
      if (value === 0n) throw new UsageError(`${what} must be above zero`);
      return value;
    },
    show: (amount) => formatAmount(amount, token.decimals, { symbol: token.symbol }),
    address: (text, what) => {
      if (text === undefined || text === "") throw new InvalidInputError(`missing ${what}`);
      if (text === "me") {
        if (!signer)
          throw new InvalidInputError(`${what} "me" needs --account or IPOOL_PRIVATE_KEY`);
        return signer.address;
      }
      const role = deployment?.accounts?.[text];
      if (role) return role.address;
      if (!isAddress(text, { strict: false })) {
        throw new InvalidInputError(`${what} "${text}" is not an address or a devnet role`);
      }
      return getAddress(text);
    },
  };
  return ctx;
}
