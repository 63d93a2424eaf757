import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Abi, Address, Hash } from "viem";
import {
  estimateContractGas,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from "viem/actions";
import { useConfig } from "wagmi";
import { getConnectorClient } from "wagmi/actions";
import type { ErrorContext } from "../../../sdk/src/errors/contract.ts";
import { withGasMargin } from "../../../sdk/src/utils/gas.ts";
import { useClient, useToken } from "./context.tsx";
import { errorsAbi, hasFunction } from "./contracts.ts";
import { type DecodedError, decodeError } from "./errors.ts";

/** One contract call of a user action. */
export interface Call {
  label: string;
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
}

export type TxState =
  | { status: "idle" }
  | { status: "checking"; step: number; steps: number; label: string }
  | { status: "signing"; step: number; steps: number; label: string }
  | { status: "pending"; step: number; steps: number; label: string; hash: Hash }
  | { status: "confirmed"; hash: Hash; gasUsed: bigint; label: string }
  | { status: "failed"; error: DecodedError; label: string };

/**
 * Sends a sequence of calls (e.g. approve then deposit): each is simulated first, so a revert
 * shows its decoded custom error before anything is signed, then sent and awaited.
 */
export function useTransaction() {
  const wagmiConfig = useConfig();
  const publicClient = useClient();
  const queryClient = useQueryClient();
  const token = useToken();
  const [state, setState] = useState<TxState>({ status: "idle" });

  const run = useCallback(
    async (calls: Call[] | (() => Promise<Call[]>)): Promise<boolean> => {
      let label = "transaction";
      let functionName: string | undefined;
      let sender: Address | undefined;
      try {
        setState({ status: "checking", step: 1, steps: 1, label });
        const list = typeof calls === "function" ? await calls() : calls;
        const walletClient = await getConnectorClient(wagmiConfig);
        const account = walletClient.account;
        sender = account.address;
        let last: { hash: Hash; gasUsed: bigint } | undefined;
        for (const [i, call] of list.entries()) {
          label = call.label;
          functionName = call.functionName;
          const progress = { step: i + 1, steps: list.length, label };
          if (!hasFunction(call.abi, call.functionName)) {
            throw new Error(`${call.functionName} is not available in this deployment`);
          }
          setState({ status: "checking", ...progress });
          const abi = [...call.abi, ...errorsAbi];
          const { request } = await simulateContract(publicClient, {
            address: call.address,
            abi,
            functionName: call.functionName,
            args: call.args,
            value: call.value,
            account: account.address,
          });
          const gas = await estimateContractGas(
            publicClient,
            request as Parameters<typeof estimateContractGas>[1],
          );
          setState({ status: "signing", ...progress });
          const hash = await writeContract(walletClient, {
            ...request,
            gas: withGasMargin(gas),
            account,
            chain: walletClient.chain,
          } as Parameters<typeof writeContract>[1]);
          setState({ status: "pending", ...progress, hash });
          const receipt = await waitForTransactionReceipt(publicClient, {
            hash,
            pollingInterval: 250,
          });
          if (receipt.status !== "success") {
            throw new Error(`${call.label} reverted in block ${receipt.blockNumber}`);
          }
          last = { hash, gasUsed: receipt.gasUsed };
        }
        if (last) setState({ status: "confirmed", ...last, label });
        else setState({ status: "idle" });
        await queryClient.invalidateQueries();
        return true;
      } catch (error) {
        const context: ErrorContext = { functionName, account: sender, tokenInfo: token };
        setState({ status: "failed", error: decodeError(error, context), label });
        return false;
      }
    },
    [wagmiConfig, publicClient, queryClient, token],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);
  const busy =
    state.status === "checking" || state.status === "signing" || state.status === "pending";
  return { state, run, reset, busy };
}
