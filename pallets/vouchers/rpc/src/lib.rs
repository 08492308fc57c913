//! `vouchers_*` JSON-RPC methods: purse state, voucher status, the redemption dry run and the
//! revocation list, read through the vouchers runtime API at the best block (or the block
//! given). Vouchers are passed in their text form (`RPV1…`) or as `0x`-hex of the binary form;
//! device keys and digests are `0x`-hex.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::error::{ErrorObject, ErrorObjectOwned, INVALID_PARAMS_CODE},
};
pub use pallet_vouchers_runtime_api::VouchersApi as VouchersRuntimeApi;
use pallet_vouchers_runtime_api::{
	DeviceKey, PurseView, RedeemOutcome, Revocation, RevocationReason, Voucher, VoucherStatus,
};
use rupee_primitives::Balance;
use serde::{Deserialize, Serialize};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

/// The error code of a runtime API call that failed (e.g. an unknown block).
pub const RUNTIME_ERROR: i32 = 1;

pub use rupee_primitives::hex::{decode as from_hex, encode as to_hex};

fn invalid_params(message: &str, data: impl Into<String>) -> ErrorObjectOwned {
	ErrorObject::owned(INVALID_PARAMS_CODE, message, Some(data.into()))
}

/// A device key from `0x` + 64 hex digits.
pub fn parse_device_key(text: &str) -> Result<DeviceKey, ErrorObjectOwned> {
	from_hex(text)
		.and_then(|bytes| DeviceKey::try_from(bytes).ok())
		.ok_or_else(|| invalid_params("device key must be 0x followed by 64 hex digits", text))
}

/// A voucher from its text form or `0x`-hex binary form.
pub fn parse_voucher(text: &str) -> Result<Voucher, ErrorObjectOwned> {
	let decoded = match from_hex(text.trim()) {
		Some(bytes) => Voucher::from_bytes(&bytes),
		None if text.trim().starts_with("0x") => {
			return Err(invalid_params("malformed voucher: not valid hex", text))
		},
		None => Voucher::from_text(text),
	};
	decoded.map_err(|error| invalid_params(&format!("malformed voucher: {error:?}"), text))
}

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

#[rpc(server)]
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

/// The `vouchers_*` methods over a client.
pub struct Vouchers<C, Block> {
	client: Arc<C>,
	_block: std::marker::PhantomData<Block>,
}

impl<C, Block> Vouchers<C, Block> {
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _block: Default::default() }
	}
}

fn runtime_error(error: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "runtime API call failed", Some(error.to_string()))
}

impl<C, Block, AccountId> VouchersApiServer<Block::Hash, AccountId> for Vouchers<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: VouchersRuntimeApi<Block, AccountId>,
	AccountId: codec::Codec + Clone + Send + Sync + Serialize + 'static,
{
	fn purse(
		&self,
		device_key: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PurseAnswer<AccountId>>> {
		let device_key = parse_device_key(&device_key)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let api = self.client.runtime_api();
		let Some(purse) = api.purse(at, device_key).map_err(runtime_error)? else {
			return Ok(None);
		};
		let version = api
			.api_version::<dyn VouchersRuntimeApi<Block, AccountId>>(at)
			.map_err(runtime_error)?;
		let highest_counter = match version {
			Some(version) if version >= 4 => {
				api.highest_counter(at, device_key).map_err(runtime_error)?
			},
			_ => None,
		};
		Ok(Some(PurseAnswer { purse, highest_counter }))
	}

	fn status(&self, voucher: String, at: Option<Block::Hash>) -> RpcResult<StatusAnswer> {
		let voucher = parse_voucher(&voucher)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let status =
			self.client.runtime_api().voucher_status(at, voucher.clone()).map_err(runtime_error)?;
		Ok(StatusAnswer { voucher: (&voucher).into(), status })
	}

	fn check(&self, voucher: String, at: Option<Block::Hash>) -> RpcResult<CheckAnswer> {
		let voucher = parse_voucher(&voucher)?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let outcome =
			self.client.runtime_api().check_voucher(at, voucher.clone()).map_err(runtime_error)?;
		let refusal = match outcome {
			RedeemOutcome::Refused { reason } => Some(reason),
			_ => None,
		};
		Ok(CheckAnswer {
			voucher: (&voucher).into(),
			ok: matches!(outcome, RedeemOutcome::Paid { .. } | RedeemOutcome::DoubleSpend { .. }),
			outcome,
			reason: refusal.map(|reason| format!("{reason:?}")),
			code: refusal.map(|reason| reason.code()),
			retryable: refusal.map(|reason| reason.is_retryable()),
		})
	}

	fn revocations(
		&self,
		at: Option<Block::Hash>,
		start_after: Option<String>,
		limit: Option<u32>,
	) -> RpcResult<Revocations> {
		let start_after = start_after.as_deref().map(parse_device_key).transpose()?;
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let page = self
			.client
			.runtime_api()
			.revocations(at, start_after, limit.unwrap_or(u32::MAX))
			.map_err(runtime_error)?;
		Ok(Revocations {
			next: page.next.map(|key| to_hex(&key)),
			entries: page
				.entries
				.into_iter()
				.map(|(device_key, Revocation { reason, since })| RevokedPurse {
					device_key: to_hex(&device_key),
					reason,
					since,
				})
				.collect(),
			digest: to_hex(&page.digest),
		})
	}

	fn purse_proof(
		&self,
		device_key: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ProofAnswer>> {
		let device_key = parse_device_key(&device_key)?;
		// Finalized: a proof's completion in a block that could be reverted is not given out.
		let at = at.unwrap_or_else(|| self.client.info().finalized_hash);
		let proof = self.client.runtime_api().purse_proof(at, device_key).map_err(runtime_error)?;
		Ok(proof.map(|proof| ProofAnswer {
			proof: to_hex(&codec::Encode::encode(&proof)),
			set_id: proof.set_id,
			signers: proof.signatures.len() as u32,
			block: proof.statement.block,
			funded_at: proof.statement.funded_at,
			escrow: proof.statement.escrow,
			voucher_cap: proof.statement.voucher_cap,
			expires_at: proof.statement.expires_at,
		}))
	}

	fn attesters(&self, at: Option<Block::Hash>) -> RpcResult<Attesters> {
		let at = at.unwrap_or_else(|| self.client.info().finalized_hash);
		let set = self.client.runtime_api().attesters(at).map_err(runtime_error)?;
		Ok(Attesters {
			set_id: set.set_id,
			authorities: set
				.authorities
				.into_iter()
				.map(|(key, weight)| Attester { key: to_hex(&key), weight })
				.collect(),
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn device_keys_are_32_bytes_of_hex() {
		assert!(parse_device_key("0x1234").is_err());
		assert!(parse_device_key("1234").is_err());
		assert!(parse_device_key(&to_hex(&[7; 32])).is_ok());
	}

	#[test]
	fn malformed_vouchers_are_invalid_params_with_the_reason() {
		for (input, reason) in [
			("hello", "NotAVoucher"),
			("RPV1AAAA", "Malformed"),
			("RPV1!!!!", "BadCharacter"),
			("0x00", "Malformed"),
			("0xnothex", "not valid hex"),
		] {
			let error = parse_voucher(input).unwrap_err();
			assert_eq!(error.code(), INVALID_PARAMS_CODE, "{input}");
			assert!(error.message().contains(reason), "{input}: {}", error.message());
		}
	}
}
