import { useState } from "react";
import type { Address } from "viem";
import { claimBond } from "../../../sdk/src/maths/claims.ts";
import { type TokenInfo, useClient, useLatestBlock } from "../lib/context.tsx";
import { abis } from "../lib/contracts.ts";
import { type CoverageState, type PolicyInfo, USD_DECIMALS } from "../lib/coverage.ts";
import {
  formatAmount,
  formatDate,
  formatDuration,
  parseDateTimeInput,
  policyNumber,
  toDateTimeInput,
} from "../lib/format.ts";
import { incidentProblem } from "../lib/incident.ts";
import { type Call, useTransaction } from "../lib/useTransaction.ts";
import { AmountField, validateAmount } from "./AmountField.tsx";
import { TxStatus } from "./TxStatus.tsx";
import { Card, Empty } from "./ui.tsx";

const usd = (value: bigint, digits = 2) => `$${formatAmount(value, USD_DECIMALS, digits)}`;

/**
 * Files a claim on one of the user's policies in its claims period: the amount (at most what remains for new
 * claims), when the incident started (now by default; checked against the policy's start plus the waiting period
 * before anything is sent) and the evidence; approves the bond (floor + rate × amount, as the contract computes it).
 */
export function FileClaimCard({
  policies,
  coverage,
  token,
  user,
  now,
}: {
  policies: PolicyInfo[];
  coverage: CoverageState;
  token: TokenInfo;
  user: Address;
  now: number | undefined;
}) {
  const client = useClient();
  const block = useLatestBlock();
  const active = policies.filter(
    (p) =>
      now === undefined ||
      (Number(p.claimsAllowedFrom) <= now && Number(p.claimsAllowedUntil) > now),
  );
  const [policyId, setPolicyId] = useState("");
  const [amountText, setAmountText] = useState("");
  // null: "now", the latest block's time (a claim sent now lands in a block at or after it).
  const [incidentText, setIncidentText] = useState<string | null>(null);
  const [evidence, setEvidence] = useState("");
  const tx = useTransaction();
  const policy = active.find((p) => p.id.toString() === policyId) ?? active[0];
  const remaining = policy ? policy.coverageUsd - policy.claimedUsd : undefined;
  const validation = validateAmount(
    amountText,
    USD_DECIMALS,
    remaining,
    "what the policy has left for new claims",
    "USD",
  );
  const chainNow = block ? BigInt(block.timestamp) : undefined;
  const incidentAt = incidentText === null ? chainNow : parseDateTimeInput(incidentText);
  const waitingPeriod = coverage.waitingPeriod ?? 0n;
  const incidentError =
    policy && chainNow !== undefined
      ? incidentProblem({ incidentAt, policy, waitingPeriod, now: chainNow })
      : null;
  const evidenceValid = /^(ipfs|https?|ar):\/\/\S+$/.test(evidence.trim());
  const evidenceError =
    evidence.trim() !== "" && !evidenceValid
      ? "Evidence must be a URI (ipfs://…, https://…)"
      : null;
  const amount = "amount" in validation ? validation.amount : undefined;
  const ready =
    !tx.busy &&
    policy !== undefined &&
    amount !== undefined &&
    incidentAt !== undefined &&
    incidentError === null &&
    evidenceValid;
  const tokenUnit = 10n ** BigInt(token.decimals);
  const floor = coverage.claimantBond ?? 0n;
  const rate = coverage.claimantBondRate ?? 0n;
  const bond = claimBond(amount ?? 0n, { floor, rate, tokenUnit });
  const tokens = (value: bigint) => `${formatAmount(value, token.decimals, 4)} ${token.symbol}`;

  const file = async () => {
    if (!policy || amount === undefined || incidentAt === undefined) return;
    const ok = await tx.run(async () => {
      const calls: Call[] = [];
      if (bond > 0n) {
        const allowance = (await client.readContract({
          address: token.address,
          abi: abis.token,
          functionName: "allowance",
          args: [user, coverage.claimsManager],
        })) as bigint;
        if (allowance < bond) {
          calls.push({
            label: `Approve the ${tokens(bond)} bond`,
            address: token.address,
            abi: abis.token,
            functionName: "approve",
            args: [coverage.claimsManager, bond],
          });
        }
      }
      calls.push({
        label: "File claim",
        address: coverage.claimsManager,
        abi: abis.claimsManager,
        functionName: "createClaim",
        args: [policy.id, amount, incidentAt, evidence.trim()],
      });
      return calls;
    });
    if (ok) {
      setAmountText("");
      setIncidentText(null);
      setEvidence("");
    }
  };

  return (
    <Card title="File a claim">
      {active.length === 0 ? (
        <Empty>You have no policy in its claims period. Buy coverage first.</Empty>
      ) : (
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            void file();
          }}
        >
          <div className="field">
            <label htmlFor="claim-policy">Policy</label>
            <select
              id="claim-policy"
              name="policy"
              value={policy?.id.toString() ?? ""}
              onChange={(e) => setPolicyId(e.target.value)}
            >
              {active.map((p) => (
                <option key={p.id.toString()} value={p.id.toString()}>
                  #{policyNumber(p.id).toString()} · {p.dapiName} ·{" "}
                  {usd(p.coverageUsd - p.claimedUsd, 0)} left for new claims
                </option>
              ))}
            </select>
            {policy && (
              <div className="muted small" data-testid="incident-cover">
                Covers incidents from {formatDate(policy.claimsAllowedFrom + waitingPeriod)} UTC
                (its start plus the {formatDuration(Number(waitingPeriod))} waiting period) until{" "}
                {formatDate(policy.claimsAllowedUntil)} UTC. Open claims reserve their amount:{" "}
                {usd(policy.claimedUsd, 0)} of its {usd(policy.coverageUsd, 0)} is paid or reserved.
              </div>
            )}
          </div>
          <AmountField
            name="claim-amount"
            label="Amount claimed"
            value={amountText}
            onChange={setAmountText}
            unit="USD"
            decimals={USD_DECIMALS}
            max={remaining}
            error={"error" in validation ? validation.error : null}
          />
          <div className="field">
            <label htmlFor="incident-at">Incident started (UTC)</label>
            <div className="field-row">
              <input
                id="incident-at"
                name="incidentAt"
                type="datetime-local"
                step={1}
                value={incidentText ?? (chainNow === undefined ? "" : toDateTimeInput(chainNow))}
                onChange={(e) => setIncidentText(e.target.value)}
                aria-invalid={Boolean(incidentError)}
              />
              <button
                type="button"
                className="link"
                disabled={incidentText === null}
                onClick={() => setIncidentText(null)}
              >
                now
              </button>
            </div>
            {incidentError ? (
              <div className="field-error" data-testid="incident-error">
                {incidentError}
              </div>
            ) : (
              incidentText === null && (
                <div className="muted small">Now: the latest block's time.</div>
              )
            )}
          </div>
          <div className="field">
            <label htmlFor="evidence">Evidence URI</label>
            <input
              id="evidence"
              name="evidence"
              placeholder="ipfs://… (what happened, when, the feed's values)"
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
              aria-invalid={Boolean(evidenceError)}
            />
            {evidenceError && <div className="field-error">{evidenceError}</div>}
          </div>
          <p className="muted small" data-testid="claim-bond">
            Filing deposits a bond of <strong>{tokens(bond)}</strong> ({tokens(floor)}
            {bondRateText(rate, token.symbol)}), returned when the claim is paid, settled or its
            dispute is closed as stalled, forfeited to stakers if it is refused or times out.
          </p>
          <button type="submit" className="primary" disabled={!ready} data-testid="claim-submit">
            File claim
          </button>
          <TxStatus state={tx.state} onDismiss={tx.reset} />
        </form>
      )}
    </Card>
  );
}

/** The bond's rate as " + 0.01 API3 per USD claimed" (the contract's rate: WAD tokens per USD), or "" without one. */
export function bondRateText(rate: bigint | undefined, symbol: string): string {
  return rate === undefined || rate === 0n
    ? ""
    : ` + ${formatAmount(rate, 18, 6)} ${symbol} per USD claimed`;
}
