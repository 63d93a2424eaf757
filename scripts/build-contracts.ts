/**
 * Builds the contracts twice, side by side:
 * - the release build (foundry.toml's `release` profile: contracts/src through the IR pipeline) into
 *   contracts/out-release: what ships (SDK bytecode, devnet, gas bench) and what the forge tests deploy;
 * - the test build (default profile: everything, legacy code generator, ~6x faster under solc-js) into
 *   contracts/out, which `forge test` needs for the test contracts themselves.
 * Then two contracts again at fewer optimizer runs (`smallerBuilds`), their artifacts (with the modules their initcode
 * carries) copied over the release build's:
 * - the claims manager at 1,000 runs: with its ClaimsAdmin module it exceeds EIP-3860's 49,152-byte initcode limit at
 *   10,000 runs (50,863 bytes once Kleros v2 met #13); at 1,000 runs: 46,418 (48,091 today);
 * - the staking pool and its extension at POOL_RUNS (2,000): at 10,000 runs the pool's own code is 26,610 bytes
 *   (EIP-170: 24,576) and its initcode 51,732, since its first vote checkpoint lives inline (issue #13); at 2,000
 *   runs: 24,367 and 47,292 (contracts/README, issue #13 part 5).
 * Exits non-zero, with forge's output, if any fails.
 */
import { spawn } from "node:child_process";
import { cpSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The optimizer runs of the pool and its extension (see above); POOL_RUNS overrides them, to measure. */
const POOL_RUNS = Number(process.env.POOL_RUNS ?? 2000);

interface Build {
  name: string;
  args: string[];
  env: Record<string, string>;
}

// The release build's directories are set here, not inherited: a FOUNDRY_OUT meant for the test build (a
// private build directory) must not send the release build there too. RELEASE_OUT (and RELEASE_CACHE) move it.
const builds: Build[] = [
  {
    name: "release",
    args: ["build", "contracts/src"],
    env: {
      FOUNDRY_PROFILE: "release",
      FOUNDRY_OUT: process.env.RELEASE_OUT ?? "contracts/out-release",
      FOUNDRY_CACHE_PATH: process.env.RELEASE_CACHE ?? "contracts/cache-release",
    },
  },
  { name: "test", args: ["build"], env: {} },
];

interface BuildResult {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

function run(build: Build): Promise<BuildResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules", ".bin", "forge"), build.args, {
      cwd: root,
      env: { ...process.env, ...build.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    const finish = (code: number) =>
      resolve({ name: build.name, code, output, seconds: (Date.now() - started) / 1000 });
    child.on("error", (error) => {
      output += `${error.message}\n`;
      finish(1);
    });
    child.on("close", (code) => finish(code ?? 1));
  });
}

const releaseOut = process.env.RELEASE_OUT ?? "contracts/out-release";
const releaseCache = process.env.RELEASE_CACHE ?? "contracts/cache-release";

/** A contract rebuilt at fewer optimizer runs, its artifacts (with the modules its initcode carries) copied over the
 * release build's: at 10,000 runs it would exceed a size limit. */
interface SmallerBuild extends Build {
  copied: string[];
}

function smallerBuild(
  source: string,
  runs: number,
  suffix: string,
  copied: string[],
): SmallerBuild {
  return {
    name: `release, ${source} at ${runs.toLocaleString("en-US")} runs`,
    args: ["build", `contracts/src/${source}`],
    env: {
      FOUNDRY_PROFILE: "release",
      FOUNDRY_OPTIMIZER_RUNS: String(runs),
      FOUNDRY_OUT: `${releaseOut}-${suffix}`,
      FOUNDRY_CACHE_PATH: `${releaseCache}-${suffix}`,
    },
    copied,
  };
}

const smallerBuilds: SmallerBuild[] = [
  smallerBuild("ClaimsManager.sol", 1000, "claims", ["ClaimsManager.sol", "ClaimsAdmin.sol"]),
  smallerBuild("StakingPool.sol", POOL_RUNS, "pool", [
    "StakingPool.sol",
    "StakingPoolExtension.sol",
  ]),
];

const results = await Promise.all(
  builds.map(async (build) => {
    if (build.name !== "release") return run(build);
    const release = await run(build);
    if (release.code !== 0) return [release];
    const smaller = await Promise.all(smallerBuilds.map(run));
    smaller.forEach((result, i) => {
      const build = smallerBuilds[i];
      if (result.code !== 0 || !build) return;
      for (const dir of build.copied) {
        cpSync(resolve(root, build.env.FOUNDRY_OUT ?? "", dir), resolve(root, releaseOut, dir), {
          recursive: true,
        });
      }
    });
    return [release, ...smaller];
  }),
).then((all) => all.flat());
let failed = false;
for (const result of results) {
  const status = result.code === 0 ? "ok" : `failed (exit ${result.code})`;
  console.log(`forge build (${result.name}): ${status} in ${result.seconds.toFixed(1)} s`);
  if (result.code !== 0) {
    failed = true;
    process.stderr.write(result.output);
  }
}
if (failed) process.exit(1);
