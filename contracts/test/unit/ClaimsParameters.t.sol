// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ClaimsManager} from "../../src/ClaimsManager.sol";
import {ClaimsAdmin} from "../../src/claims/ClaimsAdmin.sol";
import {ClaimsStorage} from "../../src/claims/ClaimsStorage.sol";
import {IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
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
        assertEq(claims.claimantBond(), BOND);
        assertEq(claims.maxClaimantBond(), 1_000_000e18);
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
        assertEq(d.chainId, 1);
        assertEq(d.capShare, 0.5e18);
        assertEq(claims.dapiIdOf(COVERED_DAPI, 1), DAPI);
        assertEq(claims.dapiCount(), 1);
    }

    /// @dev (calldata with an in-bounds value, with an out-of-bounds value, expected error, the agent).
    struct Setter {
        bytes good;
        bytes bad;
        bytes err;
        address agent;
    }

    function _setters() internal view returns (Setter[10] memory s) {
        bytes4 oob = IClaimsTypes.ParameterOutOfBounds.selector;
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
            abi.encodeCall(claims.setCollateralizationRatio, (0.05e18 - 1)),
            abi.encodeWithSelector(oob, 0.05e18 - 1, 0.05e18, 1e18),
            secondary
        );
        s[3] = Setter(
            abi.encodeCall(claims.setDapiCap, ("BTC/USD", 10, 1e18)),
            abi.encodeCall(claims.setDapiCap, ("BTC/USD", 10, 1e18 + 1)),
            abi.encodeWithSelector(oob, 1e18 + 1, 0, 1e18),
            secondary
        );
        s[4] = Setter(
            abi.encodeCall(claims.setClaimantBond, (1_000_000e18)),
            abi.encodeCall(claims.setClaimantBond, (1_000_000e18 + 1)),
            abi.encodeWithSelector(oob, 1_000_000e18 + 1, 0, 1_000_000e18),
            secondary
        );
        s[5] = Setter(
            abi.encodeCall(claims.setMaxPriceAge, (7 days)),
            abi.encodeCall(claims.setMaxPriceAge, (10 minutes - 1)),
            abi.encodeWithSelector(oob, 10 minutes - 1, 10 minutes, 7 days),
            secondary
        );
        s[6] = Setter(
            abi.encodeCall(claims.setTreasuryShare, (0.5e18)),
            abi.encodeCall(claims.setTreasuryShare, (0.5e18 + 1)),
            abi.encodeWithSelector(oob, 0.5e18 + 1, 0, 0.5e18),
            secondary
        );
        s[7] = Setter(
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.5e18)),
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0.5e18 + 1)),
            abi.encodeWithSelector(oob, 0.5e18 + 1, 0, 0.5e18),
            primary
        );
        s[8] = Setter(
            abi.encodeCall(claims.setPolicyAgent, (bob, true)),
            abi.encodeCall(claims.setPolicyAgent, (address(0), true)),
            abi.encodeWithSelector(IClaimsTypes.ZeroAddress.selector),
            primary
        );
        s[9] = Setter(
            abi.encodeCall(claims.setPayoutQuota, (mediator, 0)),
            abi.encodeCall(claims.setPayoutQuota, (address(0), 0)),
            abi.encodeWithSelector(IClaimsTypes.ZeroAddress.selector),
            primary
        );
    }

    function test_setters_boundsAndAuthorization() public {
        Setter[10] memory s = _setters();
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
        assertEq(claims.collateralizationRatio(), 1e18);
        assertEq(claims.dapiIdOf("BTC/USD", 10), 2);
        assertEq(claims.claimantBond(), 1_000_000e18);
        assertEq(claims.maxPriceAge(), 7 days);
        assertEq(claims.treasuryShare(), 0.5e18);
        assertEq(claims.payoutQuotaShare(mediator), 0);
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
        emit IClaimsTypes.ClaimantBondSet(5e18);
        claims.setClaimantBond(5e18);
        vm.expectEmit(address(cm));
        emit IClaimsTypes.MaxPriceAgeSet(1 hours);
        claims.setMaxPriceAge(1 hours);
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
        vm.stopPrank();
        assertEq(claims.mediator(), bob);
        assertEq(claims.treasury(), bob);
    }

    function test_setDapiCap_updatesAnExistingDapi() public {
        vm.prank(secondary);
        uint256 id = claims.setDapiCap(COVERED_DAPI, 1, 0.1e18);
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
        claims.setMaxPriceAge(1 hours);
        vm.prank(bob);
        claims.setMaxPriceAge(1 hours);
        assertEq(claims.maxPriceAge(), 1 hours);
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
