//! The gate's call table against a running dev node, over JSON-RPC: every way a free
//! transaction could fill blocks (a made-up motion closed with a huge weight bound, sudo's
//! unchecked weight, a whitelisted dispatch with a chosen weight, a 3.7 MiB remark, a 5 MiB
//! runtime) is refused at submission with its documented code, and after 100 such attempts
//! from 10 citizens no block carries more than 10 % of its weight.

use crate::common;

use codec::Decode;
use common::*;
use frame_support::{dispatch::PerDispatchClass, weights::Weight};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClient};
use rupee_primitives::{PolicyError, Tier};
use rupee_runtime::{AccountId, RuntimeCall};
use sp_core::{sr25519, Pair, H256};
use sp_keyring::Sr25519Keyring::{Alice, Bob};

const HUGE: Weight = Weight::from_parts(u64::MAX / 2, u64::MAX / 2);

/// The attacks, each with the code a citizen gets.
fn attacks() -> Vec<(&'static str, RuntimeCall, PolicyError)> {
	let remark =
		|size: usize| RuntimeCall::System(frame_system::Call::remark { remark: vec![7; size] });
	vec![
		(
			"Board.close of a made-up motion",
			RuntimeCall::Board(pallet_collective::Call::close {
				proposal_hash: H256::repeat_byte(0xAB),
				index: 0,
				proposal_weight_bound: HUGE,
				length_bound: 100,
			}),
			PolicyError::GovernanceOnly,
		),
		(
			"Sudo.sudo_unchecked_weight",
			RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight {
				call: Box::new(remark(1)),
				weight: HUGE,
			}),
			PolicyError::CallNotAllowed,
		),
		(
			"Whitelist.dispatch_whitelisted_call",
			RuntimeCall::Whitelist(pallet_whitelist::Call::dispatch_whitelisted_call {
				call_hash: H256::repeat_byte(1),
				call_encoded_len: 10,
				call_weight_witness: HUGE,
			}),
			PolicyError::CallNotAllowed,
		),
		("System.remark of 3.7 MiB", remark(3_700 * 1024), PolicyError::CallNotAllowed),
		(
			"System.set_code of 5 MiB",
			RuntimeCall::System(frame_system::Call::set_code { code: vec![0; 5 << 20] }),
			PolicyError::CallNotAllowed,
		),
	]
}

/// The weight a block used (all classes), from its `System.BlockWeight`.
async fn block_weight(client: &WsClient, number: u64) -> Weight {
	let hash = block_hash(client, number).await.expect("the block exists");
	let mut key = sp_io::hashing::twox_128(b"System").to_vec();
	key.extend(sp_io::hashing::twox_128(b"BlockWeight"));
	let value: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key), hash]).await.unwrap();
	let used = PerDispatchClass::<Weight>::decode(&mut &hex_bytes(&value.unwrap())[..]).unwrap();
	used.total()
}

#[tokio::test(flavor = "multi_thread")]
async fn free_transactions_cannot_fill_blocks() {
	let dir = test_dir("gate-attacks");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	// A 5 MiB runtime is 10 MiB of hex: more than the client sends by default (the node
	// takes up to 15 MiB).
	let client = jsonrpsee::ws_client::WsClientBuilder::default()
		.max_request_size(16 << 20)
		.request_timeout(std::time::Duration::from_secs(60))
		.build(node.url())
		.await
		.unwrap();

	// Ten citizens, registered by Bob's bank.
	let citizens: Vec<sr25519::Pair> = (0..10)
		.map(|i| sr25519::Pair::from_string(&format!("//Citizen{i}"), None).unwrap())
		.collect();
	for citizen in &citizens {
		let register = RuntimeCall::Kyc(pallet_kyc::Call::register_account {
			who: citizen.public().into(),
			tier: Tier::L0,
			expires_at: rupee_runtime::genesis_config_presets::DEV_KYC_EXPIRY,
			commitment: [1; 32],
			linked_bank: Some(Bob.to_account_id()),
		});
		submit_and_wait(&client, &Bob.pair(), register).await;
	}
	let first = best_number(&client).await;

	// 100 attempts: each citizen tries every attack twice; each is refused with its code.
	let attacks = attacks();
	for round in 0..2 {
		for citizen in &citizens {
			for (name, call, code) in &attacks {
				let message = submit_refused(&client, citizen, call.clone()).await;
				assert!(refused_with(&message, *code), "{name} (round {round}): {message}");
			}
		}
	}
	// A governor may sign Board calls, but not a close of a motion that is not open.
	let (_, close, _) = &attacks[0];
	let message = submit_refused(&client, &Alice.pair(), close.clone()).await;
	assert!(refused_with(&message, PolicyError::ArgumentRefused), "{message}");

	// None of it reached a block: every block since is (nearly) empty.
	let last = best_number(&client).await + 2;
	wait_finalized(&node, last, std::time::Duration::from_secs(60)).await;
	let max = rupee_runtime::configs::RuntimeBlockWeights::get().max_block;
	for number in first..=last {
		let used = block_weight(&client, number).await;
		assert!(used.ref_time() * 10 < max.ref_time(), "block #{number} used {used:?} of {max:?}");
	}
	for citizen in &citizens {
		assert_eq!(next_nonce(&client, &AccountId::from(citizen.public())).await, 0);
	}
}
