//! `kyc_*`: an account's KYC status with its limits, the providers, the tier limits.

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use rupee_primitives::{
	views::{AccountStatusView, ProviderView},
	Tier, TierLimits,
};

#[rpc(client, server)]
pub trait KycApi<BlockHash, AccountId> {
	/// `who`'s KYC status (provider, tier, expiry, status, frozen, linked bank, limits used and
	/// left today and this month), or `null` if no provider registered it.
	#[method(name = "kyc_accountStatus")]
	fn account_status(
		&self,
		who: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<AccountStatusView<AccountId>>>;

	/// The accredited KYC providers.
	#[method(name = "kyc_providers")]
	fn providers(&self, at: Option<BlockHash>) -> RpcResult<Vec<ProviderView<AccountId>>>;

	/// The limits of every tier.
	#[method(name = "kyc_tierLimits")]
	fn tier_limits(&self, at: Option<BlockHash>) -> RpcResult<Vec<(Tier, TierLimits)>>;
}
