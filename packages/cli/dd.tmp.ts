import { startAnvil } from "../devnet/src/anvil.ts";
import { createTxContext } from "../sdk/src/deploy/context.ts";
import { deployDevnet } from "../sdk/src/deploy/devnet.ts";
import { devnetAccount } from "../sdk/src/deploy/devnetAccounts.ts";
const anvil = await startAnvil({ args: process.argv.includes("--big") ? ["--disable-code-size-limit"] : [] });
const t = Date.now();
try {
  const ctx = await createTxContext({ rpcUrl: anvil.rpcUrl, account: devnetAccount("deployer") });
  const d = await deployDevnet(ctx, { rpcUrl: anvil.rpcUrl });
  console.log(Object.keys(d.contracts), d.dapis, Date.now() - t, "ms");
} catch (e) { console.log("ERR", String(e).slice(0, 600)); }
await anvil.stop();
