import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import type { Deployment } from "../../sdk/src/deployment.ts";
import {
  type ChainOptions,
  findSaved,
  forgetSaved,
  recordSaved,
  resumedTime,
  resumeKey,
  savedPaths,
} from "../src/resume.ts";

const options: ChainOptions = { arbitrator: "local", arbitratorV2: undefined, noSeed: false };

function savedDevnet(deploymentPath: string, record: { key: string; complete: boolean }) {
  const paths = savedPaths(deploymentPath);
  mkdirSync(dirname(paths.state), { recursive: true });
  writeFileSync(paths.state, "{}");
  recordSaved(deploymentPath, {
    ...record,
    deployment: { chainId: 31337 } as Deployment,
    startBlockHash: "0x01",
    seeded: true,
    clockOffset: 0,
    savedAt: "2026-12-07T00:00:00.000Z",
  });
}

describe("resuming a saved devnet", () => {
  it("keys the saved chain by the code that builds it and by the options", () => {
    const dir = mkdtempSync(join(tmpdir(), "ipool-resume-"));
    try {
      const file = join(dir, "seed.ts");
      writeFileSync(file, "export const seed = 1;\n");
      const key = resumeKey(options, [file]);
      assert.equal(resumeKey({ ...options }, [file]), key, "the same inputs give the same key");
      assert.notEqual(resumeKey({ ...options, arbitrator: "kleros" }, [file]), key);
      assert.notEqual(resumeKey({ ...options, arbitratorV2: "eth" }, [file]), key);
      assert.notEqual(resumeKey({ ...options, noSeed: true }, [file]), key);
      writeFileSync(file, "export const seed = 2;\n");
      assert.notEqual(resumeKey(options, [file]), key, "a changed file changes the key");
      // The default key reads the repository's deploy, generated and seed code.
      assert.match(resumeKey(options), /^[0-9a-f]{64}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resumes only a complete devnet saved under the same key, and says why not otherwise", () => {
    const dir = mkdtempSync(join(tmpdir(), "ipool-resume-"));
    const deploymentPath = join(dir, "deployment.json");
    try {
      assert.deepEqual(findSaved(deploymentPath, "k"), { reason: "no saved devnet" });

      savedDevnet(deploymentPath, { key: "k", complete: false });
      assert.deepEqual(findSaved(deploymentPath, "k"), {
        reason: "the saved devnet never finished starting",
      });

      savedDevnet(deploymentPath, { key: "k", complete: true });
      const found = findSaved(deploymentPath, "k");
      assert.ok("saved" in found, JSON.stringify(found));
      assert.equal(found.saved.startBlockHash, "0x01");
      const other = findSaved(deploymentPath, "another key");
      assert.ok("reason" in other && other.reason.includes("changed since the devnet was saved"));

      // A record without anvil's state file is nothing to resume.
      rmSync(savedPaths(deploymentPath).state);
      assert.deepEqual(findSaved(deploymentPath, "k"), { reason: "no saved devnet" });

      savedDevnet(deploymentPath, { key: "k", complete: true });
      writeFileSync(savedPaths(deploymentPath).record, "{ not json");
      const unreadable = findSaved(deploymentPath, "k");
      assert.ok("reason" in unreadable && unreadable.reason.includes("is not readable"));

      savedDevnet(deploymentPath, { key: "k", complete: true });
      forgetSaved(deploymentPath);
      assert.deepEqual(findSaved(deploymentPath, "k"), { reason: "no saved devnet" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sets a resumed chain's clock to the wall clock plus its offset, never at or before its last block", () => {
    const wall = Math.floor(Date.now() / 1000);
    // The offset kept: a chain moved a day ahead stays a day ahead.
    const ahead = resumedTime({ clockOffset: 86_400 }, wall);
    assert.ok(ahead >= wall + 86_400 && ahead <= wall + 86_401, `${ahead}`);
    // A last block exactly at wall + offset: the clock goes one second past it.
    const atLimit = resumedTime({ clockOffset: 0 }, wall + 5);
    assert.equal(atLimit, wall + 6);
    // A last block one second before wall + offset: the wall clock wins.
    const before = resumedTime({ clockOffset: 10 }, wall + 8);
    assert.ok(before >= wall + 10, `${before}`);
  });
});
