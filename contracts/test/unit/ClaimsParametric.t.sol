// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {ClaimsParametric} from "../../src/claims/ClaimsParametric.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {IClaimsManager, IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IClaimsParametric} from "../../src/interfaces/IClaimsParametric.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {Release} from "../utils/Release.sol";
import {ClaimsPoolDouble} from "./ClaimsBase.t.sol";
import {IncidentRegistryBase} from "./IncidentRegistryBase.t.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @dev Creates contracts from init code in an external call (so `vm.expectRevert` sees a constructor's revert).
contract CodeDeployer {
    function deploy(bytes memory initCode) external returns (address deployed) {
        assembly ("memory-safe") {
            deployed := create(0, add(initCode, 0x20), mload(initCode))
            if iszero(deployed) {
                returndatacopy(0, 0, returndatasize())
                revert(0, returndatasize())
            }
        }
    }
}

/// @notice Parametric policies (issue 14, part 2): bought at the quote times the risk factor, pinned to the dAPI's
/// incident definition, paid without a mediator on the IncidentRegistry's records, within the per-incident cap and
/// the payer's quota. The real API3 stack and registry (IncidentRegistryBase), a ClaimsManager as it ships over a pool
/// double holding 1,000,000 tokens at 1.25 USD. ETH/USD (id 1) and BTC/USD (id 2) are covered with definitions; API3/USD
/// (id 3), which prices payouts, is covered but cannot be parametric; SOL/USD (id 4) is served but has no definition.
abstract contract ClaimsParametricBase is IncidentRegistryBase {
    uint256 internal constant STAKE = 1_000_000e18;
    int256 internal constant TOKEN_PRICE = 1.25e18;
    uint256 internal constant ETH_ID = 1;
    uint256 internal constant BTC_ID = 2;
    uint256 internal constant PRICE_ID = 3;
    uint256 internal constant SOL_ID = 4;
    bytes32 internal constant SOL = "SOL/USD";
    uint256 internal constant COVERAGE = 80_000e18;
    uint256 internal constant PERIOD = 30 days;
    uint256 internal constant WAITING = 1 days;
    uint256 internal constant CLAIM_PERIOD = 30 days;

    ClaimsPoolDouble internal pool;
    ClaimsManager internal cm;
    IClaimsManager internal claims;

    address internal secondary = makeAddr("secondaryAgent");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");

    function setUp() public virtual override {
        super.setUp();
        _pushPrice(TOKEN_PRICE);
        api3ServerV1.setDapiName(SOL, keccak256(abi.encodePacked(airnode, keccak256("SOL/USD beacon template"))));
        _pushBeacon(keccak256("SOL/USD beacon template"), 150e18, block.timestamp);
        pool = new ClaimsPoolDouble(IERC20(address(token)));
        token.mint(address(pool), STAKE);
        pool.setTotalStake(STAKE);
        cm = _deploy(registry);
        claims = IClaimsManager(address(cm));
        pool.setClaimsManager(address(cm), true);
        vm.prank(secondary);
        claims.setPriceHaircut(0);
        for (uint256 i; i < 3; ++i) {
            address user = [alice, bob, carol][i];
            token.mint(user, 1_000_000e18);
            vm.prank(user);
            token.approve(address(cm), type(uint256).max);
        }
    }

    function _deploy(IIncidentRegistry registry_) internal returns (ClaimsManager) {
        ClaimsStorage.DapiConfig[] memory dapis = new ClaimsStorage.DapiConfig[](4);
        bytes32[4] memory names = [ETH, BTC, bytes32("API3/USD"), SOL];
        for (uint256 i; i < 4; ++i) {
            dapis[i] = ClaimsStorage.DapiConfig({
                name: names[i], chainId: block.chainid, capShare: 0.5e18, heartbeat: HEARTBEAT, grace: GRACE
            });
        }
        ClaimsParametric module =
            Release.claimsParametric(IStakingPool(address(pool)), priceProxy, 24 hours, primary, secondary, registry_);
        return Release.claimsManager(
            IStakingPool(address(pool)),
            priceProxy,
            24 hours,
            primary,
            secondary,
            mediator,
            IArbitrator(address(0)),
            "",
            "ipfs://meta-evidence",
            dapis,
            module
        );
    }

    // ---------------------------------------------------------------- helpers

    function _buy(address buyer, uint256 dapiId, uint256 coverageUsd, uint256 period) internal returns (uint256 id) {
        vm.prank(buyer);
        (id,) = claims.buyParametricCoverage(dapiId, coverageUsd, period, type(uint256).max, "ipfs://terms");
    }

    function _claim(address claimant, uint256 policyId, uint256 incidentId)
        internal
        returns (uint256 claimId, uint256 amountUsd)
    {
        vm.prank(claimant);
        return claims.createParametricClaim(policyId, incidentId);
    }

    /// @dev Fresh data on every feed now (the price, the covered dAPIs), so only what a test breaks is broken.
    function _refresh() internal {
        _pushPrice(TOKEN_PRICE);
        _pushFeed(ETH, ETH_PRICE);
        _pushFeed(BTC, BTC_PRICE);
    }

    /// @dev When ETH/USD, last updated at `updatedAt[ETH]`, turns stale under the registry's definition.
    function _staleFrom() internal view returns (uint256) {
        return updatedAt[ETH] + HEARTBEAT + GRACE;
    }

    /// @dev Lets ETH/USD go stale (the price kept fresh), reports it one second after it turned stale; returns the id.
    function _staleIncident() internal returns (uint256 id) {
        vm.warp(_staleFrom() + 1);
        _pushPrice(TOKEN_PRICE);
        id = _reportStale(ETH);
    }

    function _tokens(uint256 usd) internal pure returns (uint256) {
        return usd * 1e18 / uint256(TOKEN_PRICE);
    }
}

/// @notice The unit and fuzz tests of parametric policies (see `ClaimsParametricBase`).
contract ClaimsParametricTest is ClaimsParametricBase {
    // --------------------------------------------------------------- purchase

    function test_buy_chargesTheQuoteTimesTheRiskFactorAndPinsTheVersion() public {
        (uint256 quote,) = claims.quoteCoverage(ETH_ID, COVERAGE, PERIOD);
        (uint256 riskFactor,) = claims.parametricTerms();
        assertEq(riskFactor, 1.5e18);
        uint256 balanceBefore = token.balanceOf(alice);
        vm.expectEmit(false, true, false, true, address(cm));
        emit IClaimsTypes.ParametricPolicyBought(0, ETH_ID, 1, 1.5e18);
        vm.prank(alice);
        (uint256 id, uint256 premium) =
            claims.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "ipfs://terms");
        assertEq(premium, (quote * 3 + 1) / 2, "quote x 1.5, rounded up");
        assertEq(balanceBefore - token.balanceOf(alice), premium);
        assertEq(claims.parametricVersionOf(id), 1);
        assertEq(claims.policy(id).coverageUsd, COVERAGE);
        assertEq(claims.activeCoverageUsd(), COVERAGE);
    }

    function test_buy_maxPremiumAtThePremiumAndOneBelow() public {
        (uint256 quote,) = claims.quoteCoverage(ETH_ID, COVERAGE, PERIOD);
        uint256 premium = (quote * 3 + 1) / 2;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.PremiumAboveMaximum.selector, premium, premium - 1));
        claims.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, premium - 1, "");
        vm.prank(alice);
        claims.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, premium, "");
    }

    function test_buy_notOfferedOnThePriceDapiNorWithoutDefinition() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.ParametricNotOffered.selector, PRICE_ID));
        claims.buyParametricCoverage(PRICE_ID, COVERAGE, PERIOD, type(uint256).max, "");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.ParametricNotOffered.selector, SOL_ID));
        claims.buyParametricCoverage(SOL_ID, COVERAGE, PERIOD, type(uint256).max, "");
        // An ordinary policy on either is sold.
        vm.prank(alice);
        claims.buyCoverage(SOL_ID, COVERAGE, PERIOD, type(uint256).max, "");
    }

    function test_buy_notOfferedWithoutARegistry() public {
        ClaimsManager plain = _deploy(IIncidentRegistry(address(0)));
        pool.setClaimsManager(address(plain), true);
        assertEq(address(IClaimsManager(address(plain)).incidentRegistry()), address(0));
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.ParametricNotOffered.selector, ETH_ID));
        IClaimsManager(address(plain)).buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
    }

    function test_buy_periodBounds() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPeriod.selector, 1 days - 1, 1 days, 730 days));
        claims.buyParametricCoverage(ETH_ID, COVERAGE, 1 days - 1, type(uint256).max, "");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidPeriod.selector, 730 days + 1, 1 days, 730 days));
        claims.buyParametricCoverage(ETH_ID, COVERAGE, 730 days + 1, type(uint256).max, "");
        _buy(alice, ETH_ID, COVERAGE, 1 days);
        _buy(alice, ETH_ID, COVERAGE, 730 days);
    }

    /// @dev An attacker who sees a deviation proven buys cover on it: refused, parametric or not, while the incident is
    /// open (its last proof at most the open period old), sold again one second after.
    function test_buy_refusedWhileADeviationIsOpen() public {
        _reportDeviation(ETH, _deviating());
        uint256 provenAt = block.timestamp;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiHasOpenIncident.selector, ETH_ID));
        claims.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        vm.warp(provenAt + OPEN_PERIOD);
        _pushPrice(TOKEN_PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiHasOpenIncident.selector, ETH_ID));
        claims.buyCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        vm.warp(provenAt + OPEN_PERIOD + 1);
        vm.prank(alice);
        claims.buyCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        // Another dAPI was never blocked.
        _buy(alice, BTC_ID, COVERAGE, PERIOD);
    }

    /// @dev A reported outage: refused while the feed is stale, sold once the feed updated (the incident closes).
    function test_buy_refusedWhileAStaleIncidentIsOpenThenSoldAfterTheUpdate() public {
        _staleIncident();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiStale.selector, ETH_ID, updatedAt[ETH], _staleFrom()));
        claims.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        _pushFeed(ETH, ETH_PRICE);
        assertFalse(registry.hasOpenIncident(ETH));
        _buy(alice, ETH_ID, COVERAGE, PERIOD);
    }

    // ------------------------------------------------------------ stale claims

    function test_claim_staleIncidentPaysTheCoverageAtOnceWithoutAMediator() public {
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        uint256 incidentId = _staleIncident();
        uint256 balanceBefore = token.balanceOf(alice);
        vm.expectEmit(false, true, true, true, address(cm));
        emit IClaimsTypes.ParametricClaimPaid(
            0, id, incidentId, _staleFrom(), COVERAGE, _tokens(COVERAGE), _tokens(COVERAGE)
        );
        (uint256 claimId, uint256 amountUsd) = _claim(alice, id, incidentId);
        assertEq(amountUsd, COVERAGE);
        assertEq(token.balanceOf(alice) - balanceBefore, _tokens(COVERAGE), "64,000 tokens at 1.25 USD");
        assertEq(pool.paidOut(), _tokens(COVERAGE));
        IClaimsTypes.Claim memory c = claims.claim(claimId);
        assertEq(uint256(c.status), uint256(IClaimsTypes.ClaimStatus.PaidClaim));
        assertEq(c.amountUsd, COVERAGE);
        assertEq(c.bond, 0);
        assertEq(claims.policy(id).claimedUsd, COVERAGE);
        assertEq(claims.incidentPaidUsd(ETH_ID, incidentId), COVERAGE);
        assertEq(claims.openClaimsUsd(), 0);
        // Replayed: the policy has nothing left, for this incident or through the mediator.
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 0, 0));
        claims.createParametricClaim(id, incidentId);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.InvalidClaimAmount.selector, 1, 0));
        claims.createClaim(id, 1, _staleFrom(), "ipfs://evidence");
    }

    function test_claim_onlyTheClaimantOfAParametricPolicy() public {
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.prank(alice);
        (uint256 plain,) = claims.buyCoverage(BTC_ID, COVERAGE, PERIOD, type(uint256).max, "");
        uint256 incidentId = _staleIncident();
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, bob, alice));
        claims.createParametricClaim(id, incidentId);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.NotParametric.selector, plain));
        claims.createParametricClaim(plain, incidentId);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownIncident.selector, ETH, incidentId + 1));
        claims.createParametricClaim(id, incidentId + 1);
    }

    /// @dev The incident must start after the policy's start plus the waiting period: exactly at it pays, one second
    /// later start of cover does not.
    function test_claim_waitingPeriodAtTheLimitAndOneSecondPast() public {
        uint256 staleFrom = _staleFrom();
        vm.warp(staleFrom - WAITING);
        _pushPrice(TOKEN_PRICE);
        uint256 atLimit = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.warp(staleFrom - WAITING + 1);
        uint256 late = _buy(bob, ETH_ID, COVERAGE, PERIOD);
        uint256 incidentId = _staleIncident();
        _claim(alice, atLimit, incidentId);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector, late, staleFrom, staleFrom + 1, block.timestamp
            )
        );
        claims.createParametricClaim(late, incidentId);
    }

    /// @dev The incident must start by the policy's end: a policy ending exactly at its start pays, one ending a second
    /// before does not.
    function test_claim_policyEndAtTheLimitAndOneSecondBefore() public {
        vm.prank(secondary);
        claims.setWaitingPeriod(0);
        uint256 staleFrom = _staleFrom();
        vm.warp(staleFrom - 1 days - 1);
        _pushPrice(TOKEN_PRICE);
        uint256 endsBefore = _buy(alice, ETH_ID, COVERAGE, 1 days);
        vm.warp(staleFrom - 1 days);
        uint256 atLimit = _buy(bob, ETH_ID, COVERAGE, 1 days);
        assertEq(uint256(claims.policy(endsBefore).claimsAllowedUntil), staleFrom - 1);
        assertEq(uint256(claims.policy(atLimit).claimsAllowedUntil), staleFrom);
        uint256 incidentId = _staleIncident();
        _claim(bob, atLimit, incidentId);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector, endsBefore, staleFrom, staleFrom - 1 days - 1, staleFrom - 1
            )
        );
        claims.createParametricClaim(endsBefore, incidentId);
        assertEq(claims.incidentPaidUsd(ETH_ID, incidentId), COVERAGE);
    }

    /// @dev Claims are possible until 30 days after the policy's end: exactly then it pays, a second later it does not.
    function test_claim_claimPeriodAtTheLimitAndOneSecondPast() public {
        uint256 a = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        uint256 b = _buy(bob, ETH_ID, COVERAGE, PERIOD);
        uint256 until = claims.policy(a).claimsAllowedUntil;
        uint256 incidentId = _staleIncident();
        vm.warp(until + CLAIM_PERIOD);
        _pushPrice(TOKEN_PRICE);
        _claim(alice, a, incidentId);
        vm.warp(until + CLAIM_PERIOD + 1);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsParametric.ParametricClaimPeriodOver.selector, b, until + CLAIM_PERIOD, until + CLAIM_PERIOD + 1
            )
        );
        claims.createParametricClaim(b, incidentId);
    }

    /// @dev Fuzzed timing: a policy bought at any moment pays exactly when the incident starts within its cover, and
    /// is refused with the cover it had otherwise.
    function testFuzz_claim_paysExactlyWhenTheIncidentIsInCover(uint256 boughtBefore, uint256 period) public {
        uint256 staleFrom = _staleFrom();
        boughtBefore = bound(boughtBefore, 0, staleFrom - block.timestamp - 1);
        period = bound(period, 1 days, 60 days);
        uint256 from = staleFrom - boughtBefore;
        vm.warp(from);
        _pushPrice(TOKEN_PRICE);
        uint256 id = _buy(alice, ETH_ID, COVERAGE, period);
        uint256 incidentId = _staleIncident();
        if (from + WAITING > staleFrom) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IClaimsTypes.IncidentOutsideCover.selector, id, staleFrom, from + WAITING, block.timestamp
                )
            );
        } else if (staleFrom > from + period) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IClaimsTypes.IncidentOutsideCover.selector, id, staleFrom, from + WAITING, from + period
                )
            );
        }
        vm.prank(alice);
        claims.createParametricClaim(id, incidentId);
        bool covered = from + WAITING <= staleFrom && staleFrom <= from + period;
        assertEq(pool.paidOut(), covered ? _tokens(COVERAGE) : 0);
    }

    // -------------------------------------------------------- deviation claims

    /// @dev A deviation pays only after its challenge window: a second before `payableAt` it is refused, at it paid.
    function test_claim_deviationPaysAtTheEndOfItsChallengeWindowNotBefore() public {
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.warp(block.timestamp + WAITING);
        _refresh();
        vm.warp(block.timestamp + 1 minutes);
        uint256 startedAt = block.timestamp;
        uint256 incidentId = _reportDeviation(ETH, _deviating());
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsParametric.IncidentNotPayable.selector, ETH, incidentId, 0, block.timestamp)
        );
        claims.createParametricClaim(id, incidentId);
        vm.warp(block.timestamp + GAP);
        _reportDeviation(ETH, _deviating());
        uint256 payableAt = block.timestamp + CHALLENGE;
        assertEq(registry.incident(ETH, incidentId).payableAt, payableAt);
        vm.warp(payableAt - 1);
        _pushPrice(TOKEN_PRICE);
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsParametric.IncidentNotPayable.selector, ETH, incidentId, payableAt, payableAt - 1
            )
        );
        claims.createParametricClaim(id, incidentId);
        vm.warp(payableAt);
        (, uint256 amountUsd) = _claim(alice, id, incidentId);
        assertEq(amountUsd, COVERAGE);
        assertEq(claims.claim(uint256(1) << 224 | id).amountUsd, COVERAGE);
        assertEq(token.balanceOf(address(pool)), STAKE - _tokens(COVERAGE));
        assertEq(registry.incident(ETH, incidentId).startedAt, startedAt);
    }

    function test_claim_voidedDeviationNeverPays() public {
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.warp(block.timestamp + WAITING);
        _refresh();
        vm.warp(block.timestamp + 1 minutes);
        uint256 incidentId = _confirmedDeviation();
        vm.prank(mediator);
        registry.voidIncident(ETH, incidentId, "ipfs://reference-outage");
        vm.warp(block.timestamp + CHALLENGE);
        _pushPrice(TOKEN_PRICE);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.IncidentVoided.selector, ETH, incidentId));
        claims.createParametricClaim(id, incidentId);
    }

    /// @dev An incident of another dAPI (the same id on BTC/USD) does not pay an ETH/USD policy: ids are per dAPI.
    function test_claim_anotherDapisIncidentIsNoIncidentOfThePolicy() public {
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.warp(updatedAt[BTC] + HEARTBEAT + GRACE + 1);
        _pushPrice(TOKEN_PRICE);
        _pushFeed(ETH, ETH_PRICE);
        uint256 btcIncident = _reportStale(BTC);
        assertEq(registry.incidentCount(ETH), 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownIncident.selector, ETH, btcIncident));
        claims.createParametricClaim(id, btcIncident);
    }

    // -------------------------------------------------------- pinned versions

    /// @dev Governance lengthens the heartbeat after the purchase (a captured DAO hiding an outage): the policy is
    /// judged by its own definition, so the outage still pays, from the later of the two starts.
    function test_claim_staleUnderANewerDefinitionIsJudgedByThePinnedOne() public {
        // A 2-day policy: the outage is stale under its definition a day and an hour after the last update, inside
        // the cover; the record, under a 2-day heartbeat, starts after the policy's end.
        uint256 id = _buy(alice, ETH_ID, COVERAGE, 2 days);
        uint256 until = claims.policy(id).claimsAllowedUntil;
        IIncidentRegistry.IncidentDefinition memory longer = _definition(ETH);
        longer.heartbeat = 2 days;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, longer);
        uint256 newStaleFrom = updatedAt[ETH] + 2 days + GRACE;
        assertGt(newStaleFrom, until);
        vm.warp(newStaleFrom + 1);
        _pushPrice(TOKEN_PRICE);
        uint256 incidentId = _reportStale(ETH);
        assertEq(registry.incident(ETH, incidentId).definitionVersion, 2);
        vm.expectEmit(false, true, true, true, address(cm));
        emit IClaimsTypes.ParametricClaimPaid(
            0, id, incidentId, _staleFrom(), COVERAGE, _tokens(COVERAGE), _tokens(COVERAGE)
        );
        (, uint256 amountUsd) = _claim(alice, id, incidentId);
        assertEq(amountUsd, COVERAGE);
    }

    /// @dev Governance shortens the heartbeat after the purchase: an incident proven under the shorter one does not
    /// hold under the policy's until a proof comes after the pinned staleness; then it pays from that start.
    function test_claim_staleUnderAShorterDefinitionHoldsOnlyOnceProvenPastThePinnedOne() public {
        IIncidentRegistry.IncidentDefinition memory longer = _definition(ETH);
        longer.heartbeat = 2 days;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, longer);
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        assertEq(claims.parametricVersionOf(id), 2);
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        uint256 incidentId = _staleIncident();
        uint256 pinnedStaleFrom = updatedAt[ETH] + 2 days + GRACE;
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.IncidentNotCovered.selector, ETH, incidentId, 2));
        claims.createParametricClaim(id, incidentId);
        // Proven exactly at the pinned staleness: still not stale under it (stale is strictly after).
        vm.warp(pinnedStaleFrom);
        _pushPrice(TOKEN_PRICE);
        _reportStale(ETH);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.IncidentNotCovered.selector, ETH, incidentId, 2));
        claims.createParametricClaim(id, incidentId);
        vm.warp(pinnedStaleFrom + INTERVAL);
        _pushPrice(TOKEN_PRICE);
        _reportStale(ETH);
        vm.expectEmit(false, true, true, true, address(cm));
        emit IClaimsTypes.ParametricClaimPaid(
            0, id, incidentId, pinnedStaleFrom, COVERAGE, _tokens(COVERAGE), _tokens(COVERAGE)
        );
        _claim(alice, id, incidentId);
    }

    /// @dev A deviation counts for a policy only beyond the threshold the policy pinned.
    function test_claim_deviationBelowThePinnedThresholdIsNotCovered() public {
        IIncidentRegistry.IncidentDefinition memory strict = _definition(ETH);
        strict.deviationThresholdBps = 2000;
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, strict);
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.prank(primary);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        vm.warp(block.timestamp + WAITING);
        _refresh();
        vm.warp(block.timestamp + 1 minutes);
        uint256 incidentId = _confirmedDeviation();
        vm.warp(block.timestamp + CHALLENGE);
        _pushPrice(TOKEN_PRICE);
        assertEq(registry.incident(ETH, incidentId).deviationBps, 910, "300 / 3,300, rounded up");
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsParametric.IncidentNotCovered.selector, ETH, incidentId, 2));
        claims.createParametricClaim(id, incidentId);
    }

    // --------------------------------------------------- caps, quotas, tranches

    /// @dev One proof pays at most the per-incident cap, first come first served: at the cap exactly the next claim is
    /// refused.
    function test_claim_perIncidentCapSharedFirstComeFirstServed() public {
        vm.prank(primary);
        claims.setIncidentPayoutCap(100_000e18);
        uint256 a = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        uint256 b = _buy(bob, ETH_ID, COVERAGE, PERIOD);
        uint256 c = _buy(carol, ETH_ID, COVERAGE, PERIOD);
        uint256 incidentId = _staleIncident();
        (, uint256 first) = _claim(alice, a, incidentId);
        (, uint256 second) = _claim(bob, b, incidentId);
        assertEq(first, COVERAGE);
        assertEq(second, 20_000e18, "what the cap had left");
        assertEq(claims.incidentPaidUsd(ETH_ID, incidentId), 100_000e18);
        assertEq(claims.policy(b).claimedUsd, 20_000e18, "the rest stays claimable");
        vm.prank(carol);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsParametric.IncidentCapReached.selector, ETH_ID, incidentId, 100_000e18)
        );
        claims.createParametricClaim(c, incidentId);
    }

    function test_setIncidentPayoutCap_boundsAndRole() public {
        vm.prank(primary);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.ParameterOutOfBounds.selector, 100_000e18 - 1, 100_000e18, type(uint96).max
            )
        );
        claims.setIncidentPayoutCap(100_000e18 - 1);
        vm.prank(primary);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.ParameterOutOfBounds.selector, uint256(type(uint96).max) + 1, 100_000e18, type(uint96).max
            )
        );
        claims.setIncidentPayoutCap(uint256(type(uint96).max) + 1);
        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, secondary, primary));
        claims.setIncidentPayoutCap(100_000e18);
        vm.prank(primary);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.IncidentPayoutCapSet(type(uint96).max);
        claims.setIncidentPayoutCap(type(uint96).max);
        (, uint256 cap) = claims.parametricTerms();
        assertEq(cap, type(uint96).max);
    }

    function test_setParametricRiskFactor_boundsAndRole() public {
        vm.startPrank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, 1e18 - 1e12, 1e18, 10e18));
        claims.setParametricRiskFactor(1e18 - 1e12);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, 10e18 + 1e12, 1e18, 10e18));
        claims.setParametricRiskFactor(10e18 + 1e12);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterPrecision.selector, 2e18 + 1, 1e12));
        claims.setParametricRiskFactor(2e18 + 1);
        claims.setParametricRiskFactor(1e18);
        claims.setParametricRiskFactor(10e18);
        vm.stopPrank();
        (uint256 riskFactor,) = claims.parametricTerms();
        assertEq(riskFactor, 10e18);
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, primary, secondary));
        claims.setParametricRiskFactor(2e18);
    }

    /// @dev Parametric payouts go through the registry's own quota: beyond it they become owed tranches.
    function test_claim_beyondTheRegistrysQuotaIsPaidInTranches() public {
        vm.prank(primary);
        claims.setPayoutQuota(address(registry), 0.01e18);
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        uint256 incidentId = _staleIncident();
        (uint256 claimId,) = _claim(alice, id, incidentId);
        uint256 quota = STAKE / 100;
        assertEq(pool.paidOut(), quota, "one quota now");
        assertEq(claims.claim(claimId).owedTokens, _tokens(COVERAGE) - quota);
        assertEq(claims.owedTokens(), _tokens(COVERAGE) - quota);
        vm.warp(block.timestamp + 2 weeks);
        _pushPrice(TOKEN_PRICE);
        claims.payTranche(address(registry));
        assertEq(pool.paidOut(), quota + (STAKE - quota) / 100, "a second tranche: 1% of what is left");
    }

    // ------------------------------------------------------- pinned terms, agents

    /// @dev The waiting period is the one in force at the purchase: raising it later takes no cover away, and a policy
    /// bought after the raise waits the new one.
    function test_claim_waitingPeriodPinnedAtPurchase() public {
        uint256 staleFrom = _staleFrom();
        vm.warp(staleFrom - WAITING);
        _pushPrice(TOKEN_PRICE);
        uint256 before = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        vm.prank(secondary);
        claims.setWaitingPeriod(7 days);
        uint256 afterRaise = _buy(bob, ETH_ID, COVERAGE, PERIOD);
        uint256 incidentId = _staleIncident();
        _claim(alice, before, incidentId);
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(
                IClaimsTypes.IncidentOutsideCover.selector,
                afterRaise,
                staleFrom,
                staleFrom - WAITING + 7 days,
                block.timestamp
            )
        );
        claims.createParametricClaim(afterRaise, incidentId);
    }

    /// @dev A policy agent (or one who captured it) cannot grant or raise cover on a dAPI with an open incident either:
    /// refused up to the open period's last second, allowed one second after.
    function test_agentGrantAndUpgrade_refusedWhileADeviationIsOpen() public {
        address agent = makeAddr("policyAgent");
        vm.prank(primary);
        claims.setPolicyAgent(agent, true);
        vm.prank(alice);
        (uint256 plain,) = claims.buyCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        uint256 until = claims.policy(plain).claimsAllowedUntil;
        _reportDeviation(ETH, _deviating());
        uint256 provenAt = block.timestamp;
        vm.warp(provenAt + OPEN_PERIOD);
        _pushPrice(TOKEN_PRICE);
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiHasOpenIncident.selector, ETH_ID));
        claims.createPolicy(bob, ETH_ID, COVERAGE, block.timestamp, until, "");
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiHasOpenIncident.selector, ETH_ID));
        claims.upgradePolicy(plain, 2 * COVERAGE, until, "");
        vm.warp(provenAt + OPEN_PERIOD + 1);
        vm.prank(agent);
        claims.createPolicy(bob, ETH_ID, COVERAGE, block.timestamp, until, "");
        vm.prank(agent);
        claims.upgradePolicy(plain, 2 * COVERAGE, until, "");
        assertEq(claims.policy(plain).coverageUsd, 2 * COVERAGE);
    }

    /// @dev A policy agent cannot raise a parametric policy for free (its coverage pays without a mediator).
    function test_upgradePolicy_refusedForAParametricPolicy() public {
        address agent = makeAddr("policyAgent");
        vm.prank(primary);
        claims.setPolicyAgent(agent, true);
        uint256 id = _buy(alice, ETH_ID, COVERAGE, PERIOD);
        uint256 until = claims.policy(id).claimsAllowedUntil;
        vm.prank(agent);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParametricPolicyNotUpgradable.selector, id));
        claims.upgradePolicy(id, 2 * COVERAGE, until, "");
        vm.prank(alice);
        (uint256 plain,) = claims.buyCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        vm.prank(agent);
        claims.upgradePolicy(plain, 2 * COVERAGE, until, "");
    }

    /// @dev Regression (attack review): an upgrade, then a downgrade below the coverage before it, made a claim on an
    /// incident before the upgrade's waiting period revert with an arithmetic panic; it is covered by what remains.
    function test_regression_claimAfterADowngradeBelowThePreUpgradeCoverage() public {
        address agent = makeAddr("policyAgent");
        vm.prank(primary);
        claims.setPolicyAgent(agent, true);
        uint256 from = block.timestamp;
        vm.prank(alice);
        (uint256 id,) = claims.buyCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        uint256 until = claims.policy(id).claimsAllowedUntil;
        vm.warp(from + 2 days);
        _refresh();
        vm.prank(agent);
        claims.upgradePolicy(id, 2 * COVERAGE, until, "");
        vm.prank(alice);
        claims.downgradePolicy(id, COVERAGE / 2, until, "");
        vm.prank(alice);
        uint256 claimId = claims.createClaim(id, 10_000e18, from + WAITING + 1 hours, "ipfs://evidence");
        assertEq(claims.claim(claimId).amountUsd, 10_000e18);
        assertEq(claims.policy(id).claimedUsd, 10_000e18);
    }

    // ------------------------------------------------------------------ module

    function test_module_refusesDirectCallsAndAMismatchedBuild() public {
        ClaimsParametric module = cm.parametric();
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, alice, address(0)));
        module.buyParametricCoverage(ETH_ID, COVERAGE, PERIOD, type(uint256).max, "");
        // A module built with another price heartbeat (its immutables differ) cannot run on this manager's storage.
        ClaimsParametric other =
            Release.claimsParametric(IStakingPool(address(pool)), priceProxy, 25 hours, primary, secondary, registry);
        ClaimsStorage.DapiConfig[] memory none = new ClaimsStorage.DapiConfig[](0);
        bytes memory args = abi.encode(
            address(pool), priceProxy, uint256(24 hours), primary, secondary, mediator, address(0), "", "", none, other
        );
        bytes memory initCode =
            bytes.concat(vm.getCode("contracts/out-release/ClaimsManager.sol/ClaimsManager.json"), args);
        CodeDeployer deployer = new CodeDeployer();
        vm.expectRevert(abi.encodeWithSelector(ClaimsManager.ModuleMismatch.selector, address(other)));
        deployer.deploy(initCode);
    }
}
