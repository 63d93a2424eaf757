import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * The dashboard is a static single-page app. At run time it fetches `./config.json` (the
 * deployment and the indexer URL), served by `start.ts` or placed beside the built files.
 *
 * `npm run dev -w @insurance-pool/dashboard` serves it with hot reload; it reads the deployment
 * from `IPOOL_DEPLOYMENT` (default `.devnet/deployment.json` at the repository root) and the
 * indexer from `IPOOL_INDEXER_URL`.
 */
function devConfig(): Plugin {
  return {
    name: "ipool-dev-config",
    apply: "serve",
    async configureServer(server) {
      const { resolve } = await import("node:path");
      const { readDeployment } = await import("../sdk/src/deployment.ts");
      const path = resolve(
        import.meta.dirname,
        "../..",
        process.env.IPOOL_DEPLOYMENT ?? ".devnet/deployment.json",
      );
      server.middlewares.use("/config.json", (_req, res) => {
        const deployment = readDeployment(path);
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({
            deployment,
            rpcUrl: deployment.rpcUrl,
            indexerUrl: process.env.IPOOL_INDEXER_URL ?? null,
            devnetMnemonic: deployment.accounts
              ? "test test test test test test test test test test test junk"
              : null,
          }),
        );
      });
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react(), devConfig()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  logLevel: "warn",
});
