import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { decryptKeystore, keystorePath } from "./keystore.ts";

const folder = join(import.meta.dirname, "testdata", "keystores");

describe("Web3 Secret Storage keystores", () => {
  it("decrypts a keystore written by Foundry's `cast wallet import` (scrypt)", () => {
    assert.equal(
      decryptKeystore(join(folder, "ipool-test"), "correct horse"),
      "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    );
    assert.throws(
      () => decryptKeystore(join(folder, "ipool-test"), "correct horse "),
      /wrong password for keystore/,
    );
  });

  it("decrypts the Web3 Secret Storage definition's PBKDF2 test vector", () => {
    const dir = mkdtempSync(join(tmpdir(), "ipool-keystore-"));
    const file = join(dir, "pbkdf2.json");
    writeFileSync(
      file,
      JSON.stringify({
        crypto: {
          cipher: "aes-128-ctr",
          cipherparams: { iv: "6087dab2f9fdbbfaddc31a909735c1e6" },
          ciphertext: "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
          kdf: "pbkdf2",
          kdfparams: {
            c: 262144,
            dklen: 32,
            prf: "hmac-sha256",
            salt: "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd",
          },
          mac: "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2",
        },
        id: "3198bc9c-6672-5ab3-d995-4942343ae5b6",
        version: 3,
      }),
    );
    assert.equal(
      decryptKeystore(file, "testpassword"),
      "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d",
    );
  });

  it("finds a keystore by path or by name in the keystore folder, and lists the folder otherwise", () => {
    assert.equal(keystorePath(join(folder, "ipool-test"), "/"), join(folder, "ipool-test"));
    assert.equal(keystorePath("ipool-test", "/", folder), join(folder, "ipool-test"));
    assert.throws(
      () => keystorePath("nobody", "/", folder),
      (error: Error & { metaMessages?: string[] }) => {
        assert.match(error.message, /--keystore "nobody" is neither a file nor a keystore in/);
        assert.deepEqual(error.metaMessages, ["Keystores there: ipool-test"]);
        return true;
      },
    );
  });
});
