//! Two-tier issuance: the issuer mints into bank reserves within the ceiling and burns what
//! banks return; governance sets the ceiling and the issuer.

use super::*;

#[test]
fn the_issuer_mints_into_a_bank_reserve() {
	run(|| {
		let before = TotalIssuance::<Test>::get();
		assert_ok!(Rupee::mint(signed(ISSUER), BANK_B, 5_000));
		assert_eq!(balance(BANK_B), BANK_RESERVE + 5_000);
		assert_eq!(TotalIssuance::<Test>::get(), before + 5_000);
		assert_eq!(
			last_event(),
			Event::Minted { to: BANK_B, amount: 5_000, total_issuance: before + 5_000 }
		);
	});
}

#[test]
fn mint_refusals() {
	run(|| {
		assert_noop!(Rupee::mint(signed(BANK_A), BANK_B, 1), Error::<Test>::NotIssuer);
		assert_noop!(Rupee::mint(signed(ALICE), ALICE, 1), Error::<Test>::NotIssuer);
		assert_noop!(Rupee::mint(signed(ISSUER), ALICE, 1), Error::<Test>::NotABank);
		assert_noop!(Rupee::mint(signed(ISSUER), STRANGER, 1), Error::<Test>::NotABank);
		assert_noop!(Rupee::mint(signed(ISSUER), ISSUER, 1), Error::<Test>::NotABank);
		assert_noop!(Rupee::mint(signed(ISSUER), BANK_A, 0), refused(TransferError::ZeroAmount));
		assert_noop!(
			Rupee::mint(signed(ISSUER), BANK_A, Balance::MAX),
			refused(TransferError::Overflow)
		);
		let room = CEILING - TotalIssuance::<Test>::get();
		assert_noop!(Rupee::mint(signed(ISSUER), BANK_A, room + 1), Error::<Test>::CeilingExceeded);
		// Exactly up to the ceiling is allowed.
		assert_ok!(Rupee::mint(signed(ISSUER), BANK_A, room));
		assert_eq!(TotalIssuance::<Test>::get(), CEILING);
	});
}

#[test]
fn a_suspended_bank_receives_no_new_money() {
	run(|| {
		assert_ok!(Kyc::suspend_account(root(), BANK_B));
		assert_noop!(Rupee::mint(signed(ISSUER), BANK_B, 1), Error::<Test>::NotABank);
	});
}

#[test]
fn banks_return_money_and_the_issuer_burns_it() {
	run(|| {
		let before = TotalIssuance::<Test>::get();
		assert_ok!(Rupee::transfer(signed(BANK_A), ISSUER, 7_000));
		assert_ok!(Rupee::burn(signed(ISSUER), 7_000));
		assert_eq!(last_event(), Event::Burned { amount: 7_000, total_issuance: before - 7_000 });
		assert_eq!(balance(ISSUER), 0);
		assert_eq!(TotalIssuance::<Test>::get(), before - 7_000);
		assert_noop!(Rupee::burn(signed(ISSUER), 1), refused(TransferError::InsufficientBalance));
		assert_noop!(Rupee::burn(signed(BANK_A), 1), Error::<Test>::NotIssuer);
		assert_noop!(Rupee::burn(signed(ISSUER), 0), refused(TransferError::ZeroAmount));
	});
}

#[test]
fn governance_sets_the_ceiling_but_never_below_issuance() {
	run(|| {
		assert_ok!(Rupee::set_supply_ceiling(root(), 2 * CEILING));
		assert_eq!(last_event(), Event::SupplyCeilingSet { ceiling: 2 * CEILING });
		assert_eq!(SupplyCeiling::<Test>::get(), 2 * CEILING);
		let issued = TotalIssuance::<Test>::get();
		assert_noop!(
			Rupee::set_supply_ceiling(root(), issued - 1),
			Error::<Test>::CeilingBelowIssuance
		);
		assert_ok!(Rupee::set_supply_ceiling(root(), issued));
		assert_noop!(Rupee::set_supply_ceiling(signed(ISSUER), CEILING), DispatchError::BadOrigin);
	});
}

#[test]
fn governance_sets_an_institution_as_issuer() {
	run(|| {
		assert_ok!(Rupee::set_issuer(root(), BANK_B));
		assert_eq!(last_event(), Event::IssuerSet { issuer: BANK_B });
		assert_eq!(Issuer::<Test>::get(), Some(BANK_B));
		assert_noop!(Rupee::mint(signed(ISSUER), BANK_A, 1), Error::<Test>::NotIssuer);
		assert_ok!(Rupee::mint(signed(BANK_B), BANK_A, 1));
		assert_noop!(Rupee::set_issuer(root(), ALICE), Error::<Test>::IssuerNotInstitution);
		assert_noop!(Rupee::set_issuer(signed(BANK_B), BANK_A), DispatchError::BadOrigin);
	});
}
