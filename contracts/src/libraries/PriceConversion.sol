// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IClaimsTypes} from "../interfaces/IClaimsManager.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";

/// @title PriceConversion
/// @notice Reads the pool token's USD price from an API3 dAPI proxy, refusing zero, negative and stale
/// values, and converts USD amounts (18 decimals) to token amounts with named rounding.
/// @dev Plain checked arithmetic (no 512-bit mulDiv): USD amounts are stored in at most 128 bits and token
/// units are at most 10^36, so products stay far below 2^256; an absurd price overflows and reverts.
library PriceConversion {
    /// @notice The validated price (USD per whole token, 18 decimals) of `feed`.
    /// @dev A timestamp ahead of `block.timestamp` (the feed's clock is off-chain) counts as fresh.
    function read(IApi3ReaderProxy feed, uint256 maxAge) internal view returns (uint256 price) {
        (int224 value, uint32 timestamp) = feed.read();
        return check(value, timestamp, maxAge);
    }

    /// @notice `value` as a price, refused when not positive or older than `maxAge` at `timestamp`.
    function check(int224 value, uint32 timestamp, uint256 maxAge) internal view returns (uint256 price) {
        if (value <= 0) revert IClaimsTypes.NonPositivePrice(value);
        if (uint256(timestamp) + maxAge < block.timestamp) {
            revert IClaimsTypes.StalePrice(timestamp, block.timestamp, maxAge);
        }
        price = uint256(int256(value));
    }

    /// @notice `usd` in token base units at `price`, rounded down (payouts: against the claimant).
    function toTokensDown(uint256 usd, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        return usd * tokenUnit / price;
    }

    /// @notice `usd` in token base units at `price`, rounded up (premiums, exposure: for the pool).
    function toTokensUp(uint256 usd, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        uint256 product = usd * tokenUnit;
        return product == 0 ? 0 : (product - 1) / price + 1;
    }

    /// @notice `tokens` in USD at `price`, rounded down (capacity: for the pool).
    function toUsdDown(uint256 tokens, uint256 price, uint256 tokenUnit) internal pure returns (uint256) {
        return tokens * price / tokenUnit;
    }
}
