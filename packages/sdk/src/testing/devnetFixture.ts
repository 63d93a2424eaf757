/**
 * Test fixture: anvil with the whole devnet system (deployDevnet: token, pool, DAO, claims manager, the
 * real Api3ServerV1 with its dAPIs, the LocalArbitrator), funded role accounts, and helpers to move time
 * while keeping the dAPIs fresh. Used by the SDK's premium tests and the CLI's claims and governance tests.
 * Not part of the SDK's entry point.
 */
import { type Address, encodeFunctionData, parseEther } from "viem";
import { type AnvilInstance, startAnvil } from "../anvil.ts";
import { pushBeaconValue } from "../deploy/api3.ts";
import { artifact } from "../deploy/artifacts.ts";
import { createTxContext, sendAndWait, type TxContext } from "../deploy/context.ts";
import { type DeployDevnetOptions, deployDevnet } from "../deploy/devnet.ts";
import { devnetAccount } from "../deploy/devnetAccounts.ts";
import type { Deployment } from "../deployment.ts";

export interface DevnetFixture {
  anvil: AnvilInstance;
  deployment: Deployment;
  deployer: TxContext;
  /** Address of a devnet role. */
  role: (name: string) => Address;
  /** Moves the chain's clock forward, mines, and pushes fresh values to every dAPI. */
  warp: (seconds: number) => Promise<void>;
  /** Moves the chain's clock forward and mines, leaving the dAPIs as they were (they age: e.g. to go stale). */
  advance: (seconds: number) => Promise<void>;
  /** Pushes fresh values (the base values, or `values[name]`) to the devnet's dAPIs. */
  /**
   * Pushes each feed's value (its base value unless given), signed at `at` (default: the chain's time, or a second
   * after the feed's last data when that second is taken), and returns the newest data timestamp pushed.
   */
  refreshFeeds: (values?: Record<string, bigint>, at?: bigint) => Promise<bigint>;
  stop: () => Promise<void>;
}

/** Starts anvil, deploys the devnet (`options`: e.g. `{ arbitrator: "kleros" }`), mints 1M tokens to the demo roles. */
export async function startDevnetFixture(
  options: DeployDevnetOptions = {},
): Promise<DevnetFixture> {
  const anvil = await startAnvil();
  try {
    const deployer = await createTxContext({
      rpcUrl: anvil.rpcUrl,
      account: devnetAccount("deployer"),
    });
    const deployment = await deployDevnet(deployer, {
      rpcUrl: anvil.rpcUrl,
      appealPeriod: 600,
      ...options,
    });
    const role = (name: string): Address => {
      const entry = deployment.accounts?.[name];
      if (!entry) throw new Error(`no devnet role ${name}`);
      return entry.address;
    };
    const tokenAbi = artifact("TestToken").abi;
    for (const name of ["alice", "bob", "carol", "policyholder"]) {
      await sendAndWait(deployer, `mint ${name}`, {
        to: deployment.contracts.token,
        data: encodeFunctionData({
          abi: tokenAbi,
          functionName: "mint",
          args: [role(name), parseEther("1000000")],
        }),
      });
    }
    const refreshFeeds = async (values: Record<string, bigint> = {}, at?: bigint) => {
      const feeds = deployment.devnet?.feeds ?? [];
      const server = deployment.contracts.api3ServerV1;
      if (!server) throw new Error("the deployment has no Api3ServerV1");
      let newest = 0n;
      for (const feed of feeds) {
        const { timestamp } = await pushBeaconValue(
          deployer,
          server,
          devnetAccount("airnode"),
          feed.templateId,
          values[feed.name] ?? BigInt(feed.baseValue),
          at,
        );
        if (timestamp > newest) newest = timestamp;
      }
      return newest;
    };
    const advance = async (seconds: number) => {
      await deployer.publicClient.request({
        method: "evm_increaseTime",
        params: [seconds],
      } as never);
      await deployer.publicClient.request({ method: "evm_mine", params: [] } as never);
    };
    const warp = async (seconds: number) => {
      await advance(seconds);
      await refreshFeeds();
    };
    return {
      anvil,
      deployment,
      deployer,
      role,
      warp,
      advance,
      refreshFeeds,
      stop: anvil.stop,
    };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}
