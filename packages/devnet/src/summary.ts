import { join, relative } from "node:path";
import { formatUnits } from "viem";
import { claimNumber } from "../../sdk/src/maths/claims.ts";
import type { Devnet } from "./devnet.ts";

/** What `npm start` prints once everything runs: URLs, contracts, feeds, accounts, demo state, commands. */
export function formatSummary(
  devnet: Devnet,
  options: { blockTime: number; pushIntervalMs: number },
): string {
  const { deployment } = devnet;
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`  ${label.padEnd(26)}${value}`);
  lines.push("", "Insurance Pool devnet is running", "");
  row(
    "JSON-RPC",
    `${devnet.rpcUrl}  (chain ${deployment.chainId}, ${options.blockTime > 0 ? `a block every ${options.blockTime} s` : "a block per transaction"})`,
  );
  row("indexer", devnet.indexerUrl ? `${devnet.indexerUrl}  (GraphQL at /graphql)` : "not running");
  row("dashboard", devnet.dashboardUrl ?? "not running");
  row("deployment file", relative(process.cwd(), devnet.deploymentPath) || devnet.deploymentPath);
  if (devnet.resumed) row("resumed", `the devnet saved at ${devnet.resumed.savedAt}`);
  for (const reason of devnet.skipped) lines.push(`  (skipped ${reason})`);

  lines.push("", "Contracts");
  for (const [name, address] of Object.entries(deployment.contracts)) {
    if (address) row(name, address);
  }

  if (deployment.devnet) {
    lines.push(
      "",
      `dAPIs (real Api3ServerV1; Beacons signed by the local Airnode ${deployment.devnet.airnode.address}, pushed every ${options.pushIntervalMs / 1000} s)`,
    );
    for (const feed of deployment.devnet.feeds) {
      row(feed.name, `~${formatUnits(BigInt(feed.baseValue), 18)} USD  proxy ${feed.proxy}`);
    }
    const references = deployment.devnet.references ?? [];
    if (references.length > 0) {
      lines.push(
        "",
        `Reference Airnodes (the IncidentRegistry's truth for deviations; ipool report-incident <dapi> --deviation signs with them)`,
      );
      for (const { address, index } of references)
        lines.push(`  ${String(index).padStart(2)}  ${address}`);
    }
  }

  if (deployment.accounts) {
    lines.push("", "Accounts (anvil's mnemonic: ipool --account <index|role>)");
    const accounts = Object.entries(deployment.accounts).sort((a, b) => a[1].index - b[1].index);
    for (const [role, { address, index }] of accounts) {
      lines.push(`  ${String(index).padStart(2)}  ${role.padEnd(14)}${address}`);
    }
  }

  if (devnet.seed?.lines.length) {
    lines.push("", "Demo state");
    for (const line of devnet.seed.lines) lines.push(`  - ${line}`);
  }

  // The commands find `.devnet/deployment.json` on their own; another file must be named.
  const file = relative(process.cwd(), devnet.deploymentPath) || devnet.deploymentPath;
  const where = file === join(".devnet", "deployment.json") ? "" : ` --deployment ${file}`;
  // Without the demo data nobody holds tokens or stake yet: only the reads work.
  const commands = (
    devnet.seed || devnet.resumed?.seeded
      ? [
          "npx ipool status --account alice",
          "npx ipool deposit 1.5k --stake --account bob",
          "npx ipool quote 10k --dapi ETH/USD --period 30d",
          "npx ipool buy 10k --dapi ETH/USD --period 30d --account policyholder",
          "npx ipool claims --all",
        ]
      : ["npx ipool status", "npx ipool --help"]
  ).map((command) => `  ${command}${where}`);
  if (devnet.seed) {
    commands.push(
      `  npx ipool accept ${claimNumber(devnet.seed.claimId)} --account mediator${where}          (the claim awaiting the mediator)`,
    );
  }
  lines.push(
    "",
    "Try",
    ...commands,
    `  npm run devnet:malfunction -- --feed ETH/USD --value 0${where}     (or: npm run malfunction -w @insurance-pool/devnet -- ...)`,
    `  npx ipool report-incident ETH/USD --deviation --account alice${where}     (after a wrong value; then: npx ipool incidents)`,
    "",
    devnet.resumed
      ? "Ctrl-C stops everything and saves this chain again (npm start without --resume starts a new one)."
      : "Ctrl-C stops everything and saves this chain: npm start -- --resume continues it.",
    "",
  );
  return lines.join("\n");
}
