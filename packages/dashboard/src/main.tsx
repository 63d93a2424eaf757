import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { WagmiProvider } from "wagmi";
import { App } from "./App.tsx";
import { loadConfig } from "./lib/config.ts";
import { AppProvider } from "./lib/context.tsx";
import { createWagmiConfig } from "./lib/wagmi.ts";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

loadConfig()
  .then((config) => {
    const wagmiConfig = createWagmiConfig(config);
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
    });
    root.render(
      <StrictMode>
        <WagmiProvider config={wagmiConfig}>
          <QueryClientProvider client={queryClient}>
            <AppProvider config={config}>
              <App />
            </AppProvider>
          </QueryClientProvider>
        </WagmiProvider>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => {
    root.render(
      <main className="fatal">
        <h1>Insurance Pool</h1>
        <p>The dashboard could not load its configuration: {String(error)}</p>
      </main>,
    );
  });
