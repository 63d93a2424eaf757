/**
 * Chain helpers for the indexer's tests: raw JSON-RPC, many funded stakers (anvil impersonation, no
 * keys), and batches of transactions mined into one block.
 */
import assert from "node:assert/strict";
import { type Address, encodeFunctionData, type Hex, numberToHex, parseEther } from "viem";
import { devnetAccount } from "../../../sdk/src/deploy/devnetAccounts.ts";
import type { Deployment } from "../../../sdk/src/deployment.ts";
import { stakingPoolAbi, testTokenAbi } from "../../../sdk/src/generated/contracts.ts";

/** One JSON-RPC call; throws with the node's message on an error. */
export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []) {
  const [result] = await rpcBatch<T>(url, [{ method, params }]);
  return result as T;
}

/** Several JSON-RPC calls in one HTTP request (anvil answers batches in order). */
export async function rpcBatch<T = unknown>(
  url: string,
  calls: { method: string; params: unknown[] }[],
): Promise<T[]> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call }))),
  });
  const answers = (await response.json()) as {
    id: number;
    result?: T;
    error?: { message: string };
  }[];
  return answers
    .sort((a, b) => a.id - b.id)
    .map((answer, i) => {
      if (answer.error) throw new Error(`${calls[i]?.method}: ${answer.error.message}`);
      return answer.result as T;
    });
}

/** A transaction sent from an account anvil signs for (a dev account or an impersonated one). */
export interface Call {
  from: Address;
  to: Address;
  data: Hex;
}

/**
 * Sends `calls` with automine off and mines them into one block (in batches of 100 per HTTP request);
 * asserts every transaction succeeded and returns the block number.
 */
export async function mineInOneBlock(url: string, calls: Call[]): Promise<bigint> {
  await rpc(url, "evm_setAutomine", [false]);
  const hashes: Hex[] = [];
  try {
    for (let i = 0; i < calls.length; i += 100) {
      const batch = calls.slice(i, i + 100).map((call) => ({
        method: "eth_sendTransaction",
        params: [{ ...call, gas: numberToHex(600_000) }],
      }));
      hashes.push(...(await rpcBatch<Hex>(url, batch)));
    }
    await rpc(url, "evm_mine", []);
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
  const receipts = await rpcBatch<{ status: Hex; blockNumber: Hex }>(
    url,
    hashes.map((hash) => ({ method: "eth_getTransactionReceipt", params: [hash] })),
  );
  const blocks = new Set(receipts.map((r) => r.blockNumber));
  assert.equal(blocks.size, 1, `mined into ${blocks.size} blocks`);
  for (const receipt of receipts) assert.equal(receipt.status, "0x1", "transaction reverted");
  return BigInt(receipts[0]?.blockNumber ?? "0x0");
}

/**
 * `count` fresh accounts (impersonated by anvil), each with ether for gas, 1M tokens and the pool
 * approved: three blocks, whatever the count.
 */
export async function fundStakers(url: string, deployment: Deployment, count: number) {
  const stakers = Array.from(
    { length: count },
    (_, i) => `0x${(0x5000_0000 + i).toString(16).padStart(40, "0")}` as Address,
  );
  await rpcBatch(
    url,
    stakers.flatMap((address) => [
      { method: "anvil_impersonateAccount", params: [address] },
      { method: "anvil_setBalance", params: [address, numberToHex(parseEther("100"))] },
    ]),
  );
  const { token, stakingPool } = deployment.contracts;
  const deployer = devnetAccount("deployer").address;
  await mineInOneBlock(
    url,
    stakers.map((address) => ({
      from: deployer,
      to: token,
      data: encodeFunctionData({
        abi: testTokenAbi,
        functionName: "mint",
        args: [address, parseEther("1000000")],
      }),
    })),
  );
  await mineInOneBlock(
    url,
    stakers.map((from) => ({
      from,
      to: token,
      data: encodeFunctionData({
        abi: testTokenAbi,
        functionName: "approve",
        args: [stakingPool, 2n ** 256n - 1n],
      }),
    })),
  );
  return stakers;
}

/** `depositAndStake(amount)` from every staker, all in one block. */
export function depositAndStakeCalls(deployment: Deployment, stakers: Address[], amount: bigint) {
  return stakers.map((from) => ({
    from,
    to: deployment.contracts.stakingPool,
    data: encodeFunctionData({
      abi: stakingPoolAbi,
      functionName: "depositAndStake",
      args: [amount],
    }),
  }));
}
