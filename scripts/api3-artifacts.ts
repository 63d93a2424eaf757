/**
 * Writes forge-readable JSON artifacts (`{ abi, bytecode: { object } }`) of the real API3 dAPI contracts
 * into `contracts/test/artifacts/`, from the compiled factories that `@api3/contracts` ships. Those
 * contracts are pinned to solc 0.8.17 / 0.8.27, so forge tests deploy them with
 * `deployCode("contracts/test/artifacts/<Name>.json", args)` instead of compiling them.
 *
 * Run: `node --import tsx scripts/api3-artifacts.ts` (offline; part of the build).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Factory {
  abi: readonly unknown[];
  bytecode: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "contracts", "test", "artifacts");
const factories = "@api3/contracts/dist/typechain-types/factories";
const require = createRequire(import.meta.url);

const contracts: Record<string, string> = {
  AccessControlRegistry: `${factories}/access/AccessControlRegistry__factory.js`,
  Api3ServerV1: `${factories}/api3-server-v1/Api3ServerV1__factory.js`,
  Api3ServerV1OevExtension: `${factories}/api3-server-v1/Api3ServerV1OevExtension__factory.js`,
  Api3ReaderProxyV1: `${factories}/api3-server-v1/proxies/Api3ReaderProxyV1__factory.js`,
};

mkdirSync(outDir, { recursive: true });
for (const [name, modulePath] of Object.entries(contracts)) {
  const factory = (require(modulePath) as Record<string, Factory>)[`${name}__factory`];
  if (!factory?.bytecode?.startsWith("0x"))
    throw new Error(`${modulePath} exports no ${name}__factory bytecode`);
  const artifact = { contractName: name, abi: factory.abi, bytecode: { object: factory.bytecode } };
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(artifact)}\n`);
}
console.log(`wrote ${Object.keys(contracts).length} API3 artifacts to ${outDir}`);
