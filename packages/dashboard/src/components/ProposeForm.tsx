import { useState } from "react";
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  type Address,
  encodeFunctionData,
  type Hex,
  isAddress,
  isHex,
} from "viem";
import { type TokenInfo, useAppConfig } from "../lib/context.tsx";
import { abis, parameterName } from "../lib/contracts.ts";
import { formatAmount } from "../lib/format.ts";
import type { GovernorInfo } from "../lib/governance.ts";
import { useTransaction } from "../lib/useTransaction.ts";
import { TxStatus } from "./TxStatus.tsx";
import { Card } from "./ui.tsx";

/** Parses a text field into an ABI value; throws with a readable reason. */
function parseParameter(parameter: AbiParameter, text: string): unknown {
  const value = text.trim();
  const name = parameter.name || parameter.type;
  if (parameter.type.startsWith("uint") || parameter.type.startsWith("int")) {
    if (!/^-?\d+$/.test(value)) throw new Error(`${name} must be a whole number (base units)`);
    return BigInt(value);
  }
  if (parameter.type === "address") {
    if (!isAddress(value)) throw new Error(`${name} must be an address`);
    return value;
  }
  if (parameter.type === "bool") {
    if (value !== "true" && value !== "false") throw new Error(`${name} must be true or false`);
    return value === "true";
  }
  if (parameter.type.startsWith("bytes")) {
    if (!isHex(value)) throw new Error(`${name} must be 0x-prefixed hex`);
    return value;
  }
  if (parameter.type === "string") return value;
  throw new Error(`${name}: type ${parameter.type} is not supported here`);
}

/** Governed setters of a contract: the functions a proposal usually calls. */
function settersOf(abi: Abi): AbiFunction[] {
  return abi.filter(
    (item): item is AbiFunction =>
      item.type === "function" &&
      item.stateMutability === "nonpayable" &&
      /^set[A-Z]/.test(item.name),
  );
}

/**
 * A proposal that calls one governed setter of the pool or the claims manager through an agent's
 * Governor (and its Timelock). Arguments are checked and encoded before anything is sent.
 */
export function ProposeForm({ governors, token }: { governors: GovernorInfo[]; token: TokenInfo }) {
  const config = useAppConfig();
  const targets = [
    {
      name: "StakingPool",
      address: config.deployment.contracts.stakingPool,
      abi: abis.stakingPool,
    },
    {
      name: "ClaimsManager",
      address: config.deployment.contracts.claimsManager,
      abi: abis.claimsManager,
    },
  ].filter((t): t is { name: string; address: Address; abi: Abi } => Boolean(t.address));
  const [governorAddress, setGovernorAddress] = useState<string>(governors[0]?.address ?? "");
  const [targetName, setTargetName] = useState(targets[0]?.name ?? "");
  const [functionName, setFunctionName] = useState("");
  const [values, setValues] = useState<Record<string, string>>({});
  const [description, setDescription] = useState("");
  const tx = useTransaction();

  const governor = governors.find((g) => g.address === governorAddress);
  const target = targets.find((t) => t.name === targetName);
  const setters = target ? settersOf(target.abi) : [];
  const fn = setters.find((f) => f.name === functionName) ?? setters[0];
  const errors: string[] = [];
  let calldata: Hex | undefined;
  if (fn && target) {
    try {
      const args = fn.inputs.map((input, i) =>
        parseParameter(input, values[`${fn.name}:${i}`] ?? ""),
      );
      calldata = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
    } catch (error) {
      const touched = fn.inputs.some((_, i) => (values[`${fn.name}:${i}`] ?? "") !== "");
      if (touched) errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (
    governor?.threshold !== undefined &&
    governor.userVotes !== undefined &&
    governor.userVotes < governor.threshold
  ) {
    errors.push(
      `You need ${formatAmount(governor.threshold, token.decimals)} votes to propose; you have ${formatAmount(governor.userVotes, token.decimals)}.`,
    );
  }
  const ready =
    !tx.busy && errors.length === 0 && calldata !== undefined && description.trim() !== "";

  return (
    <Card title="New proposal">
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!governor || !target || !calldata) return;
          void tx
            .run([
              {
                label: "Propose",
                address: governor.address,
                abi: abis.governor,
                functionName: "propose",
                args: [[target.address], [0n], [calldata], description.trim()],
              },
            ])
            .then((ok) => {
              if (ok) setDescription("");
            });
        }}
      >
        <div className="form-row">
          <div className="field">
            <label htmlFor="gov">Agent</label>
            <select
              id="gov"
              value={governorAddress}
              onChange={(e) => setGovernorAddress(e.target.value)}
            >
              {governors.map((g) => (
                <option key={g.address} value={g.address}>
                  {g.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="target">Contract</label>
            <select id="target" value={targetName} onChange={(e) => setTargetName(e.target.value)}>
              {targets.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="setter">Call</label>
            <select
              id="setter"
              value={fn?.name ?? ""}
              onChange={(e) => setFunctionName(e.target.value)}
            >
              {setters.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        {fn && fn.inputs.length > 0 && (
          <div className="form-row">
            {fn.inputs.map((input, i) => {
              const key = `${fn.name}:${i}`;
              return (
                <div className="field" key={key}>
                  <label htmlFor={key}>
                    {input.name || parameterName(fn.name, fn.inputs.length, i)}{" "}
                    <span className="muted">({input.type})</span>
                  </label>
                  <input
                    id={key}
                    data-testid={`proposal-arg-${i}`}
                    value={values[key] ?? ""}
                    onChange={(e) => setValues({ ...values, [key]: e.target.value })}
                  />
                </div>
              );
            })}
          </div>
        )}
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            id="description"
            rows={3}
            placeholder="What the change does and why"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        {calldata && (
          <div className="muted small wrap">
            Calls {target?.name}.{fn?.name} ·{" "}
            <code>{calldata.length > 74 ? `${calldata.slice(0, 74)}…` : calldata}</code>
          </div>
        )}
        {errors.map((e) => (
          <div key={e} className="field-error">
            {e}
          </div>
        ))}
        <button type="submit" className="primary" disabled={!ready} data-testid="propose-submit">
          Propose
        </button>
        <TxStatus state={tx.state} onDismiss={tx.reset} />
      </form>
    </Card>
  );
}
