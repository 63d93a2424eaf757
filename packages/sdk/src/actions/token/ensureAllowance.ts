import type { Address } from "viem";
import { erc20Abi } from "viem";
import { readContract } from "viem/actions";
import { PreflightError } from "../../errors/base.ts";
import { formatAmount } from "../../utils/amount.ts";
import type { WalletClient, WriteHooks, WriteResult } from "../../utils/transaction.ts";
import { approve } from "./approve.ts";

/** Parameters of {@link ensureAllowance}. */
export interface EnsureAllowanceParameters extends WriteHooks {
  /** The ERC-20 token. */
  token: Address;
  /** Who will pull the tokens. */
  spender: Address;
  /** The amount that must be pullable, in base units. */
  amount: bigint;
}

/** The approval sent, or `undefined` when the allowance already sufficed. */
export type EnsureAllowanceReturnType = WriteResult<boolean> | undefined;

/**
 * Makes sure `spender` may pull `amount` of the caller's tokens: checks the caller's balance first
 * (throws {@link PreflightError} and sends nothing when it is short), then approves exactly `amount`
 * when the current allowance is lower.
 *
 * @example
 * ```ts
 * await ensureAllowance(client, { token, spender: pool, amount });
 * await deposit(client, { pool, amount });
 * ```
 */
export async function ensureAllowance(
  client: WalletClient,
  parameters: EnsureAllowanceParameters,
): Promise<EnsureAllowanceReturnType> {
  const { token, spender, amount } = parameters;
  const owner = client.account.address;
  const [balance, allowance] = await Promise.all([
    readContract(client, {
      address: token,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [owner],
    }),
    readContract(client, {
      address: token,
      abi: erc20Abi,
      functionName: "allowance",
      args: [owner, spender],
    }),
  ]);
  if (balance < amount) {
    const decimals = parameters.tokenInfo?.decimals ?? 18;
    const symbol = parameters.tokenInfo?.symbol;
    const show = (value: bigint) => formatAmount(value, decimals, symbol ? { symbol } : {});
    throw new PreflightError(`your wallet holds ${show(balance)}, ${show(amount)} needed`);
  }
  if (allowance >= amount) return undefined;
  return approve(client, parameters);
}
