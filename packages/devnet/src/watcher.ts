/**
 * The devnet's incident watcher: every few seconds, for each covered dAPI, proves on the IncidentRegistry what
 * holds (a stale feed; a feed deviating from what the local reference Airnodes sign, its base value), as any
 * watcher would for the bounty. A report the registry would refuse (a healthy feed, too soon after the last one) is
 * simulated, refused and not sent; so a healthy devnet sends nothing. `ipool report-incident` does the same by hand.
 */

import { reportDeviation } from "../../sdk/src/actions/incidents/reportDeviation.ts";
import type { TxContext } from "../../sdk/src/deploy/context.ts";
import { dapiNameOf } from "../../sdk/src/deploy/system.ts";
import type { Deployment } from "../../sdk/src/deployment.ts";
import { ContractRevertError } from "../../sdk/src/errors/contract.ts";
import { reportStale } from "../../sdk/src/generated/actions.ts";
import { signDevnetReferenceValues } from "../../sdk/src/incidents/devnetReferences.ts";

/** One report the watcher sent. */
export interface WatcherReport {
  dapi: string;
  kind: "stale" | "deviation";
  incidentId: bigint;
}

export interface IncidentWatcherOptions {
  /** Sends the reports (its own account, so its nonces never clash with others'). */
  ctx: TxContext;
  deployment: Deployment;
  /** Milliseconds between checks, 10,000 by default. */
  intervalMs?: number;
  /** Called on errors other than the registry's refusals (retried at the next check). */
  onError?: (error: unknown) => void;
  /** Called after each report sent. */
  onReport?: (report: WatcherReport) => void;
}

/** Reports the devnet's incidents on-chain (see the module's comment). */
export class IncidentWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = false;

  constructor(private readonly options: IncidentWatcherOptions) {}

  /** The covered dAPIs the local reference Airnodes sign for. */
  private dapis(): string[] {
    return (this.options.deployment.devnet?.feeds ?? [])
      .filter((feed) => feed.referenceTemplateId !== undefined)
      .map((feed) => feed.name);
  }

  /** Checks every covered dAPI once; resolves with the reports sent. */
  async checkOnce(): Promise<WatcherReport[]> {
    const { ctx, deployment } = this.options;
    const incidentRegistry = deployment.contracts.incidentRegistry;
    if (!incidentRegistry) return [];
    const reports: WatcherReport[] = [];
    for (const dapi of this.dapis()) {
      const dapiName = dapiNameOf(dapi);
      const stale = await refusedAsUndefined(() =>
        reportStale(ctx.walletClient, { incidentRegistry, dapiName }),
      );
      if (stale) reports.push({ dapi, kind: "stale", incidentId: stale.result });
      const signedValues = await signDevnetReferenceValues(ctx.publicClient, { deployment, dapi });
      const deviation = await refusedAsUndefined(() =>
        reportDeviation(ctx.walletClient, { incidentRegistry, dapiName, signedValues }),
      );
      if (deviation) reports.push({ dapi, kind: "deviation", incidentId: deviation.result });
    }
    for (const report of reports) this.options.onReport?.(report);
    return reports;
  }

  /** Starts checking (the first check happens at once). */
  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.checkOnce().catch((error: unknown) => this.options.onError?.(error));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs ?? 10_000);
    };
    void loop();
  }

  /** Stops checking and waits for a check in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

/** Runs a report; the registry's refusal (a decoded revert from the simulation) means there is nothing to report. */
async function refusedAsUndefined<T>(report: () => Promise<T>): Promise<T | undefined> {
  try {
    return await report();
  } catch (error) {
    if (error instanceof ContractRevertError && error.errorName !== undefined) return undefined;
    throw error;
  }
}
