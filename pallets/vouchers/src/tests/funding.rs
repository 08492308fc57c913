//! `fund_purse`: creating and topping up purses, caps and who may fund.

use frame_support::{assert_noop, assert_ok};
use rupee_primitives::{rupees, PolicyError};

use super::*;

#[test]
fn funding_escrows_on_the_ledger_and_creates_the_purse() {
	run(|| {
		fund(&OWNER, &device(1), rupees(3_000));
		assert_eq!(balance(&OWNER), OPENING - rupees(3_000));
		assert_eq!(pallet_rupee::Escrowed::<Test>::get(&OWNER), rupees(3_000));
		let purse = purse(&device(1));
		assert_eq!(purse.owner, OWNER);
		assert_eq!(purse.escrow, rupees(3_000));
		assert_eq!(purse.redeemed, 0);
		assert_eq!(purse.voucher_cap, rupees(2_000));
		assert_eq!(purse.expires_at, START + LIFETIME);
		assert_eq!(purse.status, PurseStatus::Active);
		assert_eq!(PurseCount::<Test>::get(&OWNER), 1);
		assert_eq!(
			last_event(),
			Event::PurseFunded {
				owner: OWNER,
				device_key: device_key(&device(1)),
				amount: rupees(3_000),
				escrow: rupees(3_000),
				expires_at: START + LIFETIME,
			}
		);
	});
}

#[test]
fn top_up_adds_escrow_and_extends_expiry() {
	run(|| {
		fund(&OWNER, &device(1), rupees(3_000));
		advance_time(DAY);
		fund(&OWNER, &device(1), rupees(2_000));
		let purse = purse(&device(1));
		assert_eq!(purse.escrow, rupees(5_000));
		assert_eq!(purse.expires_at, START + DAY + LIFETIME);
		assert_eq!(PurseCount::<Test>::get(&OWNER), 1);
	});
}

#[test]
fn all_purses_of_an_owner_stay_within_the_tier_purse_cap() {
	run(|| {
		fund(&OWNER, &device(1), rupees(6_000));
		// L1 purse cap: 10,000 PKR across purses.
		assert_noop!(
			Vouchers::fund_purse(
				RuntimeOrigin::signed(OWNER),
				device_key(&device(2)),
				rupees(4_001)
			),
			Error::<Test>::PurseCapExceeded
		);
		assert_ok!(Vouchers::fund_purse(
			RuntimeOrigin::signed(OWNER),
			device_key(&device(2)),
			rupees(4_000)
		));
	});
}

#[test]
fn an_owner_has_at_most_max_purses() {
	run(|| {
		fund(&OWNER, &device(1), rupees(100));
		fund(&OWNER, &device(2), rupees(100));
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(OWNER), device_key(&device(3)), rupees(100)),
			Error::<Test>::TooManyPurses
		);
	});
}

#[test]
fn funding_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let key = device_key(&device(1));
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(OWNER), key, 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(STRANGER), key, rupees(10)),
			Error::<Test>::NotPermissioned(OwnerPolicy(PolicyError::NotPermissioned))
		);
		// Institutions have no purse cap.
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(BANK), key, rupees(10)),
			Error::<Test>::PurseCapExceeded
		);
		// PAYEE has no money.
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(PAYEE), key, rupees(10)),
			pallet_rupee::Error::<Test>::Refused(pallet_rupee::TransferError::InsufficientBalance)
		);
		fund(&OWNER, &device(1), rupees(10));
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(OWNER_2), key, rupees(10)),
			Error::<Test>::PurseOwnedByAnother
		);
		assert_ok!(<Kyc as rupee_primitives::AccountPolicy<AccountId>>::set_frozen(&OWNER, true));
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(OWNER), key, rupees(10)),
			Error::<Test>::NotPermissioned(OwnerPolicy(PolicyError::Frozen))
		);
	});
}

#[test]
fn a_closed_purse_cannot_be_funded_again() {
	run(|| {
		fund(&OWNER, &device(1), rupees(100));
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		assert_noop!(
			Vouchers::fund_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1)), rupees(10)),
			Error::<Test>::PurseNotActive
		);
	});
}
