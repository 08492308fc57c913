//! Double spends: counter reuse, overspend across counters, the payout order, claims.

use frame_support::{assert_noop, assert_ok};
use rupee_primitives::{rupees, AccountPolicy, PolicyError};
use sp_runtime::DispatchError;

use super::*;
use crate::functions::voucher_hash;

fn owner_frozen() -> bool {
	<Kyc as AccountPolicy<AccountId>>::is_frozen(&OWNER)
}

/// Leave `OWNER` with exactly `left` of free balance (the rest clawed back by governance).
fn leave_owner_with(left: Balance) {
	let take = balance(&OWNER) - left;
	assert_ok!(Rupee::clawback(RuntimeOrigin::root(), OWNER, take, [0; 32]));
}

#[test]
fn counter_reuse_is_caught_with_evidence_and_the_purse_compromised() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let first = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		let second = voucher(&device(1), 1, &MERCHANT, rupees(1_500));
		assert_ok!(redeem(&PAYEE, vec![first.clone()]));
		System::reset_events();
		assert_eq!(
			Vouchers::check_voucher(&second),
			RedeemOutcome::DoubleSpend {
				kind: DoubleSpendKind::CounterReuse,
				paid: rupees(1_500),
				claimed: 0
			}
		);
		let info = redeem(&MERCHANT, vec![second.clone()]).unwrap();
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::redeem_double_spend(1)));

		// Nobody is paid twice: the first payee once, the victim once, in full from escrow.
		assert_eq!(balance(&PAYEE), rupees(1_000));
		assert_eq!(balance(&MERCHANT), rupees(1_500));
		assert_eq!(purse(&device(1)).escrow, rupees(2_500));
		assert_eq!(purse(&device(1)).status, PurseStatus::Compromised);
		// The escrow covered it: flagged to the owner's bank, not frozen (tests/guarantee.rs).
		assert!(!owner_frozen());

		let key = device_key(&device(1));
		let hash = voucher_hash(&second);
		let evidence = DoubleSpends::<Test>::get(key, hash).expect("evidence is stored");
		assert_eq!(evidence.kind, DoubleSpendKind::CounterReuse);
		assert_eq!(evidence.voucher, second);
		assert_eq!(evidence.conflicting, Some(first.clone()));
		assert_eq!(evidence.owner, OWNER);
		assert_eq!((evidence.paid_from_escrow, evidence.paid_from_balance), (rupees(1_500), 0));
		assert_eq!(evidence.claim, None);
		assert_eq!(
			Revocations::<Test>::get(key).map(|entry| entry.reason),
			Some(RevocationReason::Compromised)
		);
		assert_eq!(
			events(),
			vec![
				Event::DoubleSpendDetected {
					device_key: key,
					counter: 1,
					owner: OWNER,
					kind: DoubleSpendKind::CounterReuse,
					voucher_hash: hash,
				},
				Event::PurseCompromised { device_key: key, owner: OWNER },
				Event::OwnerFlagged { owner: OWNER, device_key: key, bank: Some(BANK) },
				Event::VictimCompensated {
					device_key: key,
					counter: 1,
					payee: MERCHANT,
					amount: rupees(1_500),
					from_escrow: rupees(1_500),
					from_balance: 0,
					from_reserve: 0,
					claim: None,
				},
			]
		);

		// Both vouchers again: duplicates, nothing paid.
		assert_ok!(redeem(&MERCHANT, vec![second.clone(), first.clone()]));
		assert_eq!(balance(&PAYEE), rupees(1_000));
		assert_eq!(balance(&MERCHANT), rupees(1_500));
		assert_eq!(Vouchers::voucher_status(&second), VoucherStatus::DoubleSpend);
		assert_eq!(Vouchers::voucher_status(&first), VoucherStatus::Redeemed);
		// The compromised purse cannot be funded again.
		assert_noop!(try_fund(&OWNER, key, rupees(1)), Error::<Test>::PurseNotActive);
	});
}

#[test]
fn overspend_across_distinct_counters_is_a_double_spend() {
	run(|| {
		fund(&OWNER, &device(1), rupees(2_000));
		let honest = voucher(&device(1), 1, &PAYEE, rupees(1_500));
		let over = voucher(&device(1), 2, &MERCHANT, rupees(1_000));
		assert_ok!(redeem(&PAYEE, vec![honest, over.clone()]));
		// 500 from the escrow left, 500 from the owner's balance.
		assert_eq!(balance(&MERCHANT), rupees(1_000));
		assert_eq!(balance(&OWNER), OPENING - rupees(2_000) - rupees(500));
		assert_eq!(purse(&device(1)).escrow, 0);
		let evidence =
			DoubleSpends::<Test>::get(device_key(&device(1)), voucher_hash(&over)).unwrap();
		assert_eq!(evidence.kind, DoubleSpendKind::OverEscrow);
		assert_eq!(evidence.conflicting, None);
		assert_eq!(
			(evidence.paid_from_escrow, evidence.paid_from_balance),
			(rupees(500), rupees(500))
		);
		// The counter is used: the same voucher again is a duplicate.
		assert_eq!(Vouchers::check_voucher(&over), RedeemOutcome::Duplicate);
		// The escrow fell short: the owner is frozen and can neither pay nor fund a purse.
		assert!(owner_frozen());
		assert_noop!(
			Rupee::transfer(RuntimeOrigin::signed(OWNER), PAYEE, 1),
			pallet_rupee::Error::<Test>::Refused(pallet_rupee::TransferError::SenderFrozen)
		);
		assert_noop!(
			try_fund(&OWNER, device_key(&device(2)), 1),
			Error::<Test>::NotPermissioned(OwnerPolicy(PolicyError::Frozen))
		);
	});
}

#[test]
fn the_victim_is_paid_from_escrow_then_balance_then_a_claim() {
	run(|| {
		fund(&OWNER, &device(1), rupees(2_000));
		leave_owner_with(rupees(700));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_500))]));
		let victim = voucher(&device(1), 1, &MERCHANT, rupees(2_000));
		assert_ok!(redeem(&MERCHANT, vec![victim]));
		// 500 escrow + 700 balance + 800 claim = 2,000.
		assert_eq!(balance(&MERCHANT), rupees(1_200));
		assert_eq!(balance(&OWNER), 0);
		let claim = Claims::<Test>::get(0).expect("claim 0 is recorded");
		assert_eq!(claim.claimant, MERCHANT);
		assert_eq!(claim.owner, OWNER);
		assert_eq!(claim.amount, rupees(800));
		assert_eq!(TotalClaims::<Test>::get(), rupees(800));
		let key = device_key(&device(1));
		let all = events();
		let tail = all[all.len() - 2..].to_vec();
		assert_eq!(
			tail,
			vec![
				Event::VictimCompensated {
					device_key: key,
					counter: 1,
					payee: MERCHANT,
					amount: rupees(2_000),
					from_escrow: rupees(500),
					from_balance: rupees(700),
					from_reserve: 0,
					claim: Some(0),
				},
				Event::ClaimRecorded {
					claim: 0,
					claimant: MERCHANT,
					owner: OWNER,
					amount: rupees(800)
				},
			]
		);
	});
}

#[test]
fn governance_settles_claims_as_far_as_the_payer_has_money() {
	run(|| {
		fund(&OWNER, &device(1), rupees(1_000));
		leave_owner_with(0);
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 1, &MERCHANT, rupees(1_000))]));
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, rupees(1_000));

		assert_noop!(
			Vouchers::settle_claim(RuntimeOrigin::signed(BANK), 0, BANK),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Vouchers::settle_claim(RuntimeOrigin::root(), 7, BANK),
			Error::<Test>::UnknownClaim
		);
		assert_noop!(
			Vouchers::settle_claim(RuntimeOrigin::root(), 0, OWNER),
			Error::<Test>::NothingToPay
		);
		// A fund the Board picks holds only 400: it pays what it has.
		let take = balance(&OWNER_2) - rupees(400);
		assert_ok!(Rupee::clawback(RuntimeOrigin::root(), OWNER_2, take, [0; 32]));
		assert_ok!(Vouchers::settle_claim(RuntimeOrigin::root(), 0, OWNER_2));
		assert_eq!(
			last_event(),
			Event::ClaimSettled {
				claim: 0,
				payer: OWNER_2,
				paid: rupees(400),
				remaining: rupees(600)
			}
		);
		assert_eq!(TotalClaims::<Test>::get(), rupees(600));
		// The Board pays the rest from the bank's account; the claim is gone.
		assert_ok!(Vouchers::settle_claim(RuntimeOrigin::root(), 0, BANK));
		assert_eq!(Claims::<Test>::get(0), None);
		assert_eq!(TotalClaims::<Test>::get(), 0);
		assert_eq!(balance(&MERCHANT), rupees(1_000));
	});
}

#[test]
fn a_compromised_purse_still_pays_honest_vouchers_within_its_escrow() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 1, &MERCHANT, rupees(1_000))]));
		assert_eq!(purse(&device(1)).status, PurseStatus::Compromised);
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 2, &MERCHANT, rupees(500))]));
		assert_eq!(balance(&MERCHANT), rupees(1_500));
		assert_eq!(purse(&device(1)).escrow, rupees(2_500));
		// Only one compromise event and one freeze for the purse.
		let compromises =
			events().iter().filter(|event| matches!(event, Event::PurseCompromised { .. })).count();
		assert_eq!(compromises, 1);
	});
}

/// A double spend the ledger refuses (here the victim's daily credit limit) records nothing
/// and leaves the voucher redeemable, but it did the double-spend path's work: the batch is
/// charged for it, not refunded to the honest weight (else a voucher refused this way could be
/// sent again and again at the honest price).
#[test]
fn a_double_spend_the_ledger_refuses_is_charged_as_a_double_spend() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 1, &MERCHANT, rupees(1_000))]));
		// L0 may receive 25,000 PKR a day.
		assert_ok!(Rupee::transfer(RuntimeOrigin::signed(BANK), PAYEE, rupees(24_500)));
		let reuse = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		let info = redeem(&PAYEE, vec![reuse]).unwrap();
		assert_eq!(
			last_refusal(),
			VoucherRefusal::PaymentRefused(
				pallet_rupee::Error::<Test>::Refused(
					pallet_rupee::TransferError::DailyCreditLimitExceeded
				)
				.into()
			)
		);
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::redeem_double_spend(1)));
		assert_eq!(purse(&device(1)).status, PurseStatus::Active);
		assert!(!owner_frozen());
		// An honest voucher alone is refunded to the honest weight.
		let honest = voucher(&device(1), 2, &MERCHANT, rupees(1_000));
		let info = redeem(&MERCHANT, vec![honest]).unwrap();
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::redeem(1)));
	});
}
