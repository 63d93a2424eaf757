/**
 * What makes the indexer start sooner: the PGlite template (a fresh database is a copy of an
 * initialized one, made once per PGlite version) and the start gate ponder.config.ts waits behind.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import {
  ensurePgliteTemplate,
  freshPgliteDir,
  pgliteTemplateDir,
} from "../launcher/pgliteTemplate.ts";
import { closeStartGate, openStartGate, waitForStartGate } from "../launcher/startGate.ts";

const dir = mkdtempSync(join(tmpdir(), "ipool-startup-"));
after(() => rmSync(dir, { recursive: true, force: true }));

describe("PGlite template", { timeout: 120_000 }, () => {
  const cache = join(dir, "cache");

  it("is made once, by one child process, however many ask at the same time", async () => {
    const [a, b] = await Promise.all([ensurePgliteTemplate(cache), ensurePgliteTemplate(cache)]);
    assert.equal(a, b);
    assert.equal(a, pgliteTemplateDir(cache));
    assert.ok(existsSync(join(a, "PG_VERSION")), "an initialized data directory");
    assert.deepEqual(
      readdirSync(cache),
      [a.slice(cache.length + 1)],
      "no staging directory left behind",
    );
    const made = statSync(join(a, "PG_VERSION")).mtimeMs;
    await ensurePgliteTemplate(cache);
    assert.equal(statSync(join(a, "PG_VERSION")).mtimeMs, made, "kept, not made again");
  });

  it("gives a fresh directory that opens empty, whatever was there before", async () => {
    const target = join(dir, "pglite");
    const first = new PGlite(target);
    await first.query("CREATE TABLE leftover (x int)");
    await first.close();

    await freshPgliteDir(target, cache);
    const db = new PGlite(target);
    try {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
      );
      assert.equal(rows[0]?.n, 0, "the old table is gone");
      await db.query("CREATE TABLE fresh (x int)");
    } finally {
      await db.close();
    }
    const template = new PGlite(pgliteTemplateDir(cache));
    try {
      const { rows } = await template.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
      );
      assert.equal(rows[0]?.n, 0, "writing to the copy left the template empty");
    } finally {
      await template.close();
    }
  });
});

describe("start gate", () => {
  it("lets ponder's config through at once when no gate is named", async () => {
    await waitForStartGate({});
  });

  it("holds ponder's config until the gate is opened", async () => {
    const gate = join(dir, "start-gate");
    openStartGate(gate); // left open by a previous run
    closeStartGate(gate);
    let through = false;
    const waiting = waitForStartGate({ IPOOL_START_GATE: gate }).then(() => {
      through = true;
    });
    await new Promise((done) => setTimeout(done, 200));
    assert.equal(through, false, "still waiting behind the closed gate");
    openStartGate(gate);
    await waiting;
    assert.equal(through, true);
  });
});
