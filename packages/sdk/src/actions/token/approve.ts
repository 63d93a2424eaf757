import type { Address } from "viem";
import { erc20Abi } from "viem";
import {
  simulateAndSend,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "../../utils/transaction.ts";

/** Parameters of {@link approve}. */
export interface ApproveParameters extends WriteHooks {
  /** The ERC-20 token (`deployment.contracts.token`). */
  token: Address;
  /** Who may pull the tokens, e.g. the StakingPool or the ClaimsManager. */
  spender: Address;
  /** Allowance in base units. */
  amount: bigint;
}

/** The transaction and its receipt. */
export type ApproveReturnType = WriteResult<boolean>;

/**
 * Sets the allowance of `spender` over the caller's tokens.
 * Simulates first: a call the token would reject throws a decoded error and sends nothing.
 *
 * @example
 * ```ts
 * await approve(client, { token, spender: deployment.contracts.stakingPool, amount: parseAmount("1k", 18) });
 * ```
 */
export async function approve(
  client: WalletClient,
  parameters: ApproveParameters,
): Promise<ApproveReturnType> {
  const { token, spender, amount, ...hooks } = parameters;
  return simulateAndSend(
    client,
    { address: token, abi: erc20Abi, functionName: "approve", args: [spender, amount] },
    hooks,
  );
}
