/**
 * Beacons of API3's Api3ServerV1 as an Airnode updates them: signed data (`signBeaconValue`), the update's
 * calldata, and a push that retries when another pusher took the second. Needs only the two functions of
 * Api3ServerV1 it calls (no compiled API3 artifact), so the CLI's `devnet advance` ships with it.
 */
import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  type Hex,
  keccak256,
  type LocalAccount,
  parseAbi,
} from "viem";
import { sendAndWait, type TxContext } from "./context.ts";

/** The two functions of Api3ServerV1 a pusher needs. */
export const beaconServerAbi = parseAbi([
  "function updateBeaconWithSignedData(address airnode, bytes32 templateId, uint256 timestamp, bytes data, bytes signature) returns (bytes32 beaconId)",
  "function dataFeeds(bytes32 dataFeedId) view returns (int224 value, uint32 timestamp)",
]);

/** Beacon id = keccak256(abi.encodePacked(airnode, templateId)), as Api3ServerV1 derives it. */
export function deriveBeaconId(airnode: Address, templateId: Hex): Hex {
  return keccak256(encodePacked(["address", "bytes32"], [airnode, templateId]));
}

/**
 * Signs a Beacon value the way an Airnode does: an Ethereum signed message of
 * keccak256(abi.encodePacked(templateId, timestamp, data)), with data = abi.encode(int256 value).
 */
export async function signBeaconValue(
  airnode: LocalAccount,
  templateId: Hex,
  timestamp: bigint,
  value: bigint,
): Promise<{ data: Hex; signature: Hex }> {
  const data = encodeAbiParameters([{ type: "int256" }], [value]);
  const hash = keccak256(
    encodePacked(["bytes32", "uint256", "bytes"], [templateId, timestamp, data]),
  );
  const signature = await airnode.signMessage({ message: { raw: hash } });
  return { data, signature };
}

/** Calldata of `updateBeaconWithSignedData` for `value` signed by `airnode` at `timestamp`. */
export async function encodeBeaconUpdate(
  airnode: LocalAccount,
  templateId: Hex,
  timestamp: bigint,
  value: bigint,
): Promise<Hex> {
  const { data, signature } = await signBeaconValue(airnode, templateId, timestamp, value);
  return encodeFunctionData({
    abi: beaconServerAbi,
    functionName: "updateBeaconWithSignedData",
    args: [airnode.address, templateId, timestamp, data, signature],
  });
}

/**
 * Pushes `value` (18 decimals) to the Beacon of `templateId`, signed at `timestamp` (default: the latest
 * block's timestamp, the chain's own clock, which tests may have moved forward). The Beacon only accepts
 * timestamps newer than its current one and at most 1 hour ahead of the chain: without `timestamp`, one past the
 * Beacon's when the chain's clock has not passed it, and a later one (up to 5 tries) if another pusher takes it first.
 */
export async function pushBeaconValue(
  ctx: TxContext,
  api3ServerV1: Address,
  airnode: LocalAccount,
  templateId: Hex,
  value: bigint,
  timestamp?: bigint,
): Promise<{ timestamp: bigint; gasUsed: bigint }> {
  let taken = 0n; // a second another push already claimed, maybe in a transaction not yet in a block
  for (let attempt = 1; ; attempt++) {
    let signedAt = timestamp ?? (await nextBeaconTimestamp(ctx, api3ServerV1, airnode, templateId));
    if (signedAt <= taken) signedAt = taken + 1n;
    try {
      const receipt = await sendAndWait(ctx, "updateBeaconWithSignedData", {
        to: api3ServerV1,
        data: await encodeBeaconUpdate(airnode, templateId, signedAt, value),
      });
      return { timestamp: signedAt, gasUsed: receipt.gasUsed };
    } catch (error) {
      // Another pusher (the devnet's runs every 5 s) may have taken that second between the read and the send,
      // possibly in a transaction still waiting for its block (the estimate sees it, the latest block does not):
      // sign a later second (the Beacon takes up to an hour ahead of the chain).
      const raced = String((error as Error)?.message).includes(BEACON_TIMESTAMP_TAKEN);
      if (timestamp !== undefined || !raced || attempt >= PUSH_ATTEMPTS) throw error;
      taken = signedAt;
    }
  }
}

/** Api3ServerV1's revert reason for a timestamp that is not newer than the Beacon's. */
const BEACON_TIMESTAMP_TAKEN = "Does not update timestamp";
const PUSH_ATTEMPTS = 5;

/** The latest block's timestamp, or one past the Beacon's if that is not older (Beacons take newer ones only). */
async function nextBeaconTimestamp(
  ctx: TxContext,
  api3ServerV1: Address,
  airnode: LocalAccount,
  templateId: Hex,
): Promise<bigint> {
  const [block, current] = await Promise.all([
    ctx.publicClient.getBlock({ blockTag: "latest" }),
    ctx.publicClient.readContract({
      address: api3ServerV1,
      abi: beaconServerAbi,
      functionName: "dataFeeds",
      args: [deriveBeaconId(airnode.address, templateId)],
    }),
  ]);
  const last = BigInt(current[1]);
  return block.timestamp > last ? block.timestamp : last + 1n;
}
