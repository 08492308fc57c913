//! The ledger's logic. A money movement is planned from what it reads (so the dry run and the
//! real call share one path), then applied in one go.

use frame_support::{ensure, traits::Time};
use rupee_primitives::{AccountPolicy, Balance, Receiver, TierLimits};
use sp_runtime::{DispatchError, DispatchResult};

use crate::{pallet::*, AccountLedger, AccountView, TransferError, DAY_MS, LOG_TARGET};

/// The ledgers a transfer leaves behind, not yet written.
pub(crate) struct TransferPlan<AccountId> {
	pub from: AccountLedger,
	pub to: AccountLedger,
	/// Credit above the receiver's holding limit: its linked bank, that bank's ledger after
	/// the sweep, and the amount swept.
	pub sweep: Option<(AccountId, AccountLedger, Balance)>,
}

/// How a credit counts against the receiver's limits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum CreditKind {
	/// An ordinary payment: counts against daily and monthly credit limits.
	Payment,
	/// Money coming back (escrow released, clawback, double-spend recovery): no credit
	/// limits, but the holding limit and its sweep still apply.
	Refund,
}

impl<T: Config> Pallet<T> {
	/// Today, as days since the epoch by the chain's clock.
	pub fn today() -> u32 {
		(T::Time::now() / DAY_MS) as u32
	}

	/// `who`'s ledger with its counters rolled to `day`.
	fn ledger_on(who: &T::AccountId, day: u32) -> AccountLedger {
		let mut ledger = Ledger::<T>::get(who);
		ledger.roll(day);
		ledger
	}

	/// Take `amount` from `ledger` within the sender's debit limits.
	fn debit(
		ledger: &mut AccountLedger,
		amount: Balance,
		limits: &TierLimits,
	) -> Result<(), TransferError> {
		ensure!(ledger.free >= amount, TransferError::InsufficientBalance);
		let daily = ledger.daily_debit.checked_add(amount).ok_or(TransferError::Overflow)?;
		ensure!(daily <= limits.daily_debit, TransferError::DailyDebitLimitExceeded);
		let monthly = ledger.monthly_debit.checked_add(amount).ok_or(TransferError::Overflow)?;
		ensure!(monthly <= limits.monthly_debit, TransferError::MonthlyDebitLimitExceeded);
		ledger.free -= amount;
		ledger.daily_debit = daily;
		ledger.monthly_debit = monthly;
		Ok(())
	}

	/// Add `amount` to `ledger`. Returns what goes above the holding limit and where, if any.
	fn credit(
		ledger: &mut AccountLedger,
		amount: Balance,
		receiver: &Receiver<T::AccountId>,
		kind: CreditKind,
	) -> Result<Option<(T::AccountId, Balance)>, TransferError> {
		if kind == CreditKind::Payment {
			let daily = ledger.daily_credit.checked_add(amount).ok_or(TransferError::Overflow)?;
			ensure!(daily <= receiver.limits.daily_credit, TransferError::DailyCreditLimitExceeded);
			let monthly =
				ledger.monthly_credit.checked_add(amount).ok_or(TransferError::Overflow)?;
			ensure!(
				monthly <= receiver.limits.monthly_credit,
				TransferError::MonthlyCreditLimitExceeded
			);
			ledger.daily_credit = daily;
			ledger.monthly_credit = monthly;
		}
		let balance = ledger.free.checked_add(amount).ok_or(TransferError::Overflow)?;
		let max = receiver.limits.max_balance;
		if balance <= max {
			ledger.free = balance;
			return Ok(None);
		}
		let bank = receiver.linked_bank.clone().ok_or(TransferError::HoldingLimitExceeded)?;
		ledger.free = max.max(ledger.free);
		Ok(Some((bank, balance - ledger.free)))
	}

	/// Plan crediting `amount` to `to` (its ledger `to_ledger`), including the sweep to its
	/// linked bank. `from` is the payer, whose ledger `from_ledger` takes the swept part if it
	/// is itself the linked bank.
	fn plan_credit(
		from: Option<(&T::AccountId, &mut AccountLedger)>,
		to_ledger: &mut AccountLedger,
		amount: Balance,
		receiver: &Receiver<T::AccountId>,
		kind: CreditKind,
		day: u32,
	) -> Result<Option<(T::AccountId, AccountLedger, Balance)>, TransferError> {
		let Some((bank, excess)) = Self::credit(to_ledger, amount, receiver, kind)? else {
			return Ok(None);
		};
		match from {
			Some((payer, payer_ledger)) if *payer == bank => {
				payer_ledger.free =
					payer_ledger.free.checked_add(excess).ok_or(TransferError::Overflow)?;
				Ok(Some((bank, *payer_ledger, excess)))
			},
			_ => {
				let mut bank_ledger = Self::ledger_on(&bank, day);
				bank_ledger.free =
					bank_ledger.free.checked_add(excess).ok_or(TransferError::Overflow)?;
				Ok(Some((bank, bank_ledger, excess)))
			},
		}
	}

	/// Everything a transfer of `amount` from `from` to `to` would write, or why it can't.
	pub(crate) fn plan_transfer(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> Result<TransferPlan<T::AccountId>, TransferError> {
		ensure!(amount > 0, TransferError::ZeroAmount);
		ensure!(from != to, TransferError::SelfTransfer);
		let limits = T::Policy::can_send(from).map_err(TransferError::sender)?;
		let receiver = T::Policy::can_receive(to).map_err(TransferError::receiver)?;
		let day = Self::today();
		let mut from_ledger = Self::ledger_on(from, day);
		Self::debit(&mut from_ledger, amount, &limits)?;
		let mut to_ledger = Self::ledger_on(to, day);
		let sweep = Self::plan_credit(
			Some((from, &mut from_ledger)),
			&mut to_ledger,
			amount,
			&receiver,
			CreditKind::Payment,
			day,
		)?;
		Ok(TransferPlan { from: from_ledger, to: to_ledger, sweep })
	}

	/// Write the receiver's side of a credit and its sweep, with the sweep's event. A sweep
	/// back to `payer` is already in the payer's ledger, which the caller writes.
	fn apply_credit(
		to: &T::AccountId,
		to_ledger: AccountLedger,
		sweep: Option<(T::AccountId, AccountLedger, Balance)>,
		payer: Option<&T::AccountId>,
	) {
		Ledger::<T>::insert(to, to_ledger);
		if let Some((bank, bank_ledger, excess)) = sweep {
			if payer != Some(&bank) {
				Ledger::<T>::insert(&bank, bank_ledger);
			}
			Self::deposit_event(Event::Swept { from: to.clone(), to: bank, amount: excess });
		}
	}

	pub(crate) fn do_transfer(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		let TransferPlan { from: from_ledger, to: to_ledger, sweep } =
			Self::plan_transfer(from, to, amount).map_err(Error::<T>::from)?;
		Ledger::<T>::insert(from, from_ledger);
		Self::deposit_event(Event::Transferred { from: from.clone(), to: to.clone(), amount });
		Self::apply_credit(to, to_ledger, sweep, Some(from));
		Ok(())
	}

	/// Why a transfer would fail right now, or `Ok` if it would go through. Changes nothing.
	pub fn can_transfer(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> Result<(), TransferError> {
		Self::plan_transfer(from, to, amount).map(|_| ())
	}

	pub(crate) fn ensure_issuer(who: &T::AccountId) -> DispatchResult {
		let issuer = Issuer::<T>::get().ok_or(Error::<T>::NoIssuer)?;
		ensure!(*who == issuer, Error::<T>::NotIssuer);
		Ok(())
	}

	/// Take `amount` from `who`'s balance within its debit limits (`limits`), counting it.
	pub(crate) fn debit_within_limits(
		who: &T::AccountId,
		amount: Balance,
		limits: &TierLimits,
	) -> DispatchResult {
		let mut ledger = Self::ledger_on(who, Self::today());
		Self::debit(&mut ledger, amount, limits).map_err(Error::<T>::from)?;
		Ledger::<T>::insert(who, ledger);
		Ok(())
	}

	/// Take `amount` out of `who`'s spendable balance, with no limits: for burning and for
	/// the guarantee reserve.
	pub(crate) fn withdraw_free(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Ledger::<T>::try_mutate(who, |ledger| -> DispatchResult {
			ledger.free = ledger
				.free
				.checked_sub(amount)
				.ok_or(Error::<T>::Refused(TransferError::InsufficientBalance))?;
			Ok(())
		})
	}

	pub(crate) fn do_mint(to: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		ensure!(Issuer::<T>::get().as_ref() != Some(to), Error::<T>::NotABank);
		ensure!(T::Policy::is_institution(to), Error::<T>::NotABank);
		let total = TotalIssuance::<T>::get()
			.checked_add(amount)
			.ok_or(Error::<T>::Refused(TransferError::Overflow))?;
		ensure!(total <= SupplyCeiling::<T>::get(), Error::<T>::CeilingExceeded);
		Ledger::<T>::try_mutate(to, |ledger| -> DispatchResult {
			ledger.free = ledger
				.free
				.checked_add(amount)
				.ok_or(Error::<T>::Refused(TransferError::Overflow))?;
			Ok(())
		})?;
		TotalIssuance::<T>::put(total);
		log::info!(target: LOG_TARGET, "minted {amount} paisa into {to:?}; total issuance {total}");
		Self::deposit_event(Event::Minted { to: to.clone(), amount, total_issuance: total });
		Ok(())
	}

	pub(crate) fn do_burn(issuer: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		Self::withdraw_free(issuer, amount)?;
		let total = TotalIssuance::<T>::mutate(|total| {
			*total = total.saturating_sub(amount);
			*total
		});
		log::info!(target: LOG_TARGET, "burned {amount} paisa; total issuance {total}");
		Self::deposit_event(Event::Burned { amount, total_issuance: total });
		Ok(())
	}

	pub(crate) fn do_set_supply_ceiling(ceiling: Balance) -> DispatchResult {
		ensure!(ceiling >= TotalIssuance::<T>::get(), Error::<T>::CeilingBelowIssuance);
		SupplyCeiling::<T>::put(ceiling);
		Self::deposit_event(Event::SupplyCeilingSet { ceiling });
		Ok(())
	}

	pub(crate) fn do_set_issuer(issuer: T::AccountId) -> DispatchResult {
		ensure!(T::Policy::is_institution(&issuer), Error::<T>::IssuerNotInstitution);
		Issuer::<T>::put(&issuer);
		Self::deposit_event(Event::IssuerSet { issuer });
		Ok(())
	}

	pub(crate) fn do_set_frozen(who: T::AccountId, frozen: bool) -> DispatchResult {
		T::Policy::can_receive_refund(&who).map_err(|_| Error::<T>::NotRegistered)?;
		if frozen {
			ensure!(!T::Policy::is_frozen(&who), Error::<T>::AlreadyFrozen);
		} else {
			ensure!(T::Policy::is_frozen(&who), Error::<T>::NotFrozen);
		}
		T::Policy::set_frozen(&who, frozen)?;
		Self::deposit_event(if frozen { Event::Frozen { who } } else { Event::Unfrozen { who } });
		Ok(())
	}

	/// Pay `amount` out of `owner`'s balance (already checked to cover it) to `payee` as a
	/// refund-kind credit: no limits of either side, holding limit and sweep apply.
	pub(crate) fn move_as_refund(
		owner: &T::AccountId,
		payee: &T::AccountId,
		amount: Balance,
	) -> Result<(), DispatchError> {
		ensure!(owner != payee, Error::<T>::Refused(TransferError::SelfTransfer));
		let receiver = T::Policy::can_receive_refund(payee)
			.map_err(|error| Error::<T>::Refused(TransferError::receiver(error)))?;
		let day = Self::today();
		let mut owner_ledger = Self::ledger_on(owner, day);
		owner_ledger.free = owner_ledger
			.free
			.checked_sub(amount)
			.ok_or(Error::<T>::Refused(TransferError::InsufficientBalance))?;
		let mut payee_ledger = Self::ledger_on(payee, day);
		let sweep = Self::plan_credit(
			Some((owner, &mut owner_ledger)),
			&mut payee_ledger,
			amount,
			&receiver,
			CreditKind::Refund,
			day,
		)
		.map_err(Error::<T>::from)?;
		Ledger::<T>::insert(owner, owner_ledger);
		Self::apply_credit(payee, payee_ledger, sweep, Some(owner));
		Ok(())
	}

	pub(crate) fn do_clawback(
		from: &T::AccountId,
		amount: Balance,
		reason: [u8; 32],
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::Refused(TransferError::ZeroAmount));
		let issuer = Issuer::<T>::get().ok_or(Error::<T>::NoIssuer)?;
		Self::move_as_refund(from, &issuer, amount)?;
		log::info!(target: LOG_TARGET, "clawback of {amount} paisa from {from:?}");
		Self::deposit_event(Event::ClawedBack { from: from.clone(), to: issuer, amount, reason });
		Ok(())
	}

	/// Credit `amount` that left an escrow to `to`, with the holding-limit sweep.
	pub(crate) fn credit_from_escrow(
		to: &T::AccountId,
		amount: Balance,
		receiver: &Receiver<T::AccountId>,
		kind: CreditKind,
	) -> DispatchResult {
		let day = Self::today();
		let mut ledger = Self::ledger_on(to, day);
		let sweep = Self::plan_credit(None, &mut ledger, amount, receiver, kind, day)
			.map_err(Error::<T>::from)?;
		Self::apply_credit(to, ledger, sweep, None);
		Ok(())
	}

	/// An account as a wallet sees it: balance, escrow, limits used and left.
	pub fn account_view(who: &T::AccountId) -> AccountView {
		let ledger = Self::ledger_on(who, Self::today());
		let usage =
			T::Policy::can_receive_refund(who).ok().map(|receiver| ledger.usage(receiver.limits));
		AccountView { free: ledger.free, escrowed: Escrowed::<T>::get(who), usage }
	}

	/// The supply invariant: issuance equals balances plus escrows.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let balances = Ledger::<T>::iter_values()
			.try_fold(0 as Balance, |sum, ledger| sum.checked_add(ledger.free))
			.ok_or("balances overflow")?;
		let escrows = Escrowed::<T>::iter_values()
			.try_fold(0 as Balance, |sum, amount| sum.checked_add(amount))
			.ok_or("escrows overflow")?;
		ensure!(escrows == TotalEscrowed::<T>::get(), "TotalEscrowed differs from the escrows");
		ensure!(
			balances
				.checked_add(escrows)
				.and_then(|sum| sum.checked_add(GuaranteeReserve::<T>::get()))
				== Some(TotalIssuance::<T>::get()),
			"total issuance differs from balances plus escrows plus the guarantee reserve"
		);
		ensure!(
			TotalIssuance::<T>::get() <= SupplyCeiling::<T>::get(),
			"issuance above the ceiling"
		);
		Ok(())
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl<T: Config> Pallet<T> {
	/// Create `amount` in `who`'s balance, raising the ceiling if needed: benchmark setup of
	/// other pallets only.
	pub fn endow_for_benchmarks(who: &T::AccountId, amount: Balance) {
		Ledger::<T>::mutate(who, |ledger| ledger.free = ledger.free.saturating_add(amount));
		TotalIssuance::<T>::mutate(|total| *total = total.saturating_add(amount));
		SupplyCeiling::<T>::mutate(|ceiling| *ceiling = (*ceiling).max(TotalIssuance::<T>::get()));
	}
}
