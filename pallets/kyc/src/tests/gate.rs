//! The transaction-pool gate: who gets a transaction validated, with which refusal code, and
//! the per-tier rate limit.

use super::*;
use crate::CheckPermission;
use frame_support::{dispatch::DispatchInfo, traits::OriginTrait};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

/// Validate a signed remark from `who` as the pool would.
fn validate(who: AccountId) -> Result<(), TransactionValidityError> {
	CheckPermission::<Test>::new()
		.validate_only(
			signed(who),
			&remark(),
			&DispatchInfo::default(),
			0,
			TransactionSource::External,
			0,
		)
		.map(|_| ())
}

/// Validate and prepare, as block execution does: counts against the rate limit.
fn include(who: AccountId) -> Result<(), TransactionValidityError> {
	CheckPermission::<Test>::new()
		.validate_and_prepare(signed(who), &remark(), &DispatchInfo::default(), 0, 0)
		.map(|_| ())
}

fn refused(error: PolicyError) -> Result<(), TransactionValidityError> {
	Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(error.code())))
}

#[test]
fn permissioned_providers_and_exempt_accounts_pass() {
	run(|| {
		assert_eq!(validate(ALICE), Ok(()));
		assert_eq!(validate(BOB), Ok(()));
		assert_eq!(validate(BANK_A), Ok(()));
		assert_eq!(validate(EXEMPT), Ok(()));
	});
}

#[test]
fn unregistered_signers_are_refused_with_code_1() {
	run(|| {
		assert_eq!(validate(STRANGER), refused(PolicyError::NotPermissioned));
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
fn a_provider_whose_own_record_lapsed_can_still_manage_its_customers() {
	run(|| {
		Timestamp::set_timestamp(EXPIRY);
		assert_eq!(validate(BANK_A), Ok(()));
		assert_ok!(Kyc::suspend_provider(root(), BANK_A));
		assert_eq!(validate(BANK_A), refused(PolicyError::Expired));
	});
}

#[test]
fn unsigned_transactions_pass_through() {
	run(|| {
		// Called directly: `validate_only` would also ask that *some* extension authorized
		// the origin, which is not this gate's business.
		let call = remark();
		let (_, counted, origin) = CheckPermission::<Test>::new()
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
		assert_eq!(counted, None);
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
fn exempt_accounts_are_not_counted() {
	run(|| {
		for _ in 0..1_000 {
			assert_eq!(include(EXEMPT), Ok(()));
		}
		assert_eq!(crate::TransactionCount::<Test>::get(EXEMPT), (0, 0));
	});
}

#[test]
fn governance_only_calls_pass_only_for_exempt_signers() {
	run(|| {
		let reserved =
			RuntimeCall::System(frame_system::Call::remark_with_event { remark: vec![1] });
		let check = |who| {
			CheckPermission::<Test>::new()
				.validate_only(
					signed(who),
					&reserved,
					&DispatchInfo::default(),
					0,
					TransactionSource::External,
					0,
				)
				.map(|_| ())
		};
		assert_eq!(check(ALICE), refused(PolicyError::GovernanceOnly));
		assert_eq!(check(BANK_A), refused(PolicyError::GovernanceOnly));
		assert_eq!(check(STRANGER), refused(PolicyError::NotPermissioned));
		assert_eq!(check(EXEMPT), Ok(()));
		assert_eq!(PolicyError::GovernanceOnly.code(), 7);
	});
}
