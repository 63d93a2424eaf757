/**
 * The SDK and the CLI as real packages: `npm pack`ed, installed into an empty project without the network,
 * then used as a user would: `import { ... } from "@insurance-pool/sdk"` (JavaScript and types) and
 * `npx ipool --help`, with no tsx anywhere in that project.
 *
 * Offline install: `npm ci` put every dependency's tarball in npm's cache, but not the registry's package
 * documents that a plain `npm install` would need to resolve versions. So the test writes the empty
 * project's package-lock.json itself, from the repository's lock (the same versions and integrity hashes,
 * the closure of what the two packages depend on), and runs `npm ci --offline`: it installs from the cache
 * alone and fails, rather than reaching out, when anything is missing.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { startAnvil } from "../packages/sdk/src/anvil.ts";
import { metaEvidence } from "../packages/sdk/src/dispute/files.ts";
import {
  deployArguments,
  deployExistingContracts,
  TEST_DEPLOYER_KEY,
} from "../packages/sdk/src/testing/existingChain.ts";

const root = join(import.meta.dirname, "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  optionalDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  peer?: boolean;
  [key: string]: unknown;
}

/** Where Node would find `name` from the package at lock key `from` (nested first, then up). */
function locate(lock: Record<string, LockEntry>, from: string, name: string): string | undefined {
  let base = from;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (!base) return undefined;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut >= 0 ? base.slice(0, cut) : "";
  }
}

/**
 * The lock entries a project holding the packed workspaces `workspaces` needs: their dependency closure in the
 * repository's lock, keyed where it installs (`packages/cli/node_modules/x` → under the installed package).
 */
export function closureLock(
  lock: Record<string, LockEntry>,
  workspaces: Record<string, string>,
): Record<string, LockEntry> {
  const out: Record<string, LockEntry> = {};
  const rekey = (key: string) => {
    for (const [dir, name] of Object.entries(workspaces)) {
      if (key.startsWith(`${dir}/`)) return `node_modules/${name}/${key.slice(dir.length + 1)}`;
    }
    return key;
  };
  const queue = Object.keys(workspaces);
  const seen = new Set<string>();
  while (queue.length) {
    const from = queue.shift() as string;
    const entry = lock[from];
    if (!entry) throw new Error(`no ${from} in package-lock.json`);
    const needed = {
      ...entry.dependencies,
      ...entry.optionalDependencies,
      ...Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(
          ([name]) => !entry.peerDependenciesMeta?.[name]?.optional,
        ),
      ),
    };
    for (const name of Object.keys(needed)) {
      if (Object.values(workspaces).includes(name)) continue; // the other tarball
      const key = locate(lock, from, name);
      if (!key) {
        if (entry.optionalDependencies?.[name]) continue;
        throw new Error(`${from} needs ${name}, which package-lock.json does not hold`);
      }
      if (seen.has(key)) continue;
      seen.add(key);
      const { dev: _dev, devOptional: _devOptional, peer: _peer, ...copy } = lock[key] as LockEntry;
      out[rekey(key)] = copy;
      queue.push(key);
    }
  }
  return out;
}

const sha512 = (file: string) =>
  `sha512-${createHash("sha512").update(readFileSync(file)).digest("base64")}`;

describe("the packed SDK and CLI in an empty project", () => {
  const dir = mkdtempSync(join(tmpdir(), "ipool-pack-"));
  const project = join(dir, "project");
  const timings: string[] = [];
  const timed = <T>(label: string, run: () => T): T => {
    const started = Date.now();
    const result = run();
    timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };

  before(() => {
    const packed = timed(
      "npm pack",
      () =>
        JSON.parse(
          execFileSync(
            npm,
            [
              "pack",
              "--json",
              "--pack-destination",
              dir,
              "-w",
              "@insurance-pool/sdk",
              "-w",
              "@insurance-pool/cli",
            ],
            { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
          ),
        ) as { name: string; filename: string; files: { path: string }[] }[],
    );
    const tarballs = Object.fromEntries(packed.map((p) => [p.name, p.filename]));
    const lock = (
      JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
        packages: Record<string, LockEntry>;
      }
    ).packages;
    const workspaces = {
      "packages/sdk": "@insurance-pool/sdk",
      "packages/cli": "@insurance-pool/cli",
    };
    const dependencies = Object.fromEntries(
      Object.values(workspaces).map((name) => [name, `file:../${tarballs[name]}`]),
    );
    const packages: Record<string, LockEntry> = {
      "": { name: "empty-project", dependencies },
      ...closureLock(lock, workspaces),
    };
    for (const [dirName, name] of Object.entries(workspaces)) {
      const manifest = JSON.parse(readFileSync(join(root, dirName, "package.json"), "utf8"));
      packages[`node_modules/${name}`] = {
        version: manifest.version,
        resolved: `file:../${tarballs[name]}`,
        integrity: sha512(join(dir, tarballs[name] as string)),
        dependencies: manifest.dependencies,
        ...(manifest.bin ? { bin: manifest.bin } : {}),
      };
    }
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify(
        { name: "empty-project", private: true, type: "module", dependencies },
        null,
        2,
      ),
    );
    writeFileSync(
      join(project, "package-lock.json"),
      JSON.stringify(
        { name: "empty-project", lockfileVersion: 3, requires: true, packages },
        null,
        2,
      ),
    );
    timed("npm ci --offline", () =>
      execFileSync(npm, ["ci", "--offline", "--no-audit", "--no-fund", "--ignore-scripts"], {
        cwd: project,
        stdio: ["ignore", "ignore", "inherit"],
      }),
    );
  });

  after(() => {
    console.log(`# ${timings.join(", ")}`);
    rmSync(dir, { recursive: true, force: true });
  });

  it("ships only compiled JavaScript, declarations and the launcher, and installs without tsx", () => {
    const installed = join(project, "node_modules", "@insurance-pool");
    for (const file of [
      "sdk/dist/index.js",
      "sdk/dist/index.d.ts",
      "sdk/dist/deploy/index.js",
      "cli/dist/cli.js",
      "cli/dist/commands.json",
      "cli/bin/ipool.js",
      "sdk/dispute-texts/meta-evidence.json",
      "cli/dispute-texts/meta-evidence.json",
    ]) {
      assert.ok(existsSync(join(installed, file)), `${file} is installed`);
    }
    assert.ok(!existsSync(join(installed, "sdk", "src")), "no TypeScript sources");
    assert.ok(!existsSync(join(installed, "cli", "src")), "no TypeScript sources");
    assert.ok(!existsSync(join(project, "node_modules", "tsx")), "tsx is not installed");
    assert.ok(existsSync(join(project, "node_modules", "viem", "package.json")));
  });

  it("imports the SDK from JavaScript", () => {
    const script = [
      'import { parseAmount, formatAmount, claimNumber, getMinApr, stake, allErrorsAbi } from "@insurance-pool/sdk";',
      'import { deploySystem, DEFAULT_GOVERNANCE } from "@insurance-pool/sdk/deploy";',
      'const amount = parseAmount("1.5k", 18);',
      "console.log(JSON.stringify({ amount: amount.toString(), shown: formatAmount(amount, 18, { symbol: 'API3' }),",
      "  claim: claimNumber((2n << 224n) | 5n).toString(), functions: [typeof getMinApr, typeof stake, typeof deploySystem],",
      "  errors: allErrorsAbi.length > 10, delay: DEFAULT_GOVERNANCE.votingDelay > 0 }));",
    ].join("\n");
    const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: project,
      encoding: "utf8",
    });
    assert.deepEqual(JSON.parse(output), {
      amount: "1500000000000000000000",
      shown: "1,500 API3",
      claim: "2",
      functions: ["function", "function", "function"],
      errors: true,
      delay: true,
    });
  });

  it("type-checks a TypeScript user of the SDK against the shipped declarations", () => {
    writeFileSync(
      join(project, "user.ts"),
      [
        'import { getStake, parseAmount, type GetStakeReturnType } from "@insurance-pool/sdk";',
        'import type { Address, Client } from "viem";',
        "export async function staked(client: Client, pool: Address, user: Address): Promise<bigint> {",
        "  const value: GetStakeReturnType = await getStake(client, { pool, user });",
        '  return value + parseAmount("1", 18);',
        "}",
        "// @ts-expect-error: the pool address is required",
        "export const missing = (client: Client) => getStake(client, { user: '0x0000000000000000000000000000000000000000' });",
      ].join("\n"),
    );
    const tsc = spawnSync(
      process.execPath,
      [
        join(root, "node_modules", "typescript", "bin", "tsc"),
        "--noEmit",
        "--strict",
        "--skipLibCheck",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "user.ts",
      ],
      { cwd: project, encoding: "utf8" },
    );
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  it("runs `npx ipool`: help, a usage error, and a clear error without a deployment", () => {
    const env = { ...process.env, IPOOL_PRIVATE_KEY: "" };
    const help = spawnSync(npm, ["exec", "--offline", "--", "ipool", "--help"], {
      cwd: project,
      encoding: "utf8",
      env,
    });
    // The rest through the installed launcher directly (npx adds ~1 s per run).
    const ipool = (...args: string[]) =>
      spawnSync(join(project, "node_modules", ".bin", "ipool"), args, {
        cwd: project,
        encoding: "utf8",
        env,
      });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: ipool \[options\] <command> \[arguments\]/);
    assert.match(help.stdout, /\n {2}time-out <claimId> /);
    const usage = ipool("stake");
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /^error: missing required argument 'amount\|all'/);
    const status = ipool("status");
    assert.equal(status.status, 1);
    assert.match(status.stderr, /^error: no deployment file at .*\.devnet\/deployment\.json\n/);
  });

  it("reads the shipped dispute texts: the SDK's deploy entry and a real `ipool deploy`", async () => {
    // They were read from the repository's contracts/dispute, which an installed package does not have.
    const script = [
      'import { metaEvidence, publishInstructions } from "@insurance-pool/sdk/deploy";',
      "const file = metaEvidence();",
      "console.log(JSON.stringify({ cid: file.cid, path: file.path, steps: publishInstructions().length }));",
    ].join("\n");
    const shipped = JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        cwd: project,
        encoding: "utf8",
      }),
    ) as { cid: string; path: string; steps: number };
    assert.equal(shipped.cid, metaEvidence().cid);
    assert.ok(shipped.path.startsWith(join(project, "node_modules")), shipped.path);
    assert.ok(shipped.steps > 1);

    const anvil = await startAnvil({ chainId: 4242 });
    try {
      const existing = await deployExistingContracts(anvil.rpcUrl);
      const deploy = spawnSync(
        join(project, "node_modules", ".bin", "ipool"),
        deployArguments(anvil.rpcUrl, existing),
        {
          cwd: project,
          encoding: "utf8",
          env: { ...process.env, IPOOL_PRIVATE_KEY: TEST_DEPLOYER_KEY },
        },
      );
      assert.equal(deploy.status, 0, deploy.stderr);
      assert.ok(deploy.stdout.includes(`must print ${metaEvidence().cid}`), deploy.stdout);
      const deployment = JSON.parse(
        readFileSync(join(project, "deployments", "4242.json"), "utf8"),
      ) as { disputeTexts?: { metaEvidenceURI?: string } };
      assert.equal(deployment.disputeTexts?.metaEvidenceURI, metaEvidence().ipfsPath);
    } finally {
      await anvil.stop();
    }
  });
});
