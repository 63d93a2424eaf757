import { useQuery } from "@tanstack/react-query";
import { cidOfIpfsUri } from "../../../sdk/src/dispute/ipfsUri.ts";
import { useAppConfig } from "../lib/context.tsx";

/** ERC-1497 meta-evidence, the fields shown here. */
interface MetaEvidenceJson {
  title?: string;
  description?: string;
  question?: string;
  rulingOptions?: { titles?: string[]; descriptions?: string[] };
  fileURI?: string;
}

/** `/ipfs/<cid>` and `ipfs://<cid>` URIs are fetched from the dashboard server's `./ipfs/<cid>` (the devnet serves
 * the shipped dispute texts there); anything else as it is. */
export function gatewayUrl(uri: string): string {
  const cid = cidOfIpfsUri(uri);
  return cid ? `./ipfs/${cid}` : uri;
}

/**
 * What the arbitrator reads about a claim: the meta-evidence the claims manager announced (its question, the
 * rulings and what each does, ruling 0 included) and a link to the claims policy.
 */
export function DisputeText({ open }: { open: boolean }) {
  const { deployment } = useAppConfig();
  const uri = deployment.disputeTexts?.metaEvidenceURI;
  const { data, error } = useQuery({
    queryKey: ["meta-evidence", uri],
    enabled: Boolean(uri),
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async (): Promise<MetaEvidenceJson> => {
      const response = await fetch(gatewayUrl(uri ?? ""));
      if (!response.ok) throw new Error(`${uri}: HTTP ${response.status}`);
      return (await response.json()) as MetaEvidenceJson;
    },
  });
  if (!uri) return null;
  const titles = data?.rulingOptions?.titles ?? [];
  const descriptions = data?.rulingOptions?.descriptions ?? [];
  return (
    <details className="dispute-text" open={open} data-testid="dispute-text">
      <summary>Dispute text for the arbitrator</summary>
      {error && (
        <p className="muted small">
          Could not load {uri}: {(error as Error).message}
        </p>
      )}
      {data && (
        <>
          <p>
            <strong>{data.title}</strong>
          </p>
          <p data-testid="dispute-question">{data.question}</p>
          <ol start={0} className="rulings">
            <li>
              Refuse to arbitrate — the claim is refused and the claimant's bond is forfeited to the
              stakers.
            </li>
            {titles.map((title, i) => (
              <li key={title}>
                <strong>{title}</strong> — {descriptions[i]}
              </li>
            ))}
          </ol>
          <p className="muted small">
            {data.fileURI && (
              <>
                <a href={gatewayUrl(data.fileURI)} target="_blank" rel="noreferrer">
                  Claims policy
                </a>{" "}
                ·{" "}
              </>
            )}
            <a href={gatewayUrl(uri)} target="_blank" rel="noreferrer">
              meta-evidence
            </a>{" "}
            ({uri})
          </p>
        </>
      )}
    </details>
  );
}
