// Ponder loads every file under src/ (except src/api) and registers the indexing functions it
// finds. The map:
//   handlers/pool.ts        StakingPool: stakers, pool totals per event, unstakes, payouts,
//                           delegation, the pool's governed parameters
//   handlers/claims.ts      ClaimsManager: dAPIs, policies, claims and their steps, disputes,
//                           evidence, rulings, the claims manager's governed parameters
//   handlers/arbitrator.ts  the ERC-792 arbitrator: appeal windows and appeals
//   handlers/governance.ts  the Governors: proposals and votes
//   api/index.ts            GraphQL, SQL over HTTP and /stats endpoints
//   start.ts                startIndexer(): runs `ponder start` for a deployment file
export {};
