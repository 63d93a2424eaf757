// Module hooks for test/events.test.ts: `ponder:registry` becomes a registry that only records the
// event names handlers register, `ponder:schema` a schema whose tables are their own names.
const stubs = {
  "ponder:registry":
    "export const ponder = { on: (name) => { (globalThis.__handledEvents ??= []).push(name); } };",
  "ponder:schema": "export default new Proxy({}, { get: (_, key) => String(key) });",
};

export async function resolve(specifier, context, next) {
  const source = stubs[specifier];
  if (source === undefined) return next(specifier, context);
  return { url: `data:text/javascript,${encodeURIComponent(source)}`, shortCircuit: true };
}
