/**
 * `npm start`: the one-command devnet. Starts anvil, deploys and seeds Insurance Pool, keeps the dAPIs
 * fresh with signed data, starts the indexer and the dashboard, prints what runs, and stops everything on
 * Ctrl-C (SIGINT) or SIGTERM. A dead indexer is restarted; a dead anvil stops the devnet (exit code 1);
 * the children die with this process even when it is killed with SIGKILL.
 *
 *   npm start -- [--port 8545] [--block-time 1] [--indexer-port 42069] [--dashboard-port 5173]
 *                [--no-indexer] [--no-dashboard] [--no-seed] [--push-interval 5]
 *                [--deployment .devnet/deployment.json] [--database-url postgres://...]
 *                [--arbitrator local|kleros] [--arbitrator-v2 eth|token] [--resume]
 */
import { parseArgs } from "node:util";
import { type Devnet, runDevnet } from "./devnet.ts";
import { formatSummary } from "./summary.ts";

const HELP = `Usage: npm start -- [options]
  --port <n>             anvil's port (default 8545, or the next free one)
  --block-time <s>       seconds per block after deployment, 0 = a block per transaction (default 1)
  --indexer-port <n>     default 42069        --no-indexer     do not start the indexer
  --dashboard-port <n>   default 5173         --no-dashboard   do not start the dashboard
  --push-interval <s>    seconds between signed-data pushes (default 5)
  --deployment <file>    where to write the deployment (default .devnet/deployment.json)
  --database-url <url>   PostgreSQL for the indexer (default: $DATABASE_URL, else its embedded database)
  --no-seed              deploy without demo data
  --resume               continue the devnet the last start saved (its chain, deployment and indexed data;
                         its clock went on meanwhile) when its contracts, deploy and seed code and these options
                         are unchanged; otherwise start a new one and say why
  --arbitrator <kind>    the ERC-792 arbitrator: local (our LocalArbitrator, default) or kleros (Kleros' own
                         CentralizedArbitratorWithAppeal from @kleros/erc-792: 3-minute appeal window, appeals
                         cost twice the quoted appealCost)
  --arbitrator-v2 <fee>  send new disputes to the Kleros v2 stand-in LocalArbitratorV2 instead, its fee in eth or
                         in the devnet WETH (token); appeals are then funded on it (fundAppeal)`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a whole number, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      "block-time": { type: "string" },
      "indexer-port": { type: "string" },
      "dashboard-port": { type: "string" },
      "no-indexer": { type: "boolean" },
      "no-dashboard": { type: "boolean" },
      "no-seed": { type: "boolean" },
      "push-interval": { type: "string" },
      deployment: { type: "string" },
      "database-url": { type: "string" },
      arbitrator: { type: "string" },
      "arbitrator-v2": { type: "string" },
      resume: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const arbitrator = values.arbitrator ?? "local";
  if (arbitrator !== "local" && arbitrator !== "kleros") {
    console.error(`--arbitrator must be local or kleros, got "${arbitrator}"\n${HELP}`);
    process.exit(2);
  }
  const arbitratorV2 = values["arbitrator-v2"];
  if (arbitratorV2 !== undefined && arbitratorV2 !== "eth" && arbitratorV2 !== "token") {
    console.error(`--arbitrator-v2 must be eth or token, got "${arbitratorV2}"\n${HELP}`);
    process.exit(2);
  }
  const blockTime = integer(values["block-time"], "block-time", 1);
  const pushIntervalMs = integer(values["push-interval"], "push-interval", 5) * 1000;
  let devnet: Devnet | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the devnet...`);
    if (!devnet) return; // still starting: main() stops it as soon as it is up
    await devnet.stop();
    console.log("stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  devnet = await runDevnet({
    port: integer(values.port, "port", 8545),
    blockTime,
    indexerPort: values["no-indexer"]
      ? false
      : integer(values["indexer-port"], "indexer-port", 42069),
    dashboardPort: values["no-dashboard"]
      ? false
      : integer(values["dashboard-port"], "dashboard-port", 5173),
    pushIntervalMs: pushIntervalMs || 5_000,
    noSeed: Boolean(values["no-seed"]),
    resume: Boolean(values.resume),
    arbitrator,
    ...(arbitratorV2 ? { arbitratorV2 } : {}),
    ...(values.deployment ? { deploymentPath: values.deployment } : {}),
    ...((values["database-url"] ?? process.env.DATABASE_URL)
      ? { databaseUrl: values["database-url"] ?? process.env.DATABASE_URL }
      : {}),
    log: (line) => console.log(`• ${line}`),
  });
  if (stopping) {
    await devnet.stop();
    console.log("stopped.");
    process.exit(0);
  }
  console.log(formatSummary(devnet, { blockTime, pushIntervalMs: pushIntervalMs || 5_000 }));
  const reason = await devnet.failure;
  if (stopping) return;
  console.error(`devnet stopped: ${reason}`);
  process.exit(1);
}

main().catch((error: unknown) => {
  console.error(`devnet failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
