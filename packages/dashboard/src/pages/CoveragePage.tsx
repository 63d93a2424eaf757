import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { Address } from "viem";
import { useConnection } from "wagmi";
import { AmountField, parseAmount, validateAmount } from "../components/AmountField.tsx";
import { BarList } from "../components/Chart.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { Badge, Card, Empty, NoClaimsManager, Stat } from "../components/ui.tsx";
import { type TokenInfo, useAppConfig, useClient, useToken } from "../lib/context.tsx";
import { abis } from "../lib/contracts.ts";
import {
  type CoverageState,
  type PolicyInfo,
  USD_DECIMALS,
  useCoverage,
  usePolicies,
  WAD,
} from "../lib/coverage.ts";
import { decodeError } from "../lib/errors.ts";
import {
  formatAmount,
  formatDate,
  formatDuration,
  formatPercent,
  policyNumber,
} from "../lib/format.ts";
import { useUserPosition } from "../lib/pool.ts";
import { useChainTime } from "../lib/useChainTime.ts";
import { useTransaction } from "../lib/useTransaction.ts";

const usd = (value: bigint | undefined, digits = 0) =>
  value === undefined ? "—" : `$${formatAmount(value, USD_DECIMALS, digits)}`;
const usdNumber = (value: bigint) => Number(value / 10n ** 12n) / 1e6;
const wadFraction = (value: bigint) => Number((value * 10_000n) / WAD) / 10_000;
const compactUsd = (v: number) =>
  `$${new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(v)}`;

/** Slippage allowance on the quoted premium (the contract refuses anything above `maxPremium`). */
const PREMIUM_SLIPPAGE_BPS = 100n;

export function CoveragePage() {
  const config = useAppConfig();
  const token = useToken();
  const coverage = useCoverage();
  const { address } = useConnection();
  const policies = usePolicies(address);
  const now = useChainTime();

  if (!config.deployment.contracts.claimsManager || abis.claimsManager.length === 0) {
    return <NoClaimsManager title="Coverage" testId="coverage-page" />;
  }
  if (!token || !coverage.data) return <p className="loading">Loading coverage…</p>;
  const c = coverage.data;
  const left =
    c.capacityUsd !== undefined && c.activeCoverageUsd !== undefined
      ? c.capacityUsd > c.activeCoverageUsd
        ? c.capacityUsd - c.activeCoverageUsd
        : 0n
      : undefined;
  const utilization =
    c.capacityUsd && c.activeCoverageUsd !== undefined && c.capacityUsd > 0n
      ? Number((c.activeCoverageUsd * 10_000n) / c.capacityUsd) / 10_000
      : undefined;

  return (
    <div className="page" data-testid="coverage-page">
      <h1>Coverage</h1>
      <div className="stats">
        <Stat
          label="Capacity"
          testId="capacity"
          value={usd(c.capacityUsd)}
          hint={
            c.collateralizationRatio === undefined
              ? undefined
              : `staying stake × ${formatPercent(wadFraction(c.collateralizationRatio), 0)} × price${c.priceHaircut ? ` less ${formatPercent(wadFraction(c.priceHaircut), 0)}` : ""}`
          }
        />
        <Stat
          label="Active coverage"
          value={usd(c.activeCoverageUsd)}
          hint={`utilization ${formatPercent(utilization, 1)}`}
        />
        <Stat label="Capacity left" testId="capacity-left" value={usd(left)} />
        <Stat
          label={`${token.symbol} price`}
          value={c.tokenPrice === undefined ? "—" : `$${formatAmount(c.tokenPrice, 18, 4)}`}
          hint={c.priceError ? "feed unavailable or stale" : "API3 dAPI"}
        />
      </div>

      <div className="grid-2">
        <Card title="Coverage vs capacity">
          <BarList
            format={compactUsd}
            items={[
              {
                label: "Whole pool",
                value: usdNumber(c.activeCoverageUsd ?? 0n),
                max: usdNumber(c.capacityUsd ?? 0n),
              },
              ...c.dapis.map((d) => ({
                label: d.name,
                value: usdNumber(d.activeCoverageUsd),
                max: usdNumber(d.capUsd),
                color: "var(--green)",
              })),
            ]}
          />
          <p className="muted small">
            Filled: active coverage. Track: the cap (pool capacity, or the dAPI's share of it).
          </p>
        </Card>
        <Card title="Covered dAPIs">
          {c.dapis.length === 0 ? (
            <Empty>No dAPI is covered yet.</Empty>
          ) : (
            <table data-testid="dapis">
              <thead>
                <tr>
                  <th>dAPI</th>
                  <th className="num">Chain</th>
                  <th className="num">Cap</th>
                  <th className="num">Active</th>
                  <th className="num">Available</th>
                </tr>
              </thead>
              <tbody>
                {c.dapis.map((d) => (
                  <tr key={d.id.toString()}>
                    <td>{d.name}</td>
                    <td className="num">{d.chainId.toString()}</td>
                    <td className="num">
                      {formatPercent(Number((d.capShare * 10_000n) / WAD) / 10_000, 0)}
                    </td>
                    <td className="num">{usd(d.activeCoverageUsd)}</td>
                    <td className="num">
                      {usd(
                        [d.capUsd - d.activeCoverageUsd, left ?? 0n].reduce((a, b) =>
                          a < b ? a : b,
                        ) > 0n
                          ? [d.capUsd - d.activeCoverageUsd, left ?? 0n].reduce((a, b) =>
                              a < b ? a : b,
                            )
                          : 0n,
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>

      {address ? (
        <div className="grid-2">
          <BuyCard coverage={c} token={token} user={address} />
          <PoliciesCard
            policies={policies.data}
            waitingPeriod={c.waitingPeriod}
            now={now}
            loading={policies.isLoading}
            error={policies.error}
          />
        </div>
      ) : (
        <Card title="Buy coverage">
          <Empty>Connect a wallet (or pick a devnet account above) to buy coverage.</Empty>
        </Card>
      )}
    </div>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

function BuyCard({
  coverage,
  token,
  user,
}: {
  coverage: CoverageState;
  token: TokenInfo;
  user: Address;
}) {
  const client = useClient();
  const position = useUserPosition(user);
  const [dapiId, setDapiId] = useState<string>(coverage.dapis[0]?.id.toString() ?? "");
  const [amountText, setAmountText] = useState("");
  const [days, setDays] = useState("30");
  const [policyURI, setPolicyURI] = useState("");
  const [parametric, setParametric] = useState(false);
  const tx = useTransaction();
  const amountValidation = validateAmount(amountText, USD_DECIMALS, undefined, "", "USD");
  const coverageUsd = "amount" in amountValidation ? amountValidation.amount : undefined;
  const daysNumber = Number(days);
  const periodValid = Number.isInteger(daysNumber) && daysNumber > 0 && daysNumber <= 3650;
  const period = periodValid ? BigInt(daysNumber * 86_400) : undefined;
  const quoteInput = useDebounced({ dapiId, coverageUsd, period, parametric }, 250);

  const quote = useQuery({
    queryKey: [
      "quote",
      coverage.claimsManager,
      quoteInput.dapiId,
      quoteInput.coverageUsd?.toString(),
      quoteInput.period?.toString(),
      quoteInput.parametric,
      coverage.activeCoverageUsd?.toString(),
    ],
    enabled:
      quoteInput.dapiId !== "" &&
      quoteInput.coverageUsd !== undefined &&
      quoteInput.period !== undefined,
    retry: false,
    placeholderData: (previous) => previous,
    queryFn: async () => {
      try {
        const [quoted, availableUsd] = (await client.readContract({
          address: coverage.claimsManager,
          abi: abis.claimsManager,
          functionName: "quoteCoverage",
          args: [BigInt(quoteInput.dapiId), quoteInput.coverageUsd, quoteInput.period],
        })) as readonly [bigint, bigint];
        if (!quoteInput.parametric) return { premium: quoted, availableUsd, error: undefined };
        // Parametric: the same quote times the governed risk factor, rounded up (as the contract charges).
        const [riskFactor] = (await client.readContract({
          address: coverage.claimsManager,
          abi: abis.claimsManager,
          functionName: "parametricTerms",
        })) as readonly [bigint, bigint];
        const premium = (quoted * riskFactor + WAD - 1n) / WAD;
        return { premium, availableUsd, error: undefined };
      } catch (error) {
        return {
          premium: undefined,
          availableUsd: undefined,
          error: decodeError(error, { tokenInfo: token }).message,
        };
      }
    },
  });

  const q = quote.data;
  const stale =
    quoteInput.dapiId !== dapiId ||
    quoteInput.coverageUsd !== coverageUsd ||
    quoteInput.period !== period ||
    quoteInput.parametric !== parametric;
  const errors: string[] = [];
  if ("error" in amountValidation && amountValidation.error) errors.push(amountValidation.error);
  if (days !== "" && !periodValid) errors.push("The period must be a whole number of days.");
  if (!stale && q?.error) errors.push(q.error);
  if (
    !stale &&
    q?.availableUsd !== undefined &&
    coverageUsd !== undefined &&
    coverageUsd > q.availableUsd
  ) {
    errors.push(`Only ${usd(q.availableUsd)} of coverage is available on this dAPI.`);
  }
  const maxPremium =
    q?.premium !== undefined
      ? q.premium + (q.premium * PREMIUM_SLIPPAGE_BPS) / 10_000n + 1n
      : undefined;
  if (
    !stale &&
    maxPremium !== undefined &&
    position.data &&
    q?.premium !== undefined &&
    q.premium > position.data.walletBalance
  ) {
    errors.push(
      `The premium ${formatAmount(q.premium, token.decimals, 4)} ${token.symbol} exceeds your wallet balance ${formatAmount(position.data.walletBalance, token.decimals, 4)} ${token.symbol}.`,
    );
  }
  const ready =
    !tx.busy &&
    !stale &&
    errors.length === 0 &&
    coverageUsd !== undefined &&
    period !== undefined &&
    maxPremium !== undefined;

  const buy = async () => {
    if (coverageUsd === undefined || period === undefined || maxPremium === undefined) return;
    const ok = await tx.run(async () => {
      const allowance = (await client.readContract({
        address: token.address,
        abi: abis.token,
        functionName: "allowance",
        args: [user, coverage.claimsManager],
      })) as bigint;
      return [
        ...(allowance < maxPremium
          ? [
              {
                label: `Approve ${formatAmount(maxPremium, token.decimals, 4)} ${token.symbol}`,
                address: token.address,
                abi: abis.token,
                functionName: "approve",
                args: [coverage.claimsManager, maxPremium],
              },
            ]
          : []),
        {
          label: parametric ? "Buy parametric coverage" : "Buy coverage",
          address: coverage.claimsManager,
          abi: abis.claimsManager,
          functionName: parametric ? "buyParametricCoverage" : "buyCoverage",
          args: [BigInt(dapiId), coverageUsd, period, maxPremium, policyURI.trim()],
        },
      ];
    });
    if (ok) setAmountText("");
  };

  return (
    <Card title="Buy coverage">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void buy();
        }}
      >
        <div className="form-row">
          <div className="field">
            <label htmlFor="dapi">dAPI</label>
            <select
              id="dapi"
              name="dapi"
              value={dapiId}
              onChange={(e) => setDapiId(e.target.value)}
            >
              {coverage.dapis.map((d) => (
                <option key={d.id.toString()} value={d.id.toString()}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="days">Period (days)</label>
            <input
              id="days"
              name="days"
              inputMode="numeric"
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </div>
        </div>
        <AmountField
          name="coverage"
          label="Coverage"
          value={amountText}
          onChange={setAmountText}
          unit="USD"
          decimals={USD_DECIMALS}
        />
        <div className="field">
          <label htmlFor="policy-uri">Policy document (optional URI)</label>
          <input
            id="policy-uri"
            name="policyURI"
            placeholder="ipfs://…"
            value={policyURI}
            onChange={(e) => setPolicyURI(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="parametric">
            <input
              id="parametric"
              name="parametric"
              type="checkbox"
              checked={parametric}
              onChange={(e) => setParametric(e.target.checked)}
            />{" "}
            Parametric: paid without a mediator on an incident the IncidentRegistry records (the
            premium times the DAO's risk factor)
          </label>
        </div>
        <div className="quote" data-testid="quote" aria-live="polite">
          {coverageUsd === undefined || period === undefined ? (
            <span className="muted">Enter an amount and a period for a quote.</span>
          ) : stale || quote.isFetching ? (
            <span className="muted">Quoting…</span>
          ) : q?.premium !== undefined ? (
            <>
              Premium{" "}
              <strong data-testid="premium">
                {formatAmount(q.premium, token.decimals, 4)} {token.symbol}
              </strong>
              {parseAmount(amountText, USD_DECIMALS) !== null && (
                <span className="muted">
                  {" "}
                  · {usd(q.availableUsd)} available · you approve at most{" "}
                  {formatAmount(maxPremium, token.decimals, 4)} {token.symbol} (1% slippage)
                </span>
              )}
            </>
          ) : (
            <span className="muted">No quote.</span>
          )}
        </div>
        {errors.map((e) => (
          <div key={e} className="field-error">
            {e}
          </div>
        ))}
        <button type="submit" className="primary" disabled={!ready} data-testid="buy-submit">
          Buy coverage
        </button>
        <TxStatus state={tx.state} onDismiss={tx.reset} />
      </form>
    </Card>
  );
}

function PoliciesCard({
  policies,
  waitingPeriod,
  now,
  loading,
  error,
}: {
  policies: PolicyInfo[] | undefined;
  waitingPeriod: bigint | undefined;
  now: number | undefined;
  loading: boolean;
  error: Error | null;
}) {
  return (
    <Card title="Your policies">
      {error && !policies ? (
        <div className="tx tx-error">
          Could not read your policies: {error.message.split("\n")[0]}
        </div>
      ) : loading && !policies ? (
        <Empty>Loading…</Empty>
      ) : !policies || policies.length === 0 ? (
        <Empty>You hold no policy.</Empty>
      ) : (
        <table data-testid="policies">
          <thead>
            <tr>
              <th>#</th>
              <th>dAPI</th>
              <th className="num">Coverage</th>
              <th
                className="num"
                title="Coverage less what its claims were paid and what its open claims reserve"
              >
                Left for new claims
              </th>
              <th>Incidents covered</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((p) => {
              const active = now === undefined || Number(p.claimsAllowedUntil) > now;
              return (
                <tr key={p.id.toString()}>
                  <td>{policyNumber(p.id).toString()}</td>
                  <td>{p.dapiName}</td>
                  <td className="num">{usd(p.coverageUsd)}</td>
                  <td className="num">{usd(p.coverageUsd - p.claimedUsd)}</td>
                  <td>
                    {formatDate(p.claimsAllowedFrom + (waitingPeriod ?? 0n))} –{" "}
                    {formatDate(p.claimsAllowedUntil)}{" "}
                    {active ? <Badge tone="ok">active</Badge> : <Badge tone="bad">expired</Badge>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {waitingPeriod !== undefined && waitingPeriod > 0n && (
        <p className="muted small">
          Incidents are covered from a policy's start plus the{" "}
          {formatDuration(Number(waitingPeriod))} waiting period until its end (UTC).
        </p>
      )}
    </Card>
  );
}
