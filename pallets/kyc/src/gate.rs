//! The transaction-pool gate: only permissioned accounts get a transaction into the chain, and
//! only the calls their role needs.
//!
//! Two transaction extensions share one decision ([`Pallet::gate_decision`]):
//! * [`CheckPermission`], before the nonce check, refuses a signer that may not sign the call
//!   (who, what, how long, frozen);
//! * [`CheckNonceInWindow`] replaces `frame_system::CheckNonce` (same identifier, same encoding:
//!   clients see no difference). It checks the nonce and refuses, at submission, a transaction
//!   that would go over the tier's rate limit counting the signer's transactions already waiting
//!   in the pool (the nonces between the account's and this one). A burst over the limit is
//!   therefore refused before it enters the pool, and never strands the account's later nonces.

use core::marker::PhantomData;

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::DispatchInfo, pallet_prelude::TransactionSource, traits::Get, weights::Weight,
};
use frame_system::CheckNonce;
use rupee_primitives::PolicyError;
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
		PostDispatchInfoOf, SaturatedConversion, Saturating, TransactionExtension, ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionLongevity, TransactionValidityError, ValidTransaction,
	},
	DispatchResult,
};

use crate::{AccountStatus, Accounts, Config, Pallet, ProviderStatus, Providers, WeightInfo};

/// A set of roles an account may hold. A signer may sign a call if it holds one of the roles
/// the call's [`CallRule`] names.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Roles(u8);

impl Roles {
	/// No role.
	pub const NONE: Self = Self(0);
	/// An active, unexpired KYC'd account of any tier (citizen, merchant, a bank's reserve).
	pub const CUSTOMER: Self = Self(1);
	/// An active, accredited KYC provider (a bank).
	pub const PROVIDER: Self = Self(1 << 1);
	/// The ledger's issuer account.
	pub const ISSUER: Self = Self(1 << 2);
	/// A member of the central bank's Board.
	pub const GOVERNOR: Self = Self(1 << 3);
	/// A validator in the current set.
	pub const VALIDATOR: Self = Self(1 << 4);
	/// The sudo key (the development chain only; other chains have none).
	pub const SUDO: Self = Self(1 << 5);
	/// The roles the runtime knows about ([`CallRules::official_roles`]); the pallet knows
	/// customers and providers itself. Calls signed in an official role count against
	/// [`Config::OfficialTransactionsPerWindow`], whatever the signer's KYC tier.
	pub const OFFICIAL: Self =
		Self(Self::ISSUER.0 | Self::GOVERNOR.0 | Self::VALIDATOR.0 | Self::SUDO.0);

	/// Both sets together.
	pub const fn or(self, other: Self) -> Self {
		Self(self.0 | other.0)
	}

	/// The roles in both sets.
	pub const fn and(self, other: Self) -> Self {
		Self(self.0 & other.0)
	}

	/// Whether the set is empty.
	pub const fn is_empty(self) -> bool {
		self.0 == 0
	}

	/// Whether every role of `other` is in this set.
	pub const fn contains(self, other: Self) -> bool {
		self.0 & other.0 == other.0
	}
}

/// What the gate lets through for one call: who may sign it and how long the whole signed
/// transaction may be.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct CallRule {
	/// The roles that may sign the call.
	pub roles: Roles,
	/// The longest signed transaction (in bytes) carrying the call.
	pub max_length: u32,
	/// The call spends the signer's money: a frozen signer is refused ([`PolicyError::Frozen`]).
	pub spends: bool,
	/// How many transactions it counts as against the signer's rate limit (a batch counts as
	/// several), at least 1.
	pub units: u32,
}

/// The runtime's table of who may sign what. Implemented once, in the runtime.
pub trait CallRules<AccountId, Call> {
	/// The rule for `call`; `None` if no signer may sign it (it reaches the chain only through
	/// governance, or not at all).
	fn rule(call: &Call) -> Option<CallRule>;

	/// The roles among [`Roles::OFFICIAL`] that `who` holds.
	fn official_roles(who: &AccountId) -> Roles;

	/// Checks of the call's arguments that its declared weight depends on (a motion that is
	/// open, a bound within the chain's), made only once the signer may sign the call.
	fn check_arguments(call: &Call) -> Result<(), PolicyError>;

	/// A call a customer may sign, for the gate's benchmarks.
	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_customer_call() -> Call;
}

/// The gate's answer for a signer that may sign a call: the transactions per window it may
/// sign in the role it signs in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Admission {
	/// Signed in an official role: counted against
	/// [`Config::OfficialTransactionsPerWindow`].
	Official,
	/// Signed as a customer or provider: counted against its tier's transactions per window.
	RateLimited(u32),
}

impl Admission {
	/// Transactions per window allowed in this role.
	pub fn limit<T: Config>(self) -> u32 {
		match self {
			Self::Official => T::OfficialTransactionsPerWindow::get(),
			Self::RateLimited(limit) => limit,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// May `who` sign `call` in a transaction of `length` bytes? The one decision behind both
	/// of the gate's extensions and the `kyc_canSign`-style dry runs.
	///
	/// Reads only what the call's rule needs: a customer's transfer reads the signer's KYC
	/// record and nothing else; official roles are read only for calls an official may sign.
	pub fn gate_decision(
		who: &T::AccountId,
		call: &<T as frame_system::Config>::RuntimeCall,
		length: usize,
	) -> Result<Admission, PolicyError> {
		let Some(rule) = T::CallRules::rule(call) else {
			return Err(Self::refusal_for(who, Roles::NONE));
		};
		let record = Accounts::<T>::get(who);
		let customer = rule.roles.contains(Roles::CUSTOMER)
			&& record.as_ref().is_some_and(|record| Self::check_active(record).is_ok());
		let official = if rule.roles.and(Roles::OFFICIAL).is_empty() {
			Roles::NONE
		} else {
			T::CallRules::official_roles(who).and(rule.roles)
		};
		let provider = !customer
			&& official.is_empty()
			&& rule.roles.contains(Roles::PROVIDER)
			&& Self::is_active_provider(who);
		if !customer && !provider && official.is_empty() {
			return Err(Self::refusal_for(who, rule.roles));
		}
		if length > rule.max_length as usize {
			return Err(PolicyError::TooLong);
		}
		T::CallRules::check_arguments(call)?;
		if !official.is_empty() {
			return Ok(Admission::Official);
		}
		if customer {
			let record = record.as_ref().expect("customer implies a record; qed");
			if rule.spends && record.frozen {
				return Err(PolicyError::Frozen);
			}
			return Ok(Admission::RateLimited(
				Self::limits_of(record.tier).transactions_per_window,
			));
		}
		Ok(Admission::RateLimited(
			Self::limits_of(rupee_primitives::Tier::Institution).transactions_per_window,
		))
	}

	/// Why `who` may not sign a call that `allowed` roles may sign: its own standing first
	/// (no record, expired, suspended, revoked), then the call.
	fn refusal_for(who: &T::AccountId, allowed: Roles) -> PolicyError {
		let record = Accounts::<T>::get(who);
		let standing = match &record {
			Some(record) => Self::check_active(record).err(),
			None => Some(PolicyError::NotPermissioned),
		};
		let has_role = standing.is_none()
			|| Self::is_active_provider(who)
			|| !T::CallRules::official_roles(who).is_empty();
		match standing {
			Some(reason) if !has_role => reason,
			// An account with a lapsed record that is still, say, a provider: the call decides.
			Some(reason) if allowed.contains(Roles::CUSTOMER) && record.is_some() => reason,
			_ if allowed == Roles::GOVERNOR => PolicyError::GovernanceOnly,
			_ => PolicyError::CallNotAllowed,
		}
	}

	fn is_active_provider(who: &T::AccountId) -> bool {
		Providers::<T>::get(who).is_some_and(|info| info.status == ProviderStatus::Active)
	}

	/// Whether `record` may transact now, frozen or not.
	pub(crate) fn check_active(
		record: &crate::AccountRecord<T::AccountId>,
	) -> Result<(), PolicyError> {
		match record.status {
			AccountStatus::Revoked => Err(PolicyError::Revoked),
			AccountStatus::Suspended => Err(PolicyError::Suspended),
			AccountStatus::Active if record.expires_at <= Self::now() => Err(PolicyError::Expired),
			AccountStatus::Active => Ok(()),
		}
	}
}

/// What `call` counts as against its signer's rate limit.
fn units<T: Config>(call: &<T as frame_system::Config>::RuntimeCall) -> u32 {
	T::CallRules::rule(call).map_or(1, |rule| rule.units.max(1))
}

fn refuse(reason: PolicyError) -> TransactionValidityError {
	TransactionValidityError::Invalid(InvalidTransaction::Custom(reason.code()))
}

/// Rejects, at validation, every signed transaction whose signer may not sign its call, with
/// `InvalidTransaction::Custom(code)` where `code` is a [`rupee_primitives::PolicyError`]:
///
/// | code | reason |
/// |---|---|
/// | 1 | `NotPermissioned`: no KYC record, not a provider, no official role |
/// | 2 | `Expired`: the account's KYC has lapsed |
/// | 3 | `Suspended`: the account is suspended |
/// | 4 | `Revoked`: the account is revoked |
/// | 5 | `Frozen`: the account is frozen and the call spends its money |
/// | 6 | `RateLimited`: the tier's transactions per window are used up (see [`CheckNonceInWindow`]) |
/// | 7 | `GovernanceOnly`: only governors may sign the call |
/// | 8 | `CallNotAllowed`: no role of the signer may sign the call |
/// | 9 | `TooLong`: the transaction is longer than the call's rule allows |
/// | 10 | `ArgumentRefused`: a motion that is not open, a bound above the chain's |
///
/// Unsigned transactions and inherents pass through: other extensions and the pallets'
/// `validate_unsigned` judge them.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckPermission<T: Config + Send + Sync>(PhantomData<T>);

impl<T: Config + Send + Sync> CheckPermission<T> {
	/// The gate; it carries no data in the transaction.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T: Config + Send + Sync> Default for CheckPermission<T> {
	fn default() -> Self {
		Self::new()
	}
}

impl<T: Config + Send + Sync> core::fmt::Debug for CheckPermission<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckPermission")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckPermission<T>
where
	<T as frame_system::Config>::RuntimeCall: Dispatchable<RuntimeOrigin = T::RuntimeOrigin>,
	<<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin:
		AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckPermission";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		// The benchmark measures a customer's call. A call an official may sign also reads
		// the official roles (up to four items) and its argument checks (up to three: a
		// motion's votes, the Board, a preimage's request).
		let official = T::CallRules::rule(call)
			.is_some_and(|rule| !rule.roles.and(Roles::OFFICIAL).is_empty());
		let extra = if official { 7 } else { 0 };
		T::WeightInfo::check_permission()
			.saturating_add(<T as frame_system::Config>::DbWeight::get().reads(extra))
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		length: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), (), origin));
		};
		if let Err(reason) = Pallet::<T>::gate_decision(who, call, length) {
			log::debug!(target: crate::LOG_TARGET, "gate refused {who:?}: {reason:?}");
			return Err(refuse(reason));
		}
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(<T as frame_system::Config>::RuntimeCall; prepare);
}

/// `frame_system::CheckNonce` with the tier's rate limit: the nonce check and increment
/// (replay protection), and a refusal with code 6 (`RateLimited`) of a transaction that, with
/// the signer's transactions already counted in this window and those waiting in the pool
/// before it, would go over the limit. Same identifier and encoding as
/// `frame_system::CheckNonce`, so every client fills it in as it always did.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckNonceInWindow<T: Config>(#[codec(compact)] pub T::Nonce);

impl<T: Config> CheckNonceInWindow<T> {
	/// The extension for a transaction with `nonce`.
	pub fn from(nonce: T::Nonce) -> Self {
		Self(nonce)
	}
}

impl<T: Config> core::fmt::Debug for CheckNonceInWindow<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckNonceInWindow({:?})", self.0)
	}
}

/// What [`CheckNonceInWindow`] carries from validation to preparation.
pub enum NonceVal<AccountId> {
	/// Unsigned: nothing to do.
	Unsigned,
	/// Increment the signer's nonce and count the transaction.
	Signed(AccountId),
}

impl<T: Config + Send + Sync> TransactionExtension<<T as frame_system::Config>::RuntimeCall>
	for CheckNonceInWindow<T>
where
	<T as frame_system::Config>::RuntimeCall:
		Dispatchable<RuntimeOrigin = T::RuntimeOrigin, Info = DispatchInfo>,
	<<T as frame_system::Config>::RuntimeCall as Dispatchable>::RuntimeOrigin:
		AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = NonceVal<T::AccountId>;
	/// The weight to refund: all of it for an unsigned transaction.
	type Pre = Weight;

	fn weight(&self, _: &<T as frame_system::Config>::RuntimeCall) -> Weight {
		T::WeightInfo::check_nonce_in_window()
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		length: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, <T as frame_system::Config>::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), NonceVal::Unsigned, origin));
		};
		let info = CheckNonce::<T>::validate_nonce_for_account(who, self.0)?;
		// `CheckPermission` ran first with the same state: the decision stands here too.
		let limit = Pallet::<T>::gate_decision(who, call, length).map_err(refuse)?.limit::<T>();
		let account_nonce = frame_system::Pallet::<T>::account_nonce(who);
		let waiting: u32 = self.0.saturating_sub(account_nonce).saturated_into();
		let used = Pallet::<T>::transactions_in_window(who);
		if used.saturating_add(waiting).saturating_add(units::<T>(call)) > limit {
			return Err(refuse(PolicyError::RateLimited));
		}
		let validity = ValidTransaction {
			priority: 0,
			requires: info.requires,
			provides: info.provides,
			longevity: TransactionLongevity::MAX,
			propagate: true,
		};
		Ok((validity, NonceVal::Signed(who.clone()), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &DispatchOriginOf<<T as frame_system::Config>::RuntimeCall>,
		call: &<T as frame_system::Config>::RuntimeCall,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		let NonceVal::Signed(who) = val else {
			return Ok(self.weight(call));
		};
		CheckNonce::<T>::prepare_nonce_for_account(&who, self.0)?;
		Pallet::<T>::note_transaction(&who, units::<T>(call));
		Ok(Weight::zero())
	}

	fn post_dispatch_details(
		refund: Self::Pre,
		_info: &DispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_post_info: &PostDispatchInfoOf<<T as frame_system::Config>::RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		Ok(refund)
	}
}

/// A table that lets customers and providers sign any call, of any length, and knows no
/// official roles. For the mock runtimes of pallets that use this one; never for a chain.
pub struct Permissive<T>(PhantomData<T>);

impl<T: frame_system::Config> CallRules<T::AccountId, <T as frame_system::Config>::RuntimeCall>
	for Permissive<T>
{
	fn rule(_: &<T as frame_system::Config>::RuntimeCall) -> Option<CallRule> {
		Some(CallRule {
			roles: Roles::CUSTOMER.or(Roles::PROVIDER),
			max_length: u32::MAX,
			spends: true,
			units: 1,
		})
	}

	fn official_roles(_: &T::AccountId) -> Roles {
		Roles::NONE
	}

	fn check_arguments(_: &<T as frame_system::Config>::RuntimeCall) -> Result<(), PolicyError> {
		Ok(())
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_customer_call() -> <T as frame_system::Config>::RuntimeCall {
		frame_system::Call::<T>::remark { remark: alloc::vec![] }.into()
	}
}
