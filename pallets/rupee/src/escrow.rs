//! The escrow other pallets use (offline purses). Escrowed money stays in the supply count.

use frame_support::{ensure, storage::with_storage_layer};
use rupee_primitives::{AccountPolicy, Balance, Escrow};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{functions::CreditKind, pallet::*, TransferError};

impl<T: Config> Pallet<T> {
	fn take_escrow(owner: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		Escrowed::<T>::try_mutate_exists(owner, |escrow| -> DispatchResult {
			let left =
				escrow.unwrap_or(0).checked_sub(amount).ok_or(Error::<T>::InsufficientEscrow)?;
			*escrow = (left > 0).then_some(left);
			Ok(())
		})?;
		TotalEscrowed::<T>::mutate(|total| *total = total.saturating_sub(amount));
		Ok(())
	}

	fn put_escrow(owner: &T::AccountId, amount: Balance) {
		Escrowed::<T>::mutate(owner, |escrow| *escrow = escrow.saturating_add(amount));
		TotalEscrowed::<T>::mutate(|total| *total = total.saturating_add(amount));
	}
}

impl<T: Config> Escrow<T::AccountId> for Pallet<T> {
	/// Counts against the owner's daily and monthly debit limits, like a payment: money in a
	/// purse is money spent (or it could be cycled through purses past the limits).
	fn reserve(owner: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		let limits = T::Policy::can_send(owner)
			.map_err(|error| Error::<T>::Refused(TransferError::sender(error)))?;
		Self::debit_within_limits(owner, amount, &limits)?;
		Self::put_escrow(owner, amount);
		Self::deposit_event(Event::Reserved { owner: owner.clone(), amount });
		Ok(())
	}

	fn release(owner: &T::AccountId, amount: Balance) -> DispatchResult {
		// All or nothing, even when the calling pallet goes on after an error.
		with_storage_layer(|| {
			let receiver = T::Policy::can_receive_refund(owner)
				.map_err(|error| Error::<T>::Refused(TransferError::receiver(error)))?;
			Self::take_escrow(owner, amount)?;
			Self::credit_from_escrow(owner, amount, &receiver, CreditKind::Refund)?;
			Self::deposit_event(Event::Released { owner: owner.clone(), amount });
			Ok(())
		})
	}

	fn pay_from_escrow(
		owner: &T::AccountId,
		payee: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		with_storage_layer(|| {
			let receiver = T::Policy::can_receive(payee)
				.map_err(|error| Error::<T>::Refused(TransferError::receiver(error)))?;
			Self::take_escrow(owner, amount)?;
			Self::credit_from_escrow(payee, amount, &receiver, CreditKind::Payment)?;
			Self::deposit_event(Event::PaidFromEscrow {
				owner: owner.clone(),
				payee: payee.clone(),
				amount,
			});
			Ok(())
		})
	}

	fn seize(
		owner: &T::AccountId,
		payee: &T::AccountId,
		amount: Balance,
	) -> Result<Balance, DispatchError> {
		let paid = amount.min(Ledger::<T>::get(owner).free);
		if paid > 0 {
			Self::move_as_refund(owner, payee, paid)?;
			Self::deposit_event(Event::Seized {
				owner: owner.clone(),
				payee: payee.clone(),
				amount: paid,
			});
		}
		Ok(paid)
	}

	fn escrowed(owner: &T::AccountId) -> Balance {
		Escrowed::<T>::get(owner)
	}

	fn fund_guarantee(from: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		Self::withdraw_free(from, amount)?;
		GuaranteeReserve::<T>::mutate(|reserve| *reserve = reserve.saturating_add(amount));
		Self::deposit_event(Event::GuaranteeFunded { from: from.clone(), amount });
		Ok(())
	}

	fn pay_from_guarantee(payee: &T::AccountId, amount: Balance) -> Result<Balance, DispatchError> {
		let paid = amount.min(GuaranteeReserve::<T>::get());
		if paid == 0 {
			return Ok(0);
		}
		with_storage_layer(|| {
			let receiver = T::Policy::can_receive_refund(payee)
				.map_err(|error| Error::<T>::Refused(TransferError::receiver(error)))?;
			GuaranteeReserve::<T>::mutate(|reserve| *reserve -= paid);
			Self::credit_from_escrow(payee, paid, &receiver, CreditKind::Refund)?;
			Self::deposit_event(Event::PaidFromGuarantee { payee: payee.clone(), amount: paid });
			Ok(paid)
		})
	}

	fn repay_guarantee(from: &T::AccountId, amount: Balance) -> Result<Balance, DispatchError> {
		let paid = amount.min(Ledger::<T>::get(from).free);
		if paid > 0 {
			Self::fund_guarantee(from, paid)?;
		}
		Ok(paid)
	}

	fn guarantee_reserve() -> Balance {
		GuaranteeReserve::<T>::get()
	}
}
