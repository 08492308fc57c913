//! Runtime API of the Digital Rupee ledger: what wallets and auditors read.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;
pub use pallet_rupee::TransferError;
pub use rupee_primitives::views::{AccountView, Supply};
use rupee_primitives::Balance;

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
