//! Runtime API of the offline vouchers pallet: what wallets sync and check before redeeming.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use codec::Codec;
pub use pallet_vouchers::{
	DeviceKey, PurseStatus, PurseView, RedeemOutcome, Revocation, RevocationReason, Voucher,
	VoucherRefusal, VoucherStatus,
};

sp_api::decl_runtime_apis! {
	/// Read-only voucher queries.
	pub trait VouchersApi<AccountId> where AccountId: Codec {
		/// The purse of `device_key`, if one was ever funded.
		fn purse(device_key: DeviceKey) -> Option<PurseView<AccountId>>;
		/// Whether `voucher` was paid.
		fn voucher_status(voucher: Voucher) -> VoucherStatus;
		/// What redeeming `voucher` now would do, with the reason if it would be refused.
		/// Changes nothing.
		fn check_voucher(voucher: Voucher) -> RedeemOutcome;
		/// The revocation list (closed and compromised purses not yet settled) and the
		/// BLAKE2-256 digest of its SCALE encoding.
		fn revocations() -> (alloc::vec::Vec<(DeviceKey, Revocation)>, [u8; 32]);
		/// The genesis hash vouchers for this chain must carry.
		fn genesis_hash() -> [u8; 32];
	}
}
