import type { Address, Hex } from "viem";
import { decodeErrorResult, hexToString } from "viem";
import { allErrorsAbi } from "../abis.ts";
import { CLAIM_STATUSES, claimNumber, MAX_ID_NUMBER, policyNumber } from "../maths/claims.ts";
import { formatAmount, formatDuration, formatTimestamp } from "../utils/amount.ts";
import { BaseError } from "./base.ts";

/** What the decoder needs to turn raw values into words: the pool token and who is acting. */
export interface ErrorContext {
  /** The pool token, to format amounts. Defaults to 18 decimals and no symbol. */
  tokenInfo?: { symbol: string; decimals: number };
  /** The function that reverted, e.g. `"stake"`; used as the verb of the message. */
  functionName?: string;
  /** The sender, to say "you" instead of an address. */
  account?: Address;
}

/** A revert decoded with the ABIs of the whole system. */
export class ContractRevertError extends BaseError {
  override name = "ContractRevertError";
  /** The Solidity error name, e.g. `"InsufficientUnstaked"`; undefined when the revert data is unknown. */
  readonly errorName: string | undefined;
  /** The error's arguments by name (positional names `arg0`... when the ABI has none). */
  readonly args: Record<string, unknown>;
  /** The raw revert data. */
  readonly data: Hex | undefined;

  constructor(
    shortMessage: string,
    parameters: {
      errorName?: string;
      args?: Record<string, unknown>;
      data?: Hex;
      cause?: unknown;
      metaMessages?: string[];
    },
  ) {
    super(shortMessage, { cause: parameters.cause, metaMessages: parameters.metaMessages });
    this.errorName = parameters.errorName;
    this.args = parameters.args ?? {};
    this.data = parameters.data;
  }
}

type Formatter = (value: unknown) => string;
type Template = (args: Record<string, unknown>, f: Formatters) => string;

interface Formatters {
  tokens: Formatter;
  usd: Formatter;
  shares: Formatter;
  time: Formatter;
  /** "your" for the sender, else "0x…'s". */
  your: (value: unknown) => string;
  /** "you" for the sender, else the address; with `verbs` [you-form, other-form] appended. */
  you: (value: unknown, verbs?: [string, string]) => string;
  verb: string;
}

/** Readable sentences for the errors people meet most; the rest get a generic sentence from their name. */
const templates: Record<string, Template> = {
  InvalidClaimStatus: (a, f) =>
    `${f.verb}: claim ${claimNumber(BigInt(String(a.claimId)))} is ${CLAIM_STATUSES[Number(a.status)] ?? `in status ${String(a.status)}`}, which does not allow this`,
  ZeroAmount: (_, f) => `${f.verb}: the amount must be above zero`,
  ZeroAddress: (_, f) => `${f.verb}: the address must not be the zero address`,
  InvalidPeriod: (a, f) =>
    `${f.verb}: the period ${formatDuration(BigInt(String(a.period)))} is not between ${formatDuration(BigInt(String(a.min)))} and ${formatDuration(BigInt(String(a.max)))}`,
  InsufficientUnstaked: (a, f) =>
    `${f.verb} ${f.tokens(a.amount)} exceeds ${f.your(a.user)} unstaked ${f.tokens(a.available)}`,
  InsufficientWithdrawable: (a, f) =>
    `${f.verb} ${f.tokens(a.amount)} exceeds ${f.your(a.user)} withdrawable ${f.tokens(a.withdrawable)} (locked rewards and unvested tokens cannot leave)`,
  InsufficientShares: (a, f) =>
    `${f.verb} ${f.shares(a.shares)} shares exceeds ${f.your(a.user)} staked ${f.shares(a.available)} shares`,
  UnstakeAlreadyPending: (a, f) =>
    `${f.your(a.user)} unstake is already pending (matures ${f.time(a.maturesAt)}); execute it with unstake first`,
  NoPendingUnstake: (a, f) => `${f.you(a.user, ["have", "has"])} no pending unstake`,
  UnstakeNotMature: (a, f) =>
    `${f.your(a.user)} unstake matures ${f.time(a.maturesAt)}, in ${formatDuration(BigInt(String(a.maturesAt)) - BigInt(String(a.now)))}`,
  Unauthorized: (a, f) =>
    `${f.verb}: only ${a.expected} can do this (${f.you(a.caller, ["are", "is"])} not allowed)`,
  UnauthorizedClaimsManager: (a) => `${a.caller} is not an authorized claims manager`,
  NotPolicyAgent: (a, f) =>
    `${f.verb}: only a policy agent the DAO appointed can do this (${f.you(a.caller, ["are", "is"])} not one)`,
  PayoutExceedsStake: (a, f) =>
    `a payout of ${f.tokens(a.amount)} exceeds the total stake ${f.tokens(a.totalStake)}`,
  ParameterOutOfBounds: (a) => `${a.value} is outside the bounds [${a.min}, ${a.max}]`,
  ZeroSharesMinted: (a, f) =>
    `${f.verb} ${f.tokens(a.amount)} is below the price of one share and would mint none`,
  FirstStakeTooSmall: (a, f) =>
    `${f.verb} ${f.tokens(a.amount)}: the first stake of a share era must be at least ${f.tokens(a.minimum)}, so the dead shares stay negligible`,
  PremiumPullOutOfGas: (a) =>
    `the epoch start ran out of gas pulling the premiums of ${a.manager}; send the transaction with a higher gas limit`,
  ERC20InsufficientBalance: (a, f) =>
    `${f.verb}: ${f.your(a.sender)} token balance ${f.tokens(a.balance)} is below the ${f.tokens(a.needed)} needed`,
  ERC20InsufficientAllowance: (a, f) =>
    `${f.verb}: the allowance of ${a.spender} is ${f.tokens(a.allowance)}, ${f.tokens(a.needed)} needed (approve first)`,
  // IncidentRegistry
  FeedNotStale: (a, f) =>
    `${f.verb}: ${dapiText(a.dapiName)} is not stale: updated ${f.time(a.updatedAt)}, fresh until ${f.time(a.staleFrom)}`,
  FeedNotDeviating: (a, f) =>
    `${f.verb}: ${dapiText(a.dapiName)} reads ${formatAmount(BigInt(String(a.value)), 18)}, within ${bpsText(a.thresholdBps)} of the references' median ${formatAmount(BigInt(String(a.median)), 18)}`,
  FeedUnreadable: (a, f) =>
    `${f.verb}: ${dapiText(a.dapiName)} cannot be read on Api3ServerV1 (its name is not set or it never updated)`,
  ReportTooSoon: (a, f) =>
    `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} was proven recently; the next report counts from ${f.time(a.allowedAt)}`,
  UnknownDefinition: (a, f) =>
    `${f.verb}: ${dapiText(a.dapiName)} has no incident definition${BigInt(String(a.version)) === 0n ? "" : ` version ${a.version}`}: the registry does not judge it`,
  DeviationNotJudged: (a, f) =>
    `${f.verb}: ${dapiText(a.dapiName)} has no reference data sources: its deviations are not judged`,
  TooFewReferences: (a, f) =>
    `${f.verb}: ${a.provided} signed values given, the dAPI's definition needs ${a.required}`,
  UnknownReference: (a, f) =>
    `${f.verb}: airnode ${a.airnode} with template ${a.templateId} is not one of the dAPI's references`,
  SignedDataTooOld: (a, f) =>
    `${f.verb}: ${a.airnode}'s value signed ${f.time(a.timestamp)} is not newer than ${f.time(a.mustBeAfter)} (the feed's last update or the last report's data)`,
  SignedDataFromFuture: (a, f) =>
    `${f.verb}: ${a.airnode}'s value is signed for ${f.time(a.timestamp)}, more than 60 s ahead of the chain`,
  BadSignature: (a, f) => `${f.verb}: the signature is not ${a.airnode}'s for the value given`,
  NoBountyEarned: (a, f) => `${f.you(a.reporter, ["have", "has"])} no incident bounties to claim`,
  IncidentAlreadyVoided: (a, f) =>
    `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} is already voided`,
  ChallengeWindowOver: (a, f) =>
    `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} became payable ${f.time(a.payableAt)}: its challenge window is over`,
  // Parametric coverage (ClaimsParametric)
  DapiHasOpenIncident: (a, f) =>
    `${f.verb}: dAPI ${a.dapiId} has an open incident in the incident registry; no coverage is sold on it until the incident closes`,
  ParametricNotOffered: (a, f) =>
    `${f.verb}: parametric coverage is not offered on dAPI ${a.dapiId} (not served on this chain, no incident definition, or the dAPI that prices payouts)`,
  ParametricPolicyNotUpgradable: (a, f) =>
    `${f.verb}: policy ${policyNumber(BigInt(String(a.policyId)))} is parametric: its coverage pays without a mediator, so a policy agent cannot raise or extend it`,
  NotParametric: (a, f) =>
    `${f.verb}: policy ${policyNumber(BigInt(String(a.policyId)))} is not parametric (file an ordinary claim with ipool claim)`,
  IncidentVoided: (a, f) =>
    `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} was voided by the registry's mediator and never pays`,
  IncidentNotPayable: (a, f) =>
    BigInt(String(a.payableAt)) === 0n
      ? `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} is a deviation not confirmed yet: a second report at least the confirmation gap later confirms it`
      : `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} pays from ${f.time(a.payableAt)} (the end of its challenge window), in ${formatDuration(BigInt(String(a.payableAt)) - BigInt(String(a.now)))}`,
  IncidentNotCovered: (a, f) =>
    `${f.verb}: incident ${a.incidentId} of ${dapiText(a.dapiName)} does not hold under incident definition v${a.version}, the one the policy was bought under`,
  ParametricClaimPeriodOver: (a, f) =>
    `${f.verb}: parametric claims on policy ${policyNumber(BigInt(String(a.policyId)))} were possible until ${f.time(a.deadline)} (30 days after its end)`,
  IncidentCapReached: (a, f) =>
    `${f.verb}: parametric claims on incident ${a.incidentId} of dAPI ${a.dapiId} already paid its cap of ${f.usd(a.capUsd)}`,
  GovernorInsufficientProposerVotes: (a, f) =>
    `${f.your(a.proposer)} voting power ${f.shares(a.votes)} is below the proposal threshold ${f.shares(a.threshold)}`,
  GovernorNonexistentProposal: (a) => `proposal ${a.proposalId} does not exist`,
  GovernorAlreadyCastVote: (a, f) => `${f.you(a.voter, ["have", "has"])} already voted`,
  GovernorUnexpectedProposalState: (a, f) =>
    `proposal ${a.proposalId} is ${proposalStateName(a.current)}, which does not allow this: ${f.verb} needs it ${stateNames(a.expectedStates, PROPOSAL_STATES)}`,
  GovernorUnableToCancel: (a, f) =>
    `${f.verb}: only its proposer can cancel proposal ${a.proposalId}, and only while it is Pending (${f.you(a.account)} cannot)`,
  GovernorNotQueuedProposal: (a) =>
    `proposal ${a.proposalId} is not queued: queue it first, then it executes after the timelock's delay`,
  GovernorAlreadyQueuedProposal: (a) => `proposal ${a.proposalId} is already queued`,
  TimelockUnexpectedOperationState: (a, f) =>
    `${f.verb}: the timelock operation ${String(a.operationId).slice(0, 10)}… is not ${stateNames(a.expectedStates, TIMELOCK_STATES)} (a queued operation is Ready once its delay has passed)`,
  OwnableUnauthorizedAccount: (a, f) =>
    `${f.verb}: only the contract's owner can do this (${f.you(a.account, ["are", "is"])} not the owner)`,
};

/** OpenZeppelin TimelockController's `OperationState`. */
const TIMELOCK_STATES = ["Unset", "Waiting", "Ready", "Done"] as const;

/** An OpenZeppelin state bitmap (bit i: state i) as words: `"Succeeded or Queued"`. */
export function stateNames(bitmap: unknown, names: readonly string[]): string {
  const bits = BigInt(String(bitmap));
  const set = names.filter((_, index) => (bits >> BigInt(index)) & 1n);
  return set.length ? set.join(" or ") : `states ${String(bitmap)}`;
}

/** A `bytes32` dAPI name as text ("ETH/USD"), or the hex when it is not text. */
function dapiText(value: unknown): string {
  const hex = String(value);
  try {
    const text = hexToString(hex as Hex, { size: 32 });
    return /^[\x20-\x7e]+$/.test(text) ? text : hex;
  } catch {
    return hex;
  }
}

/** Basis points as a percentage ("8%"). */
function bpsText(value: unknown): string {
  return `${formatAmount(BigInt(String(value)), 2)}%`;
}

const PROPOSAL_STATES = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

/** OpenZeppelin Governor's `ProposalState` as a word. */
export function proposalStateName(state: unknown): string {
  const index = Number(state);
  return PROPOSAL_STATES[index] ?? `state ${String(state)}`;
}

/**
 * A Solidity name as lower-case words, e.g. `"quoteCoverage"` -> `"quote coverage"`, `"APRUpdated"` -> `"apr updated"`.
 *
 * @example
 * ```ts
 * splitWords("StalePrice"); // "stale price"
 * ```
 */
export function splitWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
}

function isSender(value: unknown, context: ErrorContext): boolean {
  return (
    typeof value === "string" &&
    context.account !== undefined &&
    value.toLowerCase() === context.account.toLowerCase()
  );
}

function formatters(context: ErrorContext): Formatters {
  const decimals = context.tokenInfo?.decimals ?? 18;
  const symbol = context.tokenInfo?.symbol;
  const tokens: Formatter = (value) =>
    formatAmount(BigInt(String(value)), decimals, symbol ? { symbol } : {});
  return {
    tokens,
    usd: (value) => `${formatAmount(BigInt(String(value)), 18, { maxFractionDigits: 2 })} USD`,
    shares: (value) => formatAmount(BigInt(String(value)), decimals),
    time: (value) => formatTimestamp(BigInt(String(value))),
    your: (value) => (isSender(value, context) ? "your" : `${String(value)}'s`),
    you: (value, verbs) => {
      const mine = isSender(value, context);
      const subject = mine ? "you" : String(value);
      return verbs ? `${subject} ${mine ? verbs[0] : verbs[1]}` : subject;
    },
    verb: context.functionName ?? "the call",
  };
}

/** Guesses how to show an argument from its name: token amounts, USD, times, durations, raw. */
function formatArgument(name: string, value: unknown, f: Formatters): string {
  if (typeof value !== "bigint") return String(value);
  const lower = name.toLowerCase();
  // Policy and claim ids encode their terms; people know them by number (see `policyNumber`).
  if (lower === "policyid" && value > MAX_ID_NUMBER) return policyNumber(value).toString();
  if (lower === "claimid" && value > MAX_ID_NUMBER) return claimNumber(value).toString();
  if (lower.endsWith("usd")) return f.usd(value);
  if (lower.includes("share")) return f.shares(value);
  if (
    /(at|time|deadline|until|from|now|timestamp|start|end)$/.test(lower) &&
    value > 1_000_000_000n
  ) {
    return f.time(value);
  }
  if (/(period|duration|wait|age)$/.test(lower)) return formatDuration(value);
  if (
    /(amount|available|balance|needed|stake|premium|payout|cost|fee|bond|capacity|withdrawable|remaining|max|min|limit|quota|tokens|value)/.test(
      lower,
    ) &&
    value >= 1_000_000n
  ) {
    return f.tokens(value);
  }
  return value.toString();
}

/**
 * Decodes revert data of any contract of the system into a {@link ContractRevertError} with a readable
 * message, the values formatted (token amounts with the token's symbol, times as dates).
 *
 * @example
 * ```ts
 * const error = decodeRevertData("0x…", { tokenInfo: { symbol: "API3", decimals: 18 }, functionName: "stake", account });
 * error.shortMessage // "stake 500 API3 exceeds your unstaked 200 API3"
 * ```
 */
export function decodeRevertData(
  data: Hex,
  context: ErrorContext = {},
  cause?: unknown,
): ContractRevertError {
  let decoded: { errorName: string; args: readonly unknown[] | undefined } | undefined;
  try {
    decoded = decodeErrorResult({ abi: allErrorsAbi, data }) as typeof decoded;
  } catch {
    decoded = undefined;
  }
  const f = formatters(context);
  if (!decoded) {
    return new ContractRevertError(`${f.verb} reverted with unknown data ${data}`, { data, cause });
  }
  const { errorName } = decoded;
  const args: Record<string, unknown> = {};
  const positional = decoded.args ?? [];
  if (errorName === "Error" || errorName === "Panic") {
    const reason = String(positional[0]);
    const message =
      errorName === "Panic" ? `${f.verb} panicked (code ${reason})` : `${f.verb}: ${reason}`;
    return new ContractRevertError(message, { errorName, args: { reason }, data, cause });
  }
  const item = allErrorsAbi.find(
    (abiItem) => abiItem.name === errorName && abiItem.inputs.length === positional.length,
  );
  positional.forEach((value, index) => {
    args[item?.inputs[index]?.name || `arg${index}`] = value;
  });
  const template = templates[errorName];
  let message: string;
  if (template) {
    message = template(args, f);
  } else {
    const values = Object.entries(args).map(
      ([name, value]) => `${name} ${formatArgument(name, value, f)}`,
    );
    message = `${f.verb}: ${splitWords(errorName)}${values.length ? ` (${values.join(", ")})` : ""}`;
  }
  const metaMessages = [
    `Error: ${errorName}(${Object.entries(args)
      .map(
        ([name, value]) =>
          `${name}: ${typeof value === "bigint" ? value.toString() : String(value)}`,
      )
      .join(", ")})`,
  ];
  return new ContractRevertError(message, { errorName, args, data, cause, metaMessages });
}

/** Finds revert data anywhere in an error's cause chain (viem errors, RPC errors). */
export function findRevertData(error: unknown): Hex | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 20; depth++) {
    if (typeof current === "object") {
      const record = current as { raw?: unknown; data?: unknown; cause?: unknown };
      for (const candidate of [record.raw, record.data]) {
        if (typeof candidate === "string" && /^0x[0-9a-fA-F]{8}/.test(candidate)) {
          return candidate as Hex;
        }
        if (candidate && typeof candidate === "object" && "data" in candidate) {
          const nested = (candidate as { data?: unknown }).data;
          if (typeof nested === "string" && /^0x[0-9a-fA-F]{8}/.test(nested)) return nested as Hex;
        }
      }
      current = record.cause;
    } else {
      current = undefined;
    }
  }
  return undefined;
}

/**
 * Turns anything a contract call throws into an SDK error: a decoded {@link ContractRevertError} when
 * revert data can be found, the error itself when it already is a {@link BaseError}, else a BaseError
 * carrying viem's short message.
 *
 * @example
 * ```ts
 * try { await simulateContract(client, request) } catch (error) { throw toIpoolError(error, { functionName: "stake" }) }
 * ```
 */
export function toIpoolError(error: unknown, context: ErrorContext = {}): BaseError {
  if (error instanceof BaseError) return error;
  const data = findRevertData(error);
  if (data) return decodeRevertData(data, context, error);
  const short =
    (error as { shortMessage?: unknown })?.shortMessage ??
    (error as Error)?.message ??
    String(error);
  return new BaseError(`${context.functionName ?? "the call"} failed: ${String(short)}`, {
    cause: error,
  });
}

/** Formats an 18-decimals USD amount, e.g. `"1,250.5 USD"`. */
export function formatUsd(value: bigint): string {
  return `${formatAmount(value, 18, { maxFractionDigits: 2 })} USD`;
}
