import {
  buyCoverage,
  buyParametricCoverage,
  ensureAllowance,
  formatUsd,
  iClaimsManagerAbi,
  PreflightError,
  policyNumber,
  preflightWithAllowance,
  quoteParametricCoverage,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimsManagerOf, parseUsd, resolveDapi } from "./claimsShared.ts";
import { periodOption } from "./quote.ts";
import { positionals, stringOption } from "./shared.ts";

export const buyCommand: Command = {
  name: "buy",
  role: "dAPI user",
  writes: true,
  summary: "buy coverage on a dAPI at the quoted premium (approves the premium when needed)",
  usage: "<coverageUsd>",
  options: {
    dapi: {
      type: "string",
      value: "<name|id>",
      description: "the covered dAPI (optional when only one is covered)",
    },
    period: {
      type: "string",
      value: "<duration>",
      description: "30d (default), 2w, 1y, or seconds",
    },
    "max-premium": {
      type: "string",
      value: "<amount>",
      description: "most tokens to pay (default: the quote + 1%)",
    },
    uri: { type: "string", value: "<uri>", description: "the policy document (default: none)" },
    parametric: {
      type: "boolean",
      description:
        "parametric coverage: pays without a mediator on an incident the IncidentRegistry records (premium x the risk factor)",
    },
  },
  description:
    "A parametric policy pins the dAPI's incident definition; on a recorded incident that starts in its cover, `ipool claim-parametric` pays its remaining coverage (within the per-incident cap) with no bond and no mediator. It can still file ordinary claims.\nExample: ipool buy 10k --dapi ETH/USD --period 30d --account policyholder",
  run: async (ctx, input) => {
    const [text] = positionals(
      input,
      1,
      1,
      "buy <coverageUsd> --dapi <name|id> --period <duration>",
    );
    const coverageUsd = parseUsd(text, "coverage");
    const period = await periodOption(ctx, stringOption(input, "period"));
    const maxText = stringOption(input, "max-premium");
    const maxGiven = maxText === undefined ? undefined : ctx.amount(maxText, "--max-premium");
    const policyURI = stringOption(input, "uri") ?? "";
    const dapiId = await resolveDapi(ctx, stringOption(input, "dapi"));
    const client = await ctx.wallet();
    const claimsManager = claimsManagerOf(ctx);
    const parametric = input.values.parametric === true;
    const terms = await quoteParametricCoverage(ctx.client, {
      claimsManager,
      dapiId,
      coverageUsd,
      period,
    });
    const { availableUsd } = terms;
    const quoted = parametric ? terms.premium : terms.quote;
    if (coverageUsd > availableUsd) {
      throw new PreflightError(
        `${formatUsd(coverageUsd)} of coverage exceeds the ${formatUsd(availableUsd)} available on dAPI ${dapiId}`,
      );
    }
    const maxPremium = maxGiven ?? quoted + quoted / 100n;
    if (quoted > maxPremium) {
      throw new PreflightError(
        `the premium ${ctx.show(quoted)} exceeds --max-premium ${ctx.show(maxPremium)}`,
      );
    }
    await preflightWithAllowance(client, {
      token: ctx.token.address,
      spender: claimsManager,
      amount: maxPremium,
      call: {
        address: claimsManager,
        abi: iClaimsManagerAbi,
        functionName: parametric ? "buyParametricCoverage" : "buyCoverage",
        args: [dapiId, coverageUsd, period, maxPremium, policyURI],
      },
      tokenInfo: ctx.token,
      account: client.account.address,
      functionName: "buy coverage",
    });
    await ctx.send("approve premium", (hooks) =>
      ensureAllowance(client, {
        ...hooks,
        token: ctx.token.address,
        spender: claimsManager,
        amount: maxPremium,
      }),
    );
    const kind = parametric ? "parametric coverage" : "coverage";
    const { result } = await ctx.send(`buy ${formatUsd(coverageUsd)} of ${kind}`, (hooks) =>
      (parametric ? buyParametricCoverage : buyCoverage)(client, {
        ...hooks,
        claimsManager,
        dapiId,
        coverageUsd,
        period,
        maxPremium,
        policyURI,
      }),
    );
    const [policyId, premium] = result;
    return {
      lines: [
        `${parametric ? "parametric policy" : "policy"} ${policyNumber(policyId)}: ${formatUsd(coverageUsd)} on dAPI ${dapiId}, premium ${ctx.show(premium)}`,
      ],
      data: {
        policyId,
        policyNumber: policyNumber(policyId),
        dapiId,
        coverageUsd,
        period,
        premium,
        parametric,
      },
    };
  },
};
