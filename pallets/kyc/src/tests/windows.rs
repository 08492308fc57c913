//! Rate-limit counts are kept for the current window only: past windows are cleared within
//! the spare weight of later blocks, and the version-0 map is cleared by its migration.

use super::*;
use crate::{OldestCountedWindow, TransactionCount};
use codec::Encode;
use frame_support::storage::StoragePrefixedMap;
use frame_support::{
	traits::{GetStorageVersion, Hooks, OnRuntimeUpgrade, StorageVersion},
	weights::Weight,
};

fn counts() -> usize {
	TransactionCount::<Test>::iter().count()
}

fn idle(budget: Weight) -> Weight {
	Kyc::on_idle(System::block_number(), budget)
}

#[test]
fn counts_of_past_windows_are_cleared_when_blocks_have_room() {
	run(|| {
		// 500 signers in window 0 (block 1), 3 in window 1.
		for who in 1_000..1_500 {
			Kyc::note_transaction(&who, 1);
		}
		assert_eq!(counts(), 500);
		System::set_block_number(WINDOW);
		for who in 2_000..2_003 {
			Kyc::note_transaction(&who, 1);
		}
		// Nothing of the current window is touched; window 0 goes.
		let used = idle(Weight::MAX);
		assert_eq!(counts(), 3);
		assert_eq!(OldestCountedWindow::<Test>::get(), 1);
		assert!(used.ref_time() > 0);
		// Window 1 goes once window 2 begins.
		System::set_block_number(2 * WINDOW);
		idle(Weight::MAX);
		assert_eq!(counts(), 0);
		assert_eq!(Kyc::transactions_in_window(&2_000), 0);
	});
}

#[test]
fn a_small_budget_clears_part_of_a_window_and_the_rest_later() {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		for who in 1_000..1_100 {
			Kyc::note_transaction(&who, 1);
		}
		System::set_block_number(WINDOW);
	});
	// Earlier blocks' counts are in the database, where a clearing limit applies (counts
	// written in the same block would all go at once).
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		let write = <Test as frame_system::Config>::DbWeight::get().writes(1);
		let budget = write.saturating_mul(40);
		let used = idle(budget);
		assert!(used.all_lte(budget), "{used:?} within {budget:?}");
		let left = counts();
		assert!(left > 0 && left < 100, "{left} counts left");
		assert_eq!(OldestCountedWindow::<Test>::get(), 0, "window 0 not done yet");
		// No room at all: nothing happens, nothing is charged.
		assert_eq!(idle(Weight::zero()), Weight::zero());
	});
	// The next blocks clear the rest.
	for _ in 0..10 {
		ext.commit_all().unwrap();
		ext.execute_with(|| {
			let write = <Test as frame_system::Config>::DbWeight::get().writes(1);
			idle(write.saturating_mul(40));
		});
	}
	ext.execute_with(|| {
		assert_eq!(counts(), 0);
		assert_eq!(OldestCountedWindow::<Test>::get(), 1);
		Kyc::do_try_state().unwrap();
	});
}

#[test]
fn a_block_clears_at_most_8192_counts_and_is_charged_a_read_and_a_write_for_each() {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		for who in 10_000..20_000 {
			Kyc::note_transaction(&who, 1);
		}
		System::set_block_number(WINDOW);
	});
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		let db = <Test as frame_system::Config>::DbWeight::get();
		// An empty block's whole budget: the cap, not the budget, stops it.
		let used = idle(Weight::MAX);
		assert_eq!(counts(), 10_000 - 8_192);
		assert_eq!(OldestCountedWindow::<Test>::get(), 0, "window 0 not done yet");
		let expected = db.reads(1) + db.reads_writes(1, 1) + db.reads_writes(1, 1) * 8_192;
		assert_eq!(used, expected);
	});
	ext.commit_all().unwrap();
	ext.execute_with(|| {
		idle(Weight::MAX);
		assert_eq!(counts(), 0);
		assert_eq!(OldestCountedWindow::<Test>::get(), 1);
	});
}

#[test]
fn after_a_long_halt_empty_windows_are_skipped_quickly() {
	run(|| {
		Kyc::note_transaction(&ALICE, 1);
		System::set_block_number(WINDOW * 1_000);
		for _ in 0..16 {
			idle(Weight::MAX);
		}
		assert_eq!(counts(), 0);
		assert_eq!(OldestCountedWindow::<Test>::get(), 1_000);
	});
}

#[test]
fn the_version_2_migration_clears_the_per_account_counts() {
	run(|| {
		// A version-1 entry: `(window, count)` under the account's key.
		let mut key = TransactionCount::<Test>::final_prefix().to_vec();
		key.extend(sp_io::hashing::blake2_128(&ALICE.encode()));
		key.extend(ALICE.encode());
		frame_support::storage::unhashed::put(&key, &(7u32, 3u32));
		StorageVersion::new(1).put::<Kyc>();
		System::set_block_number(WINDOW * 7);
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(frame_support::storage::unhashed::get_raw(&key), None);
		assert_eq!(Kyc::on_chain_storage_version(), 2);
		assert_eq!(OldestCountedWindow::<Test>::get(), 7);
		// Run again: nothing happens.
		Kyc::note_transaction(&ALICE, 1);
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Kyc::transactions_in_window(&ALICE), 1);
	});
}
