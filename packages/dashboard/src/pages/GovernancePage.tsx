import { useState } from "react";
import { getAddress, isAddress } from "viem";
import { useConnection } from "wagmi";
import { DapiNameProposal } from "../components/DapiNameProposal.tsx";
import { ProposeForm } from "../components/ProposeForm.tsx";
import { TxStatus } from "../components/TxStatus.tsx";
import { Badge, Card, Empty, Stat } from "../components/ui.tsx";
import { type TokenInfo, useAppConfig, useToken } from "../lib/context.tsx";
import { abis } from "../lib/contracts.ts";
import {
  formatAmount,
  formatDate,
  formatDuration,
  formatPercent,
  shortAddress,
} from "../lib/format.ts";
import { type GovernorInfo, type Proposal, useGovernance } from "../lib/governance.ts";
import { usePoolState, useUserPosition } from "../lib/pool.ts";
import { useChainTime } from "../lib/useChainTime.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { DelegateText } from "./PoolPage.tsx";

const stateTone = {
  Pending: "info",
  Active: "info",
  Canceled: "bad",
  Defeated: "bad",
  Succeeded: "ok",
  Queued: "warn",
  Expired: "bad",
  Executed: "ok",
} as const;

function clockText(governor: GovernorInfo, value: bigint, now: number | undefined): string {
  if (!governor.timestampClock) return `block ${value}`;
  const left = now === undefined ? 0 : Number(value) - now;
  return left > 0 ? `${formatDate(value)} (in ${formatDuration(left)})` : formatDate(value);
}

export function GovernancePage() {
  const config = useAppConfig();
  const token = useToken();
  const { address } = useConnection();
  const pool = usePoolState();
  const position = useUserPosition(address);
  const governance = useGovernance(address);
  const now = useChainTime();

  if (!token) return <p className="loading">Loading…</p>;
  const d = token.decimals;
  const votes = position.data?.votes;
  const supply = pool.data?.totalVotingSupply;
  const delegate = position.data?.delegate;
  const primaryGovernor = governance.data?.governors.find(
    (g) => g.address.toLowerCase() === config.deployment.contracts.primaryGovernor?.toLowerCase(),
  );

  return (
    <div className="page" data-testid="governance-page">
      <h1>Governance</h1>
      <div className="stats">
        <Stat
          label="Your voting power"
          value={address ? (votes === undefined ? "—" : formatAmount(votes, d)) : "—"}
          hint={
            address && votes !== undefined && supply
              ? `${formatPercent(Number((votes * 1_000_000n) / supply) / 1_000_000)} of all votes`
              : "connect to see yours"
          }
        />
        <Stat
          label="Total voting supply"
          value={supply === undefined ? "—" : formatAmount(supply, d)}
          hint="staked shares, pending unstakes excluded"
        />
        <Stat
          label="Your votes go to"
          value={address ? <DelegateText delegate={delegate} user={address} /> : "—"}
          hint="one-hop delegation, changeable once per epoch"
        />
      </div>
      {address && <DelegateCard changeableAt={position.data?.delegationChangeableAt} now={now} />}

      {governance.error && (
        <div className="tx tx-error" role="alert">
          Could not read the DAO: {governance.error.message.split("\n")[0]}
        </div>
      )}
      {abis.governor.length === 0 ||
      (!governance.isLoading && (governance.data?.governors.length ?? 0) === 0) ? (
        <Card title="Proposals">
          <Empty>This deployment has no DAO governor.</Empty>
        </Card>
      ) : (
        <>
          <div className="grid-2">
            {(governance.data?.governors ?? []).map((g) => (
              <Card
                key={g.address}
                title={`${g.name === "primary" ? "Primary" : "Secondary"} agent`}
              >
                <dl className="kv">
                  <dt>Governor</dt>
                  <dd>
                    <code>{shortAddress(g.address)}</code>
                  </dd>
                  <dt>Quorum</dt>
                  <dd>{g.quorum === undefined ? "—" : `${formatAmount(g.quorum, d)} votes`}</dd>
                  <dt>Proposal threshold</dt>
                  <dd>
                    {g.threshold === undefined ? "—" : `${formatAmount(g.threshold, d)} votes`}
                  </dd>
                  <dt>Voting period</dt>
                  <dd>
                    {g.votingPeriod === undefined
                      ? "—"
                      : g.timestampClock
                        ? formatDuration(Number(g.votingPeriod))
                        : `${g.votingPeriod} blocks`}
                  </dd>
                </dl>
              </Card>
            ))}
          </div>
          <Card title="Proposals">
            {(governance.data?.proposals.length ?? 0) === 0 ? (
              <Empty>No proposals yet.</Empty>
            ) : (
              <div className="proposals">
                {governance.data?.proposals.map((p) => (
                  <ProposalRow
                    key={`${p.governor.address}-${p.id}`}
                    proposal={p}
                    token={token}
                    now={now}
                  />
                ))}
              </div>
            )}
          </Card>
          {address && governance.data && (
            <ProposeForm governors={governance.data.governors} token={token} />
          )}
          {address && primaryGovernor && <DapiNameProposal governor={primaryGovernor} />}
        </>
      )}
    </div>
  );
}

function ProposalRow({
  proposal: p,
  token,
  now,
}: {
  proposal: Proposal;
  token: TokenInfo;
  now: number | undefined;
}) {
  const tx = useTransaction();
  const { address } = useConnection();
  const total = p.for + p.against + p.abstain;
  const share = (v: bigint) => (total === 0n ? 0 : Number((v * 10_000n) / total) / 100);
  const call = (functionName: string, args: readonly unknown[], label: string) =>
    tx.run([{ label, address: p.governor.address, abi: abis.governor, functionName, args }]);
  const executeArgs = [p.targets, p.values, p.calldatas, p.descriptionHash] as const;
  return (
    <article className="proposal" data-testid="proposal">
      <header>
        <Badge tone={stateTone[p.state]}>{p.state}</Badge>
        <strong>
          {p.description.split("\n")[0] || `Proposal ${p.id.toString().slice(0, 10)}…`}
        </strong>
        <span className="muted small">
          {p.governor.name} · by {shortAddress(p.proposer)}
        </span>
      </header>
      <div
        className="votebar"
        title={`for ${share(p.for)}% · against ${share(p.against)}% · abstain ${share(p.abstain)}%`}
      >
        <span className="for" style={{ width: `${share(p.for)}%` }} />
        <span className="against" style={{ width: `${share(p.against)}%` }} />
        <span className="abstain" style={{ width: `${share(p.abstain)}%` }} />
      </div>
      <div className="muted small">
        For {formatAmount(p.for, token.decimals)} · Against{" "}
        {formatAmount(p.against, token.decimals)} · Abstain{" "}
        {formatAmount(p.abstain, token.decimals)}
        {p.quorum !== undefined && ` · quorum ${formatAmount(p.quorum, token.decimals)}`} · voting{" "}
        {p.state === "Pending" ? "starts" : "ends"}{" "}
        {clockText(p.governor, p.state === "Pending" ? p.voteStart : p.voteEnd, now)}
        {p.eta !== undefined && p.eta > 0n && ` · executable ${formatDate(p.eta)}`}
      </div>
      {address && (
        <div className="button-row">
          {p.state === "Active" && !p.hasVoted && (
            <>
              <button
                type="button"
                className="secondary"
                disabled={tx.busy}
                onClick={() => call("castVote", [p.id, 1], "Vote for")}
              >
                Vote for
              </button>
              <button
                type="button"
                className="secondary"
                disabled={tx.busy}
                onClick={() => call("castVote", [p.id, 0], "Vote against")}
              >
                Against
              </button>
              <button
                type="button"
                className="secondary"
                disabled={tx.busy}
                onClick={() => call("castVote", [p.id, 2], "Abstain")}
              >
                Abstain
              </button>
            </>
          )}
          {p.state === "Active" && p.hasVoted && <Badge tone="ok">you voted</Badge>}
          {p.state === "Succeeded" && (
            <button
              type="button"
              className="secondary"
              disabled={tx.busy}
              onClick={() => call("queue", executeArgs, "Queue")}
            >
              Queue in the timelock
            </button>
          )}
          {p.state === "Queued" && (
            <button
              type="button"
              className="secondary"
              disabled={tx.busy}
              onClick={() => call("execute", executeArgs, "Execute")}
            >
              Execute
            </button>
          )}
        </div>
      )}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
    </article>
  );
}

function DelegateCard({
  changeableAt,
  now,
}: {
  changeableAt: bigint | undefined;
  now: number | undefined;
}) {
  const config = useAppConfig();
  const [delegatee, setDelegatee] = useState("");
  const tx = useTransaction();
  const text = delegatee.trim();
  const invalid = text !== "" && !isAddress(text);
  const wait = changeableAt !== undefined && now !== undefined ? Number(changeableAt) - now : 0;
  return (
    <Card title="Delegate your voting power">
      <form
        className="form inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void tx.run([
            {
              label: "Delegate",
              address: config.deployment.contracts.stakingPool,
              abi: abis.stakingPool,
              functionName: "delegate",
              args: [getAddress(text)],
            },
          ]);
        }}
      >
        <input
          aria-label="Delegate to"
          placeholder="0x… (your own address to take your votes back)"
          value={delegatee}
          onChange={(e) => setDelegatee(e.target.value)}
          aria-invalid={invalid}
        />
        <button
          type="submit"
          className="primary"
          disabled={tx.busy || text === "" || invalid || wait > 0}
        >
          Delegate
        </button>
      </form>
      {invalid && <div className="field-error">Enter a valid address (0x…)</div>}
      {wait > 0 && (
        <div className="field-error">Delegation can change again in {formatDuration(wait)}.</div>
      )}
      <TxStatus state={tx.state} onDismiss={tx.reset} />
    </Card>
  );
}
