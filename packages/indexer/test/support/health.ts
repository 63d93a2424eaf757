/** Polls an indexer's `/health` every 100 ms while a test runs; reports the slowest answer and failures. */
export function watchHealth(url: string) {
  let running = true;
  let worstMs = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(10_000) });
        if (response.status !== 200) failures.push(`HTTP ${response.status}`);
      } catch (error) {
        failures.push(String(error));
      }
      worstMs = Math.max(worstMs, Date.now() - started);
      await new Promise((done) => setTimeout(done, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { worstMs, failures };
    },
  };
}
