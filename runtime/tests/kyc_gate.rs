//! The KYC gate in the real runtime: `validate_transaction` refuses outsiders and lapsed
//! accounts with the documented codes, accepts permissioned ones, charges nothing, and the
//! rate limit triggers at the tier's count.

mod common;

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

fn remark_from(signer: &sr25519::Pair, nonce: u32) -> rupee_runtime::UncheckedExtrinsic {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() });
	signed_extrinsic(call, signer, nonce, genesis_hash())
}

fn validate(signer: &sr25519::Pair, nonce: u32) -> Result<(), TransactionValidityError> {
	let parent = System::parent_hash();
	Executive::validate_transaction(TransactionSource::External, remark_from(signer, nonce), parent)
		.map(|_| ())
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
		let before = pallet_rupee::Ledger::<Runtime>::get(&dave);
		let result = Executive::apply_extrinsic(remark_from(&keyring(Sr25519Keyring::Dave), 0));
		assert!(matches!(result, Ok(Ok(()))), "{result:?}");
		assert_eq!(pallet_rupee::Ledger::<Runtime>::get(&dave), before);
		assert_eq!(System::account_nonce(&dave), 1);
	});
}

#[test]
fn the_rate_limit_triggers_at_the_configured_count() {
	dev_chain().execute_with(|| {
		let dave = keyring(Sr25519Keyring::Dave);
		let limit = Kyc::limits_of(Tier::L0).transactions_per_window;
		for nonce in 0..limit {
			let result = Executive::apply_extrinsic(remark_from(&dave, nonce));
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
			let xt = signed_extrinsic(call, signer, 0, genesis_hash());
			Executive::validate_transaction(TransactionSource::External, xt, System::parent_hash())
				.map(|_| ())
		};
		// Dave is permissioned but no governor; Bob is a bank, no governor either.
		assert_eq!(note(&keyring(Sr25519Keyring::Dave)), refused(PolicyError::GovernanceOnly));
		assert_eq!(note(&keyring(Sr25519Keyring::Bob)), refused(PolicyError::GovernanceOnly));
		// Alice is the dev chain's Board.
		assert_eq!(note(&keyring(Sr25519Keyring::Alice)), Ok(()));
	});
}
