//! `vouchers_*` JSON-RPC methods: purse state, voucher status, the redemption dry run and the
//! revocation list, read through the vouchers runtime API at the best block (or the block
//! given). Vouchers are passed in their text form (`RPV1…`) or as `0x`-hex of the binary form;
//! device keys and digests are `0x`-hex.

use std::sync::Arc;

use jsonrpsee::{
	core::RpcResult,
	types::error::{ErrorObject, ErrorObjectOwned, INVALID_PARAMS_CODE},
};
pub use pallet_vouchers_runtime_api::VouchersApi as VouchersRuntimeApi;
use pallet_vouchers_runtime_api::{DeviceKey, RedeemOutcome, Revocation, Voucher};
use serde::Serialize;
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

pub use rupee_rpc_api::{
	vouchers::{
		Attester, Attesters, CheckAnswer, ProofAnswer, PurseAnswer, Revocations, RevokedPurse,
		StatusAnswer, VoucherSummary, VouchersApiClient, VouchersApiServer,
	},
	RUNTIME_ERROR,
};

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
