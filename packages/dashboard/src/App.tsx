import { useEffect, useState } from "react";
import { AccountPicker } from "./components/AccountPicker.tsx";
import { useAppConfig, useLatestBlock } from "./lib/context.tsx";
import { ClaimsPage } from "./pages/ClaimsPage.tsx";
import { CoveragePage } from "./pages/CoveragePage.tsx";
import { GovernancePage } from "./pages/GovernancePage.tsx";
import { PoolPage } from "./pages/PoolPage.tsx";
import { StressPage } from "./pages/StressPage.tsx";

const pages = {
  pool: { title: "Pool", Component: PoolPage },
  coverage: { title: "Coverage", Component: CoveragePage },
  claims: { title: "Claims", Component: ClaimsPage },
  governance: { title: "Governance", Component: GovernancePage },
  stress: { title: "Stress", Component: StressPage },
} as const;
type PageId = keyof typeof pages;

function currentPage(): PageId {
  const id = window.location.hash.replace(/^#\/?/, "");
  return id in pages ? (id as PageId) : "pool";
}

export function App() {
  const [page, setPage] = useState<PageId>(currentPage);
  const config = useAppConfig();
  const block = useLatestBlock();

  useEffect(() => {
    const onHash = () => setPage(currentPage());
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const { Component } = pages[page];
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          Insurance Pool
        </div>
        <nav>
          {(Object.keys(pages) as PageId[]).map((id) => (
            <a key={id} href={`#/${id}`} className={id === page ? "active" : undefined}>
              {pages[id].title}
            </a>
          ))}
        </nav>
        <AccountPicker />
      </header>
      <main className="content">
        <Component />
      </main>
      <footer className="footer">
        <span>chain {config.deployment.chainId}</span>
        <span>block {block ? block.number.toString() : "…"}</span>
        <span>indexer {config.indexerUrl ? "connected" : "off (history from chain logs)"}</span>
      </footer>
    </div>
  );
}
