//! End to end on the four-validator `local` chain (no sudo; a Board of Alice, Bob and
//! Charlie): a Board motion raises the supply ceiling through propose, vote and close over
//! JSON-RPC; a non-governor cannot propose; one governor alone cannot pass it. A runtime upgrade
//! (this runtime with `spec_version` one higher) passes as whitelist motions and the chain keeps
//! producing and finalizing blocks under the new version.

use crate::common;

use codec::Encode;
use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use rupee_primitives::rupees;
use rupee_runtime::{RuntimeCall, RuntimeEvent};
use serde_json::Value;
use sp_core::H256;
use sp_io::hashing::blake2_256;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Dave};
use sp_runtime::Weight;

type BoardEvent = pallet_collective::Event<rupee_runtime::Runtime, pallet_collective::Instance1>;

async fn ceiling(client: &jsonrpsee::ws_client::WsClient) -> u128 {
	let supply: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	rpc_amount(&supply["supplyCeiling"])
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
	let refusal = submit_refused(&client, &Dave.pair(), propose(2)).await;
	assert!(refused_with(&refusal, rupee_primitives::PolicyError::GovernanceOnly), "{refusal}");

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
	// Closing it now would fail and be charged its weight bound: the gate refuses it.
	let early = submit_refused(&client, &Charlie.pair(), close.clone()).await;
	assert!(refused_with(&early, rupee_primitives::PolicyError::ArgumentRefused), "{early}");
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

#[tokio::test(flavor = "multi_thread")]
async fn a_runtime_upgrade_passes_through_the_board_and_the_chain_keeps_finalizing() {
	use frame_support::dispatch::GetDispatchInfo;
	type WhitelistEvent = pallet_whitelist::Event<rupee_runtime::Runtime>;

	let path = rupee_runtime::upgrade_test_wasm::WASM_BINARY_PATH
		.expect("the upgrade-test runtime is built (not with SKIP_WASM_BUILD)");
	let code = std::fs::read(path).unwrap();
	let dir = test_dir("runtime-upgrade");
	let nodes = start_local_network(&dir).await;
	wait_finalized(&nodes[0], 2, std::time::Duration::from_secs(120)).await;
	let client = nodes[0].client().await;
	let (old_version, _) = runtime_version(&client).await;
	assert_eq!(old_version, rupee_runtime::VERSION.spec_version);

	let set_code = RuntimeCall::System(frame_system::Call::set_code { code });
	let encoded = set_code.encode();
	let call_hash = H256(blake2_256(&encoded));

	// Preimages take no deposit: a governor may note only one the chain asked for.
	let note =
		RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: encoded.clone() });
	let early = submit_refused(&client, &Alice.pair(), note).await;
	assert!(refused_with(&early, rupee_primitives::PolicyError::ArgumentRefused), "{early}");

	// 1. The Board whitelists the upgrade by its hash (which requests its preimage).
	let events = pass_motion(
		&client,
		RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call { call_hash }),
	)
	.await;
	assert!(events.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Whitelist(WhitelistEvent::CallWhitelisted { call_hash: hash }) if *hash == call_hash
	)));

	// 2. A governor notes the call (the whole runtime) as a preimage.
	let block = submit_and_wait(
		&client,
		&Alice.pair(),
		RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: encoded.clone() }),
	)
	.await;
	assert!(events_at(&client, &block).await.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Preimage(pallet_preimage::Event::Noted { hash }) if *hash == call_hash
	)));

	// 3. A second motion dispatches it by hash: Root runs `set_code`.
	let dispatch = RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call {
		call_hash,
		call_encoded_len: encoded.len() as u32,
		call_weight_witness: set_code.get_dispatch_info().call_weight,
	});
	let events = pass_motion(&client, dispatch).await;
	assert!(
		events.iter().any(|record| matches!(
			&record.event,
			RuntimeEvent::Whitelist(WhitelistEvent::WhitelistedCallDispatched { call_hash: hash, result: Ok(_) })
				if *hash == call_hash
		)),
		"{events:?}"
	);
	assert!(events.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::System(frame_system::Event::CodeUpdated { .. })
	)));

	// 4. Every validator reports the new version and keeps finalizing blocks under it.
	let target = finalized_number(&client).await + 5;
	for node in &nodes {
		let node_client = node.client().await;
		wait_finalized(node, target, std::time::Duration::from_secs(120)).await;
		assert_eq!(runtime_version(&node_client).await.0, old_version + 1);
		let finalized: String =
			node_client.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
		let version: Value =
			node_client.request("state_getRuntimeVersion", rpc_params![finalized]).await.unwrap();
		assert_eq!(version["specVersion"], old_version + 1);
		assert_eq!(version["specName"], "rupee");
	}

	// 5. Transactions signed for the old version are refused; for the new one they go through.
	let nonce = next_nonce(&client, &Bob.to_account_id()).await;
	let payment =
		RuntimeCall::Rupee(pallet_rupee::Call::transfer { to: Dave.to_account_id(), amount: 1 });
	let stale = rupee_runtime::client::signed_extrinsic(
		payment.clone(),
		&Bob.pair(),
		nonce,
		genesis_hash(&client).await,
	);
	let refusal = client
		.request::<String, _>("author_submitExtrinsic", rpc_params![to_hex(&stale.encode())])
		.await
		.expect_err("a transaction signed for the old runtime version");
	assert!(refusal.to_string().contains("bad signature"), "{refusal}");
	let block = submit_and_wait(&client, &Bob.pair(), payment).await;
	assert!(events_at(&client, &block).await.iter().any(|record| matches!(
		&record.event,
		RuntimeEvent::Rupee(pallet_rupee::Event::Transferred { .. })
	)));

	// 6. The wallet built with the old runtime (same transaction version) still pays.
	let wallet = node_binary().with_file_name("rupee-wallet");
	assert!(wallet.exists(), "{} is missing: build the workspace first", wallet.display());
	let run = |args: &[&str]| {
		let out = std::process::Command::new(&wallet)
			.arg("--wallet")
			.arg(dir.join("bob-wallet"))
			.args(["--node", &nodes[0].url(), "--json"])
			.args(args)
			.env("RUPEE_WALLET_PASSPHRASE", "upgrade test")
			.output()
			.expect("rupee-wallet runs");
		let answer: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
		assert!(out.status.success(), "rupee-wallet {args:?}: {answer} {out:?}");
		answer
	};
	run(&["init", "--account", "//Bob"]);
	let dave = ss58(&Dave.to_account_id());
	let before = rpc_amount(
		&client.request::<Value, _>("rupee_account", rpc_params![&dave]).await.unwrap()["free"],
	);
	run(&["pay", "--to", &dave, "--amount", "2.50"]);
	let after = rpc_amount(
		&client.request::<Value, _>("rupee_account", rpc_params![&dave]).await.unwrap()["free"],
	);
	assert_eq!(after, before + 250, "the old wallet's payment on the upgraded chain");
}
