const c = await import("/work/main/packages/sdk/src/generated/contracts.ts");
for (const [k, v] of Object.entries(c)) {
  if (!k.endsWith("Abi")) continue;
  const ev = v
    .filter((x) => x.type === "event")
    .map((e) => e.name + "(" + e.inputs.map((i) => i.type + " " + i.name).join(",") + ")");
  console.log(k, ev.join(" | "));
}
