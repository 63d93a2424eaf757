/**
 * `@insurance-pool/sdk/deploy`: deploys the whole system (pool, claims manager, the DAO's two agents) on top
 * of an existing token, its USD dAPI proxy and an ERC-792 arbitrator, one confirmed transaction at a time.
 * The devnet's own deployment (API3's contracts, test token) stays in the repository (`deploy/devnet.ts`).
 *
 * @packageDocumentation
 */
export {
  type Artifact,
  ArtifactMissingError,
  artifact,
  claimsManagerAbi,
  fullAbi,
  hasArtifact,
} from "./artifacts.ts";
export {
  chainFor,
  createTxContext,
  DeployError,
  deployAndWait,
  sendAndWait,
  type TxContext,
  type TxRecord,
} from "./context.ts";
export {
  DEFAULT_DAPI_CAP_SHARE,
  DEFAULT_GOVERNANCE,
  DEFAULT_META_EVIDENCE_URI,
  dapiNameOf,
  deploySystem,
  type GovernanceParameters,
  type SystemContracts,
  type SystemParameters,
} from "./system.ts";
