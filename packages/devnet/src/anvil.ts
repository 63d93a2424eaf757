/** Starting anvil lives in the SDK (the CLI's `deploy --dry-run` needs it too); re-exported for the devnet. */
export * from "../../sdk/src/anvil.ts";
