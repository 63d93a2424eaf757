import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { ipool } from "./testing.ts";

// No deployment here: every case below must be settled by the parser alone.
const cwd = mkdtempSync(join(tmpdir(), "ipool-parse-"));
const cli = (...argv: string[]) => ipool(cwd, argv);

describe("the command line's grammar", () => {
  it("exits 2 with one line and a hint on every kind of usage error", async () => {
    const cases: [string[], RegExp][] = [
      [["stake"], /^error: missing required argument 'amount\|all'\n\(see ipool stake --help\)\n$/],
      [["stake", "1", "2"], /^error: too many arguments for 'stake'/],
      [["stake", "1", "--bogus"], /^error: unknown option '--bogus'/],
      [["stak", "1"], /^error: unknown command 'stak'\n\(Did you mean stake\?\)/],
      [["status", "--rpc"], /^error: option '--rpc <url>' argument missing/],
      [["--account", "1"], /Usage: ipool/],
      [["completion", "tcsh"], /^error: unknown shell "tcsh"/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, `ipool ${argv.join(" ")}: ${result.stderr}`);
      assert.match(result.stderr, message, `ipool ${argv.join(" ")}`);
      assert.equal(result.stdout, "", `ipool ${argv.join(" ")} printed on stdout`);
    }
  });

  it("refuses a negative number in one line naming the argument or option", async () => {
    const cases: [string[], string][] = [
      [["stake", "-5"], 'error: amount "-5" is negative: give a positive number\n'],
      [["withdraw", "-0.5"], 'error: amount "-0.5" is negative: give a positive number\n'],
      [
        ["quote", "10", "--period", "-3d"],
        'error: --period "-3d" is negative: give a positive number\n',
      ],
      [["claims", "-1"], 'error: claimId "-1" is negative: give a positive number\n'],
      [
        ["buy", "10", "--max-premium=-1"],
        'error: --max-premium "-1" is negative: give a positive number\n',
      ],
    ];
    for (const [argv, line] of cases) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, `ipool ${argv.join(" ")}`);
      assert.equal(result.stderr, line);
    }
  });

  it("checks the transaction options before reading anything", async () => {
    const cases: [string[], string][] = [
      [["stake", "1", "--nonce", "x"], 'error: --nonce "x" is not a whole number\n'],
      [
        ["stake", "1", "--nonce", "-1"],
        'error: --nonce "-1" is negative: give a positive number\n',
      ],
      [
        ["stake", "1", "--confirmations", "0"],
        'error: --confirmations "0" is not a whole number from 1\n',
      ],
      [
        ["stake", "1", "--gas-price", "2", "--max-fee", "3"],
        "error: --gas-price (legacy) and --max-fee/--priority-fee (EIP-1559) exclude each other\n",
      ],
      [["stake", "1", "--dry-run", "--calldata"], "error: give one of --dry-run, --calldata\n"],
      [
        ["stake", "1", "--timeout", "soon"],
        'error: --timeout: "soon" is not a duration\n  Use a number with a unit: "45s", "90m", "12h", "30d", "2w", "1y".\n',
      ],
      [["stake", "1", "--from", "0x12", "--calldata"], 'error: --from "0x12" is not an address\n'],
      [["status", "--dry-run"], "error: unknown option '--dry-run'\n(see ipool status --help)\n"],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv);
      assert.equal(result.code, 2, `ipool ${argv.join(" ")}: ${result.stderr}`);
      assert.equal(result.stderr, message);
    }
  });

  it("takes the global options before or after the command, --json included", async () => {
    for (const argv of [
      ["--json", "stake"],
      ["stake", "--json"],
    ]) {
      const result = await cli(...argv);
      assert.equal(result.code, 2);
      assert.deepEqual(JSON.parse(result.stdout), {
        error: "missing required argument 'amount|all'",
        type: "UsageError",
      });
    }
    // A run error (no deployment here) is JSON on stdout too, whichever side --json is on.
    for (const argv of [
      ["--json", "status"],
      ["status", "--json"],
    ]) {
      const result = await cli(...argv);
      assert.equal(result.code, 1);
      assert.match(result.json().error as string, /^no deployment file at /);
    }
  });

  it("prints help as text, or as JSON with --json", async () => {
    const main = await cli("--help");
    assert.equal(main.code, 0);
    for (const section of [
      "staker:",
      "dAPI user:",
      "DAO:",
      "anyone:",
      "views:",
      "Global options:",
    ]) {
      assert.match(main.stdout, new RegExp(`\\n${section}\\n`));
    }
    assert.match(main.stdout, /\n {2}time-out <claimId> +close a claim/);
    assert.match(main.stdout, /\n {2}distribute +send collected premiums/);
    const stake = await cli("stake", "--help");
    assert.match(stake.stdout, /^Usage: ipool stake \[options\] <amount\|all>/);
    assert.equal((await cli("help", "stake")).stdout, stake.stdout);
    for (const argv of [
      ["--json", "stake", "--help"],
      ["stake", "--help", "--json"],
    ]) {
      const json = await cli(...argv);
      assert.equal(json.code, 0);
      const doc = json.json();
      assert.equal(doc.command, "stake");
      assert.equal(doc.role, "staker");
      assert.ok((doc.globalOptions as { flags: string }[]).some((o) => o.flags === "--json"));
    }
    const all = (await cli("--help", "--json")).json();
    assert.ok((all.commands as { name: string }[]).some((c) => c.name === "time-out"));
  });

  it("writes a bash completion script that completes commands and their options", async () => {
    const result = await cli("completion", "bash");
    assert.equal(result.code, 0);
    const script = join(cwd, "ipool.bash");
    writeFileSync(script, result.stdout);
    const complete = (...words: string[]) =>
      spawnSync(
        "bash",
        [
          "-c",
          `source ${script}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _ipool; echo "\${COMPREPLY[*]}"`,
        ],
        { encoding: "utf8" },
      ).stdout.trim();
    assert.equal(complete("ipool", "sta"), "stake status");
    assert.equal(complete("ipool", "buy", "--max-p"), "--max-premium");
    assert.equal(complete("ipool", "buy", "--dry"), "--dry-run");
    assert.equal(complete("ipool", "status", "--dry"), "", "reads have no transaction options");
    assert.equal(complete("ipool", "--json", "unst"), "unstake");
    assert.match((await cli("completion", "zsh")).stdout, /^#compdef ipool/);
    assert.match((await cli("completion", "fish")).stdout, /-a time-out/);
  });
});
