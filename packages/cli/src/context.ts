import { existsSync } from "node:fs";
import { resolve } from "node:path";
import {
  type Deployment,
  formatAmount,
  getTokenInfo,
  InvalidInputError,
  parseAmount,
  type ReadClient,
  readDeployment,
  type WalletClient,
  type WriteHooks,
  type WriteResult,
} from "@insurance-pool/sdk";
import {
  type Account,
  type Address,
  createClient,
  defineChain,
  getAddress,
  type Hash,
  isAddress,
} from "viem";
import { getChainId } from "viem/actions";
import { type Io, Spinner } from "./io.ts";
import { createPlan, type Plan } from "./plan.ts";
import { resolveSigner } from "./signer.ts";
import { parseTransactionOptions, type TransactionOptions } from "./transactionOptions.ts";
import { deadlineTransport, type RpcHealth, watchRpc } from "./transport.ts";
import { asUsageError, refuseNegative, UsageError } from "./usage.ts";

export { DEVNET_MNEMONIC } from "./signer.ts";

/** A transaction sent by a command: recorded the moment it is sent, completed by its receipt. */
export interface SentTransaction {
  label: string;
  hash: Hash;
  nonce: number;
  /** Set once the receipt arrived. */
  gasUsed?: bigint;
  block?: bigint;
}

/** What every command gets, even one without a deployment (e.g. `deploy`). */
export interface BaseContext {
  io: Io;
  json: boolean;
  /** `--rpc` as given. */
  rpcUrl: string | undefined;
  /** The key from `--account`, `--keystore`, `--private-key-file` or IPOOL_PRIVATE_KEY. */
  signer: Account | undefined;
  /** Every transaction sent so far (listed on failure, so nothing is sent unknowingly). */
  transactions: SentTransaction[];
  spinner: Spinner;
  /** `--dry-run`, `--calldata` or `--safe-json`: what the writes were replaced by (undefined: they are sent). */
  plan: Plan | undefined;
  /**
   * Runs a write action with progress on stderr and records its hash and gas (an action may resolve
   * `undefined` when it had nothing to send, e.g. an allowance that already suffices). Under `--dry-run`,
   * `--calldata` or `--safe-json` the action's transaction is planned (simulated, recorded) instead.
   */
  send: <sent extends WriteResult<unknown> | undefined>(
    label: string,
    action: (hooks: WriteHooks) => Promise<sent>,
  ) => Promise<sent>;
}

/** Everything a command needs: the deployment, clients, the token, parsing and sending helpers. */
export interface Context extends BaseContext {
  deployment: Deployment;
  /** The deployment file's path. */
  deploymentPath: string;
  client: ReadClient;
  /** The signer's address when a key (or, for a plan, `--from`) was given. */
  account: Address | undefined;
  token: { address: Address; symbol: string; decimals: number };
  /** The signing client (or, for a plan, an address-only one); throws a clear error when no key was given. */
  wallet: () => Promise<WalletClient>;
  /** Parses a human token amount (`1.5k`, `0.25`) for the option or argument `what`. */
  amount: (text: string | undefined, what: string) => bigint;
  /** Formats token base units with the symbol. */
  show: (amount: bigint) => string;
  /** Parses an address, a devnet role name from the deployment, or `me`. */
  address: (text: string | undefined, what: string) => Address;
}

/** The global and transaction options as parsed (keyed by long option name). */
export type GlobalValues = Record<string, string | boolean | undefined>;

const text = (value: string | boolean | undefined) =>
  typeof value === "string" ? value : undefined;

/** Builds the context of a command that needs no deployment. */
export async function createBaseContext(
  values: GlobalValues,
  io: Io,
  deployment?: Deployment,
  tokenInfo?: { symbol: string; decimals: number },
  rpc?: { client: ReadClient; health: RpcHealth; url: string },
): Promise<BaseContext> {
  const json = Boolean(values.json);
  const spinner = new Spinner(io, !json);
  const transactions: SentTransaction[] = [];
  const options: TransactionOptions = parseTransactionOptions(values);
  const signer = await resolveSigner(
    {
      account: text(values.account),
      keystore: text(values.keystore),
      passwordFile: text(values["password-file"]),
      privateKeyFile: text(values["private-key-file"]),
    },
    io,
    deployment,
  );
  const plan =
    options.mode === "send" || !rpc ? undefined : createPlan(options, rpc.client, tokenInfo);
  // A dead RPC ends the wait for a receipt too (viem's receipt polling would retry forever).
  const watched = <T>(work: (signal?: AbortSignal) => Promise<T>): Promise<T> =>
    rpc ? watchRpc(work, rpc.health, rpc.url) : work();
  let nextNonce = options.settings.nonce;
  return {
    io,
    json,
    rpcUrl: text(values.rpc),
    signer,
    transactions,
    spinner,
    plan,
    send: async (label, action) => {
      const hooks: WriteHooks = { ...(tokenInfo ? { tokenInfo } : {}) };
      if (plan) return action({ ...hooks, intercept: (call) => plan.add(label, call) });
      let sent: SentTransaction | undefined;
      try {
        const result = await watched((signal) =>
          action({
            ...hooks,
            transaction: {
              ...options.settings,
              ...(nextNonce === undefined ? {} : { nonce: nextNonce }),
              ...(signal ? { signal } : {}),
            },
            onSubmitted: (hash, { nonce }) => {
              sent = { label, hash, nonce };
              transactions.push(sent);
              if (nextNonce !== undefined) nextNonce = nonce + 1;
              // Said at once, so an interrupted wait still tells what went out.
              if (!json) io.stderr(`sent ${label}: tx ${hash} nonce ${nonce}\n`);
              spinner.start(`${label}: waiting for ${hash}`);
            },
          }),
        );
        if (result && sent) {
          sent.gasUsed = result.gasUsed;
          sent.block = result.receipt.blockNumber;
        }
        return result;
      } finally {
        spinner.stop();
      }
    },
  };
}

function readDeploymentFile(path: string): Deployment {
  if (!existsSync(path)) {
    throw new InvalidInputError(`no deployment file at ${path}`, {
      metaMessages: [
        "Start the devnet (npm start) or pass --deployment <file> (e.g. deployments/<chainId>.json).",
      ],
    });
  }
  try {
    return readDeployment(path);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0] ?? "";
    // readDeployment names the file for a missing field; a JSON syntax error does not.
    throw new InvalidInputError(
      message.includes(path) ? message : `deployment file ${path}: ${message}`,
    );
  }
}

/** Builds the context of a command from the global options and the deployment file. */
export async function createContext(values: GlobalValues, io: Io): Promise<Context> {
  parseTransactionOptions(values); // malformed options are usage errors, before any file or RPC
  const path = resolve(
    io.cwd,
    text(values.deployment) ?? io.env.IPOOL_DEPLOYMENT ?? ".devnet/deployment.json",
  );
  const deployment = readDeploymentFile(path);
  const rpcUrl = text(values.rpc) ?? deployment.rpcUrl;
  if (!/^https?:\/\//.test(rpcUrl)) throw new UsageError(`--rpc "${rpcUrl}" is not an http(s) URL`);
  const chain = defineChain({
    id: deployment.chainId,
    name: `chain ${deployment.chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const local = deployment.chainId === 31337;
  const { transport, health } = deadlineTransport(rpcUrl);
  const pollingInterval = local ? 50 : 1_000;
  const client = createClient({ chain, transport, pollingInterval }) as ReadClient;
  const [chainId, info] = await Promise.all([
    getChainId(client),
    getTokenInfo(client, { token: deployment.contracts.token }).catch(
      (error: unknown) => error as Error,
    ),
  ]);
  if (chainId !== deployment.chainId) {
    throw new InvalidInputError(
      `${values.rpc === undefined ? "the deployment's rpcUrl" : "--rpc"} ${rpcUrl} serves chain ${chainId}, but ${path} is a deployment on chain ${deployment.chainId}`,
    );
  }
  if (info instanceof Error) {
    throw new InvalidInputError(
      `cannot read the pool token at ${deployment.contracts.token} through ${rpcUrl}`,
      {
        details: (info as { shortMessage?: string }).shortMessage ?? info.message,
      },
    );
  }
  const token = { address: info.address, symbol: info.symbol, decimals: info.decimals };
  const base = await createBaseContext(values, io, deployment, token, {
    client,
    health,
    url: rpcUrl,
  });
  const from = base.plan?.from;
  const signer = base.signer;
  let checkedWallet: WalletClient | undefined;

  const ctx: Context = {
    ...base,
    deployment,
    deploymentPath: path,
    client,
    account: signer?.address ?? from,
    token,
    wallet: async () => {
      if (checkedWallet) return checkedWallet;
      // A plan (dry run, calldata, Safe batch) signs nothing: the sender's address is enough.
      const account = signer ?? (base.plan ? (from ?? undefined) : undefined);
      if (!account) {
        throw new InvalidInputError("this command sends a transaction and needs a key", {
          metaMessages: [
            base.plan
              ? "Pass --from <address> (the sender to simulate), or a key."
              : "Pass --account <devnet index or role>, --keystore <name|file>, --private-key-file <file>, or set IPOOL_PRIVATE_KEY.",
          ],
        });
      }
      checkedWallet = createClient({ account, chain, transport, pollingInterval }) as WalletClient;
      return checkedWallet;
    },
    amount: (value, what) => {
      if (value === undefined || value === "") throw new UsageError(`missing ${what}`);
      refuseNegative(value, what, "amounts are positive token amounts, e.g. 250 or 1.5k");
      let amount: bigint;
      try {
        amount = parseAmount(value, token.decimals);
      } catch (error) {
        throw asUsageError(error, what);
      }
      if (amount === 0n) throw new UsageError(`${what} must be above zero`);
      return amount;
    },
    show: (amount) => formatAmount(amount, token.decimals, { symbol: token.symbol }),
    address: (value, what) => {
      if (value === undefined || value === "") throw new UsageError(`missing ${what}`);
      if (value === "me") {
        const me = signer?.address ?? from;
        if (!me)
          throw new InvalidInputError(`${what} "me" needs a key (--account, --keystore, ...)`);
        return me;
      }
      const role = deployment?.accounts?.[value];
      if (role) return role.address;
      if (!isAddress(value, { strict: false })) {
        throw new UsageError(`${what} "${value}" is not an address or a devnet role`);
      }
      return getAddress(value);
    },
  };
  return ctx;
}
