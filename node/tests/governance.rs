//! End to end on the four-validator `local` chain (no sudo; a Board of Alice, Bob and
//! Charlie): a Board motion raises the supply ceiling through propose, vote and close over
//! JSON-RPC; a non-governor cannot propose; one governor alone cannot pass it.

mod common;

use codec::Encode;
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use rupee_primitives::rupees;
use rupee_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::{DispatchError, Weight};

type BoardEvent = pallet_collective::Event<rupee_runtime::Runtime, pallet_collective::Instance1>;

async fn ceiling(client: &jsonrpsee::ws_client::WsClient) -> u128 {
	let supply: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	supply["supplyCeiling"].as_u64().expect("ceiling") as u128
}

#[tokio::test(flavor = "multi_thread")]
async fn a_board_motion_raises_the_supply_ceiling_on_a_local_network() {
	let dir = test_dir("governance-local");
	let nodes = start_local_network(&dir).await;
	wait_finalized(&nodes[0], 2, std::time::Duration::from_secs(120)).await;
	let client = nodes[0].client().await;
	let before = ceiling(&client).await;
	assert_eq!(before, rupees(1_000_000_000));

	let raise = RuntimeCall::Rupee(pallet_rupee::Call::set_supply_ceiling {
		ceiling: rupees(2_000_000_000),
	});
	let length = raise.encoded_size() as u32;
	let hash = H256(blake2_256(&raise.encode()));

	// Dave is no governor.
	let propose = |threshold| {
		RuntimeCall::Board(pallet_collective::Call::propose {
			threshold,
			proposal: Box::new(raise.clone()),
			length_bound: length,
		})
	};
	let block = submit_and_wait(&client, &Dave.pair(), propose(2)).await;
	assert_eq!(
		failure(&events_at(&client, &block).await),
		Some(DispatchError::from(
			pallet_collective::Error::<rupee_runtime::Runtime, pallet_collective::Instance1>::NotMember
		))
	);

	// Alice proposes and votes; alone she cannot close it.
	let block = submit_and_wait(&client, &Alice.pair(), propose(2)).await;
	assert!(events_at(&client, &block).await.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Board(BoardEvent::Proposed { proposal_index: 0, threshold: 2, .. })
	)));
	let vote = |approve| {
		RuntimeCall::Board(pallet_collective::Call::vote { proposal: hash, index: 0, approve })
	};
	submit_and_wait(&client, &Alice.pair(), vote(true)).await;
	let close = RuntimeCall::Board(pallet_collective::Call::close {
		proposal_hash: hash,
		index: 0,
		proposal_weight_bound: Weight::from_parts(10_000_000_000, 1_000_000),
		length_bound: length,
	});
	let block = submit_and_wait(&client, &Charlie.pair(), close.clone()).await;
	assert!(failure(&events_at(&client, &block).await).is_some(), "one vote of two cannot close");
	assert_eq!(ceiling(&client).await, before);

	// Bob's vote makes two of three; closing executes the call.
	submit_and_wait(&client, &Bob.pair(), vote(true)).await;
	let block = submit_and_wait(&client, &Charlie.pair(), close).await;
	let events = events_at(&client, &block).await;
	assert!(
		events.iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Board(BoardEvent::Executed { result: Ok(()), .. })
		)),
		"{events:?}"
	);
	assert!(events.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Rupee(pallet_rupee::Event::SupplyCeilingSet { ceiling })
			if *ceiling == rupees(2_000_000_000)
	)));
	// Every validator sees the new ceiling once finalized.
	let target = finalized_number(&client).await + 2;
	for node in &nodes {
		wait_finalized(node, target, std::time::Duration::from_secs(60)).await;
		assert_eq!(ceiling(&node.client().await).await, rupees(2_000_000_000));
	}
}
