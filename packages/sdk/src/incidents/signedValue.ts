/**
 * API3 signed data as the IncidentRegistry takes it: a reference Airnode's value for a template at a time, signed
 * the way Airnodes sign Beacon updates (the Ethereum signed message of
 * `keccak256(abi.encodePacked(templateId, timestamp, abi.encode(int256 value)))`).
 */
import type { Address, Hex, LocalAccount } from "viem";
import { signBeaconValue } from "../deploy/beacon.ts";

/** One reference's signed value (`IIncidentRegistry.SignedValue`). */
export interface SignedValue {
  airnode: Address;
  templateId: Hex;
  /** Unix seconds the value was signed for. */
  timestamp: bigint;
  /** The signed `int256` (API3 feeds: 18 decimals). */
  value: bigint;
  /** 65 bytes: r, s, v. */
  signature: Hex;
}

/**
 * Signs `value` for `templateId` at `timestamp` with `airnode`'s key, in API3's signed-data format (a devnet
 * reference Airnode, or a test). Real reference data comes signed from the Airnodes' signed APIs.
 *
 * @example
 * ```ts
 * const signed = await signReferenceValue(account, { templateId, timestamp: now, value: parseEther("3000") });
 * ```
 */
export async function signReferenceValue(
  airnode: LocalAccount,
  parameters: { templateId: Hex; timestamp: bigint; value: bigint },
): Promise<SignedValue> {
  const { templateId, timestamp, value } = parameters;
  const { signature } = await signBeaconValue(airnode, templateId, timestamp, value);
  return { airnode: airnode.address, templateId, timestamp, value, signature };
}

/** `values` sorted by airnode address, ascending, as `reportDeviation` requires. */
export function sortByAirnode<T extends { airnode: Address }>(values: readonly T[]): T[] {
  return [...values].sort((a, b) => {
    const x = BigInt(a.airnode);
    const y = BigInt(b.airnode);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
