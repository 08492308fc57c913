//! End to end on the `local` chain: a fifth validator (Eve's bank) generates session keys on
//! its own node with `author_rotateKeys`, registers them with `Session.set_keys`, and a Board
//! motion adds it; after the session change its node authors blocks. A second motion removes
//! it and the four keep finalizing.

use crate::common;

use std::time::Duration;

use codec::{Decode, Encode};
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use rupee_runtime::{AccountId, RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_keyring::Sr25519Keyring::Eve;

/// The Aura authorities at the best block.
async fn aura_authorities(client: &WsClient) -> Vec<[u8; 32]> {
	let answer: String =
		client.request("state_call", rpc_params!["AuraApi_authorities", "0x"]).await.unwrap();
	Vec::<[u8; 32]>::decode(&mut &hex_bytes(&answer)[..]).expect("authorities")
}

/// Wait until a new block authored by `aura_key` appears (author = slot mod authorities).
async fn wait_authored_by(client: &WsClient, aura_key: [u8; 32], timeout: Duration) -> u64 {
	let deadline = std::time::Instant::now() + timeout;
	let mut seen = best_number(client).await;
	while std::time::Instant::now() < deadline {
		let best = best_number(client).await;
		for number in seen + 1..=best {
			let hash = block_hash(client, number).await.expect("block hash");
			let header: Value =
				client.request("chain_getHeader", rpc_params![hash.clone()]).await.unwrap();
			let authorities: String = client
				.request("state_call", rpc_params!["AuraApi_authorities", "0x", hash])
				.await
				.unwrap();
			let authorities = Vec::<[u8; 32]>::decode(&mut &hex_bytes(&authorities)[..]).unwrap();
			if let Some(slot) = aura_slot(&header) {
				if authorities[(slot % authorities.len() as u64) as usize] == aura_key {
					return number;
				}
			}
		}
		seen = best;
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	panic!(
		"no block authored by the new validator within {timeout:?}; authorities now: {}",
		aura_authorities(client).await.len()
	);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_board_adds_a_fifth_validator_that_authors_and_then_removes_it() {
	let dir = test_dir("validators-local");
	let nodes = start_local_network(&dir).await;
	wait_finalized(&nodes[0], 2, Duration::from_secs(120)).await;
	let client = nodes[0].client().await;

	// Eve's bank starts a validator node and makes session keys on it.
	let alice_peer: String = client.request("system_localPeerId", rpc_params![]).await.unwrap();
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{alice_peer}", nodes[0].config.p2p_port);
	let (key_file, _) = node_key(&dir, "eve");
	let eve_node = Node::start(
		NodeConfig::new("local", &dir.join("eve"))
			.arg("--validator")
			.arg("--name")
			.arg("eve")
			.arg("--node-key-file")
			.arg(key_file.to_string_lossy().to_string())
			.arg("--bootnodes")
			.arg(bootnode),
	)
	.await;
	let eve_client = eve_node.client().await;
	// The keys come with a proof that their owner, Eve's account, holds them.
	let eve_account = AccountId::from(Eve.public());
	let generated: Value = eve_client
		.request("author_rotateKeysWithOwner", rpc_params![to_hex(&eve_account.encode())])
		.await
		.unwrap();
	let keys_bytes = hex_bytes(generated["keys"].as_str().unwrap());
	let proof = hex_bytes(generated["proof"].as_str().expect("the runtime proves key ownership"));
	let aura_key: [u8; 32] = keys_bytes[..32].try_into().unwrap();
	let session_keys = rupee_runtime::opaque::SessionKeys::decode(&mut &keys_bytes[..]).unwrap();

	// Without keys the Board cannot add it (guard rail); with them it can.
	let add = RuntimeCall::Validators(pallet_validators::Call::add_validator {
		who: AccountId::from(Eve.public()),
	});
	let set_keys =
		RuntimeCall::Session(pallet_session::Call::set_keys { keys: session_keys, proof });
	// Only validators and banks (accredited providers) may register session keys: Eve's
	// account is a citizen's until the Board accredits her bank.
	let refusal = submit_refused(&client, &Eve.pair(), set_keys.clone()).await;
	assert!(refused_with(&refusal, rupee_primitives::PolicyError::CallNotAllowed), "{refusal}");
	pass_motion(
		&client,
		RuntimeCall::Kyc(pallet_kyc::Call::accredit_provider { provider: eve_account.clone() }),
	)
	.await;
	let block = submit_and_wait(&client, &Eve.pair(), set_keys).await;
	assert_eq!(failure(&events_at(&client, &block).await), None, "Eve registers her session keys");
	let events = pass_motion(&client, add).await;
	assert!(events.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Validators(pallet_validators::Event::ValidatorAdded { .. })
	)));

	// After the session change Eve's node authors blocks, and the five finalize.
	let authored = tokio::time::timeout(
		Duration::from_secs(160),
		wait_authored_by(&client, aura_key, Duration::from_secs(150)),
	)
	.await
	.unwrap_or_else(|_| panic!("timed out; Eve's node log:\n{}", eve_node.log_tail()));
	assert_eq!(aura_authorities(&client).await.len(), 5);
	wait_finalized(&nodes[0], authored + 2, Duration::from_secs(60)).await;

	// The Board removes Eve; the authority set returns to four and keeps finalizing.
	let remove = RuntimeCall::Validators(pallet_validators::Call::remove_validator {
		who: AccountId::from(Eve.public()),
	});
	pass_motion(&client, remove).await;
	let deadline = std::time::Instant::now() + Duration::from_secs(150);
	while aura_authorities(&client).await.len() != 4 {
		assert!(std::time::Instant::now() < deadline, "Eve was not removed from the authorities");
		tokio::time::sleep(Duration::from_secs(1)).await;
	}
	let finalized = finalized_number(&client).await;
	wait_finalized(&nodes[0], finalized + 3, Duration::from_secs(60)).await;
	drop(eve_node);
}
