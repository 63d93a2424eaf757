import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Options of {@link startAnvil}. */
export interface StartAnvilOptions {
  /** TCP port; `0` or omitted picks a free one (anvil binds it itself, so no race with other tests). */
  port?: number;
  /** Host to bind, `127.0.0.1` by default. */
  host?: string;
  /** Seconds between blocks (interval mining); omitted = automine (a block per transaction). */
  blockTime?: number;
  /** Chain id, 31337 by default. */
  chainId?: number;
  /** Number of funded dev accounts, 20 by default (the devnet's roles use indices up to 19). */
  accounts?: number;
  /** Ether per dev account, 10,000 by default. */
  balance?: number;
  /**
   * Largest contract code anvil accepts, in bytes; default: Ethereum's 24,576 (EIP-170), so that a contract
   * too large for real chains fails here too.
   */
  codeSizeLimit?: number;
  /** Extra command-line arguments passed to anvil as they are. */
  args?: string[];
  /** How long to wait for anvil to answer, 15 s by default. */
  timeoutMs?: number;
  /**
   * How long stop() lets anvil exit after SIGTERM before SIGKILL, 3 s by default; longer where anvil writes its
   * state when it stops (`--dump-state`), which takes longer the longer the chain.
   */
  stopTimeoutMs?: number;
}

/** A running anvil. */
export interface AnvilInstance {
  rpcUrl: string;
  port: number;
  /** Process id of the anvil child (for tests that check nothing is left behind). */
  pid: number;
  /** Kills anvil and resolves once the process has exited. Safe to call twice. */
  stop: () => Promise<void>;
  /** Resolves when anvil has exited, stopped or not (`requested`: stop() asked for it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; requested: boolean }>;
}

/** Children not stopped yet: if this process exits without stop() (a crash, process.exit), they die too. */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function killRunning(): void {
  for (const child of running) child.kill("SIGKILL");
}

/** EIP-170's limit on deployed code (24,576 bytes), which real chains enforce. */
export const EIP170_CODE_SIZE_LIMIT = 24_576;

/**
 * Code size limit of the devnet, benchmarks and end-to-end tests: EIP-170's, as on real chains, so a
 * contract that grows past it fails every test that deploys it ({@link oversizedContracts} names it).
 */
export const DEVNET_CODE_SIZE_LIMIT = EIP170_CODE_SIZE_LIMIT;

/** anvil's default mnemonic: its accounts are the devnet's well-known accounts. */
export const ANVIL_MNEMONIC = "test test test test test test test test test test test junk";

/** Path of the anvil binary installed by `@foundry-rs/anvil-linux-amd64` (node_modules/.bin/anvil). */
export function anvilBinary(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", ".bin", "anvil");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return "anvil";
    dir = parent;
  }
}

/**
 * `command` run so that the kernel sends it SIGTERM when this process dies, even by SIGKILL (prctl
 * PR_SET_PDEATHSIG through util-linux's `setpriv`, on Debian and most Linux systems; node has no
 * binding for it); unchanged where `setpriv` is missing.
 */
function boundToParent(command: string, args: string[]): [string, string[]] {
  const setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].find((path) => existsSync(path));
  return setpriv ? [setpriv, ["--pdeathsig", "TERM", "--", command, ...args]] : [command, args];
}

/**
 * Starts anvil and resolves once it answers JSON-RPC.
 *
 * @example
 * const anvil = await startAnvil();
 * const client = createPublicClient({ transport: http(anvil.rpcUrl) });
 * // ...
 * await anvil.stop();
 */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilInstance> {
  const host = options.host ?? "127.0.0.1";
  const args = [
    "--host",
    host,
    "--port",
    String(options.port ?? 0),
    "--chain-id",
    String(options.chainId ?? 31337),
    "--accounts",
    String(options.accounts ?? 20),
    "--balance",
    String(options.balance ?? 10_000),
    "--mnemonic",
    ANVIL_MNEMONIC,
    ...(options.blockTime !== undefined ? ["--block-time", String(options.blockTime)] : []),
    ...(options.codeSizeLimit !== undefined
      ? ["--code-size-limit", String(options.codeSizeLimit)]
      : []),
    ...(options.args ?? []),
  ];
  // Bound to this process: anvil dies with it, even when it is killed without stopping anvil.
  const [command, commandArgs] = boundToParent(anvilBinary(), args);
  const child = spawn(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"] });
  let requested = false;
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    requested: boolean;
  }>((resolve) => {
    const report = () => resolve({ code: child.exitCode, signal: child.signalCode, requested });
    if (child.exitCode !== null || child.signalCode !== null) report();
    else child.once("exit", report);
  });
  running.add(child);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on("exit", killRunning);
  }
  const stop = async () => {
    requested = true;
    running.delete(child);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), options.stopTimeoutMs ?? 3_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await waitForListening(child, options.timeoutMs ?? 15_000);
    const rpcUrl = `http://${host}:${port}`;
    await waitForRpc(rpcUrl, options.timeoutMs ?? 15_000);
    // Keep draining anvil's output so a full pipe never blocks it.
    child.stdout?.resume();
    child.stderr?.resume();
    if (child.pid === undefined) throw new Error("anvil has no pid");
    return { rpcUrl, port, pid: child.pid, stop, exited };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on [^\s]*:(\d+)/.exec(output);
      if (match?.[1]) {
        cleanup();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`anvil exited (code ${code}) before listening:\n${output.slice(-2000)}`));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(new Error(`could not start anvil (${anvilBinary()}): ${error.message}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`anvil did not listen within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      child.off("error", onError);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
}

async function waitForRpc(rpcUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      });
      if (response.ok) return;
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`anvil at ${rpcUrl} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/** The contracts of `contracts` whose deployed code exceeds EIP-170's 24,576 bytes, with their sizes. */
export async function oversizedContracts(
  rpcUrl: string,
  contracts: Record<string, string | undefined>,
): Promise<{ name: string; size: number }[]> {
  const result: { name: string; size: number }[] = [];
  for (const [name, address] of Object.entries(contracts)) {
    if (!address) continue;
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "eth_getCode",
        params: [address, "latest"],
      }),
    });
    const code = ((await response.json()) as { result?: string }).result ?? "0x";
    const size = (code.length - 2) / 2;
    if (size > EIP170_CODE_SIZE_LIMIT) result.push({ name, size });
  }
  return result;
}
