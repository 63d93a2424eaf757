/**
 * Every event the watched contracts emit has a handler, or is listed in UNINDEXED_EVENTS with the
 * reason it is not indexed: a contract change that adds an event fails here until the indexer
 * handles it (or says why not).
 */
import assert from "node:assert/strict";
import { register } from "node:module";
import { describe, it } from "node:test";
import { INDEXED_ABIS, UNINDEXED_EVENTS } from "../src/contracts.ts";

register("./support/ponderStub.mjs", import.meta.url);

const globals = globalThis as { __handledEvents?: string[] };

async function handledEvents(): Promise<Set<string>> {
  globals.__handledEvents = [];
  for (const file of ["pool", "claims", "arbitrator", "governance"]) {
    await import(`../src/handlers/${file}.ts`);
  }
  return new Set(globals.__handledEvents);
}

const emitted = Object.entries(INDEXED_ABIS).flatMap(([contract, abi]) =>
  abi.filter((item) => item.type === "event").map((item) => `${contract}:${item.name}`),
);

describe("indexed events", () => {
  it("handles every event of the watched ABIs but the ones listed as not indexed", async () => {
    const handled = await handledEvents();
    const missing = emitted.filter((name) => !handled.has(name) && !(name in UNINDEXED_EVENTS));
    assert.deepEqual(missing, [], "events with neither a handler nor a reason not to index them");
    const unknown = [...handled, ...Object.keys(UNINDEXED_EVENTS)].filter(
      (name) => !emitted.includes(name),
    );
    assert.deepEqual(unknown, [], "handled or listed events the ABIs do not have");
    const both = [...handled].filter((name) => name in UNINDEXED_EVENTS);
    assert.deepEqual(both, [], "events both handled and listed as not indexed");
  });
});
