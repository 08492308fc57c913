//! `rupee_*` JSON-RPC methods: balances, supply and the transfer dry run, read through the
//! ledger's runtime API at the best block (or the block given).

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	types::error::{ErrorObject, ErrorObjectOwned},
};
pub use pallet_rupee_runtime_api::RupeeApi as RupeeRuntimeApi;
use pallet_rupee_runtime_api::TransferError;
use rupee_primitives::{
	json::Paisa,
	views::{AccountView, Supply},
};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use rupee_rpc_api::{
	rupee::{Amount, CanTransfer, RupeeApiClient, RupeeApiServer},
	RUNTIME_ERROR,
};

/// The answer of `rupee_canTransfer` for the runtime API's verdict.
pub fn can_transfer_answer(result: Result<(), TransferError>) -> CanTransfer {
	match result {
		Ok(()) => CanTransfer { ok: true, reason: None, code: None },
		Err(error) => {
			CanTransfer { ok: false, reason: Some(format!("{error:?}")), code: Some(error.code()) }
		},
	}
}

/// The `rupee_*` methods over a client.
pub struct Rupee<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Rupee<C, Block> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

/// A runtime API failure as a JSON-RPC error.
pub fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId> RupeeApiServer<Block::Hash, AccountId> for Rupee<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: RupeeRuntimeApi<Block, AccountId>,
	AccountId: codec::Codec + Clone + Send + Sync + 'static,
	AccountId: Serialize,
{
	fn account(&self, who: AccountId, at: Option<Block::Hash>) -> RpcResult<AccountView> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().account(at, who).map_err(runtime_error)
	}

	fn supply(&self, at: Option<Block::Hash>) -> RpcResult<Supply<AccountId>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().supply(at).map_err(runtime_error)
	}

	fn bank_reserves(&self, at: Option<Block::Hash>) -> RpcResult<Vec<(AccountId, Paisa)>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let reserves = self.client.runtime_api().bank_reserves(at).map_err(runtime_error)?;
		Ok(reserves.into_iter().map(|(bank, reserve)| (bank, Paisa(reserve))).collect())
	}

	fn can_transfer(
		&self,
		from: AccountId,
		to: AccountId,
		amount: Amount,
		at: Option<Block::Hash>,
	) -> RpcResult<CanTransfer> {
		let amount = amount.paisa()?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let result =
			self.client.runtime_api().can_transfer(at, from, to, amount).map_err(runtime_error)?;
		Ok(can_transfer_answer(result))
	}
}
