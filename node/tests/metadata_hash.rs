//! `CheckMetadataHash` (RFC 78) on a real dev node: the runtime commits to the hash of its own
//! metadata, as a hardware wallet computes it from the node's metadata and chain properties. A
//! transaction signed with that hash is accepted; one signed with any other hash is refused.

use crate::common;

use codec::{Decode, Encode};
use common::*;
use frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use rupee_runtime::RuntimeCall;
use serde_json::Value;
use sp_keyring::Sr25519Keyring::{Eve, Ferdie};

/// The metadata hash from what any client can read: metadata V15, runtime version, properties.
async fn metadata_hash(client: &WsClient) -> [u8; 32] {
	let answer: String = client
		.request("state_call", rpc_params!["Metadata_metadata_at_version", to_hex(&15u32.encode())])
		.await
		.unwrap();
	let bytes = Option::<Vec<u8>>::decode(&mut &hex_bytes(&answer)[..]).unwrap().expect("V15");
	let metadata = RuntimeMetadataPrefixed::decode(&mut &bytes[..]).unwrap().1;
	assert!(matches!(metadata, RuntimeMetadata::V15(_)));
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	let properties: Value = client.request("system_properties", rpc_params![]).await.unwrap();
	let extra = merkleized_metadata::ExtraInfo {
		spec_version: version["specVersion"].as_u64().unwrap() as u32,
		spec_name: version["specName"].as_str().unwrap().into(),
		base58_prefix: properties["ss58Format"].as_u64().unwrap() as u16,
		decimals: properties["tokenDecimals"].as_u64().unwrap() as u8,
		token_symbol: properties["tokenSymbol"].as_str().unwrap().into(),
	};
	merkleized_metadata::generate_metadata_digest(&metadata, extra).unwrap().hash()
}

/// Eve pays Ferdie 1 PKR, signed with `metadata_hash` (the check enabled) or without; the
/// pool's answer to `author_submitExtrinsic`.
async fn pay_ferdie(
	client: &WsClient,
	metadata_hash: Option<[u8; 32]>,
) -> Result<String, jsonrpsee::core::client::Error> {
	let call = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: Ferdie.to_account_id(),
		amount: 100,
	});
	let context =
		rupee_runtime::client::SigningContext { metadata_hash, ..signing_context(client).await };
	let nonce = next_nonce(client, &Eve.to_account_id()).await;
	let xt = rupee_runtime::client::sign(call, &Eve.pair(), nonce, &context);
	client.request("author_submitExtrinsic", rpc_params![to_hex(&xt.encode())]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn transactions_signed_with_the_metadata_hash_are_checked_against_it() {
	let dir = test_dir("metadata-hash");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	let client = node.client().await;
	let hash = metadata_hash(&client).await;
	// Any other hash: the signature does not match what the runtime checks.
	let mut wrong = hash;
	wrong[0] ^= 1;
	let refused = pay_ferdie(&client, Some(wrong)).await.expect_err("a wrong metadata hash");
	assert!(refused.to_string().contains("bad signature"), "{refused}");

	// The right hash: accepted and included.
	let ferdie = ss58(&Ferdie.to_account_id());
	let before: Value = client.request("rupee_account", rpc_params![ferdie.clone()]).await.unwrap();
	pay_ferdie(&client, Some(hash)).await.expect("the runtime's own metadata hash");
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
	loop {
		let now: Value =
			client.request("rupee_account", rpc_params![ferdie.clone()]).await.unwrap();
		if now["free"] != before["free"] {
			assert_eq!(rpc_amount(&now["free"]), rpc_amount(&before["free"]) + 100);
			break;
		}
		assert!(std::time::Instant::now() < deadline, "the transfer was never included");
		tokio::time::sleep(std::time::Duration::from_millis(500)).await;
	}
}
