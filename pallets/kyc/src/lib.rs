//! # KYC pallet: permissioned accounts
//!
//! Only people and institutions that a licensed bank has identified may hold or move digital
//! rupees. This pallet keeps who they are (without personal data), what they may do, and stops
//! everyone else at the transaction pool.
//!
//! ## Roles and calls
//!
//! * **Governance** ([`Config::GovernanceOrigin`], the Board): [`Pallet::accredit_provider`],
//!   [`Pallet::suspend_provider`], [`Pallet::reinstate_provider`], [`Pallet::remove_provider`],
//!   [`Pallet::set_tier_limits`], [`Pallet::transfer_customer`]; and every account call below,
//!   on any account.
//! * **KYC providers** (accredited banks), on the accounts they registered:
//!   [`Pallet::register_account`], [`Pallet::set_tier`] (upgrade/downgrade), [`Pallet::renew`],
//!   [`Pallet::suspend_account`], [`Pallet::reinstate_account`], [`Pallet::revoke_account`],
//!   [`Pallet::set_linked_bank`]. A provider touching another provider's customer gets
//!   [`Error::NotYourCustomer`].
//!
//! ## The gate
//!
//! [`CheckPermission`] is a transaction extension: at transaction-pool validation it rejects
//! every signed transaction whose signer may not sign its call, with
//! `InvalidTransaction::Custom(code)`, `code` from [`rupee_primitives::PolicyError`]. The
//! runtime's table ([`Config::CallRules`]) says, per call, which roles may sign it (customer,
//! provider, issuer, governor, validator, sudo) and how long the transaction may be; anything
//! not in the table is refused. [`CheckNonceInWindow`] (in place of `frame_system::CheckNonce`)
//! enforces the tier's transactions-per-window rate limit at submission, counting the
//! signer's transactions already waiting in the pool.
//!
//! ## Invariants
//!
//! * A registered account, and an accredited provider, holds a `frame_system` provider
//!   reference (so it can keep a nonce without a deposit). Neither is ever dropped, not on
//!   revocation nor on a provider's removal: a reaped account would restart its nonce at zero
//!   and its old transactions could be replayed.
//! * `ProviderInfo::customers` counts the provider's accounts that are not revoked.
//! * Tier limits are always consistent ([`rupee_primitives::TierLimits::is_consistent`]).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod functions;
mod gate;
pub mod migrations;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;

pub use gate::{
	Admission, CallRule, CallRules, CheckNonceInWindow, CheckPermission, Permissive, Roles,
};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::kyc";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use rupee_primitives::{Tier, TierLimits};

	/// The in-code storage version. 2: rate-limit counts by window ([`TransactionCount`]
	/// became a double map).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults for test runtimes: a mock that puts
	/// `#[derive_impl(pallet_kyc::config_preludes::TestDefaultConfig)]` on its
	/// `impl pallet_kyc::Config` states only the origin, the clock and the gate's table, and
	/// whatever it wants different.
	pub mod config_preludes {
		use super::*;
		use frame_support::{
			derive_impl,
			traits::{ConstU32, ConstU64},
		};

		/// A 10-block rate-limit window, 1,000 official transactions per window, four
		/// providers, unit weights.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			#[inject_runtime_type]
			type RuntimeEvent = ();
			type RateLimitWindow = ConstU64<10>;
			type OfficialTransactionsPerWindow = ConstU32<1_000>;
			type MaxProviders = ConstU32<4>;
			type WeightInfo = ();
		}
	}

	#[pallet::config(with_default)]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		#[pallet::no_default_bounds]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The origin that accredits providers, sets tier limits and may act on any account:
		/// the Board of the central bank.
		#[pallet::no_default]
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The clock for KYC expiry (ms since the epoch).
		#[pallet::no_default]
		type Time: Time<Moment = Moment>;

		/// The gate's table: which roles may sign which call, how long the transaction may
		/// be, and the roles (issuer, governor, validator, sudo) the runtime knows of.
		#[pallet::no_default]
		type CallRules: CallRules<Self::AccountId, <Self as frame_system::Config>::RuntimeCall>;

		/// Length, in blocks, of the window over which a tier's transaction count is limited.
		#[pallet::constant]
		#[pallet::no_default_bounds]
		type RateLimitWindow: Get<BlockNumberFor<Self>>;

		/// Transactions per window an account may sign in an official role (issuer,
		/// governor, validator, sudo key), whatever its KYC tier.
		#[pallet::constant]
		type OfficialTransactionsPerWindow: Get<u32>;

		/// Most accredited providers at once.
		#[pallet::constant]
		type MaxProviders: Get<u32>;

		/// Weights of this pallet's calls and of the gate.
		type WeightInfo: WeightInfo;
	}

	/// Accredited KYC providers.
	#[pallet::storage]
	pub type Providers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, ProviderInfo, OptionQuery>;

	/// The number of entries in [`Providers`].
	#[pallet::storage]
	pub type ProviderCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Permissioned accounts.
	#[pallet::storage]
	pub type Accounts<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountRecord<T::AccountId>, OptionQuery>;

	/// Limits per tier, where governance changed them; otherwise
	/// [`TierLimits::default_for`] applies.
	#[pallet::storage]
	pub type Limits<T: Config> = StorageMap<_, Twox64Concat, Tier, TierLimits, OptionQuery>;

	/// Transactions each account had included in a rate-limit window, by window index, then
	/// account. Only the current window counts; `on_idle` clears the ones before it, so the map
	/// holds about one window's signers, not every account that ever transacted.
	#[pallet::storage]
	pub type TransactionCount<T: Config> =
		StorageDoubleMap<_, Twox64Concat, u32, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The oldest window whose counts may not be cleared yet.
	#[pallet::storage]
	pub type OldestCountedWindow<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Accredited providers at genesis.
		pub providers: alloc::vec::Vec<T::AccountId>,
		/// Registered accounts at genesis: `(account, provider, tier, expires_at, linked_bank)`.
		/// The commitment is left zero for genesis accounts.
		pub accounts:
			alloc::vec::Vec<(T::AccountId, T::AccountId, Tier, Moment, Option<T::AccountId>)>,
		/// Tier limits that differ from the defaults.
		pub limits: alloc::vec::Vec<(Tier, TierLimits)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for provider in &self.providers {
				Pallet::<T>::do_accredit_provider(provider.clone())
					.expect("genesis providers are distinct and within MaxProviders");
			}
			for (who, provider, tier, expires_at, linked_bank) in &self.accounts {
				Pallet::<T>::do_register_account(
					provider.clone(),
					who.clone(),
					*tier,
					*expires_at,
					[0u8; 32],
					linked_bank.clone(),
				)
				.expect("genesis accounts are distinct, their providers accredited");
			}
			for (tier, limits) in &self.limits {
				Pallet::<T>::do_set_tier_limits(*tier, *limits)
					.expect("genesis tier limits are consistent");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance accredited a KYC provider.
		ProviderAccredited { provider: T::AccountId },
		/// Governance suspended a provider: it can no longer register or manage accounts.
		ProviderSuspended { provider: T::AccountId },
		/// Governance lifted a provider's suspension.
		ProviderReinstated { provider: T::AccountId },
		/// Governance removed a provider that had no customers left.
		ProviderRemoved { provider: T::AccountId },
		/// A provider (or governance) registered an account.
		AccountRegistered {
			who: T::AccountId,
			provider: T::AccountId,
			tier: Tier,
			expires_at: Moment,
		},
		/// An account moved to another tier.
		TierChanged { who: T::AccountId, from: Tier, to: Tier, by: Actor<T::AccountId> },
		/// An account's KYC was renewed until `expires_at`.
		AccountRenewed { who: T::AccountId, expires_at: Moment, by: Actor<T::AccountId> },
		/// An account was suspended.
		AccountSuspended { who: T::AccountId, by: Actor<T::AccountId> },
		/// An account's suspension was lifted.
		AccountReinstated { who: T::AccountId, by: Actor<T::AccountId> },
		/// An account was revoked for good; it can still receive refunds.
		AccountRevoked { who: T::AccountId, by: Actor<T::AccountId> },
		/// An account's linked bank account changed.
		LinkedBankChanged { who: T::AccountId, bank: Option<T::AccountId>, by: Actor<T::AccountId> },
		/// Governance moved an account to another provider.
		CustomerTransferred { who: T::AccountId, from: T::AccountId, to: T::AccountId },
		/// Governance changed a tier's limits.
		TierLimitsChanged { tier: Tier, limits: TierLimits },
		/// An account was frozen (it cannot send) or unfrozen.
		FrozenChanged { who: T::AccountId, frozen: bool },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not an accredited KYC provider.
		NotAProvider,
		/// The provider is suspended and cannot act.
		ProviderSuspended,
		/// The account is already an accredited provider.
		AlreadyAProvider,
		/// The provider still has customers; revoke or transfer them first.
		ProviderHasCustomers,
		/// No more providers can be accredited ([`Config::MaxProviders`]).
		TooManyProviders,
		/// The account is already registered.
		AlreadyRegistered,
		/// The account is not registered.
		NotRegistered,
		/// The account belongs to another provider.
		NotYourCustomer,
		/// The expiry is not in the future.
		Expired,
		/// The account was revoked; nothing about it can change any more.
		Revoked,
		/// The account is already suspended.
		AlreadySuspended,
		/// The account is not suspended.
		NotSuspended,
		/// The account already has this tier.
		TierUnchanged,
		/// A linked bank account must be an active Institution-tier account other than the
		/// account itself.
		InvalidLinkedBank,
		/// The limits are inconsistent (a day allows more than a month, a voucher more than a
		/// purse, or zero transactions per window).
		InconsistentLimits,
		/// The account is already in the requested frozen state.
		FrozenUnchanged,
		/// Only governance registers Institution-tier accounts (banks' reserves, the issuer)
		/// or moves an account into or out of that tier: it has no limits.
		InstitutionNeedsGovernance,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxProviders::get() > 0, "MaxProviders must allow at least one provider");
			assert!(
				T::RateLimitWindow::get() > 0u32.into(),
				"RateLimitWindow must be at least one block"
			);
			for tier in Tier::ALL {
				assert!(
					TierLimits::default_for(tier).is_consistent(),
					"default limits of {tier:?}"
				);
			}
		}

		/// Clear the rate-limit counts of past windows, within the block's spare weight.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_past_windows(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Accredit `provider` as a KYC provider.
		///
		/// Origin: governance. Emits [`Event::ProviderAccredited`].
		/// Errors: [`Error::AlreadyAProvider`], [`Error::TooManyProviders`]. O(1).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::accredit_provider())]
		pub fn accredit_provider(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_accredit_provider(provider)
		}

		/// Suspend `provider`: it can no longer register or manage accounts.
		///
		/// Origin: governance. Emits [`Event::ProviderSuspended`].
		/// Errors: [`Error::NotAProvider`], [`Error::ProviderSuspended`]. O(1).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::suspend_provider())]
		pub fn suspend_provider(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_provider_status(provider, ProviderStatus::Suspended)
		}

		/// Lift `provider`'s suspension.
		///
		/// Origin: governance. Emits [`Event::ProviderReinstated`].
		/// Errors: [`Error::NotAProvider`], [`Error::NotSuspended`]. O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::suspend_provider())]
		pub fn reinstate_provider(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_provider_status(provider, ProviderStatus::Active)
		}

		/// Remove `provider`'s accreditation. It must have no customers left.
		///
		/// Origin: governance. Emits [`Event::ProviderRemoved`].
		/// Errors: [`Error::NotAProvider`], [`Error::ProviderHasCustomers`]. O(1).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_provider())]
		pub fn remove_provider(origin: OriginFor<T>, provider: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_provider(provider)
		}

		/// Register `who` as a permissioned account of the calling provider.
		///
		/// Origin: an active provider; it becomes the account's provider. (Governance manages
		/// existing accounts and can move them with [`Pallet::transfer_customer`]; it registers
		/// Institution accounts with [`Pallet::register_institution`].)
		/// Emits [`Event::AccountRegistered`].
		/// Errors: [`Error::NotAProvider`], [`Error::ProviderSuspended`],
		/// [`Error::InstitutionNeedsGovernance`], [`Error::AlreadyRegistered`],
		/// [`Error::Expired`], [`Error::InvalidLinkedBank`]. O(1).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_account())]
		pub fn register_account(
			origin: OriginFor<T>,
			who: T::AccountId,
			tier: Tier,
			expires_at: Moment,
			commitment: Commitment,
			linked_bank: Option<T::AccountId>,
		) -> DispatchResult {
			let provider = Self::ensure_active_provider(origin)?;
			ensure!(tier != Tier::Institution, Error::<T>::InstitutionNeedsGovernance);
			Self::do_register_account(provider, who, tier, expires_at, commitment, linked_bank)
		}

		/// Move `who` to `tier` (upgrade or downgrade).
		///
		/// Origin: `who`'s provider, or governance; only governance moves an account into or
		/// out of the Institution tier. Emits [`Event::TierChanged`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`],
		/// [`Error::TierUnchanged`], [`Error::InstitutionNeedsGovernance`]. O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::manage_account())]
		pub fn set_tier(origin: OriginFor<T>, who: T::AccountId, tier: Tier) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_set_tier(actor, who, tier)
		}

		/// Renew `who`'s KYC until `expires_at`.
		///
		/// Origin: `who`'s provider, or governance. Emits [`Event::AccountRenewed`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`],
		/// [`Error::Expired`]. O(1).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::manage_account())]
		pub fn renew(
			origin: OriginFor<T>,
			who: T::AccountId,
			expires_at: Moment,
		) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_renew(actor, who, expires_at)
		}

		/// Suspend `who`: it cannot transact until reinstated.
		///
		/// Origin: `who`'s provider, or governance. Emits [`Event::AccountSuspended`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`],
		/// [`Error::AlreadySuspended`]. O(1).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::manage_account())]
		pub fn suspend_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_set_account_status(actor, who, AccountStatus::Suspended)
		}

		/// Lift `who`'s suspension.
		///
		/// Origin: `who`'s provider, or governance. Emits [`Event::AccountReinstated`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`],
		/// [`Error::NotSuspended`]. O(1).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::manage_account())]
		pub fn reinstate_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_set_account_status(actor, who, AccountStatus::Active)
		}

		/// Revoke `who` for good. It keeps its record (and can receive refunds) but can never
		/// transact again.
		///
		/// Origin: `who`'s provider, or governance. Emits [`Event::AccountRevoked`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`]. O(1).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::manage_account())]
		pub fn revoke_account(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_set_account_status(actor, who, AccountStatus::Revoked)
		}

		/// Set or clear the bank account that receives `who`'s credit above its holding limit.
		///
		/// Origin: `who`'s provider, or governance. Emits [`Event::LinkedBankChanged`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotYourCustomer`], [`Error::Revoked`],
		/// [`Error::InvalidLinkedBank`]. O(1).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::set_linked_bank())]
		pub fn set_linked_bank(
			origin: OriginFor<T>,
			who: T::AccountId,
			bank: Option<T::AccountId>,
		) -> DispatchResult {
			let actor = Self::ensure_provider_or_governance(origin)?;
			Self::do_set_linked_bank(actor, who, bank)
		}

		/// Set the limits of `tier`.
		///
		/// Origin: governance. Emits [`Event::TierLimitsChanged`].
		/// Errors: [`Error::InconsistentLimits`]. O(1).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_tier_limits())]
		pub fn set_tier_limits(
			origin: OriginFor<T>,
			tier: Tier,
			limits: TierLimits,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_tier_limits(tier, limits)
		}

		/// Move `who` to another provider (e.g. when its bank loses its licence).
		///
		/// Origin: governance. Emits [`Event::CustomerTransferred`].
		/// Errors: [`Error::NotRegistered`], [`Error::NotAProvider`]. O(1).
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::transfer_customer())]
		pub fn transfer_customer(
			origin: OriginFor<T>,
			who: T::AccountId,
			new_provider: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_transfer_customer(who, new_provider)
		}

		/// Register `who` as an Institution-tier account (a bank's reserve account, the
		/// issuer's account) kept by `provider`. Institution accounts have no limits and may
		/// receive minted money, so only governance creates them.
		///
		/// Origin: governance. Emits [`Event::AccountRegistered`].
		/// Errors: [`Error::NotAProvider`], [`Error::AlreadyRegistered`], [`Error::Expired`].
		/// O(1).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::register_account())]
		pub fn register_institution(
			origin: OriginFor<T>,
			who: T::AccountId,
			provider: T::AccountId,
			expires_at: Moment,
			commitment: Commitment,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_register_account(
				provider,
				who,
				Tier::Institution,
				expires_at,
				commitment,
				None,
			)
		}
	}
}
