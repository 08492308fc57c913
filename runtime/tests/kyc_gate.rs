//! The KYC gate in the real runtime: `validate_transaction` refuses outsiders and lapsed
//! accounts with the documented codes, accepts permissioned ones, charges nothing, and the
//! rate limit triggers at the tier's count. The call table: every attack a free transaction
//! allows (a made-up motion with a huge weight bound, a multi-megabyte remark or runtime,
//! sudo without the key) is refused at the pool with its code.

use crate::common;

use common::genesis_state;
use rupee_primitives::{PolicyError, Tier};
use rupee_runtime::{
	client::signed_extrinsic, Executive, Kyc, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use sp_core::{sr25519, Pair, H256};
use sp_genesis_builder::DEV_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;
use sp_runtime::transaction_validity::{
	InvalidTransaction, TransactionSource, TransactionValidityError,
};

/// The development genesis, at block 1, one second past the epoch.
fn dev_chain() -> sp_io::TestExternalities {
	let mut ext = genesis_state(DEV_RUNTIME_PRESET);
	ext.execute_with(|| {
		System::set_block_number(1);
		set_time(1_000);
	});
	ext
}

/// Set the chain's clock directly (not through the timestamp inherent, whose Aura hook would
/// demand the matching slot).
fn set_time(now: u64) {
	pallet_timestamp::Now::<Runtime>::put(now);
}

fn genesis_hash() -> H256 {
	frame_system::BlockHash::<Runtime>::get(0)
}

/// A one-paisa payment to Eve: the call every customer may sign.
fn payment_from(signer: &sr25519::Pair, nonce: u32) -> rupee_runtime::UncheckedExtrinsic {
	let call = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: Sr25519Keyring::Eve.to_account_id(),
		amount: 1,
	});
	signed_extrinsic(call, signer, nonce, genesis_hash())
}

fn validate_extrinsic(
	xt: rupee_runtime::UncheckedExtrinsic,
) -> Result<(), TransactionValidityError> {
	Executive::validate_transaction(TransactionSource::External, xt, System::parent_hash())
		.map(|_| ())
}

fn validate(signer: &sr25519::Pair, nonce: u32) -> Result<(), TransactionValidityError> {
	validate_extrinsic(payment_from(signer, nonce))
}

/// `call` signed by `signer` at nonce 0, validated as the pool would.
fn validate_call(
	signer: Sr25519Keyring,
	call: RuntimeCall,
) -> Result<(), TransactionValidityError> {
	validate_extrinsic(signed_extrinsic(call, &signer.pair(), 0, genesis_hash()))
}

fn refused(error: PolicyError) -> Result<(), TransactionValidityError> {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(error.code())))
}

fn keyring(account: Sr25519Keyring) -> sr25519::Pair {
	account.pair()
}

#[test]
fn an_unregistered_signer_is_refused_with_code_1() {
	dev_chain().execute_with(|| {
		let outsider = sr25519::Pair::from_string("//Outsider", None).unwrap();
		assert_eq!(validate(&outsider, 0), refused(PolicyError::NotPermissioned));
	});
}

#[test]
fn a_permissioned_signer_is_accepted() {
	dev_chain().execute_with(|| {
		assert_eq!(validate(&keyring(Sr25519Keyring::Dave), 0), Ok(()));
		assert_eq!(validate(&keyring(Sr25519Keyring::Bob), 0), Ok(()));
		assert_eq!(validate(&keyring(Sr25519Keyring::Ferdie), 0), Ok(()));
	});
}

#[test]
fn suspended_revoked_and_expired_signers_are_refused_with_their_codes() {
	dev_chain().execute_with(|| {
		let bob = RuntimeOrigin::signed(Sr25519Keyring::Bob.to_account_id());
		let dave = Sr25519Keyring::Dave.to_account_id();
		assert!(Kyc::suspend_account(bob.clone(), dave.clone()).is_ok());
		assert_eq!(validate(&keyring(Sr25519Keyring::Dave), 0), refused(PolicyError::Suspended));
		assert!(Kyc::revoke_account(bob, dave).is_ok());
		assert_eq!(validate(&keyring(Sr25519Keyring::Dave), 0), refused(PolicyError::Revoked));
		set_time(rupee_runtime::genesis_config_presets::DEV_KYC_EXPIRY);
		assert_eq!(validate(&keyring(Sr25519Keyring::Eve), 0), refused(PolicyError::Expired));
	});
}

#[test]
fn an_included_transaction_costs_nothing() {
	dev_chain().execute_with(|| {
		let dave = Sr25519Keyring::Dave.to_account_id();
		let before = pallet_rupee::Ledger::<Runtime>::get(&dave).free;
		let result = Executive::apply_extrinsic(payment_from(&keyring(Sr25519Keyring::Dave), 0));
		assert!(matches!(result, Ok(Ok(()))), "{result:?}");
		// The paisa paid, and no fee.
		assert_eq!(pallet_rupee::Ledger::<Runtime>::get(&dave).free, before - 1);
		assert_eq!(System::account_nonce(&dave), 1);
	});
}

#[test]
fn the_rate_limit_triggers_at_the_configured_count() {
	dev_chain().execute_with(|| {
		let dave = keyring(Sr25519Keyring::Dave);
		let limit = Kyc::limits_of(Tier::L0).transactions_per_window;
		for nonce in 0..limit {
			let result = Executive::apply_extrinsic(payment_from(&dave, nonce));
			assert!(matches!(result, Ok(Ok(()))), "transaction {nonce}: {result:?}");
		}
		assert_eq!(validate(&dave, limit), refused(PolicyError::RateLimited));
		// Each validation runs in a new block on top of the current one; ten blocks later a
		// new window starts.
		System::set_block_number(10);
		assert_eq!(validate(&dave, limit), Ok(()));
	});
}

#[test]
fn only_governors_may_store_preimages() {
	dev_chain().execute_with(|| {
		let note = |signer: &sr25519::Pair| {
			let call = RuntimeCall::Preimage(pallet_preimage::Call::note_preimage {
				bytes: vec![7; 1_000],
			});
			validate_extrinsic(signed_extrinsic(call, signer, 0, genesis_hash()))
		};
		// Dave is permissioned but no governor; Bob is a bank, no governor either.
		assert_eq!(note(&keyring(Sr25519Keyring::Dave)), refused(PolicyError::GovernanceOnly));
		assert_eq!(note(&keyring(Sr25519Keyring::Bob)), refused(PolicyError::GovernanceOnly));
		// Alice is the dev chain's Board; she notes a preimage the chain requested.
		call_table::request(&vec![7; 1_000]);
		assert_eq!(note(&keyring(Sr25519Keyring::Alice)), Ok(()));
	});
}

mod call_table {
	//! Each attack of a free transaction, refused at validation with its code.

	use super::*;
	use frame_support::weights::Weight;
	use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave};
	use sp_runtime::traits::Hash as _;

	/// The chain asks for the preimage `bytes` (as whitelisting a call does).
	pub fn request(bytes: &[u8]) {
		let hash = <Runtime as frame_system::Config>::Hashing::hash(bytes);
		assert!(rupee_runtime::Preimage::request_preimage(RuntimeOrigin::root(), hash).is_ok());
	}

	/// A weight bound a signer might claim: far beyond a block.
	const HUGE: Weight = Weight::from_parts(u64::MAX / 2, u64::MAX / 2);

	fn close_made_up_motion() -> RuntimeCall {
		RuntimeCall::Board(pallet_collective::Call::close {
			proposal_hash: H256::repeat_byte(0xAB),
			index: 0,
			proposal_weight_bound: HUGE,
			length_bound: 100,
		})
	}

	#[test]
	fn closing_a_made_up_motion_with_a_huge_weight_bound_is_refused() {
		dev_chain().execute_with(|| {
			// A citizen may not sign Board calls at all; a governor may not name a motion
			// that is not open.
			assert_eq!(
				validate_call(Dave, close_made_up_motion()),
				refused(PolicyError::GovernanceOnly)
			);
			assert_eq!(
				validate_call(Alice, close_made_up_motion()),
				refused(PolicyError::ArgumentRefused)
			);
		});
	}

	#[test]
	fn closing_an_open_motion_with_a_weight_bound_above_the_chains_is_refused() {
		dev_chain().execute_with(|| {
			let call = RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling { ceiling: 7 });
			let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
			let alice = RuntimeOrigin::signed(Alice.to_account_id());
			assert!(rupee_runtime::Board::propose(alice, 2, Box::new(call), 100).is_ok());
			let close = |weight| {
				RuntimeCall::Board(pallet_collective::Call::close {
					proposal_hash: hash,
					index: 0,
					proposal_weight_bound: weight,
					length_bound: 100,
				})
			};
			assert_eq!(validate_call(Alice, close(HUGE)), refused(PolicyError::ArgumentRefused));
			assert_eq!(validate_call(Alice, close(Weight::from_parts(1_000_000_000, 0))), Ok(()));
		});
	}

	#[test]
	fn a_motion_whose_call_claims_more_than_the_chains_motion_weight_is_refused() {
		dev_chain().execute_with(|| {
			let heavy = RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call {
				call_hash: H256::repeat_byte(1),
				call_encoded_len: 10,
				call_weight_witness: HUGE,
			});
			let propose = RuntimeCall::Board(pallet_collective::Call::propose {
				threshold: 1,
				proposal: Box::new(heavy),
				length_bound: 100,
			});
			assert_eq!(validate_call(Alice, propose), refused(PolicyError::ArgumentRefused));
		});
	}

	#[test]
	fn calls_whose_weight_the_signer_chooses_are_not_signable() {
		dev_chain().execute_with(|| {
			let dispatch = || {
				RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call {
					call_hash: H256::repeat_byte(1),
					call_encoded_len: 10,
					call_weight_witness: HUGE,
				})
			};
			let unchecked = || {
				RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
					call: Box::new(RuntimeCall::System(frame_system::Call::remark {
						remark: vec![],
					})),
					weight: HUGE,
				})
			};
			assert_eq!(validate_call(Dave, dispatch()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Alice, dispatch()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Dave, unchecked()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Bob, unchecked()), refused(PolicyError::CallNotAllowed));
		});
	}

	#[test]
	fn large_remarks_and_runtimes_are_not_signable() {
		dev_chain().execute_with(|| {
			let remark =
				RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 3_700 * 1024] });
			let code = RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 5 << 20] });
			let small = RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() });
			assert_eq!(validate_call(Dave, remark), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Dave, small.clone()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Bob, small), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Bob, code), refused(PolicyError::CallNotAllowed));
		});
	}

	#[test]
	fn a_preimage_larger_than_a_governors_limit_is_refused() {
		dev_chain().execute_with(|| {
			let note = |size| {
				RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: vec![1; size] })
			};
			assert_eq!(validate_call(Alice, note(3_600 * 1024)), refused(PolicyError::TooLong));
			// Within the limit, only a preimage the chain requested (as a whitelisting does).
			assert_eq!(
				validate_call(Alice, note(3_000 * 1024)),
				refused(PolicyError::ArgumentRefused)
			);
			request(&vec![1; 3_000 * 1024]);
			assert_eq!(validate_call(Alice, note(3_000 * 1024)), Ok(()));
		});
	}

	#[test]
	fn each_role_signs_only_its_own_calls() {
		dev_chain().execute_with(|| {
			let mint =
				RuntimeCall::Rupee(pallet_rupee::Call::mint { to: Bob.to_account_id(), amount: 1 });
			let register = RuntimeCall::Kyc(pallet_kyc::Call::register_account {
				who: sr25519::Pair::from_string("//New", None).unwrap().public().into(),
				tier: Tier::L0,
				expires_at: rupee_runtime::genesis_config_presets::DEV_KYC_EXPIRY,
				commitment: [0; 32],
				linked_bank: None,
			});
			// Dave is a citizen: no mint, no registrations.
			assert_eq!(validate_call(Dave, mint.clone()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Dave, register.clone()), refused(PolicyError::CallNotAllowed));
			// Bob is a bank: registrations, not mint (the issuer is Alice).
			assert_eq!(validate_call(Bob, register), Ok(()));
			assert_eq!(validate_call(Bob, mint.clone()), refused(PolicyError::CallNotAllowed));
			assert_eq!(validate_call(Alice, mint), Ok(()));
		});
	}

	#[test]
	fn a_frozen_account_cannot_sign_a_payment_or_fund_a_purse() {
		dev_chain().execute_with(|| {
			let dave = Dave.to_account_id();
			assert!(<Kyc as rupee_primitives::AccountPolicy<_>>::set_frozen(&dave, true).is_ok());
			assert_eq!(validate(&keyring(Dave), 0), refused(PolicyError::Frozen));
			let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
				device_key: [9; 32],
				amount: 100,
			});
			assert_eq!(validate_call(Dave, fund), refused(PolicyError::Frozen));
		});
	}
}
