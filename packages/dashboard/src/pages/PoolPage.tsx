import { useState } from "react";
import { type Address, getAddress, isAddress, isAddressEqual, maxUint256, zeroAddress } from "viem";
import { useConnection } from "wagmi";
import { frozenExitReleased } from "../../../sdk/src/maths/shares.ts";
import { AmountField, validateAmount } from "../components/AmountField.tsx";
import { LineChart } from "../components/Chart.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { Badge, Card, Empty, Stat } from "../components/ui.tsx";
import { type TokenInfo, useAppConfig, useClient, useToken } from "../lib/context.tsx";
import { abis } from "../lib/contracts.ts";
import {
  formatAmount,
  formatDate,
  formatDuration,
  formatPercent,
  shortAddress,
} from "../lib/format.ts";
import { usePoolHistory } from "../lib/history.ts";
import {
  type PendingUnstake,
  type PoolState,
  toFraction,
  type UserPosition,
  usePoolState,
  useUserPosition,
} from "../lib/pool.ts";
import { useChainTime } from "../lib/useChainTime.ts";
import { type Call, useTransaction } from "../lib/useTransaction.ts";

const toNumber = (value: bigint, decimals: number) => Number(value) / 10 ** decimals;

export function PoolPage() {
  const token = useToken();
  const pool = usePoolState();
  const { address } = useConnection();
  const position = useUserPosition(address);
  const history = usePoolHistory();
  const now = useChainTime();

  if (!token || !pool.data) {
    return <p className="loading">Loading the pool…</p>;
  }
  const { data: state } = pool;
  const d = token.decimals;
  const stakedRatio =
    state.tokenSupply > 0n ? Number((state.totalStake * 10_000n) / state.tokenSupply) / 10_000 : 0;

  return (
    <div className="page" data-testid="pool-page">
      <h1>Staking pool</h1>
      <div className="stats">
        <Stat
          label="Total staked"
          testId="total-staked"
          value={`${formatAmount(state.totalStake, d)} ${token.symbol}`}
          hint={`${formatPercent(stakedRatio, 1)} of supply${state.stakeTarget === undefined ? "" : ` (target ${formatPercent(state.stakeTarget, 0)})`}`}
        />
        <Stat
          label="Share price"
          testId="share-price"
          value={state.sharePrice === undefined ? "—" : formatAmount(state.sharePrice, d, 6)}
          hint={`${token.symbol} per share`}
        />
        <Stat
          label="APR"
          testId="apr"
          value={formatPercent(state.apr)}
          hint="rewards locked 52-53 weeks"
        />
        <Stat
          label="Unstake wait"
          value={
            state.unstakeWaitPeriod === undefined
              ? "—"
              : formatDuration(Number(state.unstakeWaitPeriod))
          }
          hint={`${formatAmount(state.totalShares, d)} shares`}
        />
      </div>

      <ExposureStats state={state} token={token} />

      <div className="grid-2">
        <Card title="Total stake over time">
          <LineChart
            label="Total stake over time"
            now={now}
            series={[
              {
                name: `total stake (${token.symbol})`,
                color: "var(--accent)",
                points: (history.data?.totalStake ?? []).map((p) => ({
                  x: p.x,
                  y: toNumber(p.y, d),
                })),
              },
            ]}
          />
        </Card>
        <Card title="APR over time">
          {history.data && history.data.apr.length > 0 ? (
            <LineChart
              label="APR over time"
              now={now}
              yFormat={(v) => `${v.toFixed(1)}%`}
              series={[
                {
                  name: "APR (%)",
                  color: "var(--green)",
                  points: history.data.apr.map((p) => ({
                    x: p.x,
                    y: toFraction(p.y, state.percentScale) * 100,
                  })),
                },
              ]}
            />
          ) : (
            <Empty>
              {state.apr === undefined
                ? "This pool does not report an APR."
                : `Constant at ${formatPercent(state.apr)} since deployment (it moves at epoch boundaries).`}
            </Empty>
          )}
        </Card>
      </div>

      {address ? (
        <div className="grid-2">
          <PositionCard
            token={token}
            position={position.data}
            openExposure={state.openExposure}
            now={now}
            user={address}
          />
          <ActionsCard
            token={token}
            state={state}
            position={position.data}
            user={address}
            now={now}
          />
        </div>
      ) : (
        <Card title="Your position">
          <Empty>Connect a wallet (or pick a devnet account above) to stake.</Empty>
        </Card>
      )}
    </div>
  );
}

/** `part` as a fraction of `whole` (0 when `whole` is 0). */
function shareOf(part: bigint, whole: bigint): number {
  return whole > 0n ? Number((part * 1_000_000n) / whole) / 1_000_000 : 0;
}

/**
 * What claims may still take from the stake (#12): the open exposure a new stake shares and a matured exit holds
 * back its share of, the pool's payout cap, and the longest a frozen exit waits.
 */
function ExposureStats({ state, token }: { state: PoolState; token: TokenInfo }) {
  if (state.openExposure === undefined) return null;
  return (
    <div className="stats" data-testid="exposure">
      <Stat
        label="Open exposure"
        testId="open-exposure"
        value={`${formatAmount(state.openExposure, token.decimals)} ${token.symbol}`}
        hint={`${formatPercent(shareOf(state.openExposure, state.totalStake))} of the stake: what open claims and owed tranches may still take; a new stake shares it`}
      />
      <Stat
        label="Payout cap"
        testId="payout-cap"
        value={
          state.payoutCap === undefined
            ? "—"
            : `${formatPercent(toFraction(state.payoutCap, state.percentScale), 0)} / week`
        }
        hint={
          state.payoutRoom === undefined
            ? "of the stake, for all claims managers"
            : `of the stake, for all claims managers (${formatAmount(state.payoutRoom, token.decimals)} ${token.symbol} left now)`
        }
      />
      <Stat
        label="Longest freeze"
        value={state.maxFreeze === undefined ? "—" : formatDuration(Number(state.maxFreeze))}
        hint="a matured exit holds back its share of the open exposure until no claim is open, at most this long"
      />
    </div>
  );
}

/** Who a user's votes go to: "yourself" when undelegated (or delegated to self). */
export function DelegateText({ delegate, user }: { delegate: Address | undefined; user: Address }) {
  if (!delegate || delegate === zeroAddress || isAddressEqual(delegate, user)) return <>yourself</>;
  return <code title={delegate}>{shortAddress(delegate)}</code>;
}

function PositionCard({
  token,
  position,
  openExposure,
  now,
  user,
}: {
  token: TokenInfo;
  position: UserPosition | undefined;
  openExposure: bigint | undefined;
  now: number | undefined;
  user: Address;
}) {
  if (!position) return <Card title="Your position">Loading…</Card>;
  const d = token.decimals;
  const f = (v: bigint | undefined) =>
    v === undefined ? "—" : `${formatAmount(v, d, 4)} ${token.symbol}`;
  const pending = position.pending;
  const remaining = pending && now !== undefined ? Number(pending.maturesAt) - now : undefined;
  return (
    <Card title="Your position">
      <dl className="kv" data-testid="position">
        <dt>Wallet balance</dt>
        <dd>{f(position.walletBalance)}</dd>
        <dt>Deposited, not staked</dt>
        <dd data-testid="unstaked">{f(position.unstaked)}</dd>
        <dt>Staked</dt>
        <dd data-testid="staked">
          {f(position.stake)}{" "}
          <span className="muted">({formatAmount(position.shares, d, 4)} shares)</span>
        </dd>
        <dt>Locked rewards</dt>
        <dd>{f(position.locked)}</dd>
        <dt>Withdrawable</dt>
        <dd>{f(position.withdrawable)}</dd>
        <dt>{pending?.frozen ? "Frozen exit" : "Pending unstake"}</dt>
        <dd data-testid="pending-unstake">
          {pending?.frozen ? (
            <FrozenExit pending={pending} openExposure={openExposure} now={now} format={f} />
          ) : pending ? (
            <>
              {f(pending.amount)}{" "}
              {remaining !== undefined && remaining > 0 ? (
                <Badge tone="warn">matures in {formatDuration(remaining)}</Badge>
              ) : (
                <Badge tone="ok">ready to unstake</Badge>
              )}
              <div className="muted small">matures {formatDate(pending.maturesAt)} UTC</div>
            </>
          ) : (
            "none"
          )}
        </dd>
        <dt>Voting power</dt>
        <dd>
          {position.votes === undefined ? "—" : `${formatAmount(position.votes, d, 4)} votes`}
        </dd>
        <dt>Votes go to</dt>
        <dd>
          <DelegateText delegate={position.delegate} user={user} />
        </dd>
      </dl>
    </Card>
  );
}

/** The part of an exit held back by open claims, and when it may leave. */
function FrozenExit({
  pending,
  openExposure,
  now,
  format,
}: {
  pending: PendingUnstake;
  openExposure: bigint | undefined;
  now: number | undefined;
  format: (value: bigint) => string;
}) {
  // An exposure not read yet counts as open claims: the exit is shown frozen until known otherwise.
  const released =
    now !== undefined && frozenExitReleased(pending, openExposure ?? 1n, BigInt(now));
  return (
    <div data-testid="frozen-exit">
      {format(pending.amount)} held for open claims{" "}
      {released ? (
        <Badge tone="ok">released: unstake to credit it</Badge>
      ) : (
        <Badge tone="warn">frozen</Badge>
      )}
      <div className="muted small">
        Leaves once no claim is open
        {openExposure !== undefined && openExposure > 0n
          ? ` (open exposure ${format(openExposure)} now)`
          : ""}
        , at the latest {formatDate(pending.maturesAt)} UTC
        {pending.liable > 0n
          ? `; answers for up to ${format(pending.liable)} of the payouts made meanwhile`
          : ""}
        .
      </div>
    </div>
  );
}

type Action =
  | "depositAndStake"
  | "deposit"
  | "stake"
  | "scheduleUnstake"
  | "unstake"
  | "withdraw"
  | "delegate";

const actionLabels: Record<Action, string> = {
  depositAndStake: "Deposit & stake",
  deposit: "Deposit",
  stake: "Stake",
  scheduleUnstake: "Schedule unstake",
  unstake: "Unstake",
  withdraw: "Withdraw",
  delegate: "Delegate",
};

function ActionsCard({
  token,
  state,
  position,
  user,
  now,
}: {
  token: TokenInfo;
  state: PoolState;
  position: UserPosition | undefined;
  user: Address;
  now: number | undefined;
}) {
  const [action, setAction] = useState<Action>("depositAndStake");
  const frozen = position?.pending?.frozen === true;
  const [amountText, setAmountText] = useState("");
  const [delegatee, setDelegatee] = useState("");
  const tx = useTransaction();
  const config = useAppConfig();
  const client = useClient();
  const pool = config.deployment.contracts.stakingPool;
  const d = token.decimals;

  const max: Record<Action, bigint | undefined> = {
    depositAndStake: position?.walletBalance,
    deposit: position?.walletBalance,
    stake: position?.unstaked,
    scheduleUnstake: position?.stake,
    unstake: undefined,
    withdraw: position?.withdrawable ?? position?.unstaked,
    delegate: undefined,
  };
  const maxLabel: Record<Action, string> = {
    depositAndStake: "your wallet balance",
    deposit: "your wallet balance",
    stake: "your deposited, unstaked balance",
    scheduleUnstake: "your stake",
    unstake: "",
    withdraw: "your withdrawable balance",
    delegate: "",
  };
  const needsAmount = action !== "unstake" && action !== "delegate";
  const validation = needsAmount
    ? validateAmount(amountText, d, max[action], maxLabel[action], token.symbol)
    : { error: null };
  let blocker: string | null = null;
  if (action === "scheduleUnstake" && position?.pending)
    blocker = frozen
      ? "Your frozen exit must leave first: unstake it once it is released."
      : "You already have a pending unstake: execute it first.";
  if (action === "unstake") {
    if (!position?.pending) blocker = "You have no pending unstake.";
    else if (position.pending.frozen) {
      if (
        now !== undefined &&
        !frozenExitReleased(position.pending, state.openExposure ?? 1n, BigInt(now))
      )
        blocker = `Your frozen exit leaves once no claim is open (open exposure ${formatAmount(state.openExposure, d)} ${token.symbol}), at the latest in ${formatDuration(Number(position.pending.maturesAt) - now)}.`;
    } else if (now !== undefined && Number(position.pending.maturesAt) > now)
      blocker = `Your unstake matures in ${formatDuration(Number(position.pending.maturesAt) - now)}.`;
  }
  let delegateError: string | null = null;
  if (action === "delegate") {
    if (delegatee.trim() !== "" && !isAddress(delegatee.trim()))
      delegateError = "Enter a valid address (0x…)";
    if (
      position?.delegationChangeableAt !== undefined &&
      now !== undefined &&
      Number(position.delegationChangeableAt) > now
    )
      blocker = `Delegation can change again in ${formatDuration(Number(position.delegationChangeableAt) - now)}.`;
  }
  const amount = "amount" in validation ? validation.amount : undefined;
  const ready =
    !tx.busy &&
    blocker === null &&
    (needsAmount ? amount !== undefined : true) &&
    (action !== "delegate" || (delegatee.trim() !== "" && delegateError === null));

  const approveIfNeeded = (value: bigint): Call[] =>
    position && position.allowance >= value
      ? []
      : [
          {
            label: `Approve ${formatAmount(value, d, 4)} ${token.symbol}`,
            address: token.address,
            abi: abis.token,
            functionName: "approve",
            args: [pool, value],
          },
        ];

  const labelOf = (id: Action) =>
    id === "unstake" && frozen ? "Unstake (release)" : actionLabels[id];

  const submit = async () => {
    const label = labelOf(action);
    const call = (functionName: string, args: readonly unknown[]): Call => ({
      label,
      address: pool,
      abi: abis.stakingPool,
      functionName,
      args,
    });
    let calls: Call[] | (() => Promise<Call[]>);
    switch (action) {
      case "depositAndStake":
      case "deposit":
        if (amount === undefined) return;
        calls = [...approveIfNeeded(amount), call(action, [amount])];
        break;
      case "stake":
        if (amount === undefined) return;
        calls = [call("stake", [amount])];
        break;
      case "scheduleUnstake":
        if (amount === undefined) return;
        calls = async () => {
          // All of the stake: every share; otherwise the shares worth `amount`, rounded down.
          const shares =
            position && amount === position.stake
              ? position.shares
              : ((await client.readContract({
                  address: pool,
                  abi: abis.stakingPool,
                  functionName: "convertToShares",
                  args: [amount],
                })) as bigint);
          return [call("scheduleUnstake", [shares])];
        };
        break;
      case "unstake":
        calls = [call("unstake", [user])];
        break;
      case "withdraw":
        if (amount === undefined) return;
        // All of it: the pool's WITHDRAW_ALL (type(uint256).max), computed inside the transaction; the figure shown
        // can be a unit off by the time the transaction runs (the lock rounds up at the accruing price).
        calls = [
          call("withdraw", [
            user,
            position && amount === position.withdrawable ? maxUint256 : amount,
          ]),
        ];
        break;
      case "delegate":
        calls = [call("delegate", [getAddress(delegatee.trim())])];
        break;
    }
    if (await tx.run(calls)) setAmountText("");
  };

  return (
    <Card title="Manage your stake">
      <div className="tabs" role="tablist">
        {(Object.keys(actionLabels) as Action[]).map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={id === action}
            className={id === action ? "tab active" : "tab"}
            onClick={() => {
              setAction(id);
              tx.reset();
            }}
          >
            {labelOf(id)}
          </button>
        ))}
      </div>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {needsAmount && (
          <AmountField
            name="amount"
            label="Amount"
            value={amountText}
            onChange={setAmountText}
            unit={token.symbol}
            decimals={d}
            max={max[action]}
            error={"error" in validation ? validation.error : null}
          />
        )}
        {action === "scheduleUnstake" && (
          <p className="muted small">
            Shares leave your balance now (no rewards, no votes) and stay slashable until you
            unstake after{" "}
            {state.unstakeWaitPeriod === undefined
              ? "the wait period"
              : formatDuration(Number(state.unstakeWaitPeriod))}
            .
            {state.openExposure !== undefined &&
              ` If claims are open when you unstake, your exit's share of the open exposure (${formatPercent(shareOf(state.openExposure, state.totalStake))} of the stake now) stays frozen until none is open${state.maxFreeze === undefined ? "" : `, at most ${formatDuration(Number(state.maxFreeze))}`}.`}
          </p>
        )}
        {(action === "stake" || action === "depositAndStake") &&
          state.openExposure !== undefined &&
          state.openExposure > 0n && (
            <p className="muted small" data-testid="stake-exposure">
              Claims are open: {formatAmount(state.openExposure, d)} {token.symbol} (
              {formatPercent(shareOf(state.openExposure, state.totalStake))} of the stake) may still
              be paid out, and a new stake shares it.
            </p>
          )}
        {action === "delegate" && (
          <div className="field">
            <label htmlFor="delegatee">Delegate your voting power to</label>
            <input
              id="delegatee"
              name="delegatee"
              placeholder="0x…"
              value={delegatee}
              onChange={(event) => setDelegatee(event.target.value)}
              aria-invalid={Boolean(delegateError)}
            />
            {delegateError && <div className="field-error">{delegateError}</div>}
          </div>
        )}
        {blocker && <div className="field-error">{blocker}</div>}
        <button type="submit" className="primary" disabled={!ready} data-testid="pool-submit">
          {labelOf(action)}
        </button>
        <TxStatus state={tx.state} onDismiss={tx.reset} />
      </form>
    </Card>
  );
}
