import { useQuery } from "@tanstack/react-query";
import { type Address, type Hex, hexToString, parseEventLogs } from "viem";
import { readIfPresent, useAppConfig, useClient, useLatestBlock } from "./context.tsx";
import { abis, eventsAbi } from "./contracts.ts";
import { readLogs } from "./logCache.ts";

/** USD amounts of the claims manager have 18 decimals; shares and ratios are WAD (1e18 = 100%). */
export const USD_DECIMALS = 18;
export const WAD = 10n ** 18n;

export interface DapiInfo {
  id: bigint;
  name: string;
  chainId: bigint;
  capShare: bigint;
  activeCoverageUsd: bigint;
  /** capShare × pool capacity. */
  capUsd: bigint;
}

export interface CoverageState {
  claimsManager: Address;
  capacityUsd: bigint | undefined;
  activeCoverageUsd: bigint | undefined;
  tokenPrice: bigint | undefined;
  priceError: string | undefined;
  collateralizationRatio: bigint | undefined;
  /** The haircut on the token's price when sizing capacity (WAD, 1e18 = 100%). */
  priceHaircut: bigint | undefined;
  /** The claimant bond's floor, in tokens. */
  claimantBond: bigint | undefined;
  /** The claimant bond's rate: tokens (WAD) per USD claimed. */
  claimantBondRate: bigint | undefined;
  /** Incidents before a policy's start plus this (seconds) are not covered. */
  waitingPeriod: bigint | undefined;
  /** What the claims that are not final ask in all, in USD. */
  openClaimsUsd: bigint | undefined;
  /** Final payouts still owed, in tokens, paid in tranches (`owedTokens()`). */
  owedTokens: bigint | undefined;
  mediator: Address | undefined;
  arbitrator: Address | undefined;
  dapis: DapiInfo[];
}

export interface PolicyInfo {
  id: bigint;
  claimant: Address;
  dapiId: bigint;
  dapiName: string;
  claimsAllowedFrom: bigint;
  claimsAllowedUntil: bigint;
  coverageUsd: bigint;
  /** Paid to its claims plus reserved by its open claims: `coverageUsd - claimedUsd` remains for new claims. */
  claimedUsd: bigint;
  premium: bigint;
  policyURI: string;
}

export function bytes32ToString(value: Hex): string {
  try {
    return hexToString(value, { size: 32 }).replace(/\0+$/, "");
  } catch {
    return value;
  }
}

/** The claims manager's capacity, price and covered dAPIs. */
export function useCoverage() {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const address = config.deployment.contracts.claimsManager;
  return useQuery({
    queryKey: ["coverage", address, block?.number.toString()],
    enabled: block !== undefined && address !== undefined && abis.claimsManager.length > 0,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<CoverageState> => {
      const cm = address as Address;
      const read = <T>(fn: string, args: readonly unknown[] = []) =>
        readIfPresent<T>(client, cm, abis.claimsManager, fn, args);
      let priceError: string | undefined;
      const price = read<bigint>("tokenPrice").catch((error: unknown) => {
        priceError = error instanceof Error ? error.message.split("\n")[0] : String(error);
        return undefined;
      });
      const [
        capacityUsd,
        activeCoverageUsd,
        tokenPrice,
        ratio,
        haircut,
        bond,
        bondRate,
        waitingPeriod,
        openClaimsUsd,
        owedTokens,
        mediator,
        arbitrator,
        count,
      ] = await Promise.all([
        read<bigint>("capacityUsd").catch(() => undefined),
        read<bigint>("activeCoverageUsd"),
        price,
        read<bigint>("collateralizationRatio"),
        read<bigint>("priceHaircut"),
        read<bigint>("claimantBond"),
        read<bigint>("claimantBondRate"),
        read<bigint>("waitingPeriod"),
        read<bigint>("openClaimsUsd"),
        read<bigint>("owedTokens"),
        read<Address>("mediator"),
        read<Address>("arbitrator"),
        read<bigint>("dapiCount"),
      ]);
      const ids = Array.from({ length: Number(count ?? 0n) }, (_, i) => BigInt(i + 1));
      const dapis = await Promise.all(
        ids.map(async (id) => {
          const d = await read<{
            name: Hex;
            chainId: bigint;
            capShare: bigint;
            activeCoverageUsd: bigint;
          }>("dapi", [id]);
          if (!d) return undefined;
          return {
            id,
            name: bytes32ToString(d.name),
            chainId: d.chainId,
            capShare: d.capShare,
            activeCoverageUsd: d.activeCoverageUsd,
            capUsd: ((capacityUsd ?? 0n) * d.capShare) / WAD,
          };
        }),
      );
      return {
        claimsManager: cm,
        capacityUsd,
        activeCoverageUsd,
        tokenPrice,
        priceError,
        collateralizationRatio: ratio,
        priceHaircut: haircut,
        claimantBond: bond,
        claimantBondRate: bondRate,
        waitingPeriod,
        openClaimsUsd,
        owedTokens,
        mediator,
        arbitrator,
        dapis: dapis.filter((d): d is DapiInfo => d !== undefined),
      };
    },
  });
}

/** The policies of `claimant`, from the claims manager's `PolicyCreated` events and current state. */
export function usePolicies(claimant: Address | undefined) {
  const config = useAppConfig();
  const client = useClient();
  const block = useLatestBlock();
  const address = config.deployment.contracts.claimsManager;
  return useQuery({
    queryKey: ["policies", address, claimant, block?.number.toString()],
    enabled: block !== undefined && address !== undefined && claimant !== undefined,
    placeholderData: (previous) => previous,
    queryFn: async (): Promise<PolicyInfo[]> => {
      const cm = address as Address;
      const logs = await readLogs(client, {
        address: cm,
        fromBlock: BigInt(config.deployment.startBlock),
      });
      const created = parseEventLogs({
        abi: eventsAbi,
        logs,
        eventName: "PolicyCreated",
        strict: false,
      });
      const mine = created
        .map((log) => log.args as unknown as Record<string, unknown>)
        .filter((args) => String(args.claimant).toLowerCase() === claimant?.toLowerCase());
      const names = new Map<bigint, Promise<string>>();
      const dapiName = (dapiId: bigint) => {
        let name = names.get(dapiId);
        if (!name) {
          name = readIfPresent<{ name: Hex }>(client, cm, abis.claimsManager, "dapi", [dapiId])
            .then((d) => (d ? bytes32ToString(d.name) : `dAPI #${dapiId}`))
            .catch(() => `dAPI #${dapiId}`);
          names.set(dapiId, name);
        }
        return name;
      };
      return Promise.all(
        mine.map(async (args) => {
          const id = args.policyId as bigint;
          const p = await readIfPresent<{
            claimant: Address;
            claimsAllowedFrom: number;
            claimsAllowedUntil: number;
            dapiId: number;
            coverageUsd: bigint;
            claimedUsd: bigint;
          }>(client, cm, abis.claimsManager, "policy", [id]);
          const dapiId = BigInt(p?.dapiId ?? (args.dapiId as bigint));
          return {
            id,
            claimant: p?.claimant ?? (args.claimant as Address),
            dapiId,
            dapiName: await dapiName(dapiId),
            claimsAllowedFrom: BigInt(p?.claimsAllowedFrom ?? (args.claimsAllowedFrom as bigint)),
            claimsAllowedUntil: BigInt(
              p?.claimsAllowedUntil ?? (args.claimsAllowedUntil as bigint),
            ),
            coverageUsd: p?.coverageUsd ?? (args.coverageUsd as bigint),
            claimedUsd: p?.claimedUsd ?? 0n,
            premium: (args.premium as bigint) ?? 0n,
            policyURI: String(args.policyURI ?? ""),
          };
        }),
      );
    },
  });
}
