import type { ClaimInfo } from "../lib/claims.ts";
import { useNextTranche } from "../lib/claims.ts";
import type { TokenInfo } from "../lib/context.tsx";
import { claimNumber, formatAmount, formatDate, shortAddress } from "../lib/format.ts";

/**
 * A final claim's payout still owed (#12): what was paid and what remains, and the next tranche its payer owes,
 * which anyone may pay: the payer's oldest owed claim first, as far as its weekly quota and the pool's payout cap
 * allow now (simulated), or when they leave room again.
 */
export function OwedTranches({
  claim: c,
  token,
  canSend,
  busy,
  onPay,
}: {
  claim: ClaimInfo;
  token: TokenInfo;
  /** A wallet is connected. */
  canSend: boolean;
  busy: boolean;
  onPay: (payer: `0x${string}`) => void;
}) {
  const next = useNextTranche(c.owedTokens > 0n ? c.payer : undefined);
  if (c.owedTokens === 0n || !c.payer) return null;
  const tokens = (value: bigint) => `${formatAmount(value, token.decimals, 4)} ${token.symbol}`;
  const n = next.data;
  let nextText = "Checking the payer's quota…";
  if (n && "claimId" in n) {
    nextText = `The next tranche pays ${tokens(n.tokens)} of claim #${claimNumber(n.claimId)}${n.claimId === c.id ? "" : " (an older claim of the same payer comes first)"}.`;
  } else if (n && "nextRoomAt" in n) {
    nextText = `The payer's weekly quota or the pool's payout cap is used up: the next tranche can be paid from ${formatDate(n.nextRoomAt)} UTC.`;
  } else if (n && "error" in n) {
    nextText = n.error;
  }
  const payable = n !== undefined && "claimId" in n;
  return (
    <div className="owed" data-testid="owed-tranches">
      <p>
        <strong data-testid="claim-owed">{tokens(c.owedTokens)}</strong> still owed of{" "}
        {tokens(c.payoutTokens)} ({tokens(c.paidTokens)} paid so far), paid in tranches by{" "}
        <code title={c.payer}>{shortAddress(c.payer)}</code> within its weekly quota, oldest claim
        first; anyone may call for the next one.
      </p>
      <p className="muted small" data-testid="next-tranche">
        {nextText}
      </p>
      {canSend && (
        <button
          type="button"
          className="secondary"
          disabled={busy || !payable}
          onClick={() => onPay(c.payer as `0x${string}`)}
        >
          Pay next tranche
        </button>
      )}
    </div>
  );
}
