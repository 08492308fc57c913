//! `vouchers_*`: purse state, voucher status, the redemption dry run, the revocation list, purse
//! proofs and the authority set that signs them. Vouchers are passed in their text form
//! (`RPV1…`) or as `0x`-hex of the binary form; device keys and digests are `0x`-hex.

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use rupee_primitives::{
	hex::encode as to_hex,
	views::{PurseView, RedeemOutcome, RevocationReason, VoucherStatus},
	voucher::Voucher,
	Balance,
};
use serde::{Deserialize, Serialize};

/// One entry of the revocation list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RevokedPurse {
	pub device_key: String,
	pub reason: RevocationReason,
	/// When it was revoked (ms since the epoch).
	pub since: u64,
}

/// The answer of `vouchers_revocations`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Revocations {
	/// At most `limit` entries (1,000 at most), in storage order.
	pub entries: Vec<RevokedPurse>,
	/// Pass as `startAfter` for the next page; `null` on the last page.
	pub next: Option<String>,
	/// The digest of the whole list (the XOR of BLAKE2-256 of each SCALE-encoded entry): a
	/// fingerprint that tells whether the list changed.
	pub digest: String,
}

/// The answer of `vouchers_purseProof`: the proof (SCALE, `0x`-hex) that goes into payment
/// payloads, and what it says.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProofAnswer {
	/// The SCALE-encoded `PurseProof`, `0x`-hex.
	pub proof: String,
	/// The GRANDPA authority set that signed.
	pub set_id: u64,
	/// How many of its authorities signed.
	pub signers: u32,
	/// The block whose state the proof states, and its time (ms since the epoch).
	pub block: u32,
	pub funded_at: u64,
	/// The escrow and per-voucher cap it states, in paisa.
	#[serde(with = "rupee_primitives::json::amount")]
	pub escrow: Balance,
	/// `null`: no per-voucher cap.
	#[serde(with = "rupee_primitives::json::limit")]
	pub voucher_cap: Balance,
	/// Vouchers issued after this (ms since the epoch) are refused.
	pub expires_at: u64,
}

/// One authority of the set that signs purse proofs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attester {
	/// Its ed25519 GRANDPA key, `0x`-hex.
	pub key: String,
	pub weight: u64,
}

/// The answer of `vouchers_attesters`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attesters {
	pub set_id: u64,
	pub authorities: Vec<Attester>,
}

/// What a voucher says, as the node decoded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VoucherSummary {
	pub device_key: String,
	pub counter: u64,
	pub payee: String,
	#[serde(with = "rupee_primitives::json::amount")]
	pub amount: Balance,
	pub issued_at: u64,
}

impl From<&Voucher> for VoucherSummary {
	fn from(voucher: &Voucher) -> Self {
		let body = &voucher.body;
		Self {
			device_key: to_hex(&body.device_key),
			counter: body.counter,
			payee: to_hex(&body.payee),
			amount: body.amount,
			issued_at: body.issued_at,
		}
	}
}

/// The answer of `vouchers_status`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusAnswer {
	pub voucher: VoucherSummary,
	pub status: VoucherStatus,
}

/// The answer of `vouchers_purse`: the purse, and the highest counter the chain has seen of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurseAnswer<AccountId> {
	#[serde(flatten)]
	pub purse: PurseView<AccountId>,
	/// The highest counter redeemed (or seen reused) while the purse's redemptions are kept
	/// (until it is settled); null if none, or from a runtime before the vouchers API v4.
	pub highest_counter: Option<u64>,
}

/// The answer of `vouchers_check`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckAnswer {
	pub voucher: VoucherSummary,
	/// Whether redeeming it now would pay its payee (in full or as a double-spend victim).
	pub ok: bool,
	pub outcome: RedeemOutcome,
	/// Why not: the refusal's name, its stable code, and whether it may pass later.
	pub reason: Option<String>,
	pub code: Option<u8>,
	pub retryable: Option<bool>,
}

#[rpc(client, server)]
pub trait VouchersApi<BlockHash, AccountId> {
	/// The purse of `device_key` (`0x`-hex) with the highest counter the chain has seen of
	/// it, or null if none was ever funded.
	#[method(name = "vouchers_purse")]
	fn purse(
		&self,
		device_key: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PurseAnswer<AccountId>>>;

	/// Whether `voucher` (text or `0x`-hex) was paid.
	#[method(name = "vouchers_status")]
	fn status(&self, voucher: String, at: Option<BlockHash>) -> RpcResult<StatusAnswer>;

	/// What redeeming `voucher` now would do, and the exact reason if it would be refused.
	#[method(name = "vouchers_check")]
	fn check(&self, voucher: String, at: Option<BlockHash>) -> RpcResult<CheckAnswer>;

	/// One page of the revocation list (after `start_after`, at most `limit` entries, 1,000
	/// by default and at most) and the digest of the whole list. Page through it at one
	/// block (`at`).
	#[method(name = "vouchers_revocations")]
	fn revocations(
		&self,
		at: Option<BlockHash>,
		start_after: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Revocations>;

	/// The purse's proof once more than two thirds of the validators signed its latest
	/// statement (a few blocks after funding), at the finalized block by default, or null.
	#[method(name = "vouchers_purseProof")]
	fn purse_proof(
		&self,
		device_key: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ProofAnswer>>;

	/// The authority set proofs are checked against, at the finalized block by default: what a
	/// payee's wallet keeps to verify proofs offline.
	#[method(name = "vouchers_attesters")]
	fn attesters(&self, at: Option<BlockHash>) -> RpcResult<Attesters>;
}
