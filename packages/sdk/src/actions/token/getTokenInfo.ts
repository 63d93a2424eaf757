import type { Address } from "viem";
import { erc20Abi } from "viem";
import { readContract } from "viem/actions";
import type { ReadClient } from "../../utils/transaction.ts";

/** Parameters of {@link getTokenInfo}. */
export interface GetTokenInfoParameters {
  /** The ERC-20 token. */
  token: Address;
}

/** What amounts need to be read and shown. */
export interface GetTokenInfoReturnType {
  address: Address;
  symbol: string;
  decimals: number;
  totalSupply: bigint;
}

/**
 * Reads an ERC-20 token's symbol, decimals and total supply.
 *
 * @example
 * ```ts
 * const { symbol, decimals } = await getTokenInfo(client, { token: deployment.contracts.token });
 * ```
 */
export async function getTokenInfo(
  client: ReadClient,
  parameters: GetTokenInfoParameters,
): Promise<GetTokenInfoReturnType> {
  const address = parameters.token;
  const [symbol, decimals, totalSupply] = await Promise.all([
    readContract(client, { address, abi: erc20Abi, functionName: "symbol" }),
    readContract(client, { address, abi: erc20Abi, functionName: "decimals" }),
    readContract(client, { address, abi: erc20Abi, functionName: "totalSupply" }),
  ]);
  return { address, symbol, decimals, totalSupply };
}
