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
			try_fund(&OWNER, device_key(&device(2)), rupees(4_001)),
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
			try_fund(&OWNER, device_key(&device(3)), rupees(100)),
			Error::<Test>::TooManyPurses
		);
	});
}

#[test]
fn funding_refuses_bad_input_and_changes_nothing() {
	run(|| {
		let key = device_key(&device(1));
		assert_noop!(try_fund(&OWNER, key, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			try_fund(&STRANGER, key, rupees(10)),
			Error::<Test>::NotPermissioned(OwnerPolicy(PolicyError::NotPermissioned))
		);
		// Institutions have no purse cap.
		assert_noop!(try_fund(&BANK, key, rupees(10)), Error::<Test>::PurseCapExceeded);
		// PAYEE has no money.
		assert_noop!(
			try_fund(&PAYEE, key, rupees(10)),
			pallet_rupee::Error::<Test>::Refused(pallet_rupee::TransferError::InsufficientBalance)
		);
		fund(&OWNER, &device(1), rupees(10));
		assert_noop!(try_fund(&OWNER_2, key, rupees(10)), Error::<Test>::PurseOwnedByAnother);
		assert_ok!(<Kyc as rupee_primitives::AccountPolicy<AccountId>>::set_frozen(&OWNER, true));
		assert_noop!(
			try_fund(&OWNER, key, rupees(10)),
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
			try_fund(&OWNER, device_key(&device(1)), rupees(10)),
			Error::<Test>::PurseNotActive
		);
	});
}

/// A funding pays for the validators' `attest` transactions its purse's new statement costs
/// (they are unsigned: nobody else pays for them); a top-up that joins a statement already
/// asked for, and a refused funding, pay only for the funding.
#[test]
fn a_funding_pays_for_the_attestations_it_asks_for() {
	use frame_support::{
		dispatch::{GetDispatchInfo, Pays},
		traits::{Get, UnfilteredDispatchable},
	};
	run(|| {
		let key = device_key(&device(1));
		let funding = <() as crate::WeightInfo>::fund_purse();
		let attest = <() as crate::WeightInfo>::attest(<Test as Config>::MaxAttesters::get());
		let call = |amount: Balance| crate::Call::<Test>::fund_purse { device_key: key, amount };
		let fund_for_weight = |amount: Balance| {
			call(amount)
				.dispatch_bypass_filter(RuntimeOrigin::signed(OWNER))
				.map(|info| info.actual_weight)
				.map_err(|error| (error.error, error.post_info.actual_weight))
		};
		// Declared: every attester of the largest set signing.
		let max: u32 = <Test as Config>::MaxAttesters::get();
		assert_eq!(
			call(1).get_dispatch_info().call_weight,
			funding + attest.saturating_mul(max.into())
		);
		assert_eq!(call(1).get_dispatch_info().pays_fee, Pays::Yes);
		// The mock's set is four of weight 1: three signatures complete a proof.
		assert_eq!(fund_for_weight(rupees(1_000)), Ok(Some(funding + attest.saturating_mul(3))));
		// Topped up while signing: stated again once the proof completes, paid by this one...
		assert_eq!(fund_for_weight(rupees(500)), Ok(Some(funding + attest.saturating_mul(3))));
		assert!(Restate::<Test>::contains_key(key));
		// ...and any more top-ups join that statement.
		assert_eq!(fund_for_weight(rupees(500)), Ok(Some(funding)));
		// Refused: the funding's weight only.
		assert_eq!(fund_for_weight(0), Err((Error::<Test>::ZeroAmount.into(), Some(funding))));
		assert_eq!(purse(&device(1)).escrow, rupees(2_000));
		// An empty set never completes a proof: nothing to pay for.
		assert_eq!(AttesterSet { set_id: 0, authorities: vec![] }.signatures_needed(), 0);
		// The lightest authorities first: weights 1, 1, 1, 5 (total 8) need 1 + 1 + 1 + 5.
		let weighted = AttesterSet {
			set_id: 0,
			authorities: vec![([1; 32], 5), ([2; 32], 1), ([3; 32], 1), ([4; 32], 1)],
		};
		assert_eq!(weighted.signatures_needed(), 4);
	});
}
