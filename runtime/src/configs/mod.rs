//! Configuration of every pallet in the runtime: the chain's policy numbers live here.

mod gate;
mod governance;
pub use gate::{motion_weight, open_motion, GateRules, OpenMotion};
pub use governance::*;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Block, BlockNumber, Hash, Kyc, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, Rupee, Timestamp, SLOT_DURATION, SS58_PREFIX,
	VERSION,
};

/// Share of a block's weight and length that ordinary transactions may use; the rest is kept
/// for operational (governance) calls so they get through a full block.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// Compute time one block may use, by weight: 0.75 s of the 2 s slot. In the worst case the
/// weights are exact: the author spends the budget building, another validator the same again
/// importing, and 0.5 s remain for the block to travel and for the pool. Measured here
/// (docs/performance.md, `scripts/benchmark-db.sh`): a block charged 376 ms re-executes in
/// 89-134 ms, one of ~1,900 payments charged 0.75 s in about 0.4-0.5 s, on a small state; a
/// national state is slower per read, so keep the margin until it is measured on one.
const MAXIMUM_BLOCK_REF_TIME: u64 = WEIGHT_REF_TIME_PER_SECOND / 4 * 3;

/// Largest block in bytes.
const MAXIMUM_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(MAXIMUM_BLOCK_REF_TIME, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(MAXIMUM_BLOCK_LENGTH)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * MAXIMUM_BLOCK_LENGTH
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores its state in ParityDB: its read and write weights as measured on this
	/// project's machine (`rupee-node benchmark storage`, docs/performance.md).
	type DbWeight = crate::weights::paritydb_weights::constants::ParityDbWeight;
	/// `frame_system`'s published weights, priced with the database weights above.
	type SystemWeightInfo = frame_system::weights::SubstrateWeight<Runtime>;
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	/// There is no gas token: accounts carry no balance in `frame_system`. Rupee balances
	/// live in the ledger pallet.
	type AccountData = ();
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

/// Most validators the chain supports; bounds the authority lists of Aura and GRANDPA.
pub const MAX_AUTHORITIES: u32 = 32;

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::grandpa::GrandpaWeight<Runtime>;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// A tier's transaction count is limited per 10 blocks (20 s).
	pub const RateLimitWindow: BlockNumber = 10;
}

impl pallet_kyc::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type GovernanceOrigin = MajorityOfBoard;
	type Time = Timestamp;
	type CallRules = GateRules;
	type RateLimitWindow = RateLimitWindow;
	/// A governor, the issuer or a validator signs at most 100 transactions per window in
	/// that role (votes, motions, mint and burn, session keys).
	type OfficialTransactionsPerWindow = ConstU32<100>;
	type MaxProviders = ConstU32<64>;
	type WeightInfo = pallet_kyc::weights::SubstrateWeight<Runtime>;
}

impl pallet_rupee::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Policy = Kyc;
	type GovernanceOrigin = TwoThirdsOfBoard;
	type Time = Timestamp;
	type WeightInfo = pallet_rupee::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Kyc;
}

parameter_types! {
	/// A purse pays offline for 30 days after it was last funded.
	pub const PurseLifetime: u64 = 30 * 24 * 60 * 60 * 1_000;
	/// Payees have 7 more days after expiry (or closing) to redeem.
	pub const VoucherGraceWindow: u64 = 7 * 24 * 60 * 60 * 1_000;
}

/// Purse statements are signed by the GRANDPA authority set: the validators that finalize are
/// the ones whose word a payee trusts offline.
pub struct GrandpaAttesters;

impl pallet_vouchers::AttesterSource for GrandpaAttesters {
	fn current() -> pallet_vouchers::AttesterSet {
		pallet_vouchers::AttesterSet {
			set_id: pallet_grandpa::CurrentSetId::<Runtime>::get(),
			authorities: pallet_grandpa::Pallet::<Runtime>::grandpa_authorities()
				.into_iter()
				.map(|(key, weight)| (key.into_inner().0, weight))
				.collect(),
		}
	}
}

impl pallet_vouchers::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Policy = Kyc;
	type Escrow = Rupee;
	/// Claims and debts are paid by taking an account's money: two thirds, like clawback.
	type GovernanceOrigin = TwoThirdsOfBoard;
	type Time = Timestamp;
	type PurseLifetime = PurseLifetime;
	type GraceWindow = VoucherGraceWindow;
	/// A day: the oldest revocation list a wallet accepts before it must sync
	/// (`wallet/src/risk.rs`).
	type RevocationNotice = ConstU64<{ 24 * 60 * 60 * 1_000 }>;
	// A batch is charged the double-spend weight up front and refunded to the honest one:
	// smaller batches leave less of a block unused (see README, Offline payments).
	type MaxBatch = ConstU32<64>;
	type MaxPursesPerOwner = ConstU32<4>;
	/// One rupee: the wallet checks the same constant offline.
	type MinVoucherAmount =
		frame_support::traits::ConstU128<{ rupee_primitives::voucher::MIN_VOUCHER_AMOUNT }>;
	/// A device pays 4,096 vouchers at most (over a year of daily payments, as purses are
	/// topped up); then the wallet starts a new purse with a new device key.
	type MaxVouchersPerPurse = ConstU64<{ rupee_primitives::voucher::MAX_VOUCHERS_PER_PURSE }>;
	type MaxDoubleSpendsPerPurse = ConstU32<16>;
	/// The reserve pays one purse's double-spend victims up to 10 times its proved escrow
	/// (a stolen phone reaching ten shops before its owner reports it); later victims get
	/// claims. Payee wallets accept at most a purse's proved escrow each.
	type GuaranteePerPurse = ConstU32<10>;
	type Attesters = GrandpaAttesters;
	type MaxAttesters = ConstU32<MAX_AUTHORITIES>;
	type WeightInfo = pallet_vouchers::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = VouchersBenchmarkHelper;
}

/// Accounts, money and the clock for the vouchers benchmarks, from the KYC and ledger pallets.
#[cfg(feature = "runtime-benchmarks")]
pub struct VouchersBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_vouchers::BenchmarkHelper<AccountId> for VouchersBenchmarkHelper {
	fn register(who: &AccountId, tier: rupee_primitives::Tier, linked_bank: Option<AccountId>) {
		<Kyc as rupee_primitives::PolicyBenchmarkHelper<AccountId>>::register(
			who,
			tier,
			linked_bank,
		)
	}

	fn endow(who: &AccountId, amount: rupee_primitives::Balance) {
		Rupee::endow_for_benchmarks(who, amount)
	}

	fn set_time(now: u64) {
		pallet_timestamp::Now::<Runtime>::put(now)
	}

	fn set_attesters(keys: alloc::vec::Vec<[u8; 32]>) {
		let authorities: alloc::vec::Vec<_> = keys
			.into_iter()
			.map(|key| {
				(
					sp_consensus_grandpa::AuthorityId::from(sp_core::ed25519::Public::from_raw(
						key,
					)),
					1,
				)
			})
			.collect();
		let bounded = frame_support::WeakBoundedVec::try_from(authorities)
			.expect("no more attesters than GRANDPA authorities");
		pallet_grandpa::Authorities::<Runtime>::put(bounded)
	}
}

parameter_types! {
	/// Sessions start at block 0 and last `Validators::SessionLength` blocks (the chain spec's
	/// choice: an hour by default, 10 blocks on the `local` test network). A validator the
	/// Board adds or removes joins or leaves the authority set within two session changes,
	/// which the change forces at the next multiples of 10 blocks (~40 s), whatever the
	/// session length (`pallet_validators::SessionRotation`).
	pub const SessionOffset: BlockNumber = 0;
	/// Validators register session keys without a deposit: only permissioned accounts (banks)
	/// can submit `set_keys`, and only the Board makes them validators.
	pub const SessionKeyDeposit: u128 = 0;
}

/// Blocks per session, from the chain spec (`Validators::SessionLength`).
type SessionLength = pallet_validators::SessionLengthOf<Runtime>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = sp_runtime::traits::ConvertInto;
	type ShouldEndSession = pallet_validators::SessionRotation<Runtime>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionLength, SessionOffset>;
	type SessionManager = crate::Validators;
	type SessionHandler =
		<crate::opaque::SessionKeys as sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = crate::opaque::SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = crate::Deposits;
	type KeyDeposit = SessionKeyDeposit;
}

/// Accounts that registered session keys with `Session.set_keys`.
pub struct HasSessionKeys;
impl frame_support::traits::Contains<AccountId> for HasSessionKeys {
	fn contains(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}
}

impl pallet_validators::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = TwoThirdsOfBoard;
	type RemoveOrigin = TwoThirdsOfBoard;
	type HasSessionKeys = HasSessionKeys;
	/// The development chain runs on one validator; a bank network should keep at least four
	/// (GRANDPA then survives one failure).
	type MinValidators = ConstU32<1>;
	type MaxValidators = ConstU32<MAX_AUTHORITIES>;
	/// An hour: a session change takes its whole block (`pallet-session` charges the block's
	/// full weight for it), so one block in 1,800 carries no payments.
	type DefaultSessionLength = ConstU32<{ crate::HOURS }>;
	type WeightInfo = pallet_validators::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = HasSessionKeys;
}

/// Benchmarks: session keys (any bytes will do) for an account.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_validators::BenchmarkHelper<AccountId> for HasSessionKeys {
	fn register_keys(who: &AccountId) {
		use codec::Decode;
		let keys = crate::opaque::SessionKeys::decode(
			&mut sp_runtime::traits::TrailingZeroInput::zeroes(),
		)
		.expect("keys decode from zeroes");
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}
