import type { Address } from "viem";
import { erc20Abi } from "viem";
import { readContract } from "viem/actions";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTokenBalance}. */
export interface GetTokenBalanceParameters {
  /** The ERC-20 token. */
  token: Address;
  /** Whose balance. */
  owner: Address;
}

/** The balance in base units. */
export type GetTokenBalanceReturnType = bigint;

/**
 * Reads `owner`'s token balance (outside the pool).
 *
 * @example
 * ```ts
 * const balance = await getTokenBalance(client, { token, owner: client.account.address });
 * ```
 */
export async function getTokenBalance(
  client: ReadClient,
  parameters: GetTokenBalanceParameters,
): Promise<GetTokenBalanceReturnType> {
  return readContract(client, {
    address: parameters.token,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [parameters.owner],
  });
}
