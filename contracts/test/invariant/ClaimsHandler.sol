// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {LocalArbitrator} from "../../src/devnet/LocalArbitrator.sol";
import {IClaimsManager, IClaimsTypes} from "../../src/interfaces/IClaimsManager.sol";
import {IPremiumSource} from "../../src/interfaces/IStakingPool.sol";
import {ClaimsPoolDouble, ClaimsTestToken} from "../unit/ClaimsBase.t.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";

/// @dev What the handler needs from the test: fresh signed prices on the real dAPIs (the pool token's and the covered
/// one's).
interface IPricePusher {
    function pushPrice(int256 value, uint256 timestamp) external;
    function pushCovered(uint256 timestamp) external;
}

/// @notice Drives the ClaimsManager through random purchases, claims, mediation, arbitration, time and price
/// moves, and keeps ghost records to check the invariants against.
contract ClaimsHandler is CommonBase, StdCheats, StdUtils {
    struct Payout {
        address payer;
        uint256 time;
        uint256 tokens;
    }

    IClaimsManager internal claims;
    ClaimsTestToken internal token;
    ClaimsPoolDouble internal pool;
    LocalArbitrator internal arbitrator;
    IPricePusher internal pusher;
    address internal mediator;
    address internal court;
    address[3] internal users;

    uint256 public price = 2e18;
    uint256[] public policies;
    uint256[] public claimIds;
    Payout[] public payouts;

    /// @dev Ghosts: bonds the ClaimsManager holds, forfeited bonds not yet distributed, every premium paid and the
    /// premiums `distributeRewards` sent to the treasury (the stakers' are pulled by the pool: `pool.premiumsPulled`).
    uint256 public ghostBondsHeld;
    uint256 public ghostForfeits;
    uint256 public ghostPremiumsIn;
    uint256 public ghostTreasuryOut;
    /// @dev The largest total stake ever seen (quotas are shares of the stake at payout time).
    uint256 public maxStakeSeen;
    /// @dev Set if a purchase ever left active coverage above capacity.
    bool public capacityBreached;
    /// @dev Set if any window of 1 week ever held more payouts by one payer than its quota.
    bool public quotaBreached;
    /// @dev Set if a final decision ever left more owed than the stake.
    bool public owedBreached;
    mapping(address payer => uint256 share) public quotaShares;
    uint256 public calls;

    constructor(
        IClaimsManager claims_,
        ClaimsTestToken token_,
        ClaimsPoolDouble pool_,
        LocalArbitrator arbitrator_,
        IPricePusher pusher_,
        address mediator_,
        address court_
    ) {
        (claims, token, pool, arbitrator, pusher, mediator, court) =
        (claims_, token_, pool_, arbitrator_, pusher_, mediator_, court_);
        for (uint256 i; i < 3; ++i) {
            address user = makeAddr(string.concat("user", vm.toString(i)));
            users[i] = user;
            token.mint(user, 10_000_000e18);
            vm.prank(user);
            token.approve(address(claims), type(uint256).max);
            vm.deal(user, 100 ether);
        }
        maxStakeSeen = pool.totalStake();
        quotaShares[mediator] = claims.payoutQuotaShare(mediator);
        quotaShares[address(arbitrator)] = claims.payoutQuotaShare(address(arbitrator));
    }

    // ---------------------------------------------------------------- actions

    function buy(uint256 userSeed, uint256 usd, uint256 period) external {
        address user = users[userSeed % 3];
        usd = bound(usd, 1e18, 150_000e18);
        period = bound(period, 1 days, 200 days);
        vm.prank(user);
        try claims.buyCoverage(1, usd, period, type(uint256).max, "") returns (uint256 policyId, uint256 premium) {
            policies.push(policyId);
            ghostPremiumsIn += premium;
            uint256 activeTokens = _ceilDiv(claims.activeCoverageUsd() * 1e18, price);
            if (activeTokens > pool.totalStake() * claims.collateralizationRatio() / 1e18) capacityBreached = true;
        } catch {}
        ++calls;
    }

    function claim(uint256 policySeed, uint256 usd) external {
        if (policies.length == 0) return;
        uint256 policyId = policies[policySeed % policies.length];
        IClaimsTypes.Policy memory p = claims.policy(policyId);
        if (p.coverageUsd == p.claimedUsd || block.timestamp > p.claimsAllowedUntil) return;
        usd = bound(usd, 1, p.coverageUsd - p.claimedUsd);
        uint256 bond = claims.claimantBond();
        vm.prank(p.claimant);
        uint256 claimId = claims.createClaim(policyId, usd, block.timestamp, "");
        claimIds.push(claimId);
        ghostBondsHeld += bond;
        ++calls;
    }

    function mediate(uint256 claimSeed, uint256 choice, uint256 settlementUsd) external {
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        if (c.status != IClaimsTypes.ClaimStatus.Pending || block.timestamp > c.deadline) return;
        choice %= 3;
        if (choice == 0) {
            _tryPayout(mediator, claimId, abi.encodeCall(claims.acceptClaim, (claimId)), mediator);
        } else if (choice == 1 && c.amountUsd > 1) {
            vm.prank(mediator);
            claims.proposeSettlement(claimId, bound(settlementUsd, 1, c.amountUsd - 1));
        } else {
            vm.prank(mediator);
            claims.rejectClaim(claimId);
        }
        ++calls;
    }

    function acceptSettlement(uint256 claimSeed) external {
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        if (c.status != IClaimsTypes.ClaimStatus.SettlementProposed || block.timestamp > c.deadline) return;
        address claimant = claims.policy(c.policyId).claimant;
        _tryPayout(claimant, claimId, abi.encodeCall(claims.acceptSettlement, (claimId, 0)), mediator);
        ++calls;
    }

    function escalateAndRule(uint256 claimSeed, uint256 ruling, bool appeal) external {
        if (claimIds.length == 0) return;
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        address claimant = claims.policy(c.policyId).claimant;
        vm.prank(claimant);
        try claims.escalateClaim{value: 0.1 ether}(claimId, "") returns (uint256 disputeId) {
            vm.prank(court);
            arbitrator.giveRuling(disputeId, bound(ruling, 0, 2));
            if (appeal) {
                vm.prank(claimant);
                arbitrator.appeal{value: 0.2 ether}(disputeId, "");
                vm.prank(court);
                arbitrator.giveRuling(disputeId, bound(ruling >> 8, 0, 2));
            }
            _warp(3 days);
            _settleRuling(claimId, arbitrator, disputeId);
        } catch {}
        ++calls;
    }

    function executeRuling(uint256 claimSeed) external {
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        if (c.status != IClaimsTypes.ClaimStatus.RulingPending) return;
        _tryPayout(address(this), claimId, abi.encodeCall(claims.executeRuling, (claimId)), c.arbitrator);
        ++calls;
    }

    function payTranche(uint256 payerSeed) external {
        address payer = payerSeed % 2 == 0 ? mediator : address(arbitrator);
        uint256 stakeBefore = pool.totalStake();
        try claims.payTranche(payer) {
            _recordPaid(payer, stakeBefore - pool.totalStake(), 0);
        } catch {}
        ++calls;
    }

    function closeStalled(uint256 claimSeed) external {
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        try claims.closeStalledDispute(claimId) {
            ghostBondsHeld -= c.bond;
        } catch {}
        ++calls;
    }

    function timeOut(uint256 claimSeed) external {
        (uint256 claimId, IClaimsTypes.Claim memory c) = _pick(claimSeed);
        try claims.timeOutClaim(claimId) {
            ghostBondsHeld -= c.bond;
            ghostForfeits += c.bond;
        } catch {}
        ++calls;
    }

    function distribute() external {
        (, uint256 toTreasury) = claims.pendingRewards();
        try claims.distributeRewards() {
            ghostForfeits = 0;
            ghostTreasuryOut += toTreasury;
        } catch {}
        _seeStake();
        ++calls;
    }

    /// @dev The pool's pull of the stakers' premiums (at each epoch's start on the real pool; any time here).
    function pull() external {
        pool.pullPremiums(IPremiumSource(address(claims)));
        _seeStake(); // the premiums raise the stake (quotas are shares of it)
        ++calls;
    }

    function passTime(uint256 dt) external {
        _warp(bound(dt, 1 hours, 5 days));
        ++calls;
    }

    /// @dev Rarely, a long stretch: tranches come due, disputes stall.
    function passWeeks(uint256 weeks_) external {
        _warp(bound(weeks_, 1, 9) * 1 weeks);
        ++calls;
    }

    function movePrice(uint256 newPrice) external {
        price = bound(newPrice, 0.5e18, 8e18);
        pusher.pushPrice(int256(price), block.timestamp + 1);
        ++calls;
    }

    // ----------------------------------------------------------------- ghosts

    function payoutCount() external view returns (uint256) {
        return payouts.length;
    }

    function policyCount() external view returns (uint256) {
        return policies.length;
    }

    function claimCount() external view returns (uint256) {
        return claimIds.length;
    }

    // --------------------------------------------------------------- internal

    /// @dev Runs a paying call as `caller`; on success records the payout (pool stake drop) under `payer` and
    /// the bond's return.
    function _tryPayout(address caller, uint256 claimId, bytes memory data, address payer) internal {
        uint256 stakeBefore = pool.totalStake();
        uint88 bond = claims.claim(claimId).bond;
        vm.prank(caller);
        (bool ok,) = address(claims).call(data);
        if (ok) _recordPaid(payer, stakeBefore - pool.totalStake(), bond);
        _checkOwed();
    }

    /// @dev At every final decision: what is owed never exceeds the stake.
    function _checkOwed() internal {
        if (claims.owedTokens() > pool.totalStake()) owedBreached = true;
    }

    function _settleRuling(uint256 claimId, LocalArbitrator arb, uint256 disputeId) internal {
        uint256 stakeBefore = pool.totalStake();
        uint88 bond = claims.claim(claimId).bond;
        arb.executeRuling(disputeId);
        IClaimsTypes.ClaimStatus status = claims.claim(claimId).status;
        if (status == IClaimsTypes.ClaimStatus.Refused) {
            ghostBondsHeld -= bond;
            ghostForfeits += bond;
        } else if (status != IClaimsTypes.ClaimStatus.RulingPending) {
            _recordPaid(address(arb), stakeBefore - pool.totalStake(), bond);
        }
        _checkOwed();
    }

    /// @dev Records a payout and checks the window of 1 week that ends with it (payouts come in time order,
    /// so every window's heaviest position ends at some payout).
    function _recordPaid(address payer, uint256 tokens, uint256 bond) internal {
        if (ghostBondsHeld >= bond) ghostBondsHeld -= bond;
        if (tokens == 0) return;
        payouts.push(Payout(payer, block.timestamp, tokens));
        uint256 sum;
        for (uint256 i = payouts.length; i > 0; --i) {
            Payout memory p = payouts[i - 1];
            if (p.time + 1 weeks <= block.timestamp) break;
            if (p.payer == payer) sum += p.tokens;
        }
        if (sum > maxStakeSeen * quotaShares[payer] / 1e18) quotaBreached = true;
    }

    function _pick(uint256 seed) internal view returns (uint256 claimId, IClaimsTypes.Claim memory c) {
        if (claimIds.length == 0) return (0, c);
        claimId = claimIds[seed % claimIds.length];
        c = claims.claim(claimId);
    }

    function _warp(uint256 dt) internal {
        vm.warp(block.timestamp + dt);
        pusher.pushPrice(int256(price), block.timestamp);
        pusher.pushCovered(block.timestamp);
    }

    function _seeStake() internal {
        uint256 stake = pool.totalStake();
        if (stake > maxStakeSeen) maxStakeSeen = stake;
    }

    function _ceilDiv(uint256 a, uint256 b) internal pure returns (uint256) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }
}
