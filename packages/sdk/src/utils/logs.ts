import type {
  Abi,
  AbiEvent,
  Address,
  BlockTag,
  Chain,
  Client,
  ContractEventArgs,
  ContractEventName,
  GetContractEventsParameters,
  GetContractEventsReturnType,
  GetLogsParameters,
  GetLogsReturnType,
  MaybeAbiEventName,
  MaybeExtractEventArgsFromAbi,
  Transport,
} from "viem";
import { getBlock, getContractEvents, getLogs } from "viem/actions";
import { InvalidInputError, LogsLimitError } from "../errors/base.ts";

/** Blocks per `eth_getLogs` request unless told otherwise; under most providers' caps. */
export const DEFAULT_LOGS_PAGE_SIZE = 5_000n;

/** The block range of a paged log query. */
export interface LogsPageOptions {
  /** First block to search, inclusive (usually `deployment.startBlock`). */
  fromBlock: bigint;
  /** Last block to search, inclusive; a tag is resolved to a number once, before the first page. Default `"latest"`. */
  toBlock?: bigint | Exclude<BlockTag, "pending"> | undefined;
  /** Most blocks per request (default {@link DEFAULT_LOGS_PAGE_SIZE}); halved while the provider refuses a page. */
  pageSize?: bigint | undefined;
}

/** Parameters of {@link getLogsPaged}: viem's `getLogs` parameters with a paged block range. */
export type GetLogsPagedParameters<
  abiEvent extends AbiEvent | undefined = undefined,
  abiEvents extends readonly AbiEvent[] | readonly unknown[] | undefined = abiEvent extends AbiEvent
    ? [abiEvent]
    : undefined,
  strict extends boolean | undefined = undefined,
  _eventName extends string | undefined = MaybeAbiEventName<abiEvent>,
> = LogsPageOptions & { address?: Address | Address[] | undefined } & (
    | {
        event: abiEvent;
        events?: undefined;
        args?: MaybeExtractEventArgsFromAbi<abiEvents, _eventName> | undefined;
        strict?: strict | undefined;
      }
    | { event?: undefined; events: abiEvents; args?: undefined; strict?: strict | undefined }
    | { event?: undefined; events?: undefined; args?: undefined; strict?: undefined }
  );

/** Parameters of {@link getContractEventsPaged}: viem's `getContractEvents` parameters with a paged block range. */
export type GetContractEventsPagedParameters<
  abi extends Abi | readonly unknown[] = Abi,
  eventName extends ContractEventName<abi> | undefined = ContractEventName<abi> | undefined,
  strict extends boolean | undefined = undefined,
> = LogsPageOptions & {
  address?: Address | Address[] | undefined;
  abi: abi;
  args?:
    | ContractEventArgs<
        abi,
        eventName extends ContractEventName<abi> ? eventName : ContractEventName<abi>
      >
    | undefined;
  eventName?: eventName | ContractEventName<abi> | undefined;
  strict?: strict | boolean | undefined;
};

/**
 * Reads logs like viem's `getLogs`, in pages of at most `pageSize` blocks, so RPC providers that cap
 * the block range or the result count of `eth_getLogs` answer. A page the provider refuses for its
 * size is halved and asked again (the smaller size is kept for the rest of the range); a single block
 * that is still refused throws {@link LogsLimitError}; any other error is rethrown at once. Logs come
 * back in block and log order.
 *
 * @example
 * ```ts
 * const logs = await getLogsPaged(client, { address: deployment.contracts.stakingPool, fromBlock: BigInt(deployment.startBlock) });
 * ```
 */
export async function getLogsPaged<
  chain extends Chain | undefined,
  const abiEvent extends AbiEvent | undefined = undefined,
  const abiEvents extends
    | readonly AbiEvent[]
    | readonly unknown[]
    | undefined = abiEvent extends AbiEvent ? [abiEvent] : undefined,
  strict extends boolean | undefined = undefined,
>(
  client: Client<Transport, chain>,
  parameters: GetLogsPagedParameters<abiEvent, abiEvents, strict>,
): Promise<GetLogsReturnType<abiEvent, abiEvents, strict>> {
  const { address, event, events, args, strict } = parameters;
  return (await readPaged(client, parameters, (fromBlock, toBlock) =>
    getLogs(client, {
      address,
      event,
      events,
      args,
      strict,
      fromBlock,
      toBlock,
    } as GetLogsParameters),
  )) as GetLogsReturnType<abiEvent, abiEvents, strict>;
}

/**
 * Reads a contract's events like viem's `getContractEvents` (decoded and typed by `abi` and
 * `eventName`), paged as {@link getLogsPaged} describes.
 *
 * @example
 * ```ts
 * const created = await getContractEventsPaged(client, { address: claimsManager, abi: iClaimsManagerAbi, eventName: "PolicyCreated", fromBlock, strict: true });
 * ```
 */
export async function getContractEventsPaged<
  chain extends Chain | undefined,
  const abi extends Abi | readonly unknown[],
  eventName extends ContractEventName<abi> | undefined = undefined,
  strict extends boolean | undefined = undefined,
>(
  client: Client<Transport, chain>,
  parameters: GetContractEventsPagedParameters<abi, eventName, strict>,
): Promise<GetContractEventsReturnType<abi, eventName, strict>> {
  const { address, abi, eventName, args, strict } = parameters;
  return (await readPaged(client, parameters, (fromBlock, toBlock) =>
    getContractEvents(client, {
      address,
      abi,
      eventName,
      args,
      strict,
      fromBlock,
      toBlock,
    } as GetContractEventsParameters),
  )) as unknown as GetContractEventsReturnType<abi, eventName, strict>;
}

/** Walks [fromBlock, toBlock] one page at a time, halving a page the provider refuses as too large. */
async function readPaged<log>(
  client: Client<Transport, Chain | undefined>,
  { fromBlock, toBlock = "latest", pageSize = DEFAULT_LOGS_PAGE_SIZE }: LogsPageOptions,
  readPage: (fromBlock: bigint, toBlock: bigint) => Promise<readonly log[]>,
): Promise<log[]> {
  if (pageSize < 1n)
    throw new InvalidInputError(`pageSize must be at least 1 block, not ${pageSize}`);
  const endBlock =
    typeof toBlock === "bigint" ? toBlock : (await getBlock(client, { blockTag: toBlock })).number;
  const logs: log[] = [];
  let size = pageSize;
  let from = fromBlock;
  while (from <= endBlock) {
    const to = from + size - 1n < endBlock ? from + size - 1n : endBlock;
    let page: readonly log[];
    try {
      page = await readPage(from, to);
    } catch (error) {
      if (!isLogsLimitError(error)) throw error;
      if (from === to)
        throw new LogsLimitError(from, { cause: error, details: errorDetails(error) });
      size = (to - from + 1n) / 2n;
      continue;
    }
    for (const log of page) logs.push(log);
    from = to + 1n;
  }
  return logs;
}

/** `eth_getLogs` refusals that a smaller block range avoids, as common providers and clients word them. */
const LIMIT_MESSAGE =
  /block range|blocks range|range of blocks|ranges? over|range (is )?too|range limit|max(imum)? range|limited to .{0,20}range|more than [\d,]+ (results|logs)|too many (results|logs)|response size|max(imum)? results|results? limit/i;
/** Some providers (Infura) also use -32005 for rate limits, which a smaller range does not avoid. */
const RATE_MESSAGE = /\brate\b|rate.?limit|per second|request count|daily|compute units/i;
/** JSON-RPC "limit exceeded" (EIP-1474). */
const LIMIT_EXCEEDED_CODE = -32005;

/**
 * Whether a failed `eth_getLogs` request was refused for its size (block range, result count or
 * response size), so a smaller range may succeed. Reads the whole `cause` chain of viem's errors.
 */
export function isLogsLimitError(error: unknown): boolean {
  let limitCode = false;
  const texts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    const e = current as Error & { code?: unknown; details?: unknown; shortMessage?: unknown };
    if (e.code === LIMIT_EXCEEDED_CODE) limitCode = true;
    // viem's `message` repeats the URL and request body; its `shortMessage` and `details` do not.
    if (typeof e.shortMessage === "string") texts.push(e.shortMessage);
    else texts.push(e.message);
    if (typeof e.details === "string") texts.push(e.details);
    current = e.cause;
  }
  const text = texts.join("\n");
  return LIMIT_MESSAGE.test(text) || (limitCode && !RATE_MESSAGE.test(text));
}

/** The provider's own words (viem's `details`), without the URL and request body of `message`. */
function errorDetails(error: unknown): string | undefined {
  const details = (error as { details?: unknown } | undefined)?.details;
  return typeof details === "string" && details !== "" ? details : undefined;
}
