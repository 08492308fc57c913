//! The transaction-pool gate: who may sign which call, with which refusal code, how long the
//! transaction may be, and the per-tier rate limit at submission.

use super::*;
use crate::{CheckNonceInWindow, CheckPermission};
use frame_support::{dispatch::DispatchInfo, traits::OriginTrait};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};

/// A customer's or provider's call (spends money).
fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// A governor's call; empty, its argument is refused.
fn governors_call(remark: &[u8]) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: remark.to_vec() })
}

/// A call nobody may sign.
fn unlisted() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::set_heap_pages { pages: 1 })
}

type Gate = (CheckPermission<Test>, CheckNonceInWindow<Test>);

fn gate(nonce: u32) -> Gate {
	(CheckPermission::new(), CheckNonceInWindow::from(nonce.into()))
}

/// Validate `call` signed by `who` with `nonce`, `length` bytes long, as the pool would.
fn submit(
	who: AccountId,
	call: &RuntimeCall,
	nonce: u32,
	length: usize,
) -> Result<(), TransactionValidityError> {
	gate(nonce)
		.validate_only(
			signed(who),
			call,
			&DispatchInfo::default(),
			length,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

/// Validate a customer's call from `who` at its next nonce.
fn validate(who: AccountId) -> Result<(), TransactionValidityError> {
	submit(who, &remark(), System::account_nonce(who) as u32, 0)
}

/// Validate and prepare `call` at `who`'s next nonce, as block execution does: the nonce goes
/// up and a rate-limited signer's transaction is counted.
fn include_call(who: AccountId, call: &RuntimeCall) -> Result<(), TransactionValidityError> {
	gate(System::account_nonce(who) as u32)
		.validate_and_prepare(signed(who), call, &DispatchInfo::default(), 0, 0)
		.map(|_| ())
}

fn include(who: AccountId) -> Result<(), TransactionValidityError> {
	include_call(who, &remark())
}

fn refused(error: PolicyError) -> Result<(), TransactionValidityError> {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(error.code())))
}

#[test]
fn each_role_passes_with_its_own_calls() {
	run(|| {
		assert_eq!(validate(ALICE), Ok(()));
		assert_eq!(validate(BOB), Ok(()));
		assert_eq!(validate(BANK_A), Ok(()));
		assert_eq!(submit(GOVERNOR, &governors_call(b"motion"), 0, 0), Ok(()));
	});
}

#[test]
fn unregistered_signers_are_refused_with_code_1_whatever_the_call() {
	run(|| {
		assert_eq!(validate(STRANGER), refused(PolicyError::NotPermissioned));
		assert_eq!(submit(STRANGER, &unlisted(), 0, 0), refused(PolicyError::NotPermissioned));
		assert_eq!(
			submit(STRANGER, &governors_call(b"x"), 0, 0),
			refused(PolicyError::NotPermissioned)
		);
		assert_eq!(PolicyError::NotPermissioned.code(), 1);
	});
}

#[test]
fn expired_suspended_and_revoked_signers_are_refused_with_their_codes() {
	run(|| {
		assert_ok!(Kyc::suspend_account(signed(BANK_B), BOB));
		assert_eq!(validate(BOB), refused(PolicyError::Suspended));
		assert_ok!(Kyc::revoke_account(signed(BANK_B), BOB));
		assert_eq!(validate(BOB), refused(PolicyError::Revoked));
		Timestamp::set_timestamp(EXPIRY);
		assert_eq!(validate(ALICE), refused(PolicyError::Expired));
	});
}

#[test]
fn a_provider_whose_own_record_lapsed_can_still_sign_provider_calls() {
	run(|| {
		Timestamp::set_timestamp(EXPIRY);
		assert_eq!(validate(BANK_A), Ok(()));
		assert_ok!(Kyc::suspend_provider(root(), BANK_A));
		assert_eq!(validate(BANK_A), refused(PolicyError::Expired));
	});
}

#[test]
fn calls_outside_the_table_are_refused_with_code_8_for_everyone() {
	run(|| {
		for who in [ALICE, BANK_A, GOVERNOR] {
			assert_eq!(submit(who, &unlisted(), 0, 0), refused(PolicyError::CallNotAllowed));
		}
		// A governor may not sign a customer's call either.
		assert_eq!(submit(GOVERNOR, &remark(), 0, 0), refused(PolicyError::CallNotAllowed));
		assert_eq!(PolicyError::CallNotAllowed.code(), 8);
	});
}

#[test]
fn governors_calls_are_refused_to_others_with_code_7() {
	run(|| {
		let call = governors_call(b"motion");
		assert_eq!(submit(ALICE, &call, 0, 0), refused(PolicyError::GovernanceOnly));
		assert_eq!(submit(BANK_A, &call, 0, 0), refused(PolicyError::GovernanceOnly));
		assert_eq!(submit(GOVERNOR, &call, 0, 0), Ok(()));
		assert_eq!(PolicyError::GovernanceOnly.code(), 7);
	});
}

#[test]
fn transactions_longer_than_the_rule_are_refused_with_code_9() {
	run(|| {
		let max = MAX_LENGTH as usize;
		assert_eq!(submit(ALICE, &remark(), 0, max), Ok(()));
		assert_eq!(submit(ALICE, &remark(), 0, max + 1), refused(PolicyError::TooLong));
		let call = governors_call(b"motion");
		assert_eq!(submit(GOVERNOR, &call, 0, max + 1), refused(PolicyError::TooLong));
		assert_eq!(PolicyError::TooLong.code(), 9);
	});
}

#[test]
fn refused_arguments_are_refused_with_code_10() {
	run(|| {
		assert_eq!(
			submit(GOVERNOR, &governors_call(b""), 0, 0),
			refused(PolicyError::ArgumentRefused)
		);
		// Checked only for a signer that may sign the call at all.
		assert_eq!(submit(ALICE, &governors_call(b""), 0, 0), refused(PolicyError::GovernanceOnly));
		assert_eq!(PolicyError::ArgumentRefused.code(), 10);
	});
}

#[test]
fn a_frozen_account_cannot_sign_a_call_that_spends() {
	run(|| {
		assert_ok!(Kyc::do_set_frozen(&ALICE, true));
		assert_eq!(validate(ALICE), refused(PolicyError::Frozen));
		assert_eq!(include(ALICE), refused(PolicyError::Frozen));
		assert_ok!(Kyc::do_set_frozen(&ALICE, false));
		assert_eq!(validate(ALICE), Ok(()));
	});
}

#[test]
fn unsigned_transactions_pass_through() {
	run(|| {
		// Called directly: `validate_only` would also ask that *some* extension authorized
		// the origin, which is not this gate's business.
		let call = unlisted();
		let (_, (), origin) = CheckPermission::<Test>::new()
			.validate(
				RuntimeOrigin::none(),
				&call,
				&DispatchInfo::default(),
				0,
				(),
				&TxBaseImplication((0u8, &call)),
				TransactionSource::External,
			)
			.expect("the gate lets unsigned transactions through");
		assert!(matches!(origin.caller(), OriginCaller::system(frame_system::RawOrigin::None)));
	});
}

#[test]
fn the_rate_limit_triggers_at_the_tiers_count_and_resets_next_window() {
	run(|| {
		let limit = Kyc::limits_of(Tier::L0).transactions_per_window;
		for _ in 0..limit {
			assert_eq!(include(ALICE), Ok(()));
		}
		assert_eq!(validate(ALICE), refused(PolicyError::RateLimited));
		assert_eq!(include(ALICE), refused(PolicyError::RateLimited));
		// Other accounts are not affected.
		assert_eq!(validate(BOB), Ok(()));
		// The next window starts afresh.
		System::set_block_number(WINDOW);
		assert_eq!(validate(ALICE), Ok(()));
	});
}

#[test]
fn a_burst_over_the_limit_is_refused_at_submission_and_later_nonces_still_work() {
	run(|| {
		let limit = Kyc::limits_of(Tier::L0).transactions_per_window;
		// The pool holds nonces 0..limit; the next one is refused before it enters the pool.
		for nonce in 0..limit {
			assert_eq!(submit(ALICE, &remark(), nonce, 0), Ok(()), "nonce {nonce}");
		}
		assert_eq!(submit(ALICE, &remark(), limit, 0), refused(PolicyError::RateLimited));
		assert_eq!(submit(ALICE, &remark(), limit + 5, 0), refused(PolicyError::RateLimited));
		// Every one of the admitted transactions can be included in this window.
		for _ in 0..limit {
			assert_eq!(include(ALICE), Ok(()));
		}
		assert_eq!(System::account_nonce(ALICE), limit);
		// When the window turns, the refused nonce is admitted: nothing was stranded.
		System::set_block_number(WINDOW);
		assert_eq!(submit(ALICE, &remark(), limit, 0), Ok(()));
		assert_eq!(include(ALICE), Ok(()));
		// A stale nonce is still refused as stale.
		assert_eq!(
			submit(ALICE, &remark(), 0, 0),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
	});
}

#[test]
fn calls_signed_in_an_official_role_count_against_the_official_limit() {
	run(|| {
		let call = governors_call(b"vote");
		for _ in 0..OFFICIAL_LIMIT {
			assert_eq!(include_call(GOVERNOR, &call), Ok(()));
		}
		assert_eq!(Kyc::transactions_in_window(&GOVERNOR), OFFICIAL_LIMIT);
		let nonce = System::account_nonce(GOVERNOR) as u32;
		assert_eq!(submit(GOVERNOR, &call, nonce, 0), refused(PolicyError::RateLimited));
		System::set_block_number(WINDOW);
		assert_eq!(submit(GOVERNOR, &call, nonce, 0), Ok(()));
	});
}

#[test]
fn a_batch_counts_as_several_transactions() {
	run(|| {
		let limit = Kyc::limits_of(Tier::L0).transactions_per_window;
		// A "batch" of 5 units (a 50-byte remark in the mock), then the rest of the window.
		let batch = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 50] });
		assert_eq!(include_call(ALICE, &batch), Ok(()));
		assert_eq!(Kyc::transactions_in_window(&ALICE), 5);
		for _ in 5..limit {
			assert_eq!(include(ALICE), Ok(()));
		}
		assert_eq!(validate(ALICE), refused(PolicyError::RateLimited));
		// A batch that would go over the limit is refused even when a single one would pass.
		System::set_block_number(WINDOW);
		for _ in 0..limit - 3 {
			assert_eq!(include(ALICE), Ok(()));
		}
		let nonce = System::account_nonce(ALICE) as u32;
		assert_eq!(submit(ALICE, &batch, nonce, 0), refused(PolicyError::RateLimited));
		assert_eq!(submit(ALICE, &remark(), nonce, 0), Ok(()));
	});
}
