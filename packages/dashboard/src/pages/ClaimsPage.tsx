import { type ReactNode, useState } from "react";
import { type Address, isAddressEqual, zeroAddress } from "viem";
import { useConnection } from "wagmi";
import { AmountField, validateAmount } from "../components/AmountField.tsx";
import { LineChart } from "../components/Chart.tsx";
import { DisputeText } from "../components/DisputeText.tsx";
import { bondRateText, FileClaimCard } from "../components/FileClaimCard.tsx";
import { OwedTranches } from "../components/OwedTranches.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { Badge, Card, Empty, NoClaimsManager, Stat } from "../components/ui.tsx";
import {
  type ClaimInfo,
  type ClaimStatus,
  statusLabels,
  type TimelineEntry,
  useClaims,
} from "../lib/claims.ts";
import { type TokenInfo, useAppConfig, useClient, useToken } from "../lib/context.tsx";
import { abis, hasFunction } from "../lib/contracts.ts";
import { type CoverageState, USD_DECIMALS, useCoverage, usePolicies } from "../lib/coverage.ts";
import { disputeActions } from "../lib/disputes.ts";
import {
  claimNumber,
  formatAmount,
  formatDate,
  formatDuration,
  policyNumber,
  shortAddress,
} from "../lib/format.ts";
import { usePayouts } from "../lib/history.ts";
import { useChainTime } from "../lib/useChainTime.ts";
import { type Call, useTransaction } from "../lib/useTransaction.ts";

const usd = (value: bigint, digits = 2) => `$${formatAmount(value, USD_DECIMALS, digits)}`;

const tone: Record<ClaimStatus, "ok" | "warn" | "bad" | "info"> = {
  None: "info",
  Pending: "info",
  SettlementProposed: "warn",
  MediatorRejected: "bad",
  Disputed: "warn",
  RulingPending: "warn",
  PaidClaim: "ok",
  PaidSettlement: "ok",
  Refused: "bad",
  TimedOut: "bad",
  DisputeClosed: "info",
};

/** A claim's badge: its status, or "owed" while a final payout is still paid in tranches. */
function badgeOf(c: ClaimInfo): { label: string; tone: "ok" | "warn" | "bad" | "info" } {
  if (c.owedTokens > 0n) return { label: "Final, paid in tranches", tone: "warn" };
  return { label: statusLabels[c.status], tone: tone[c.status] };
}

function StatusBadge({ claim }: { claim: ClaimInfo }) {
  const { label, tone: t } = badgeOf(claim);
  return <Badge tone={t}>{label}</Badge>;
}

const OPEN: ClaimStatus[] = [
  "Pending",
  "SettlementProposed",
  "MediatorRejected",
  "Disputed",
  "RulingPending",
];

/** Slippage allowance when accepting a settlement: the payout in tokens moves with the price. */
const PAYOUT_SLIPPAGE_BPS = 100n;

export function ClaimsPage() {
  const config = useAppConfig();
  const token = useToken();
  const { address } = useConnection();
  const coverage = useCoverage();
  const mediator = coverage.data?.mediator;
  const isMediator = Boolean(address && mediator && isAddressEqual(address, mediator));
  const [showAllChoice, setShowAll] = useState<boolean | undefined>(undefined);
  // The mediator (and anyone without a wallet) sees every claim by default; others see theirs.
  const showAll = showAllChoice ?? (isMediator || !address);
  const claims = useClaims(address, showAll);
  const policies = usePolicies(address);
  const payouts = usePayouts();
  const now = useChainTime();
  const [selected, setSelected] = useState<bigint | undefined>(undefined);

  if (!config.deployment.contracts.claimsManager || abis.claimsManager.length === 0) {
    return <NoClaimsManager title="Claims" testId="claims-page" />;
  }
  if (!token || !coverage.data) return <p className="loading">Loading claims…</p>;
  const list = claims.data ?? [];
  const current = list.find((c) => c.id === selected) ?? list[0];
  const paidOut = payouts.data ?? [];
  const totalPaid = paidOut[paidOut.length - 1]?.y ?? 0n;

  return (
    <div className="page" data-testid="claims-page">
      <h1>Claims {isMediator && <Badge tone="info">you are the mediator</Badge>}</h1>
      <div className="stats">
        <Stat
          label={showAll ? "Open claims" : "Your open claims"}
          value={list.filter((c) => OPEN.includes(c.status)).length}
        />
        <Stat
          label="Claimant bond"
          value={
            coverage.data.claimantBond === undefined
              ? "—"
              : `${formatAmount(coverage.data.claimantBond, token.decimals)} ${token.symbol}`
          }
          hint={`${bondRateText(coverage.data.claimantBondRate, token.symbol).trim() || "flat"} (returned if paid, settled or the dispute is closed as stalled)`}
        />
        <Stat
          label="Paid out from the pool"
          value={`${formatAmount(totalPaid, token.decimals)} ${token.symbol}`}
        />
        <Stat
          label="Still owed"
          testId="owed-total"
          value={`${formatAmount(coverage.data.owedTokens, token.decimals)} ${token.symbol}`}
          hint="final payouts paid in tranches within weekly quotas"
        />
        <Stat label="Mediator" value={mediator ? shortAddress(mediator) : "—"} />
      </div>

      <div className="grid-2">
        <Card
          title={showAll ? "All claims" : "Your claims"}
          actions={
            address && (
              <button type="button" className="link" onClick={() => setShowAll(!showAll)}>
                {showAll ? "show only yours" : "show all"}
              </button>
            )
          }
        >
          {list.length === 0 ? (
            <Empty>{claims.isLoading ? "Loading…" : "No claims yet."}</Empty>
          ) : (
            <table data-testid="claims">
              <thead>
                <tr>
                  <th>#</th>
                  <th>Policy</th>
                  <th className="num">Amount</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((c) => (
                  <tr
                    key={c.id.toString()}
                    className={`clickable ${current?.id === c.id ? "selected" : ""}`}
                    onClick={() => setSelected(c.id)}
                  >
                    <td>{claimNumber(c.id).toString()}</td>
                    <td>{policyNumber(c.policyId).toString()}</td>
                    <td className="num">{usd(c.amountUsd, 0)}</td>
                    <td>
                      <StatusBadge claim={c} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        {address && !isMediator ? (
          <FileClaimCard
            policies={policies.data ?? []}
            coverage={coverage.data}
            token={token}
            user={address}
            now={now}
          />
        ) : (
          <Card title="Payouts over time">
            <LineChart
              label="Payouts over time"
              now={now}
              series={[
                {
                  name: `paid out (${token.symbol}, cumulative)`,
                  color: "var(--red)",
                  points: paidOut.map((p) => ({ x: p.x, y: Number(p.y) / 10 ** token.decimals })),
                },
              ]}
            />
          </Card>
        )}
      </div>

      {current && (
        <ClaimDetail
          claim={current}
          coverage={coverage.data}
          token={token}
          user={address}
          isMediator={isMediator}
          now={now}
        />
      )}
      {address && !isMediator && (
        <Card title="Payouts over time">
          <LineChart
            label="Payouts over time"
            now={now}
            series={[
              {
                name: `paid out (${token.symbol}, cumulative)`,
                color: "var(--red)",
                points: paidOut.map((p) => ({ x: p.x, y: Number(p.y) / 10 ** token.decimals })),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}

const eventLabels: Record<string, string> = {
  ClaimCreated: "Claim filed",
  ClaimAccepted: "Accepted by the mediator",
  SettlementProposed: "Settlement proposed",
  ClaimRejected: "Rejected by the mediator",
  SettlementAccepted: "Settlement accepted",
  ClaimEscalated: "Escalated to arbitration",
  RulingDeferred: "Ruling recorded, payout deferred",
  RulingExecuted: "Ruling executed",
  ClaimTimedOut: "Timed out",
  PayoutOwed: "Rest owed in tranches",
  TranchePaid: "Tranche paid",
  StalledDisputeClosed: "Dispute closed as stalled",
  DisputeActivityNoted: "Arbitrator activity noted",
  Evidence: "Evidence submitted",
};

function describe(entry: TimelineEntry, token: TokenInfo): string {
  const a = entry.args;
  const tokens = (v: unknown) => `${formatAmount(v as bigint, token.decimals)} ${token.symbol}`;
  switch (entry.name) {
    case "ClaimCreated":
      return `${usd(a.amountUsd as bigint)} claimed for an incident at ${formatDate(a.incidentAt as bigint)} UTC, bond ${tokens(a.bond)}`;
    case "SettlementProposed":
      return `${usd(a.settlementUsd as bigint)} offered`;
    case "ClaimAccepted":
    case "SettlementAccepted":
      return `${usd(a.amountUsd as bigint)} owed as ${tokens(a.tokens)}, ${tokens(a.paidTokens)} paid now`;
    case "ClaimEscalated":
      return `dispute #${String(a.disputeId)}`;
    case "RulingExecuted":
      return `ruling ${String(a.ruling)}: ${(a.tokens as bigint) > 0n ? `${tokens(a.tokens)} owed, ${tokens(a.paidTokens)} paid now` : "no payout"}`;
    case "PayoutOwed":
      return `${tokens(a.owedTokens)} owed by ${shortAddress(String(a.payer))}`;
    case "TranchePaid":
      return `${tokens(a.tokens)} paid, ${tokens(a.stillOwedTokens)} still owed`;
    case "StalledDisputeClosed":
      return `the arbitrator stayed silent; bond ${tokens(a.bond)} returned`;
    case "DisputeActivityNoted":
      return `closable as stalled after ${formatDate(a.deadline as bigint)} UTC`;
    case "Evidence":
      return String(a._evidence ?? "");
    default:
      return "";
  }
}

const deadlineLabel: Partial<Record<ClaimStatus, string>> = {
  Pending: "Mediator must respond by",
  SettlementProposed: "Accept or escalate by",
  MediatorRejected: "Escalate by",
};

function ClaimDetail({
  claim: c,
  coverage,
  token,
  user,
  isMediator,
  now,
}: {
  claim: ClaimInfo;
  coverage: CoverageState;
  token: TokenInfo;
  user: Address | undefined;
  isMediator: boolean;
  now: number | undefined;
}) {
  const client = useClient();
  const { deployment } = useAppConfig();
  const tx = useTransaction();
  const [settlementText, setSettlementText] = useState("");
  const [evidenceText, setEvidenceText] = useState("");
  const isClaimant = Boolean(user && isAddressEqual(user, c.claimant));
  const beforeDeadline = now === undefined || Number(c.deadline) >= now;
  const settlement = validateAmount(
    settlementText,
    USD_DECIMALS,
    c.amountUsd - 1n,
    "the claim",
    "USD",
  );
  const cm = coverage.claimsManager;
  const call = (
    label: string,
    functionName: string,
    args: readonly unknown[],
    value?: bigint,
  ): Call => ({
    label,
    address: cm,
    abi: abis.claimsManager,
    functionName,
    args,
    value,
  });
  const send = (calls: Call[] | (() => Promise<Call[]>)) => void tx.run(calls);

  const escalate = () =>
    send(async () => {
      const extraData = (await client.readContract({
        address: cm,
        abi: abis.claimsManager,
        functionName: "arbitratorExtraData",
      })) as `0x${string}`;
      const arbitrator = coverage.arbitrator as Address;
      // The claim's evidence is announced again to the arbitrator that takes the dispute (see escalateClaim).
      const evidenceURI = c.evidenceURI;
      const v2 = (await client.readContract({
        address: cm,
        abi: abis.claimsManager,
        functionName: "arbitratorV2Config",
      })) as { evidenceModule: Address; feeToken: Address; maxFee: bigint };
      if (v2.evidenceModule !== zeroAddress && v2.feeToken !== zeroAddress) {
        // Kleros v2 with a fee token: the claims manager pulls exactly the cost, approved to it first.
        const cost = (await client.readContract({
          address: arbitrator,
          abi: abis.arbitratorV2,
          functionName: "arbitrationCost",
          args: [extraData, v2.feeToken],
        })) as bigint;
        return [
          {
            label: "Approve the arbitration fee",
            address: v2.feeToken,
            abi: abis.token,
            functionName: "approve",
            args: [cm, cost],
          },
          call("Escalate", "escalateClaim", [c.id, evidenceURI]),
        ];
      }
      const cost = (await client.readContract({
        address: arbitrator,
        abi: abis.arbitratorV2,
        functionName: "arbitrationCost",
        args: [extraData],
      })) as bigint;
      return [call("Escalate", "escalateClaim", [c.id, evidenceURI], cost)];
    });

  const acceptSettlement = () => {
    // Minimum payout in tokens at the current price, less a 1% allowance for the price moving.
    const price = coverage.tokenPrice ?? 0n;
    const expected = price > 0n ? (c.settlementUsd * 10n ** 18n) / price : 0n;
    const minimum = expected - (expected * PAYOUT_SLIPPAGE_BPS) / 10_000n;
    send([call("Accept settlement", "acceptSettlement", [c.id, minimum])]);
  };

  const a = c.arbitration;
  const klerosV2Dispute =
    a !== undefined &&
    deployment.klerosV2?.arbitrator !== undefined &&
    isAddressEqual(a.arbitrator, deployment.klerosV2.arbitrator);
  const appealOpen =
    a?.status === 1 &&
    a.appealPeriod !== undefined &&
    now !== undefined &&
    now >= Number(a.appealPeriod[0]) &&
    now < Number(a.appealPeriod[1]);
  const isCourt = Boolean(user && a?.court && isAddressEqual(user, a.court));
  const canGiveRuling = isCourt && a?.status === 0 && hasFunction(abis.arbitrator, "giveRuling");
  const canFinalize =
    a?.status === 1 &&
    a.appealPeriod !== undefined &&
    now !== undefined &&
    now >= Number(a.appealPeriod[1]) &&
    hasFunction(abis.arbitrator, "executeRuling");
  const silentMediator = c.status === "Pending" && !beforeDeadline;

  const actions: ReactNode[] = [];
  if (isMediator && c.status === "Pending" && beforeDeadline) {
    actions.push(
      <button
        key="accept"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() => send([call("Accept claim", "acceptClaim", [c.id])])}
      >
        Accept and pay {usd(c.amountUsd, 0)}
      </button>,
      <button
        key="reject"
        type="button"
        className="danger"
        disabled={tx.busy}
        onClick={() => send([call("Reject claim", "rejectClaim", [c.id])])}
      >
        Reject
      </button>,
    );
  }
  if (isClaimant && c.status === "SettlementProposed" && beforeDeadline) {
    actions.push(
      <button
        key="accept-settlement"
        type="button"
        className="primary"
        disabled={tx.busy}
        onClick={acceptSettlement}
        data-testid="accept-settlement"
      >
        Accept {usd(c.settlementUsd, 0)}
      </button>,
    );
  }
  if (
    isClaimant &&
    (((c.status === "SettlementProposed" || c.status === "MediatorRejected") && beforeDeadline) ||
      silentMediator)
  ) {
    actions.push(
      <button
        key="escalate"
        type="button"
        className="secondary"
        disabled={tx.busy || !coverage.arbitrator}
        onClick={escalate}
      >
        Escalate to arbitration
      </button>,
    );
  }
  if (c.status === "RulingPending" && user) {
    actions.push(
      <button
        key="execute"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() => send([call("Execute ruling", "executeRuling", [c.id])])}
      >
        Execute the ruling's payout
      </button>,
    );
  }
  // Kleros' CentralizedArbitratorWithAppeal charges twice the appealCost it quotes (it prices the new round).
  const klerosCentralized =
    deployment.arbitratorKind === "kleros-centralized" &&
    a !== undefined &&
    isAddressEqual(a.arbitrator, deployment.contracts.arbitrator ?? zeroAddress);
  const appealFee =
    a?.appealCost === undefined ? undefined : klerosCentralized ? 2n * a.appealCost : a.appealCost;
  if (appealOpen && user && a) {
    actions.push(
      <button
        key="appeal"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() =>
          send([
            {
              label: "Appeal",
              address: a.arbitrator,
              abi: abis.arbitrator,
              functionName: "appeal",
              args: [a.disputeId, "0x"],
              value: appealFee,
            },
          ])
        }
      >
        Appeal ({formatAmount(appealFee ?? 0n, 18, 4)} ETH)
      </button>,
    );
  }
  if (canGiveRuling && user && a) {
    for (const [ruling, label] of [
      [0n, "Rule: refuse"],
      [1n, "Rule: pay claim"],
      [2n, "Rule: pay settlement"],
    ] as const) {
      actions.push(
        <button
          key={label}
          type="button"
          className="secondary"
          disabled={tx.busy}
          onClick={() =>
            send([
              {
                label,
                address: a.arbitrator,
                abi: abis.arbitrator,
                functionName: "giveRuling",
                args: [a.disputeId, ruling],
              },
            ])
          }
        >
          {label}
        </button>,
      );
    }
  }

  const timedOut =
    (c.status === "SettlementProposed" ||
      c.status === "MediatorRejected" ||
      c.status === "Pending") &&
    !beforeDeadline;
  if (timedOut && user) {
    actions.push(
      <button
        key="timeout"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() => send([call("Close as timed out", "timeOutClaim", [c.id])])}
      >
        Close as timed out
      </button>,
    );
  }

  // A silent arbitrator (#12): past the claim's deadline with no ruling, anyone closes the dispute (bond back); a
  // ruling awaiting appeal or given can be noted, which moves that deadline.
  const { canCloseStalled, canNoteActivity } =
    now === undefined
      ? { canCloseStalled: false, canNoteActivity: false }
      : disputeActions(c, a?.status, now);
  if (canCloseStalled && user) {
    actions.push(
      <button
        key="close-stalled"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() => send([call("Close stalled dispute", "closeStalledDispute", [c.id])])}
      >
        Close stalled dispute
      </button>,
    );
  }
  if (canNoteActivity && user) {
    actions.push(
      <button
        key="note-activity"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() => send([call("Note arbitrator activity", "noteDisputeActivity", [c.id])])}
      >
        Note the arbitrator's activity
      </button>,
    );
  }

  if (canFinalize && user && a) {
    actions.push(
      <button
        key="finalize"
        type="button"
        className="secondary"
        disabled={tx.busy}
        onClick={() =>
          send([
            {
              label: "Finalize ruling",
              address: a.arbitrator,
              abi: abis.arbitrator,
              functionName: "executeRuling",
              args: [a.disputeId],
            },
          ])
        }
      >
        Finalize the ruling (appeal period over)
      </button>,
    );
  }

  const deadline = deadlineLabel[c.status];
  return (
    <Card
      title={`Claim #${claimNumber(c.id)} on policy #${policyNumber(c.policyId)}`}
      actions={<StatusBadge claim={c} />}
    >
      <div className="grid-2 inner" data-testid="claim-detail">
        <div>
          <dl className="kv">
            <dt>Claimant</dt>
            <dd>{shortAddress(c.claimant)}</dd>
            <dt>Amount</dt>
            <dd>{usd(c.amountUsd)}</dd>
            {c.settlementUsd > 0n && (
              <>
                <dt>Settlement</dt>
                <dd>{usd(c.settlementUsd)}</dd>
              </>
            )}
            <dt>Bond</dt>
            <dd>
              {formatAmount(c.bond, token.decimals)} {token.symbol}
            </dd>
            {c.incidentAt !== undefined && (
              <>
                <dt>Incident started</dt>
                <dd data-testid="claim-incident">{formatDate(c.incidentAt, true)} UTC</dd>
              </>
            )}
            <dt>Evidence</dt>
            <dd className="wrap">{c.evidenceURI || "—"}</dd>
            {deadline && (
              <>
                <dt>{deadline}</dt>
                <dd>
                  {formatDate(c.deadline)} UTC{" "}
                  {now !== undefined &&
                    (Number(c.deadline) > now ? (
                      <Badge tone="warn">in {formatDuration(Number(c.deadline) - now)}</Badge>
                    ) : (
                      <Badge tone="bad">passed</Badge>
                    ))}
                </dd>
              </>
            )}
            {c.payoutTokens > 0n && (
              <>
                <dt>Payout</dt>
                <dd data-testid="claim-payout">
                  {formatAmount(c.payoutTokens, token.decimals, 4)} {token.symbol}
                  {c.owedTokens > 0n && (
                    <span className="muted">
                      {" "}
                      ({formatAmount(c.paidTokens, token.decimals, 4)} {token.symbol} paid so far)
                    </span>
                  )}
                </dd>
              </>
            )}
            {c.status === "Disputed" && (
              <>
                <dt>Stalled after</dt>
                <dd data-testid="stalled-after">
                  {formatDate(c.deadline)} UTC{" "}
                  {now !== undefined &&
                    (Number(c.deadline) >= now ? (
                      <Badge tone="info">in {formatDuration(Number(c.deadline) - now)}</Badge>
                    ) : (
                      <Badge tone="warn">passed</Badge>
                    ))}
                  <div className="muted small">
                    If the arbitrator still shows no ruling then, anyone may close the dispute (bond
                    back to the claimant).
                  </div>
                </dd>
              </>
            )}
            {a && (
              <>
                <dt>Arbitration</dt>
                <dd>
                  dispute #{a.disputeId.toString()} at {shortAddress(a.arbitrator)} ·{" "}
                  {["waiting for a ruling", "appealable", "solved"][a.status ?? 0] ?? "unknown"}
                  {a.currentRuling !== undefined && ` · current ruling ${a.currentRuling}`}
                  {a.status === 1 &&
                    a.appealPeriod &&
                    ` · appeal until ${formatDate(a.appealPeriod[1])}`}
                  {klerosV2Dispute && (
                    <div className="muted small wrap" data-testid="v2-appeal-hint">
                      Kleros v2 dispute: appeals are funded in Kleros' dispute kit, not here —
                      DisputeKitClassic.fundAppeal({a.disputeId.toString()}, choice) during the
                      appeal period (devnet: LocalArbitratorV2.fundAppeal).
                    </div>
                  )}
                </dd>
              </>
            )}
          </dl>
          <DisputeText open={Boolean(a)} />
          <OwedTranches
            claim={c}
            token={token}
            canSend={user !== undefined}
            busy={tx.busy}
            onPay={(payer) => send([call("Pay next tranche", "payTranche", [payer])])}
          />
          {isMediator && c.status === "Pending" && beforeDeadline && (
            <form
              className="form settle"
              onSubmit={(event) => {
                event.preventDefault();
                if ("amount" in settlement)
                  send([
                    call("Propose settlement", "proposeSettlement", [c.id, settlement.amount]),
                  ]);
              }}
            >
              <AmountField
                name="settlement"
                label="Propose a settlement"
                value={settlementText}
                onChange={setSettlementText}
                unit="USD"
                decimals={USD_DECIMALS}
                error={"error" in settlement ? settlement.error : null}
              />
              <button
                type="submit"
                className="primary"
                disabled={tx.busy || !("amount" in settlement)}
                data-testid="settle-submit"
              >
                Propose settlement
              </button>
            </form>
          )}
          {actions.length > 0 && <div className="button-row actions">{actions}</div>}
          {(isClaimant || isMediator) && OPEN.includes(c.status) && (
            <form
              className="form inline-form evidence"
              onSubmit={(event) => {
                event.preventDefault();
                send([call("Submit evidence", "submitEvidence", [c.id, evidenceText.trim()])]);
                setEvidenceText("");
              }}
            >
              <input
                aria-label="More evidence"
                placeholder="More evidence: ipfs://…"
                value={evidenceText}
                onChange={(e) => setEvidenceText(e.target.value)}
              />
              <button
                type="submit"
                className="secondary"
                disabled={tx.busy || !/^(ipfs|https?|ar):\/\/\S+$/.test(evidenceText.trim())}
              >
                Submit evidence
              </button>
            </form>
          )}
          <TxStatus state={tx.state} onDismiss={tx.reset} />
        </div>
        <div>
          <h3>Timeline</h3>
          <ol className="timeline" data-testid="timeline">
            {c.timeline.map((entry) => (
              <li key={`${entry.blockNumber}-${entry.name}-${describe(entry, token)}`}>
                <div>{eventLabels[entry.name] ?? entry.name}</div>
                <div className="muted small">{describe(entry, token)}</div>
                <div className="when">{formatDate(entry.time)} UTC</div>
              </li>
            ))}
            {deadline && (
              <li className="future">
                <div>{deadline.replace(/ by$/, "")}</div>
                <div className="when">before {formatDate(c.deadline)} UTC</div>
              </li>
            )}
            {c.status === "Disputed" && (
              <li className="future">
                <div>Closable as stalled if the arbitrator shows no ruling</div>
                <div className="when">after {formatDate(c.deadline)} UTC</div>
              </li>
            )}
          </ol>
        </div>
      </div>
    </Card>
  );
}
