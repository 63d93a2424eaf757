#!/usr/bin/env -S node --liftoff-only
// Native-style `solc` executable for forge, backed by solc-js (npm `solc`).
// forge calls `solc --version` and `solc --standard-json` (input on stdin).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);
if (args.includes("--version")) {
  const version = solc.version().replace(/\.Emscripten\.clang$/, "");
  process.stdout.write(
    `solc, the solidity compiler commandline interface\nVersion: ${version}.Linux.g++\n`,
  );
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("tools/solc.cjs only supports --version and --standard-json\n");
  process.exit(1);
}
const roots = [
  process.cwd(),
  ...args.filter((_a, i) => args[i - 1] === "--base-path" || args[i - 1] === "--include-path"),
];
function findImports(importPath) {
  for (const root of roots) {
    const candidate = path.resolve(root, importPath);
    if (fs.existsSync(candidate)) return { contents: fs.readFileSync(candidate, "utf8") };
  }
  return { error: `File not found: ${importPath}` };
}
const input = fs.readFileSync(0, "utf8");
process.stdout.write(solc.compile(input, { import: findImports }));
