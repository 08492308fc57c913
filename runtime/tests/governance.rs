//! Governance in the real runtime (local preset: a Board of Alice, Bob and Charlie): every
//! privileged call is refused for a plain account, refused below its threshold and executed at
//! it; motions go through propose, vote and close; membership changes only by a motion; a Root
//! call reaches Root through the whitelist.

use crate::common;

use codec::Encode;
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::UnfilteredDispatchable,
};
use rupee_primitives::{rupees, Tier, TierLimits};
use rupee_runtime::{
	AccountId, Board, BoardMembership, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use sp_core::Pair;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve};
use sp_runtime::{traits::Hash, DispatchError};

type BoardOrigin = pallet_collective::RawOrigin<AccountId, pallet_collective::Instance1>;

fn board(agreed: u32) -> RuntimeOrigin {
	BoardOrigin::Members(agreed, 3).into()
}

fn local() -> sp_io::TestExternalities {
	let mut ext = common::genesis_state("local_testnet");
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Dispatch `call` with `origin`, ignoring call filters (as the collective does).
fn dispatch(call: RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	call.dispatch_bypass_filter(origin).map(|_| ()).map_err(|error| error.error)
}

/// `call` is refused for a plain account and for `below` governors, and passes with `at`.
fn check_threshold(call: RuntimeCall, below: u32, at: u32) {
	let bad_origin = Err(DispatchError::BadOrigin);
	assert_eq!(dispatch(call.clone(), RuntimeOrigin::signed(Dave.to_account_id())), bad_origin);
	assert_eq!(dispatch(call.clone(), board(below)), bad_origin, "{below} of 3 must not pass");
	assert_eq!(dispatch(call.clone(), board(at)), Ok(()), "{at} of 3 must pass: {call:?}");
}

#[test]
fn ledger_decisions_need_two_thirds_of_the_board() {
	local().execute_with(|| {
		let two_thirds = |call| check_threshold(call, 1, 2);
		two_thirds(RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
			ceiling: rupees(2_000_000_000),
		}));
		assert_eq!(pallet_rupee::SupplyCeiling::<Runtime>::get(), rupees(2_000_000_000));
		two_thirds(RuntimeCall::Rupee(pallet_rupee::Call::set_issuer {
			issuer: Bob.to_account_id(),
		}));
		two_thirds(RuntimeCall::Rupee(pallet_rupee::Call::freeze { who: Dave.to_account_id() }));
		two_thirds(RuntimeCall::Rupee(pallet_rupee::Call::unfreeze { who: Dave.to_account_id() }));
		two_thirds(RuntimeCall::Rupee(pallet_rupee::Call::clawback {
			from: Dave.to_account_id(),
			amount: rupees(1),
			reason: [1; 32],
		}));
	});
}

#[test]
fn kyc_and_claims_decisions_need_a_majority_of_the_board() {
	local().execute_with(|| {
		let majority = |call| check_threshold(call, 1, 2);
		majority(RuntimeCall::Kyc(pallet_kyc::Call::accredit_provider {
			provider: Eve.to_account_id(),
		}));
		majority(RuntimeCall::Kyc(pallet_kyc::Call::set_tier_limits {
			tier: Tier::L0,
			limits: TierLimits::default_for(Tier::L1),
		}));
		// No claim 0 exists: past the origin check the pallet's own error comes back.
		let settle = RuntimeCall::Vouchers(pallet_vouchers::Call::settle_claim {
			claim: 0,
			payer: Bob.to_account_id(),
		});
		assert_eq!(dispatch(settle.clone(), board(1)), Err(DispatchError::BadOrigin));
		assert_eq!(
			dispatch(settle, board(2)),
			Err(pallet_vouchers::Error::<Runtime>::UnknownClaim.into())
		);
	});
}

#[test]
fn a_motion_is_proposed_voted_and_closed_by_governors() {
	local().execute_with(|| {
		let call = RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
			ceiling: rupees(3_000_000_000),
		});
		let length = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		// A non-governor cannot propose.
		assert_noop!(
			Board::propose(
				RuntimeOrigin::signed(Dave.to_account_id()),
				2,
				Box::new(call.clone()),
				length
			),
			pallet_collective::Error::<Runtime, pallet_collective::Instance1>::NotMember
		);
		assert_ok!(Board::propose(
			RuntimeOrigin::signed(Alice.to_account_id()),
			2,
			Box::new(call),
			length
		));
		assert_ok!(Board::vote(RuntimeOrigin::signed(Alice.to_account_id()), hash, 0, true));
		// One vote of two needed: closing now fails, nothing changed.
		assert!(Board::close(
			RuntimeOrigin::signed(Alice.to_account_id()),
			hash,
			0,
			weight,
			length
		)
		.is_err());
		assert_eq!(pallet_rupee::SupplyCeiling::<Runtime>::get(), rupees(1_000_000_000));
		assert_ok!(Board::vote(RuntimeOrigin::signed(Bob.to_account_id()), hash, 0, true));
		assert_ok!(Board::close(
			RuntimeOrigin::signed(Charlie.to_account_id()),
			hash,
			0,
			weight,
			length
		));
		assert_eq!(pallet_rupee::SupplyCeiling::<Runtime>::get(), rupees(3_000_000_000));
	});
}

#[test]
fn a_single_governor_cannot_act_alone_by_proposing_with_threshold_one() {
	local().execute_with(|| {
		let call =
			RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling { ceiling: rupees(5) });
		let length = call.encoded_size() as u32;
		// Threshold 1 executes at once with "1 of 3", which no privileged origin accepts.
		assert_ok!(Board::propose(
			RuntimeOrigin::signed(Alice.to_account_id()),
			1,
			Box::new(call),
			length
		));
		assert_eq!(pallet_rupee::SupplyCeiling::<Runtime>::get(), rupees(1_000_000_000));
	});
}

#[test]
fn board_membership_changes_only_by_a_motion() {
	local().execute_with(|| {
		let add = RuntimeCall::BoardMembership(pallet_membership::Call::add_member {
			who: Dave.to_account_id().into(),
		});
		check_threshold(add, 1, 2);
		assert!(pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get()
			.contains(&Dave.to_account_id()));
		assert_noop!(
			BoardMembership::remove_member(
				RuntimeOrigin::signed(Alice.to_account_id()),
				Dave.to_account_id().into()
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_board_reaches_root_through_the_whitelist() {
	local().execute_with(|| {
		// A Root-only call: set a storage item through System.
		let root_call = RuntimeCall::System(frame_system::Call::set_storage {
			items: vec![(b"rupee:test".to_vec(), b"upgraded".to_vec())],
		});
		assert_eq!(dispatch(root_call.clone(), board(3)), Err(DispatchError::BadOrigin));
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&root_call);
		check_threshold(
			RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash: hash }),
			1,
			2,
		);
		let dispatch_call = RuntimeCall::Whitelist(
			pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(root_call),
			},
		);
		assert_eq!(dispatch(dispatch_call.clone(), board(1)), Err(DispatchError::BadOrigin));
		assert_ok!(dispatch(dispatch_call, board(2)));
		assert_eq!(sp_io::storage::get(b"rupee:test").as_deref(), Some(&b"upgraded"[..]));
	});
}

#[test]
fn every_governor_holds_an_account_and_keeps_it_after_leaving() {
	use frame_support::traits::Get;
	local().execute_with(|| {
		// A governor with no KYC record (as a central bank's governors are not bank
		// customers) gets a provider reference when the Board admits it.
		let pair = sp_core::sr25519::Pair::from_string("//Gina", None).unwrap();
		let gina: AccountId = pair.public().into();
		assert_eq!(System::providers(&gina), 0);
		let add = RuntimeCall::BoardMembership(pallet_membership::Call::add_member {
			who: gina.clone().into(),
		});
		assert_ok!(dispatch(add, board(2)));
		assert_eq!(System::providers(&gina), 1);
		// It may now sign a motion: the gate knows it as a governor, the nonce check finds
		// an account.
		let propose = RuntimeCall::Board(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
				ceiling: 1,
			})),
			length_bound: 100,
		});
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		let xt = rupee_runtime::client::signed_extrinsic(propose, &pair, 0, genesis);
		let validity = rupee_runtime::Executive::validate_transaction(
			sp_runtime::transaction_validity::TransactionSource::External,
			xt,
			System::parent_hash(),
		);
		assert!(validity.is_ok(), "{validity:?}");
		// Leaving the Board never drops the reference: the nonce must never restart.
		let remove = RuntimeCall::BoardMembership(pallet_membership::Call::remove_member {
			who: gina.clone().into(),
		});
		assert_ok!(dispatch(remove, board(2)));
		assert_eq!(System::providers(&gina), 1);
		let max: u32 =
			<Runtime as pallet_collective::Config<pallet_collective::Instance1>>::MaxMembers::get();
		assert!(max >= 7);
	});
}

#[test]
fn pilot_governors_hold_accounts_from_genesis() {
	let mut ext = common::genesis_state("pilot");
	ext.execute_with(|| {
		let governors = pallet_collective::Members::<Runtime, pallet_collective::Instance1>::get();
		assert_eq!(governors.len(), 3);
		for governor in governors {
			assert_eq!(System::providers(&governor), 1, "{governor}");
		}
	});
}

/// A Board of seven: Alice, Bob, Charlie and four more, made by Root.
fn board_of_seven() -> Vec<AccountId> {
	let mut members: Vec<AccountId> =
		vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()];
	for name in ["//G4", "//G5", "//G6", "//G7"] {
		members.push(sp_core::sr25519::Pair::from_string(name, None).unwrap().public().into());
	}
	assert_ok!(BoardMembership::reset_members(RuntimeOrigin::root(), members.clone()));
	members
}

/// Propose `call` at `threshold` by `members[0]`, let `ayes` of them vote aye, run the motion's
/// time out and close it. Whether the call ran.
fn motion_passes(members: &[AccountId], threshold: u32, ayes: usize) -> bool {
	let ceiling = pallet_rupee::SupplyCeiling::<Runtime>::get() + 1;
	let call = RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling { ceiling });
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(Board::propose(
		RuntimeOrigin::signed(members[0].clone()),
		threshold,
		Box::new(call),
		length
	));
	for member in &members[..ayes] {
		assert_ok!(Board::vote(RuntimeOrigin::signed(member.clone()), hash, index, true));
	}
	let end = rupee_runtime::configs::open_motion(hash).unwrap().end;
	System::set_block_number(end + 1);
	assert_ok!(Board::close(
		RuntimeOrigin::signed(members[0].clone()),
		hash,
		index,
		weight,
		length
	));
	pallet_rupee::SupplyCeiling::<Runtime>::get() == ceiling
}

#[test]
fn governors_who_do_not_vote_count_against_on_a_board_of_seven() {
	local().execute_with(|| {
		let members = board_of_seven();
		// Two thirds of seven is five. Four ayes and three silent governors: refused (the
		// SDK's "more than a majority, then the prime" default would have passed it).
		assert!(!motion_passes(&members, 5, 4));
		assert!(motion_passes(&members, 5, 5));
		// A prime governor's aye does not carry the silent ones either.
		assert_ok!(BoardMembership::set_prime(RuntimeOrigin::root(), members[0].clone().into()));
		assert!(!motion_passes(&members, 5, 1));
		assert!(!motion_passes(&members, 5, 4));
		assert!(motion_passes(&members, 5, 5));
	});
}

#[test]
fn no_signer_reaches_sudo_on_the_local_chain() {
	local().execute_with(|| {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
		// No signer, governor or validator, may sign a Sudo call: not `sudo`, not `set_key`.
		let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
				ceiling: 1,
			})),
		});
		let set_key =
			RuntimeCall::Sudo(pallet_sudo::Call::set_key { new: Alice.to_account_id().into() });
		let genesis = frame_system::BlockHash::<Runtime>::get(0);
		for call in [sudo, set_key] {
			for signer in [Alice, Dave] {
				let xt = rupee_runtime::client::signed_extrinsic(
					call.clone(),
					&signer.pair(),
					0,
					genesis,
				);
				let validity = rupee_runtime::Executive::validate_transaction(
					sp_runtime::transaction_validity::TransactionSource::External,
					xt,
					System::parent_hash(),
				);
				assert_eq!(
					validity.map(|_| ()),
					Err(sp_runtime::transaction_validity::InvalidTransaction::Custom(
						rupee_primitives::PolicyError::CallNotAllowed.code()
					)
					.into())
				);
			}
		}
		// Dispatched by anyone but Root (a Board motion is not Root), `set_key` fails.
		let set_key =
			RuntimeCall::Sudo(pallet_sudo::Call::set_key { new: Alice.to_account_id().into() });
		assert_eq!(dispatch(set_key, board(3)), Err(DispatchError::BadOrigin));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

/// Run the scheduler's agenda of blocks up to `block`.
fn run_to(block: u32) {
	use frame_support::traits::OnInitialize;
	while System::block_number() < block {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		rupee_runtime::Scheduler::on_initialize(next);
	}
}

#[test]
fn the_board_schedules_a_decision_for_a_later_block_and_can_cancel_it() {
	local().execute_with(|| {
		let schedule = |when, ceiling| {
			RuntimeCall::Scheduler(pallet_scheduler::Call::schedule {
				when,
				maybe_periodic: None,
				priority: 0,
				call: Box::new(RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
					ceiling,
				})),
			})
		};
		let ceiling = pallet_rupee::SupplyCeiling::<Runtime>::get;
		let before = ceiling();
		// Scheduling needs what the decision needs: two thirds.
		check_threshold(schedule(5, rupees(3_000_000_000)), 1, 2);
		run_to(4);
		assert_eq!(ceiling(), before, "not before its block");
		run_to(5);
		assert_eq!(ceiling(), rupees(3_000_000_000));
		System::assert_has_event(
			pallet_scheduler::Event::<Runtime>::Dispatched {
				task: (5, 0),
				id: None,
				result: Ok(()),
			}
			.into(),
		);

		// A scheduled decision is cancelled by a motion with at least the same share of the
		// governors (or Root), not by a smaller one.
		assert_ok!(dispatch(schedule(10, rupees(4_000_000_000)), board(2)));
		let cancel = RuntimeCall::Scheduler(pallet_scheduler::Call::cancel { when: 10, index: 0 });
		assert_eq!(dispatch(cancel.clone(), board(1)), Err(DispatchError::BadOrigin));
		assert_ok!(dispatch(cancel.clone(), board(3)));
		assert_eq!(
			dispatch(cancel, RuntimeOrigin::root()),
			Err(pallet_scheduler::Error::<Runtime>::NotFound.into())
		);
		run_to(10);
		assert_eq!(ceiling(), rupees(3_000_000_000), "the cancelled change never ran");

		// A 3-of-3 schedule cannot be cancelled by 2 of 3; Root can.
		assert_ok!(dispatch(schedule(12, rupees(5_000_000_000)), board(3)));
		let cancel = RuntimeCall::Scheduler(pallet_scheduler::Call::cancel { when: 12, index: 0 });
		assert_eq!(dispatch(cancel.clone(), board(2)), Err(DispatchError::BadOrigin));
		assert_ok!(dispatch(cancel, RuntimeOrigin::root()));
	});
}
