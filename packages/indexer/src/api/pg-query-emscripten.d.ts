/** libpg_query compiled to wasm (a dependency of Ponder, which parses SQL over HTTP with it). */
declare module "pg-query-emscripten" {
  const load: () => Promise<unknown>;
  export default load;
}
