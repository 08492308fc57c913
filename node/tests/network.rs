//! End to end: four validators (chain `local`) on loopback over libp2p. They take turns to
//! author, finalize together, keep finalizing with one of them killed (and their attesters,
//! three of four, still prove a purse funded meanwhile), and the killed one catches up after a
//! restart without any finalized block changing.

use crate::common;

use std::{collections::BTreeSet, time::Duration};

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_finalize_and_survive_a_killed_validator() {
	let dir = test_dir("local-network");
	let mut nodes = start_local_network(&dir).await;

	// Everyone connects to everyone.
	for node in &nodes {
		let client = node.client().await;
		let mut peers = 0;
		for _ in 0..120 {
			let health: Value = client.request("system_health", rpc_params![]).await.unwrap();
			peers = health["peers"].as_u64().unwrap();
			if peers >= 3 {
				break;
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		assert_eq!(peers, 3, "{} sees {peers} peers; log:\n{}", node.url(), node.log_tail());
	}

	// They finalize, and the blocks come from different validators in turn.
	let finalized = wait_finalized(&nodes[0], 8, Duration::from_secs(120)).await;
	let client = nodes[0].client().await;
	let mut authors = BTreeSet::new();
	for number in 1..=finalized {
		let hash = block_hash(&client, number).await.unwrap();
		let header: Value = client.request("chain_getHeader", rpc_params![hash]).await.unwrap();
		authors.insert(aura_slot(&header).expect("block has an Aura slot") % 4);
	}
	assert!(authors.len() >= 3, "only validators {authors:?} authored blocks 1..={finalized}");

	// Kill Dave outright: the other three (above the 2/3 threshold) keep finalizing.
	let before_kill = finalized_number(&client).await;
	let mut history = Vec::new();
	for number in 0..=before_kill {
		history.push(block_hash(&client, number).await.unwrap());
	}
	nodes[3].kill();
	let after_kill = wait_finalized(&nodes[0], before_kill + 5, Duration::from_secs(120)).await;

	// Eve funds a purse: the three running validators' attesters sign it, which is more than
	// two thirds of the four, and the proof verifies against the set a wallet would sync.
	let device = <sp_core::sr25519::Pair as sp_core::Pair>::from_seed(&[42; 32]);
	let fund = rupee_runtime::RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
		device_key: sp_core::Pair::public(&device).0,
		amount: rupee_primitives::rupees(1_000),
	});
	let eve = sp_keyring::Sr25519Keyring::Eve.pair();
	submit_and_wait(&client, &eve, fund).await;
	let (proof, decoded) = wait_purse_proof(&client, sp_core::Pair::public(&device).0).await;
	assert_eq!(proof["signers"], 3, "three attesters of four: {proof}");
	let set = attester_set(&client).await;
	assert_eq!(set.authorities.len(), 4);
	assert_eq!(decoded.verify(&[set]), Ok(()));
	assert!(decoded.signatures.iter().all(|s| s.authority != 3), "Dave is down: {proof}");

	// Dave restarts from the same base path and catches up to the others' finalized head.
	nodes[3].restart().await;
	wait_finalized(&nodes[3], after_kill, Duration::from_secs(180)).await;

	// Nothing finalized changed, on the survivors or on the restarted node.
	for node in [&nodes[0], &nodes[3]] {
		let client = node.client().await;
		for (number, hash) in history.iter().enumerate() {
			assert_eq!(
				block_hash(&client, number as u64).await.as_ref(),
				Some(hash),
				"block {number} differs on {}",
				node.url()
			);
		}
	}
	// And the network keeps finalizing with all four again.
	wait_finalized(&nodes[3], after_kill + 3, Duration::from_secs(120)).await;
}
