/**
 * The start gate: lets ponder's process start (node, ponder's modules, its Vite build: 3-13 s on 2
 * cores) before the chain and the deployment it indexes exist, e.g. while the devnet deploys. When
 * `$IPOOL_START_GATE` names a file, ponder.config.ts waits for that file before it reads the deployment;
 * start.ts writes it once the deployment is there and the indexed state has been checked (or wiped).
 * Without the variable nothing waits.
 */
import { existsSync, rmSync, writeFileSync } from "node:fs";

const POLL_MS = 50;

/** Resolves once the gate file named by `$IPOOL_START_GATE` exists (at once when none is named). */
export async function waitForStartGate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const gate = env.IPOOL_START_GATE;
  if (!gate) return;
  while (!existsSync(gate)) await new Promise((done) => setTimeout(done, POLL_MS));
}

/** Closes the gate before a ponder is started behind it (a previous run may have left it open). */
export function closeStartGate(gate: string): void {
  rmSync(gate, { force: true });
}

/** Opens the gate: the ponder waiting behind it goes on. */
export function openStartGate(gate: string): void {
  writeFileSync(gate, `${new Date().toISOString()}\n`);
}
