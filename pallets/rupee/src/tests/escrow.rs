//! The escrow the vouchers pallet uses: reserve, release, pay out, seize.

use super::*;

#[test]
fn reserve_and_release_keep_money_in_the_supply() {
	run(|| {
		assert_ok!(<Rupee as Escrow<_>>::reserve(&ALICE, 4_000));
		assert_eq!(last_event(), Event::Reserved { owner: ALICE, amount: 4_000 });
		assert_eq!((balance(ALICE), Rupee::escrowed(&ALICE)), (OPENING - 4_000, 4_000));
		assert_eq!(TotalEscrowed::<Test>::get(), 4_000);
		Rupee::do_try_state().unwrap();

		assert_ok!(<Rupee as Escrow<_>>::release(&ALICE, 1_000));
		assert_eq!(last_event(), Event::Released { owner: ALICE, amount: 1_000 });
		assert_eq!((balance(ALICE), Rupee::escrowed(&ALICE)), (OPENING - 3_000, 3_000));
		assert_noop!(
			<Rupee as Escrow<_>>::release(&ALICE, 3_001),
			Error::<Test>::InsufficientEscrow
		);
		assert_ok!(<Rupee as Escrow<_>>::release(&ALICE, 3_000));
		assert!(!Escrowed::<Test>::contains_key(ALICE));
	});
}

#[test]
fn reserve_refusals() {
	run(|| {
		assert_noop!(
			<Rupee as Escrow<_>>::reserve(&ALICE, OPENING + 1),
			refused(TransferError::InsufficientBalance)
		);
		assert_noop!(<Rupee as Escrow<_>>::reserve(&ALICE, 0), refused(TransferError::ZeroAmount));
		assert_noop!(
			<Rupee as Escrow<_>>::reserve(&STRANGER, 1),
			refused(TransferError::SenderNotPermissioned)
		);
		assert_ok!(Rupee::freeze(root(), ALICE));
		assert_noop!(
			<Rupee as Escrow<_>>::reserve(&ALICE, 1),
			refused(TransferError::SenderFrozen)
		);
	});
}

#[test]
fn a_frozen_or_revoked_owner_still_gets_its_escrow_back() {
	run(|| {
		assert_ok!(<Rupee as Escrow<_>>::reserve(&ALICE, 4_000));
		assert_ok!(Rupee::freeze(root(), ALICE));
		assert_ok!(Kyc::revoke_account(signed(BANK_A), ALICE));
		assert_ok!(<Rupee as Escrow<_>>::release(&ALICE, 4_000));
		assert_eq!(balance(ALICE), OPENING);
	});
}

#[test]
fn escrow_pays_a_permissioned_payee_under_its_limits() {
	run(|| {
		assert_ok!(<Rupee as Escrow<_>>::reserve(&ALICE, 4_000));
		assert_ok!(<Rupee as Escrow<_>>::pay_from_escrow(&ALICE, &BOB, 1_500));
		assert_eq!(last_event(), Event::PaidFromEscrow { owner: ALICE, payee: BOB, amount: 1_500 });
		assert_eq!((balance(BOB), Rupee::escrowed(&ALICE)), (OPENING + 1_500, 2_500));
		assert_eq!(Ledger::<Test>::get(BOB).daily_credit, 1_500);
		assert_noop!(
			<Rupee as Escrow<_>>::pay_from_escrow(&ALICE, &STRANGER, 1),
			refused(TransferError::ReceiverNotPermissioned)
		);
		assert_noop!(
			<Rupee as Escrow<_>>::pay_from_escrow(&ALICE, &BOB, 2_501),
			Error::<Test>::InsufficientEscrow
		);
	});
}

#[test]
fn seize_pays_what_the_balance_allows() {
	run(|| {
		assert_ok!(Rupee::freeze(root(), ALICE));
		assert_eq!(<Rupee as Escrow<_>>::seize(&ALICE, &BOB, OPENING + 99), Ok(OPENING));
		assert_eq!(last_event(), Event::Seized { owner: ALICE, payee: BOB, amount: OPENING });
		assert_eq!((balance(ALICE), balance(BOB)), (0, 2 * OPENING));
		assert_eq!(<Rupee as Escrow<_>>::seize(&ALICE, &BOB, 5), Ok(0));
	});
}
