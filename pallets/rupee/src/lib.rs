//! # Rupee pallet: the Digital Rupee ledger
//!
//! The chain's only ledger of digital rupees (symbol PKR, 2 decimals: amounts are in paisa).
//! Every movement of money goes through it, so KYC, limits and court orders cannot be bypassed.
//!
//! ## Two-tier issuance
//!
//! Governance sets the supply ceiling and the issuer account. The issuer mints only into
//! Institution-tier accounts (bank reserves) and burns what banks return to it. Banks pay
//! customers; customers pay each other and merchants; everyone can pay back to a bank.
//!
//! ## Roles and calls
//!
//! * **Permissioned accounts**: [`Pallet::transfer`].
//! * **The issuer**: [`Pallet::mint`], [`Pallet::burn`].
//! * **Governance** ([`Config::GovernanceOrigin`]): [`Pallet::set_supply_ceiling`],
//!   [`Pallet::set_issuer`], [`Pallet::freeze`], [`Pallet::unfreeze`], [`Pallet::clawback`].
//! * **Other pallets**: the [`rupee_primitives::Escrow`] implementation (offline purses).
//!
//! ## Rules of a transfer
//!
//! The sender may send and the receiver may receive ([`Config::Policy`]: registered, active,
//! unexpired, not frozen); the amount is within the sender's daily and monthly debit limits
//! and the receiver's daily and monthly credit limits (UTC days, 30-day months); credit that
//! would take the receiver above its tier's holding limit goes to its linked bank account, or
//! the transfer fails with [`Error::Refused`] ([`TransferError::HoldingLimitExceeded`]) if it
//! has none. Every refusal of a transfer is [`Error::Refused`] with its [`TransferError`].
//!
//! ## Invariant
//!
//! `TotalIssuance == Σ free balances + Σ escrows`, checked by `try_state` and after every test.
//! Only [`Pallet::mint`] and [`Pallet::burn`] change the total.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod escrow;
mod functions;
mod fungible;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::rupee";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use rupee_primitives::{AccountPolicy, Balance};

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults for test runtimes: a mock that puts
	/// `#[derive_impl(pallet_rupee::config_preludes::TestDefaultConfig)]` on its
	/// `impl pallet_rupee::Config` states only the policy, the origin and the clock.
	pub mod config_preludes {
		use super::*;
		use frame_support::derive_impl;

		/// Unit weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeEvent = ();
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		#[pallet::no_default_bounds]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Who may send and receive, with which limits: the KYC pallet.
		#[pallet::no_default]
		type Policy: AccountPolicy<Self::AccountId>;

		/// The origin that sets the ceiling and the issuer, freezes and claws back: the Board.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The clock for daily and monthly limits (ms since the epoch).
		#[pallet::no_default]
		type Time: Time<Moment = u64>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Registers accounts with the policy for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		#[pallet::no_default]
		type BenchmarkHelper: rupee_primitives::PolicyBenchmarkHelper<Self::AccountId>;
	}

	/// Each account's balance and limit counters.
	#[pallet::storage]
	pub type Ledger<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountLedger, ValueQuery>;

	/// Money in existence, in paisa.
	#[pallet::storage]
	pub type TotalIssuance<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Most money that may exist; mint fails above it. Set by governance.
	#[pallet::storage]
	pub type SupplyCeiling<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The central bank's operational account: the only one that mints and burns.
	#[pallet::storage]
	pub type Issuer<T: Config> = StorageValue<_, T::AccountId, OptionQuery>;

	/// Money each owner has in escrow (offline purses).
	#[pallet::storage]
	pub type Escrowed<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Balance, ValueQuery>;

	/// Sum of [`Escrowed`].
	#[pallet::storage]
	pub type TotalEscrowed<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The offline guarantee reserve: money governance set aside (from the issuer's or a
	/// bank's balance) that pays honest offline payees when a purse's escrow cannot. Part of
	/// the supply, like escrow.
	#[pallet::storage]
	pub type GuaranteeReserve<T: Config> = StorageValue<_, Balance, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The issuer account.
		pub issuer: Option<T::AccountId>,
		/// The supply ceiling.
		pub supply_ceiling: Balance,
		/// Opening balances; their sum becomes the total issuance.
		pub balances: alloc::vec::Vec<(T::AccountId, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let mut total: Balance = 0;
			for (who, amount) in &self.balances {
				total = total.checked_add(*amount).expect("genesis balances overflow");
				Ledger::<T>::mutate(who, |ledger| {
					ledger.free =
						ledger.free.checked_add(*amount).expect("genesis balance overflow")
				});
			}
			assert!(total <= self.supply_ceiling, "genesis balances exceed the supply ceiling");
			TotalIssuance::<T>::put(total);
			SupplyCeiling::<T>::put(self.supply_ceiling);
			if let Some(issuer) = &self.issuer {
				Issuer::<T>::put(issuer);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` moved from `from` to `to`.
		Transferred { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// Credit above `from`'s holding limit went to its linked bank account `to`.
		Swept { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// The issuer created `amount` in bank `to`'s reserve. Auditors sum these.
		Minted { to: T::AccountId, amount: Balance, total_issuance: Balance },
		/// The issuer destroyed `amount` from its own account. Auditors sum these.
		Burned { amount: Balance, total_issuance: Balance },
		/// Governance set the supply ceiling.
		SupplyCeilingSet { ceiling: Balance },
		/// Governance set the issuer account.
		IssuerSet { issuer: T::AccountId },
		/// Governance froze an account: it cannot send or receive payments.
		Frozen { who: T::AccountId },
		/// Governance unfroze an account.
		Unfrozen { who: T::AccountId },
		/// Governance moved `amount` from `from` to the issuer, for the reason behind `reason`.
		ClawedBack { from: T::AccountId, to: T::AccountId, amount: Balance, reason: [u8; 32] },
		/// `amount` of `owner`'s balance went into escrow.
		Reserved { owner: T::AccountId, amount: Balance },
		/// `amount` of `owner`'s escrow came back to its balance.
		Released { owner: T::AccountId, amount: Balance },
		/// `amount` of `owner`'s escrow paid `payee`.
		PaidFromEscrow { owner: T::AccountId, payee: T::AccountId, amount: Balance },
		/// `amount` of a frozen `owner`'s balance paid `payee` (double-spend recovery).
		Seized { owner: T::AccountId, payee: T::AccountId, amount: Balance },
		/// `amount` of `from`'s balance went into the offline guarantee reserve.
		GuaranteeFunded { from: T::AccountId, amount: Balance },
		/// The offline guarantee reserve paid `payee` `amount` (an honest offline payee whose
		/// payer's escrow fell short).
		PaidFromGuarantee { payee: T::AccountId, amount: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A payment, mint, burn, escrow move or clawback was refused; the [`TransferError`]
		/// says why (wallets show its code).
		Refused(TransferError),
		/// Only the issuer may mint and burn.
		NotIssuer,
		/// No issuer is set.
		NoIssuer,
		/// Mint goes only to an active Institution-tier account other than the issuer.
		NotABank,
		/// The mint would take the total issuance above the supply ceiling.
		CeilingExceeded,
		/// The ceiling is below the money already issued.
		CeilingBelowIssuance,
		/// The issuer must be an active Institution-tier account.
		IssuerNotInstitution,
		/// The account is already frozen.
		AlreadyFrozen,
		/// The account is not frozen.
		NotFrozen,
		/// The account is not registered, so it cannot be frozen.
		NotRegistered,
		/// The owner's escrow is smaller than the amount.
		InsufficientEscrow,
	}

	impl<T> From<TransferError> for Error<T> {
		fn from(reason: TransferError) -> Self {
			Error::Refused(reason)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pay `amount` paisa to `to`.
		///
		/// Origin: a permissioned account. Emits [`Event::Transferred`], and [`Event::Swept`]
		/// when part of the credit goes to the receiver's linked bank.
		/// Errors: see the module docs; each refusal has its own error. O(1): reads and writes
		/// the two ledgers (three with a sweep).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			to: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let from = ensure_signed(origin)?;
			Self::do_transfer(&from, &to, amount)
		}

		/// Create `amount` in bank reserve account `to`.
		///
		/// Origin: the issuer. Emits [`Event::Minted`].
		/// Errors: [`Error::NotIssuer`], [`Error::NotABank`], [`Error::CeilingExceeded`],
		/// [`Error::Refused`] ([`TransferError::ZeroAmount`], [`TransferError::Overflow`]). O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::mint())]
		pub fn mint(
			origin: OriginFor<T>,
			to: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_issuer(&who)?;
			Self::do_mint(&to, amount)
		}

		/// Destroy `amount` from the issuer's own account (money banks returned).
		///
		/// Origin: the issuer. Emits [`Event::Burned`].
		/// Errors: [`Error::NotIssuer`], [`Error::Refused`] ([`TransferError::InsufficientBalance`],
		/// [`TransferError::ZeroAmount`]). O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::ensure_issuer(&who)?;
			Self::do_burn(&who, amount)
		}

		/// Set the most money that may exist.
		///
		/// Origin: governance. Emits [`Event::SupplyCeilingSet`].
		/// Errors: [`Error::CeilingBelowIssuance`]. O(1).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_supply_ceiling())]
		pub fn set_supply_ceiling(
			origin: OriginFor<T>,
			#[pallet::compact] ceiling: Balance,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_supply_ceiling(ceiling)
		}

		/// Make `issuer` the account that mints and burns.
		///
		/// Origin: governance. Emits [`Event::IssuerSet`].
		/// Errors: [`Error::IssuerNotInstitution`]. O(1).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_issuer())]
		pub fn set_issuer(origin: OriginFor<T>, issuer: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_issuer(issuer)
		}

		/// Freeze `who` (a court order): it cannot send or receive payments; refunds still
		/// reach it.
		///
		/// Origin: governance. Emits [`Event::Frozen`].
		/// Errors: [`Error::NotRegistered`], [`Error::AlreadyFrozen`]. O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_frozen(who, true)
		}

		/// Lift a freeze.
		///
		/// Origin: governance. Emits [`Event::Unfrozen`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotFrozen`]. O(1).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn unfreeze(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_frozen(who, false)
		}

		/// Move `amount` from `from` to the issuer, recording the hash of the court order or
		/// decision behind it.
		///
		/// Origin: governance. Emits [`Event::ClawedBack`].
		/// Errors: [`Error::NoIssuer`], [`Error::Refused`] ([`TransferError::InsufficientBalance`],
		/// [`TransferError::ZeroAmount`], [`TransferError::SelfTransfer`]). O(1).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::clawback())]
		pub fn clawback(
			origin: OriginFor<T>,
			from: T::AccountId,
			#[pallet::compact] amount: Balance,
			reason: [u8; 32],
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_clawback(&from, amount, reason)
		}
	}
}
