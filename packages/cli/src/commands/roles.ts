/**
 * Role checks before sending, all in one shape: "only the mediator 0x… can accept claims". A contract's own
 * refusal (`Unauthorized(caller, expected)`, `NotPolicyAgent`, Ownable's `OwnableUnauthorizedAccount`) names an
 * address or nothing; these name the role, its holder and the action.
 */
import { getIsPolicyAgent, getMediator, getPolicy, InvalidInputError } from "@insurance-pool/sdk";
import type { Address } from "viem";
import { readContract } from "viem/actions";
import type { Context } from "../context.ts";
import { claimsManagerOf } from "./claimsShared.ts";

/** A role and the address that holds it, e.g. `{ role: "the mediator", address }`. */
export interface RoleHolder {
  role: string;
  address: Address;
}

/** Refused: the sender holds none of the roles the action needs. */
export class RoleError extends InvalidInputError {
  override name = "RoleError";
}

const same = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();

/**
 * Refuses `sender` unless it is one of `holders`: "only the mediator 0x… can accept claims" (several holders:
 * "only the claimant 0x… or the mediator 0x… can ...").
 */
export function requireRole(sender: Address, holders: RoleHolder[], action: string): void {
  if (holders.some((holder) => same(holder.address, sender))) return;
  const who = holders.map((holder) => `${holder.role} ${holder.address}`).join(" or ");
  throw new RoleError(`only ${who} can ${action}`, {
    metaMessages: [`You are ${sender}; nothing was sent.`],
  });
}

/** The claims manager's mediator as a role holder. */
export async function mediatorRole(ctx: Context): Promise<RoleHolder> {
  const address = await getMediator(ctx.client, { claimsManager: claimsManagerOf(ctx) });
  return { role: "the mediator", address };
}

/** The claimant of policy `policyId` as a role holder. */
export async function claimantRole(ctx: Context, policyId: bigint): Promise<RoleHolder> {
  const policy = await getPolicy(ctx.client, { claimsManager: claimsManagerOf(ctx), policyId });
  return { role: "the claimant", address: policy.claimant };
}

/** Refuses a sender who is not one of the DAO's policy agents (a set, so no single address to name). */
export async function requirePolicyAgent(
  ctx: Context,
  sender: Address,
  action: string,
): Promise<void> {
  const isAgent = await getIsPolicyAgent(ctx.client, {
    claimsManager: claimsManagerOf(ctx),
    agent: sender,
  });
  if (isAgent) return;
  throw new RoleError(`only a policy agent the DAO appointed can ${action}`, {
    metaMessages: [
      `You are ${sender}, not one (the primary agent appoints them: claims.setPolicyAgent); nothing was sent.`,
    ],
  });
}

const ownerAbi = [
  {
    type: "function",
    name: "owner",
    inputs: [],
    outputs: [{ name: "", type: "address" }],
    stateMutability: "view",
  },
] as const;

/** The owner of an arbitrator (the devnet's court; Kleros' centralized arbitrator), when it has one. */
export async function arbitratorOwnerRole(
  ctx: Context,
  arbitrator: Address,
): Promise<RoleHolder | undefined> {
  const owner = await readContract(ctx.client, {
    address: arbitrator,
    abi: ownerAbi,
    functionName: "owner",
  }).catch(() => undefined);
  return owner ? { role: "the arbitrator's owner", address: owner } : undefined;
}
