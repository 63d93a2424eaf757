import assert from "node:assert/strict";
import { test } from "node:test";
import { type Address, createPublicClient, custom, type Hex, numberToHex, pad } from "viem";
import { foundry } from "viem/chains";
import { logTime, REORG_DEPTH, readLogs } from "../src/lib/logCache.ts";

const address: Address = "0x00000000000000000000000000000000000000aa";

/** A chain of `head` blocks with one log per block; `salt` changes every block hash (another chain). */
function fakeChain() {
  const state = { head: 100n, salt: 1n, logRanges: [] as [bigint, bigint][], blockReads: 0 };
  const hashOf = (block: bigint) => pad(numberToHex(block * 1000n + state.salt), { size: 32 });
  const blockOf = (block: bigint) => ({
    number: numberToHex(block),
    hash: hashOf(block),
    parentHash: hashOf(block - 1n),
    timestamp: numberToHex(1_000_000n + block * 12n),
    transactions: [],
    uncles: [],
    logsBloom: pad("0x", { size: 256 }),
    gasLimit: "0x0",
    gasUsed: "0x0",
    miner: address,
    difficulty: "0x0",
    extraData: "0x",
    size: "0x0",
    nonce: "0x0000000000000000",
    sha3Uncles: pad("0x", { size: 32 }),
    stateRoot: pad("0x", { size: 32 }),
    receiptsRoot: pad("0x", { size: 32 }),
    transactionsRoot: pad("0x", { size: 32 }),
    mixHash: pad("0x", { size: 32 }),
  });
  const client = createPublicClient({
    chain: foundry,
    transport: custom({
      async request({ method, params }: { method: string; params: unknown[] }) {
        if (method === "eth_blockNumber") return numberToHex(state.head);
        if (method === "eth_getBlockByNumber") {
          state.blockReads++;
          return blockOf(params[0] === "latest" ? state.head : BigInt(params[0] as Hex));
        }
        if (method === "eth_getBlockByHash") {
          state.blockReads++;
          return blockOf((BigInt(params[0] as Hex) - state.salt) / 1000n);
        }
        if (method === "eth_getLogs") {
          const filter = params[0] as { fromBlock: Hex; toBlock: Hex };
          const from = BigInt(filter.fromBlock);
          const to = BigInt(filter.toBlock);
          state.logRanges.push([from, to]);
          const logs = [];
          for (let block = from; block <= to; block++) {
            logs.push({
              address,
              blockNumber: numberToHex(block),
              blockHash: hashOf(block),
              logIndex: "0x0",
              transactionHash: pad(numberToHex(block), { size: 32 }),
              transactionIndex: "0x0",
              topics: [pad(numberToHex(state.salt), { size: 32 })],
              data: "0x",
              removed: false,
            });
          }
          return logs;
        }
        throw new Error(`unexpected ${method}`);
      },
    }),
  });
  return { client, state };
}

test("readLogs_readsOnlyNewBlocksAfterTheFirstRead", async () => {
  const { client, state } = fakeChain();
  const first = await readLogs(client, { address, fromBlock: 1n });
  assert.equal(first.length, 100);
  assert.deepEqual(state.logRanges, [[1n, 100n]]);
  state.head = 103n;
  state.logRanges = [];
  const second = await readLogs(client, { address, fromBlock: 1n });
  assert.deepEqual(
    state.logRanges,
    [[101n - REORG_DEPTH, 103n]],
    "the new blocks and the last REORG_DEPTH",
  );
  assert.deepEqual(
    second.map((log) => log.blockNumber),
    Array.from({ length: 103 }, (_, i) => BigInt(i + 1)),
    "every block's log once, in order",
  );
});

test("readLogs_readsEverythingAgainWhenTheChainIsAnotherOne", async () => {
  const { client, state } = fakeChain();
  await readLogs(client, { address, fromBlock: 2n });
  state.salt = 2n; // a restarted devnet: same numbers, other blocks
  state.logRanges = [];
  const again = await readLogs(client, { address, fromBlock: 2n });
  assert.deepEqual(state.logRanges, [[2n, 100n]]);
  assert.equal(again.length, 99);
  assert.ok(again.every((log) => log.topics[0] === pad(numberToHex(2n), { size: 32 })));
  state.head = 50n; // a chain that went back
  state.logRanges = [];
  const shorter = await readLogs(client, { address, fromBlock: 2n });
  assert.deepEqual(state.logRanges, [[2n, 50n]]);
  assert.equal(shorter.length, 49);
});

test("logTime_readsEachBlockOnce", async () => {
  const { client, state } = fakeChain();
  const logs = await readLogs(client, { address, fromBlock: 3n });
  const reads = state.blockReads;
  assert.equal(await logTime(client, logs[0] as (typeof logs)[number]), 1_000_000 + 3 * 12);
  assert.equal(await logTime(client, logs[0] as (typeof logs)[number]), 1_000_000 + 3 * 12);
  assert.equal(state.blockReads, reads + 1);
});
