/**
 * Compiled artifacts of the real API3 contracts, as shipped by `@api3/contracts` (v34). They are pinned to
 * solc 0.8.17/0.8.27, so we deploy the package's own bytecode instead of compiling them with ours.
 */
import { AccessControlRegistry__factory } from "@api3/contracts/dist/typechain-types/factories/access/AccessControlRegistry__factory.js";
import { OwnableCallForwarder__factory } from "@api3/contracts/dist/typechain-types/factories/access/OwnableCallForwarder__factory.js";
import { Api3ServerV1__factory } from "@api3/contracts/dist/typechain-types/factories/api3-server-v1/Api3ServerV1__factory.js";
import { Api3ServerV1OevExtension__factory } from "@api3/contracts/dist/typechain-types/factories/api3-server-v1/Api3ServerV1OevExtension__factory.js";
import { Api3ReaderProxyV1__factory } from "@api3/contracts/dist/typechain-types/factories/api3-server-v1/proxies/Api3ReaderProxyV1__factory.js";
import { Api3ReaderProxyV1Factory__factory } from "@api3/contracts/dist/typechain-types/factories/api3-server-v1/proxies/Api3ReaderProxyV1Factory__factory.js";
import type { Hex } from "viem";

export const accessControlRegistryAbi = AccessControlRegistry__factory.abi;
export const accessControlRegistryBytecode = AccessControlRegistry__factory.bytecode as Hex;
/**
 * API3's way to make an AccessControlRegistry manager transferable (e.g. to a DAO): the manager is this forwarder, and
 * whoever owns it acts as the manager through `forwardCall(target, calldata)`.
 */
export const ownableCallForwarderAbi = OwnableCallForwarder__factory.abi;
export const ownableCallForwarderBytecode = OwnableCallForwarder__factory.bytecode as Hex;
export const api3ServerV1Abi = Api3ServerV1__factory.abi;
export const api3ServerV1Bytecode = Api3ServerV1__factory.bytecode as Hex;
export const api3ServerV1OevExtensionAbi = Api3ServerV1OevExtension__factory.abi;
export const api3ServerV1OevExtensionBytecode = Api3ServerV1OevExtension__factory.bytecode as Hex;
export const api3ReaderProxyV1FactoryAbi = Api3ReaderProxyV1Factory__factory.abi;
export const api3ReaderProxyV1FactoryBytecode = Api3ReaderProxyV1Factory__factory.bytecode as Hex;
/** The proxy users read (`IApi3ReaderProxy.read()`); deployed through the factory above. */
export const api3ReaderProxyV1Abi = Api3ReaderProxyV1__factory.abi;
