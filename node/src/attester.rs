//! The purse attester: on a validator, signs the statements of newly funded purses with the
//! node's GRANDPA key and submits each signature as an unsigned `Vouchers::attest`
//! transaction. It reads only finalized state, so a validator never vouches for a funding
//! that could still be reverted. Once more than two thirds of the set signed, the purse has a
//! proof payees check offline (`vouchers_purseProof`).

use std::{collections::HashMap, sync::Arc};

use codec::{Decode, Encode};
use futures::StreamExt;
use pallet_vouchers_runtime_api::VouchersApi;
use rupee_runtime::{opaque::Block, AccountId, RuntimeCall};
use sc_client_api::{BlockchainEvents, HeaderBackend};
use sc_transaction_pool_api::{TransactionPool, TransactionSource};
use sp_api::{ApiExt, ProvideRuntimeApi};
use sp_keystore::KeystorePtr;

use crate::service::FullClient;

const LOG_TARGET: &str = "attester";

/// Statements asked for per finalized block: the rest come at the next one.
const REQUESTS_PER_BLOCK: u32 = 128;

/// Finalized blocks to wait before submitting the same signature again (it may have been
/// dropped from the pool).
const RESUBMIT_AFTER: u32 = 8;

/// Whether `payload` is exactly a purse statement's signing payload for set `set_id`.
fn is_statement(payload: &[u8], set_id: u64) -> bool {
	use rupee_primitives::purse_proof::{PurseStatement, PROOF_DOMAIN};
	let Some(mut rest) = payload.strip_prefix(PROOF_DOMAIN) else { return false };
	let Ok((claimed, statement)) = <(u64, PurseStatement)>::decode(&mut rest) else {
		return false;
	};
	rest.is_empty() && claimed == set_id && statement.signing_payload(set_id) == payload
}

/// Sign and submit until the node stops.
pub async fn run<P>(client: Arc<FullClient>, pool: Arc<P>, keystore: KeystorePtr)
where
	P: TransactionPool<Block = Block> + 'static,
{
	let mut finalized = client.finality_notification_stream();
	// (device key, set, statement) → the finalized block number it was last submitted at.
	let mut submitted: HashMap<([u8; 32], u64, Vec<u8>), u32> = HashMap::new();
	while let Some(notification) = finalized.next().await {
		let at = notification.hash;
		let number = client.info().finalized_number;
		let api = client.runtime_api();
		// A runtime before offline payments v2 has nothing to attest.
		if !matches!(api.api_version::<dyn VouchersApi<Block, AccountId>>(at), Ok(Some(v)) if v >= 3)
		{
			continue;
		}
		submitted.retain(|_, at| number.saturating_sub(*at) < RESUBMIT_AFTER);
		for key in keystore.ed25519_public_keys(sp_consensus_grandpa::KEY_TYPE) {
			let requests = match api.attestation_requests(at, key.0, REQUESTS_PER_BLOCK) {
				Ok(requests) => requests,
				Err(error) => {
					log::warn!(target: LOG_TARGET, "cannot read what to attest: {error}");
					continue;
				},
			};
			for request in requests {
				let id = (request.device_key, request.set_id, request.payload.clone());
				if submitted.contains_key(&id) {
					continue;
				}
				// The GRANDPA key signs nothing but a purse statement under its domain tag,
				// whatever a runtime asks: such bytes can never be a finality vote.
				if !is_statement(&request.payload, request.set_id) {
					log::error!(target: LOG_TARGET, "refusing to sign a request that is not a purse statement");
					continue;
				}
				let signature = match keystore.ed25519_sign(
					sp_consensus_grandpa::KEY_TYPE,
					&key,
					&request.payload,
				) {
					Ok(Some(signature)) => signature,
					Ok(None) => break,
					Err(error) => {
						log::warn!(target: LOG_TARGET, "the keystore cannot sign: {error}");
						break;
					},
				};
				let call = RuntimeCall::Vouchers(pallet_vouchers::Call::attest {
					device_key: request.device_key,
					set_id: request.set_id,
					signature: pallet_vouchers::AttesterSignature {
						authority: request.authority,
						signature: signature.0,
					},
				});
				let extrinsic = rupee_runtime::UncheckedExtrinsic::new_bare(call);
				let Ok(opaque) = Decode::decode(&mut &extrinsic.encode()[..]) else {
					continue;
				};
				let best = client.info().best_hash;
				match pool.submit_one(best, TransactionSource::Local, opaque).await {
					Ok(_) => log::debug!(
						target: LOG_TARGET,
						"attested purse {} for set {}",
						rupee_primitives::hex::encode(&request.device_key),
						request.set_id
					),
					Err(error) => {
						log::debug!(target: LOG_TARGET, "attestation not pooled: {error}")
					},
				}
				submitted.insert(id, number);
			}
		}
	}
}
