//! The pallet's logic: the calls' `do_*` bodies, the [`AccountPolicy`] the ledger uses, and the
//! read functions behind the runtime API.

use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{EnsureOrigin, Time},
};
use frame_system::{ensure_signed, pallet_prelude::OriginFor};
use rupee_primitives::{AccountPolicy, PolicyError, Receiver, Tier, TierLimits};
use sp_runtime::{DispatchError, DispatchResult, SaturatedConversion, Saturating};

use crate::{
	pallet::*, AccountRecord, AccountStatus, Actor, Commitment, Moment, ProviderInfo,
	ProviderStatus, LOG_TARGET,
};

impl<T: Config> Pallet<T> {
	/// Now, by the chain's clock (ms since the epoch).
	pub fn now() -> Moment {
		T::Time::now()
	}

	/// The limits in force for `tier`.
	pub fn limits_of(tier: Tier) -> TierLimits {
		Limits::<T>::get(tier).unwrap_or(TierLimits::default_for(tier))
	}

	/// The signer of `origin`, if it is an active provider.
	pub(crate) fn ensure_active_provider(
		origin: OriginFor<T>,
	) -> Result<T::AccountId, DispatchError> {
		let who = ensure_signed(origin)?;
		let info = Providers::<T>::get(&who).ok_or(Error::<T>::NotAProvider)?;
		ensure!(info.status == ProviderStatus::Active, Error::<T>::ProviderSuspended);
		Ok(who)
	}

	/// Governance, or else an active provider.
	pub(crate) fn ensure_provider_or_governance(
		origin: OriginFor<T>,
	) -> Result<Actor<T::AccountId>, DispatchError> {
		match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => Ok(Actor::Governance),
			Err(origin) => Self::ensure_active_provider(origin).map(Actor::Provider),
		}
	}

	/// Change `who`'s record on behalf of `actor`: its own provider or governance, and never a
	/// revoked account. All or nothing.
	fn mutate_customer<R>(
		actor: &Actor<T::AccountId>,
		who: &T::AccountId,
		change: impl FnOnce(&mut AccountRecord<T::AccountId>) -> Result<R, DispatchError>,
	) -> Result<R, DispatchError> {
		Accounts::<T>::try_mutate(who, |maybe| {
			let record = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			if let Actor::Provider(provider) = actor {
				ensure!(record.provider == *provider, Error::<T>::NotYourCustomer);
				// A bank keeps an Institution's record (its own reserve, the issuer's) but
				// only governance changes it: a suspension or revocation there stops the money.
				ensure!(record.tier != Tier::Institution, Error::<T>::InstitutionNeedsGovernance);
			}
			ensure!(record.status != AccountStatus::Revoked, Error::<T>::Revoked);
			change(record)
		})
	}

	fn ensure_future(expires_at: Moment) -> DispatchResult {
		ensure!(expires_at > Self::now(), Error::<T>::Expired);
		Ok(())
	}

	/// A linked bank must be an active, unexpired Institution account other than `who`.
	fn ensure_valid_linked_bank(who: &T::AccountId, bank: &Option<T::AccountId>) -> DispatchResult {
		if let Some(bank) = bank {
			ensure!(bank != who, Error::<T>::InvalidLinkedBank);
			ensure!(
				<Self as AccountPolicy<_>>::is_institution(bank),
				Error::<T>::InvalidLinkedBank
			);
		}
		Ok(())
	}

	pub(crate) fn do_accredit_provider(provider: T::AccountId) -> DispatchResult {
		ensure!(!Providers::<T>::contains_key(&provider), Error::<T>::AlreadyAProvider);
		let count = ProviderCount::<T>::get();
		ensure!(count < T::MaxProviders::get(), Error::<T>::TooManyProviders);
		Providers::<T>::insert(
			&provider,
			ProviderInfo { status: ProviderStatus::Active, customers: 0 },
		);
		ProviderCount::<T>::put(count + 1);
		// Lets the provider keep a nonce and sign its own calls without any deposit.
		frame_system::Pallet::<T>::inc_providers(&provider);
		log::info!(target: LOG_TARGET, "provider accredited: {provider:?}");
		Self::deposit_event(Event::ProviderAccredited { provider });
		Ok(())
	}

	pub(crate) fn do_set_provider_status(
		provider: T::AccountId,
		status: ProviderStatus,
	) -> DispatchResult {
		Providers::<T>::try_mutate(&provider, |maybe| -> DispatchResult {
			let info = maybe.as_mut().ok_or(Error::<T>::NotAProvider)?;
			match status {
				ProviderStatus::Suspended => {
					ensure!(info.status == ProviderStatus::Active, Error::<T>::ProviderSuspended)
				},
				ProviderStatus::Active => {
					ensure!(info.status == ProviderStatus::Suspended, Error::<T>::NotSuspended)
				},
			}
			info.status = status;
			Ok(())
		})?;
		Self::deposit_event(match status {
			ProviderStatus::Suspended => Event::ProviderSuspended { provider },
			ProviderStatus::Active => Event::ProviderReinstated { provider },
		});
		Ok(())
	}

	pub(crate) fn do_remove_provider(provider: T::AccountId) -> DispatchResult {
		let info = Providers::<T>::get(&provider).ok_or(Error::<T>::NotAProvider)?;
		ensure!(info.customers == 0, Error::<T>::ProviderHasCustomers);
		Providers::<T>::remove(&provider);
		ProviderCount::<T>::mutate(|count| *count = count.saturating_sub(1));
		// The account keeps its `frame_system` reference: dropping it could reap the account
		// and reset its nonce, and its old transactions would become valid again if it were
		// ever accredited anew.
		Self::deposit_event(Event::ProviderRemoved { provider });
		Ok(())
	}

	pub(crate) fn do_register_account(
		provider: T::AccountId,
		who: T::AccountId,
		tier: Tier,
		expires_at: Moment,
		commitment: Commitment,
		linked_bank: Option<T::AccountId>,
	) -> DispatchResult {
		ensure!(!Accounts::<T>::contains_key(&who), Error::<T>::AlreadyRegistered);
		Self::ensure_future(expires_at)?;
		Self::ensure_valid_linked_bank(&who, &linked_bank)?;
		Providers::<T>::try_mutate(&provider, |maybe| -> DispatchResult {
			let info = maybe.as_mut().ok_or(Error::<T>::NotAProvider)?;
			info.customers.saturating_inc();
			Ok(())
		})?;
		Accounts::<T>::insert(
			&who,
			AccountRecord {
				provider: provider.clone(),
				tier,
				expires_at,
				commitment,
				linked_bank,
				status: AccountStatus::Active,
				frozen: false,
			},
		);
		// The account can now keep a nonce and sign, without a deposit. The reference stays
		// for as long as the record does (revoked records included), so the nonce is never
		// reset and old transactions cannot be replayed.
		frame_system::Pallet::<T>::inc_providers(&who);
		Self::deposit_event(Event::AccountRegistered { who, provider, tier, expires_at });
		Ok(())
	}

	pub(crate) fn do_set_tier(
		actor: Actor<T::AccountId>,
		who: T::AccountId,
		tier: Tier,
	) -> DispatchResult {
		let from = Self::mutate_customer(&actor, &who, |record| {
			ensure!(record.tier != tier, Error::<T>::TierUnchanged);
			if matches!(actor, Actor::Provider(_)) {
				ensure!(tier != Tier::Institution, Error::<T>::InstitutionNeedsGovernance);
			}
			Ok(core::mem::replace(&mut record.tier, tier))
		})?;
		Self::deposit_event(Event::TierChanged { who, from, to: tier, by: actor });
		Ok(())
	}

	pub(crate) fn do_renew(
		actor: Actor<T::AccountId>,
		who: T::AccountId,
		expires_at: Moment,
	) -> DispatchResult {
		Self::ensure_future(expires_at)?;
		Self::mutate_customer(&actor, &who, |record| {
			record.expires_at = expires_at;
			Ok(())
		})?;
		Self::deposit_event(Event::AccountRenewed { who, expires_at, by: actor });
		Ok(())
	}

	pub(crate) fn do_set_account_status(
		actor: Actor<T::AccountId>,
		who: T::AccountId,
		status: AccountStatus,
	) -> DispatchResult {
		let provider = Self::mutate_customer(&actor, &who, |record| {
			match status {
				AccountStatus::Suspended => {
					ensure!(record.status == AccountStatus::Active, Error::<T>::AlreadySuspended)
				},
				AccountStatus::Active => {
					ensure!(record.status == AccountStatus::Suspended, Error::<T>::NotSuspended)
				},
				AccountStatus::Revoked => {},
			}
			record.status = status;
			Ok(record.provider.clone())
		})?;
		let event = match status {
			AccountStatus::Suspended => Event::AccountSuspended { who, by: actor },
			AccountStatus::Active => Event::AccountReinstated { who, by: actor },
			AccountStatus::Revoked => {
				Self::count_customer(&provider, false);
				Event::AccountRevoked { who, by: actor }
			},
		};
		Self::deposit_event(event);
		Ok(())
	}

	pub(crate) fn do_set_linked_bank(
		actor: Actor<T::AccountId>,
		who: T::AccountId,
		bank: Option<T::AccountId>,
	) -> DispatchResult {
		Self::mutate_customer(&actor, &who, |record| {
			Self::ensure_valid_linked_bank(&who, &bank)?;
			record.linked_bank = bank.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::LinkedBankChanged { who, bank, by: actor });
		Ok(())
	}

	pub(crate) fn do_set_tier_limits(tier: Tier, limits: TierLimits) -> DispatchResult {
		ensure!(limits.is_consistent(), Error::<T>::InconsistentLimits);
		Limits::<T>::insert(tier, limits);
		Self::deposit_event(Event::TierLimitsChanged { tier, limits });
		Ok(())
	}

	pub(crate) fn do_transfer_customer(
		who: T::AccountId,
		new_provider: T::AccountId,
	) -> DispatchResult {
		ensure!(Providers::<T>::contains_key(&new_provider), Error::<T>::NotAProvider);
		let (from, counted) = Accounts::<T>::try_mutate(&who, |maybe| {
			let record = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			let from = core::mem::replace(&mut record.provider, new_provider.clone());
			Ok::<_, DispatchError>((from, record.status != AccountStatus::Revoked))
		})?;
		if counted {
			Self::count_customer(&from, false);
			Self::count_customer(&new_provider, true);
		}
		Self::deposit_event(Event::CustomerTransferred { who, from, to: new_provider });
		Ok(())
	}

	/// Count one customer more (`true`) or fewer for `provider`, if it is still accredited.
	fn count_customer(provider: &T::AccountId, more: bool) {
		Providers::<T>::mutate(provider, |maybe| {
			if let Some(info) = maybe {
				if more {
					info.customers.saturating_inc();
				} else {
					info.customers.saturating_dec();
				}
			}
		});
	}

	pub(crate) fn do_set_frozen(who: &T::AccountId, frozen: bool) -> DispatchResult {
		Accounts::<T>::try_mutate(who, |maybe| -> DispatchResult {
			let record = maybe.as_mut().ok_or(Error::<T>::NotRegistered)?;
			ensure!(record.frozen != frozen, Error::<T>::FrozenUnchanged);
			record.frozen = frozen;
			Ok(())
		})?;
		Self::deposit_event(Event::FrozenChanged { who: who.clone(), frozen });
		Ok(())
	}

	/// The index of the current rate-limit window.
	pub fn current_window() -> u32 {
		let block: u32 = frame_system::Pallet::<T>::block_number().saturated_into();
		let window: u32 = T::RateLimitWindow::get().saturated_into();
		block / window.max(1)
	}

	/// Transactions of `who` counted in the current window.
	pub fn transactions_in_window(who: &T::AccountId) -> u32 {
		TransactionCount::<T>::get(Self::current_window(), who)
	}

	/// Count an included transaction of `who` in the current window, as `units`.
	pub(crate) fn note_transaction(who: &T::AccountId, units: u32) {
		TransactionCount::<T>::mutate(Self::current_window(), who, |count| {
			*count = count.saturating_add(units)
		});
	}

	/// Clear the counts of windows before the current one, using at most `budget`: each
	/// window costs a read and a write of [`OldestCountedWindow`] and each count cleared a
	/// read and a write, at most 8,192 counts per block. A window too large for the budget is
	/// finished in later blocks. Returns the weight used.
	pub(crate) fn clear_past_windows(budget: Weight) -> Weight {
		/// Windows looked at per block at most (after a long halt, empty ones go quickly).
		const MAX_WINDOWS: u32 = 64;
		/// Counts cleared per block at most, whatever the budget: an empty block's whole
		/// budget would otherwise go to one deletion of ~50,000 keys.
		const MAX_COUNTS: u32 = 8_192;
		let db = T::DbWeight::get();
		let per_window = db.reads_writes(1, 1);
		// Clearing a key reads the trie to find it, then writes its removal.
		let per_count = db.reads_writes(1, 1);
		let mut cleared = 0u32;
		// The current window needs the block number (already read) and the oldest window.
		let mut used = db.reads(1);
		if used.any_gt(budget) {
			return Weight::zero();
		}
		let current = Self::current_window();
		let mut oldest = OldestCountedWindow::<T>::get();
		let start = oldest;
		while oldest < current && oldest - start < MAX_WINDOWS {
			let room = budget.saturating_sub(used.saturating_add(per_window));
			let limit = room.ref_time().checked_div(per_count.ref_time()).unwrap_or(u64::MAX);
			let limit = limit.min(MAX_COUNTS.saturating_sub(cleared) as u64) as u32;
			if limit == 0 {
				break;
			}
			let result = TransactionCount::<T>::clear_prefix(oldest, limit, None);
			cleared = cleared.saturating_add(result.loops);
			used = used
				.saturating_add(per_window)
				.saturating_add(per_count.saturating_mul(result.loops.into()));
			if result.maybe_cursor.is_some() {
				break;
			}
			oldest += 1;
		}
		if oldest != start {
			OldestCountedWindow::<T>::put(oldest);
		}
		used
	}

	/// `who`'s record if it may make or take a payment now: registered, active, unexpired and
	/// not frozen.
	fn payment_record(who: &T::AccountId) -> Result<AccountRecord<T::AccountId>, PolicyError> {
		let record = Accounts::<T>::get(who).ok_or(PolicyError::NotPermissioned)?;
		Self::check_active(&record)?;
		if record.frozen {
			return Err(PolicyError::Frozen);
		}
		Ok(record)
	}

	/// What the ledger needs to credit an account. The linked bank is checked again now: a
	/// bank that lost its standing since it was linked (revoked, suspended, expired, frozen,
	/// no longer an Institution) takes no sweep, and credit over the holding limit is refused.
	fn receiver(record: AccountRecord<T::AccountId>) -> Receiver<T::AccountId> {
		let linked_bank = record.linked_bank.filter(|bank| {
			Self::payment_record(bank).is_ok_and(|bank| bank.tier == Tier::Institution)
		});
		Receiver { limits: Self::limits_of(record.tier), linked_bank }
	}

	/// Storage invariants: provider count and customer counts match the records.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let providers: BTreeMap<_, _> = Providers::<T>::iter().collect();
		ensure!(providers.len() as u32 == ProviderCount::<T>::get(), "ProviderCount is wrong");
		let mut customers: BTreeMap<T::AccountId, u32> = BTreeMap::new();
		for (_, record) in Accounts::<T>::iter() {
			if record.status != AccountStatus::Revoked {
				customers.entry(record.provider).or_default().saturating_inc();
			}
		}
		for (provider, info) in providers {
			ensure!(
				customers.get(&provider).copied().unwrap_or(0) == info.customers,
				"a provider's customer count is wrong"
			);
		}
		Ok(())
	}
}

impl<T: Config> AccountPolicy<T::AccountId> for Pallet<T> {
	fn can_send(who: &T::AccountId) -> Result<TierLimits, PolicyError> {
		Self::payment_record(who).map(|record| Self::limits_of(record.tier))
	}

	fn can_receive(who: &T::AccountId) -> Result<Receiver<T::AccountId>, PolicyError> {
		Self::payment_record(who).map(Self::receiver)
	}

	fn can_receive_refund(who: &T::AccountId) -> Result<Receiver<T::AccountId>, PolicyError> {
		Accounts::<T>::get(who).map(Self::receiver).ok_or(PolicyError::NotPermissioned)
	}

	fn is_institution(who: &T::AccountId) -> bool {
		Accounts::<T>::get(who).is_some_and(|record| {
			record.tier == Tier::Institution && Self::check_active(&record).is_ok()
		})
	}

	fn is_frozen(who: &T::AccountId) -> bool {
		Accounts::<T>::get(who).is_some_and(|record| record.frozen)
	}

	fn set_frozen(who: &T::AccountId, frozen: bool) -> DispatchResult {
		Self::do_set_frozen(who, frozen)
	}

	fn provider_of(who: &T::AccountId) -> Option<T::AccountId> {
		Accounts::<T>::get(who).map(|record| record.provider)
	}
}

impl<T: Config> rupee_primitives::PolicyBenchmarkHelper<T::AccountId> for Pallet<T> {
	fn register(who: &T::AccountId, tier: Tier, linked_bank: Option<T::AccountId>) {
		const FAR_FUTURE: Moment = u64::MAX / 2;
		let provider = linked_bank.clone().unwrap_or_else(|| who.clone());
		if !Providers::<T>::contains_key(&provider) {
			Self::do_accredit_provider(provider.clone()).expect("room for a benchmark provider");
		}
		if !Accounts::<T>::contains_key(&provider) {
			Self::do_register_account(
				provider.clone(),
				provider.clone(),
				Tier::Institution,
				FAR_FUTURE,
				[0; 32],
				None,
			)
			.expect("fresh benchmark provider account");
		}
		if !Accounts::<T>::contains_key(who) {
			Self::do_register_account(
				provider,
				who.clone(),
				tier,
				FAR_FUTURE,
				[0; 32],
				linked_bank,
			)
			.expect("fresh benchmark account");
		}
	}
}
