//! Providers register and manage their own customers; governance can act on any account.

use super::*;

const CAROL: AccountId = 11;

fn register_carol() {
	assert_ok!(Kyc::register_account(
		signed(BANK_A),
		CAROL,
		Tier::L1,
		EXPIRY,
		[7; 32],
		Some(BANK_A)
	));
}

#[test]
fn a_provider_registers_a_customer() {
	run(|| {
		register_carol();
		assert_eq!(
			last_event(),
			Event::AccountRegistered {
				who: CAROL,
				provider: BANK_A,
				tier: Tier::L1,
				expires_at: EXPIRY
			}
			.into()
		);
		assert_eq!(
			Accounts::<Test>::get(CAROL),
			Some(AccountRecord {
				provider: BANK_A,
				tier: Tier::L1,
				expires_at: EXPIRY,
				commitment: [7; 32],
				linked_bank: Some(BANK_A),
				status: AccountStatus::Active,
				frozen: false,
			})
		);
		assert_eq!(Providers::<Test>::get(BANK_A).unwrap().customers, 3);
		// A provider reference, so the account can hold a nonce without a deposit.
		assert_eq!(System::providers(&CAROL), 1);
	});
}

#[test]
fn registration_refusals() {
	run(|| {
		assert_noop!(
			Kyc::register_account(signed(STRANGER), CAROL, Tier::L0, EXPIRY, [0; 32], None),
			Error::<Test>::NotAProvider
		);
		assert_noop!(
			Kyc::register_account(root(), CAROL, Tier::L0, EXPIRY, [0; 32], None),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Kyc::register_account(signed(BANK_A), BOB, Tier::L0, EXPIRY, [0; 32], None),
			Error::<Test>::AlreadyRegistered
		);
		// Expiry must be in the future: now is 1 ms.
		assert_noop!(
			Kyc::register_account(signed(BANK_A), CAROL, Tier::L0, 1, [0; 32], None),
			Error::<Test>::Expired
		);
		// The linked bank must be an active institution, and not the account itself.
		for bank in [ALICE, STRANGER, CAROL] {
			assert_noop!(
				Kyc::register_account(signed(BANK_A), CAROL, Tier::L0, EXPIRY, [0; 32], Some(bank)),
				Error::<Test>::InvalidLinkedBank
			);
		}
	});
}

#[test]
fn tier_changes_by_the_provider_and_by_governance() {
	run(|| {
		assert_ok!(Kyc::set_tier(signed(BANK_A), ALICE, Tier::L2));
		assert_eq!(
			last_event(),
			Event::TierChanged {
				who: ALICE,
				from: Tier::L0,
				to: Tier::L2,
				by: Actor::Provider(BANK_A)
			}
			.into()
		);
		assert_noop!(Kyc::set_tier(signed(BANK_A), ALICE, Tier::L2), Error::<Test>::TierUnchanged);
		assert_ok!(Kyc::set_tier(root(), ALICE, Tier::L1));
		assert_eq!(
			last_event(),
			Event::TierChanged { who: ALICE, from: Tier::L2, to: Tier::L1, by: Actor::Governance }
				.into()
		);
		assert_eq!(Accounts::<Test>::get(ALICE).unwrap().tier, Tier::L1);
	});
}

#[test]
fn a_provider_cannot_touch_another_providers_customer() {
	run(|| {
		assert_noop!(Kyc::set_tier(signed(BANK_A), BOB, Tier::L2), Error::<Test>::NotYourCustomer);
		assert_noop!(Kyc::renew(signed(BANK_A), BOB, 2 * EXPIRY), Error::<Test>::NotYourCustomer);
		assert_noop!(Kyc::suspend_account(signed(BANK_A), BOB), Error::<Test>::NotYourCustomer);
		assert_noop!(Kyc::reinstate_account(signed(BANK_A), BOB), Error::<Test>::NotYourCustomer);
		assert_noop!(Kyc::revoke_account(signed(BANK_A), BOB), Error::<Test>::NotYourCustomer);
		assert_noop!(
			Kyc::set_linked_bank(signed(BANK_A), BOB, Some(BANK_A)),
			Error::<Test>::NotYourCustomer
		);
		// And nobody but providers and governance manages accounts.
		assert_noop!(Kyc::suspend_account(signed(ALICE), ALICE), Error::<Test>::NotAProvider);
		assert_noop!(Kyc::set_tier(signed(STRANGER), ALICE, Tier::L2), Error::<Test>::NotAProvider);
	});
}

#[test]
fn unregistered_accounts_are_reported() {
	run(|| {
		assert_noop!(
			Kyc::set_tier(signed(BANK_A), STRANGER, Tier::L2),
			Error::<Test>::NotRegistered
		);
		assert_noop!(Kyc::renew(root(), STRANGER, EXPIRY), Error::<Test>::NotRegistered);
		assert_noop!(Kyc::revoke_account(root(), STRANGER), Error::<Test>::NotRegistered);
		assert_noop!(
			Kyc::transfer_customer(root(), STRANGER, BANK_A),
			Error::<Test>::NotRegistered
		);
	});
}

#[test]
fn renewal_extends_expiry_and_must_be_in_the_future() {
	run(|| {
		assert_ok!(Kyc::renew(signed(BANK_A), ALICE, 2 * EXPIRY));
		assert_eq!(
			last_event(),
			Event::AccountRenewed {
				who: ALICE,
				expires_at: 2 * EXPIRY,
				by: Actor::Provider(BANK_A)
			}
			.into()
		);
		assert_eq!(Accounts::<Test>::get(ALICE).unwrap().expires_at, 2 * EXPIRY);
		Timestamp::set_timestamp(3 * EXPIRY);
		assert_eq!(Kyc::can_send(&ALICE), Err(PolicyError::Expired));
		assert_noop!(Kyc::renew(signed(BANK_A), ALICE, 3 * EXPIRY), Error::<Test>::Expired);
		assert_ok!(Kyc::renew(signed(BANK_A), ALICE, 4 * EXPIRY));
		assert!(Kyc::can_send(&ALICE).is_ok());
	});
}

#[test]
fn suspend_reinstate_and_revoke() {
	run(|| {
		assert_ok!(Kyc::suspend_account(signed(BANK_A), ALICE));
		assert_eq!(
			last_event(),
			Event::AccountSuspended { who: ALICE, by: Actor::Provider(BANK_A) }.into()
		);
		assert_eq!(Kyc::can_send(&ALICE), Err(PolicyError::Suspended));
		assert_noop!(Kyc::suspend_account(signed(BANK_A), ALICE), Error::<Test>::AlreadySuspended);

		assert_ok!(Kyc::reinstate_account(root(), ALICE));
		assert_eq!(
			last_event(),
			Event::AccountReinstated { who: ALICE, by: Actor::Governance }.into()
		);
		assert_noop!(Kyc::reinstate_account(root(), ALICE), Error::<Test>::NotSuspended);
		assert!(Kyc::can_send(&ALICE).is_ok());

		assert_ok!(Kyc::revoke_account(signed(BANK_A), ALICE));
		assert_eq!(
			last_event(),
			Event::AccountRevoked { who: ALICE, by: Actor::Provider(BANK_A) }.into()
		);
		assert_eq!(Kyc::can_send(&ALICE), Err(PolicyError::Revoked));
		assert_eq!(Providers::<Test>::get(BANK_A).unwrap().customers, 1);
		// A revoked account can't change any more, but keeps its nonce reference.
		assert_noop!(Kyc::reinstate_account(root(), ALICE), Error::<Test>::Revoked);
		assert_noop!(Kyc::revoke_account(root(), ALICE), Error::<Test>::Revoked);
		assert_noop!(Kyc::renew(signed(BANK_A), ALICE, 2 * EXPIRY), Error::<Test>::Revoked);
		assert_eq!(System::providers(&ALICE), 1);
	});
}

#[test]
fn linked_bank_can_be_set_and_cleared() {
	run(|| {
		assert_ok!(Kyc::set_linked_bank(signed(BANK_B), BOB, Some(BANK_A)));
		assert_eq!(
			last_event(),
			Event::LinkedBankChanged { who: BOB, bank: Some(BANK_A), by: Actor::Provider(BANK_B) }
				.into()
		);
		assert_eq!(Kyc::can_receive(&BOB).unwrap().linked_bank, Some(BANK_A));
		assert_noop!(
			Kyc::set_linked_bank(signed(BANK_B), BOB, Some(ALICE)),
			Error::<Test>::InvalidLinkedBank
		);
		assert_ok!(Kyc::set_linked_bank(root(), BOB, None));
		assert_eq!(Kyc::can_receive(&BOB).unwrap().linked_bank, None);
	});
}

#[test]
fn governance_sets_consistent_tier_limits_only() {
	run(|| {
		let mut limits = TierLimits::default_for(Tier::L0);
		limits.daily_debit = 100;
		assert_ok!(Kyc::set_tier_limits(root(), Tier::L0, limits));
		assert_eq!(last_event(), Event::TierLimitsChanged { tier: Tier::L0, limits }.into());
		assert_eq!(Kyc::can_send(&ALICE), Ok(limits));

		let mut bad = limits;
		bad.daily_debit = bad.monthly_debit + 1;
		assert_noop!(
			Kyc::set_tier_limits(root(), Tier::L0, bad),
			Error::<Test>::InconsistentLimits
		);
		let mut bad = limits;
		bad.transactions_per_window = 0;
		assert_noop!(
			Kyc::set_tier_limits(root(), Tier::L0, bad),
			Error::<Test>::InconsistentLimits
		);
		assert_noop!(
			Kyc::set_tier_limits(signed(BANK_A), Tier::L0, limits),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn governance_moves_a_customer_to_another_provider() {
	run(|| {
		assert_ok!(Kyc::transfer_customer(root(), ALICE, BANK_B));
		assert_eq!(
			last_event(),
			Event::CustomerTransferred { who: ALICE, from: BANK_A, to: BANK_B }.into()
		);
		assert_eq!(Accounts::<Test>::get(ALICE).unwrap().provider, BANK_B);
		assert_noop!(Kyc::suspend_account(signed(BANK_A), ALICE), Error::<Test>::NotYourCustomer);
		assert_ok!(Kyc::suspend_account(signed(BANK_B), ALICE));
		assert_noop!(Kyc::transfer_customer(root(), ALICE, STRANGER), Error::<Test>::NotAProvider);
		assert_noop!(
			Kyc::transfer_customer(signed(BANK_B), ALICE, BANK_A),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn only_governance_makes_or_unmakes_institution_accounts() {
	run(|| {
		assert_noop!(
			Kyc::register_account(signed(BANK_A), CAROL, Tier::Institution, EXPIRY, [0; 32], None),
			Error::<Test>::InstitutionNeedsGovernance
		);
		register_carol();
		assert_noop!(
			Kyc::set_tier(signed(BANK_A), CAROL, Tier::Institution),
			Error::<Test>::InstitutionNeedsGovernance
		);
		// Nor may a provider downgrade its own reserve account out of the tier.
		assert_noop!(
			Kyc::set_tier(signed(BANK_A), BANK_A, Tier::L2),
			Error::<Test>::InstitutionNeedsGovernance
		);
		assert_ok!(Kyc::set_tier(root(), CAROL, Tier::Institution));
		assert_eq!(Accounts::<Test>::get(CAROL).unwrap().tier, Tier::Institution);
		// The bank that keeps an Institution's record cannot suspend, revoke or renew it.
		for change in [
			Kyc::suspend_account(signed(BANK_A), CAROL),
			Kyc::revoke_account(signed(BANK_A), CAROL),
			Kyc::renew(signed(BANK_A), CAROL, EXPIRY + 1),
			Kyc::set_linked_bank(signed(BANK_A), CAROL, None),
		] {
			assert_eq!(change, Err(Error::<Test>::InstitutionNeedsGovernance.into()));
		}
		assert_ok!(Kyc::suspend_account(root(), CAROL));
	});
}

#[test]
fn governance_registers_an_institution_kept_by_a_provider() {
	const RESERVE: AccountId = 12;
	run(|| {
		assert_noop!(
			Kyc::register_institution(signed(BANK_A), RESERVE, BANK_A, EXPIRY, [1; 32]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Kyc::register_institution(root(), RESERVE, STRANGER, EXPIRY, [1; 32]),
			Error::<Test>::NotAProvider
		);
		assert_ok!(Kyc::register_institution(root(), RESERVE, BANK_B, EXPIRY, [1; 32]));
		assert_eq!(
			last_event(),
			Event::AccountRegistered {
				who: RESERVE,
				provider: BANK_B,
				tier: Tier::Institution,
				expires_at: EXPIRY
			}
			.into()
		);
		assert!(<Kyc as AccountPolicy<_>>::is_institution(&RESERVE));
		assert_eq!(Providers::<Test>::get(BANK_B).unwrap().customers, 3);
		assert_noop!(
			Kyc::register_institution(root(), RESERVE, BANK_B, EXPIRY, [1; 32]),
			Error::<Test>::AlreadyRegistered
		);
	});
}
