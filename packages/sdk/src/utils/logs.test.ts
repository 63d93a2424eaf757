import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  type Address,
  createClient,
  custom,
  encodeAbiParameters,
  encodeEventTopics,
  type Hex,
  numberToHex,
  pad,
  parseAbi,
} from "viem";
import { BaseError, InvalidInputError, LogsLimitError } from "../errors/base.ts";
import { getContractEventsPaged, getLogsPaged, isLogsLimitError } from "./logs.ts";

const abi = parseAbi(["event Ping(uint256 indexed n, address indexed from, uint256 value)"]);
const address: Address = "0x00000000000000000000000000000000000000aa";
const alice: Address = "0x0000000000000000000000000000000000000a11";
const bob: Address = "0x0000000000000000000000000000000000000b0b";

interface RpcLog {
  address: Address;
  blockNumber: Hex;
  blockHash: Hex;
  logIndex: Hex;
  transactionHash: Hex;
  transactionIndex: Hex;
  topics: Hex[];
  data: Hex;
  removed: boolean;
}

/** Logs at blocks 10..60 (none in some blocks, several in others), numbered 0, 1, 2, ... in order. */
function knownLogs(): RpcLog[] {
  const logs: RpcLog[] = [];
  let n = 0n;
  for (let block = 10n; block <= 60n; block++) {
    const perBlock = Number(block % 4n); // 2, 3, 0, 1, 2, 3, 0, ...
    for (let i = 0; i < perBlock; i++) {
      const from = n % 3n === 0n ? alice : bob;
      logs.push({
        address,
        blockNumber: numberToHex(block),
        blockHash: pad(numberToHex(block), { size: 32 }),
        logIndex: numberToHex(i),
        transactionHash: pad(numberToHex(n + 1n), { size: 32 }),
        transactionIndex: numberToHex(i),
        topics: encodeEventTopics({ abi, eventName: "Ping", args: { n, from } }) as Hex[],
        data: encodeAbiParameters([{ type: "uint256" }], [n * 10n]),
        removed: false,
      });
      n++;
    }
  }
  return logs;
}

interface FakeOptions {
  /** Reject any range wider than this many blocks. */
  maxRange?: bigint;
  /** The error a rejected range gets. */
  rangeError?: { code: number; message: string };
  /** Reject every range that contains this block (too many results in one block). */
  denseBlock?: bigint;
  /** Fail every eth_getLogs with this error. */
  failWith?: { code: number; message: string };
  head?: bigint;
}

/** A client whose provider caps eth_getLogs like real ones do, and records the ranges asked. */
function fakeClient(options: FakeOptions = {}) {
  const logs = knownLogs();
  const head = options.head ?? 70n;
  const ranges: [bigint, bigint][] = [];
  let blockRequests = 0;
  const rangeError = options.rangeError ?? {
    code: -32005,
    message: "query returned more than 10000 results",
  };
  const client = createClient({
    transport: custom(
      {
        async request({ method, params }: { method: string; params: unknown }) {
          if (method === "eth_getBlockByNumber") {
            blockRequests++;
            return { number: numberToHex(head), hash: pad("0x01", { size: 32 }), timestamp: "0x1" };
          }
          if (method !== "eth_getLogs") throw new Error(`unexpected ${method}`);
          const [filter] = params as [{ fromBlock: Hex; toBlock: Hex; topics?: (Hex | null)[] }];
          const from = BigInt(filter.fromBlock);
          const to = BigInt(filter.toBlock);
          ranges.push([from, to]);
          if (options.failWith) throw options.failWith;
          if (options.maxRange !== undefined && to - from + 1n > options.maxRange) throw rangeError;
          if (options.denseBlock !== undefined && from <= options.denseBlock)
            if (options.denseBlock <= to) throw rangeError;
          const wanted = filter.topics?.[2];
          return logs.filter(
            (log) =>
              BigInt(log.blockNumber) >= from &&
              BigInt(log.blockNumber) <= to &&
              (wanted == null || log.topics[2] === wanted),
          );
        },
      },
      { retryCount: 0 },
    ),
  });
  return { client, ranges, blockRequests: () => blockRequests, all: logs };
}

const ids = (logs: readonly { transactionHash: Hex | null }[]) =>
  logs.map((log) => log.transactionHash);

describe("getLogsPaged", () => {
  it("returns every log once, in order, whatever the provider's cap and the page size", async () => {
    for (const maxRange of [undefined, 1n, 3n, 7n, 100n]) {
      for (const pageSize of [undefined, 1n, 2n, 5n, 16n, 1000n]) {
        const fake = fakeClient({ maxRange });
        const logs = await getLogsPaged(fake.client, { address, fromBlock: 0n, pageSize });
        const label = `maxRange ${maxRange}, pageSize ${pageSize}`;
        assert.deepEqual(ids(logs), ids(fake.all), label);
        // Pages are contiguous, cover [0, head] exactly, and the tag was resolved once.
        const accepted = fake.ranges.filter(([f, t]) => maxRange === undefined || t - f < maxRange);
        assert.equal(accepted[0]?.[0], 0n, label);
        assert.equal(accepted.at(-1)?.[1], 70n, label);
        for (let i = 1; i < accepted.length; i++)
          assert.equal(accepted[i]?.[0], (accepted[i - 1]?.[1] ?? 0n) + 1n, label);
        assert.equal(fake.blockRequests(), 1, label);
      }
    }
  });

  it("keeps a halved page size instead of failing again on every page", async () => {
    const fake = fakeClient({ maxRange: 1_000n, head: 20_000n });
    await getLogsPaged(fake.client, { address, fromBlock: 0n });
    // 5,000 and 2,500 and 1,250 are refused once each, then 625-block pages all succeed.
    assert.equal(fake.ranges.length, 3 + Math.ceil(20_001 / 625));
  });

  it("reads a fixed block range without resolving a tag, and nothing when it is empty", async () => {
    const fake = fakeClient({ maxRange: 4n });
    const logs = await getLogsPaged(fake.client, { address, fromBlock: 20n, toBlock: 30n });
    assert.deepEqual(
      ids(logs),
      ids(fake.all.filter((l) => BigInt(l.blockNumber) >= 20n && BigInt(l.blockNumber) <= 30n)),
    );
    assert.equal(fake.blockRequests(), 0);
    assert.deepEqual(await getLogsPaged(fake.client, { fromBlock: 31n, toBlock: 30n }), []);
  });

  it("decodes with `event` and filters by its indexed args", async () => {
    const fake = fakeClient({ maxRange: 5n });
    const event = abi[0];
    const logs = await getLogsPaged(fake.client, {
      address,
      event,
      args: { from: alice },
      fromBlock: 0n,
      pageSize: 8n,
    });
    assert.ok(logs.length > 0);
    assert.deepEqual(
      logs.map((log) => log.args.n),
      logs.map((_, i) => BigInt(i * 3)),
    );
    assert.ok(logs.every((log) => log.args.from === alice));
  });

  it("recognizes the refusals of common providers", async () => {
    const refusals = [
      { code: -32005, message: "query returned more than 10000 results" },
      { code: -32602, message: "Log response size exceeded. You can make eth_getLogs requests..." },
      { code: -32000, message: "block range is too wide" },
      { code: -32000, message: "exceed maximum block range: 5000" },
      { code: -32600, message: "eth_getLogs is limited to a 10,000 range" },
      { code: -32000, message: "ranges over 10000 blocks are not supported on freetier" },
      { code: -32005, message: "Request exceeds defined limit" },
    ];
    for (const rangeError of refusals) {
      const fake = fakeClient({ maxRange: 3n, rangeError });
      const logs = await getLogsPaged(fake.client, { address, fromBlock: 0n, pageSize: 10n });
      assert.deepEqual(ids(logs), ids(fake.all), rangeError.message);
    }
  });

  it("rethrows any other error at once, without splitting the range", async () => {
    for (const failWith of [
      { code: -32602, message: "invalid argument 0: hex string has odd length" },
      { code: -32005, message: "daily request count exceeded, request rate limited" },
      { code: -32603, message: "internal error" },
    ]) {
      const fake = fakeClient({ failWith });
      const error = await getLogsPaged(fake.client, { address, fromBlock: 0n }).then(
        () => assert.fail("should throw"),
        (e: unknown) => e,
      );
      assert.ok(!(error instanceof LogsLimitError), failWith.message);
      assert.match(String((error as Error).message), new RegExp(failWith.message));
      assert.equal(fake.ranges.length, 1, failWith.message);
    }
  });

  it("throws LogsLimitError when a single block is still refused", async () => {
    const fake = fakeClient({ denseBlock: 42n });
    const error = await getLogsPaged(fake.client, { address, fromBlock: 0n, pageSize: 16n }).then(
      () => assert.fail("should throw"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof LogsLimitError);
    assert.ok(error instanceof BaseError);
    assert.equal(error.blockNumber, 42n);
    assert.match(error.shortMessage, /refused the logs of block 42 even alone/);
    assert.match(error.message, /query returned more than 10000 results/);
    assert.ok(isLogsLimitError(error.cause));
    assert.deepEqual(fake.ranges.at(-1), [42n, 42n]);
  });

  it("refuses a page size below one block", async () => {
    const fake = fakeClient();
    await assert.rejects(
      getLogsPaged(fake.client, { address, fromBlock: 0n, pageSize: 0n }),
      InvalidInputError,
    );
  });
});

describe("getContractEventsPaged", () => {
  it("returns decoded, typed events from every page, in order", async () => {
    const fake = fakeClient({ maxRange: 6n });
    const events = await getContractEventsPaged(fake.client, {
      address,
      abi,
      eventName: "Ping",
      fromBlock: 0n,
      pageSize: 50n,
      strict: true,
    });
    const n: bigint[] = events.map((event) => event.args.n);
    assert.deepEqual(
      n,
      fake.all.map((_, i) => BigInt(i)),
    );
    assert.deepEqual(
      events.map((event) => event.args.value),
      n.map((i) => i * 10n),
    );
  });
});
