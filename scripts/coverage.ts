/**
 * Line, statement, branch and function coverage of contracts/src by the forge tests.
 *
 *   npm run coverage [-- <more forge coverage flags, e.g. --match-path "contracts/test/unit/*">]
 *
 * Runs `forge coverage` (which recompiles everything without the optimizer and the IR pipeline and runs the
 * tests on that build; `test/utils/Release.sol` deploys it instead of the release artifacts there) with
 * foundry.toml's `coverage` profile (fewer fuzz and invariant runs), then prints forge's table for the files
 * in contracts/src (test code left out: it is not what ships) and the lines and branches no test reaches.
 * Left out of the run: the gas tests (`test/gas/`) and the tests below that assert gas or run near the gas
 * limit, which only hold for the optimized build. The LCOV report goes to coverage/lcov.info.
 * Exits non-zero, with forge's output, if a test fails.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lcovFile = "coverage/lcov.info";

/** Tests outside test/gas/ that hold only for the optimized build: a gas bound (`everyEpochUserIsOneRead`) and
 * 10,000-checkpoint histories that run out of forge's default 2^30 gas unoptimized. */
const GAS_BOUND_TESTS = "everyEpochUserIsOneRead|tenThousandCheckpoints";

const STACK_TOO_DEEP_HINT = `forge coverage compiles without the optimizer and the IR pipeline, where a function with
many local variables can run out of stack slots. \`npm run coverage -- --ir-minimum\` compiles through the IR
pipeline with minimal optimization instead (solc-js takes ~5 min for it on 2 cores, and its source maps are less
exact); or give the function fewer locals.`;

const args = [
  "coverage",
  "--report",
  "summary",
  "--report",
  "lcov",
  "--report-file",
  lcovFile,
  "--no-match-path",
  "contracts/test/gas/*",
  "--no-match-test",
  GAS_BOUND_TESTS,
  "--no-match-coverage",
  "^contracts/test/",
  ...process.argv.slice(2),
];

interface Run {
  code: number;
  output: string;
}

function runForge(): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules", ".bin", "forge"), args, {
      cwd: root,
      env: { ...process.env, FOUNDRY_PROFILE: "coverage" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** What one file of an LCOV report leaves uncovered. */
export interface Uncovered {
  file: string;
  /** Line numbers never executed. */
  lines: number[];
  /** Line numbers of branches with a path never taken (a branch whose line never ran counts too). */
  branches: number[];
  /** Names of functions never called. */
  functions: string[];
}

/** Reads an LCOV tracefile (`SF`, `DA`, `BRDA`, `FN`/`FNDA` records) into what each file leaves uncovered. */
export function parseLcov(text: string): Uncovered[] {
  const files: Uncovered[] = [];
  let current: Uncovered | undefined;
  for (const line of text.split("\n")) {
    const [tag, rest = ""] = line.split(/:(.*)/s);
    if (tag === "SF") {
      current = { file: rest, lines: [], branches: [], functions: [] };
      files.push(current);
    } else if (current && tag === "DA") {
      const [lineNumber, hits] = rest.split(",");
      if (Number(hits) === 0) current.lines.push(Number(lineNumber));
    } else if (current && tag === "BRDA") {
      const [lineNumber, , , taken] = rest.split(",");
      const number = Number(lineNumber);
      if ((taken === "-" || Number(taken) === 0) && !current.branches.includes(number)) {
        current.branches.push(number);
      }
    } else if (current && tag === "FNDA") {
      const [hits, name = ""] = rest.split(",");
      if (Number(hits) === 0) current.functions.push(name);
    }
  }
  return files;
}

/** `[1, 2, 3, 7]` as `1-3, 7`. */
export function ranges(numbers: number[]): string {
  const runs: [number, number][] = [];
  for (const n of [...new Set(numbers)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] + 1 === n) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(", ");
}

/** forge's coverage summary table (the one headed `% Lines`; invariant tests print tables of calls too), from its
 * top border to its bottom border. */
export function summaryTable(output: string): string | undefined {
  const lines = output.split("\n");
  const header = lines.findIndex((line) => line.includes("% Lines"));
  let start = header;
  while (start >= 0 && !lines[start]?.startsWith("╭")) start--;
  const end = lines.findIndex((line, i) => i > header && line.startsWith("╰"));
  return header === -1 || start === -1 || end === -1
    ? undefined
    : lines.slice(start, end + 1).join("\n");
}

async function main(): Promise<void> {
  mkdirSync(join(root, "coverage"), { recursive: true });
  const started = Date.now();
  const run = await runForge();
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const table = summaryTable(run.output);
  if (run.code !== 0 || table === undefined) {
    process.stderr.write(run.output);
    console.error(`forge coverage failed (exit ${run.code}) after ${seconds} s`);
    if (run.output.includes("Stack too deep")) console.error(STACK_TOO_DEEP_HINT);
    process.exit(run.code === 0 ? 1 : run.code);
  }
  const testsLine = run.output.split("\n").find((line) => /^Ran \d+ test suites/.test(line));
  if (testsLine) console.log(testsLine);
  console.log(table);
  const uncovered = parseLcov(readFileSync(join(root, lcovFile), "utf8")).filter(
    (file) => file.lines.length + file.branches.length + file.functions.length > 0,
  );
  if (uncovered.length > 0) console.log("\nNot reached by any test (line numbers):");
  for (const file of uncovered) {
    const parts = [
      file.lines.length > 0 ? `lines ${ranges(file.lines)}` : "",
      file.branches.length > 0 ? `branches at ${ranges(file.branches)}` : "",
      file.functions.length > 0 ? `functions ${file.functions.join(", ")}` : "",
    ].filter(Boolean);
    console.log(`  ${file.file}: ${parts.join("; ")}`);
  }
  console.log(`\nforge coverage took ${seconds} s; LCOV report in ${lcovFile}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
