//! Runtime API of the KYC pallet: what a wallet shows about an account's permission, and the
//! list of accredited providers.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::{Codec, Decode, Encode};
use pallet_kyc::{AccountStatus, Moment, ProviderStatus};
use rupee_primitives::{LimitsUsage, Tier, TierLimits};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// An account's KYC status as a wallet shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountStatusView<AccountId> {
	pub provider: AccountId,
	pub tier: Tier,
	/// KYC expiry, ms since the epoch.
	pub expires_at: Moment,
	/// `active`, `suspended` or `revoked`.
	pub status: StatusName,
	/// Whether the KYC has lapsed (the status stays `active`; the provider must renew).
	pub expired: bool,
	pub frozen: bool,
	pub linked_bank: Option<AccountId>,
	/// The tier's limits and their use today and this month.
	pub usage: LimitsUsage,
}

/// An account or provider status, spelled for JSON.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusName {
	Active,
	Suspended,
	Revoked,
}

impl From<AccountStatus> for StatusName {
	fn from(status: AccountStatus) -> Self {
		match status {
			AccountStatus::Active => Self::Active,
			AccountStatus::Suspended => Self::Suspended,
			AccountStatus::Revoked => Self::Revoked,
		}
	}
}

impl From<ProviderStatus> for StatusName {
	fn from(status: ProviderStatus) -> Self {
		match status {
			ProviderStatus::Active => Self::Active,
			ProviderStatus::Suspended => Self::Suspended,
		}
	}
}

/// An accredited provider.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderView<AccountId> {
	pub provider: AccountId,
	pub status: StatusName,
	/// Accounts it registered that are not revoked.
	pub customers: u32,
}

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
