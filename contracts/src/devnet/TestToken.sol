// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken
/// @notice A mintable ERC20 pool token for local chains and tests. The owner grants and revokes the minter
/// role; minters (e.g. the StakingPool, for rewards) mint. Not for production: the owner controls the supply.
contract TestToken is ERC20, Ownable {
    /// @notice The caller is not a minter.
    error NotMinter(address caller);

    event MinterSet(address indexed minter, bool isMinter);

    mapping(address account => bool) private _minters;

    constructor(string memory name_, string memory symbol_, address owner_) ERC20(name_, symbol_) Ownable(owner_) {}

    /// @notice Whether `account` may mint.
    function isMinter(address account) external view returns (bool) {
        return _minters[account];
    }

    /// @notice Grants (`allowed`) or revokes the minter role of `minter`. Only the owner.
    function setMinter(address minter, bool allowed) external onlyOwner {
        _minters[minter] = allowed;
        emit MinterSet(minter, allowed);
    }

    /// @notice Mints `amount` to `to`. Only minters.
    function mint(address to, uint256 amount) external {
        if (!_minters[msg.sender]) revert NotMinter(msg.sender);
        _mint(to, amount);
    }
}
