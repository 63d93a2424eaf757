/**
 * dAPIs governed by the stakers: what a dAPI name points to on the claims manager's Api3ServerV1, and the
 * primary-agent proposal that repoints it (through the OwnableCallForwarder that manages the server, owned by the
 * primary timelock: see docs/dapi-governance.md).
 */
import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  getAddress,
  type Hex,
  isAddress,
  isHex,
  keccak256,
  parseAbi,
  stringToHex,
  zeroHash,
} from "viem";
import { readContract } from "viem/actions";
import { InvalidInputError } from "../../errors/base.ts";
import type { ReadClient } from "../../utils/transaction.ts";

/** The parts of Api3ServerV1 and OwnableCallForwarder (`@api3/contracts`) that dAPI governance uses. */
export const dapiGovernanceAbi = parseAbi([
  "function setDapiName(bytes32 dapiName, bytes32 dataFeedId)",
  "function dapiNameToDataFeedId(bytes32 dapiName) view returns (bytes32)",
  "function dataFeeds(bytes32 dataFeedId) view returns (int224 value, uint32 timestamp)",
  "function manager() view returns (address)",
  "event SetDapiName(bytes32 indexed dataFeedId, bytes32 indexed dapiName, address sender)",
  "function forwardCall(address forwardTarget, bytes forwardedCalldata) payable returns (bytes)",
  "function owner() view returns (address)",
]);

/** A data feed as `--data-feed` gives it: its id, and the Beacons it was derived from (when given as a spec). */
export interface DataFeedSpec {
  dataFeedId: Hex;
  /** The Beacons (`airnode`, `templateId`) of a spec; empty when the id was given directly. */
  beacons: { airnode: Address; templateId: Hex; beaconId: Hex }[];
}

const isBytes32 = (text: string): text is Hex => isHex(text) && text.length === 66;

/**
 * Parses a data feed: a `0x` id (a Beacon's or a Beacon set's), one Beacon as `airnode:templateId`, or a Beacon set as
 * Beacons separated by commas (`a1:t1,a2:t2`; 2 or more, in the order the set was registered in). A Beacon's id is
 * keccak256(abi.encodePacked(airnode, templateId)), a set's keccak256(abi.encode(beaconIds)), as Api3ServerV1 derives
 * them.
 *
 * @example
 * ```ts
 * parseDataFeed("0xAirnode...:0xTemplate...").dataFeedId // the Beacon's id
 * ```
 */
export function parseDataFeed(text: string): DataFeedSpec {
  const trimmed = text.trim();
  if (isBytes32(trimmed)) return { dataFeedId: trimmed, beacons: [] };
  const parts = trimmed.split(",").map((p) => p.trim());
  const beacons = parts.map((part) => {
    const [airnode, templateId, extra] = part.split(":");
    if (
      extra !== undefined ||
      !airnode ||
      !templateId ||
      !isAddress(airnode, { strict: false }) ||
      !isBytes32(templateId)
    ) {
      throw new InvalidInputError(
        `data feed "${part}" is neither a 0x id (32 bytes) nor a Beacon airnode:templateId`,
        {
          metaMessages: [
            "A data feed is a 0x id, a Beacon as <airnode address>:<templateId>, or a Beacon set as Beacons separated",
            "by commas (2 or more).",
          ],
        },
      );
    }
    const address = getAddress(airnode);
    return {
      airnode: address,
      templateId,
      beaconId: keccak256(encodePacked(["address", "bytes32"], [address, templateId])),
    };
  });
  const ids = beacons.map((b) => b.beaconId);
  const [only] = ids;
  if (ids.length === 1 && only) return { dataFeedId: only, beacons };
  return {
    dataFeedId: keccak256(encodeAbiParameters([{ type: "bytes32[]" }], [ids])),
    beacons,
  };
}

/** What a dAPI name points to, and that feed's value. */
export interface DapiTarget {
  dapiName: Hex;
  /** Zero when the name is not set. */
  dataFeedId: Hex;
  value: bigint;
  /** 0 when the feed was never updated. */
  timestamp: bigint;
}

/** Reads what `name` (e.g. `ETH/USD`) points to on `api3ServerV1`, and the value of that data feed. */
export async function getDapiTarget(
  client: ReadClient,
  parameters: { api3ServerV1: Address; name: string },
): Promise<DapiTarget> {
  const dapiName = stringToHex(parameters.name, { size: 32 });
  const dataFeedId = await readContract(client, {
    address: parameters.api3ServerV1,
    abi: dapiGovernanceAbi,
    functionName: "dapiNameToDataFeedId",
    args: [dapiName],
  });
  const [value, timestamp] =
    dataFeedId === zeroHash
      ? [0n, 0]
      : await readContract(client, {
          address: parameters.api3ServerV1,
          abi: dapiGovernanceAbi,
          functionName: "dataFeeds",
          args: [dataFeedId],
        });
  return { dapiName, dataFeedId, value: BigInt(value), timestamp: BigInt(timestamp) };
}

/** The single call of a proposal that repoints a dAPI name: the primary timelock, owner of the manager forwarder. */
export interface DapiNameCall {
  target: Address;
  value: bigint;
  calldata: Hex;
}

/**
 * The call a primary-agent proposal makes to point `name` at `dataFeedId`: `forwarder.forwardCall(api3ServerV1,
 * setDapiName(name, dataFeedId))`, the forwarder being the server's manager, owned by the primary timelock.
 */
export function setDapiNameCall(parameters: {
  api3ServerV1: Address;
  forwarder: Address;
  name: string;
  dataFeedId: Hex;
}): DapiNameCall {
  const inner = encodeFunctionData({
    abi: dapiGovernanceAbi,
    functionName: "setDapiName",
    args: [stringToHex(parameters.name, { size: 32 }), parameters.dataFeedId],
  });
  return {
    target: parameters.forwarder,
    value: 0n,
    calldata: encodeFunctionData({
      abi: dapiGovernanceAbi,
      functionName: "forwardCall",
      args: [parameters.api3ServerV1, inner],
    }),
  };
}

/**
 * Checks that the DAO can repoint dAPI names on `api3ServerV1`: its manager is `forwarder`, owned by `primaryTimelock`.
 * Throws an `InvalidInputError` saying what is wrong otherwise.
 */
export async function checkDapiGovernance(
  client: ReadClient,
  parameters: { api3ServerV1: Address; forwarder: Address; primaryTimelock: Address },
): Promise<void> {
  const { api3ServerV1, forwarder, primaryTimelock } = parameters;
  const [manager, owner] = await Promise.all([
    readContract(client, {
      address: api3ServerV1,
      abi: dapiGovernanceAbi,
      functionName: "manager",
    }),
    readContract(client, { address: forwarder, abi: dapiGovernanceAbi, functionName: "owner" }),
  ]);
  if (manager.toLowerCase() !== forwarder.toLowerCase()) {
    throw new InvalidInputError(
      `the DAO does not govern dAPI names here: Api3ServerV1 ${api3ServerV1} is managed by ${manager}`,
    );
  }
  if (owner.toLowerCase() !== primaryTimelock.toLowerCase()) {
    throw new InvalidInputError(
      `the DAO does not govern dAPI names here: the manager forwarder ${forwarder} is owned by ${owner}, not the primary timelock`,
    );
  }
}
