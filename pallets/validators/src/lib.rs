//! # Validators pallet: the validator set the Board controls
//!
//! The banks' validator nodes are listed on chain. The Board adds and removes them by proposal;
//! a change takes effect at the next session: this pallet is `pallet-session`'s
//! `SessionManager`, and Aura and GRANDPA take their authorities from the session. A validator
//! registers its session keys itself with `Session.set_keys` before it is added.
//!
//! ## Calls
//!
//! * **Governance** ([`Config::AddOrigin`], [`Config::RemoveOrigin`]): [`Pallet::add_validator`],
//!   [`Pallet::remove_validator`].
//!
//! ## Guard rails
//!
//! Never fewer than [`Config::MinValidators`] (GRANDPA needs a 2/3 majority to finalize), never
//! more than [`Config::MaxValidators`], no duplicates, and only accounts that registered session
//! keys: a validator without keys would own slots nobody can author.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;
pub mod weights;

pub use pallet::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Give `who` session keys, so it may become a validator.
	fn register_keys(who: &AccountId);
}

/// Fewest blocks a session may last: a session change takes its block's whole weight, so a
/// chain of one-block sessions would carry no transactions.
pub const MIN_SESSION_LENGTH: u32 = 10;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::validators";

#[frame_support::pallet]
pub mod pallet {
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::Contains};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{One, Zero};

	use super::{WeightInfo, LOG_TARGET, MIN_SESSION_LENGTH};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Who may add a validator: the Board.
		type AddOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Who may remove a validator: the Board.
		type RemoveOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Accounts that registered session keys (`Session.set_keys`).
		type HasSessionKeys: Contains<Self::AccountId>;

		/// Fewest validators the set may shrink to.
		#[pallet::constant]
		type MinValidators: Get<u32>;

		/// Most validators in the set.
		#[pallet::constant]
		type MaxValidators: Get<u32>;

		/// Blocks per session when the chain spec does not say ([`SessionLength`]).
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;

		/// Weights of the calls, measured by `scripts/benchmark-pallets.sh pallet_validators`.
		type WeightInfo: WeightInfo;

		/// Session keys for the benchmarks' accounts.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: crate::BenchmarkHelper<Self::AccountId>;
	}

	/// The validator set from the next session on.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since the session manager last handed it out.
	#[pallet::storage]
	pub type Changed<T: Config> = StorageValue<_, bool, ValueQuery>;

	/// Session changes still to force after the Board changed the set: a change is handed to
	/// `pallet-session` at one session change and takes effect at the next, so two are forced,
	/// each at the next multiple of [`MIN_SESSION_LENGTH`] blocks, instead of waiting for two
	/// regular sessions (up to two hours on a production chain) with a removed validator still
	/// authoring and voting.
	#[pallet::storage]
	pub type ForcedRotations<T: Config> = StorageValue<_, u8, ValueQuery>;

	/// Blocks per session, from the chain spec: a session change costs its block a whole
	/// block's weight (`pallet-session` charges that much), so a production chain wants long
	/// sessions (an hour); a test network short ones (validator changes take two sessions).
	#[pallet::storage]
	pub type SessionLength<T: Config> =
		StorageValue<_, BlockNumberFor<T>, ValueQuery, T::DefaultSessionLength>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (their session keys come from `pallet-session`'s genesis).
		pub validators: Vec<T::AccountId>,
		/// Blocks per session; `None`: [`Config::DefaultSessionLength`].
		pub session_length: Option<BlockNumberFor<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut set = BoundedVec::<T::AccountId, T::MaxValidators>::default();
			for validator in &self.validators {
				assert!(!set.contains(validator), "duplicate genesis validator");
				set.try_push(validator.clone()).expect("genesis validators within MaxValidators");
			}
			// Empty: the session's own genesis keys decide (a test chain); otherwise a real set.
			assert!(
				set.is_empty() || set.len() as u32 >= T::MinValidators::get(),
				"fewer genesis validators than MinValidators"
			);
			Validators::<T>::put(set);
			if let Some(length) = self.session_length {
				// Each session change costs its block a whole block's weight.
				assert!(
					length >= MIN_SESSION_LENGTH.into(),
					"sessions of fewer than {MIN_SESSION_LENGTH} blocks"
				);
				SessionLength::<T>::put(length);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the validator set at the next session.
		ValidatorAdded { who: T::AccountId },
		/// `who` leaves the validator set at the next session.
		ValidatorRemoved { who: T::AccountId },
		/// A new session began with `count` validators.
		NewSession { index: u32, count: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotValidator,
		/// The set would shrink below [`Config::MinValidators`].
		TooFewValidators,
		/// The set is full ([`Config::MaxValidators`]).
		TooManyValidators,
		/// The account has not registered session keys with `Session.set_keys`.
		NoSessionKeys,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MinValidators::get() > 0, "a chain needs a validator");
			assert!(T::MinValidators::get() <= T::MaxValidators::get());
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Add `who` to the validator set from the next session.
		///
		/// Origin: [`Config::AddOrigin`]. Emits [`Event::ValidatorAdded`].
		/// Errors: [`Error::AlreadyValidator`], [`Error::TooManyValidators`],
		/// [`Error::NoSessionKeys`]. O(MaxValidators).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator())]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AddOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Remove `who` from the validator set from the next session.
		///
		/// Origin: [`Config::RemoveOrigin`]. Emits [`Event::ValidatorRemoved`].
		/// Errors: [`Error::NotValidator`], [`Error::TooFewValidators`]. O(MaxValidators).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator())]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::RemoveOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The set's invariants: at least [`Config::MinValidators`] once the chain has one, no
		/// account twice, at most two forced rotations pending, a session length above zero.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let set = Validators::<T>::get();
			ensure!(
				set.is_empty() || set.len() as u32 >= T::MinValidators::get(),
				"fewer validators than MinValidators"
			);
			let mut sorted = set.clone().into_inner();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == set.len(), "a validator is in the set twice");
			ensure!(ForcedRotations::<T>::get() <= 2, "more than two forced rotations pending");
			ensure!(!SessionLength::<T>::get().is_zero(), "session length zero");
			Ok(())
		}

		pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
			ensure!(T::HasSessionKeys::contains(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&who), Error::<T>::AlreadyValidator);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)?;
				Ok(())
			})?;
			Changed::<T>::put(true);
			ForcedRotations::<T>::put(2);
			log::info!(target: LOG_TARGET, "validator {who:?} added from the next session");
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		pub(crate) fn do_remove_validator(who: T::AccountId) -> DispatchResult {
			Validators::<T>::try_mutate(|set| -> DispatchResult {
				let position =
					set.iter().position(|member| member == &who).ok_or(Error::<T>::NotValidator)?;
				ensure!(set.len() as u32 > T::MinValidators::get(), Error::<T>::TooFewValidators);
				set.remove(position);
				Ok(())
			})?;
			Changed::<T>::put(true);
			ForcedRotations::<T>::put(2);
			log::info!(target: LOG_TARGET, "validator {who:?} removed from the next session");
			Self::deposit_event(Event::ValidatorRemoved { who });
			Ok(())
		}
	}

	/// [`SessionLength`] for `pallet_session::PeriodicSessions` (never zero).
	pub struct SessionLengthOf<T>(core::marker::PhantomData<T>);

	impl<T: Config> Get<BlockNumberFor<T>> for SessionLengthOf<T> {
		fn get() -> BlockNumberFor<T> {
			SessionLength::<T>::get().max(One::one())
		}
	}

	/// When a session ends: every [`SessionLength`] blocks, and at the next two multiples of
	/// [`MIN_SESSION_LENGTH`] blocks after the Board changed the set ([`ForcedRotations`]).
	pub struct SessionRotation<T>(core::marker::PhantomData<T>);

	impl<T: Config> pallet_session::ShouldEndSession<BlockNumberFor<T>> for SessionRotation<T> {
		fn should_end_session(now: BlockNumberFor<T>) -> bool {
			let at = |length: BlockNumberFor<T>| (now % length).is_zero();
			at(SessionLengthOf::<T>::get())
				|| (ForcedRotations::<T>::get() > 0 && at(MIN_SESSION_LENGTH.into()))
		}
	}

	impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
		fn new_session(index: u32) -> Option<Vec<T::AccountId>> {
			ForcedRotations::<T>::mutate(|left| *left = left.saturating_sub(1));
			if !Changed::<T>::take() {
				return None;
			}
			let set = Validators::<T>::get().into_inner();
			Self::deposit_event(Event::NewSession { index, count: set.len() as u32 });
			Some(set)
		}

		fn new_session_genesis(_: u32) -> Option<Vec<T::AccountId>> {
			let set = Validators::<T>::get().into_inner();
			(!set.is_empty()).then_some(set)
		}

		fn end_session(_: u32) {}

		fn start_session(_: u32) {}
	}
}
