import { errorText } from "../lib/errors.ts";
import type { TxState } from "../lib/useTransaction.ts";

/** Progress of a pending action, and the decoded reason when it fails. */
export function TxStatus({ state, onDismiss }: { state: TxState; onDismiss?: () => void }) {
  switch (state.status) {
    case "idle":
      return null;
    case "checking":
    case "signing":
    case "pending": {
      const step = state.steps > 1 ? ` (step ${state.step} of ${state.steps})` : "";
      const text =
        state.status === "checking"
          ? "Checking"
          : state.status === "signing"
            ? "Waiting for signature:"
            : "Confirming";
      return (
        <div className="tx tx-pending" role="status" data-testid="tx-status">
          <span className="spinner" aria-hidden="true" />
          {text} {state.label}
          {step}
          {state.status === "pending" && <code className="hash">{state.hash.slice(0, 10)}…</code>}
        </div>
      );
    }
    case "confirmed":
      return (
        <div className="tx tx-ok" role="status" data-testid="tx-status">
          ✓ {state.label} confirmed · gas {state.gasUsed.toLocaleString("en-US")}
          <code className="hash">{state.hash.slice(0, 10)}…</code>
          {onDismiss && (
            <button type="button" className="link" onClick={onDismiss}>
              dismiss
            </button>
          )}
        </div>
      );
    case "failed":
      return (
        <div className="tx tx-error" role="alert" data-testid="tx-error">
          <strong>{state.label} failed:</strong> {errorText(state.error)}
          {onDismiss && (
            <button type="button" className="link" onClick={onDismiss}>
              dismiss
            </button>
          )}
        </div>
      );
  }
}
