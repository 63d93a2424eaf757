/**
 * Indexer benchmark (issue 6, performance): builds a devnet history of at least 10,000 indexed events
 * (the full devnet deployment, then stakers depositing, staking, withdrawing and scheduling unstakes
 * in blocks of `--txs-per-block` transactions), then measures
 *   1. a full sync from scratch: events, seconds until the indexer has reached the chain head, events/s;
 *   2. keeping up with a new block every second (`--live-seconds`, with pool transactions in each
 *      block): the lag between a block appearing on the chain and the indexer having processed it;
 *   3. what requests cost (issue 17): the largest SQL-over-HTTP and GraphQL requests the API serves,
 *      the hostile ones it refuses, the slowest /health answer meanwhile, and a stop and restart.
 *
 *   npm run bench:indexer -- [--events 10000] [--txs-per-block 20] [--live-seconds 20] [--json]
 *                            [--database-url postgres://...]
 *
 * Targets: full sync under 60 s on 2 cores; live lag under the block time (1 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import superjson from "superjson";
import { type Address, encodeFunctionData, type Hex, maxUint256, parseEther } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { startAnvil } from "../packages/devnet/src/anvil.ts";
import {
  type IndexerInstance,
  indexedBlock,
  startIndexer,
} from "../packages/indexer/launcher/start.ts";
import { createTxContext } from "../packages/sdk/src/deploy/context.ts";
import { deployDevnet } from "../packages/sdk/src/deploy/devnet.ts";
import { DEVNET_MNEMONIC, devnetAccount } from "../packages/sdk/src/deploy/devnetAccounts.ts";
import { stakingPoolAbi, testTokenAbi } from "../packages/sdk/src/generated/contracts.ts";

const { values: flags } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    "txs-per-block": { type: "string", default: "20" },
    stakers: { type: "string", default: "40" },
    "live-seconds": { type: "string", default: "20" },
    "database-url": { type: "string" },
    json: { type: "boolean", default: false },
  },
});
const targetEvents = Number(flags.events);
const txsPerBlock = Number(flags["txs-per-block"]);
const stakerCount = Number(flags.stakers);
const liveSeconds = Number(flags["live-seconds"]);
const databaseUrl = flags["database-url"];
/** Devnet roles use anvil's first accounts; the benchmark's stakers come after them. */
const FIRST_STAKER_INDEX = 20;

const log = (line: string) => {
  if (!flags.json) console.log(line);
};

interface Tx {
  from: Address;
  to: Address;
  data: Hex;
}

async function rpc<T>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Sends transactions from anvil's unlocked accounts in one JSON-RPC batch (anvil signs them). */
async function sendBatch(url: string, txs: Tx[]): Promise<void> {
  if (txs.length === 0) return;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(
      txs.map((tx, id) => ({
        jsonrpc: "2.0",
        id,
        method: "eth_sendTransaction",
        params: [{ ...tx, gas: "0xf4240" }],
      })),
    ),
  });
  const results = (await response.json()) as { error?: { message: string } }[];
  const failed = results.find((r) => r.error);
  if (failed?.error) throw new Error(`eth_sendTransaction: ${failed.error.message}`);
}

/** Mines the pending transactions into one block and returns how many logs the pool emitted in it. */
async function mine(url: string, pool: Address): Promise<number> {
  await rpc(url, "evm_mine");
  const logs = await rpc<unknown[]>(url, "eth_getLogs", [
    { fromBlock: "latest", toBlock: "latest", address: pool },
  ]);
  return logs.length;
}

async function main() {
  const started = Date.now();
  const anvil = await startAnvil({
    accounts: FIRST_STAKER_INDEX + stakerCount,
  });
  const dir = mkdtempSync(join(tmpdir(), "ipool-bench-indexer-"));
  const stops: (() => Promise<void>)[] = [anvil.stop];
  try {
    const url = anvil.rpcUrl;
    const ctx = await createTxContext({ rpcUrl: url, account: devnetAccount("deployer") });
    const deployment = await deployDevnet(ctx);
    const { stakingPool: pool, token } = deployment.contracts;
    const deployer = devnetAccount("deployer").address;
    const stakers = Array.from(
      { length: stakerCount },
      (_, i) =>
        mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: FIRST_STAKER_INDEX + i }).address,
    );
    let events = await rpc<unknown[]>(url, "eth_getLogs", [
      { fromBlock: `0x${deployment.startBlock.toString(16)}`, toBlock: "latest", address: pool },
    ]).then((logs) => logs.length);

    // History: every staker gets tokens, then rounds of pool actions, txsPerBlock per block.
    await rpc(url, "evm_setAutomine", [false]);
    const call = (
      from: Address,
      to: Address,
      abi: typeof stakingPoolAbi,
      fn: string,
      args: unknown[],
    ) =>
      ({
        from,
        to,
        data: encodeFunctionData({ abi, functionName: fn as never, args: args as never }),
      }) as Tx;
    const tokenCall = (from: Address, fn: "mint" | "approve", args: unknown[]) =>
      ({
        from,
        to: token,
        data: encodeFunctionData({ abi: testTokenAbi, functionName: fn, args: args as never }),
      }) as Tx;
    const setup: Tx[] = stakers.flatMap((staker) => [
      tokenCall(deployer, "mint", [staker, parseEther("10000000")]),
      tokenCall(staker, "approve", [pool, maxUint256]),
    ]);
    for (let i = 0; i < setup.length; i += 100) {
      await sendBatch(url, setup.slice(i, i + 100));
      events += await mine(url, pool);
    }
    const historyStarted = Date.now();
    let round = 0;
    let blocks = 0;
    while (events < targetEvents) {
      const txs: Tx[] = [];
      for (let k = 0; k < txsPerBlock; k++) {
        const step = round * txsPerBlock + k;
        const staker = stakers[step % stakers.length] as Address;
        const kind = Math.floor(step / stakers.length) % 8;
        const amount = parseEther(String(100 + (step % 97)));
        if (kind === 3) txs.push(call(staker, pool, stakingPoolAbi, "deposit", [amount]));
        else if (kind === 4)
          txs.push(call(staker, pool, stakingPoolAbi, "withdraw", [staker, amount / 2n]));
        else if (kind === 6 && round % 5 === 0)
          txs.push(call(staker, pool, stakingPoolAbi, "scheduleUnstake", [parseEther("1")]));
        else txs.push(call(staker, pool, stakingPoolAbi, "depositAndStake", [amount]));
      }
      await sendBatch(url, txs);
      events += await mine(url, pool);
      blocks++;
      round++;
    }
    // 64 more blocks, so that the history is final for the indexer (backfill), as on a long-running devnet.
    await rpc(url, "anvil_mine", ["0x40"]);
    const head = Number(await rpc<string>(url, "eth_blockNumber"));
    log(
      `history: ${events} pool events in ${blocks} blocks of ${txsPerBlock} transactions, ` +
        `head ${head} (built in ${((Date.now() - historyStarted) / 1000).toFixed(1)} s)`,
    );

    // 1. Full sync from scratch.
    const deploymentPath = join(dir, "deployment.json");
    writeFileSync(deploymentPath, JSON.stringify(deployment));
    const syncStarted = Date.now();
    const milestones = new Map<string, number>();
    let indexer = await startIndexer({
      deploymentPath,
      fresh: true,
      ...(databaseUrl ? { databaseUrl } : {}),
      timeoutMs: 300_000,
      onLog: (line) => {
        const msg = /"msg":"([^"]+)"/.exec(line)?.[1];
        if (msg && !milestones.has(msg)) milestones.set(msg, Date.now());
      },
    });
    stops.unshift(() => indexer.stop());
    const syncSeconds = (Date.now() - syncStarted) / 1000;
    const indexed = await fetch(`${indexer.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ poolEvents { totalCount } }" }),
    }).then(
      async (r) => ((await r.json()) as { data: { poolEvents: { totalCount: number } } }).data,
    );
    const at = (msg: string) => ((milestones.get(msg) ?? syncStarted) - syncStarted) / 1000;
    const backfillStart = at("Started backfill indexing");
    const backfillEnd = at("Completed backfill indexing across all chains");
    log(
      `  ponder start-up (build, database) ${backfillStart.toFixed(1)} s, backfill ${(backfillEnd - backfillStart).toFixed(1)} s, ` +
        `live catch-up to the head ${(syncSeconds - backfillEnd).toFixed(1)} s`,
    );
    log(
      `full sync: ${events} events (${indexed.poolEvents.totalCount} pool_event rows) in ${syncSeconds.toFixed(1)} s ` +
        `= ${(events / syncSeconds).toFixed(0)} events/s (ponder start included)`,
    );

    // 2. Live: a block every second with a few pool transactions each; measure the indexer's lag.
    const lags: number[] = [];
    let liveEvents = 0;
    await rpc(url, "evm_setIntervalMining", [1]);
    const liveUntil = Date.now() + liveSeconds * 1000;
    let lastBlock = Number(await rpc<string>(url, "eth_blockNumber"));
    const pendingSince = new Map<number, number>();
    let step = 0;
    while (Date.now() < liveUntil || pendingSince.size > 0) {
      if (Date.now() < liveUntil && step % 5 === 0) {
        const txs = stakers
          .slice((step / 5) % 4, ((step / 5) % 4) + 5)
          .map((staker) =>
            call(staker, pool, stakingPoolAbi, "depositAndStake", [parseEther("10")]),
          );
        await sendBatch(url, txs);
        liveEvents += txs.length * 2;
      }
      step++;
      const block = Number(await rpc<string>(url, "eth_blockNumber"));
      for (let b = lastBlock + 1; b <= block; b++) pendingSince.set(b, Date.now());
      lastBlock = block;
      const done = await indexedBlock(indexer.url).catch(() => 0);
      for (const [b, seen] of pendingSince) {
        if (b <= done) {
          lags.push(Date.now() - seen);
          pendingSince.delete(b);
        }
      }
      if (Date.now() > liveUntil + 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const sorted = [...lags].sort((a, b) => a - b);
    const pct = (p: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
    const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
    log(
      `live: ${sorted.length} blocks (1 s apart, ~${liveEvents} events) followed with lag ` +
        `mean ${mean.toFixed(0)} ms, p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${sorted.at(-1)} ms` +
        (pendingSince.size ? `; ${pendingSince.size} blocks not indexed 30 s after the end` : ""),
    );
    // 3. What requests cost, and a stop and restart.
    const requests = await measureRequests(indexer.url);
    for (const [name, { status, ms }] of Object.entries(requests.timings)) {
      log(`  ${name}: HTTP ${status} in ${ms} ms`);
    }
    log(`requests: the slowest /health answer meanwhile took ${requests.worstHealthMs} ms`);
    const stopping = Date.now();
    await indexer.stop();
    const stopMs = Date.now() - stopping;
    const restarting = Date.now();
    indexer = await startIndexer({ deploymentPath, ...(databaseUrl ? { databaseUrl } : {}) });
    const restartSeconds = (Date.now() - restarting) / 1000;
    log(`stop ${stopMs} ms; restart (resumes, no lock wait) ${restartSeconds.toFixed(1)} s`);

    const result = {
      events,
      blocks,
      txsPerBlock,
      syncSeconds: Number(syncSeconds.toFixed(2)),
      startupSeconds: Number(backfillStart.toFixed(2)),
      backfillSeconds: Number((backfillEnd - backfillStart).toFixed(2)),
      eventsPerSecond: Math.round(events / syncSeconds),
      liveBlocks: sorted.length,
      lagMeanMs: Math.round(mean),
      lagP95Ms: pct(0.95),
      lagMaxMs: sorted.at(-1) ?? null,
      keptUp: pendingSince.size === 0 && pct(0.95) < 1_000,
      requests: requests.timings,
      worstHealthMs: requests.worstHealthMs,
      stopMs,
      restartSeconds: Number(restartSeconds.toFixed(1)),
      totalSeconds: Number(((Date.now() - started) / 1000).toFixed(1)),
    };
    if (flags.json) console.log(JSON.stringify(result));
    else
      log(
        `targets: full sync < 60 s: ${syncSeconds < 60 ? "met" : "MISSED"}; keeps up with 1 block/s: ${result.keptUp ? "met" : "MISSED"}`,
      );
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Times requests against the indexer at `url` while polling /health: the largest the API serves
 * (10,000 SQL rows, 10,000 GraphQL rows) and the hostile ones, which it refuses.
 */
async function measureRequests(url: IndexerInstance["url"]) {
  let worstHealthMs = 0;
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const sent = Date.now();
      await fetch(`${url}/health`).catch(() => undefined);
      worstHealthMs = Math.max(worstHealthMs, Date.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  const sql = (query: string) =>
    fetch(
      `${url}/sql/db?sql=${encodeURIComponent(superjson.stringify({ sql: query, params: [] }))}`,
    );
  const graphql = (query: string) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
  const cases: [string, () => Promise<Response>][] = [
    ["SQL, 10,000 rows of pool_event", () => sql("select * from pool_event limit 10000")],
    [
      "SQL, pool_event joined with itself on the user (a count)",
      () => sql('select count(*) from pool_event a join pool_event b on a."user" = b."user"'),
    ],
    [
      "SQL, the issue's cross join (refused: > 10,000 rows)",
      () =>
        sql("select a.id, b.id, a.tx_hash, b.tx_hash from pool_event a, pool_event b limit 500000"),
    ],
    [
      "SQL, a sorted cross join (refused: estimated cost)",
      () =>
        sql("select a.id from pool_event a, pool_event b order by a.tx_hash, b.tx_hash limit 10"),
    ],
    [
      "GraphQL, 10,000 rows (10 stakers x 999 events)",
      () =>
        graphql("{ stakers(limit: 10) { items { events(limit: 999) { items { id amount } } } } }"),
    ],
    [
      "GraphQL, the issue's four-level query (refused: 10^12 rows)",
      () =>
        graphql(
          "{ stakers(limit: 1000) { items { events(limit: 1000) { items { staker { events(limit: 1000) { items { staker { events(limit: 1000) { items { id } } } } } } } } } } }",
        ),
    ],
  ];
  const timings: Record<string, { status: number; ms: number }> = {};
  for (const [name, send] of cases) {
    const sent = Date.now();
    const response = await send();
    await response.arrayBuffer();
    timings[name] = { status: response.status, ms: Date.now() - sent };
  }
  polling = false;
  await poll;
  return { timings, worstHealthMs };
}

await main();
