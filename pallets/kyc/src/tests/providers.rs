//! Governance accredits, suspends, reinstates and removes KYC providers.

use super::*;

const BANK_C: AccountId = 3;

#[test]
fn governance_accredits_a_provider() {
	run(|| {
		assert_ok!(Kyc::accredit_provider(root(), BANK_C));
		assert_eq!(last_event(), Event::ProviderAccredited { provider: BANK_C }.into());
		assert_eq!(
			Providers::<Test>::get(BANK_C),
			Some(ProviderInfo { status: ProviderStatus::Active, customers: 0 })
		);
		assert_eq!(ProviderCount::<Test>::get(), 3);
		// The provider can hold a nonce without a deposit.
		assert_eq!(System::providers(&BANK_C), 1);
	});
}

#[test]
fn only_governance_manages_providers() {
	run(|| {
		for origin in [signed(BANK_A), signed(ALICE), signed(STRANGER)] {
			assert_noop!(Kyc::accredit_provider(origin.clone(), BANK_C), DispatchError::BadOrigin);
			assert_noop!(Kyc::suspend_provider(origin.clone(), BANK_B), DispatchError::BadOrigin);
			assert_noop!(Kyc::reinstate_provider(origin.clone(), BANK_B), DispatchError::BadOrigin);
			assert_noop!(Kyc::remove_provider(origin, BANK_B), DispatchError::BadOrigin);
		}
	});
}

#[test]
fn accrediting_twice_or_beyond_the_maximum_fails() {
	run(|| {
		assert_noop!(Kyc::accredit_provider(root(), BANK_A), Error::<Test>::AlreadyAProvider);
		assert_ok!(Kyc::accredit_provider(root(), BANK_C));
		assert_noop!(Kyc::accredit_provider(root(), 4), Error::<Test>::TooManyProviders);
	});
}

#[test]
fn a_suspended_provider_cannot_act_until_reinstated() {
	run(|| {
		assert_ok!(Kyc::suspend_provider(root(), BANK_A));
		assert_eq!(last_event(), Event::ProviderSuspended { provider: BANK_A }.into());
		assert_noop!(Kyc::suspend_provider(root(), BANK_A), Error::<Test>::ProviderSuspended);
		assert_noop!(
			Kyc::register_account(signed(BANK_A), STRANGER, Tier::L0, EXPIRY, [1; 32], None),
			Error::<Test>::ProviderSuspended
		);
		assert_noop!(Kyc::suspend_account(signed(BANK_A), ALICE), Error::<Test>::ProviderSuspended);
		// Its customers keep their status.
		assert_eq!(Kyc::can_send(&ALICE).map(|l| l.daily_debit), Ok(2_500_000));

		assert_ok!(Kyc::reinstate_provider(root(), BANK_A));
		assert_eq!(last_event(), Event::ProviderReinstated { provider: BANK_A }.into());
		assert_noop!(Kyc::reinstate_provider(root(), BANK_A), Error::<Test>::NotSuspended);
		assert_ok!(Kyc::register_account(
			signed(BANK_A),
			STRANGER,
			Tier::L0,
			EXPIRY,
			[1; 32],
			None
		));
	});
}

#[test]
fn unknown_providers_are_reported() {
	run(|| {
		assert_noop!(Kyc::suspend_provider(root(), BANK_C), Error::<Test>::NotAProvider);
		assert_noop!(Kyc::reinstate_provider(root(), BANK_C), Error::<Test>::NotAProvider);
		assert_noop!(Kyc::remove_provider(root(), BANK_C), Error::<Test>::NotAProvider);
	});
}

#[test]
fn a_provider_with_customers_cannot_be_removed() {
	run(|| {
		// Bank B has itself and Bob.
		assert_noop!(Kyc::remove_provider(root(), BANK_B), Error::<Test>::ProviderHasCustomers);
		assert_ok!(Kyc::transfer_customer(root(), BOB, BANK_A));
		assert_ok!(Kyc::transfer_customer(root(), BANK_B, BANK_A));
		assert_ok!(Kyc::remove_provider(root(), BANK_B));
		assert_eq!(last_event(), Event::ProviderRemoved { provider: BANK_B }.into());
		assert_eq!(ProviderCount::<Test>::get(), 1);
		assert!(Providers::<Test>::get(BANK_B).is_none());
		// Both references stay (its account record's and the accreditation's): the nonce
		// must never reset, or its old transactions could be replayed.
		assert_eq!(System::providers(&BANK_B), 2);
	});
}

#[test]
fn revoked_customers_do_not_block_removal() {
	run(|| {
		assert_ok!(Kyc::revoke_account(signed(BANK_B), BOB));
		assert_ok!(Kyc::revoke_account(root(), BANK_B));
		assert_eq!(Providers::<Test>::get(BANK_B).unwrap().customers, 0);
		assert_ok!(Kyc::remove_provider(root(), BANK_B));
	});
}
