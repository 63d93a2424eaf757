import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import type { Devnet } from "../src/devnet.ts";
import { formatSummary } from "../src/summary.ts";

/** A devnet as `formatSummary` reads it: no contracts, accounts or feeds, just where it runs. */
function devnetAt(deploymentPath: string, seeded: boolean): Devnet {
  return {
    rpcUrl: "http://127.0.0.1:8545",
    indexerUrl: undefined,
    dashboardUrl: undefined,
    deploymentPath,
    skipped: [],
    deployment: { chainId: 31337, contracts: {} },
    seed: seeded ? { lines: ["a demo line"], claimId: 7n << 224n } : undefined,
  } as unknown as Devnet;
}

const options = { blockTime: 1, pushIntervalMs: 5_000 };
const tryLines = (summary: string) =>
  summary
    .slice(summary.indexOf("\nTry\n"))
    .split("\n")
    .filter((line) => line.startsWith("  "));

test("the Try list suggests the seeded claim and writes, with the default deployment file implied", () => {
  const lines = tryLines(
    formatSummary(devnetAt(join(process.cwd(), ".devnet/deployment.json"), true), options),
  );
  assert.ok(lines.some((line) => line.includes("npx ipool accept 7 --account mediator ")));
  assert.ok(lines.some((line) => line.includes("npx ipool deposit 1.5k --stake --account bob")));
  assert.ok(lines.every((line) => !line.includes("--deployment")));
});

test("without demo data the Try list only reads, and names a non-default deployment file", () => {
  const lines = tryLines(
    formatSummary(devnetAt(join(process.cwd(), "alt/dep.json"), false), options),
  );
  assert.ok(
    lines.some((line) => line.includes(`npx ipool status --deployment ${join("alt", "dep.json")}`)),
  );
  assert.ok(
    lines.every((line) => !/ipool (accept|deposit|buy) /.test(line)),
    lines.join("\n"),
  );
  assert.ok(
    lines.every((line) => line.includes("--deployment")),
    lines.join("\n"),
  );
});
