/**
 * Web3 Secret Storage (version 3) keystores, the JSON files Foundry keeps in `~/.foundry/keystores/<name>`
 * (`cast wallet import`, `cast wallet new`) and geth in its keystore folder: scrypt or PBKDF2-SHA256 key
 * derivation, AES-128-CTR, a Keccak-256 MAC that tells a wrong password.
 */
import { createDecipheriv, pbkdf2Sync, scryptSync, timingSafeEqual } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { type Hex, keccak256, toHex } from "viem";
import { UsageError } from "./usage.ts";

/** Foundry's keystore folder. */
export const FOUNDRY_KEYSTORES = join(homedir(), ".foundry", "keystores");

interface KeystoreJson {
  version?: number;
  crypto?: KeystoreCrypto;
  Crypto?: KeystoreCrypto;
}

interface KeystoreCrypto {
  cipher: string;
  cipherparams: { iv: string };
  ciphertext: string;
  kdf: string;
  kdfparams: {
    dklen: number;
    salt: string;
    n?: number;
    r?: number;
    p?: number;
    c?: number;
    prf?: string;
  };
  mac: string;
}

/** A keystore that cannot be used: unreadable, not version 3, an unsupported cipher, a wrong password. */
export class KeystoreError extends Error {
  override name = "KeystoreError";
}

/**
 * The file `--keystore` names: a path, or a name in Foundry's keystore folder (`~/.foundry/keystores`).
 * Throws a usage error listing the folder's keystores when neither exists.
 */
export function keystorePath(nameOrPath: string, cwd: string, folder = FOUNDRY_KEYSTORES): string {
  const asPath = resolve(cwd, nameOrPath);
  if (existsSync(asPath)) return asPath;
  const inFolder = join(folder, nameOrPath);
  if (!nameOrPath.includes("/") && existsSync(inFolder)) return inFolder;
  const names = existsSync(folder) ? readdirSync(folder) : [];
  throw new UsageError(`--keystore "${nameOrPath}" is neither a file nor a keystore in ${folder}`, {
    metaMessages: [
      names.length ? `Keystores there: ${names.join(", ")}` : "That folder holds no keystore.",
    ],
  });
}

const bytes = (hex: string) => Buffer.from(hex.replace(/^0x/, ""), "hex");

/** Decrypts a version-3 keystore file with `password`; returns the private key. */
export function decryptKeystore(file: string, password: string): Hex {
  let json: KeystoreJson;
  try {
    json = JSON.parse(readFileSync(file, "utf8")) as KeystoreJson;
  } catch (error) {
    throw new KeystoreError(`keystore ${file} is not JSON: ${(error as Error).message}`);
  }
  const crypto = json.crypto ?? json.Crypto;
  if (json.version !== 3 || !crypto) {
    throw new KeystoreError(`${file} is not a version 3 keystore (Web3 Secret Storage)`);
  }
  if (crypto.cipher !== "aes-128-ctr") {
    throw new KeystoreError(
      `keystore ${file} uses the cipher ${crypto.cipher}; only aes-128-ctr is supported`,
    );
  }
  const { kdfparams } = crypto;
  let derived: Buffer;
  if (crypto.kdf === "scrypt") {
    const { n = 0, r = 0, p = 0 } = kdfparams;
    derived = scryptSync(password, bytes(kdfparams.salt), kdfparams.dklen, {
      N: n,
      r,
      p,
      maxmem: 128 * n * r * p + 16 * 1024 * 1024,
    });
  } else if (crypto.kdf === "pbkdf2" && (kdfparams.prf ?? "hmac-sha256") === "hmac-sha256") {
    derived = pbkdf2Sync(
      password,
      bytes(kdfparams.salt),
      kdfparams.c ?? 0,
      kdfparams.dklen,
      "sha256",
    );
  } else {
    throw new KeystoreError(
      `keystore ${file} uses the key derivation ${crypto.kdf}; scrypt or pbkdf2 expected`,
    );
  }
  const ciphertext = bytes(crypto.ciphertext);
  const mac = bytes(keccak256(Buffer.concat([derived.subarray(16, 32), ciphertext])));
  const expected = bytes(crypto.mac);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
    throw new KeystoreError(`wrong password for keystore ${file}`);
  }
  const decipher = createDecipheriv(
    "aes-128-ctr",
    derived.subarray(0, 16),
    bytes(crypto.cipherparams.iv),
  );
  const key = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return toHex(key);
}
