//! The node's test helpers that speak the runtime's types: signing and submitting calls, reading
//! events, purse proofs, Board motions. Compiled into the node's tests only; the wallet's tests
//! share `mod.rs` (starting nodes) and must not depend on the runtime.

#![allow(dead_code)]

use std::time::Duration;

use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use serde_json::Value;

use crate::process::*;

/// Wait (at most 60 s) for `vouchers_purseProof` of `device_key` to answer; the answer and the
/// decoded proof.
pub async fn wait_purse_proof(
	client: &WsClient,
	device_key: [u8; 32],
) -> (Value, rupee_primitives::purse_proof::PurseProof) {
	let key = to_hex(&device_key);
	for _ in 0..120 {
		let answer: Option<Value> =
			client.request("vouchers_purseProof", rpc_params![key.clone()]).await.unwrap();
		if let Some(answer) = answer {
			let bytes = hex_bytes(answer["proof"].as_str().unwrap());
			let proof = codec::Decode::decode(&mut &bytes[..]).expect("a SCALE purse proof");
			return (answer, proof);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	panic!("no purse proof of {key} within 60 s");
}

/// The validator set purse proofs are checked against (`vouchers_attesters`), as a wallet
/// keeps it.
pub async fn attester_set(client: &WsClient) -> rupee_primitives::purse_proof::AttesterSet {
	let answer: Value = client.request("vouchers_attesters", rpc_params![]).await.unwrap();
	rupee_primitives::purse_proof::AttesterSet {
		set_id: answer["setId"].as_u64().unwrap(),
		authorities: answer["authorities"]
			.as_array()
			.unwrap()
			.iter()
			.map(|a| {
				let key: [u8; 32] = hex_bytes(a["key"].as_str().unwrap()).try_into().unwrap();
				(key, a["weight"].as_u64().unwrap())
			})
			.collect(),
	}
}

/// The genesis hash of the chain the client is connected to.
pub async fn genesis_hash(client: &WsClient) -> sp_core::H256 {
	let hash: String = client.request("chain_getBlockHash", rpc_params![0]).await.unwrap();
	hash.parse().expect("block hash")
}

/// The next nonce of `who` (counting its pending transactions).
pub async fn next_nonce(client: &WsClient, who: &rupee_runtime::AccountId) -> u32 {
	client.request("system_accountNextIndex", rpc_params![who.to_string()]).await.unwrap()
}

/// The spec and transaction version the node's best block runs (`state_getRuntimeVersion`).
pub async fn runtime_version(client: &WsClient) -> (u32, u32) {
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	let field = |name: &str| version[name].as_u64().expect(name) as u32;
	(field("specVersion"), field("transactionVersion"))
}

/// Immortal transactions for the runtime the node runs now.
pub async fn signing_context(client: &WsClient) -> rupee_runtime::client::SigningContext {
	let (spec_version, transaction_version) = runtime_version(client).await;
	rupee_runtime::client::SigningContext {
		spec_version,
		transaction_version,
		..rupee_runtime::client::SigningContext::immortal(genesis_hash(client).await)
	}
}

/// `who` in this chain's address format (SS58 prefix 1947), as the node's RPC answers show it.
/// An amount in an RPC answer, which must be a decimal string (`docs/rpc.md`).
pub fn rpc_amount(value: &Value) -> u128 {
	let text = value.as_str().unwrap_or_else(|| panic!("an amount as a decimal string: {value}"));
	text.parse().unwrap_or_else(|_| panic!("an amount in paisa: {text}"))
}

pub fn ss58(who: &rupee_runtime::AccountId) -> String {
	use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
	who.to_ss58check_with_version(Ss58AddressFormat::custom(rupee_runtime::SS58_PREFIX))
}

/// Hex of SCALE bytes, as JSON-RPC wants them.
pub fn to_hex(bytes: &[u8]) -> String {
	rupee_primitives::hex::encode(bytes)
}

/// `call` signed by `signer` with its next nonce, SCALE-encoded as `0x` hex.
async fn sign_next(
	client: &WsClient,
	signer: &sp_core::sr25519::Pair,
	call: rupee_runtime::RuntimeCall,
) -> String {
	use codec::Encode;
	use sp_core::Pair;
	let who = rupee_runtime::AccountId::from(signer.public());
	let nonce = next_nonce(client, &who).await;
	let xt = rupee_runtime::client::sign(call, signer, nonce, &signing_context(client).await);
	to_hex(&xt.encode())
}

/// Sign `call` as `signer` with its next nonce and submit it; the pool must refuse it.
/// Returns the refusal's text (`... Custom error: N ...` for the gate's codes).
pub async fn submit_refused(
	client: &WsClient,
	signer: &sp_core::sr25519::Pair,
	call: rupee_runtime::RuntimeCall,
) -> String {
	let xt = sign_next(client, signer, call).await;
	client
		.request::<String, _>("author_submitExtrinsic", rpc_params![xt])
		.await
		.expect_err("the pool must refuse this transaction")
		.to_string()
}

/// Whether a pool refusal carries the gate's `code`.
pub fn refused_with(message: &str, code: rupee_primitives::PolicyError) -> bool {
	message.contains("Invalid Transaction")
		&& message.contains(&format!("Custom error: {}", code.code()))
}

/// Sign `call` as `signer` with its next nonce, submit it and wait until it is in a block (the
/// wallet's own submit-and-watch loop); returns that block's hash.
pub async fn submit_and_wait(
	client: &WsClient,
	signer: &sp_core::sr25519::Pair,
	call: rupee_runtime::RuntimeCall,
) -> String {
	use rupee_wallet::online::{submit_and_watch, Until};
	let xt = sign_next(client, signer, call).await;
	submit_and_watch(client, &xt, Until::InBlock, |_| {})
		.await
		.unwrap_or_else(|error| panic!("transaction not in a block: {error}"))
}

/// The runtime events of block `hash`.
pub async fn events_at(
	client: &WsClient,
	hash: &str,
) -> Vec<frame_system::EventRecord<rupee_runtime::RuntimeEvent, sp_core::H256>> {
	use codec::Decode;
	// twox128("System") ++ twox128("Events")
	let key = "0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7";
	let data: Option<String> =
		client.request("state_getStorage", rpc_params![key, hash]).await.unwrap();
	let bytes = hex_bytes(&data.unwrap_or_default());
	Vec::decode(&mut &bytes[..]).expect("events decode with the runtime's types")
}

/// The dispatch error of the first failed extrinsic in `events`, if any.
pub fn failure(
	events: &[frame_system::EventRecord<rupee_runtime::RuntimeEvent, sp_core::H256>],
) -> Option<sp_runtime::DispatchError> {
	events.iter().find_map(|record| match &record.event {
		rupee_runtime::RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
			dispatch_error,
			..
		}) => Some(*dispatch_error),
		_ => None,
	})
}

/// Pass `call` as a motion of the `local` chain's Board (Alice, Bob, Charlie): Alice proposes it
/// with threshold 2 and votes, Bob votes, Charlie closes. Returns the events of the closing block.
pub async fn pass_motion(
	client: &WsClient,
	call: rupee_runtime::RuntimeCall,
) -> Vec<frame_system::EventRecord<rupee_runtime::RuntimeEvent, sp_core::H256>> {
	use codec::Encode;
	use frame_support::dispatch::GetDispatchInfo;
	use rupee_runtime::{RuntimeCall, RuntimeEvent};
	use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie};
	type BoardEvent =
		pallet_collective::Event<rupee_runtime::Runtime, pallet_collective::Instance1>;

	let length = call.encoded_size() as u32;
	let hash = sp_core::H256(sp_io::hashing::blake2_256(&call.encode()));
	let weight = call.get_dispatch_info().call_weight;
	let propose = RuntimeCall::Board(pallet_collective::Call::propose {
		threshold: 2,
		proposal: Box::new(call),
		length_bound: length,
	});
	let block = submit_and_wait(client, &Alice.pair(), propose).await;
	let index = events_at(client, &block)
		.await
		.iter()
		.find_map(|record| match &record.event {
			RuntimeEvent::Board(BoardEvent::Proposed { proposal_index, .. }) => {
				Some(*proposal_index)
			},
			_ => None,
		})
		.expect("the motion was proposed");
	for governor in [Alice, Bob] {
		let vote = RuntimeCall::Board(pallet_collective::Call::vote {
			proposal: hash,
			index,
			approve: true,
		});
		submit_and_wait(client, &governor.pair(), vote).await;
	}
	let close = RuntimeCall::Board(pallet_collective::Call::close {
		proposal_hash: hash,
		index,
		proposal_weight_bound: weight,
		length_bound: length,
	});
	let block = submit_and_wait(client, &Charlie.pair(), close).await;
	let events = events_at(client, &block).await;
	assert!(
		events.iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Board(BoardEvent::Executed { result: Ok(()), .. })
		)),
		"the motion executed: {events:?}"
	);
	events
}
