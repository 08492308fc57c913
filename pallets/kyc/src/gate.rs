//! The transaction-pool gate: only permissioned accounts get a transaction into the chain.

use core::marker::PhantomData;

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{pallet_prelude::TransactionSource, traits::Contains, weights::Weight};
use rupee_primitives::PolicyError;
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Dispatchable, Implication,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
};

use crate::{functions::Admission, Config, Pallet, WeightInfo};

/// Rejects, at validation, every signed transaction whose signer may not transact, with
/// `InvalidTransaction::Custom(code)` where `code` is a [`rupee_primitives::PolicyError`]:
///
/// | code | reason |
/// |---|---|
/// | 1 | `NotPermissioned`: no KYC record, not a provider, not exempt |
/// | 2 | `Expired`: the account's KYC has lapsed |
/// | 3 | `Suspended`: the account is suspended |
/// | 4 | `Revoked`: the account is revoked |
/// | 6 | `RateLimited`: the tier's transactions per window are used up |
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

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckPermission<T>
where
	T::RuntimeCall: Dispatchable<RuntimeOrigin = T::RuntimeOrigin>,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
{
	const IDENTIFIER: &'static str = "CheckPermission";
	type Implicit = ();
	/// The signer to count against the rate limit, if any.
	type Val = Option<T::AccountId>;
	type Pre = ();

	fn weight(&self, _: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_permission()
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<T::RuntimeCall>,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_system_origin_signer() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let admission = Pallet::<T>::admission(who).and_then(|admission| {
			let exempt = matches!(admission, Admission::Exempt);
			if !exempt && T::GovernanceOnlyCalls::contains(call) {
				return Err(PolicyError::GovernanceOnly);
			}
			Ok(admission)
		});
		let counted = match admission {
			Ok(Admission::Exempt) => None,
			Ok(Admission::RateLimited(_)) => Some(who.clone()),
			Err(reason) => {
				log::debug!(target: crate::LOG_TARGET, "gate refused {who:?}: {reason:?}");
				return Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
					reason.code(),
				)));
			},
		};
		Ok((ValidTransaction::default(), counted, origin))
	}

	fn prepare(
		self,
		counted: Self::Val,
		_origin: &DispatchOriginOf<T::RuntimeCall>,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some(who) = counted {
			Pallet::<T>::note_transaction(&who);
		}
		Ok(())
	}

	impl_tx_ext_default!(T::RuntimeCall; );
}
