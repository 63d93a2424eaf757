/**
 * IPFS content identifiers computed offline, as `ipfs add` (kubo, default settings) computes them for one file:
 * a UnixFS file node in dag-pb, hashed with sha2-256, written as a CIDv0 (`Qm...`, base58btc). That is what Kleros'
 * ERC-1497 documentation and court UIs use (`/ipfs/Qm...` paths behind their gateway) and what every IPFS gateway
 * resolves. Only files that `ipfs add` stores as a single block (at most one 256 KiB chunk) are supported.
 */
import { createHash } from "node:crypto";

/** `ipfs add`'s default chunk size: a file up to this size is one UnixFS block with its data inline. */
export const IPFS_CHUNK_SIZE = 256 * 1024;

/** Thrown for a file that `ipfs add` would split into several blocks (not supported offline). */
export class FileTooLargeForCidError extends Error {
  override name = "FileTooLargeForCidError";
  constructor(readonly size: number) {
    super(
      `a file of ${size} bytes spans several IPFS blocks (more than ${IPFS_CHUNK_SIZE}); not supported`,
    );
  }
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Base58btc (Bitcoin alphabet), the encoding of CIDv0. */
export function base58btc(bytes: Uint8Array): string {
  let value = 0n;
  for (const byte of bytes) value = value * 256n + BigInt(byte);
  let out = "";
  while (value > 0n) {
    out = BASE58[Number(value % 58n)] + out;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    out = `1${out}`;
  }
  return out;
}

function varint(value: number): number[] {
  const out: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  out.push(rest);
  return out;
}

/** A protobuf length-delimited field (wire type 2). */
function bytesField(field: number, bytes: Uint8Array): number[] {
  return [(field << 3) | 2, ...varint(bytes.length), ...bytes];
}

/**
 * The dag-pb block `ipfs add` writes for a one-chunk file: `PBNode { Data: UnixFS { Type: File, Data: content,
 * filesize: length } }` (no links; an empty file has no `Data` field inside UnixFS).
 */
export function unixFsFileBlock(content: Uint8Array): Uint8Array {
  if (content.length > IPFS_CHUNK_SIZE) throw new FileTooLargeForCidError(content.length);
  const unixFs = [
    (1 << 3) | 0, // Type (varint)
    2, // File
    ...(content.length > 0 ? bytesField(2, content) : []),
    (3 << 3) | 0, // filesize (varint)
    ...varint(content.length),
  ];
  return Uint8Array.from(bytesField(1, Uint8Array.from(unixFs)));
}

/** The CIDv0 (dag-pb, UnixFS, sha2-256, base58btc) that `ipfs add` gives `content`. */
export function ipfsCidV0(content: Uint8Array | string): string {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const digest = createHash("sha256").update(unixFsFileBlock(bytes)).digest();
  return base58btc(Uint8Array.from([0x12, 0x20, ...digest]));
}

export { cidOfIpfsUri, ipfsPath } from "./ipfsUri.ts";
