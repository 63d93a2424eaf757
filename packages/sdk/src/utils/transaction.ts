import type {
  Abi,
  Account,
  Address,
  Chain,
  Client,
  ContractFunctionArgs,
  ContractFunctionName,
  GetValue,
  Hash,
  SimulateContractParameters,
  SimulateContractReturnType,
  TransactionReceipt,
  Transport,
} from "viem";
import { erc20Abi } from "viem";
import {
  estimateContractGas,
  getTransactionCount,
  simulateCalls,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "viem/actions";
import { TransactionRevertedError } from "../errors/base.ts";
import { type ErrorContext, toIpoolError } from "../errors/contract.ts";
import { withGasMargin } from "./gas.ts";

/** A client that can sign: what every write action takes. */
export type WalletClient = Client<Transport, Chain | undefined, Account>;
/** A client that can read: what every view action takes. */
export type ReadClient = Client<Transport, Chain | undefined, Account | undefined>;

/** How a write is sent: fees, nonce, and how long and how deep its receipt is awaited. */
export interface TransactionSettings {
  /** Legacy gas price (wei); otherwise EIP-1559 fees, estimated unless given. */
  gasPrice?: bigint;
  /** EIP-1559 fee cap (wei per gas). */
  maxFeePerGas?: bigint;
  /** EIP-1559 priority fee (wei per gas). */
  maxPriorityFeePerGas?: bigint;
  /** The nonce to use (default: the account's pending transaction count). */
  nonce?: number;
  /** Blocks to wait for after inclusion (default 1: the including block). */
  confirmations?: number;
  /** Longest wait for the receipt, in milliseconds (default: viem's, 180 s). */
  timeoutMs?: number;
  /** Ends the wait for the receipt (e.g. when the RPC died). */
  signal?: AbortSignal;
}

/** A write about to be sent, as {@link WriteHooks.intercept} receives it. */
export interface PreparedWrite {
  address: Address;
  abi: Abi | readonly unknown[];
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
  /** The sender. */
  from: Address;
  /** The verb of decoded errors, e.g. `"schedule unstake"`. */
  label: string;
}

/** Hooks of a write action, e.g. to show a spinner while the receipt is awaited. */
export interface WriteHooks {
  /** Called once the transaction is sent, with its nonce, before waiting for its receipt. */
  onSubmitted?: (hash: Hash, sent: { nonce: number }) => void;
  /** The pool token, to format amounts in decoded errors. */
  tokenInfo?: { symbol: string; decimals: number };
  /** Fees, nonce, confirmations and receipt timeout. */
  transaction?: TransactionSettings;
  /**
   * Takes the write over instead of simulating and sending it (dry runs, printing calldata, multisig
   * batches): it receives the call and resolves what the action resolves. Nothing is sent.
   */
  intercept?: (call: PreparedWrite) => Promise<WriteResult<unknown>>;
}

/** What every write action returns. */
export interface WriteResult<result> {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The function's return value, as simulated just before sending. */
  result: result;
  gasUsed: bigint;
}

/**
 * Runs a simulation and converts its failure into a decoded SDK error. Every write action simulates
 * first, so an input the contract would reject never reaches the chain.
 */
export async function preflight<T>(run: () => Promise<T>, context: ErrorContext): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toIpoolError(error, context);
  }
}

/**
 * Sends a simulated request and waits for its receipt; throws {@link TransactionRevertedError} when it
 * reverts anyway (the state changed between simulation and inclusion).
 */
export async function execute<result>(
  client: WalletClient,
  request: unknown,
  result: result,
  hooks: WriteHooks & ErrorContext = {},
): Promise<WriteResult<result>> {
  let hash: Hash;
  let nonce: number;
  const settings = hooks.transaction ?? {};
  try {
    const writeRequest = request as Parameters<typeof writeContract>[1];
    const estimate = await estimateContractGas(
      client,
      writeRequest as Parameters<typeof estimateContractGas>[1],
    );
    nonce =
      settings.nonce ??
      (await getTransactionCount(client, {
        address: client.account.address,
        blockTag: "pending",
      }));
    const fees =
      settings.gasPrice !== undefined
        ? { gasPrice: settings.gasPrice }
        : {
            ...(settings.maxFeePerGas === undefined ? {} : { maxFeePerGas: settings.maxFeePerGas }),
            ...(settings.maxPriorityFeePerGas === undefined
              ? {}
              : { maxPriorityFeePerGas: settings.maxPriorityFeePerGas }),
          };
    hash = await writeContract(client, {
      ...writeRequest,
      ...fees,
      nonce,
      gas: withGasMargin(estimate),
    } as Parameters<typeof writeContract>[1]);
  } catch (error) {
    throw toIpoolError(error, hooks);
  }
  hooks.onSubmitted?.(hash, { nonce });
  const receipt = await waitForTransactionReceipt(client, {
    hash,
    ...(settings.confirmations === undefined ? {} : { confirmations: settings.confirmations }),
    ...(settings.timeoutMs === undefined ? {} : { timeout: settings.timeoutMs }),
    ...(settings.signal === undefined ? {} : { signal: settings.signal }),
  });
  if (receipt.status !== "success") throw new TransactionRevertedError(hash);
  return { hash, receipt, result, gasUsed: receipt.gasUsed };
}

/** The state mutabilities a write action can call. */
type WriteMutability = "nonpayable" | "payable";

/** A contract write for {@link simulateAndSend}: `value` is only accepted by payable functions. */
export type SimulateAndSendCall<
  abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, WriteMutability>,
  args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
> = {
  address: Address;
  abi: abi;
  functionName: functionName;
  args: args;
} & GetValue<abi, functionName>;

/**
 * The body of a plain write action: simulates `call` from the client's account (a rejection throws a
 * decoded SDK error and sends nothing), then sends it with {@link execute}. `label` is the verb of the
 * decoded errors (defaults to the function name).
 *
 * @example
 * ```ts
 * return simulateAndSend(client, { address: pool, abi: iStakingPoolAbi, functionName: "stake", args: [amount] }, hooks);
 * ```
 */
export async function simulateAndSend<
  const abi extends Abi | readonly unknown[],
  functionName extends ContractFunctionName<abi, WriteMutability>,
  const args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>(
  client: WalletClient,
  call: SimulateAndSendCall<abi, functionName, args>,
  hooks: WriteHooks,
  label: string = call.functionName,
): Promise<WriteResult<SimulateContractReturnType<abi, functionName, args>["result"]>> {
  const context = { ...hooks, functionName: label, account: client.account.address };
  if (hooks.intercept) {
    return (await hooks.intercept({
      address: call.address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args as readonly unknown[],
      ...("value" in call && call.value !== undefined ? { value: call.value as bigint } : {}),
      from: client.account.address,
      label,
    })) as WriteResult<SimulateContractReturnType<abi, functionName, args>["result"]>;
  }
  const { request, result } = await preflight(
    () =>
      simulateContract(client, {
        account: client.account,
        ...call,
      } as SimulateContractParameters<
        abi,
        functionName,
        args,
        Chain | undefined,
        Chain | undefined,
        Account
      >),
    context,
  );
  return execute(client, request, result, context);
}

/** A contract call for {@link preflightWithAllowance}. */
export interface PreflightCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  value?: bigint;
}

/**
 * Simulates `approve(spender, amount)` on `token` followed by `call`, in one `eth_simulateV1` request,
 * so a call that needs an approval is checked before the approval is sent: a bad input then sends
 * nothing at all. Throws the call's decoded revert; does nothing on nodes without `eth_simulateV1`.
 *
 * @example
 * ```ts
 * await preflightWithAllowance(client, { token, spender: pool, amount, call: { address: pool, abi: iStakingPoolAbi, functionName: "deposit", args: [amount] } });
 * await ensureAllowance(client, { token, spender: pool, amount });
 * await deposit(client, { pool, amount });
 * ```
 */
export async function preflightWithAllowance(
  client: WalletClient,
  parameters: {
    token: Address;
    spender: Address;
    amount: bigint;
    call: PreflightCall;
  } & ErrorContext,
): Promise<void> {
  const { token, spender, amount, call, ...context } = parameters;
  let results: Awaited<ReturnType<typeof simulateCalls>>["results"];
  try {
    ({ results } = await simulateCalls(client, {
      account: client.account.address,
      calls: [
        { to: token, abi: erc20Abi, functionName: "approve", args: [spender, amount] },
        {
          to: call.address,
          abi: call.abi,
          functionName: call.functionName,
          args: call.args ?? [],
          ...(call.value === undefined ? {} : { value: call.value }),
        },
      ],
    } as Parameters<typeof simulateCalls>[1]));
  } catch (error) {
    const message = String((error as { details?: string; message?: string }).details ?? error);
    if (/not (found|supported|available)|does not exist|unknown method/i.test(message)) return;
    throw toIpoolError(error, {
      ...context,
      functionName: context.functionName ?? call.functionName,
    });
  }
  const outcome = results[1];
  if (outcome && outcome.status !== "success") {
    throw toIpoolError(outcome.error ?? outcome, {
      ...context,
      functionName: context.functionName ?? call.functionName,
    });
  }
}
