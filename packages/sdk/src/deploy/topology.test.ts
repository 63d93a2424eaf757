import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ARBITRUM_ONE, ETHEREUM_MAINNET, topologyOf } from "./topology.ts";

describe("topologyOf: what works with Kleros where", () => {
  it("Ethereum mainnet: v2 courts only through Kleros' gateway, fees in ETH; API3 can mint", () => {
    const text = topologyOf(ETHEREUM_MAINNET).notes.join(" ");
    assert.match(text, /Kleros v2 courts are reachable only through Kleros' ForeignGateway/);
    assert.match(text, /fees in ETH only, no ERC-20 fees/);
    assert.match(text, /the DAO can let the pool mint staking rewards/);
  });

  it("Arbitrum One: KlerosCore directly, but bridged API3 has no mint right", () => {
    const topology = topologyOf(ARBITRUM_ONE);
    assert.equal(topology.chain, "Arbitrum One");
    const text = topology.notes.join(" ");
    assert.match(text, /KlerosCore, IArbitratorV2\) is reachable directly/);
    assert.match(text, /never the pool token/);
    assert.match(text, /whitelist the claims manager/);
    assert.match(text, /stakers earn only from premiums and addRewards/);
  });

  it("any other chain: no known Kleros court", () => {
    assert.match(topologyOf(10).notes[0] ?? "", /No Kleros court is known on this chain/);
  });
});
