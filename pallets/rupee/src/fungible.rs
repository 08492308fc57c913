//! Read-only `fungible::Inspect`, so standard tooling can read rupee balances. Money moves
//! only through this pallet's calls and its escrow, never through the generic traits.

use frame_support::traits::tokens::{
	fungible::Inspect, DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
};
use rupee_primitives::{AccountPolicy, Balance};

use crate::pallet::*;

impl<T: Config> Inspect<T::AccountId> for Pallet<T> {
	type Balance = Balance;

	fn total_issuance() -> Balance {
		TotalIssuance::<T>::get()
	}

	fn minimum_balance() -> Balance {
		0
	}

	/// Spendable plus escrowed.
	fn total_balance(who: &T::AccountId) -> Balance {
		Ledger::<T>::get(who).free.saturating_add(Escrowed::<T>::get(who))
	}

	fn balance(who: &T::AccountId) -> Balance {
		Ledger::<T>::get(who).free
	}

	fn reducible_balance(who: &T::AccountId, _: Preservation, _: Fortitude) -> Balance {
		if T::Policy::can_send(who).is_ok() {
			Ledger::<T>::get(who).free
		} else {
			0
		}
	}

	fn can_deposit(who: &T::AccountId, amount: Balance, _: Provenance) -> DepositConsequence {
		match T::Policy::can_receive(who) {
			Err(_) => DepositConsequence::Blocked,
			Ok(_) if Ledger::<T>::get(who).free.checked_add(amount).is_none() => {
				DepositConsequence::Overflow
			},
			Ok(_) => DepositConsequence::Success,
		}
	}

	fn can_withdraw(who: &T::AccountId, amount: Balance) -> WithdrawConsequence<Balance> {
		if T::Policy::can_send(who).is_err() {
			return WithdrawConsequence::Frozen;
		}
		if Ledger::<T>::get(who).free < amount {
			return WithdrawConsequence::BalanceLow;
		}
		WithdrawConsequence::Success
	}
}
