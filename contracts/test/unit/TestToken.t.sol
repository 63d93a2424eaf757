// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TestToken} from "../../src/devnet/TestToken.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Test} from "forge-std/Test.sol";

/// @notice The devnet's pool token: only the owner names minters, and only minters mint.
contract TestTokenTest is Test {
    TestToken internal token;
    address internal owner = makeAddr("owner");
    address internal minter = makeAddr("minter");
    address internal holder = makeAddr("holder");

    function setUp() public {
        token = new TestToken("Test API3", "tAPI3", owner);
    }

    function test_setMinter_grantsAndRevokesTheRightToMint() public {
        assertFalse(token.isMinter(minter));
        vm.expectRevert(abi.encodeWithSelector(TestToken.NotMinter.selector, minter));
        vm.prank(minter);
        token.mint(holder, 1);

        vm.expectEmit(address(token));
        emit TestToken.MinterSet(minter, true);
        vm.prank(owner);
        token.setMinter(minter, true);
        assertTrue(token.isMinter(minter));
        vm.prank(minter);
        token.mint(holder, 5e18);
        assertEq(token.balanceOf(holder), 5e18);
        assertEq(token.totalSupply(), 5e18);

        vm.expectEmit(address(token));
        emit TestToken.MinterSet(minter, false);
        vm.prank(owner);
        token.setMinter(minter, false);
        assertFalse(token.isMinter(minter));
        vm.expectRevert(abi.encodeWithSelector(TestToken.NotMinter.selector, minter));
        vm.prank(minter);
        token.mint(holder, 1);
        assertEq(token.totalSupply(), 5e18);
    }

    function test_setMinter_revertsUnlessOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, minter));
        vm.prank(minter);
        token.setMinter(minter, true);
        assertFalse(token.isMinter(minter));
    }
}
