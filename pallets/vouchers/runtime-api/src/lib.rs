//! Runtime API of the offline vouchers pallet: what wallets sync and check before redeeming.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;
pub use pallet_vouchers::{
	AttestationRequest, AttesterSet, DeviceKey, PurseProof, PurseStatus, PurseView, RedeemOutcome,
	Revocation, RevocationPage, RevocationReason, Voucher, VoucherRefusal, VoucherStatus,
};

sp_api::decl_runtime_apis! {
	/// Read-only voucher queries.
	#[api_version(4)]
	pub trait VouchersApi<AccountId> where AccountId: Codec {
		/// The purse of `device_key`, if one was ever funded.
		fn purse(device_key: DeviceKey) -> Option<PurseView<AccountId>>;
		/// Whether `voucher` was paid.
		fn voucher_status(voucher: Voucher) -> VoucherStatus;
		/// What redeeming `voucher` now would do, with the reason if it would be refused.
		/// Changes nothing.
		fn check_voucher(voucher: Voucher) -> RedeemOutcome;
		/// The whole revocation list and the BLAKE2-256 digest of its SCALE encoding.
		#[changed_in(2)]
		fn revocations() -> (alloc::vec::Vec<(DeviceKey, Revocation)>, [u8; 32]);
		/// One page of the revocation list (closed and compromised purses not yet settled):
		/// at most `limit` entries after `start_after` in storage order, the key to start the
		/// next page after (if any), and the digest of the whole list.
		fn revocations(start_after: Option<DeviceKey>, limit: u32) -> RevocationPage;
		/// The genesis hash vouchers for this chain must carry.
		fn genesis_hash() -> [u8; 32];
		/// The purse's proof (its latest statement signed by more than two thirds of the
		/// validators), once complete. Since version 3.
		fn purse_proof(device_key: DeviceKey) -> Option<PurseProof>;
		/// The current GRANDPA authority set, against which proofs are checked offline. Since
		/// version 3.
		fn attesters() -> AttesterSet;
		/// Statements the validator with GRANDPA key `attester` has still to sign (at most
		/// `limit`): what its node's attester works through. Since version 3.
		fn attestation_requests(attester: [u8; 32], limit: u32) -> alloc::vec::Vec<AttestationRequest>;
		/// The highest counter of the purse the chain has redeemed (or seen reused), until the
		/// purse is settled: a wallet restored from a backup moves its next counter past it.
		/// Since version 4.
		fn highest_counter(device_key: DeviceKey) -> Option<u64>;
	}
}
