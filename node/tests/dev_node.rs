//! End to end: one development validator, real binary, real JSON-RPC.

use crate::common;

use std::time::Duration;

use common::*;
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn dev_node_authors_finalizes_serves_rpc_and_survives_restart() {
	let dir = test_dir("dev-node");
	let config = NodeConfig::dev_validator(&dir).with_prometheus();
	let mut node = Node::start(config).await;
	let client = node.client().await;

	// Standard methods answer.
	let health: Value = client.request("system_health", rpc_params![]).await.unwrap();
	assert_eq!(health["isSyncing"], Value::Bool(false), "{health}");
	let properties: Value = client.request("system_properties", rpc_params![]).await.unwrap();
	assert_eq!(properties["tokenSymbol"], "PKR");
	assert_eq!(properties["tokenDecimals"], 2);
	assert_eq!(properties["ss58Format"], 1947);
	let metadata: String = client.request("state_getMetadata", rpc_params![]).await.unwrap();
	assert!(metadata.starts_with("0x") && metadata.len() > 10_000, "metadata too short");
	let version: Value = client.request("state_getRuntimeVersion", rpc_params![]).await.unwrap();
	assert_eq!(version["specName"], "rupee");

	// The new JSON-RPC spec is served beside the legacy one.
	let methods: Value = client.request("rpc_methods", rpc_params![]).await.unwrap();
	let methods: Vec<&str> =
		methods["methods"].as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
	for wanted in [
		"chainHead_v1_follow",
		"transaction_v1_broadcast",
		"chainSpec_v1_genesisHash",
		"chainSpec_v1_properties",
		"system_accountNextIndex",
		"author_submitExtrinsic",
	] {
		assert!(methods.contains(&wanted), "rpc_methods lacks {wanted}");
	}

	// Unsafe methods such as key rotation answer on localhost (and only there, by
	// `--rpc-methods auto`): a validator operator never exposes them.
	let keys: String = client.request("author_rotateKeys", rpc_params![]).await.unwrap();
	assert_eq!(keys.len(), 2 + 2 * 64, "aura + grandpa public keys: {keys}");

	// A chainHead_v1_follow subscription starts with `initialized` and reports new blocks.
	let mut follow = client
		.subscribe::<Value, _>("chainHead_v1_follow", rpc_params![false], "chainHead_v1_unfollow")
		.await
		.unwrap();
	let first = tokio::time::timeout(Duration::from_secs(30), follow.next())
		.await
		.expect("chainHead_v1_follow sent nothing")
		.unwrap()
		.unwrap();
	assert_eq!(first["event"], "initialized", "{first}");
	let mut saw_new_block = false;
	for _ in 0..20 {
		let event = tokio::time::timeout(Duration::from_secs(30), follow.next())
			.await
			.expect("no chainHead event")
			.unwrap()
			.unwrap();
		if event["event"] == "newBlock" {
			saw_new_block = true;
			break;
		}
	}
	assert!(saw_new_block, "chainHead_v1_follow reported no new block");
	drop(follow);

	// It authors and finalizes.
	let finalized = wait_finalized(&node, 3, Duration::from_secs(60)).await;
	let best = best_number(&client).await;
	assert!(best >= finalized);
	let finalized_hash = block_hash(&client, finalized).await.unwrap();
	drop(client);

	// Prometheus metrics are served.
	let metrics = http_get(node.config.prometheus_port.unwrap(), "/metrics");
	assert!(metrics.contains("substrate_block_height"), "no block height metric:\n{metrics}");

	// SIGINT shuts it down cleanly.
	let status = node.interrupt(Duration::from_secs(60));
	assert!(status.success(), "exit status after SIGINT: {status}; log:\n{}", node.log_tail());

	// Restarted from the same base path, the finalized chain is intact and it carries on.
	node.restart().await;
	let client = node.client().await;
	assert_eq!(
		block_hash(&client, finalized).await.as_deref(),
		Some(finalized_hash.as_str()),
		"finalized block {finalized} changed across the restart"
	);
	assert!(finalized_number(&client).await >= finalized);
	wait_finalized(&node, finalized + 2, Duration::from_secs(60)).await;
}
