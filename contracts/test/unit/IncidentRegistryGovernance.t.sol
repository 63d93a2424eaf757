// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IncidentRegistry} from "../../src/IncidentRegistry.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {IncidentRegistryBase, IncidentTestToken} from "./IncidentRegistryBase.t.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Definitions (every bound at and one past its edge, versions, references), the bounty, the mediator and
/// voiding, the primary agent.
contract IncidentRegistryGovernanceTest is IncidentRegistryBase {
    IIncidentRegistry.IncidentDefinition internal d;

    function _expectOutOfBounds(bytes32 parameter, uint256 value, uint256 min, uint256 max) internal {
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.OutOfBounds.selector, parameter, value, min, max));
    }

    function _set(IIncidentRegistry.IncidentDefinition memory definition_) internal returns (uint256) {
        vm.prank(primary);
        return registry.setIncidentDefinition(ETH, definition_);
    }

    /// @dev Sets `field` of the default definition to `value` and expects it accepted (`ok`) or refused as out of
    /// [min, max].
    function _boundCase(bytes32 field, uint256 value, uint256 min, uint256 max) internal {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        if (field == "heartbeat") def.heartbeat = value;
        else if (field == "grace") def.grace = value;
        else if (field == "deviationThresholdBps") def.deviationThresholdBps = value;
        else if (field == "confirmationGap") (def.confirmationGap, def.deviationOpenPeriod) = (value, 7 days);
        else if (field == "challengeWindow") def.challengeWindow = value;
        else if (field == "deviationOpenPeriod") def.deviationOpenPeriod = value;
        else if (field == "quorum") def.quorum = value;
        uint256 before = registry.definitionVersion(ETH);
        if (value < min || value > max) {
            _expectOutOfBounds(field, value, min, max);
            _set(def);
            assertEq(registry.definitionVersion(ETH), before, "nothing changes");
        } else {
            assertEq(_set(def), before + 1);
        }
    }

    function _edges(bytes32 field, uint256 min, uint256 max) internal {
        if (min > 0) _boundCase(field, min - 1, min, max);
        _boundCase(field, min, min, max);
        _boundCase(field, max, min, max);
        _boundCase(field, max + 1, min, max);
    }

    function test_setIncidentDefinition_everyBoundAtAndOnePastItsEdge() public {
        _edges("heartbeat", 1 minutes, 2 days);
        _edges("grace", 0, 1 days);
        _edges("deviationThresholdBps", 50, 5000);
        _edges("confirmationGap", 1 minutes, 1 days); // with an open period of 7 days
        _edges("challengeWindow", 1 hours, 7 days);
        _edges("deviationOpenPeriod", 1 hours, 7 days);
        _edges("quorum", 4, 7); // a strict majority of 7 references, at most all
    }

    function test_setIncidentDefinition_theOpenPeriodIsNeverBelowTheGap() public {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        def.confirmationGap = 1 days;
        def.deviationOpenPeriod = 1 days - 1;
        _expectOutOfBounds("deviationOpenPeriod", 1 days - 1, 1 days, 7 days);
        _set(def);
        def.deviationOpenPeriod = 1 days;
        _set(def);
        def.confirmationGap = 1 days + 1;
        _expectOutOfBounds("confirmationGap", 1 days + 1, 1 minutes, 1 days);
        _set(def);
    }

    function test_setIncidentDefinition_quorumIsAStrictMajorityOfTheReferences() public {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        IIncidentRegistry.Reference[] memory four = new IIncidentRegistry.Reference[](4);
        for (uint256 i; i < 4; ++i) {
            four[i] = def.references[i];
        }
        def.references = four;
        def.quorum = 2;
        _expectOutOfBounds("quorum", 2, 3, 4);
        _set(def);
        def.quorum = 3;
        _set(def);

        def.references = new IIncidentRegistry.Reference[](0);
        def.quorum = 1;
        _expectOutOfBounds("quorum", 1, 0, 0);
        _set(def);
        def.quorum = 0;
        _set(def);
    }

    function test_setIncidentDefinition_atMostSevenReferences() public {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        IIncidentRegistry.Reference[] memory eight = new IIncidentRegistry.Reference[](8);
        for (uint256 i; i < 7; ++i) {
            eight[i] = def.references[i];
        }
        eight[7] = IIncidentRegistry.Reference(address(type(uint160).max), keccak256("eighth"));
        def.references = eight;
        def.quorum = 5;
        _expectOutOfBounds("references", 8, 0, 7);
        _set(def);
    }

    function test_setIncidentDefinition_referencesSortedUniqueAndSet() public {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        (def.references[3], def.references[4]) = (def.references[4], def.references[3]);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.AirnodesUnsorted.selector, 4, refAirnodes[3], refAirnodes[4])
        );
        _set(def);

        def = _definition(ETH);
        def.references[4] = IIncidentRegistry.Reference(refAirnodes[3], keccak256("other"));
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.DuplicateAirnode.selector, 4, refAirnodes[3]));
        _set(def);

        def = _definition(ETH);
        def.references[0].templateId = bytes32(0);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.InvalidReference.selector, 0));
        _set(def);

        def = _definition(ETH);
        def.references[0].airnode = address(0);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.InvalidReference.selector, 0));
        _set(def);
    }

    function test_setIncidentDefinition_sequencerGraceOnlyWithAFeed() public {
        IIncidentRegistry.IncidentDefinition memory def = _definition(ETH);
        def.sequencerGrace = 1;
        _expectOutOfBounds("sequencerGrace", 1, 0, 0);
        _set(def);
        def.sequencerUptimeFeed = makeAddr("sequencer feed");
        def.sequencerGrace = 1 days + 1;
        _expectOutOfBounds("sequencerGrace", 1 days + 1, 0, 1 days);
        _set(def);
        def.sequencerGrace = 1 days;
        _set(def);
    }

    function test_setIncidentDefinition_onlyThePrimaryAgent() public {
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, stranger, primary));
        vm.prank(stranger);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        vm.expectRevert(IIncidentRegistry.ZeroDapiName.selector);
        vm.prank(primary);
        registry.setIncidentDefinition(bytes32(0), _definition(ETH));
    }

    function test_setIncidentDefinition_versionsAreKeptAndReadable() public {
        IIncidentRegistry.IncidentDefinition memory v2 = _definition(ETH);
        v2.heartbeat = 2 hours;
        v2.deviationThresholdBps = 100;
        IIncidentRegistry.Reference[] memory three = new IIncidentRegistry.Reference[](3);
        for (uint256 i; i < 3; ++i) {
            three[i] = IIncidentRegistry.Reference(refAirnodes[i], keccak256(abi.encode("v2", i)));
        }
        v2.references = three;
        v2.quorum = 2;
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.IncidentDefinitionSet(ETH, 2, v2);
        assertEq(_set(v2), 2);
        assertEq(registry.definitionVersion(ETH), 2);
        assertEq(keccak256(abi.encode(registry.definition(ETH, 1))), keccak256(abi.encode(_definition(ETH))), "v1 kept");
        assertEq(keccak256(abi.encode(registry.definition(ETH, 2))), keccak256(abi.encode(v2)));
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownDefinition.selector, ETH, 3));
        registry.definition(ETH, 3);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownDefinition.selector, ETH, 0));
        registry.definition(ETH, 0);

        // Version 2's references count; version 1's templates no longer do.
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.UnknownReference.selector, refAirnodes[0], _refTemplate(ETH, 0))
        );
        _reportDeviation(ETH, _deviating());
        IIncidentRegistry.SignedValue[] memory signed = new IIncidentRegistry.SignedValue[](2);
        for (uint256 i; i < 2; ++i) {
            bytes32 templateId = keccak256(abi.encode("v2", i));
            signed[i] = IIncidentRegistry.SignedValue(
                refAirnodes[i],
                templateId,
                block.timestamp,
                3100e18,
                _sign(refKeys[i], templateId, block.timestamp, 3100e18)
            );
        }
        _reportDeviation(ETH, signed);
        assertEq(registry.incident(ETH, 1).definitionVersion, 2, "3.2% deviates under v2's 1% threshold");
    }

    /// @dev Any definition within bounds is accepted and read back as given.
    function testFuzz_setIncidentDefinition_readsBackWhatWasSet(
        uint256 heartbeat,
        uint256 grace,
        uint256 threshold,
        uint256 gap,
        uint256 window,
        uint256 openPeriod,
        uint256 count,
        uint256 quorum
    ) public {
        IIncidentRegistry.IncidentDefinition memory def;
        def.heartbeat = bound(heartbeat, 1 minutes, 2 days);
        def.grace = bound(grace, 0, 1 days);
        def.deviationThresholdBps = bound(threshold, 50, 5000);
        def.confirmationGap = bound(gap, 1 minutes, 1 days);
        def.challengeWindow = bound(window, 1 hours, 7 days);
        def.deviationOpenPeriod =
            bound(openPeriod, def.confirmationGap < 1 hours ? 1 hours : def.confirmationGap, 7 days);
        count = bound(count, 0, 7);
        def.quorum = count == 0 ? 0 : bound(quorum, count / 2 + 1, count);
        def.references = new IIncidentRegistry.Reference[](count);
        for (uint256 i; i < count; ++i) {
            def.references[i] = IIncidentRegistry.Reference(refAirnodes[i], _refTemplate(ETH, i));
        }
        assertEq(_set(def), 2);
        assertEq(keccak256(abi.encode(registry.definition(ETH, 2))), keccak256(abi.encode(def)));
    }

    // ----------------------------------------------------------------- bounty

    function test_setBounty_boundsAtAndOnePastTheEdges() public {
        uint256 max = registry.maxBounty();
        assertEq(max, 100e18);
        vm.startPrank(primary);
        vm.expectRevert(
            abi.encodeWithSelector(IIncidentRegistry.OutOfBounds.selector, bytes32("bounty"), max + 1, 0, max)
        );
        registry.setBounty(max + 1, INTERVAL);
        registry.setBounty(max, INTERVAL);
        registry.setBounty(0, INTERVAL);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.OutOfBounds.selector, bytes32("minReportInterval"), 1 minutes - 1, 1 minutes, 1 hours
            )
        );
        registry.setBounty(BOUNTY, 1 minutes - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IIncidentRegistry.OutOfBounds.selector, bytes32("minReportInterval"), 1 hours + 1, 1 minutes, 1 hours
            )
        );
        registry.setBounty(BOUNTY, 1 hours + 1);
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.BountySet(BOUNTY, 1 hours);
        registry.setBounty(BOUNTY, 1 hours);
        vm.stopPrank();
        (uint256 amount, uint256 interval) = registry.bounty();
        assertEq(amount, BOUNTY);
        assertEq(interval, 1 hours);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, stranger, primary));
        vm.prank(stranger);
        registry.setBounty(BOUNTY, INTERVAL);
    }

    function test_bounty_shortFundsEarnWhatIsLeftAndStillRecord() public {
        IIncidentRegistry fresh = _registryFundedWith(token, 3e18);
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        vm.prank(reporter);
        fresh.reportStale(ETH);
        assertEq(fresh.earnedBounties(reporter), 3e18, "what was left");
        assertEq(fresh.bountyFunds(), 0);

        vm.warp(block.timestamp + INTERVAL);
        IIncidentRegistry.Incident memory extended = fresh.incident(ETH, 1);
        extended.lastProvenAt = uint32(block.timestamp);
        vm.expectEmit(address(fresh));
        emit IIncidentRegistry.IncidentReported(ETH, 1, reporter, extended, 0);
        vm.prank(reporter);
        fresh.reportStale(ETH);
        assertEq(fresh.incident(ETH, 1).lastProvenAt, block.timestamp, "recorded with no funds left");
        assertEq(fresh.earnedBounties(reporter), 3e18);
    }

    /// @dev A registry like `registry` (ETH/USD defined, bounty `BOUNTY`) on `token_`, with `funds` of bounty funds.
    function _registryFundedWith(IncidentTestToken token_, uint256 funds) internal returns (IIncidentRegistry fresh) {
        fresh = IIncidentRegistry(
            address(new IncidentRegistry(address(api3ServerV1), IERC20(address(token_)), primary, mediator))
        );
        vm.startPrank(primary);
        fresh.setIncidentDefinition(ETH, _definition(ETH));
        fresh.setBounty(BOUNTY, INTERVAL);
        vm.stopPrank();
        token_.mint(address(this), funds);
        token_.approve(address(fresh), funds);
        fresh.fundBounties(funds);
    }

    function test_bounty_zeroEarnsNothing() public {
        vm.prank(primary);
        registry.setBounty(0, INTERVAL);
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        _reportStale(ETH);
        assertEq(registry.earnedBounties(reporter), 0);
        assertEq(registry.bountyFunds(), FUNDING);
    }

    function test_fundBounties_pullsTheTokensAndCountsThem() public {
        token.mint(stranger, 7e18);
        vm.startPrank(stranger);
        token.approve(address(registry), 7e18);
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.BountiesFunded(stranger, 7e18);
        registry.fundBounties(7e18);
        vm.expectRevert(IIncidentRegistry.ZeroAmount.selector);
        registry.fundBounties(0);
        vm.stopPrank();
        assertEq(registry.bountyFunds(), FUNDING + 7e18);
        assertEq(token.balanceOf(address(registry)), FUNDING + 7e18);
        assertEq(token.balanceOf(stranger), 0);
    }

    function test_fundBounties_aPlainTransferIsNotCounted() public {
        token.mint(address(registry), 50e18);
        assertEq(registry.bountyFunds(), FUNDING);
    }

    function test_claimBounties_sendsEverythingEarnedOnce() public {
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        _reportStale(ETH);
        vm.warp(block.timestamp + INTERVAL);
        _reportStale(ETH);
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.BountiesClaimed(reporter, stranger, 2 * BOUNTY);
        vm.prank(reporter);
        assertEq(registry.claimBounties(stranger), 2 * BOUNTY);
        assertEq(token.balanceOf(stranger), 2 * BOUNTY);
        assertEq(registry.earnedBounties(reporter), 0);
        assertEq(token.balanceOf(address(registry)), FUNDING - 2 * BOUNTY);
        assertEq(registry.bountyFunds(), FUNDING - 2 * BOUNTY);

        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.NoBountyEarned.selector, reporter));
        vm.prank(reporter);
        registry.claimBounties(stranger);
        vm.expectRevert(IIncidentRegistry.ZeroAddress.selector);
        vm.prank(reporter);
        registry.claimBounties(address(0));
    }

    /// @dev However often a watcher reports one outage, it earns at most one bounty per interval (plus the first);
    /// funds and earnings always add up to what was funded.
    function testFuzz_bounty_repeatedReportsCannotDrainTheFunds(uint256 seed) public {
        uint256 staleFrom = updatedAt[ETH] + HEARTBEAT + GRACE;
        vm.warp(staleFrom + 1);
        uint256 start = block.timestamp;
        for (uint256 i; i < 40; ++i) {
            vm.warp(block.timestamp + uint256(keccak256(abi.encode(seed, i))) % (2 * INTERVAL));
            vm.prank(reporter);
            try registry.reportStale(ETH) {} catch {}
        }
        uint256 earned = registry.earnedBounties(reporter);
        assertLe(earned, BOUNTY * ((block.timestamp - start) / INTERVAL + 1));
        assertEq(earned + registry.bountyFunds(), FUNDING);
        assertEq(registry.incidentCount(ETH), 1);
    }

    /// @dev A token that calls back on transfer (an ERC-777-style hook) cannot claim twice: the earnings are zeroed
    /// before the transfer. Here the token itself is the reporter, and re-enters from the transfer to itself.
    function test_claimBounties_aReentrantTokenCannotClaimTwice() public {
        ReentrantToken evil = new ReentrantToken();
        IIncidentRegistry other = _registryFundedWith(evil, FUNDING);
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        evil.report(other, ETH);
        assertEq(other.earnedBounties(address(evil)), BOUNTY);
        evil.claim(other);
        assertTrue(evil.reentered(), "the token tried");
        assertEq(evil.innerError(), IIncidentRegistry.NoBountyEarned.selector, "and found nothing earned");
        assertEq(evil.balanceOf(address(evil)), BOUNTY, "paid once");
        assertEq(evil.balanceOf(address(other)), FUNDING - BOUNTY);
    }

    // --------------------------------------------------------------- voiding

    function test_voidIncident_anUnconfirmedDeviation() public {
        _reportDeviation(ETH, _deviating());
        vm.expectEmit(address(registry));
        emit IIncidentRegistry.IncidentVoided(ETH, 1, mediator, "ipfs://reason");
        vm.prank(mediator);
        registry.voidIncident(ETH, 1, "ipfs://reason");
        assertTrue(registry.incident(ETH, 1).voided);
        assertFalse(registry.hasOpenIncident(ETH));
        vm.warp(block.timestamp + GAP);
        assertEq(_reportDeviation(ETH, _deviating()), 2, "the next report starts a new incident");
    }

    function test_voidIncident_insideTheChallengeWindowNotAtItsEnd() public {
        _confirmedDeviation();
        uint256 payableAt = registry.incident(ETH, 1).payableAt;
        uint256 snapshot = vm.snapshotState();
        vm.warp(payableAt - 1);
        vm.prank(mediator);
        registry.voidIncident(ETH, 1, "ipfs://reason");
        assertTrue(registry.incident(ETH, 1).voided);

        vm.revertToState(snapshot);
        vm.warp(payableAt);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.ChallengeWindowOver.selector, ETH, 1, payableAt));
        vm.prank(mediator);
        registry.voidIncident(ETH, 1, "ipfs://reason");
        assertFalse(registry.incident(ETH, 1).voided);
    }

    function test_voidIncident_refusals() public {
        vm.warp(updatedAt[ETH] + HEARTBEAT + GRACE + 1);
        _reportStale(ETH);
        _reportDeviation(ETH, _deviating());

        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.StaleIncidentNotVoidable.selector, ETH, 1));
        registry.voidIncident(ETH, 1, "");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, stranger, mediator));
        registry.voidIncident(ETH, 2, "");
        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownIncident.selector, ETH, 3));
        registry.voidIncident(ETH, 3, "");
        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownIncident.selector, ETH, 0));
        registry.voidIncident(ETH, 0, "");
        vm.prank(mediator);
        registry.voidIncident(ETH, 2, "");
        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.IncidentAlreadyVoided.selector, ETH, 2));
        registry.voidIncident(ETH, 2, "");
    }

    function test_setMediator_andNobodyWithoutOne() public {
        _reportDeviation(ETH, _deviating());
        vm.prank(primary);
        registry.setMediator(address(0));
        vm.prank(mediator);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, mediator, address(0)));
        registry.voidIncident(ETH, 1, "");
        vm.prank(primary);
        registry.setMediator(stranger);
        assertEq(registry.mediator(), stranger);
        vm.prank(stranger);
        registry.voidIncident(ETH, 1, "");
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, stranger, primary));
        registry.setMediator(stranger);
    }

    function test_setPrimaryAgent_handsOverEveryPower() public {
        vm.prank(primary);
        vm.expectRevert(IIncidentRegistry.ZeroAddress.selector);
        registry.setPrimaryAgent(address(0));
        vm.prank(primary);
        registry.setPrimaryAgent(stranger);
        assertEq(registry.primaryAgent(), stranger);
        vm.prank(primary);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.Unauthorized.selector, primary, stranger));
        registry.setBounty(0, INTERVAL);
        vm.prank(stranger);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        assertEq(registry.definitionVersion(ETH), 2);
    }

    function test_views_incidentOutsideTheRange() public {
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.UnknownIncident.selector, ETH, 1));
        registry.incident(ETH, 1);
        assertEq(registry.api3ServerV1(), address(api3ServerV1));
        assertEq(registry.token(), address(token));
    }

    /// @dev `maxBounty()` must fit the bounty's 96 bits: 100 tokens of 26 decimals do, of 27 do not.
    function test_constructor_tokenDecimalsAtTheLimitAndOnePast() public {
        IncidentRegistry at = new IncidentRegistry(address(api3ServerV1), new DecimalsToken(26), primary, mediator);
        assertEq(at.maxBounty(), 100e26);
        DecimalsToken past = new DecimalsToken(27);
        vm.expectRevert(abi.encodeWithSelector(IIncidentRegistry.OutOfBounds.selector, bytes32("decimals"), 27, 0, 26));
        new IncidentRegistry(address(api3ServerV1), past, primary, mediator);
    }

    function test_constructor_refusesZeroAddresses() public {
        vm.expectRevert(IIncidentRegistry.ZeroAddress.selector);
        new IncidentRegistry(address(0), IERC20(address(token)), primary, mediator);
        vm.expectRevert(IIncidentRegistry.ZeroAddress.selector);
        new IncidentRegistry(address(api3ServerV1), IERC20(address(0)), primary, mediator);
        vm.expectRevert(IIncidentRegistry.ZeroAddress.selector);
        new IncidentRegistry(address(api3ServerV1), IERC20(address(token)), address(0), mediator);
    }
}

/// @dev A pool token that reports and claims bounties itself, and whose transfer to itself calls back into the
/// registry's `claimBounties` once, recording how that call ended.
contract ReentrantToken is IncidentTestToken {
    IIncidentRegistry internal target;
    bool public reentered;
    bytes4 public innerError;

    function report(IIncidentRegistry registry, bytes32 dapiName) external {
        registry.reportStale(dapiName);
    }

    function claim(IIncidentRegistry registry) external {
        target = registry;
        registry.claimBounties(address(this));
    }

    function _update(address from, address to, uint256 value) internal override {
        super._update(from, to, value);
        if (address(target) != address(0) && from == address(target) && !reentered) {
            reentered = true;
            try target.claimBounties(address(this)) {}
            catch (bytes memory reason) {
                innerError = bytes4(reason);
            }
        }
    }
}

/// @dev A token with the given decimals.
contract DecimalsToken is ERC20 {
    uint8 internal immutable _decimals;

    constructor(uint8 decimals_) ERC20("Decimals", "DEC") {
        _decimals = decimals_;
    }

    function decimals() public view override returns (uint8) {
        return _decimals;
    }
}
