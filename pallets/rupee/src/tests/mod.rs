//! Mock runtime (with the real KYC pallet as the policy) and helpers; one file per feature.

mod enforcement;
mod escrow;
mod issuance;
mod property;
mod transfer;
mod waterfall;

use frame_support::derive_impl;
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

use crate as pallet_rupee;

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
	#[runtime::pallet_index(3)]
	pub type Rupee = pallet_rupee;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_kyc::config_preludes::TestDefaultConfig)]
impl pallet_kyc::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Time = Timestamp;
	type CallRules = pallet_kyc::Permissive<Test>;
}

#[derive_impl(pallet_rupee::config_preludes::TestDefaultConfig)]
impl pallet_rupee::Config for Test {
	type Policy = Kyc;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Time = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Kyc;
}

pub const ISSUER: AccountId = 100;
pub const BANK_A: AccountId = 1;
pub const BANK_B: AccountId = 2;
/// L0, linked to bank A.
pub const ALICE: AccountId = 10;
/// L1, no linked bank.
pub const BOB: AccountId = 20;
/// Merchant, linked to bank B.
pub const MERCHANT: AccountId = 30;
/// Not registered.
pub const STRANGER: AccountId = 40;

pub const DAY: u64 = crate::DAY_MS;
pub const EXPIRY: u64 = 10 * 365 * DAY;
pub const CEILING: Balance = 1_000_000_000_000;
pub const BANK_RESERVE: Balance = 1_000_000_000;
/// 100,000 PKR.
pub const OPENING: Balance = 10_000_000;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_kyc::GenesisConfig::<Test> {
		providers: vec![BANK_A, BANK_B],
		accounts: vec![
			(BANK_A, BANK_A, Tier::Institution, EXPIRY, None),
			(BANK_B, BANK_B, Tier::Institution, EXPIRY, None),
			(ISSUER, BANK_A, Tier::Institution, EXPIRY, None),
			(ALICE, BANK_A, Tier::L0, EXPIRY, Some(BANK_A)),
			(BOB, BANK_B, Tier::L1, EXPIRY, None),
			(MERCHANT, BANK_B, Tier::Merchant, EXPIRY, Some(BANK_B)),
		],
		limits: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_rupee::GenesisConfig::<Test> {
		issuer: Some(ISSUER),
		supply_ceiling: CEILING,
		balances: vec![
			(BANK_A, BANK_RESERVE),
			(BANK_B, BANK_RESERVE),
			(ALICE, OPENING),
			(BOB, OPENING),
		],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		// Ten days into the epoch, mid-day.
		Timestamp::set_timestamp(10 * DAY + DAY / 2);
	});
	ext
}

/// Run `test` on the genesis state, then check the supply invariant.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Rupee::do_try_state().expect("supply invariant holds");
	});
}

pub fn balance(who: AccountId) -> Balance {
	Ledger::<Test>::get(who).free
}

pub fn events() -> Vec<pallet_rupee::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Rupee(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> pallet_rupee::Event<Test> {
	events().pop().expect("the ledger emitted an event")
}

pub fn signed(who: AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

pub fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

/// The error a refused movement of money returns.
pub fn refused(reason: TransferError) -> Error<Test> {
	Error::<Test>::Refused(reason)
}

/// Move the clock by `days`.
pub fn advance_days(days: u64) {
	Timestamp::set_timestamp(Timestamp::get() + days * DAY);
}

pub use crate::{
	Error, Escrowed, Event, Issuer, Ledger, SupplyCeiling, TotalEscrowed, TotalIssuance,
	TransferError,
};
pub use frame_support::{assert_noop, assert_ok};
pub use rupee_primitives::{rupees, Balance, Escrow, Tier, TierLimits};
pub use sp_runtime::DispatchError;
