/**
 * Where Kleros' courts can be reached from, and what that means for a pool (printed and checked by `ipool deploy`;
 * docs/kleros.md explains it): Ethereum mainnet reaches Kleros v2 courts only through Kleros' gateway, with fees in
 * ETH; Arbitrum One talks to KlerosCore directly, but API3's token there is a bridged copy without a mint right.
 */
import { type Address, type Hex, parseAbi } from "viem";
import { readContract } from "viem/actions";
import { InvalidInputError } from "../errors/base.ts";
import type { ReadClient } from "../utils/transaction.ts";

/** Chain ids with a known Kleros topology. */
export const ETHEREUM_MAINNET = 1;
export const ARBITRUM_ONE = 42161;

/** What works on a chain, as lines for a person. */
export interface Topology {
  chain: string;
  notes: string[];
}

/** The Kleros and API3 topology of `chainId`. */
export function topologyOf(chainId: number): Topology {
  if (chainId === ETHEREUM_MAINNET) {
    return {
      chain: "Ethereum mainnet",
      notes: [
        "Kleros v1 (KlerosLiquid, ERC-792) is reachable directly; fees in ETH.",
        "Kleros v2 courts are reachable only through Kleros' ForeignGateway on this chain (disputes and rulings",
        "are relayed to and from KlerosCore on Arbitrum One, with a delay); fees in ETH only, no ERC-20 fees.",
        "API3 is the original token: the DAO can let the pool mint staking rewards (plus premiums and addRewards).",
      ],
    };
  }
  if (chainId === ARBITRUM_ONE) {
    return {
      chain: "Arbitrum One",
      notes: [
        "Kleros v2 (KlerosCore, IArbitratorV2) is reachable directly: fees in ETH or an ERC-20 it accepts (never",
        "the pool token); dispute template registry and evidence module on this chain. KlerosCore refuses",
        "arbitrables it has not whitelisted: ask Kleros to whitelist the claims manager before the first dispute.",
        "API3 here is a bridged token without a mint right: the pool's reward mint fails (RewardMintFailed, reward",
        "0); stakers earn only from premiums and addRewards.",
      ],
    };
  }
  return {
    chain: `chain ${chainId}`,
    notes: [
      "No Kleros court is known on this chain: use an ERC-792 arbitrator you trust (on a devnet, the",
      "LocalArbitrator or Kleros' CentralizedArbitratorWithAppeal).",
    ],
  };
}

const arbitrationCostAbi = parseAbi([
  "function arbitrationCost(bytes _extraData) view returns (uint256 cost)",
]);

/**
 * Checks that `arbitrator` answers `arbitrationCost(extraData)` (ERC-792 and IArbitratorV2 both declare it) and
 * returns the cost in wei; throws `InvalidInputError` when it does not.
 */
export async function checkArbitrator(
  client: ReadClient,
  arbitrator: Address,
  extraData: Hex,
): Promise<bigint> {
  try {
    return await readContract(client, {
      address: arbitrator,
      abi: arbitrationCostAbi,
      functionName: "arbitrationCost",
      args: [extraData],
    });
  } catch (error) {
    throw new InvalidInputError(
      `--arbitrator ${arbitrator} does not answer arbitrationCost(${extraData}): not an ERC-792 or Kleros v2 arbitrator, or the extra data is wrong`,
      { cause: error },
    );
  }
}
