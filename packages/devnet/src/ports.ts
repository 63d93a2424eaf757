import { createServer } from "node:net";

/** `port` if nothing listens on it, else the next free one of the 10 after it, else any free port. */
export async function freePortNear(port: number): Promise<number> {
  const tryListen = (candidate: number) =>
    new Promise<number | undefined>((resolvePort) => {
      const server = createServer();
      server.once("error", () => resolvePort(undefined));
      server.listen(candidate, "127.0.0.1", () => {
        const address = server.address();
        server.close(() =>
          resolvePort(typeof address === "object" && address ? address.port : undefined),
        );
      });
    });
  if (port !== 0) {
    for (let candidate = port; candidate < port + 10; candidate++) {
      const free = await tryListen(candidate);
      if (free !== undefined) return free;
    }
  }
  return (await tryListen(0)) ?? 0;
}
