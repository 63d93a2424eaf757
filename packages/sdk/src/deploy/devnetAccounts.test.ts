/** The devnet's accounts: anvil's well-known keys, each derived once per process. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mnemonicToAccount } from "viem/accounts";
import {
  DEVNET_MNEMONIC,
  devnetAccount,
  devnetAccountAt,
  devnetAccounts,
  devnetReferenceAccount,
} from "./devnetAccounts.ts";

test("devnet accounts are anvil's, derived once and then reused", () => {
  assert.equal(devnetAccount("deployer").address, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  assert.equal(
    devnetAccountAt(0),
    devnetAccount("deployer"),
    "the same account, not derived again",
  );
  assert.equal(devnetReferenceAccount(40), devnetAccountAt(40));
  for (const index of [1, 19, 44]) {
    assert.equal(
      devnetAccountAt(index).address,
      mnemonicToAccount(DEVNET_MNEMONIC, { addressIndex: index }).address,
    );
  }
  assert.equal(devnetAccounts().watcher.address, devnetAccountAt(19).address);
});
