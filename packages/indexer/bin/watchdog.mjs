// Preloaded into the ponder child by start.ts: ponder stops (gracefully, releasing its database
// lock) when the process that started it is gone, even if that one was killed without stopping it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
}, 1_000).unref();
