//! `close_purse` and `settle`: lost devices, expiry, the grace window, the revocation list.

use frame_support::{assert_noop, assert_ok};
use rupee_primitives::rupees;

use super::*;

#[test]
fn closing_revokes_the_purse_and_vouchers_redeem_until_the_grace_window_ends() {
	run(|| {
		fund(&OWNER, &device(1), rupees(3_000));
		let key = device_key(&device(1));
		let before_loss = voucher(&device(1), 1, &PAYEE, rupees(500));
		advance_time(DAY);
		assert_noop!(
			Vouchers::close_purse(RuntimeOrigin::signed(OWNER_2), key),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			Vouchers::close_purse(RuntimeOrigin::signed(OWNER), [3; 32]),
			Error::<Test>::UnknownPurse
		);
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), key));
		let closed_at = START + DAY;
		assert_eq!(
			last_event(),
			Event::PurseClosed {
				device_key: key,
				owner: OWNER,
				redeemable_until: START + LIFETIME + GRACE
			}
		);
		assert_eq!(purse(&device(1)).status, PurseStatus::Closed);
		let list = Vouchers::revocation_page(None, 100).entries;
		assert_eq!(
			list,
			vec![(key, Revocation { reason: RevocationReason::Closed, since: closed_at })]
		);
		assert_noop!(
			Vouchers::close_purse(RuntimeOrigin::signed(OWNER), key),
			Error::<Test>::PurseNotActive
		);
		// A voucher signed before the loss is still paid within the grace window.
		assert_ok!(redeem(&PAYEE, vec![before_loss]));
		assert_eq!(balance(&PAYEE), rupees(500));
		// One signed after closing, within the revocation notice, is paid from the escrow: a
		// payee whose list was a few hours old could not have known (the escrow is the
		// owner's cash at risk, its balance is not).
		let mut after_loss = voucher(&device(1), 2, &PAYEE, rupees(500)).body;
		after_loss.issued_at = closed_at + 1;
		assert_ok!(redeem(&PAYEE, vec![Voucher::sign(after_loss.clone(), &device(1))]));
		assert_eq!(balance(&PAYEE), rupees(1_000));
		// Dated after the notice: any payee checking its list would have seen the close.
		after_loss.counter = 3;
		after_loss.issued_at = closed_at + DAY + 1;
		assert_ok!(redeem(&PAYEE, vec![Voucher::sign(after_loss, &device(1))]));
		assert_eq!(last_refusal(), VoucherRefusal::IssuedAfterRevocation);
		assert_eq!(VoucherRefusal::IssuedAfterRevocation.code(), 15);
	});
}

#[test]
fn settle_returns_the_rest_after_expiry_and_grace_and_later_vouchers_are_refused() {
	run(|| {
		fund(&OWNER, &device(1), rupees(3_000));
		let key = device_key(&device(1));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_000))]));
		advance_time(LIFETIME + GRACE);
		assert_noop!(
			Vouchers::settle(RuntimeOrigin::signed(PAYEE), key),
			Error::<Test>::NotYetSettleable
		);
		advance_time(1);
		assert_noop!(
			Vouchers::settle(RuntimeOrigin::signed(PAYEE), [3; 32]),
			Error::<Test>::UnknownPurse
		);
		// Anyone permissioned may settle; the money goes to the owner.
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), key));
		assert_eq!(
			last_event(),
			Event::PurseSettled { device_key: key, owner: OWNER, returned: rupees(2_000) }
		);
		assert_eq!(balance(&OWNER), OPENING - rupees(1_000));
		assert_eq!(pallet_rupee::Escrowed::<Test>::get(&OWNER), 0);
		assert_eq!(PurseCount::<Test>::get(&OWNER), 0);
		assert_noop!(
			Vouchers::settle(RuntimeOrigin::signed(PAYEE), key),
			Error::<Test>::AlreadySettled
		);
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 2, &PAYEE, rupees(100))]));
		assert_eq!(last_refusal(), VoucherRefusal::PurseSettled);
		// A settled device key is never reused.
		assert_noop!(try_fund(&OWNER, key, rupees(10)), Error::<Test>::PurseNotActive);
	});
}

#[test]
fn a_compromised_purse_settles_to_its_frozen_owner_and_leaves_the_list() {
	run(|| {
		fund(&OWNER, &device(1), rupees(3_000));
		let key = device_key(&device(1));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 1, &MERCHANT, rupees(1_000))]));
		assert_eq!(Vouchers::revocation_page(None, 100).entries.len(), 1);
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), key));
		assert_eq!(balance(&OWNER), OPENING - rupees(2_000));
		assert_eq!(Vouchers::revocation_page(None, 100).entries, vec![]);
	});
}

#[test]
fn the_revocation_digest_changes_with_the_list_and_returns_when_it_does() {
	run(|| {
		let digest = || Vouchers::revocation_page(None, 1).digest;
		let empty = digest();
		fund(&OWNER, &device(1), rupees(100));
		fund(&OWNER_2, &device(2), rupees(100));
		assert_eq!(digest(), empty);
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		let one = digest();
		assert_ne!(one, empty);
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER_2), device_key(&device(2))));
		let two = digest();
		assert_ne!(two, one);
		assert_ne!(two, empty);
		// Settling both takes them off: the digest is the empty list's again.
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(1))));
		assert_eq!(digest(), Vouchers::revocation_page(None, 1).digest);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(2))));
		assert_eq!(digest(), empty);
	});
}

#[test]
fn the_revocation_list_comes_in_bounded_pages() {
	run(|| {
		// Five closed purses (two owners may hold two each; the bank funds one more owner).
		let owners = [OWNER, OWNER, OWNER_2, OWNER_2];
		for (n, owner) in owners.iter().enumerate() {
			fund(owner, &device(n as u8 + 1), rupees(100));
			assert_ok!(Vouchers::close_purse(
				RuntimeOrigin::signed(owner.clone()),
				device_key(&device(n as u8 + 1))
			));
		}
		let mut seen = Vec::new();
		let mut start = None;
		loop {
			let page = Vouchers::revocation_page(start, 3);
			assert!(page.entries.len() <= 3);
			seen.extend(page.entries.iter().map(|(key, _)| *key));
			match page.next {
				Some(next) => start = Some(next),
				None => break,
			}
		}
		assert_eq!(seen.len(), 4);
		seen.sort();
		seen.dedup();
		assert_eq!(seen.len(), 4, "no entry twice");
		// A limit of zero still returns a page; no page is longer than the maximum.
		assert_eq!(Vouchers::revocation_page(None, 0).entries.len(), 1);
		assert_eq!(Vouchers::revocation_page(None, u32::MAX).entries.len(), 4);
	});
}

#[test]
fn the_version_2_migration_computes_the_digest_of_the_list_as_it_stands() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		fund(&OWNER, &device(1), rupees(100));
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		let digest = Vouchers::revocation_page(None, 1).digest;
		// A chain from before version 2: the list, but no digest.
		RevocationDigest::<Test>::kill();
		StorageVersion::new(1).put::<Vouchers>();
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(Vouchers::revocation_page(None, 1).digest, digest);
		assert_eq!(Vouchers::on_chain_storage_version(), 2);
	});
}
