//! State that cannot grow for free: a voucher pays at least the minimum, a purse uses a bounded
//! number of counters and keeps bounded double-spend evidence (every victim is still
//! compensated), and a settled purse's redemptions are cleared within spare block weight.

use super::*;
use frame_support::{traits::Hooks, weights::Weight};

fn redeemed_entries() -> usize {
	Redeemed::<Test>::iter().count()
}

fn idle(budget: Weight) -> Weight {
	Vouchers::on_idle(System::block_number(), budget)
}

#[test]
fn a_voucher_below_the_minimum_or_beyond_the_last_counter_is_refused() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 0, &PAYEE, MIN_VOUCHER - 1)]));
		assert_eq!(last_refusal(), VoucherRefusal::BelowMinimum);
		assert_eq!(VoucherRefusal::BelowMinimum.code(), 13);
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), MAX_VOUCHERS, &PAYEE, MIN_VOUCHER)]));
		assert_eq!(last_refusal(), VoucherRefusal::CounterTooHigh);
		assert_eq!(VoucherRefusal::CounterTooHigh.code(), 14);
		assert!(!VoucherRefusal::CounterTooHigh.is_retryable());
		assert_eq!(redeemed_entries(), 0);
		assert_eq!(balance(&PAYEE), 0);
		// The last counter and the minimum amount are fine.
		assert_ok!(redeem(
			&PAYEE,
			vec![voucher(&device(1), MAX_VOUCHERS - 1, &PAYEE, MIN_VOUCHER)]
		));
		assert_eq!(balance(&PAYEE), MIN_VOUCHER);
	});
}

#[test]
fn a_purse_keeps_bounded_evidence_and_still_compensates_every_victim() {
	run(|| {
		fund(&OWNER, &device(1), rupees(10_000));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 0, &PAYEE, rupees(1))]));
		// Every other voucher reusing counter 0 is a double spend; evidence up to the cap.
		for n in 0..MAX_DOUBLE_SPENDS {
			let reuse = voucher(&device(1), 0, &PAYEE, rupees(2) + n as Balance);
			assert_ok!(redeem(&PAYEE, vec![reuse]));
		}
		let key = device_key(&device(1));
		assert_eq!(DoubleSpendCount::<Test>::get(key), MAX_DOUBLE_SPENDS);
		assert_eq!(DoubleSpends::<Test>::iter_prefix(key).count(), MAX_DOUBLE_SPENDS as usize);
		// One more victim is paid in full all the same; only the voucher's hash is kept.
		let payee_before = balance(&PAYEE);
		let one_more = voucher(&device(1), 0, &PAYEE, rupees(500));
		assert_ok!(redeem(&PAYEE, vec![one_more.clone()]));
		assert_eq!(balance(&PAYEE), payee_before + rupees(500));
		assert_eq!(DoubleSpends::<Test>::iter_prefix(key).count(), MAX_DOUBLE_SPENDS as usize);
		assert_eq!(Compensated::<Test>::iter_prefix(key).count(), 1);
		assert_eq!(Vouchers::voucher_status(&one_more), VoucherStatus::DoubleSpend);
		// And never twice.
		assert_ok!(redeem(&PAYEE, vec![one_more]));
		assert_eq!(last_event(), Event::DuplicateIgnored { device_key: key, counter: 0 });
		assert_eq!(balance(&PAYEE), payee_before + rupees(500));
	});
}

#[test]
fn a_settled_purses_redemptions_are_cleared_when_blocks_have_room() {
	let mut ext = new_test_ext();
	let paid: Vec<Voucher> = ext.execute_with(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		let paid: Vec<Voucher> =
			(0..20).map(|n| voucher(&device(1), n, &PAYEE, rupees(10))).collect();
		for batch in paid.chunks(8) {
			assert_ok!(redeem(&PAYEE, batch.to_vec()));
		}
		assert_eq!(redeemed_entries(), 20);
		// Not before the purse is settled.
		idle(Weight::MAX);
		assert_eq!(redeemed_entries(), 20);
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(1))));
		assert!(ToClear::<Test>::contains_key(device_key(&device(1))));
		paid
	});
	// The redemptions are in the database by the time a later block clears them.
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		// A small budget clears part, the next blocks the rest.
		let write = <Test as frame_system::Config>::DbWeight::get().writes(1);
		let budget = write.saturating_mul(10);
		let used = idle(budget);
		assert!(used.all_lte(budget), "{used:?} within {budget:?}");
		assert!(redeemed_entries() > 0 && redeemed_entries() < 20);
		// A read of the purse to clear, and a read and a write for each entry cleared.
		let db = <Test as frame_system::Config>::DbWeight::get();
		let cleared = (20 - redeemed_entries()) as u64;
		assert_eq!(used, db.reads_writes(1, 1) + db.reads_writes(1, 1) * cleared);
	});
	// The next blocks clear the rest.
	for _ in 0..10 {
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			let write = <Test as frame_system::Config>::DbWeight::get().writes(1);
			idle(write.saturating_mul(10));
		});
	}
	ext.execute_with(|| {
		assert_eq!(redeemed_entries(), 0);
		assert_eq!(ToClear::<Test>::iter().count(), 0);
		// What a wallet and a late payee see then.
		assert_eq!(Vouchers::voucher_status(&paid[3]), VoucherStatus::PurseSettled);
		assert_ok!(redeem(&PAYEE, vec![paid[3].clone()]));
		assert_eq!(last_refusal(), VoucherRefusal::PurseSettled);
		assert_eq!(balance(&PAYEE), rupees(200));
		Vouchers::do_try_state().unwrap();
	});
}

/// Redeem `total` one-rupee vouchers, a purse at a time, settling each purse after its grace
/// window and letting `on_idle` clear it: the stored redemptions never exceed one purse's
/// counters and end at zero. `total` comes from `RUPEE_BOUNDS_REDEMPTIONS` (default 4,000);
/// `scripts/bench-state-bounds.sh` runs it with a million.
#[test]
fn stored_redemptions_stay_bounded_over_many_redemptions() {
	let total: u64 = std::env::var("RUPEE_BOUNDS_REDEMPTIONS")
		.ok()
		.and_then(|value| value.parse().ok())
		.unwrap_or(4_000);
	run(|| {
		let per_purse = MAX_VOUCHERS;
		let mut done = 0u64;
		let mut most = 0usize;
		let mut purse_number = 0u32;
		while done < total {
			purse_number += 1;
			// A fresh device key per purse, as a wallet does when its counters run out.
			let mut seed = [0u8; 32];
			seed[..4].copy_from_slice(&purse_number.to_le_bytes());
			let device = sr25519::Pair::from_seed(&seed);
			let count = per_purse.min(total - done);
			let amount = MIN_VOUCHER * count as Balance;
			assert_ok!(Rupee::transfer(RuntimeOrigin::signed(BANK), OWNER, amount));
			fund(&OWNER, &device, amount);
			let vouchers: Vec<Voucher> =
				(0..count).map(|n| voucher(&device, n, &PAYEE, MIN_VOUCHER)).collect();
			for batch in vouchers.chunks(8) {
				assert_ok!(redeem(&PAYEE, batch.to_vec()));
			}
			most = most.max(redeemed_entries());
			advance_time(LIFETIME + GRACE + 1);
			// A long run spans decades: the bank keeps everyone's KYC current.
			let next_year = pallet_timestamp::Now::<Test>::get() + 365 * DAY;
			for who in [&BANK, &OWNER, &PAYEE] {
				assert_ok!(Kyc::renew(RuntimeOrigin::root(), who.clone(), next_year));
			}
			assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device)));
			idle(Weight::MAX);
			assert_eq!(redeemed_entries(), 0, "purse {purse_number} cleared");
			System::reset_events();
			done += count;
		}
		println!(
			"{done} redemptions over {purse_number} purses: at most {most} stored at once, {} at the end",
			redeemed_entries()
		);
		assert!(most as u64 <= per_purse);
		assert_eq!(ToClear::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_highest_counter_seen_is_one_read_and_goes_with_settlement() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		let key = device_key(&device(1));
		fund(&OWNER, &device(1), rupees(5_000));
		assert_eq!(Vouchers::highest_counter(key), None);
		// Out of order, as payees redeem: the highest stays the highest.
		for counter in [4, 9, 2] {
			assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), counter, &PAYEE, rupees(10))]));
		}
		assert_eq!(Vouchers::highest_counter(key), Some(9));
		// A reuse of a counter is seen too (a restored backup).
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 9, &PAYEE, rupees(11))]));
		assert_eq!(Vouchers::highest_counter(key), Some(9));
		Vouchers::do_try_state().unwrap();
		// A chain from before version 4: redemptions, no highest counters.
		let _ = HighestCounter::<Test>::clear(u32::MAX, None);
		StorageVersion::new(3).put::<Vouchers>();
		crate::migrations::v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		assert_eq!(Vouchers::on_chain_storage_version(), 4);
		assert_eq!(Vouchers::highest_counter(key), Some(9));
		Vouchers::do_try_state().unwrap();
		// Settled: the redemptions are about to go, and so does the highest counter.
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), key));
		assert_eq!(Vouchers::highest_counter(key), None);
		Vouchers::do_try_state().unwrap();
	});
}
