//! Transfers between permissioned accounts: rules, refusals and limit boundaries.

use super::*;

/// L0 daily debit limit (25,000 PKR) in paisa.
const L0_DAILY: Balance = rupees(25_000);
/// L0 monthly debit limit (50,000 PKR) in paisa.
const L0_MONTHLY: Balance = rupees(50_000);

#[test]
fn a_transfer_moves_money_counts_limits_and_emits_an_event() {
	run(|| {
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1_000));
		assert_eq!(last_event(), Event::Transferred { from: ALICE, to: BOB, amount: 1_000 });
		assert_eq!(balance(ALICE), OPENING - 1_000);
		assert_eq!(balance(BOB), OPENING + 1_000);
		let alice = Ledger::<Test>::get(ALICE);
		assert_eq!((alice.day, alice.daily_debit, alice.monthly_debit), (10, 1_000, 1_000));
		let bob = Ledger::<Test>::get(BOB);
		assert_eq!((bob.daily_credit, bob.monthly_credit), (1_000, 1_000));
		assert_eq!(TotalIssuance::<Test>::get(), 2 * BANK_RESERVE + 2 * OPENING);
	});
}

#[test]
fn nonsense_transfers_are_refused() {
	run(|| {
		assert_noop!(Rupee::transfer(signed(ALICE), BOB, 0), refused(TransferError::ZeroAmount));
		assert_noop!(
			Rupee::transfer(signed(ALICE), ALICE, 1),
			refused(TransferError::SelfTransfer)
		);
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, OPENING + 1),
			refused(TransferError::InsufficientBalance)
		);
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, Balance::MAX),
			refused(TransferError::InsufficientBalance)
		);
		assert_noop!(Rupee::transfer(root(), BOB, 1), DispatchError::BadOrigin);
	});
}

#[test]
fn unpermissioned_senders_and_receivers_are_refused_with_their_reasons() {
	run(|| {
		assert_noop!(
			Rupee::transfer(signed(STRANGER), BOB, 1),
			refused(TransferError::SenderNotPermissioned)
		);
		assert_noop!(
			Rupee::transfer(signed(ALICE), STRANGER, 1),
			refused(TransferError::ReceiverNotPermissioned)
		);
		assert_ok!(Kyc::suspend_account(signed(BANK_B), BOB));
		assert_noop!(
			Rupee::transfer(signed(BOB), ALICE, 1),
			refused(TransferError::SenderSuspended)
		);
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, 1),
			refused(TransferError::ReceiverSuspended)
		);
		assert_ok!(Kyc::revoke_account(signed(BANK_B), BOB));
		assert_noop!(Rupee::transfer(signed(BOB), ALICE, 1), refused(TransferError::SenderRevoked));
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, 1),
			refused(TransferError::ReceiverRevoked)
		);
		assert_ok!(Kyc::renew(signed(BANK_B), MERCHANT, 11 * DAY));
		advance_days(1);
		assert_noop!(
			Rupee::transfer(signed(ALICE), MERCHANT, 1),
			refused(TransferError::ReceiverExpired)
		);
		assert_noop!(
			Rupee::transfer(signed(MERCHANT), ALICE, 1),
			refused(TransferError::SenderExpired)
		);
	});
}

#[test]
fn the_daily_debit_limit_allows_exactly_the_limit_and_resets_the_next_day() {
	run(|| {
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, L0_DAILY - 1));
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1));
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, 1),
			refused(TransferError::DailyDebitLimitExceeded)
		);
		advance_days(1);
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1));
		assert_eq!(Ledger::<Test>::get(ALICE).daily_debit, 1);
	});
}

#[test]
fn the_monthly_debit_limit_allows_exactly_the_limit_and_resets_the_next_month() {
	run(|| {
		// Day 10 and day 11 of month 0 use the monthly limit up, one day at a time.
		assert_ok!(Rupee::transfer(signed(ALICE), MERCHANT, L0_DAILY));
		advance_days(1);
		assert_ok!(Rupee::transfer(signed(ALICE), MERCHANT, L0_MONTHLY - L0_DAILY));
		advance_days(1);
		assert_noop!(
			Rupee::transfer(signed(ALICE), MERCHANT, 1),
			refused(TransferError::MonthlyDebitLimitExceeded)
		);
		// Day 30 starts month 1.
		advance_days(30 - 12);
		assert_ok!(Rupee::transfer(signed(ALICE), MERCHANT, 1));
		let alice = Ledger::<Test>::get(ALICE);
		assert_eq!((alice.month, alice.monthly_debit), (1, 1));
	});
}

#[test]
fn the_receivers_credit_limits_are_counted_separately() {
	run(|| {
		let l1_daily_credit = TierLimits::default_for(Tier::L1).daily_credit;
		assert_ok!(Rupee::transfer(signed(BANK_A), BOB, l1_daily_credit));
		assert_noop!(
			Rupee::transfer(signed(BANK_B), BOB, 1),
			refused(TransferError::DailyCreditLimitExceeded)
		);
		// Bob can still send: debit and credit are separate counters.
		assert_ok!(Rupee::transfer(signed(BOB), ALICE, 1));
		advance_days(1);
		assert_ok!(Rupee::transfer(signed(BANK_B), BOB, 1));
	});
}

#[test]
fn the_monthly_credit_limit_is_enforced() {
	run(|| {
		let mut limits = TierLimits::default_for(Tier::L1);
		limits.daily_credit = 1_000;
		limits.monthly_credit = 1_500;
		assert_ok!(Kyc::set_tier_limits(root(), Tier::L1, limits));
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1_000));
		advance_days(1);
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 500));
		assert_noop!(
			Rupee::transfer(signed(ALICE), BOB, 1),
			refused(TransferError::MonthlyCreditLimitExceeded)
		);
	});
}

#[test]
fn the_dry_run_reports_the_same_reason_and_changes_nothing() {
	run(|| {
		assert_eq!(Rupee::can_transfer(&ALICE, &BOB, 1_000), Ok(()));
		assert_eq!(
			Rupee::can_transfer(&ALICE, &STRANGER, 1_000),
			Err(TransferError::ReceiverNotPermissioned)
		);
		assert_eq!(
			Rupee::can_transfer(&ALICE, &BOB, L0_DAILY + 1),
			Err(TransferError::DailyDebitLimitExceeded)
		);
		assert_eq!(balance(ALICE), OPENING);
		assert_eq!(Ledger::<Test>::get(ALICE).daily_debit, 0);
		assert_eq!(TransferError::DailyDebitLimitExceeded.code(), 14);
	});
}

#[test]
fn an_account_view_shows_limits_used_and_left() {
	run(|| {
		assert_ok!(Rupee::transfer(signed(ALICE), BOB, 1_000));
		let view = Rupee::account_view(&ALICE);
		assert_eq!(view.free, OPENING - 1_000);
		let usage = view.usage.unwrap();
		assert_eq!(usage.daily_debit_used, 1_000);
		assert_eq!(usage.daily_debit_left, L0_DAILY - 1_000);
		assert_eq!(usage.monthly_debit_left, L0_MONTHLY - 1_000);
		assert!(Rupee::account_view(&STRANGER).usage.is_none());
		// The next day the daily counters read as fresh, without any write.
		advance_days(1);
		assert_eq!(Rupee::account_view(&ALICE).usage.unwrap().daily_debit_used, 0);
	});
}
