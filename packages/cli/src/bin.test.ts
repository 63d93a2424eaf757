import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const bin = join(root, "node_modules", ".bin", "ipool");

/** Runs the installed `ipool` binary (the launcher linked by npm) as a user would. */
function ipoolBinary(args: string[], cwd = root) {
  const result = spawnSync(bin, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, IPOOL_PRIVATE_KEY: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("the ipool binary", () => {
  it("is linked by npm and prints its help", () => {
    const { code, stdout } = ipoolBinary(["--help"]);
    assert.equal(code, 0);
    assert.match(
      stdout,
      /^Usage: ipool \[options\] <command> \[arguments\]\n\nInsurance Pool from the command line/,
    );
    assert.match(stdout, /staker:\n {2}deposit/);
  });

  it("exits 1 with a clear message when there is no deployment", () => {
    const { code, stderr, stdout } = ipoolBinary(
      ["status"],
      mkdtempSync(join(tmpdir(), "ipool-bin-")),
    );
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(
      stderr,
      /^error: no deployment file at .*\.devnet\/deployment\.json\n {2}Start the devnet/,
    );
  });
});
