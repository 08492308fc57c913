//! Credit above the holding limit goes to the linked bank account, or is refused.

use super::*;

fn set_max_balance(tier: Tier, max_balance: Balance) {
	let mut limits = TierLimits::default_for(tier);
	limits.max_balance = max_balance;
	assert_ok!(Kyc::set_tier_limits(root(), tier, limits));
}

#[test]
fn credit_above_the_holding_limit_is_swept_to_the_linked_bank() {
	run(|| {
		set_max_balance(Tier::L0, OPENING + 500);
		assert_ok!(Rupee::transfer(signed(BOB), ALICE, 1_000));
		assert_eq!(balance(ALICE), OPENING + 500);
		assert_eq!(balance(BANK_A), BANK_RESERVE + 500);
		assert_eq!(balance(BOB), OPENING - 1_000);
		let events = events();
		assert_eq!(
			events[events.len() - 2..],
			[
				Event::Transferred { from: BOB, to: ALICE, amount: 1_000 },
				Event::Swept { from: ALICE, to: BANK_A, amount: 500 },
			]
		);
	});
}

#[test]
fn without_a_linked_bank_credit_above_the_limit_is_refused() {
	run(|| {
		set_max_balance(Tier::L1, OPENING + 500);
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, 501),
			refused(TransferError::HoldingLimitExceeded)
		);
		// Exactly up to the limit is fine.
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 500));
		assert_eq!(balance(BOB), OPENING + 500);
	});
}

#[test]
fn a_sweep_back_to_the_paying_bank_leaves_it_only_the_kept_part_poorer() {
	run(|| {
		set_max_balance(Tier::L0, OPENING + 500);
		assert_ok!(Rupee::transfer(signed(BANK_A), ALICE, 2_000));
		assert_eq!(balance(ALICE), OPENING + 500);
		assert_eq!(balance(BANK_A), BANK_RESERVE - 500);
		assert_eq!(last_event(), Event::Swept { from: ALICE, to: BANK_A, amount: 1_500 });
	});
}

#[test]
fn no_sweep_to_a_linked_bank_that_lost_its_standing() {
	run(|| {
		set_max_balance(Tier::L0, OPENING + 500);
		// Bank A's reserve account is revoked after Alice linked it: it takes no sweep.
		assert_ok!(Kyc::revoke_account(root(), BANK_A));
		assert_noop!(
			Rupee::transfer(signed(BOB), ALICE, 1_000),
			refused(TransferError::HoldingLimitExceeded)
		);
		// Credit within the holding limit still arrives.
		assert_ok!(Rupee::transfer(signed(BOB), ALICE, 500));
		assert_eq!(balance(ALICE), OPENING + 500);
		assert_eq!(balance(BANK_A), BANK_RESERVE);
	});
}
