import { useEffect, useRef, useState } from "react";
import { useLatestBlock } from "./context.tsx";

/**
 * The chain's current time in seconds: the latest block's timestamp plus the wall-clock time since
 * it was seen (devnets may run ahead of the wall clock), ticking every second for countdowns.
 */
export function useChainTime(): number | undefined {
  const block = useLatestBlock();
  const seen = useRef<{ timestamp: number; at: number } | undefined>(undefined);
  const [, setTick] = useState(0);
  if (block && seen.current?.timestamp !== block.timestamp) {
    seen.current = { timestamp: block.timestamp, at: Date.now() };
  }
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (!seen.current) return undefined;
  return seen.current.timestamp + Math.floor((Date.now() - seen.current.at) / 1000);
}
