/**
 * The real API3 dAPI stack on a chain we control (devnet, tests): AccessControlRegistry, Api3ServerV1, its
 * OEV extension and the Api3ReaderProxyV1 factory from `@api3/contracts`, with dAPIs pointing at Beacons
 * that a local Airnode key updates with signed data (`updateBeaconWithSignedData`).
 */
import {
  type Address,
  encodeAbiParameters,
  encodeDeployData,
  encodeFunctionData,
  type Hex,
  keccak256,
  type LocalAccount,
  parseEventLogs,
  stringToHex,
} from "viem";
import {
  accessControlRegistryBytecode,
  api3ReaderProxyV1FactoryAbi,
  api3ReaderProxyV1FactoryBytecode,
  api3ServerV1Abi,
  api3ServerV1Bytecode,
  api3ServerV1OevExtensionAbi,
  api3ServerV1OevExtensionBytecode,
  ownableCallForwarderAbi,
  ownableCallForwarderBytecode,
} from "./api3Artifacts.ts";
import { deriveBeaconId, encodeBeaconUpdate, pushBeaconValue, signBeaconValue } from "./beacon.ts";
import { deployAndWait, sendAndWait, type TxContext } from "./context.ts";

// Signing and pushing Beacon values needs no API3 artifact: it lives in beacon.ts (the CLI uses it too).
export { deriveBeaconId, encodeBeaconUpdate, pushBeaconValue, signBeaconValue };

/** Addresses of the API3 contracts deployed by {@link deployApi3}. */
export interface Api3Contracts {
  accessControlRegistry: Address;
  api3ServerV1: Address;
  api3ServerV1OevExtension: Address;
  api3ReaderProxyV1Factory: Address;
  /**
   * The OwnableCallForwarder that is the manager of the contracts above, when deployed with one
   * (`deployApi3(ctx, owner, { forwarder: true })`): its owner acts as their manager, e.g. sets dAPI names, and can
   * hand that power over (`transferOwnership`), as `deploySystem` does to the DAO's primary agent.
   */
  managerForwarder?: Address;
}

/** A dAPI served by a single Beacon of the local Airnode. */
export interface LocalDapi {
  /** Human name, e.g. `ETH/USD`. */
  name: string;
  /** `bytes32` encoding of the name (what `setDapiName` and the proxy take). */
  dapiName: Hex;
  /** keccak256 of `dapiName` (what `Api3ServerV1` keys dAPIs by). */
  dapiNameHash: Hex;
  templateId: Hex;
  beaconId: Hex;
  /** Api3ReaderProxyV1 (an IApi3ReaderProxy) reading this dAPI. */
  proxy: Address;
}

/** dApp id used for the reader proxies (any non-zero id; OEV is not used on the devnet). */
export const DEVNET_DAPP_ID = 1n;

/** `bytes32` dAPI name of a human name (`"ETH/USD"`), as API3 encodes it. */
export function encodeDapiName(name: string): Hex {
  return stringToHex(name, { size: 32 });
}

/** Template id of the local Airnode for a feed (deterministic per name; any bytes32 is valid). */
export function localTemplateId(name: string): Hex {
  return keccak256(stringToHex(`insurance-pool devnet template ${name}`));
}

/** Options of {@link deployApi3}. */
export interface DeployApi3Options {
  /**
   * Make the manager an OwnableCallForwarder owned by `owner` (API3's transferable manager): whoever owns the
   * forwarder decides what each dAPI name points to, and ownership can move to a DAO. Without it, `manager` itself is
   * the immutable manager of every contract (and holds every role forever).
   */
  forwarder?: boolean;
}

/**
 * Deploys the API3 contracts with `owner` (the deployer) as the manager of the server, its OEV extension and the
 * proxy factory, or, with `forwarder`, an OwnableCallForwarder owned by `owner`.
 */
export async function deployApi3(
  ctx: TxContext,
  owner: Address,
  options: DeployApi3Options = {},
): Promise<Api3Contracts> {
  const managerForwarder = options.forwarder
    ? await deployAndWait(
        ctx,
        "OwnableCallForwarder (Api3ServerV1 manager)",
        encodeDeployData({
          abi: ownableCallForwarderAbi,
          bytecode: ownableCallForwarderBytecode,
          args: [owner],
        }),
      )
    : undefined;
  const manager = managerForwarder ?? owner;
  const accessControlRegistry = await deployAndWait(
    ctx,
    "AccessControlRegistry",
    accessControlRegistryBytecode,
  );
  const api3ServerV1 = await deployAndWait(
    ctx,
    "Api3ServerV1",
    encodeDeployData({
      abi: api3ServerV1Abi,
      bytecode: api3ServerV1Bytecode,
      args: [accessControlRegistry, "Api3ServerV1 admin", manager],
    }),
  );
  const api3ServerV1OevExtension = await deployAndWait(
    ctx,
    "Api3ServerV1OevExtension",
    encodeDeployData({
      abi: api3ServerV1OevExtensionAbi,
      bytecode: api3ServerV1OevExtensionBytecode,
      args: [accessControlRegistry, "Api3ServerV1OevExtension admin", manager, api3ServerV1],
    }),
  );
  const api3ReaderProxyV1Factory = await deployAndWait(
    ctx,
    "Api3ReaderProxyV1Factory",
    encodeDeployData({
      abi: api3ReaderProxyV1FactoryAbi,
      bytecode: api3ReaderProxyV1FactoryBytecode,
      args: [manager, api3ServerV1OevExtension],
    }),
  );
  return {
    accessControlRegistry,
    api3ServerV1,
    api3ServerV1OevExtension,
    api3ReaderProxyV1Factory,
    ...(managerForwarder ? { managerForwarder } : {}),
  };
}

/** Calldata of `Api3ServerV1.setDapiName(dapiName, dataFeedId)`. */
export function encodeSetDapiName(dapiName: Hex, dataFeedId: Hex): Hex {
  return encodeFunctionData({
    abi: api3ServerV1Abi,
    functionName: "setDapiName",
    args: [dapiName, dataFeedId],
  });
}

/** Calldata of `OwnableCallForwarder.forwardCall(target, data)`: the forwarder's owner acting as the manager. */
export function encodeForwardCall(target: Address, data: Hex): Hex {
  return encodeFunctionData({
    abi: ownableCallForwarderAbi,
    functionName: "forwardCall",
    args: [target, data],
  });
}

/** The id of a Beacon set: keccak256(abi.encode(beaconIds)), as Api3ServerV1 derives it (2 or more Beacons). */
export function deriveBeaconSetId(beaconIds: readonly Hex[]): Hex {
  return keccak256(encodeAbiParameters([{ type: "bytes32[]" }], [beaconIds]));
}

/**
 * Creates a dAPI `name` served by a Beacon of `airnode`: pushes its first `value`, points the dAPI name at the
 * Beacon (`setDapiName`, as the manager, through its forwarder if it has one) and deploys its Api3ReaderProxyV1 through the factory.
 */
export async function setUpLocalDapi(
  ctx: TxContext,
  api3: Api3Contracts,
  airnode: LocalAccount,
  name: string,
  value: bigint,
): Promise<LocalDapi> {
  const dapiName = encodeDapiName(name);
  const templateId = localTemplateId(name);
  const beaconId = deriveBeaconId(airnode.address, templateId);
  await pushBeaconValue(ctx, api3.api3ServerV1, airnode, templateId, value);
  const setName = encodeSetDapiName(dapiName, beaconId);
  await sendAndWait(
    ctx,
    `setDapiName ${name}`,
    api3.managerForwarder
      ? { to: api3.managerForwarder, data: encodeForwardCall(api3.api3ServerV1, setName) }
      : { to: api3.api3ServerV1, data: setName },
  );
  const receipt = await sendAndWait(ctx, `Api3ReaderProxyV1 ${name}`, {
    to: api3.api3ReaderProxyV1Factory,
    data: encodeFunctionData({
      abi: api3ReaderProxyV1FactoryAbi,
      functionName: "deployApi3ReaderProxyV1",
      args: [dapiName, DEVNET_DAPP_ID, "0x"],
    }),
  });
  const [deployed] = parseEventLogs({
    abi: api3ReaderProxyV1FactoryAbi,
    eventName: "DeployedApi3ReaderProxyV1",
    logs: receipt.logs,
  });
  if (!deployed) throw new Error(`no DeployedApi3ReaderProxyV1 event for ${name}`);
  return {
    name,
    dapiName,
    dapiNameHash: keccak256(dapiName),
    templateId,
    beaconId,
    proxy: deployed.args.proxy,
  };
}
