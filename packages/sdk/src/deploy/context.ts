import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from "viem";
import { withGasMargin } from "../utils/gas.ts";

/** One confirmed transaction of a deployment, for logs and gas reports. */
export interface TxRecord {
  label: string;
  hash: Hex;
  gasUsed: bigint;
  contractAddress?: Address;
}

/** The clients a deployment or a seeding step sends transactions with. */
export interface TxContext {
  publicClient: PublicClient;
  walletClient: WalletClient<Transport, Chain, Account>;
  /** Called after every confirmed transaction (progress output, gas accounting). */
  onTransaction?: (record: TxRecord) => void;
}

/** Thrown when a deployment transaction reverts or a contract is not created. */
export class DeployError extends Error {
  override name = "DeployError";
  constructor(
    readonly label: string,
    message: string,
    readonly hash?: Hex,
  ) {
    super(`${label}: ${message}${hash ? ` (tx ${hash})` : ""}`);
  }
}

/** A chain object for an RPC whose chain id is known (avoids importing `viem/chains`). */
export function chainFor(chainId: number, rpcUrl: string): Chain {
  return defineChain({
    id: chainId,
    name: chainId === 31337 ? "Insurance Pool devnet" : `chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}

/**
 * Builds a {@link TxContext} for `rpcUrl`. `account` is a local account (private key or mnemonic) or, on a
 * node that signs for it (anvil's dev or impersonated accounts), a bare address.
 */
export async function createTxContext(options: {
  rpcUrl: string;
  account: Account | Address;
  /** Receipt polling interval, 50 ms by default (fine for anvil; use ~1 s for public RPCs). */
  pollingInterval?: number;
  onTransaction?: (record: TxRecord) => void;
}): Promise<TxContext> {
  const pollingInterval = options.pollingInterval ?? 50;
  const probe = createPublicClient({ transport: http(options.rpcUrl) });
  const chain = chainFor(await probe.getChainId(), options.rpcUrl);
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ chain, transport, pollingInterval }) as PublicClient;
  const walletClient = createWalletClient({
    chain,
    transport,
    account: options.account,
    pollingInterval,
  });
  return { publicClient, walletClient, onTransaction: options.onTransaction };
}

async function confirm(ctx: TxContext, label: string, hash: Hex): Promise<TransactionReceipt> {
  const receipt = await ctx.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 });
  if (receipt.status !== "success") throw new DeployError(label, "transaction reverted", hash);
  ctx.onTransaction?.({
    label,
    hash,
    gasUsed: receipt.gasUsed,
    contractAddress: receipt.contractAddress ?? undefined,
  });
  return receipt;
}

/** Deploys `data` (creation code + constructor arguments, from viem's `encodeDeployData`) and waits. */
export async function deployAndWait(ctx: TxContext, label: string, data: Hex): Promise<Address> {
  const gas = await ctx.publicClient.estimateGas({ account: ctx.walletClient.account, data });
  const hash = await ctx.walletClient.sendTransaction({ data, to: null, gas: withGasMargin(gas) });
  const receipt = await confirm(ctx, label, hash);
  if (!receipt.contractAddress) throw new DeployError(label, "no contract created", hash);
  return getAddress(receipt.contractAddress);
}

/** Sends a call (`data` from viem's `encodeFunctionData`) and waits for a successful receipt. */
export async function sendAndWait(
  ctx: TxContext,
  label: string,
  request: { to: Address; data: Hex; value?: bigint },
): Promise<TransactionReceipt> {
  const gas = await ctx.publicClient.estimateGas({ account: ctx.walletClient.account, ...request });
  const hash = await ctx.walletClient.sendTransaction({ ...request, gas: withGasMargin(gas) });
  return confirm(ctx, label, hash);
}
