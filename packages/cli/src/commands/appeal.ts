import {
  appeal,
  claimNumber,
  claimStatusName,
  formatAmount,
  getAppealCost,
  getAppealRoute,
  getArbitratorExtraData,
  InvalidInputError,
} from "@insurance-pool/sdk";
import type { Command } from "../command.ts";
import { claimSummary, claimsManagerOf, existingClaim } from "./claimsShared.ts";
import { isKlerosCentralized } from "./disputeView.ts";
import { positionals } from "./shared.ts";

/**
 * Kleros v2 has no appeal through the arbitrable nor `IArbitratorV2`: each side funds its ruling in the dispute kit
 * during the appeal period. Says where, before anything is sent.
 */
function v2AppealError(claimId: bigint, arbitrator: string, call: string): InvalidInputError {
  return new InvalidInputError(
    `claim ${claimNumber(claimId)} is disputed on a Kleros v2 arbitrator (${arbitrator}): appeals are funded in its dispute kit, not through the claims manager`,
    {
      metaMessages: [
        `Fund the ruling you want during the appeal period: ${call} on KlerosCore's`,
        "dispute kit, paying the appeal cost in ETH (choice 1 pays the claim, 2 the settlement);",
        `on the devnet: LocalArbitratorV2.${call.split(".")[1]} at ${arbitrator}.`,
        "Nothing was sent.",
      ],
    },
  );
}

export const appealCommand: Command = {
  name: "appeal",
  role: "dAPI user",
  writes: true,
  summary: "appeal the arbitrator's ruling on a disputed claim, paying the appeal fee in ether",
  usage: "<claimId>",
  description: [
    "Appeals go to the ERC-792 arbitrator of the claim's dispute (appeal(disputeId, extraData)), paying its",
    "appealCost. With Kleros' own CentralizedArbitratorWithAppeal (devnet --arbitrator kleros) the appellant pays",
    "twice the quoted appealCost: its appeal() counts the new round before pricing it (checked against",
    "@kleros/erc-792 8.0.0); ipool sends that amount and says so.",
    "Kleros v2 (an IArbitratorV2 such as KlerosCore): appeals are not made here nor through the claims manager;",
    "each side funds its ruling in the dispute kit during the appeal period, e.g.",
    "DisputeKitClassic.fundAppeal(coreDisputeId, choice) (on the devnet: LocalArbitratorV2.fundAppeal).",
  ].join("\n"),
  run: async (ctx, input) => {
    const [text] = positionals(input, 1, 1, "appeal <claimId>");
    const { claimId, claim } = await existingClaim(ctx, text);
    if (claimStatusName(claim.status) !== "Disputed") {
      throw new InvalidInputError(
        `claim ${claimNumber(claimId)} is ${claimStatusName(claim.status)}, not disputed: nothing to appeal`,
      );
    }
    const claimsManager = claimsManagerOf(ctx);
    const arbitrator = claim.arbitrator;
    const disputeId = claim.disputeId;
    const route = await getAppealRoute(ctx.client, { claimsManager, arbitrator, disputeId });
    if (route.via === "disputeKit") throw v2AppealError(claimId, arbitrator, route.call);
    const client = await ctx.wallet();
    const extraData = await getArbitratorExtraData(ctx.client, { claimsManager });
    const quoted = await getAppealCost(ctx.client, { arbitrator, disputeId, extraData });
    // Kleros' CentralizedArbitratorWithAppeal prices the round it is about to open: twice its quote.
    const klerosCentralized = isKlerosCentralized(ctx, arbitrator);
    const value = klerosCentralized ? 2n * quoted : quoted;
    const fee = formatAmount(value, 18, { symbol: "ETH" });
    await ctx.send(
      `appeal dispute ${disputeId} (fee ${fee}${klerosCentralized ? ", twice the quoted appealCost: Kleros' CentralizedArbitratorWithAppeal" : ""})`,
      (hooks) => appeal(client, { ...hooks, arbitrator, disputeId, extraData, value }),
    );
    const summary = await claimSummary(ctx, claimId);
    return {
      lines: summary.lines,
      data: { disputeId, fee: value, quotedAppealCost: quoted, ...summary.data },
    };
  },
};
