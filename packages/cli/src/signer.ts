/**
 * Who signs: `--account` (the devnet's well-known accounts, by index or role), `--keystore` (an encrypted
 * Web3 Secret Storage file or a name in Foundry's keystore folder, with `--password-file` or a password
 * prompt), `--private-key-file`, or the key in `$IPOOL_PRIVATE_KEY`. A private key is never taken on the
 * command line (it would stay in the shell's history) and never printed.
 */
import { pbkdf2Sync } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Deployment, InvalidInputError } from "@insurance-pool/sdk";
import type { Account, Hex } from "viem";
import { HDKey, hdKeyToAccount, privateKeyToAccount } from "viem/accounts";
import type { Io } from "./io.ts";
import { decryptKeystore, KeystoreError, keystorePath } from "./keystore.ts";
import { UsageError } from "./usage.ts";

/** anvil's default mnemonic: `--account <index>` derives the devnet's well-known accounts from it. */
export const DEVNET_MNEMONIC = "test test test test test test test test test test test junk";

/** The key options as parsed. */
export interface KeyOptions {
  account?: string | undefined;
  keystore?: string | undefined;
  passwordFile?: string | undefined;
  privateKeyFile?: string | undefined;
}

function fromPrivateKey(text: string, source: string): Account {
  const key = text.trim();
  const hex = (key.startsWith("0x") ? key : `0x${key}`) as Hex;
  // The message names where the key came from, never the key.
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex))
    throw new InvalidInputError(`${source} is not a 32-byte hex private key`);
  return privateKeyToAccount(hex);
}

function devnetAccount(text: string, deployment: Deployment | undefined): Account {
  const name = text.trim();
  const role = deployment?.accounts?.[name];
  const index = role ? role.index : /^\d+$/.test(name) ? Number(name) : Number.NaN;
  if (!Number.isInteger(index) || index < 0 || index > 1_000) {
    const roles = Object.keys(deployment?.accounts ?? {});
    throw new InvalidInputError(`--account "${name}" is neither a devnet index nor a role`, {
      metaMessages: [
        roles.length
          ? `Roles in this deployment: ${roles.join(", ")}`
          : "Use an index, e.g. --account 1",
      ],
    });
  }
  return hdKeyToAccount(devnetRoot(), { addressIndex: index });
}

let root: HDKey | undefined;
/**
 * The devnet mnemonic's BIP-32 root. The BIP-39 seed (PBKDF2-HMAC-SHA512, 2,048 rounds) comes from node's
 * native crypto: viem's `mnemonicToAccount` computes it in JavaScript, ~300 ms of every `--account` run.
 */
function devnetRoot(): HDKey {
  root ??= HDKey.fromMasterSeed(
    pbkdf2Sync(DEVNET_MNEMONIC.normalize("NFKD"), "mnemonic", 2048, 64, "sha512"),
  );
  return root;
}

async function keystoreAccount(options: KeyOptions, io: Io): Promise<Account> {
  const file = keystorePath(options.keystore as string, io.cwd);
  let password: string;
  if (options.passwordFile !== undefined) {
    try {
      password = readFileSync(resolve(io.cwd, options.passwordFile), "utf8").replace(/\r?\n$/, "");
    } catch (error) {
      throw new UsageError(
        `--password-file: cannot read ${options.passwordFile} (${(error as NodeJS.ErrnoException).code})`,
      );
    }
  } else if (io.prompt) {
    password = await io.prompt(`password for keystore ${file}: `);
  } else {
    throw new UsageError(
      `keystore ${file} needs its password: pass --password-file <file> or run in a terminal`,
    );
  }
  try {
    return privateKeyToAccount(decryptKeystore(file, password));
  } catch (error) {
    if (error instanceof KeystoreError) throw new InvalidInputError(error.message);
    throw error;
  }
}

/** The signing account the options and the environment name, or undefined when none is given. */
export async function resolveSigner(
  options: KeyOptions,
  io: Io,
  deployment: Deployment | undefined,
): Promise<Account | undefined> {
  const given = [options.account, options.keystore, options.privateKeyFile].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1)
    throw new UsageError("give one of --account, --keystore and --private-key-file");
  if (options.account !== undefined) return devnetAccount(options.account, deployment);
  if (options.keystore !== undefined) return keystoreAccount(options, io);
  if (options.privateKeyFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, options.privateKeyFile), "utf8");
    } catch (error) {
      throw new UsageError(
        `--private-key-file: cannot read ${options.privateKeyFile} (${(error as NodeJS.ErrnoException).code})`,
      );
    }
    return fromPrivateKey(text, `the key in ${options.privateKeyFile}`);
  }
  const key = io.env.IPOOL_PRIVATE_KEY?.trim();
  if (key) return fromPrivateKey(key, "IPOOL_PRIVATE_KEY");
  return undefined;
}
