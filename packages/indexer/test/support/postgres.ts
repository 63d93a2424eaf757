/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary directory and `postgres` on a
 * free port, as a child of the test process that dies with it (util-linux `setpriv --pdeathsig`).
 * Root may not run PostgreSQL: as root the server runs as the `postgres` user that Debian's
 * `postgresql` package creates. `IPOOL_TEST_DATABASE_URL` names an existing server instead.
 * Returns undefined when neither is available (`apt-get install postgresql` provides one).
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface TestPostgres {
  url: string;
  stop: () => Promise<void>;
}

/** The directory of `initdb` and `postgres`: Debian's newest /usr/lib/postgresql/<v>/bin, else PATH. */
function binDir(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, "bin", "postgres")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], "bin");
  }
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (existsSync(join(dir, "initdb")) && existsSync(join(dir, "postgres"))) return dir;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The postgres user's uid and gid when this process is root (PostgreSQL refuses to run as root). */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  return { uid, gid };
}

export async function startTestPostgres(): Promise<TestPostgres | undefined> {
  if (process.env.IPOOL_TEST_DATABASE_URL) {
    return { url: process.env.IPOOL_TEST_DATABASE_URL, stop: async () => {} };
  }
  const bin = binDir();
  if (!bin) return undefined;
  const user = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), "ipool-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  // setpriv: run as postgres (when root) and get SIGINT (fast shutdown) if this process dies.
  const as = (command: string, args: string[], pdeath: boolean): [string, string[]] => [
    "setpriv",
    [
      ...(user ? [`--reuid=${user.uid}`, `--regid=${user.gid}`, "--init-groups"] : []),
      ...(pdeath ? ["--pdeathsig", "INT"] : []),
      "--",
      join(bin, command),
      ...args,
    ],
  ];
  const data = join(dir, "data");
  const [initCommand, initArgs] = as(
    "initdb",
    ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"],
    false,
  );
  execFileSync(initCommand, initArgs, { stdio: "ignore" });
  const port = await freePort();
  const settings = ["listen_addresses=127.0.0.1", "fsync=off", "synchronous_commit=off"];
  const [command, args] = as(
    "postgres",
    ["-D", data, "-p", String(port), "-k", dir, ...settings.flatMap((s) => ["-c", s])],
    true,
  );
  const server: ChildProcess = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  server.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; !log.includes("ready to accept connections"); i++) {
    if (server.exitCode !== null || i > 200) {
      await stop();
      throw new Error(`PostgreSQL did not start:\n${log}`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}
