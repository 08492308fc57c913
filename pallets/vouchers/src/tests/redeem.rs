//! `redeem`: honest payments, duplicates, and every refusal with its reason.

use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, traits::Get};
use rupee_primitives::{rupees, PolicyError};
use sp_runtime::DispatchError;

use super::*;

fn ledger_refusal(reason: pallet_rupee::TransferError) -> DispatchError {
	pallet_rupee::Error::<Test>::Refused(reason).into()
}

#[test]
fn a_batch_pays_each_voucher_from_the_escrow() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let batch = vec![
			voucher(&device(1), 1, &PAYEE, rupees(1_500)),
			voucher(&device(1), 2, &MERCHANT, rupees(2_000)),
		];
		let info = redeem(&PAYEE, batch).unwrap();
		// The benchmarked honest redemption of two (refunded from the declared double spends).
		assert_eq!(info.actual_weight, Some(<() as crate::WeightInfo>::redeem(2)));
		assert_eq!(balance(&PAYEE), rupees(1_500));
		assert_eq!(balance(&MERCHANT), rupees(2_000));
		let purse = purse(&device(1));
		assert_eq!((purse.escrow, purse.redeemed), (rupees(1_500), rupees(3_500)));
		assert_eq!(pallet_rupee::Escrowed::<Test>::get(&OWNER), rupees(1_500));
		let key = device_key(&device(1));
		assert_eq!(
			events(),
			vec![
				Event::PurseFunded {
					owner: OWNER,
					device_key: key,
					amount: rupees(5_000),
					escrow: rupees(5_000),
					expires_at: START + LIFETIME,
				},
				Event::VoucherRedeemed {
					device_key: key,
					counter: 1,
					payee: PAYEE,
					amount: rupees(1_500)
				},
				Event::VoucherRedeemed {
					device_key: key,
					counter: 2,
					payee: MERCHANT,
					amount: rupees(2_000),
				},
			]
		);
		assert_eq!(
			Vouchers::voucher_status(&voucher(&device(1), 1, &PAYEE, rupees(1_500))),
			VoucherStatus::Redeemed
		);
	});
}

#[test]
fn the_same_voucher_again_is_a_harmless_duplicate() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let paid = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		assert_ok!(redeem(&PAYEE, vec![paid.clone()]));
		assert_ok!(redeem(&MERCHANT, vec![paid.clone(), paid.clone()]));
		assert_eq!(balance(&PAYEE), rupees(1_000));
		assert_eq!(purse(&device(1)).escrow, rupees(4_000));
		let key = device_key(&device(1));
		let tail: Vec<_> = events().into_iter().rev().take(2).collect();
		assert_eq!(
			tail,
			vec![
				Event::DuplicateIgnored { device_key: key, counter: 1 },
				Event::DuplicateIgnored { device_key: key, counter: 1 }
			]
		);
		assert_eq!(Vouchers::check_voucher(&paid), RedeemOutcome::Duplicate);
	});
}

/// Redeem `voucher` and check it was refused for `reason` with nothing paid.
fn assert_refused(voucher: Voucher, reason: VoucherRefusal) {
	let escrow = Purses::<Test>::get(voucher.body.device_key).map(|purse| purse.escrow);
	let payee = AccountId::from(voucher.body.payee);
	let before = balance(&payee);
	assert_eq!(Vouchers::check_voucher(&voucher), RedeemOutcome::Refused { reason });
	assert_ok!(redeem(&MERCHANT, vec![voucher.clone()]));
	assert_eq!(last_refusal(), reason);
	assert_eq!(balance(&payee), before);
	assert_eq!(Purses::<Test>::get(voucher.body.device_key).map(|purse| purse.escrow), escrow);
	assert_eq!(Vouchers::voucher_status(&voucher), VoucherStatus::NotRedeemed);
}

#[test]
fn each_refusal_has_its_reason_and_pays_nothing() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let good = voucher(&device(1), 1, &PAYEE, rupees(100));

		assert_refused(voucher(&device(9), 1, &PAYEE, rupees(100)), VoucherRefusal::UnknownPurse);

		let mut other_chain = good.body.clone();
		other_chain.genesis_hash = [7; 32];
		assert_refused(Voucher::sign(other_chain, &device(1)), VoucherRefusal::WrongGenesis);

		let mut tampered = good.clone();
		tampered.body.amount = rupees(1_000);
		assert_refused(tampered, VoucherRefusal::BadSignature);

		// Signed by another key than the purse's.
		assert_refused(Voucher::sign(good.body.clone(), &device(2)), VoucherRefusal::BadSignature);

		let mut version_two = good.body.clone();
		version_two.version = 2;
		assert_refused(Voucher::sign(version_two, &device(1)), VoucherRefusal::UnsupportedVersion);

		assert_refused(voucher(&device(1), 2, &PAYEE, 0), VoucherRefusal::ZeroAmount);
		assert_refused(
			voucher(&device(1), 3, &PAYEE, rupees(2_000) + 1),
			VoucherRefusal::OverVoucherCap,
		);
		let mut late = voucher(&device(1), 4, &PAYEE, rupees(100)).body;
		late.issued_at = START + LIFETIME + 1;
		assert_refused(Voucher::sign(late, &device(1)), VoucherRefusal::IssuedAfterExpiry);

		assert_refused(voucher(&device(1), 5, &OWNER, rupees(100)), VoucherRefusal::PaysOwner);
		assert_refused(
			voucher(&device(1), 6, &STRANGER, rupees(100)),
			VoucherRefusal::PayeeNotPermissioned(PolicyError::NotPermissioned),
		);
		// None of these used a counter: the good voucher still pays.
		assert_ok!(redeem(&PAYEE, vec![good]));
		assert_eq!(balance(&PAYEE), rupees(100));
	});
}

#[test]
fn a_voucher_to_a_payee_who_cannot_receive_yet_stays_redeemable() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let to_stranger = voucher(&device(1), 1, &STRANGER, rupees(500));
		assert_ok!(redeem(&PAYEE, vec![to_stranger.clone()]));
		let reason = last_refusal();
		assert_eq!(reason, VoucherRefusal::PayeeNotPermissioned(PolicyError::NotPermissioned));
		assert!(reason.is_retryable());
		assert_ok!(Kyc::register_account(
			RuntimeOrigin::signed(BANK),
			STRANGER,
			Tier::L0,
			EXPIRY,
			[0; 32],
			Some(BANK)
		));
		assert_ok!(redeem(&PAYEE, vec![to_stranger]));
		assert_eq!(balance(&STRANGER), rupees(500));
	});
}

#[test]
fn a_payee_over_its_daily_credit_limit_is_paid_the_next_day() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		// L0 may receive 25,000 PKR a day.
		assert_ok!(Rupee::transfer(RuntimeOrigin::signed(BANK), PAYEE, rupees(24_500)));
		let over = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		assert_ok!(redeem(&PAYEE, vec![over.clone()]));
		assert_eq!(
			last_refusal(),
			VoucherRefusal::PaymentRefused(ledger_refusal(
				pallet_rupee::TransferError::DailyCreditLimitExceeded
			))
		);
		assert_eq!(purse(&device(1)).escrow, rupees(5_000));
		advance_time(DAY);
		assert_ok!(redeem(&PAYEE, vec![over]));
		assert_eq!(balance(&PAYEE), rupees(25_500));
	});
}

#[test]
fn after_the_grace_window_vouchers_are_refused_even_before_settlement() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let late = voucher(&device(1), 1, &PAYEE, rupees(100));
		advance_time(LIFETIME + GRACE);
		assert_eq!(Vouchers::check_voucher(&late), RedeemOutcome::Paid { amount: rupees(100) });
		advance_time(1);
		assert_refused(late, VoucherRefusal::RedemptionWindowClosed);
	});
}

#[test]
fn an_empty_batch_fails_and_an_oversized_one_does_not_decode() {
	run(|| {
		assert_noop!(
			redeem(&PAYEE, vec![]).map_err(|error| error.error),
			Error::<Test>::EmptyBatch
		);
		let max = <<Test as Config>::MaxBatch as Get<u32>>::get() as u64;
		let vouchers: Vec<Voucher> =
			(0..=max).map(|counter| voucher(&device(1), counter, &PAYEE, 1)).collect();
		// A call carrying MaxBatch + 1 vouchers, encoded by hand as a wallet might.
		let mut encoded = vec![4u8, 1u8];
		vouchers.encode_to(&mut encoded);
		assert!(RuntimeCall::decode(&mut &encoded[..]).is_err());
		let mut fits = vec![4u8, 1u8];
		vouchers[..max as usize].to_vec().encode_to(&mut fits);
		assert!(matches!(
			RuntimeCall::decode(&mut &fits[..]),
			Ok(RuntimeCall::Vouchers(crate::Call::redeem { .. }))
		));
	});
}

#[test]
fn the_dry_run_changes_nothing() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let payment = voucher(&device(1), 1, &PAYEE, rupees(700));
		let events_before = System::events().len();
		assert_eq!(Vouchers::check_voucher(&payment), RedeemOutcome::Paid { amount: rupees(700) });
		assert_eq!(balance(&PAYEE), 0);
		assert_eq!(purse(&device(1)).escrow, rupees(5_000));
		assert_eq!(System::events().len(), events_before);
		assert_eq!(Vouchers::voucher_status(&payment), VoucherStatus::NotRedeemed);
	});
}

#[test]
fn a_second_signature_of_the_same_voucher_is_a_duplicate_not_a_double_spend() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let first = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		// sr25519 signatures are randomised: the same body signed again has other bytes.
		let again = Voucher::sign(first.body.clone(), &device(1));
		assert_ne!(first.signature, again.signature);
		assert_ok!(redeem(&PAYEE, vec![first, again.clone()]));
		assert_eq!(balance(&PAYEE), rupees(1_000));
		assert_eq!(Vouchers::voucher_status(&again), VoucherStatus::Redeemed);
		assert_eq!(purse(&device(1)).status, PurseStatus::Active);
	});
}
