// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

// Kleros' own ERC-792 arbitrator from the npm package `@kleros/erc-792` 8.0.0 (MIT), compiled unchanged into both
// builds so the devnet can run it beside our LocalArbitrator (`npm start -- --arbitrator kleros`). Its quirks, checked
// against that source (contracts/examples/CentralizedArbitratorWithAppeal.sol) and by
// contracts/test/unit/KlerosCentralizedArbitrator.t.sol:
// - `appeal()` increments the dispute's appeal count before pricing it, so it charges
//   `arbitrationFee * 2^(appeals + 1)`, twice what `appealCost()` quoted just before;
// - `setArbitrationCost` has no access control: anyone can change the fee of every later dispute;
// - `createDispute` reverts when paid MORE than `arbitrationCost` and accepts less (down to nothing);
// - the deployer is the owner (the only account that may `giveRuling`), for good; the appeal window is a fixed
//   3 minutes; fees stay in the contract (there is no withdrawal);
// - `disputeStatus` reports `Solved` as soon as the appeal window is over, before `executeRuling` delivered it.
import {CentralizedArbitratorWithAppeal} from "@kleros/erc-792/contracts/examples/CentralizedArbitratorWithAppeal.sol";
