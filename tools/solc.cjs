#!/usr/bin/env -S node --liftoff-only
// Native-style `solc` executable for forge, backed by solc-js (npm `solc`).
// forge calls `solc --version` and `solc --standard-json` (input on stdin).
//
// A large standard-json input is split across one worker process per core: every worker gets all
// sources (so source ids match) but is asked for the outputs of only its share of the files; the
// parent merges the outputs.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawn } = require("node:child_process");
const os = require("node:os");

const args = process.argv.slice(2);
// Below this many selected files one process is fastest; above it, one worker per core.
const SPLIT_ABOVE_FILES = Number(process.env.SOLC_SHIM_SPLIT_ABOVE ?? 24);

if (args.includes("--version")) {
  const version = require("solc")
    .version()
    .replace(/\.Emscripten\.clang$/, "");
  process.stdout.write(
    `solc, the solidity compiler commandline interface\nVersion: ${version}.Linux.g++\n`,
  );
  process.exit(0);
}
if (!args.includes("--standard-json") && !args.includes("--worker")) {
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

// soljson 0.8.28 has a 5 MB WebAssembly stack, which overflows ("memory access out of bounds") while
// analysing a large project; move the stack to the top of a 64 MB block of the heap.
function growStack() {
  const soljson = require("solc/soljson.js");
  const size = 64 * 1024 * 1024;
  const base = soljson._malloc(size);
  soljson.stackRestore((base + size) & ~15);
}

function compileHere(inputJson) {
  const solc = require("solc");
  growStack();
  return solc.compile(inputJson, { import: findImports });
}

const inputJson = fs.readFileSync(0, "utf8");
// Writes synchronously (process.exit would cut an asynchronous write short), retrying while a
// non-blocking stdout pipe is full.
function writeAndExit(text) {
  const buffer = Buffer.from(text);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(1, buffer, offset);
    } catch (error) {
      if (error.code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
  process.exit(0);
}
if (args.includes("--worker")) writeAndExit(compileHere(inputJson));

const input = JSON.parse(inputJson);
const selection = input.settings?.outputSelection ?? {};
const selectedFiles = Object.keys(selection).filter((file) => file !== "*");
if (selectedFiles.length <= SPLIT_ABOVE_FILES) writeAndExit(compileHere(inputJson));

// Greedy split of the selected files by source size, largest first, into chunks of similar weight.
const chunkCount = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);
const chunks = Array.from({ length: chunkCount }, () => ({ files: [], weight: 0 }));
const sized = selectedFiles
  .map((file) => ({ file, size: (input.sources[file]?.content ?? "").length }))
  .sort((a, b) => b.size - a.size);
for (const { file, size } of sized) {
  const lightest = chunks.reduce((min, chunk) => (chunk.weight < min.weight ? chunk : min));
  lightest.files.push(file);
  lightest.weight += size;
}

function runWorker(chunk, index) {
  const outputSelection = selection["*"] ? { "*": selection["*"] } : {};
  for (const file of chunk.files) outputSelection[file] = selection[file];
  const chunkInput = { ...input, settings: { ...input.settings, outputSelection } };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--liftoff-only", __filename, "--worker", ...args], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    const out = [];
    child.stdout.on("data", (data) => out.push(data));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`solc worker ${index} exited with ${code}`));
      else resolve(JSON.parse(Buffer.concat(out).toString("utf8")));
    });
    child.stdin.end(JSON.stringify(chunkInput));
  });
}

async function main() {
  const concurrency = Math.max(1, Math.min(os.availableParallelism?.() ?? 2, chunks.length));
  const results = new Array(chunks.length);
  let next = 0;
  async function lane() {
    while (next < chunks.length) {
      const index = next++;
      results[index] = await runWorker(chunks[index], index);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));

  const merged = { contracts: {}, sources: {}, errors: [] };
  const seenErrors = new Set();
  for (const result of results) {
    for (const [file, contracts] of Object.entries(result.contracts ?? {})) {
      merged.contracts[file] = { ...merged.contracts[file], ...contracts };
    }
    Object.assign(merged.sources, result.sources ?? {});
    for (const error of result.errors ?? []) {
      const key = error.formattedMessage ?? error.message;
      if (seenErrors.has(key)) continue;
      seenErrors.add(key);
      merged.errors.push(error);
    }
  }
  writeAndExit(JSON.stringify(merged));
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
