import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { type Address, formatUnits } from "viem";
import {
  type GetStressStateReturnType,
  getStressState,
} from "../../../sdk/src/actions/claims/getStressState.ts";
import {
  BPS,
  breakingPriceDrop,
  type StressResult,
  stressScenario,
  worstScenarios,
} from "../../../sdk/src/maths/stress.ts";
import { Badge, Card, Empty, NoClaimsManager, Stat } from "../components/ui.tsx";
import { useAppConfig, useClient, useLatestBlock, useToken } from "../lib/context.tsx";
import {
  formatAmount,
  formatCompact,
  formatDate,
  formatPercent,
  shortAddress,
} from "../lib/format.ts";

const WAD = 10n ** 18n;

/** The chain state a stress scenario starts from, re-read at each new block. */
function useStressState() {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const claimsManager = config.deployment.contracts.claimsManager;
  return useQuery({
    queryKey: ["stress", claimsManager, block?.number.toString()],
    enabled: block !== undefined && claimsManager !== undefined,
    placeholderData: (previous) => previous,
    queryFn: (): Promise<GetStressStateReturnType> =>
      getStressState(client, {
        claimsManager: claimsManager as Address,
        fromBlock: BigInt(config.deployment.startBlock),
      }),
  });
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const share = (part: bigint, whole: bigint) =>
  whole === 0n ? 0 : Number((part * 1_000_000n) / whole) / 1_000_000;

/** Payments by week as SVG bars (a hand-rolled chart, like the others). */
function PaymentsChart({ result, decimals }: { result: StressResult; decimals: number }) {
  const weeks = result.weeks;
  if (weeks === 0) return <Empty>Nothing to pay.</Empty>;
  const width = 560;
  const height = 180;
  const pad = { top: 18, bottom: 24, left: 8, right: 8 };
  let max = 0n;
  for (const w of result.schedule) if (w.paid > max) max = w.paid;
  const slot = (width - pad.left - pad.right) / weeks;
  const barHeight = (paid: bigint) =>
    max === 0n ? 0 : (Number((paid * 10_000n) / max) / 10_000) * (height - pad.top - pad.bottom);
  return (
    <div className="chart" data-testid="stress-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: width }}
        role="img"
        aria-label="Tokens paid per weekly window"
      >
        <line
          className="axis"
          x1={pad.left}
          x2={width - pad.right}
          y1={height - pad.bottom}
          y2={height - pad.bottom}
        />
        {result.schedule.map((w) => {
          const h = barHeight(w.paid);
          const barWidth = Math.min(slot * 0.7, 48);
          const x = pad.left + w.week * slot + (slot - barWidth) / 2;
          return (
            <g key={w.week}>
              <text
                x={x + barWidth / 2}
                y={height - pad.bottom - h - 4}
                textAnchor="middle"
                className="axis"
              >
                {formatCompact(Number(formatUnits(w.paid, decimals)))}
              </text>
              <rect
                x={x}
                y={height - pad.bottom - h}
                width={barWidth}
                height={h}
                fill="var(--accent, #3b82f6)"
              >
                <title>{`week ${w.week}: ${formatAmount(w.paid, decimals)} (${w.payments} payment${w.payments === 1 ? "" : "s"})`}</title>
              </rect>
            </g>
          );
        })}
        {Array.from({ length: weeks }, (_, week) => (
          <text
            key={week}
            x={pad.left + week * slot + slot / 2}
            y={height - 6}
            textAnchor="middle"
            className="axis"
          >
            {`w${week}`}
          </text>
        ))}
      </svg>
    </div>
  );
}

function ScenarioRow({
  title,
  result,
  state,
  names,
  decimals,
  symbol,
  testId,
}: {
  title: string;
  result: StressResult | undefined;
  state: GetStressStateReturnType;
  names: Map<bigint, string>;
  decimals: number;
  symbol: string;
  testId: string;
}) {
  if (!result) {
    return (
      <tr data-testid={testId}>
        <td>{title}</td>
        <td colSpan={6}>none</td>
      </tr>
    );
  }
  const breaking = breakingPriceDrop(state, result.dapiIds);
  return (
    <tr data-testid={testId}>
      <td>{title}</td>
      <td>{result.dapiIds.map((id) => names.get(id) ?? `#${id}`).join(" + ")}</td>
      <td>${formatAmount(result.totalUsd, 18, 0)}</td>
      <td>
        {formatAmount(result.totalTokens, decimals)} {symbol}
      </td>
      <td>{formatPercent(share(result.lossShare, WAD))}</td>
      <td>
        {plural(result.payments, "payment")}, {plural(result.windows, "window")} over{" "}
        {plural(result.weeks, "week")}
      </td>
      <td>
        {result.holds ? <Badge tone="ok">holds</Badge> : <Badge tone="bad">does not hold</Badge>}{" "}
        {breaking === undefined
          ? "not even at today's price"
          : breaking >= BPS - 1n
            ? "at any price drop"
            : `up to a ${formatPercent(Number(breaking) / Number(BPS))} price drop`}
      </td>
    </tr>
  );
}

/**
 * The stress view: pick dAPIs that fail together and a fall of the pool token's price; see what is paid, what each
 * staker loses, how many weekly windows the payouts take, and whether the stake holds; plus the worst single dAPI and
 * the worst pair. The maths are the SDK's (`stressScenario`), on state read from the chain.
 */
export function StressPage() {
  const config = useAppConfig();
  const token = useToken();
  const stress = useStressState();
  const [picked, setPicked] = useState<Set<string> | undefined>(undefined);
  const [dropPercent, setDropPercent] = useState(0);
  const state = stress.data;
  const selected = useMemo(
    () =>
      picked
        ? [...picked].map(BigInt)
        : (state?.dapis.filter((d) => d.policies > 0).map((d) => d.dapiId) ?? []),
    [picked, state],
  );
  const options = { priceDropBps: BigInt(dropPercent * 100) };
  const scenario = useMemo(
    () => (state ? stressScenario(state, selected, options) : undefined),
    [state, selected, options.priceDropBps],
  );
  const worst = useMemo(
    () => (state ? worstScenarios(state, options) : {}),
    [state, options.priceDropBps],
  );

  if (!config.deployment.contracts.claimsManager) {
    return <NoClaimsManager title="Stress" testId="stress-page" />;
  }
  if (!token) return <p className="loading">Loading…</p>;
  const d = token.decimals;
  const names = new Map(state?.dapis.map((dapi) => [dapi.dapiId, dapi.name]) ?? []);
  const labels = new Map(
    Object.entries(config.deployment.accounts ?? {}).map(([name, entry]) => [
      entry.address.toLowerCase(),
      name,
    ]),
  );
  const toggle = (id: bigint) => {
    const next = new Set(selected.map(String));
    if (next.has(String(id))) next.delete(String(id));
    else next.add(String(id));
    setPicked(next);
  };

  return (
    <div className="page" data-testid="stress-page">
      <h1>Stress</h1>
      {stress.error && (
        <div className="tx tx-error" role="alert">
          Cannot read the pool's state: {stress.error.message.split("\n")[0]}
        </div>
      )}
      {state && (
        <div className="stats">
          <Stat label="Stake" value={`${formatAmount(state.totalStake, d)} ${token.symbol}`} />
          <Stat
            label={`${token.symbol} price`}
            value={`$${formatAmount(state.price, 18, 4)}`}
            hint={
              dropPercent ? `$${formatAmount(scenario?.price, 18, 4)} after the drop` : undefined
            }
          />
          <Stat
            label="Payouts per week"
            value={`${formatPercent(share(state.quotaShare, WAD))} mediator quota`}
            hint={`pool cap ${formatPercent(share(state.payoutCap, 100_000_000n))} for all claims managers`}
          />
        </div>
      )}
      <Card title="Scenario">
        <div className="form">
          <fieldset className="field" data-testid="stress-dapis">
            <legend>dAPIs that fail together</legend>
            {state?.dapis.map((dapi) => (
              <label key={String(dapi.dapiId)} className="checkbox">
                <input
                  type="checkbox"
                  checked={selected.includes(dapi.dapiId)}
                  onChange={() => toggle(dapi.dapiId)}
                />{" "}
                {dapi.name} (${formatAmount(dapi.claimableUsd, 18, 0)} in {dapi.policies} active
                polic{dapi.policies === 1 ? "y" : "ies"})
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="price-drop">
              {token.symbol}/USD price drop: {dropPercent}%
            </label>
            <input
              id="price-drop"
              type="range"
              min={0}
              max={90}
              step={1}
              value={dropPercent}
              onChange={(e) => setDropPercent(Number(e.target.value))}
            />
          </div>
        </div>
        <p className="hint">
          Every active policy on a failing dAPI claims all it has left; the mediator accepts each at
          once; payouts are fixed in {token.symbol} at the price less the drop, cut to what the
          stake can pay, and paid within the mediator's weekly quota and the pool's payout cap, the
          rest in tranches. <em>Holds</em>: every claim is payable in full within the stake.
        </p>
      </Card>
      {state && scenario && (
        <>
          <Card title="Scenarios">
            <table data-testid="stress-table">
              <thead>
                <tr>
                  <th>scenario</th>
                  <th>dAPIs</th>
                  <th>claims</th>
                  <th>paid</th>
                  <th>stakers lose</th>
                  <th>payouts take</th>
                  <th>holds</th>
                </tr>
              </thead>
              <tbody>
                <ScenarioRow
                  title="selected"
                  result={scenario}
                  state={state}
                  names={names}
                  decimals={d}
                  symbol={token.symbol}
                  testId="stress-selected"
                />
                <ScenarioRow
                  title="worst single dAPI"
                  result={worst.single}
                  state={state}
                  names={names}
                  decimals={d}
                  symbol={token.symbol}
                  testId="stress-worst-single"
                />
                <ScenarioRow
                  title="worst pair"
                  result={worst.pair}
                  state={state}
                  names={names}
                  decimals={d}
                  symbol={token.symbol}
                  testId="stress-worst-pair"
                />
              </tbody>
            </table>
          </Card>
          <Card title="Selected scenario: paid per weekly window">
            <PaymentsChart result={scenario} decimals={d} />
            {scenario.paidBy !== undefined && (
              <p className="hint">Last payment from {formatDate(scenario.paidBy)} UTC.</p>
            )}
          </Card>
          <Card title="Selected scenario: what each staker loses">
            {scenario.stakers.length === 0 ? (
              <Empty>No stakers.</Empty>
            ) : (
              <table data-testid="stress-stakers">
                <thead>
                  <tr>
                    <th>staker</th>
                    <th>position</th>
                    <th>loses</th>
                  </tr>
                </thead>
                <tbody>
                  {scenario.stakers.map((s) => (
                    <tr key={s.account}>
                      <td>{labels.get(s.account.toLowerCase()) ?? shortAddress(s.account)}</td>
                      <td>{formatAmount(s.before, d)}</td>
                      <td>
                        {formatAmount(s.loss, d)} ({formatPercent(share(s.loss, s.before))})
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
