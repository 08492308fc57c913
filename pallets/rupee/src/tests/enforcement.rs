//! Court orders: freeze, unfreeze and clawback by governance.

use super::*;

const ORDER: [u8; 32] = [9; 32];

#[test]
fn a_frozen_account_can_neither_pay_nor_be_paid() {
	run(|| {
		assert_ok!(Rupee::freeze(root(), ALICE));
		assert_eq!(last_event(), Event::Frozen { who: ALICE });
		assert_noop!(Rupee::transfer(signed(ALICE), BOB, 1), refused(TransferError::SenderFrozen));
		assert_noop!(
			Rupee::transfer(signed(BOB), ALICE, 1),
			refused(TransferError::ReceiverFrozen)
		);
		assert_noop!(Rupee::freeze(root(), ALICE), Error::<Test>::AlreadyFrozen);

		assert_ok!(Rupee::unfreeze(root(), ALICE));
		assert_eq!(last_event(), Event::Unfrozen { who: ALICE });
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1));
		assert_noop!(Rupee::unfreeze(root(), ALICE), Error::<Test>::NotFrozen);
	});
}

#[test]
fn only_governance_freezes_and_only_registered_accounts() {
	run(|| {
		assert_noop!(Rupee::freeze(signed(ISSUER), ALICE), DispatchError::BadOrigin);
		assert_noop!(Rupee::unfreeze(signed(BANK_A), ALICE), DispatchError::BadOrigin);
		assert_noop!(Rupee::freeze(root(), STRANGER), Error::<Test>::NotRegistered);
	});
}

#[test]
fn clawback_moves_money_to_the_issuer_with_the_reason() {
	run(|| {
		assert_ok!(Rupee::freeze(root(), BOB));
		assert_ok!(Rupee::clawback(root(), BOB, 3_000, ORDER));
		assert_eq!(
			last_event(),
			Event::ClawedBack { from: BOB, to: ISSUER, amount: 3_000, reason: ORDER }
		);
		assert_eq!(balance(BOB), OPENING - 3_000);
		assert_eq!(balance(ISSUER), 3_000);
		assert_noop!(
			Rupee::clawback(root(), BOB, OPENING, ORDER),
			refused(TransferError::InsufficientBalance)
		);
		assert_noop!(Rupee::clawback(root(), BOB, 0, ORDER), refused(TransferError::ZeroAmount));
		assert_noop!(
			Rupee::clawback(root(), ISSUER, 1, ORDER),
			refused(TransferError::SelfTransfer)
		);
		assert_noop!(Rupee::clawback(signed(ISSUER), BOB, 1, ORDER), DispatchError::BadOrigin);
	});
}

#[test]
fn clawback_needs_an_issuer() {
	run(|| {
		Issuer::<Test>::kill();
		assert_noop!(Rupee::clawback(root(), BOB, 1, ORDER), Error::<Test>::NoIssuer);
	});
}
