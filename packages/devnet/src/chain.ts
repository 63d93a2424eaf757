/**
 * Helpers for scripts and tests that drive an anvil chain directly: time travel, impersonation, and fast
 * batches of transactions from anvil's unlocked accounts (anvil signs, no client-side signing or gas
 * estimation, one receipt awaited per batch).
 */
import {
  type Abi,
  type Address,
  createPublicClient,
  encodeFunctionData,
  type Hex,
  http,
  type PublicClient,
  parseEventLogs,
  type TransactionReceipt,
} from "viem";

/** A call to send: `to`, ABI-encoded via `abi`/`functionName`/`args`, optional ETH `value`. */
export interface ChainCall {
  from: Address;
  to: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
  /** Gas limit; default 3,000,000 (no estimation round-trip). */
  gas?: bigint;
}

/** Thrown when a transaction sent through {@link AnvilChain} reverts. */
export class ChainCallError extends Error {
  override name = "ChainCallError";
}

/** An anvil chain, driven through its JSON-RPC with anvil's unlocked (or impersonated) accounts. */
export class AnvilChain {
  readonly client: PublicClient;

  constructor(readonly rpcUrl: string) {
    this.client = createPublicClient({
      transport: http(rpcUrl),
      pollingInterval: 20,
    }) as PublicClient;
  }

  /** A raw JSON-RPC request (anvil_*, evm_* methods included). */
  rpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return this.client.request({ method: method as never, params: params as never }) as Promise<T>;
  }

  /** Moves the chain's clock forward by `seconds` and mines a block. */
  async increaseTime(seconds: number | bigint): Promise<void> {
    await this.rpc("evm_increaseTime", [Number(seconds)]);
    await this.rpc("evm_mine");
  }

  /** The latest block's timestamp. */
  async now(): Promise<bigint> {
    return (await this.client.getBlock({ blockTag: "latest" })).timestamp;
  }

  /** Lets `address` (e.g. a timelock) send transactions without a key, funding it with 100 ETH. */
  async impersonate(address: Address): Promise<void> {
    await this.rpc("anvil_impersonateAccount", [address]);
    await this.rpc("anvil_setBalance", [address, "0x56bc75e2d63100000"]);
  }

  /** Sends one call without waiting; resolves with its hash. */
  submit(call: ChainCall): Promise<Hex> {
    const data = encodeFunctionData({
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
    });
    return this.rpc<Hex>("eth_sendTransaction", [
      {
        from: call.from,
        to: call.to,
        data,
        gas: `0x${(call.gas ?? 3_000_000n).toString(16)}`,
        ...(call.value ? { value: `0x${call.value.toString(16)}` } : {}),
      },
    ]);
  }

  /** The receipt of `hash`; throws {@link ChainCallError} with `label` when it reverted. */
  async receipt(hash: Hex, label: string): Promise<TransactionReceipt> {
    const receipt = await this.client.waitForTransactionReceipt({ hash, pollingInterval: 20 });
    if (receipt.status !== "success") {
      throw new ChainCallError(`${label} reverted (tx ${hash}): ${await this.revertReason(hash)}`);
    }
    return receipt;
  }

  /** Sends one call and waits for its successful receipt. */
  async send(call: ChainCall, label = call.functionName): Promise<TransactionReceipt> {
    try {
      return await this.receipt(await this.submit(call), label);
    } catch (error) {
      if (error instanceof ChainCallError) throw error;
      throw new ChainCallError(`${label} failed: ${(error as Error).message.split("\n")[0]}`);
    }
  }

  /**
   * Sends the same call `count` times from one account (ABI-encoded once), waiting for a receipt every
   * `batch` transactions (anvil can stall when thousands are in flight). The last receipt of each batch
   * must succeed; callers check the resulting state for the others.
   */
  async repeat(call: ChainCall, count: number, batch = 100): Promise<void> {
    const data = encodeFunctionData({
      abi: call.abi,
      functionName: call.functionName,
      args: call.args ?? [],
    });
    const request = {
      from: call.from,
      to: call.to,
      data,
      gas: `0x${(call.gas ?? 3_000_000n).toString(16)}`,
    };
    for (let i = 0; i < count; i += batch) {
      let last: Hex | undefined;
      for (let j = i; j < Math.min(count, i + batch); j++) {
        last = await this.rpc<Hex>("eth_sendTransaction", [request]);
      }
      if (last) await this.receipt(last, `${call.functionName} #${Math.min(count, i + batch)}`);
    }
  }

  /** Reads a view. */
  read<T>(
    address: Address,
    abi: Abi,
    functionName: string,
    args: readonly unknown[] = [],
  ): Promise<T> {
    return this.client.readContract({ address, abi, functionName, args }) as Promise<T>;
  }

  /** The error a failed transaction reverted with, replayed as a call at its block. */
  private async revertReason(hash: Hex): Promise<string> {
    try {
      const tx = await this.client.getTransaction({ hash });
      await this.client.call({
        account: tx.from,
        to: tx.to ?? undefined,
        data: tx.input,
        value: tx.value,
        blockNumber: tx.blockNumber ?? undefined,
      });
      return "unknown (the call succeeds when replayed)";
    } catch (error) {
      return (error as Error).message.split("\n").slice(0, 3).join(" ");
    }
  }
}

/** A bigint argument of the first `eventName` event in `receipt`. */
export function eventArgOf(
  abi: Abi,
  receipt: TransactionReceipt,
  eventName: string,
  arg: string,
): bigint {
  const [event] = parseEventLogs({ abi, logs: receipt.logs, eventName });
  const value = (event?.args as Record<string, unknown> | undefined)?.[arg];
  if (typeof value !== "bigint") throw new Error(`no ${eventName} event with ${arg}`);
  return value;
}
