import { useConnect, useConnection, useConnectors, useDisconnect } from "wagmi";
import { shortAddress } from "../lib/format.ts";

/**
 * Connects an injected wallet, or on the devnet one of the well-known test accounts
 * (staker, policyholder, mediator, ...) that sign locally.
 */
export function AccountPicker() {
  const connectors = useConnectors();
  const { connect, isPending, error } = useConnect();
  const { disconnect } = useDisconnect();
  const { address, connector } = useConnection();
  const devnet = connectors.filter((c) => c.type === "devnet");
  const injected = connectors.find((c) => c.type === "injected");
  const hasInjected = typeof window !== "undefined" && "ethereum" in window;

  const select = (id: string) => {
    if (id === "") return disconnect();
    const next = connectors.find((c) => c.id === id);
    if (next) connect({ connector: next });
  };

  return (
    <div className="account">
      {devnet.length > 0 && (
        <select
          aria-label="Devnet account"
          data-testid="account-select"
          value={connector?.type === "devnet" ? connector.id : ""}
          onChange={(event) => select(event.target.value)}
          disabled={isPending}
        >
          <option value="">Devnet account…</option>
          {devnet.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
      {injected && hasInjected && connector?.type !== "injected" && (
        <button
          type="button"
          className="secondary"
          onClick={() => connect({ connector: injected })}
        >
          Connect wallet
        </button>
      )}
      {address ? (
        <span className="address" title={address} data-testid="connected-address">
          <span className="dot" /> {shortAddress(address)}
          <button type="button" className="link" onClick={() => disconnect()}>
            disconnect
          </button>
        </span>
      ) : (
        devnet.length === 0 && !hasInjected && <span className="muted">No wallet found</span>
      )}
      {error && <span className="field-error">{error.message}</span>}
    </div>
  );
}
