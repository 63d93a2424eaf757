import { createConfig } from "ponder";
import { waitForStartGate } from "./launcher/startGate.ts";
import { INDEXED_ABIS } from "./src/contracts.ts";
import { ABSENT, loadDeployment, rpcUrls } from "./src/deployment.ts";

// Addresses and the start block come from the deployment file ($IPOOL_DEPLOYMENT, else
// .devnet/deployment.json); events from the ABIs generated from the contracts (`npm run build`).
// A contract the deployment lacks is watched at the zero address, which never emits a log.
// Started ahead of its deployment (start.ts), ponder waits here until the deployment is there.
await waitForStartGate();
const deployment = loadDeployment();
const rpcUrl = process.env.IPOOL_RPC_URL ?? deployment.rpcUrl;
const isLocal = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(rpcUrl);
const lanes = Number(process.env.IPOOL_RPC_LANES ?? (isLocal ? 8 : 1));
const startBlock = deployment.startBlock;
const { stakingPool, claimsManager, arbitrator, primaryGovernor, secondaryGovernor } =
  deployment.contracts;
const governors = [primaryGovernor, secondaryGovernor].filter((a) => a !== undefined);

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.IPOOL_PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    chain: {
      id: deployment.chainId,
      rpc: rpcUrls(rpcUrl, lanes),
      // A local chain restarts from scratch: nothing is worth caching.
      disableCache: isLocal,
      pollingInterval: Number(process.env.IPOOL_POLLING_INTERVAL ?? (isLocal ? 250 : 1_000)),
    },
  },
  contracts: {
    StakingPool: {
      chain: "chain",
      abi: INDEXED_ABIS.StakingPool,
      address: stakingPool,
      startBlock,
    },
    ClaimsManager: {
      chain: "chain",
      abi: INDEXED_ABIS.ClaimsManager,
      address: claimsManager ?? ABSENT,
      startBlock,
    },
    Arbitrator: {
      chain: "chain",
      abi: INDEXED_ABIS.Arbitrator,
      address: arbitrator ?? ABSENT,
      startBlock,
    },
    Governor: {
      chain: "chain",
      abi: INDEXED_ABIS.Governor,
      address: governors.length > 0 ? governors : ABSENT,
      startBlock,
    },
  },
});
