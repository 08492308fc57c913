//! Mock runtime and helpers for the KYC pallet's tests; one test file per feature.

mod accounts;
mod gate;
mod policy;
mod property;
mod providers;
mod windows;

use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_kyc;

pub type AccountId = u64;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Kyc = pallet_kyc;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	/// Real database weights: clearing past windows is budgeted by them.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

/// A governor: no KYC record, signs in an official role.
pub const GOVERNOR: AccountId = 99;

/// The longest transaction the mock's table allows.
pub const MAX_LENGTH: u32 = 64;

/// The mock's table: `System.remark` stands for a customer's or provider's call that spends
/// money, `System.remark_with_event` for a governor's call (an empty remark is a refused
/// argument); nobody may sign anything else.
pub struct MockRules;
impl pallet_kyc::CallRules<AccountId, RuntimeCall> for MockRules {
	fn rule(call: &RuntimeCall) -> Option<pallet_kyc::CallRule> {
		use pallet_kyc::{CallRule, Roles};
		match call {
			// A remark of n bytes counts as n / 10 transactions (a batch), at least one.
			RuntimeCall::System(frame_system::Call::remark { remark }) => Some(CallRule {
				roles: Roles::CUSTOMER.or(Roles::PROVIDER),
				max_length: MAX_LENGTH,
				spends: true,
				units: (remark.len() as u32 / 10).max(1),
			}),
			RuntimeCall::System(frame_system::Call::remark_with_event { .. }) => Some(CallRule {
				roles: Roles::GOVERNOR,
				max_length: MAX_LENGTH,
				spends: false,
				units: 1,
			}),
			_ => None,
		}
	}

	fn official_roles(who: &AccountId) -> pallet_kyc::Roles {
		if *who == GOVERNOR {
			pallet_kyc::Roles::GOVERNOR
		} else {
			pallet_kyc::Roles::NONE
		}
	}

	fn check_arguments(call: &RuntimeCall) -> Result<(), PolicyError> {
		match call {
			RuntimeCall::System(frame_system::Call::remark_with_event { remark })
				if remark.is_empty() =>
			{
				Err(PolicyError::ArgumentRefused)
			},
			_ => Ok(()),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_customer_call() -> RuntimeCall {
		RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
	}
}

pub const WINDOW: u64 = 10;
/// Transactions per window a governor may sign.
pub const OFFICIAL_LIMIT: u32 = 50;

#[derive_impl(pallet_kyc::config_preludes::TestDefaultConfig)]
impl pallet_kyc::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Time = Timestamp;
	type CallRules = MockRules;
	type RateLimitWindow = ConstU64<WINDOW>;
	type OfficialTransactionsPerWindow = ConstU32<OFFICIAL_LIMIT>;
	type MaxProviders = ConstU32<3>;
}

/// Two banks accredited at genesis.
pub const BANK_A: AccountId = 1;
pub const BANK_B: AccountId = 2;
/// Customers of bank A and bank B.
pub const ALICE: AccountId = 10;
pub const BOB: AccountId = 20;
/// Nobody registered.
pub const STRANGER: AccountId = 30;

/// One day in milliseconds.
pub const DAY: u64 = 86_400_000;
/// The genesis accounts' expiry.
pub const EXPIRY: u64 = 365 * DAY;

/// Genesis: banks A and B accredited and registered as Institution accounts of themselves;
/// Alice (L0, bank A's, linked to bank A) and Bob (L1, bank B's). Time starts at 1 ms.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_kyc::GenesisConfig::<Test> {
		providers: vec![BANK_A, BANK_B],
		accounts: vec![
			(BANK_A, BANK_A, Tier::Institution, EXPIRY, None),
			(BANK_B, BANK_B, Tier::Institution, EXPIRY, None),
			(ALICE, BANK_A, Tier::L0, EXPIRY, Some(BANK_A)),
			(BOB, BANK_B, Tier::L1, EXPIRY, None),
		],
		limits: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1);
		// The runtime gives governors an account when they join the Board.
		System::inc_providers(&GOVERNOR);
	});
	ext
}

/// An empty chain for the benchmark test suite: the benchmarks accredit the providers they
/// need, and the genesis banks above would leave them no room under the mock's `MaxProviders`.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(1);
	});
	ext
}

/// Run `test` on the genesis state and check the storage invariants after it.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Kyc::do_try_state().expect("storage invariants hold");
	});
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event was emitted").event
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

pub use crate::{
	AccountRecord, AccountStatus, Accounts, Actor, Error, Event, ProviderCount, ProviderInfo,
	ProviderStatus, Providers,
};
pub use frame_support::{assert_noop, assert_ok};
pub use rupee_primitives::{AccountPolicy, PolicyError, Tier, TierLimits};
pub use sp_runtime::DispatchError;
