// Preloaded into the ponder child by start.ts: ponder stops when the process that started it is gone,
// even if that one was killed without stopping it (where util-linux's setpriv, which asks the kernel
// for a signal on the parent's death, is missing). SIGINT, not SIGTERM: on SIGTERM the Vite server
// inside ponder exits at once, before ponder has released its database lock.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, "SIGINT");
}, 1_000).unref();
