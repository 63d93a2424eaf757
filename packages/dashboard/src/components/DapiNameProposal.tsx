import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type Address, formatUnits, zeroHash } from "viem";
import {
  dapiGovernanceAbi,
  getDapiTarget,
  parseDataFeed,
  setDapiNameCall,
} from "../../../sdk/src/actions/governance/dapiName.ts";
import { useAppConfig, useClient, useLatestBlock } from "../lib/context.tsx";
import { abis } from "../lib/contracts.ts";
import { formatDate } from "../lib/format.ts";
import type { GovernorInfo } from "../lib/governance.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { TxStatus } from "./TxStatus.tsx";
import { Card } from "./ui.tsx";

function feedText(id: string, value: bigint, timestamp: number): string {
  if (id === zeroHash) return "not set";
  return `${id.slice(0, 10)}… = ${formatUnits(value, 18)} (${timestamp ? formatDate(timestamp) : "never updated"})`;
}

/**
 * A primary-agent proposal that repoints a covered dAPI on the claims manager's Api3ServerV1 (the DAO governs its
 * names: the server's manager is a forwarder owned by the primary timelock), as `ipool propose set-dapi-name` builds
 * it. Shows the current and the new target before anything is sent.
 */
export function DapiNameProposal({ governor }: { governor: GovernorInfo }) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const server = config.deployment.contracts.api3ServerV1;
  const forwarder = config.deployment.contracts.api3ServerV1Manager;
  const dapis = config.deployment.dapis;
  const [name, setName] = useState(dapis[0]?.name ?? "");
  const [feed, setFeed] = useState("");
  const [description, setDescription] = useState("");
  const tx = useTransaction();

  let parsed: ReturnType<typeof parseDataFeed> | undefined;
  let parseError: string | undefined;
  if (feed.trim()) {
    try {
      parsed = parseDataFeed(feed);
    } catch (error) {
      parseError = error instanceof Error ? error.message.split("\n")[0] : String(error);
    }
  }
  const targets = useQuery({
    queryKey: ["dapi-target", server, name, parsed?.dataFeedId, block?.number.toString()],
    enabled: Boolean(server && name),
    placeholderData: (previous) => previous,
    queryFn: async () => {
      const api3ServerV1 = server as Address;
      const current = await getDapiTarget(client, { api3ServerV1, name });
      const next = parsed
        ? await client.readContract({
            address: api3ServerV1,
            abi: dapiGovernanceAbi,
            functionName: "dataFeeds",
            args: [parsed.dataFeedId],
          })
        : undefined;
      return { current, next };
    },
  });
  if (!server || !forwarder) return null;
  const current = targets.data?.current;
  const next = targets.data?.next;
  const errors = [
    ...(parseError ? [parseError] : []),
    ...(parsed && next && Number(next[1]) === 0
      ? ["That data feed has no value yet: the dAPI would read as stale at once."]
      : []),
    ...(parsed && current && current.dataFeedId === parsed.dataFeedId
      ? [`${name} already points there.`]
      : []),
  ];
  const ready =
    !tx.busy && parsed !== undefined && errors.length === 0 && description.trim() !== "";

  return (
    <Card title="Repoint a covered dAPI">
      <form
        className="form"
        data-testid="dapi-name-proposal"
        onSubmit={(event) => {
          event.preventDefault();
          if (!parsed) return;
          const call = setDapiNameCall({
            api3ServerV1: server,
            forwarder,
            name,
            dataFeedId: parsed.dataFeedId,
          });
          void tx
            .run([
              {
                label: "Propose",
                address: governor.address,
                abi: abis.governor,
                functionName: "propose",
                args: [[call.target], [call.value], [call.calldata], description.trim()],
              },
            ])
            .then((ok) => {
              if (ok) setDescription("");
            });
        }}
      >
        <div className="form-row">
          <div className="field">
            <label htmlFor="dapi-name">dAPI</label>
            <select id="dapi-name" value={name} onChange={(e) => setName(e.target.value)}>
              {dapis.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="data-feed">New data feed</label>
            <input
              id="data-feed"
              value={feed}
              placeholder="0x id, airnode:templateId, or Beacons separated by commas"
              onChange={(e) => setFeed(e.target.value)}
            />
          </div>
        </div>
        <p className="hint" data-testid="dapi-targets">
          Now:{" "}
          {current ? feedText(current.dataFeedId, current.value, Number(current.timestamp)) : "…"}
          {parsed && next
            ? ` → after: ${feedText(parsed.dataFeedId, BigInt(next[0]), Number(next[1]))}`
            : ""}
          . Executed by the primary agent after the vote and its timelock delay.
        </p>
        <div className="field">
          <label htmlFor="dapi-description">Description</label>
          <input
            id="dapi-description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {errors.map((error) => (
          <p key={error} className="field-error">
            {error}
          </p>
        ))}
        <button type="submit" disabled={!ready} data-testid="dapi-propose-submit">
          Propose
        </button>
        <TxStatus state={tx.state} onDismiss={tx.reset} />
      </form>
    </Card>
  );
}
