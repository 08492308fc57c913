//! The `AccountPolicy` the ledger uses: who may send, receive and receive refunds; freezing.

use super::*;

#[test]
fn active_accounts_may_send_and_receive_with_their_tier_limits() {
	run(|| {
		assert_eq!(Kyc::can_send(&ALICE), Ok(TierLimits::default_for(Tier::L0)));
		let receiver = Kyc::can_receive(&ALICE).unwrap();
		assert_eq!(receiver.limits, TierLimits::default_for(Tier::L0));
		assert_eq!(receiver.linked_bank, Some(BANK_A));
		assert_eq!(Kyc::can_send(&STRANGER), Err(PolicyError::NotPermissioned));
		assert_eq!(Kyc::can_receive(&STRANGER).map(|_| ()), Err(PolicyError::NotPermissioned));
	});
}

#[test]
fn frozen_accounts_cannot_send_or_receive_payments_but_can_receive_refunds() {
	run(|| {
		assert_ok!(Kyc::set_frozen(&ALICE, true));
		assert_eq!(last_event(), Event::FrozenChanged { who: ALICE, frozen: true }.into());
		assert!(Kyc::is_frozen(&ALICE));
		assert_eq!(Kyc::can_send(&ALICE), Err(PolicyError::Frozen));
		assert_eq!(Kyc::can_receive(&ALICE).map(|_| ()), Err(PolicyError::Frozen));
		assert!(Kyc::can_receive_refund(&ALICE).is_ok());
		assert_noop!(Kyc::set_frozen(&ALICE, true), Error::<Test>::FrozenUnchanged);
		assert_ok!(Kyc::set_frozen(&ALICE, false));
		assert!(Kyc::can_send(&ALICE).is_ok());
		assert_noop!(Kyc::set_frozen(&STRANGER, true), Error::<Test>::NotRegistered);
	});
}

#[test]
fn expired_and_revoked_accounts_still_receive_refunds() {
	run(|| {
		assert_ok!(Kyc::revoke_account(signed(BANK_B), BOB));
		assert_eq!(Kyc::can_receive(&BOB).map(|_| ()), Err(PolicyError::Revoked));
		assert!(Kyc::can_receive_refund(&BOB).is_ok());
		Timestamp::set_timestamp(EXPIRY);
		assert_eq!(Kyc::can_receive(&ALICE).map(|_| ()), Err(PolicyError::Expired));
		assert!(Kyc::can_receive_refund(&ALICE).is_ok());
		assert!(Kyc::can_receive_refund(&STRANGER).is_err());
	});
}

#[test]
fn institutions_are_active_institution_tier_accounts() {
	run(|| {
		assert!(Kyc::is_institution(&BANK_A));
		assert!(!Kyc::is_institution(&ALICE));
		assert!(!Kyc::is_institution(&STRANGER));
		assert_ok!(Kyc::suspend_account(root(), BANK_A));
		assert!(!Kyc::is_institution(&BANK_A));
	});
}

#[test]
fn a_linked_bank_that_lost_its_standing_takes_no_sweep() {
	run(|| {
		assert_eq!(Kyc::can_receive(&ALICE).unwrap().linked_bank, Some(BANK_A));
		assert_ok!(Kyc::set_frozen(&BANK_A, true));
		assert_eq!(Kyc::can_receive(&ALICE).unwrap().linked_bank, None);
		assert_ok!(Kyc::set_frozen(&BANK_A, false));
		assert_ok!(Kyc::suspend_account(root(), BANK_A));
		assert_eq!(Kyc::can_receive(&ALICE).unwrap().linked_bank, None);
		assert_ok!(Kyc::reinstate_account(root(), BANK_A));
		assert_ok!(Kyc::set_tier(root(), BANK_A, Tier::L2));
		assert_eq!(Kyc::can_receive(&ALICE).unwrap().linked_bank, None);
		assert_eq!(Kyc::can_receive_refund(&ALICE).unwrap().linked_bank, None);
		assert_ok!(Kyc::set_tier(root(), BANK_A, Tier::Institution));
		assert_eq!(Kyc::can_receive(&ALICE).unwrap().linked_bank, Some(BANK_A));
	});
}
