//! `kyc_*` JSON-RPC methods: an account's KYC status with its limits, the providers, the tier
//! limits; read through the KYC runtime API at the best block (or the block given).

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	types::error::{ErrorObject, ErrorObjectOwned},
};
pub use pallet_kyc_runtime_api::KycApi as KycRuntimeApi;
use rupee_primitives::{
	views::{AccountStatusView, ProviderView},
	Tier, TierLimits,
};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use rupee_rpc_api::{
	kyc::{KycApiClient, KycApiServer},
	RUNTIME_ERROR,
};

/// The `kyc_*` methods over a client.
pub struct Kyc<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Kyc<C, Block> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId> KycApiServer<Block::Hash, AccountId> for Kyc<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: KycRuntimeApi<Block, AccountId>,
	AccountId: codec::Codec + Clone + Send + Sync + Serialize + 'static,
{
	fn account_status(
		&self,
		who: AccountId,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<AccountStatusView<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().account_status(at, who).map_err(runtime_error)
	}

	fn providers(&self, at: Option<Block::Hash>) -> RpcResult<Vec<ProviderView<AccountId>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().providers(at).map_err(runtime_error)
	}

	fn tier_limits(&self, at: Option<Block::Hash>) -> RpcResult<Vec<(Tier, TierLimits)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().tier_limits(at).map_err(runtime_error)
	}
}
