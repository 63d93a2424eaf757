/** The report that `npm run coverage` prints from forge's output and LCOV file. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseLcov, ranges, summaryTable } from "./coverage.ts";

const lcov = [
  "TN:",
  "SF:contracts/src/A.sol",
  "FN:3,A.f",
  "FNDA:2,A.f",
  "FN:9,A.g",
  "FNDA:0,A.g",
  "DA:4,2",
  "DA:5,0",
  "DA:6,0",
  "DA:10,0",
  "BRDA:4,0,0,2",
  "BRDA:4,0,1,0",
  "BRDA:10,1,0,-",
  "BRDA:10,1,1,-",
  "end_of_record",
  "SF:contracts/src/B.sol",
  "DA:1,7",
  "BRDA:1,0,0,1",
  "BRDA:1,0,1,3",
  "end_of_record",
  "",
].join("\n");

test("parseLcov lists unexecuted lines, branches with a path never taken, and uncalled functions", () => {
  assert.deepEqual(parseLcov(lcov), [
    { file: "contracts/src/A.sol", lines: [5, 6, 10], branches: [4, 10], functions: ["A.g"] },
    { file: "contracts/src/B.sol", lines: [], branches: [], functions: [] },
  ]);
});

test("ranges joins consecutive line numbers", () => {
  assert.equal(ranges([10, 5, 6, 7, 12, 13, 6]), "5-7, 10, 12-13");
  assert.equal(ranges([3]), "3");
  assert.equal(ranges([]), "");
});

test("summaryTable takes forge's coverage table, not an invariant test's table of calls", () => {
  const output = [
    "Ran 2 test suites in 1.00s: 5 tests passed, 0 failed, 0 skipped (5 total tests)",
    "╭---------+-------╮",
    "| Contract | Calls |",
    "╰---------+-------╯",
    "",
    "╭------+---------╮",
    "| File | % Lines |",
    "| Total | 100.00% (1/1) |",
    "╰------+---------╯",
    "Wrote LCOV report.",
  ].join("\n");
  assert.equal(
    summaryTable(output),
    "╭------+---------╮\n| File | % Lines |\n| Total | 100.00% (1/1) |\n╰------+---------╯",
  );
  assert.equal(summaryTable("Compiler run failed"), undefined);
});
