// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../interfaces/IClaimsManager.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";

/// @title PriceConversion
/// @notice Reads the pool token's USD price from an API3 dAPI proxy, refusing zero, negative and stale
/// values, and converts USD amounts (18 decimals) to token amounts with named rounding.
library PriceConversion {
    /// @notice The validated price (USD per whole token, 18 decimals) of `feed`.
    /// @dev A timestamp ahead of `block.timestamp` (the feed's clock is off-chain) counts as fresh.
    function read(IApi3ReaderProxy feed, uint256 maxAge) internal view returns (uint256 price) {
        (int224 value, uint32 timestamp) = feed.read();
        if (value <= 0) revert IClaimsTypes.NonPositivePrice(value);
        if (uint256(timestamp) + maxAge < block.timestamp) {
            revert IClaimsTypes.StalePrice(timestamp, block.timestamp, maxAge);
        }
        price = uint256(int256(value));
    }

    /// @notice `usd` in token base units at `price`, rounded down (payouts: against the claimant).
    function toTokensDown(uint256 usd, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        return Math.mulDiv(usd, tokenUnit, price);
    }

    /// @notice `usd` in token base units at `price`, rounded up (premiums, exposure: for the pool).
    function toTokensUp(uint256 usd, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        return Math.mulDiv(usd, tokenUnit, price, Math.Rounding.Ceil);
    }

    /// @notice `tokens` in USD at `price`, rounded down (capacity: for the pool).
    function toUsdDown(uint256 tokens, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        return Math.mulDiv(tokens, price, tokenUnit);
    }
}
