//! `rupee_*`: balances, supply and the transfer dry run.

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned, INVALID_PARAMS_CODE},
};
use rupee_primitives::{
	json::Paisa,
	views::{AccountView, Supply},
	Balance,
};
use serde::{Deserialize, Serialize};

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

/// An amount in paisa. Sent as a decimal string as well as a number would lose precision in
/// JavaScript above 2^53 paisa; both forms are accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Amount {
	Number(u64),
	Text(String),
}

impl Amount {
	/// The amount, or an invalid-params error for text that is not a whole number of paisa.
	pub fn paisa(&self) -> Result<Balance, ErrorObjectOwned> {
		match self {
			Amount::Number(n) => Ok(*n as Balance),
			Amount::Text(text) => text.parse::<Balance>().map_err(|_| {
				ErrorObject::owned(
					INVALID_PARAMS_CODE,
					"amount must be a whole number of paisa",
					Some(text.clone()),
				)
			}),
		}
	}
}

impl From<Balance> for Amount {
	fn from(paisa: Balance) -> Self {
		Amount::Text(paisa.to_string())
	}
}

#[rpc(client, server)]
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
