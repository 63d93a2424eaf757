import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { encodeErrorResult, parseAbi } from "viem";
import {
  iClaimsManagerAbi,
  iPoolVotesAbi,
  iStakingPoolAbi,
  poolGovernorAbi,
  poolTimelockAbi,
} from "../generated/contracts.ts";
import { BaseError } from "./base.ts";
import { ContractRevertError, decodeRevertData, findRevertData, toIpoolError } from "./contract.ts";

const user = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8" as const;
const e18 = 10n ** 18n;
const tokenInfo = { symbol: "API3", decimals: 18 };

describe("decodeRevertData", () => {
  it("names governor and timelock states instead of their bitmaps", () => {
    const proposal = encodeErrorResult({
      abi: poolGovernorAbi,
      errorName: "GovernorUnexpectedProposalState",
      args: [42n, 0, `0x${((2n ** 4n) | (2n ** 5n)).toString(16).padStart(64, "0")}`],
    });
    assert.equal(
      decodeRevertData(proposal, { functionName: "execute" }).shortMessage,
      "proposal 42 is Pending, which does not allow this: execute needs it Succeeded or Queued",
    );
    const operation = encodeErrorResult({
      abi: poolTimelockAbi,
      errorName: "TimelockUnexpectedOperationState",
      args: [`0x${"ab".repeat(32)}`, `0x${(1n << 2n).toString(16).padStart(64, "0")}`],
    });
    assert.equal(
      decodeRevertData(operation, { functionName: "execute" }).shortMessage,
      "execute: the timelock operation 0xabababab… is not Ready (a queued operation is Ready once its delay has passed)",
    );
  });

  it("says who may call in one shape: only <who> can", () => {
    const data = encodeErrorResult({
      abi: iClaimsManagerAbi,
      errorName: "Unauthorized",
      args: [user, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"],
    });
    assert.equal(
      decodeRevertData(data, { functionName: "accept claim", account: user }).shortMessage,
      "accept claim: only 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC can do this (you are not allowed)",
    );
  });

  it("says what was asked, what is available, with the token's symbol", () => {
    const data = encodeErrorResult({
      abi: iStakingPoolAbi,
      errorName: "InsufficientUnstaked",
      args: [user, 500n * e18, 200n * e18],
    });
    const error = decodeRevertData(data, { tokenInfo, functionName: "stake", account: user });
    assert.ok(error instanceof ContractRevertError);
    assert.ok(error instanceof BaseError);
    assert.equal(error.shortMessage, "stake 500 API3 exceeds your unstaked 200 API3");
    assert.equal(error.errorName, "InsufficientUnstaked");
    assert.equal(error.args.available, 200n * e18);
  });

  it("shows a refused coverage period and its bounds as durations, not token amounts", () => {
    const data = encodeErrorResult({
      abi: iClaimsManagerAbi,
      errorName: "InvalidPeriod",
      args: [1n, 86_400n, 730n * 86_400n],
    });
    assert.equal(
      decodeRevertData(data, { tokenInfo, functionName: "buy coverage" }).shortMessage,
      "buy coverage: the period 1s is not between 1d and 730d",
    );
  });

  it("names another account by address", () => {
    const data = encodeErrorResult({
      abi: iStakingPoolAbi,
      errorName: "NoPendingUnstake",
      args: [user],
    });
    assert.equal(decodeRevertData(data, {}).shortMessage, `${user} has no pending unstake`);
    assert.equal(
      decodeRevertData(data, { account: user }).shortMessage,
      "you have no pending unstake",
    );
  });

  it("decodes errors without a template from their name and arguments", () => {
    const allowedAt = 1_900_000_000n;
    const data = encodeErrorResult({
      abi: iPoolVotesAbi,
      errorName: "DelegationTooSoon",
      args: [user, allowedAt],
    });
    const error = decodeRevertData(data, { functionName: "delegate" });
    assert.equal(
      error.shortMessage,
      `delegate: delegation too soon (account ${user}, allowedAt 2030-03-17 17:46:40 UTC)`,
    );
    assert.deepEqual(error.args, { account: user, allowedAt });
  });

  it("reports revert data that no contract of the system declares", () => {
    const abi = parseAbi(["error SomethingTooLarge(uint256 amount, uint256 maxAmount)"]);
    const data = encodeErrorResult({
      abi,
      errorName: "SomethingTooLarge",
      args: [3n * e18, 2n * e18],
    });
    assert.match(decodeRevertData(data, {}).shortMessage, /unknown data 0x/);
  });

  it("decodes the standard ERC-20 errors", () => {
    const abi = parseAbi([
      "error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)",
    ]);
    const data = encodeErrorResult({
      abi,
      errorName: "ERC20InsufficientBalance",
      args: [user, e18, 2n * e18],
    });
    const error = decodeRevertData(data, { tokenInfo, functionName: "deposit", account: user });
    assert.equal(
      error.shortMessage,
      "deposit: your token balance 1 API3 is below the 2 API3 needed",
    );
  });
});

describe("toIpoolError", () => {
  it("finds revert data deep in a cause chain", () => {
    const data = encodeErrorResult({ abi: iStakingPoolAbi, errorName: "ZeroAmount" });
    const rpc = Object.assign(new Error("execution reverted"), { data });
    const wrapped = new Error("outer", { cause: new Error("middle", { cause: rpc }) });
    assert.equal(findRevertData(wrapped), data);
    const error = toIpoolError(wrapped, { functionName: "deposit" });
    assert.equal(error.shortMessage, "deposit: the amount must be above zero");
  });

  it("keeps SDK errors and wraps anything else", () => {
    const sdk = new BaseError("already readable");
    assert.equal(toIpoolError(sdk), sdk);
    assert.match(
      toIpoolError(new Error("socket hang up"), { functionName: "stake" }).shortMessage,
      /stake failed: socket hang up/,
    );
  });
});
