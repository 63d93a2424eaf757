import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Address, createClient, http, parseEther } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { approve } from "../actions/token/approve.ts";
import { BaseError } from "../errors/base.ts";
import {
  buyCoverage,
  depositAndStake,
  getActiveCoverageUsd,
  getCapacityUsd,
  getCollateralizationRatio,
  getDapiCount,
  getPriceHaircut,
  getPricingCurve,
  getStayingStake,
  getTokenPrice,
  quoteCoverage,
} from "../generated/actions.ts";
import { type DevnetFixture, startDevnetFixture } from "../testing/devnetFixture.ts";
import { prng } from "../testing/poolFixture.ts";
import type { WalletClient } from "../utils/transaction.ts";
import { capacityPriceOf, quotePremium, tokensToUsd, WAD } from "./premium.ts";

const SEED = Number(process.env.IPOOL_FUZZ_SEED ?? 7);
const STEPS = 30;

describe("premium maths = the claims manager's quote, over random on-chain states", () => {
  let fx: DevnetFixture;
  let claimsManager: Address;
  let pool: Address;
  const wallets = new Map<string, WalletClient>();
  const wallet = (role: string): WalletClient => {
    let client = wallets.get(role);
    if (!client) {
      const index = fx.deployment.accounts?.[role]?.index ?? 0;
      client = createClient({
        account: mnemonicToAccount("test test test test test test test test test test test junk", {
          addressIndex: index,
        }),
        chain: fx.deployer.walletClient.chain,
        transport: http(fx.anvil.rpcUrl),
        pollingInterval: 50,
      }) as WalletClient;
      wallets.set(role, client);
    }
    return client;
  };

  before(async () => {
    fx = await startDevnetFixture();
    claimsManager = fx.deployment.contracts.claimsManager as Address;
    pool = fx.deployment.contracts.stakingPool;
    for (const role of ["alice", "policyholder"]) {
      for (const spender of [pool, claimsManager]) {
        await approve(wallet(role), {
          token: fx.deployment.contracts.token,
          spender,
          amount: 2n ** 255n,
        });
      }
    }
    await depositAndStake(wallet("alice"), { pool, amount: parseEther("50000") });
  });
  after(async () => fx?.stop());

  it(`quotePremium equals quoteCoverage (seed ${SEED})`, async () => {
    const random = prng(SEED);
    const client = fx.deployer.publicClient;
    const dapis = await getDapiCount(client, { claimsManager });
    let checks = 0;
    let purchases = 0;
    for (let step = 0; step < STEPS; step++) {
      const action = random.pick(["stake", "buy", "buy", "price", "warp"] as const);
      try {
        if (action === "stake") {
          await depositAndStake(wallet("alice"), {
            pool,
            amount: 1n + random.bigint(parseEther("40000")),
          });
        } else if (action === "buy") {
          const available = await getCapacityUsd(client, { claimsManager });
          await buyCoverage(wallet("policyholder"), {
            claimsManager,
            dapiId: 1n + random.bigint(dapis - 1n),
            coverageUsd: 1n + random.bigint(available / 3n),
            period: BigInt(86_400 + Math.floor(random.next() * 300 * 86_400)),
            maxPremium: 2n ** 200n,
            policyURI: "",
          });
          purchases++;
        } else if (action === "price") {
          // The pool token between 0.05 and 20 USD: utilization moves with it.
          await fx.refreshFeeds({
            "API3/USD": parseEther("0.05") + random.bigint(parseEther("20")),
          });
        } else {
          await fx.warp(1 + Math.floor(random.next() * 20 * 86_400));
        }
      } catch (error) {
        assert.ok(error instanceof BaseError, `step ${step} ${action}: ${String(error)}`);
      }
      const [
        activeCoverageUsd,
        price,
        stayingStake,
        collateralizationRatio,
        priceHaircut,
        [baseRate, slope1, kink, slope2],
      ] = await Promise.all([
        getActiveCoverageUsd(client, { claimsManager }),
        getTokenPrice(client, { claimsManager }),
        getStayingStake(client, { pool }),
        getCollateralizationRatio(client, { claimsManager }),
        getPriceHaircut(client, { claimsManager }),
        getPricingCurve(client, { claimsManager }),
      ]);
      const curve = { baseRate, slope1, kink, slope2 };
      assert.equal(
        tokensToUsd(
          (stayingStake * collateralizationRatio) / WAD,
          capacityPriceOf(price, priceHaircut),
        ),
        await getCapacityUsd(client, { claimsManager }),
        `capacity, step ${step}`,
      );
      for (let sample = 0; sample < 4; sample++) {
        const dapiId = 1n + random.bigint(dapis - 1n);
        const coverageUsd = random.bigint(10n ** BigInt(18 + Math.floor(random.next() * 8)));
        const period = BigInt(Math.floor(random.next() * 730 * 86_400));
        const [premium] = await quoteCoverage(client, {
          claimsManager,
          dapiId,
          coverageUsd,
          period,
        });
        const quote = quotePremium({
          coverageUsd,
          period,
          activeCoverageUsd,
          price,
          stayingStake,
          collateralizationRatio,
          priceHaircut,
          curve,
        });
        assert.equal(
          quote.premium,
          premium,
          `step ${step} ${action}: coverage ${coverageUsd} for ${period}s at ${price}`,
        );
        checks++;
      }
    }
    assert.equal(checks, STEPS * 4);
    assert.ok(purchases >= 3, `only ${purchases} purchases went through: utilization barely moved`);
  });
});
