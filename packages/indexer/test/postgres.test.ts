/**
 * The indexer on PostgreSQL (issue 17): a server of its own (test/support/postgres.ts; `.ci/run`
 * installs Debian's `postgresql`), the devnet deployment with 25 stakers and 3,000 pool events.
 * SQL over HTTP agrees with GraphQL and the chain after one block updates 25 stakers, hostile
 * requests are refused while the indexer stays healthy, and stop() releases the schema lock.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { type Address, parseEther } from "viem";
import { type AnvilInstance, startAnvil } from "../../devnet/src/anvil.ts";
import { createTxContext } from "../../sdk/src/deploy/context.ts";
import { deployDevnet } from "../../sdk/src/deploy/devnet.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { type IndexerInstance, startIndexer } from "../launcher/start.ts";
import { depositAndStakeCalls, fundStakers, mineInOneBlock } from "./support/chain.ts";
import { startTestPostgres, type TestPostgres } from "./support/postgres.ts";
import { assertHostileRequestsRefused, assertSqlAgreesAfterManyUpdates } from "./support/trust.ts";

const NO_SERVER =
  "no PostgreSQL here: install Debian's postgresql (.ci/run does) or set IPOOL_TEST_DATABASE_URL";

describe("indexer on PostgreSQL", { timeout: 240_000 }, () => {
  let postgres: TestPostgres | undefined;
  let anvil: AnvilInstance | undefined;
  let indexer: IndexerInstance | undefined;
  let deployment: Deployment;
  let stakers: Address[];
  const dir = mkdtempSync(join(tmpdir(), "ipool-indexer-pg-"));
  const deploymentPath = join(dir, "deployment.json");

  before(async () => {
    postgres = await startTestPostgres();
    if (!postgres) return;
    anvil = await startAnvil();
    const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
    deployment = await deployDevnet(ctx);
    writeFileSync(deploymentPath, JSON.stringify(deployment));
    stakers = await fundStakers(anvil.rpcUrl, deployment, 25);
    for (let round = 0; round < 60; round++) {
      await mineInOneBlock(
        anvil.rpcUrl,
        depositAndStakeCalls(deployment, stakers, parseEther("1")),
      );
    }
    indexer = await startIndexer({ deploymentPath, databaseUrl: postgres.url });
  });

  after(async () => {
    await indexer?.stop();
    await anvil?.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers SQL over HTTP like GraphQL and the chain after one block updates 25 stakers", async (t) => {
    if (!indexer || !anvil) return t.skip(NO_SERVER);
    await assertSqlAgreesAfterManyUpdates(indexer.url, anvil.rpcUrl, deployment, stakers);
  });

  it("refuses the cross-join SQL and the nested GraphQL request, stays healthy and keeps indexing", async (t) => {
    if (!indexer || !anvil) return t.skip(NO_SERVER);
    const rpcUrl = anvil.rpcUrl;
    await assertHostileRequestsRefused(indexer.url, () =>
      mineInOneBlock(
        rpcUrl,
        depositAndStakeCalls(deployment, stakers.slice(0, 1), parseEther("1")),
      ),
    );
  });

  it("releases the schema lock when stopped", async (t) => {
    if (!indexer || !postgres) return t.skip(NO_SERVER);
    await indexer.stop();
    indexer = undefined;
    const require = createRequire(import.meta.url);
    const pg = require("pg") as {
      Client: new (config: {
        connectionString: string;
      }) => {
        connect(): Promise<void>;
        query(sql: string): Promise<{ rows: unknown[] }>;
        end(): Promise<void>;
      };
    };
    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select (value->>'is_locked')::int as locked from ipool._ponder_meta",
      );
      assert.deepEqual(rows, [{ locked: 0 }], "_ponder_meta.is_locked after stop()");
    } finally {
      await client.end();
    }
  });
});
