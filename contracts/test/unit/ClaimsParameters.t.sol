// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {ClaimsAdmin} from "../../src/claims/ClaimsAdmin.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {IClaimsManager, IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IStakingPool} from "../../src/interfaces/IStakingPool.sol";
import {Release} from "../utils/Release.sol";
import {ClaimsBase} from "./ClaimsBase.t.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {IArbitrator} from "@kleros/erc-792/contracts/IArbitrator.sol";

/// @notice Roles and governed parameters: who may set what, the hard bounds, the events, the defaults, and
/// the admin module's refusal of direct calls.
contract ClaimsParametersTest is ClaimsBase {
    function test_defaults() public view {
        (uint256 base, uint256 slope1, uint256 kink, uint256 slope2) = claims.pricingCurve();
        assertEq(base, 0.02e18);
        assertEq(slope1, 0.08e18);
        assertEq(kink, 0.8e18);
        assertEq(slope2, 1e18);
        assertEq(claims.collateralizationRatio(), 0.5e18);
        assertEq(claims.treasuryShare(), 0.1e18);
        assertEq(claims.maxPriceAge(), 25 hours);
        assertEq(claims.priceFeedHeartbeat(), 24 hours);
        assertEq(claims.claimantBond(), BOND); // ClaimsBase sets a flat bond
        assertEq(claims.claimantBondRate(), 0);
        assertEq(claims.maxClaimantBond(), 1000e18);
        assertEq(claims.priceHaircut(), 0); // ClaimsBase sets it to 0
        assertEq(claims.maxDisputeInactivity(), 60 days);
        assertEq(claims.treasury(), primary);
        assertEq(claims.mediator(), mediator);
        assertEq(address(claims.arbitrator()), address(arbitrator));
        assertEq(claims.payoutQuotaShare(mediator), 0.1e18);
        assertEq(address(claims.pool()), address(pool));
        assertEq(address(claims.token()), address(token));
        assertEq(address(claims.priceFeed()), address(priceFeed));
        assertEq(claims.primaryAgent(), primary);
        assertEq(claims.secondaryAgent(), secondary);
        (uint256 mediatorPeriod, uint256 claimantPeriod) = claims.responsePeriods();
        assertEq(mediatorPeriod, 3 days);
        assertEq(claimantPeriod, 3 days);
        IClaimsTypes.Dapi memory d = claims.dapi(DAPI);
        assertEq(d.name, COVERED_DAPI);
        assertEq(d.chainId, block.chainid);
        assertEq(d.capShare, 0.5e18);
        assertEq(claims.dapiIdOf(COVERED_DAPI, block.chainid), DAPI);
        assertEq(claims.dapiCount(), 1);
        IClaimsTypes.DapiFeed memory feed = claims.dapiFeed(DAPI);
        assertEq(feed.heartbeat, DAPI_HEARTBEAT);
        assertEq(feed.grace, DAPI_GRACE);
        assertEq(claims.api3ServerV1(), address(api3ServerV1));
    }

    /// @dev A dAPI of another chain, or without a known Api3ServerV1, is never judged here: it cannot get a heartbeat.
    function test_setDapiFeed_onlyForDapisServedHere() public {
        vm.prank(secondary);
        uint256 remote = claims.setDapiCap("BTC/USD", block.chainid + 1, 0.1e18);
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.DapiNotServedHere.selector, remote, block.chainid + 1));
        claims.setDapiFeed(remote, 1 days, 0);
        vm.prank(primary);
        claims.setDapiFeed(remote, 0, 1 hours);
        assertEq(claims.dapiFeed(remote).heartbeat, 0);
    }

    /// @dev A fresh manager's own defaults (ClaimsBase changes the bond and the waiting period).
    function test_defaults_ofAFreshManager() public {
        IClaimsManager fresh = IClaimsManager(address(_deployClaimsManager(IStakingPool(address(pool)))));
        assertEq(fresh.claimantBond(), 50e18);
        assertEq(fresh.claimantBondRate(), 0.01e18);
        assertEq(fresh.waitingPeriod(), 1 days);
        assertEq(fresh.priceHaircut(), 0.1e18);
    }

    /// @dev `maxPriceAge` defaults to 25 hours, or to the price dAPI's heartbeat if that is longer.
    function test_defaults_maxPriceAgeFollowsALongerHeartbeat() public {
        ClaimsStorage.DapiConfig[] memory none = new ClaimsStorage.DapiConfig[](0);
        ClaimsManager slow = Release.claimsManager(
            IStakingPool(address(pool)),
            priceFeed,
            2 days,
            primary,
            secondary,
            mediator,
            IArbitrator(address(0)),
            "",
            "",
            none
        );
        assertEq(IClaimsManager(address(slow)).maxPriceAge(), 2 days);
        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, 2 days - 1, 2 days, 7 days));
        IClaimsManager(address(slow)).setMaxPriceAge(2 days - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IClaimsTypes.ParameterOutOfBounds.selector, 2 days + 1, 1 minutes, 2 days)
        );
        Release.claimsManager(
            IStakingPool(address(pool)),
            priceFeed,
            2 days + 1,
            primary,
            secondary,
            mediator,
            IArbitrator(address(0)),
            "",
            "",
            none
        );
    }

    /// @dev (calldata with a value exactly at a bound, with the value one unit past it, expected error, the agent).
    struct Setter {
        bytes good;
        bytes bad;
        bytes err;
        address agent;
    }

    /// @dev Every governed claims parameter at each edge of its hard bounds (#12 rule 5: governance cannot price out
    /// claims). `_checkSetter` runs each: the other agent is refused, one unit past the bound reverts with the bound,
    /// exactly at it succeeds.
    function _setters() internal view returns (Setter[24] memory s) {
        bytes4 oob = IClaimsTypes.ParameterOutOfBounds.selector;
        uint256 ppm = 1e12;
        s[0] = Setter(
            abi.encodeCall(claims.setPricingCurve, (0.5e18, 1e18, 0.95e18, 10e18)),
            abi.encodeCall(claims.setPricingCurve, (0.5e18 + 1, 0, 0.5e18, 0)),
            abi.encodeWithSelector(oob, 0.5e18 + 1, 0, 0.5e18),
            secondary
        );
        s[1] = Setter(
            abi.encodeCall(claims.setPricingCurve, (0, 0, 0.1e18, 0)),
            abi.encodeCall(claims.setPricingCurve, (0, 0, 0.1e18 - 1, 0)),
            abi.encodeWithSelector(oob, 0.1e18 - 1, 0.1e18, 0.95e18),
            secondary
        );
        s[2] = Setter(
            abi.encodeCall(claims.setCollateralizationRatio, (1e18)),
            abi.encodeCall(claims.setCollateralizationRatio, (1e18 + ppm)),
            abi.encodeWithSelector(oob, 1e18 + ppm, 0.05e18, 1e18),
            secondary
        );
        s[3] = Setter(
            abi.encodeCall(claims.setCollateralizationRatio, (0.05e18)),
            abi.encodeCall(claims.setCollateralizationRatio, (0.05e18 - ppm)),
            abi.encodeWithSelector(oob, 0.05e18 - ppm, 0.05e18, 1e18),
            secondary
        );
        s[4] = Setter(
            abi.encodeCall(claims.setDapiCap, ("BTC/USD", 10, 1e18)),
            abi.encodeCall(claims.setDapiCap, ("BTC/USD", 10, 1e18 + ppm)),
            abi.encodeWithSelector(oob, 1e18 + ppm, 0, 1e18),
            secondary
        );
        s[5] = Setter(
            abi.encodeCall(claims.setClaimantBond, (1000e18, 0)),
            abi.encodeCall(claims.setClaimantBond, (1000e18 + 1, 0)),
            abi.encodeWithSelector(oob, 1000e18 + 1, 0, 1000e18),
            secondary
        );
        s[6] = Setter(
            abi.encodeCall(claims.setClaimantBond, (0, 0.05e18)),
            abi.encodeCall(claims.setClaimantBond, (0, 0.05e18 + 1e9)),
            abi.encodeWithSelector(oob, 0.05e18 + 1e9, 0, 0.05e18),
            secondary
        );
        s[7] = Setter(
            abi.encodeCall(claims.setClaimantBond, (0, 1e9)),
            abi.encodeCall(claims.setClaimantBond, (0, 1e9 + 1)),
            abi.encodeWithSelector(IClaimsTypes.ParameterPrecision.selector, 1e9 + 1, 1e9),
            secondary
        );
        s[8] = Setter(
            abi.encodeCall(claims.setMaxPriceAge, (7 days)),
            abi.encodeCall(claims.setMaxPriceAge, (7 days + 1)),
            abi.encodeWithSelector(oob, 7 days + 1, 24 hours, 7 days),
            secondary
        );
        s[9] = Setter(
            abi.encodeCall(claims.setMaxPriceAge, (24 hours)),
            abi.encodeCall(claims.setMaxPriceAge, (24 hours - 1)),
            abi.encodeWithSelector(oob, 24 hours - 1, 24 hours, 7 days),
            secondary
        );
        s[10] = Setter(
            abi.encodeCall(claims.setTreasuryShare, (0.5e18)),
            abi.encodeCall(claims.setTreasuryShare, (0.5e18 + 1)),
            abi.encodeWithSelector(oob, 0.5e18 + 1, 0, 0.5e18),
            secondary
        );
        s[11] = Setter(
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.5e18)),
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.5e18 + 1)),
            abi.encodeWithSelector(oob, 0.5e18 + 1, 0.01e18, 0.5e18),
            primary
        );
        s[12] = Setter(
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.01e18)),
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.01e18 - 1)),
            abi.encodeWithSelector(oob, 0.01e18 - 1, 0.01e18, 0.5e18),
            primary
        );
        s[13] = Setter(
            abi.encodeCall(claims.setPolicyAgent, (bob, true)),
            abi.encodeCall(claims.setPolicyAgent, (address(0), true)),
            abi.encodeWithSelector(IClaimsTypes.ZeroAddress.selector),
            primary
        );
        s[14] = Setter(
            abi.encodeCall(claims.setPayoutQuota, (bob, 0.01e18)),
            abi.encodeCall(claims.setPayoutQuota, (address(0), 0.01e18)),
            abi.encodeWithSelector(IClaimsTypes.ZeroAddress.selector),
            primary
        );
        s[15] = Setter(
            abi.encodeCall(claims.setWaitingPeriod, (7 days)),
            abi.encodeCall(claims.setWaitingPeriod, (7 days + 1)),
            abi.encodeWithSelector(oob, 7 days + 1, 0, 7 days),
            secondary
        );
        s[16] = Setter(
            abi.encodeCall(claims.setPriceHaircut, (0.5e18)),
            abi.encodeCall(claims.setPriceHaircut, (0.5e18 + ppm)),
            abi.encodeWithSelector(oob, 0.5e18 + ppm, 0, 0.5e18),
            secondary
        );
        s[17] = Setter(
            abi.encodeCall(claims.setMaxDisputeInactivity, (180 days)),
            abi.encodeCall(claims.setMaxDisputeInactivity, (180 days + 1)),
            abi.encodeWithSelector(oob, 180 days + 1, 14 days, 180 days),
            primary
        );
        s[18] = Setter(
            abi.encodeCall(claims.setMaxDisputeInactivity, (14 days)),
            abi.encodeCall(claims.setMaxDisputeInactivity, (14 days - 1)),
            abi.encodeWithSelector(oob, 14 days - 1, 14 days, 180 days),
            primary
        );
        s[19] = Setter(
            abi.encodeCall(claims.setDapiFeed, (DAPI, 2 days, 1 days)),
            abi.encodeCall(claims.setDapiFeed, (DAPI, 2 days + 1, 0)),
            abi.encodeWithSelector(oob, 2 days + 1, 1 minutes, 2 days),
            primary
        );
        s[20] = Setter(
            abi.encodeCall(claims.setDapiFeed, (DAPI, 1 minutes, 0)),
            abi.encodeCall(claims.setDapiFeed, (DAPI, 1 minutes - 1, 0)),
            abi.encodeWithSelector(oob, 1 minutes - 1, 1 minutes, 2 days),
            primary
        );
        s[21] = Setter(
            abi.encodeCall(claims.setDapiFeed, (DAPI, 1 days, 1 days)),
            abi.encodeCall(claims.setDapiFeed, (DAPI, 1 days, 1 days + 1)),
            abi.encodeWithSelector(oob, 1 days + 1, 0, 1 days),
            primary
        );
        s[22] = Setter(
            abi.encodeCall(claims.setDapiFeed, (DAPI, 0, 0)),
            abi.encodeCall(claims.setDapiFeed, (7, 0, 0)),
            abi.encodeWithSelector(IClaimsTypes.UnknownDapi.selector, 7),
            primary
        );
        s[23] = Setter(
            abi.encodeCall(claims.setPriceHaircut, (0)),
            abi.encodeCall(claims.setPriceHaircut, (1)),
            abi.encodeWithSelector(IClaimsTypes.ParameterPrecision.selector, 1, ppm),
            secondary
        );
    }

    function test_setters_boundsAndAuthorization() public {
        Setter[24] memory s = _setters();
        for (uint256 i; i < s.length; ++i) {
            string memory where = vm.toString(i);
            address other = s[i].agent == primary ? secondary : primary;
            vm.prank(other);
            (bool ok, bytes memory ret) = address(claims).call(s[i].good);
            assertFalse(ok, where);
            assertEq(ret, abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, other, s[i].agent), where);
            vm.prank(s[i].agent);
            (ok, ret) = address(claims).call(s[i].bad);
            assertFalse(ok, where);
            assertEq(ret, s[i].err, where);
            vm.prank(s[i].agent);
            (ok,) = address(claims).call(s[i].good);
            assertTrue(ok, where);
        }
        (uint256 base,,,) = claims.pricingCurve();
        assertEq(base, 0);
        assertEq(claims.collateralizationRatio(), 0.05e18);
        assertEq(claims.dapiIdOf("BTC/USD", 10), 2);
        assertEq(claims.claimantBond(), 0);
        assertEq(claims.claimantBondRate(), 1e9);
        assertEq(claims.maxPriceAge(), 24 hours);
        assertEq(claims.treasuryShare(), 0.5e18);
        assertEq(claims.payoutQuotaShare(mediator), 0.01e18);
        assertEq(claims.payoutQuotaShare(bob), 0.01e18);
        assertEq(claims.waitingPeriod(), 7 days);
        assertEq(claims.priceHaircut(), 0);
        assertEq(claims.maxDisputeInactivity(), 14 days);
        IClaimsTypes.DapiFeed memory feed = claims.dapiFeed(DAPI);
        assertEq(feed.heartbeat, 0);
        assertEq(feed.grace, 0);
        assertTrue(claims.isPolicyAgent(bob));
    }

    function test_setters_emitEvents() public {
        vm.startPrank(secondary);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PricingCurveSet(0.01e18, 0.05e18, 0.7e18, 2e18);
        claims.setPricingCurve(0.01e18, 0.05e18, 0.7e18, 2e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.CollateralizationRatioSet(0.3e18);
        claims.setCollateralizationRatio(0.3e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DapiCapSet(2, "BTC/USD", 10, 0.2e18);
        claims.setDapiCap("BTC/USD", 10, 0.2e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.ClaimantBondSet(5e18, 0.02e18);
        claims.setClaimantBond(5e18, 0.02e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.MaxPriceAgeSet(2 days);
        claims.setMaxPriceAge(2 days);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.WaitingPeriodSet(12 hours);
        claims.setWaitingPeriod(12 hours);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PriceHaircutSet(0.2e18);
        claims.setPriceHaircut(0.2e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.TreasuryShareSet(0);
        claims.setTreasuryShare(0);
        vm.stopPrank();
        vm.startPrank(primary);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.MediatorSet(bob);
        claims.setMediator(bob);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PolicyAgentSet(bob, true);
        claims.setPolicyAgent(bob, true);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PayoutQuotaSet(bob, 0.2e18);
        claims.setPayoutQuota(bob, 0.2e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.TreasurySet(bob);
        claims.setTreasury(bob);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.MaxDisputeInactivitySet(30 days);
        claims.setMaxDisputeInactivity(30 days);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.DapiFeedSet(DAPI, 1 hours, 0);
        claims.setDapiFeed(DAPI, 1 hours, 0);
        vm.stopPrank();
        assertEq(claims.mediator(), bob);
        assertEq(claims.treasury(), bob);
    }

    function test_setDapiCap_updatesAnExistingDapi() public {
        vm.prank(secondary);
        uint256 id = claims.setDapiCap(COVERED_DAPI, block.chainid, 0.1e18);
        assertEq(id, DAPI);
        assertEq(claims.dapi(DAPI).capShare, 0.1e18);
        assertEq(claims.dapiCount(), 1);
        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.UnknownDapi.selector, 0));
        claims.setDapiCap(bytes32(0), 1, 0.1e18);
    }

    function test_setPrimaryAgent_handsOverEveryPrimaryPower() public {
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, stranger, primary));
        claims.setPrimaryAgent(bob);
        vm.prank(primary);
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        claims.setPrimaryAgent(address(0));

        vm.prank(primary);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.PrimaryAgentSet(bob);
        claims.setPrimaryAgent(bob);
        assertEq(claims.primaryAgent(), bob);

        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, primary, bob));
        claims.setMediator(alice);
        vm.prank(bob);
        claims.setMediator(alice);
        assertEq(claims.mediator(), alice);
    }

    function test_setSecondaryAgent_onlyByThePrimaryAgent() public {
        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, secondary, primary));
        claims.setSecondaryAgent(bob);

        vm.prank(primary);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.SecondaryAgentSet(bob);
        claims.setSecondaryAgent(bob);
        assertEq(claims.secondaryAgent(), bob);

        vm.prank(secondary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, secondary, bob));
        claims.setMaxPriceAge(2 days);
        vm.prank(bob);
        claims.setMaxPriceAge(2 days);
        assertEq(claims.maxPriceAge(), 2 days);
    }

    function test_setSecondaryAgent_refusesTheZeroAddress() public {
        vm.prank(primary);
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        claims.setSecondaryAgent(address(0));
    }

    function test_admin_refusesDirectCalls() public {
        ClaimsAdmin module = cm.admin();
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IClaimsTypes.Unauthorized.selector, primary, address(0)));
        module.setMediator(bob);
    }

    function test_fallback_revertsOnUnknownSelectorAndEther() public {
        (bool ok,) = address(claims).call(abi.encodeWithSignature("nope()"));
        assertFalse(ok);
        (ok,) = address(claims).call{value: 1}("");
        assertFalse(ok);
    }

    function test_constructor_revertsOnZeroAddresses() public {
        ClaimsStorage.DapiConfig[] memory none = new ClaimsStorage.DapiConfig[](0);
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        Release.claimsManager(
            IStakingPool(address(pool)),
            priceFeed,
            address(0),
            secondary,
            address(0),
            IArbitrator(address(0)),
            "",
            "",
            none
        );
        vm.expectRevert(IClaimsTypes.ZeroAddress.selector);
        Release.claimsManager(
            IStakingPool(address(pool)),
            IApi3ReaderProxy(address(0)),
            primary,
            secondary,
            address(0),
            IArbitrator(address(0)),
            "",
            "",
            none
        );
    }
}
