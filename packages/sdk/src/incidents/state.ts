/** Where an incident record stands, for display and for claims: the registry's rules, mirrored. */

/** An incident record as `getIncident` returns it (`IIncidentRegistry.Incident`). */
export interface IncidentRecord {
  /** 0: stale, 1: deviation. */
  kind: number;
  definitionVersion: number;
  startedAt: number;
  lastProvenAt: number;
  payableAt: number;
  feedUpdatedAt: number;
  deviationBps: number;
  lastSignedAt: number;
  voided: boolean;
}

/**
 * - `voided`: the mediator voided it (never pays);
 * - `unconfirmed`: a deviation shown once; a second report at least the confirmation gap later confirms it;
 * - `challengeable`: confirmed, the mediator may still void it until `payableAt`;
 * - `payable`: proven (a stale incident from its first report; a deviation from `payableAt`).
 */
export type IncidentState = "voided" | "unconfirmed" | "challengeable" | "payable";

/** The state of `incident` at `now` (unix seconds): see {@link IncidentState}. */
export function incidentState(incident: IncidentRecord, now: bigint): IncidentState {
  if (incident.voided) return "voided";
  if (incident.payableAt === 0) return "unconfirmed";
  return now < BigInt(incident.payableAt) ? "challengeable" : "payable";
}

/** "stale" or "deviation". */
export function incidentKindName(kind: number): "stale" | "deviation" {
  return kind === 0 ? "stale" : "deviation";
}
