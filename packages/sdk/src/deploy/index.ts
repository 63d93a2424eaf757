/**
 * `@insurance-pool/sdk/deploy`: deploys the whole system (pool, claims manager, the DAO's two agents) on top
 * of an existing token, its USD dAPI proxy and an ERC-792 arbitrator, one confirmed transaction at a time.
 * The devnet's own deployment (API3's contracts, test token) stays in the repository (`deploy/devnet.ts`).
 *
 * @packageDocumentation
 */

export {
  claimsPolicy,
  DISPUTE_TEXT_FILES,
  type DisputeTextFile,
  disputeTemplateV2,
  metaEvidence,
  metaEvidenceURI,
  publishInstructions,
} from "../dispute/files.ts";
/** The contracts' creation code (apart from the main entry's ABIs: only deployments need it). */
export * from "../generated/bytecodes.ts";
export {
  type Artifact,
  ArtifactMissingError,
  artifact,
  claimsManagerAbi,
  fullAbi,
  hasArtifact,
} from "./artifacts.ts";
export {
  beaconServerAbi,
  deriveBeaconId,
  encodeBeaconUpdate,
  pushBeaconValue,
  signBeaconValue,
} from "./beacon.ts";
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
  deployIncidentRegistry,
  type IncidentDefinition,
  type IncidentReference,
  type IncidentRegistryParameters,
  sortReferences,
  staleOnlyDefinition,
} from "./incidents.ts";
export {
  type ArbitratorV2Parameters,
  DEFAULT_DAPI_CAP_SHARE,
  DEFAULT_DAPI_GRACE,
  DEFAULT_DAPI_HEARTBEAT,
  DEFAULT_GOVERNANCE,
  dapiNameOf,
  deploySystem,
  type GovernanceParameters,
  type SystemContracts,
  type SystemParameters,
} from "./system.ts";
export { checkArbitrator, topologyOf } from "./topology.ts";
