/**
 * Test fixture: what a "real" chain already has before `ipool deploy` (deployed by someone else, anvil's account 0):
 * a pool token, API3's Api3ServerV1 with an API3/USD and an ETH/USD dAPI, an ERC-792 arbitrator (standing in for
 * Kleros) and a Kleros v2 dispute template registry. Used by the CLI's deploy test and the packed-packages test.
 * Not part of the SDK's entry point.
 */
import { type Address, encodeDeployData, parseEther } from "viem";
import { deployApi3, setUpLocalDapi } from "../deploy/api3.ts";
import { artifact } from "../deploy/artifacts.ts";
import { createTxContext, deployAndWait } from "../deploy/context.ts";
import { devnetAccount } from "../deploy/devnetAccounts.ts";

/** The contracts a chain has before the pool is deployed on it. */
export interface ExistingContracts {
  token: Address;
  tokenUsdProxy: Address;
  arbitrator: Address;
  ethUsd: Address;
  registry: Address;
  api3ServerV1: Address;
}

/** anvil's account 5: the deployer of the tests (its key, as a user would export it). */
export const TEST_DEPLOYER_KEY =
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
/** The address of {@link TEST_DEPLOYER_KEY}. */
export const TEST_DEPLOYER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc" as Address;

/** Deploys on the chain at `rpcUrl` what `ipool deploy` expects to find there. */
export async function deployExistingContracts(rpcUrl: string): Promise<ExistingContracts> {
  const ctx = await createTxContext({ rpcUrl, account: devnetAccount("deployer") });
  const owner = ctx.walletClient.account.address;
  const tokenArtifact = artifact("TestToken");
  const token = await deployAndWait(
    ctx,
    "token",
    encodeDeployData({
      abi: tokenArtifact.abi,
      bytecode: tokenArtifact.bytecode,
      args: ["API3", "API3", owner],
    }),
  );
  const api3 = await deployApi3(ctx, owner);
  const airnode = devnetAccount("airnode");
  const api3Usd = await setUpLocalDapi(ctx, api3, airnode, "API3/USD", parseEther("1.3"));
  const ethUsd = await setUpLocalDapi(ctx, api3, airnode, "ETH/USD", parseEther("3100"));
  const arbitratorArtifact = artifact("LocalArbitrator");
  const arbitrator = await deployAndWait(
    ctx,
    "arbitrator",
    encodeDeployData({
      abi: arbitratorArtifact.abi,
      bytecode: arbitratorArtifact.bytecode,
      args: [owner, parseEther("0.1"), parseEther("0.2"), 3600n],
    }),
  );
  const registryArtifact = artifact("LocalDisputeTemplateRegistry");
  const registry = await deployAndWait(
    ctx,
    "template registry",
    encodeDeployData({ abi: registryArtifact.abi, bytecode: registryArtifact.bytecode }),
  );
  return {
    token,
    tokenUsdProxy: api3Usd.proxy,
    arbitrator,
    ethUsd: ethUsd.proxy,
    registry,
    api3ServerV1: api3.api3ServerV1,
  };
}

/** The arguments of `ipool deploy` onto `existing` at `rpcUrl` (a mediator of anvil's account 1). */
export function deployArguments(rpcUrl: string, existing: ExistingContracts): string[] {
  return [
    "deploy",
    "--rpc",
    rpcUrl,
    "--token",
    existing.token,
    "--token-usd-proxy",
    existing.tokenUsdProxy,
    "--arbitrator",
    existing.arbitrator,
    "--dapis",
    `ETH/USD=${existing.ethUsd}`,
    "--mediator",
    "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  ];
}
