//! Runtime API of the Digital Rupee ledger: what wallets and auditors read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::{Codec, Decode, Encode};
pub use pallet_rupee::{AccountView, TransferError};
use rupee_primitives::Balance;
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// The money supply, for auditors.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Supply<AccountId> {
	/// Money in existence: balances plus escrows.
	#[serde(with = "rupee_primitives::json::amount")]
	pub total_issuance: Balance,
	/// Of which in offline escrow.
	#[serde(with = "rupee_primitives::json::amount")]
	pub total_escrowed: Balance,
	/// Most money that may exist.
	#[serde(with = "rupee_primitives::json::amount")]
	pub supply_ceiling: Balance,
	/// The account that mints and burns.
	pub issuer: Option<AccountId>,
}

sp_api::decl_runtime_apis! {
	/// Read-only ledger queries.
	pub trait RupeeApi<AccountId> where AccountId: Codec {
		/// `who`'s balance, escrow and limits.
		fn account(who: AccountId) -> AccountView;
		/// Total issuance, escrow, ceiling and issuer.
		fn supply() -> Supply<AccountId>;
		/// The balance of every accredited bank's own account (its reserve).
		fn bank_reserves() -> alloc::vec::Vec<(AccountId, Balance)>;
		/// Would `from` paying `to` `amount` paisa go through right now? The reason if not.
		/// Changes nothing.
		fn can_transfer(from: AccountId, to: AccountId, amount: Balance) -> Result<(), TransferError>;
	}
}
