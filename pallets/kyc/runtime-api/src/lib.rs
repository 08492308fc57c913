//! Runtime API of the KYC pallet: what a wallet shows about an account's permission, and the
//! list of accredited providers.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use rupee_primitives::views::{AccountStatusView, ProviderView, StatusName};
use rupee_primitives::{Tier, TierLimits};

sp_api::decl_runtime_apis! {
	/// Read-only KYC queries for wallets and operators.
	pub trait KycApi<AccountId> where AccountId: Codec {
		/// `who`'s KYC status, or `None` if no provider registered it.
		fn account_status(who: AccountId) -> Option<AccountStatusView<AccountId>>;
		/// All accredited providers.
		fn providers() -> Vec<ProviderView<AccountId>>;
		/// The limits of every tier.
		fn tier_limits() -> Vec<(Tier, TierLimits)>;
	}
}
