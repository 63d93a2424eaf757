import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { iClaimsManagerAbi } from "../../generated/contracts.ts";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link setDapiCap}. */
export interface SetDapiCapParameters extends WriteHooks {
  /** The ClaimsManager address (`deployment.contracts.claimsManager`). */
  claimsManager: Address;
  /** The dAPI name as bytes32. */
  dapiName: Hex;
  /** The chain the dAPI serves. */
  chainId: bigint;
  /** Share of capacity (WAD); 0 stops new coverage. */
  capShare: bigint;
}

/** The dAPI id (`result`), with the transaction. */
export type SetDapiCapReturnType = WriteResult<
  ContractFunctionReturnType<typeof iClaimsManagerAbi, "nonpayable", "setDapiCap">
>;

/**
 * Registers a dAPI or changes its cap. Only the secondary agent.
 * Simulates first: a call the contract would reject throws a decoded `ContractRevertError` and sends
 * nothing.
 *
 * @example
 * ```ts
 * await setDapiCap(timelockClient, { claimsManager, dapiName: stringToHex("ETH/USD", { size: 32 }), chainId: 1n, capShare: 5n * 10n ** 17n });
 * ```
 */
export async function setDapiCap(
  client: WalletClient,
  parameters: SetDapiCapParameters,
): Promise<SetDapiCapReturnType> {
  const { claimsManager, dapiName, chainId, capShare, ...hooks } = parameters;
  return simulateAndSend(
    client,
    {
      address: claimsManager,
      abi: iClaimsManagerAbi,
      functionName: "setDapiCap",
      args: [dapiName, chainId, capShare],
    },
    hooks,
  );
}
