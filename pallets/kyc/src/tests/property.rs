//! Property: whatever sequence of provider actions runs, a provider only ever changes the
//! records of accounts it was the provider of at the time.

use super::*;
use proptest::prelude::*;

const PROVIDERS: [AccountId; 3] = [BANK_A, BANK_B, 3];
const CUSTOMERS: [AccountId; 4] = [ALICE, BOB, 40, 41];

#[derive(Clone, Debug)]
enum Action {
	Register(AccountId, Tier),
	SetTier(AccountId, Tier),
	Renew(AccountId),
	Suspend(AccountId),
	Reinstate(AccountId),
	Revoke(AccountId),
	LinkBank(AccountId, Option<AccountId>),
}

fn tier() -> impl Strategy<Value = Tier> {
	prop::sample::select(Tier::ALL.to_vec())
}

fn customer() -> impl Strategy<Value = AccountId> {
	prop::sample::select(CUSTOMERS.to_vec())
}

fn action() -> impl Strategy<Value = Action> {
	prop_oneof![
		(customer(), tier()).prop_map(|(who, tier)| Action::Register(who, tier)),
		(customer(), tier()).prop_map(|(who, tier)| Action::SetTier(who, tier)),
		customer().prop_map(Action::Renew),
		customer().prop_map(Action::Suspend),
		customer().prop_map(Action::Reinstate),
		customer().prop_map(Action::Revoke),
		(customer(), prop::option::of(prop::sample::select(PROVIDERS.to_vec())))
			.prop_map(|(who, bank)| Action::LinkBank(who, bank)),
	]
}

fn apply(provider: AccountId, action: &Action) -> Result<AccountId, DispatchError> {
	let origin = signed(provider);
	match action.clone() {
		Action::Register(who, tier) => {
			Kyc::register_account(origin, who, tier, 2 * EXPIRY, [1; 32], None).map(|_| who)
		},
		Action::SetTier(who, tier) => Kyc::set_tier(origin, who, tier).map(|_| who),
		Action::Renew(who) => Kyc::renew(origin, who, 3 * EXPIRY).map(|_| who),
		Action::Suspend(who) => Kyc::suspend_account(origin, who).map(|_| who),
		Action::Reinstate(who) => Kyc::reinstate_account(origin, who).map(|_| who),
		Action::Revoke(who) => Kyc::revoke_account(origin, who).map(|_| who),
		Action::LinkBank(who, bank) => Kyc::set_linked_bank(origin, who, bank).map(|_| who),
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(200))]

	#[test]
	fn providers_only_touch_their_own_customers(
		steps in prop::collection::vec((prop::sample::select(PROVIDERS.to_vec()), action()), 1..40)
	) {
		run(|| {
			assert_ok!(Kyc::accredit_provider(root(), 3));
			for (provider, action) in &steps {
				let before: Vec<_> = CUSTOMERS.iter().map(|who| Accounts::<Test>::get(who)).collect();
				let result = apply(*provider, action);
				for (who, old) in CUSTOMERS.iter().zip(before) {
					let new = Accounts::<Test>::get(who);
					if new != old {
						// Only the account the action named may change ...
						assert_eq!(result, Ok(*who), "{action:?} by {provider} changed {who}");
						// ... and only if it was unregistered or this provider's customer.
						if let Some(old) = old {
							assert_eq!(old.provider, *provider, "{provider} changed {who} of {}", old.provider);
						}
					}
				}
				if let (Err(error), Some(record)) = (&result, match action {
					Action::Register(..) => None,
					Action::SetTier(who, _) | Action::Renew(who) | Action::Suspend(who) |
					Action::Reinstate(who) | Action::Revoke(who) | Action::LinkBank(who, _) =>
						Accounts::<Test>::get(who),
				}) {
					if record.provider != *provider {
						assert_eq!(*error, Error::<Test>::NotYourCustomer.into());
					}
				}
			}
		});
	}
}
