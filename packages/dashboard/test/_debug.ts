import {
  createPublicClient,
  encodeFunctionData,
  http,
  maxUint256,
  parseEther,
  parseEventLogs,
} from "viem";
import { createTxContext, sendAndWait } from "../../sdk/src/deploy/context.ts";
import { devnetAccount } from "../../sdk/src/deploy/devnetAccounts.ts";
import { abis, eventsAbi } from "../src/lib/contracts.ts";
import { startStack } from "./harness.ts";

const stack = await startStack({});
try {
  const { claimsManager, token } = stack.deployment.contracts;
  const cm = claimsManager as `0x${string}`;
  const ctx = await createTxContext({
    rpcUrl: stack.anvil.rpcUrl,
    account: devnetAccount("policyholder"),
  });
  await sendAndWait(ctx, "approve", {
    to: token,
    data: encodeFunctionData({ abi: abis.token, functionName: "approve", args: [cm, maxUint256] }),
  });
  await sendAndWait(ctx, "buy", {
    to: cm,
    data: encodeFunctionData({
      abi: abis.claimsManager,
      functionName: "buyCoverage",
      args: [1n, parseEther("10000"), 30n * 86400n, parseEther("100000"), ""],
    }),
  });
  const client = createPublicClient({ transport: http(stack.anvil.rpcUrl) });
  const logs = await client.getLogs({ address: cm, fromBlock: 0n, toBlock: "latest" });
  const parsed = parseEventLogs({ abi: eventsAbi, logs, strict: false });
  console.log(parsed.map((l) => l.eventName));
  const created = parsed.filter((l) => l.eventName === "PolicyCreated");
  console.log(created[0]?.args);
  const id = (created[0]?.args as { policyId: bigint }).policyId;
  console.log(
    await client.readContract({
      address: cm,
      abi: abis.claimsManager,
      functionName: "policy",
      args: [id],
    }),
  );
  console.log(
    await client
      .readContract({ address: cm, abi: abis.claimsManager, functionName: "dapi", args: [1n] })
      .catch((e) => String(e).slice(0, 300)),
  );
} finally {
  await stack.stop();
}
