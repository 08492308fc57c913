//! Mock runtime and the guard rails: who may change the set, bounds, duplicates, keys, and what
//! the session manager hands to `pallet-session`.

use frame_support::{
	assert_noop, assert_ok, derive_impl,
	traits::{ConstU32, ConstU64, Contains, Get},
	BoundedVec,
};
use frame_system::EnsureRoot;
use pallet_session::SessionManager;
use sp_runtime::{BuildStorage, DispatchError};

use crate::{self as pallet_validators, *};

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Validators = pallet_validators;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
}

std::thread_local! {
	/// Accounts the benchmarks gave session keys.
	static REGISTERED: core::cell::RefCell<std::collections::BTreeSet<u64>> = Default::default();
}

/// Accounts below 100 registered session keys (and any the benchmarks registered).
pub struct KeysBelow100;
impl Contains<u64> for KeysBelow100 {
	fn contains(who: &u64) -> bool {
		*who < 100 || REGISTERED.with(|registered| registered.borrow().contains(who))
	}
}

impl Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<u64>;
	type RemoveOrigin = EnsureRoot<u64>;
	type HasSessionKeys = KeysBelow100;
	type MinValidators = ConstU32<2>;
	type MaxValidators = ConstU32<4>;
	type DefaultSessionLength = ConstU64<600>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = KeysBelow100;
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for KeysBelow100 {
	fn register_keys(who: &u64) {
		REGISTERED.with(|registered| registered.borrow_mut().insert(*who));
	}
}

pub(crate) fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validators::GenesisConfig::<Test> { validators: vec![1, 2, 3], session_length: None }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test` on the genesis state, then checks the storage invariants (`try_state`).
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Validators::do_try_state().expect("storage invariants hold");
	});
}

fn set() -> Vec<u64> {
	pallet_validators::Validators::<Test>::get().into_inner()
}

#[test]
fn genesis_hands_its_set_to_the_first_session_and_nothing_changes_until_a_motion() {
	run(|| {
		assert_eq!(Validators::new_session_genesis(0), Some(vec![1, 2, 3]));
		assert_eq!(Validators::new_session(1), None);
	});
}

#[test]
fn governance_adds_a_validator_for_the_next_session() {
	run(|| {
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 4));
		System::assert_last_event(Event::ValidatorAdded { who: 4 }.into());
		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert_eq!(Validators::new_session(1), Some(vec![1, 2, 3, 4]));
		System::assert_last_event(Event::NewSession { index: 1, count: 4 }.into());
		// Handed out once: the next session keeps it.
		assert_eq!(Validators::new_session(2), None);
	});
}

#[test]
fn governance_removes_a_validator_for_the_next_session() {
	run(|| {
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
		System::assert_last_event(Event::ValidatorRemoved { who: 2 }.into());
		assert_eq!(Validators::new_session(1), Some(vec![1, 3]));
	});
}

#[test]
fn plain_accounts_cannot_change_the_set() {
	run(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::signed(1), 2),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn guard_rails_hold() {
	run(|| {
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::AlreadyValidator
		);
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 100),
			Error::<Test>::NoSessionKeys
		);
		assert_ok!(Validators::add_validator(RuntimeOrigin::root(), 4));
		assert_noop!(
			Validators::add_validator(RuntimeOrigin::root(), 5),
			Error::<Test>::TooManyValidators
		);
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 9),
			Error::<Test>::NotValidator
		);
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 4));
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 3));
		assert_noop!(
			Validators::remove_validator(RuntimeOrigin::root(), 2),
			Error::<Test>::TooFewValidators
		);
		assert_eq!(set(), vec![1, 2]);
	});
}

#[test]
fn session_length_comes_from_the_chain_spec_or_the_default() {
	type Length = crate::SessionLengthOf<Test>;
	type Sessions = pallet_session::PeriodicSessions<Length, ConstU64<0>>;
	use pallet_session::ShouldEndSession;
	run(|| {
		assert_eq!(Length::get(), 600);
		assert!(Sessions::should_end_session(600));
		assert!(!Sessions::should_end_session(10));
	});
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validators::GenesisConfig::<Test> {
		validators: vec![1, 2, 3],
		session_length: Some(10),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	sp_io::TestExternalities::from(storage).execute_with(|| {
		assert_eq!(Length::get(), 10);
		assert!(Sessions::should_end_session(10));
		assert!(!Sessions::should_end_session(15));
	});
}

#[test]
#[should_panic(expected = "sessions of fewer than 10 blocks")]
fn a_chain_spec_cannot_ask_for_sessions_shorter_than_ten_blocks() {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_validators::GenesisConfig::<Test> { validators: vec![1, 2, 3], session_length: Some(9) }
		.assimilate_storage(&mut storage)
		.unwrap();
}

#[test]
fn a_change_by_the_board_forces_two_session_changes_at_the_next_multiples_of_ten_blocks() {
	use pallet_session::ShouldEndSession;
	type Rotation = crate::SessionRotation<Test>;
	run(|| {
		// Sessions of 600 blocks: nothing ends at block 10 while the set is unchanged.
		assert!(!Rotation::should_end_session(10));
		assert!(Rotation::should_end_session(600));
		assert_ok!(Validators::remove_validator(RuntimeOrigin::root(), 2));
		assert!(!Rotation::should_end_session(15));
		assert!(Rotation::should_end_session(20));
		// The first forced change hands the new set to the session, the second activates it.
		assert_eq!(Validators::new_session(1), Some(vec![1, 3]));
		assert!(Rotation::should_end_session(30));
		assert_eq!(Validators::new_session(2), None);
		assert!(!Rotation::should_end_session(40));
		assert!(Rotation::should_end_session(1200));
	});
}

#[test]
fn try_state_catches_a_broken_set() {
	new_test_ext().execute_with(|| {
		assert_ok!(Validators::do_try_state());
		pallet_validators::Validators::<Test>::put(BoundedVec::truncate_from(vec![1, 2, 1]));
		assert_eq!(Validators::do_try_state(), Err("a validator is in the set twice".into()));
		pallet_validators::Validators::<Test>::put(BoundedVec::truncate_from(vec![1]));
		assert_eq!(Validators::do_try_state(), Err("fewer validators than MinValidators".into()));
		pallet_validators::Validators::<Test>::put(BoundedVec::truncate_from(vec![1, 2]));
		ForcedRotations::<Test>::put(3);
		assert_eq!(
			Validators::do_try_state(),
			Err("more than two forced rotations pending".into())
		);
	});
}
