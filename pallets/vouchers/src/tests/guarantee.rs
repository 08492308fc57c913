//! Version 2: purse proofs signed by the validators, and bounded liability: the guarantee
//! reserve, the seize cap, no seizure after a revocation, no freeze for a covered reuse,
//! closing that keeps the promise, funding within the debit limits.

#![allow(deprecated)] // `ValidateUnsigned`, which the pallet still implements (see lib.rs).

use frame_support::{assert_noop, assert_ok, pallet_prelude::*};
use rupee_primitives::{purse_proof::ProofError, rupees, AccountPolicy, Tier};
use sp_runtime::{traits::ValidateUnsigned, DispatchError};

use super::*;

fn frozen(who: &AccountId) -> bool {
	<Kyc as AccountPolicy<AccountId>>::is_frozen(who)
}

/// `n` more L0 payees, registered by the bank and linked to it.
fn payees(n: u8) -> Vec<AccountId> {
	(0..n)
		.map(|i| {
			let who = AccountId32::new([50 + i; 32]);
			assert_ok!(Kyc::register_account(
				RuntimeOrigin::signed(BANK),
				who.clone(),
				Tier::L0,
				EXPIRY,
				[0; 32],
				Some(BANK)
			));
			who
		})
		.collect()
}

/// A voucher like [`voucher`] but dated `issued_at`.
fn dated(
	device: &sr25519::Pair,
	counter: u64,
	payee: &AccountId,
	amount: Balance,
	issued_at: u64,
) -> Voucher {
	let mut body = voucher(device, counter, payee, amount).body;
	body.issued_at = issued_at;
	Voucher::sign(body, device)
}

#[test]
fn a_purse_is_proved_by_more_than_two_thirds_of_the_validators() {
	run(|| {
		fund(&OWNER, &device(1), rupees(2_000));
		let key = device_key(&device(1));
		assert!(Unattested::<Test>::contains_key(key));
		let statement = Attestations::<Test>::get(key).unwrap().statement;
		assert_eq!(
			(statement.owner, statement.escrow, statement.voucher_cap, statement.block),
			(OWNER.into(), rupees(2_000), rupees(2_000), 1)
		);
		assert_eq!((statement.funded_at, statement.expires_at), (START, START + LIFETIME));

		// Refused: another set, a forged signature, an unknown authority, the same one twice.
		let mut wrong_set = attestation(&device(1), 0);
		wrong_set.signature = validator(0).sign(&statement.signing_payload(2)).0;
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::none(), key, 2, wrong_set),
			Error::<Test>::WrongAttesterSet
		);
		let mut forged = attestation(&device(1), 0);
		forged.signature =
			sp_core::ed25519::Pair::from_seed(&[9; 32]).sign(&statement.signing_payload(1)).0;
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::none(), key, 1, forged.clone()),
			Error::<Test>::BadAttestation
		);
		let mut outsider = attestation(&device(1), 0);
		outsider.authority = 4;
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::none(), key, 1, outsider),
			Error::<Test>::BadAttestation
		);
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::signed(OWNER), key, 1, attestation(&device(1), 0)),
			DispatchError::BadOrigin
		);
		// The pool refuses the same, before any block.
		let call = Call::<Test>::attest { device_key: key, set_id: 1, signature: forged };
		assert_eq!(
			<Vouchers as ValidateUnsigned>::validate_unsigned(TransactionSource::External, &call),
			Err(InvalidTransaction::BadProof.into())
		);
		let good = Call::<Test>::attest {
			device_key: key,
			set_id: 1,
			signature: attestation(&device(1), 2),
		};
		assert!(<Vouchers as ValidateUnsigned>::validate_unsigned(
			TransactionSource::External,
			&good
		)
		.is_ok());

		// Two of four are not enough; the same validator twice is refused; the third proves.
		for n in [2, 0] {
			assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), n)));
		}
		assert_eq!(Vouchers::purse_proof(key), None);
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), 0)),
			Error::<Test>::AlreadyAttested
		);
		assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), 3)));
		assert_eq!(last_event(), Event::PurseAttested { device_key: key, set_id: 1, block: 1 });
		assert!(!Unattested::<Test>::contains_key(key));
		let proof = Vouchers::purse_proof(key).expect("the proof is complete");
		assert_eq!(proof.statement, statement);
		let authorities: Vec<u32> = proof.signatures.iter().map(|s| s.authority).collect();
		assert_eq!(authorities, vec![0, 2, 3]);
		assert_eq!(proof.verify(&[MockAttesters::current()]), Ok(()));
		assert_eq!(proof.verify(&[]), Err(ProofError::UnknownSet(1)));
		assert_eq!(Liabilities::<Test>::get(key).proved_escrow, rupees(2_000));
		// Complete: a fourth signature is stale.
		let fourth = AttesterSignature {
			authority: 1,
			signature: validator(1).sign(&statement.signing_payload(1)).0,
		};
		assert_noop!(
			Vouchers::attest(RuntimeOrigin::none(), key, 1, fourth),
			Error::<Test>::NotAwaitingAttestation
		);
	});
}

#[test]
fn attesters_are_asked_for_what_they_have_not_signed_and_a_set_change_starts_again() {
	run(|| {
		fund(&OWNER, &device(1), rupees(2_000));
		fund(&OWNER_2, &device(2), rupees(1_000));
		let me = validator(1).public().0;
		assert_eq!(Vouchers::attestation_requests(me, 10).len(), 2);
		assert_eq!(Vouchers::attestation_requests(me, 1).len(), 1);
		assert_eq!(Vouchers::attestation_requests([1; 32], 10), vec![]);
		let key = device_key(&device(1));
		assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), 1)));
		let left = Vouchers::attestation_requests(me, 10);
		assert_eq!(left.len(), 1);
		assert_eq!(left[0].device_key, device_key(&device(2)));
		assert_eq!(left[0].authority, 1);
		let statement = Attestations::<Test>::get(device_key(&device(2))).unwrap().statement;
		assert_eq!(left[0].payload, statement.signing_payload(1));

		// The set changes: signatures of set 1 no longer count, set 2 starts over.
		SetId::set(2);
		assert_eq!(Vouchers::attestation_requests(me, 10).len(), 2);
		assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 2, attestation(&device(1), 1)));
		assert_eq!(Attestations::<Test>::get(key).unwrap().signatures.len(), 1);
		for n in [0, 2] {
			assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 2, attestation(&device(1), n)));
		}
		assert_eq!(Vouchers::purse_proof(key).unwrap().set_id, 2);

		// A top-up writes a new statement to sign; the larger proved escrow is kept.
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_500))]));
		fund(&OWNER, &device(1), rupees(100));
		assert_eq!(Attestations::<Test>::get(key).unwrap().statement.escrow, rupees(600));
		// The complete proof is given out until the new one is.
		assert_eq!(Vouchers::purse_proof(key).unwrap().statement.escrow, rupees(2_000));
		attest(&device(1));
		assert_eq!(Vouchers::purse_proof(key).unwrap().statement.escrow, rupees(600));
		assert_eq!(Liabilities::<Test>::get(key).proved_escrow, rupees(2_000));
		// Closing does not stop the signing (a payee may already hold the proof it makes);
		// settling does.
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER_2), device_key(&device(2))));
		assert_eq!(Vouchers::attestation_requests(me, 10).len(), 1);
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(2))));
		assert_eq!(Vouchers::attestation_requests(me, 10), vec![]);
	});
}

#[test]
fn after_a_close_backdated_counter_reuse_costs_the_owner_at_most_its_cap_and_the_reserve_pays_the_rest(
) {
	run(|| {
		fund_reserve(rupees(100_000));
		let reserve = pallet_rupee::GuaranteeReserve::<Test>::get();
		fund(&OWNER, &device(1), rupees(2_000));
		attest(&device(1));
		advance_time(DAY);
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		// Closing keeps the expiry the proof promised.
		assert_eq!(purse(&device(1)).expires_at, START + LIFETIME);
		let owner_before = balance(&OWNER);

		// A thief with the device signs counter 1 to eight payees, each within the cap, all
		// dated before the close; then three more dated after it.
		let victims = payees(11);
		let mut vouchers: Vec<Voucher> =
			victims[..8].iter().map(|p| dated(&device(1), 1, p, rupees(2_000), START)).collect();
		vouchers.extend(
			victims[8..]
				.iter()
				.map(|p| dated(&device(1), 1, p, rupees(2_000), START + DAY + DAY / 2)),
		);
		for chunk in vouchers.chunks(4) {
			assert_ok!(redeem(&BANK, chunk.to_vec()));
		}

		// The eight dated before the close were paid in full: the first from escrow, the next
		// five from the owner (its cap is its tier's purse cap, 10,000), two from the reserve,
		// which the owner owes. The three dated after the close take nothing from the owner
		// who reported it, nor from the reserve standing in for it: the escrow is gone, so
		// they are claims (their payees' lists were older than the close).
		for victim in &victims[..8] {
			assert_eq!(balance(victim), rupees(2_000), "{victim:?}");
		}
		for victim in &victims[8..] {
			assert_eq!(balance(victim), 0, "{victim:?}");
		}
		assert_eq!(TotalClaims::<Test>::get(), rupees(6_000));
		let key = device_key(&device(1));
		assert_eq!(owner_before - balance(&OWNER), rupees(10_000));
		assert_eq!(Liabilities::<Test>::get(key).seized, rupees(10_000));
		assert_eq!(Liabilities::<Test>::get(key).reserve_paid, rupees(4_000));
		assert_eq!(reserve - pallet_rupee::GuaranteeReserve::<Test>::get(), rupees(4_000));
		assert_eq!(Debts::<Test>::get(&OWNER), Some(rupees(4_000)));
		// The compromise keeps the close's time on the revocation list.
		assert_eq!(Revocations::<Test>::get(key).map(|r| r.since), Some(START + DAY));
		let compensated: Vec<(Balance, Balance)> = events()
			.into_iter()
			.filter_map(|event| match event {
				Event::VictimCompensated { from_balance, from_reserve, .. } => {
					Some((from_balance, from_reserve))
				},
				_ => None,
			})
			.collect();
		assert_eq!(compensated.len(), 10);
		assert_eq!(compensated[5..7], [(0, rupees(2_000)), (0, rupees(2_000))]);
		assert_eq!(compensated[7..], [(0, 0), (0, 0), (0, 0)]);
		// A shortfall of the escrow freezes the owner.
		assert!(frozen(&OWNER));

		// The Board takes the debt back as far as the owner's balance goes.
		let reason = [7; 32];
		assert_noop!(
			Vouchers::settle_debt(RuntimeOrigin::signed(BANK), OWNER, reason),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Vouchers::settle_debt(RuntimeOrigin::root(), OWNER_2, reason),
			Error::<Test>::NoDebt
		);
		assert_ok!(Vouchers::settle_debt(RuntimeOrigin::root(), OWNER, reason));
		assert_eq!(
			last_event(),
			Event::DebtSettled { owner: OWNER, paid: rupees(4_000), remaining: 0, reason }
		);
		// The reserve is whole again.
		assert_eq!(pallet_rupee::GuaranteeReserve::<Test>::get(), reserve);
		assert_eq!(TotalDebts::<Test>::get(), 0);
	});
}

#[test]
fn the_reserve_pays_only_a_payee_a_proof_covered() {
	run(|| {
		fund_reserve(rupees(100_000));
		// Never proved: a victim past the escrow and the owner's cap gets a claim.
		fund(&OWNER, &device(1), rupees(1_000));
		assert_ok!(Rupee::clawback(RuntimeOrigin::root(), OWNER, balance(&OWNER), [0; 32]));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 1, &MERCHANT, rupees(1_000))]));
		assert_eq!(balance(&MERCHANT), 0);
		assert_eq!(Claims::<Test>::get(0).unwrap().amount, rupees(1_000));

		// Proved at 1,000: the reserve covers what a payee took from the purse up to that.
		advance_time(1_000);
		fund(&OWNER_2, &device(2), rupees(1_000));
		attest(&device(2));
		assert_ok!(Rupee::clawback(RuntimeOrigin::root(), OWNER_2, balance(&OWNER_2), [0; 32]));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(2), 1, &PAYEE, rupees(1_000))]));
		let greedy = vec![
			voucher(&device(2), 1, &MERCHANT, rupees(600)),
			voucher(&device(2), 2, &MERCHANT, rupees(600)),
		];
		assert_ok!(redeem(&MERCHANT, greedy));
		// The first 600 is covered, of the second only 400 (1,000 in all), 200 is a claim.
		assert_eq!(balance(&MERCHANT), rupees(1_000));
		assert_eq!(Claims::<Test>::get(1).unwrap().amount, rupees(200));
		assert_eq!(Debts::<Test>::get(&OWNER_2), Some(rupees(1_000)));
	});
}

#[test]
fn a_restored_backup_the_escrow_covers_flags_the_owner_without_freezing_it() {
	run(|| {
		fund(&OWNER, &device(1), rupees(5_000));
		attest(&device(1));
		let first = voucher(&device(1), 1, &PAYEE, rupees(1_000));
		let reused = voucher(&device(1), 1, &MERCHANT, rupees(1_500));
		assert_ok!(redeem(&PAYEE, vec![first]));
		assert_ok!(redeem(&MERCHANT, vec![reused]));
		assert_eq!((balance(&PAYEE), balance(&MERCHANT)), (rupees(1_000), rupees(1_500)));
		assert_eq!(purse(&device(1)).status, PurseStatus::Compromised);
		assert!(!frozen(&OWNER));
		assert!(events().contains(&Event::OwnerFlagged {
			owner: OWNER,
			device_key: device_key(&device(1)),
			bank: Some(BANK),
		}));
		// The owner pays online as before and starts a new purse.
		assert_ok!(Rupee::transfer(RuntimeOrigin::signed(OWNER), PAYEE, rupees(10)));
		fund(&OWNER, &device(2), rupees(1_000));
	});
}

#[test]
fn funding_purses_counts_against_the_daily_debit_limit() {
	run(|| {
		// L1: 50,000 a day, purse cap 10,000. Fund, spend offline, fund again...
		for round in 0..5u64 {
			fund(&OWNER, &device(1), rupees(10_000));
			let vouchers =
				(0..5).map(|i| voucher(&device(1), round * 5 + i, &MERCHANT, rupees(2_000)));
			assert_ok!(redeem(&MERCHANT, vouchers.collect()));
		}
		assert_eq!(purse(&device(1)).escrow, 0);
		assert_noop!(
			try_fund(&OWNER, device_key(&device(1)), rupees(1)),
			pallet_rupee::Error::<Test>::Refused(
				pallet_rupee::TransferError::DailyDebitLimitExceeded
			)
		);
		// Tomorrow the owner may fund again.
		advance_time(DAY);
		fund(&OWNER, &device(1), rupees(10_000));
	});
}

#[test]
fn closing_never_shortens_what_a_proof_promised() {
	run(|| {
		fund(&OWNER, &device(1), rupees(2_000));
		attest(&device(1));
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		// Not settleable before the promised expiry plus the grace window...
		advance_time(LIFETIME);
		assert_noop!(
			Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(1))),
			Error::<Test>::NotYetSettleable
		);
		// ...and a voucher the payee took offline just after the close (its list was older)
		// is still paid a month later, from the escrow.
		let late = dated(&device(1), 1, &PAYEE, rupees(1_000), START + 1);
		assert_ok!(redeem(&PAYEE, vec![late]));
		assert_eq!(balance(&PAYEE), rupees(1_000));
		advance_time(GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(1))));
		assert!(!Attestations::<Test>::contains_key(device_key(&device(1))));
	});
}

#[test]
fn an_owner_frozen_for_one_purse_still_answers_for_vouchers_dated_before() {
	run(|| {
		// A tiny purse overspent on purpose freezes the owner...
		fund(&OWNER, &device(1), rupees(100));
		fund(&OWNER, &device(2), rupees(1_000));
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 1, &PAYEE, rupees(100))]));
		advance_time(DAY);
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(1), 2, &MERCHANT, rupees(100))]));
		assert!(frozen(&OWNER));
		assert_eq!(FrozenAt::<Test>::get(&OWNER), Some(START + DAY));
		// ...but a double spend of its other purse dated before the freeze still takes its
		// balance; one dated after does not.
		let before = balance(&OWNER);
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(2), 1, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&MERCHANT, vec![voucher(&device(2), 1, &MERCHANT, rupees(500))]));
		assert_eq!(before - balance(&OWNER), rupees(500));
		let late = dated(&device(2), 2, &MERCHANT, rupees(500), START + DAY + 1);
		assert_ok!(redeem(&MERCHANT, vec![late]));
		assert_eq!(before - balance(&OWNER), rupees(500));
	});
}

#[test]
fn only_an_institution_funds_the_reserve() {
	run(|| {
		assert_noop!(
			Vouchers::fund_guarantee(RuntimeOrigin::root(), OWNER, rupees(1)),
			Error::<Test>::NotAnInstitution
		);
		assert_noop!(
			Vouchers::fund_guarantee(RuntimeOrigin::signed(BANK), BANK, rupees(1)),
			DispatchError::BadOrigin
		);
		fund_reserve(rupees(1_000));
		assert_eq!(pallet_rupee::GuaranteeReserve::<Test>::get(), rupees(1_000));
	});
}

#[test]
fn a_top_up_while_signing_is_stated_after_the_proof_completes() {
	run(|| {
		let key = device_key(&device(1));
		fund(&OWNER, &device(1), rupees(1_000));
		assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), 0)));
		// Top-ups do not restart the signing (they could keep a proof from ever completing).
		fund(&OWNER, &device(1), rupees(500));
		fund(&OWNER, &device(1), rupees(500));
		let pending = Attestations::<Test>::get(key).unwrap();
		assert_eq!((pending.statement.escrow, pending.signatures.len()), (rupees(1_000), 1));
		for n in [1, 2] {
			assert_ok!(Vouchers::attest(RuntimeOrigin::none(), key, 1, attestation(&device(1), n)));
		}
		// The proof of 1,000 is complete; the purse as topped up waits for the next one.
		assert_eq!(Liabilities::<Test>::get(key).proved_escrow, rupees(1_000));
		assert_eq!(Attestations::<Test>::get(key).unwrap().statement.escrow, rupees(2_000));
		assert!(Unattested::<Test>::contains_key(key));
		attest(&device(1));
		assert_eq!(Liabilities::<Test>::get(key).proved_escrow, rupees(2_000));
		assert!(!Restate::<Test>::contains_key(key));
	});
}

#[test]
fn the_version_3_migration_gives_existing_purses_their_seize_cap() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	run(|| {
		fund(&OWNER, &device(1), rupees(100));
		fund(&OWNER_2, &device(2), rupees(100));
		advance_time(LIFETIME + GRACE + 1);
		assert_ok!(Vouchers::settle(RuntimeOrigin::signed(PAYEE), device_key(&device(2))));
		// A chain from before version 3: purses, no liabilities.
		let _ = Liabilities::<Test>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Vouchers>();
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Vouchers::on_chain_storage_version(), 3);
		// L1's purse cap for the live purse; nothing for the settled one.
		assert_eq!(Liabilities::<Test>::get(device_key(&device(1))).seize_cap, rupees(10_000));
		assert!(!Liabilities::<Test>::contains_key(device_key(&device(2))));
		// Run again (version 3 already): nothing changes.
		Liabilities::<Test>::mutate(device_key(&device(1)), |l| l.seize_cap = 1);
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(Liabilities::<Test>::get(device_key(&device(1))).seize_cap, 1);
		Liabilities::<Test>::mutate(device_key(&device(1)), |l| l.seize_cap = rupees(10_000));
	});
}

#[test]
fn a_thief_after_the_close_neither_freezes_the_owner_nor_makes_it_owe() {
	run(|| {
		fund_reserve(rupees(10_000));
		fund(&OWNER, &device(1), rupees(1_000));
		attest(&device(1));
		advance_time(DAY);
		assert_ok!(Vouchers::close_purse(RuntimeOrigin::signed(OWNER), device_key(&device(1))));
		let after = START + DAY + 60_000;
		assert_ok!(redeem(&PAYEE, vec![dated(&device(1), 1, &PAYEE, rupees(1_000), after)]));
		assert_ok!(redeem(&MERCHANT, vec![dated(&device(1), 1, &MERCHANT, rupees(1_000), after)]));
		assert!(!frozen(&OWNER));
		assert_eq!(Debts::<Test>::get(&OWNER), None);
		assert_eq!((balance(&PAYEE), balance(&MERCHANT)), (rupees(1_000), 0));
		assert_eq!(Claims::<Test>::get(0).map(|claim| claim.amount), Some(rupees(1_000)));
	});
}

#[test]
fn a_gift_voucher_redeemed_first_costs_the_payee_only_the_gift() {
	run(|| {
		fund_reserve(rupees(10_000));
		fund(&OWNER, &device(1), rupees(1_000));
		attest(&device(1));
		assert_ok!(Rupee::clawback(RuntimeOrigin::root(), OWNER, balance(&OWNER), [0; 32]));
		advance_time(1_000);
		// The payer pays an accomplice the whole escrow, the merchant 500 + 500 (its wallet
		// saw 1,000, within the proof), and gives the merchant 1 PKR it redeems first.
		assert_ok!(redeem(&PAYEE, vec![voucher(&device(1), 0, &PAYEE, rupees(1_000))]));
		assert_ok!(redeem(&BANK, vec![voucher(&device(1), 9, &MERCHANT, rupees(1))]));
		assert_ok!(redeem(
			&MERCHANT,
			vec![
				voucher(&device(1), 1, &MERCHANT, rupees(500)),
				voucher(&device(1), 2, &MERCHANT, rupees(500))
			]
		));
		// Covered up to the proof's 1,000 in all, the gift included: short by the gift.
		assert_eq!(balance(&MERCHANT), rupees(1_000));
		assert_eq!(TotalClaims::<Test>::get(), rupees(1));
	});
}
