/**
 * Registers Insurance Pool's Kleros v2 dispute template (contracts/dispute/template-v2.json and its data mappings) in a
 * `DisputeTemplateRegistry` (Kleros' own on Arbitrum One, LocalDisputeTemplateRegistry on the devnet).
 */
import { type Address, decodeEventLog, encodeFunctionData } from "viem";
import { disputeTemplateV2, disputeTemplateV2Mappings } from "../dispute/files.ts";
import { iDisputeTemplateRegistryAbi } from "../generated/contracts.ts";
import { DeployError, sendAndWait, type TxContext } from "./context.ts";

/** The tag Insurance Pool registers its template under. */
export const DISPUTE_TEMPLATE_TAG = "insurance-pool/claims-v1";

/** Parameters of {@link registerDisputeTemplate}. */
export interface RegisterDisputeTemplateParameters {
  registry: Address;
  /** Where the mappings' event lookups start: the claims manager's deployment block or earlier. */
  fromBlock: bigint;
}

/** Registers the template with its mappings and returns the template id the registry assigned. */
export async function registerDisputeTemplate(
  ctx: TxContext,
  { registry, fromBlock }: RegisterDisputeTemplateParameters,
): Promise<bigint> {
  const label = "DisputeTemplateRegistry: register the claims template";
  const receipt = await sendAndWait(ctx, label, {
    to: registry,
    data: encodeFunctionData({
      abi: iDisputeTemplateRegistryAbi,
      functionName: "setDisputeTemplate",
      args: [DISPUTE_TEMPLATE_TAG, disputeTemplateV2(), disputeTemplateV2Mappings(fromBlock)],
    }),
  });
  for (const log of receipt.logs) {
    if (log.address.toLowerCase() !== registry.toLowerCase()) continue;
    try {
      const event = decodeEventLog({ abi: iDisputeTemplateRegistryAbi, ...log });
      if (event.eventName === "DisputeTemplate") return event.args._templateId;
    } catch {
      // not the registry's event
    }
  }
  throw new DeployError(
    label,
    "the registry announced no DisputeTemplate",
    receipt.transactionHash,
  );
}
