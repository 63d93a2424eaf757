// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IncidentRegistry} from "../../src/IncidentRegistry.sol";
import {IIncidentRegistry} from "../../src/interfaces/IIncidentRegistry.sol";
import {Api3Feed} from "../utils/Api3Feed.sol";
import {Release} from "../utils/Release.sol";
import {IApi3ReaderProxy} from "@api3/contracts/interfaces/IApi3ReaderProxy.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @dev A pool token anyone can mint (tests only).
contract IncidentTestToken is ERC20 {
    constructor() ERC20("Pool Token", "POOL") {}

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}

/// @dev A Chainlink-style L2 sequencer uptime feed whose status the test sets.
contract SequencerFeedDouble {
    int256 public answer;
    uint256 public startedAt;
    bool public broken;

    function set(int256 answer_, uint256 startedAt_) external {
        (answer, startedAt) = (answer_, startedAt_);
    }

    function breakIt() external {
        broken = true;
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        require(!broken, "broken");
        return (1, answer, startedAt, startedAt, 1);
    }
}

/// @notice Shared set-up of the IncidentRegistry tests: the real API3 stack (Api3ServerV1 deployed from the compiled
/// artifacts of the api3/contracts package) serving ETH/USD and BTC/USD from Beacons of the test Airnode, the registry as it ships
/// (release build) owned by `primary`, seven reference Airnodes (local keys, sorted by address) and, for each dAPI, a
/// definition: heartbeat 1 day, grace 1 hour, threshold 5%, confirmation gap 10 minutes, challenge window 1 day, open
/// period 2 hours, all seven references (one template per reference and dAPI) with a quorum of 4. Bounty: 5 tokens per
/// report, at most one extension per 10 minutes; 1,000 tokens of bounty funds. Tests start a minute after the feeds'
/// last update (`updatedAt`).
abstract contract IncidentRegistryBase is Api3Feed {
    uint256 internal constant START = 2900 * 1 weeks + 1 days;
    bytes32 internal constant ETH = "ETH/USD";
    bytes32 internal constant BTC = "BTC/USD";
    bytes32 internal constant ETH_BEACON_TEMPLATE = keccak256("ETH/USD beacon template");
    bytes32 internal constant BTC_BEACON_TEMPLATE = keccak256("BTC/USD beacon template");
    int256 internal constant ETH_PRICE = 3000e18;
    int256 internal constant BTC_PRICE = 95_000e18;
    uint256 internal constant HEARTBEAT = 1 days;
    uint256 internal constant GRACE = 1 hours;
    uint256 internal constant THRESHOLD_BPS = 500;
    uint256 internal constant GAP = 10 minutes;
    uint256 internal constant CHALLENGE = 1 days;
    uint256 internal constant OPEN_PERIOD = 2 hours;
    uint256 internal constant QUORUM = 4;
    uint256 internal constant BOUNTY = 5e18;
    uint256 internal constant INTERVAL = 10 minutes;
    uint256 internal constant FUNDING = 1000e18;
    uint256 internal constant REFERENCES = 7;

    IncidentTestToken internal token;
    IIncidentRegistry internal registry;
    /// @dev The API3/USD reader proxy (the pool token's price).
    IApi3ReaderProxy internal priceProxy;

    address internal primary = makeAddr("primaryAgent");
    address internal mediator = makeAddr("mediator");
    address internal reporter = makeAddr("reporter");
    address internal stranger = makeAddr("stranger");

    /// @dev Reference keys and airnodes, sorted by airnode address.
    uint256[REFERENCES] internal refKeys;
    address[REFERENCES] internal refAirnodes;

    /// @dev When each dAPI's Beacon was last updated.
    mapping(bytes32 dapiName => uint256) internal updatedAt;

    function setUp() public virtual {
        vm.warp(START);
        priceProxy = _deployApi3Feed("API3/USD");
        _pushPrice(1.25e18);
        api3ServerV1.setDapiName(ETH, keccak256(abi.encodePacked(airnode, ETH_BEACON_TEMPLATE)));
        api3ServerV1.setDapiName(BTC, keccak256(abi.encodePacked(airnode, BTC_BEACON_TEMPLATE)));
        _pushFeed(ETH, ETH_PRICE);
        _pushFeed(BTC, BTC_PRICE);

        for (uint256 i; i < REFERENCES; ++i) {
            refKeys[i] = 0x1001 + i;
            refAirnodes[i] = vm.addr(refKeys[i]);
        }
        for (uint256 i = 1; i < REFERENCES; ++i) {
            for (uint256 j = i; j > 0 && refAirnodes[j - 1] > refAirnodes[j]; --j) {
                (refAirnodes[j - 1], refAirnodes[j]) = (refAirnodes[j], refAirnodes[j - 1]);
                (refKeys[j - 1], refKeys[j]) = (refKeys[j], refKeys[j - 1]);
            }
        }

        token = new IncidentTestToken();
        registry = IIncidentRegistry(
            Release.deploy(
                "IncidentRegistry",
                type(IncidentRegistry).creationCode,
                abi.encode(address(api3ServerV1), IERC20(address(token)), primary, mediator)
            )
        );
        vm.startPrank(primary);
        registry.setIncidentDefinition(ETH, _definition(ETH));
        registry.setIncidentDefinition(BTC, _definition(BTC));
        registry.setBounty(BOUNTY, INTERVAL);
        vm.stopPrank();
        token.mint(address(this), FUNDING);
        token.approve(address(registry), FUNDING);
        registry.fundBounties(FUNDING);
        // A minute later: data signed now is newer than the feeds.
        vm.warp(START + 1 minutes);
    }

    // ------------------------------------------------------------------ feeds

    /// @dev The Beacon template behind `dapiName`.
    function _beaconTemplate(bytes32 dapiName) internal pure returns (bytes32) {
        return dapiName == ETH ? ETH_BEACON_TEMPLATE : BTC_BEACON_TEMPLATE;
    }

    /// @dev Pushes `value` to `dapiName`'s Beacon, signed now.
    function _pushFeed(bytes32 dapiName, int256 value) internal {
        _pushBeacon(_beaconTemplate(dapiName), value, block.timestamp);
        updatedAt[dapiName] = block.timestamp;
    }

    // ------------------------------------------------------------ definitions

    /// @dev Reference `i`'s template for `dapiName` (each reference Airnode has its own template per asset).
    function _refTemplate(bytes32 dapiName, uint256 i) internal pure returns (bytes32) {
        return keccak256(abi.encode("reference template", dapiName, i));
    }

    /// @dev The default definition of `dapiName` (see the contract's NatSpec).
    function _definition(bytes32 dapiName) internal view returns (IIncidentRegistry.IncidentDefinition memory d) {
        d.heartbeat = HEARTBEAT;
        d.grace = GRACE;
        d.deviationThresholdBps = THRESHOLD_BPS;
        d.confirmationGap = GAP;
        d.challengeWindow = CHALLENGE;
        d.deviationOpenPeriod = OPEN_PERIOD;
        d.quorum = QUORUM;
        d.references = new IIncidentRegistry.Reference[](REFERENCES);
        for (uint256 i; i < REFERENCES; ++i) {
            d.references[i] = IIncidentRegistry.Reference(refAirnodes[i], _refTemplate(dapiName, i));
        }
    }

    // ------------------------------------------------------------ signed data

    /// @dev An Airnode signature in API3's format: the Ethereum signed message of
    /// keccak256(abi.encodePacked(templateId, timestamp, abi.encode(value))).
    function _sign(uint256 key, bytes32 templateId, uint256 timestamp, int256 value)
        internal
        pure
        returns (bytes memory)
    {
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19Ethereum Signed Message:\n32",
                keccak256(abi.encodePacked(templateId, timestamp, abi.encode(value)))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev Reference `i`'s value for `dapiName`, signed at `timestamp`.
    function _signedBy(bytes32 dapiName, uint256 i, int256 value, uint256 timestamp)
        internal
        view
        returns (IIncidentRegistry.SignedValue memory)
    {
        bytes32 templateId = _refTemplate(dapiName, i);
        return IIncidentRegistry.SignedValue(
            refAirnodes[i], templateId, timestamp, value, _sign(refKeys[i], templateId, timestamp, value)
        );
    }

    /// @dev The first `count` references all signing `value` at `timestamp`.
    function _signed(bytes32 dapiName, uint256 count, int256 value, uint256 timestamp)
        internal
        view
        returns (IIncidentRegistry.SignedValue[] memory signed)
    {
        signed = new IIncidentRegistry.SignedValue[](count);
        for (uint256 i; i < count; ++i) {
            signed[i] = _signedBy(dapiName, i, value, timestamp);
        }
    }

    /// @dev The first `values.length` references, each signing its value at `timestamp`.
    function _signedValues(bytes32 dapiName, int256[] memory values, uint256 timestamp)
        internal
        view
        returns (IIncidentRegistry.SignedValue[] memory signed)
    {
        signed = new IIncidentRegistry.SignedValue[](values.length);
        for (uint256 i; i < values.length; ++i) {
            signed[i] = _signedBy(dapiName, i, values[i], timestamp);
        }
    }

    /// @dev A quorum of references showing ETH/USD at $3,300 (10% above the feed's $3,000), signed now.
    function _deviating() internal view returns (IIncidentRegistry.SignedValue[] memory) {
        return _signed(ETH, QUORUM, 3300e18, block.timestamp);
    }

    // --------------------------------------------------------------- reports

    function _reportStale(bytes32 dapiName) internal returns (uint256) {
        vm.prank(reporter);
        return registry.reportStale(dapiName);
    }

    function _reportDeviation(bytes32 dapiName, IIncidentRegistry.SignedValue[] memory signed)
        internal
        returns (uint256)
    {
        vm.prank(reporter);
        return registry.reportDeviation(dapiName, signed);
    }

    /// @dev Starts a deviation incident on ETH/USD now and confirms it `GAP` later; returns its id.
    function _confirmedDeviation() internal returns (uint256 id) {
        id = _reportDeviation(ETH, _deviating());
        vm.warp(block.timestamp + GAP);
        _reportDeviation(ETH, _deviating());
    }
}
