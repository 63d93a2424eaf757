import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  base58btc,
  cidOfIpfsUri,
  FileTooLargeForCidError,
  IPFS_CHUNK_SIZE,
  ipfsCidV0,
  ipfsPath,
} from "./cid.ts";

describe("ipfsCidV0 (what `ipfs add` prints)", () => {
  it("matches known vectors of kubo's `ipfs add`", () => {
    // `echo "hello world" | ipfs add` and an empty file, the two classic published CIDs.
    assert.equal(ipfsCidV0("hello world\n"), "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    assert.equal(ipfsCidV0(""), "QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
  });

  it("handles a one-chunk file at the chunk size and refuses one byte more", () => {
    const full = new Uint8Array(IPFS_CHUNK_SIZE).fill(0x61);
    assert.match(ipfsCidV0(full), /^Qm[1-9A-HJ-NP-Za-km-z]{44}$/);
    assert.throws(
      () => ipfsCidV0(new Uint8Array(IPFS_CHUNK_SIZE + 1)),
      (error) => error instanceof FileTooLargeForCidError && error.size === IPFS_CHUNK_SIZE + 1,
    );
  });

  it("base58btc keeps leading zero bytes as 1s", () => {
    assert.equal(base58btc(Uint8Array.from([0, 0, 1])), "112");
    assert.equal(base58btc(Uint8Array.from([0xff])), "5Q");
  });
});

describe("IPFS URIs", () => {
  it("reads the CID of every usual form and nothing else", () => {
    const cid = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
    assert.equal(ipfsPath(cid), `/ipfs/${cid}`);
    for (const uri of [`/ipfs/${cid}`, `ipfs://${cid}`, `ipfs/${cid}`, `/ipfs/${cid}/meta.json`]) {
      assert.equal(cidOfIpfsUri(uri), cid, uri);
    }
    for (const uri of ["https://example.com/x.json", "ipfs://", "/ipns/abc", ""]) {
      assert.equal(cidOfIpfsUri(uri), undefined, uri);
    }
  });
});
