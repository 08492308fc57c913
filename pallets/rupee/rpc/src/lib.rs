//! `rupee_*` JSON-RPC methods: balances, supply and the transfer dry run, read through the
//! ledger's runtime API at the best block (or the block given).

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned},
};
pub use pallet_rupee_runtime_api::RupeeApi as RupeeRuntimeApi;
use pallet_rupee_runtime_api::{AccountView, Supply, TransferError};
use rupee_primitives::{json::Paisa, Balance};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The error code of a runtime API call that failed (e.g. an unknown block).
pub const RUNTIME_ERROR: i32 = 1;

/// The answer of `rupee_canTransfer`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CanTransfer {
	/// Whether the transfer would go through now.
	pub ok: bool,
	/// Why not: the `TransferError` name (e.g. `DailyDebitLimitExceeded`).
	pub reason: Option<String>,
	/// Why not: its stable numeric code.
	pub code: Option<u8>,
}

impl From<Result<(), TransferError>> for CanTransfer {
	fn from(result: Result<(), TransferError>) -> Self {
		match result {
			Ok(()) => Self { ok: true, reason: None, code: None },
			Err(error) => {
				Self { ok: false, reason: Some(format!("{error:?}")), code: Some(error.code()) }
			},
		}
	}
}

/// An amount in paisa. Sent as a decimal string as well as a number would lose precision in
/// JavaScript above 2^53 paisa; both forms are accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
	Number(u64),
	Text(String),
}

impl Amount {
	fn paisa(&self) -> Result<Balance, ErrorObjectOwned> {
		match self {
			Amount::Number(n) => Ok(*n as Balance),
			Amount::Text(text) => text.parse::<Balance>().map_err(|_| {
				ErrorObject::owned(
					jsonrpsee::types::error::INVALID_PARAMS_CODE,
					"amount must be a whole number of paisa",
					Some(text.clone()),
				)
			}),
		}
	}
}

#[rpc(server)]
pub trait RupeeApi<BlockHash, AccountId> {
	/// Balance, escrow and limits (used and left today and this month) of `who`.
	#[method(name = "rupee_account")]
	fn account(&self, who: AccountId, at: Option<BlockHash>) -> RpcResult<AccountView>;

	/// Total issuance, escrow, supply ceiling and issuer.
	#[method(name = "rupee_supply")]
	fn supply(&self, at: Option<BlockHash>) -> RpcResult<Supply<AccountId>>;

	/// Each accredited bank's reserve balance (a decimal string of paisa).
	#[method(name = "rupee_bankReserves")]
	fn bank_reserves(&self, at: Option<BlockHash>) -> RpcResult<Vec<(AccountId, Paisa)>>;

	/// Would `from` paying `to` `amount` paisa go through now? The exact reason if not.
	#[method(name = "rupee_canTransfer")]
	fn can_transfer(
		&self,
		from: AccountId,
		to: AccountId,
		amount: Amount,
		at: Option<BlockHash>,
	) -> RpcResult<CanTransfer>;
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
		Ok(result.into())
	}
}
