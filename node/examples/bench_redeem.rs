//! Redemption throughput on a real node: `scripts/bench-redeem.sh` starts a dev node and runs
//! this. Eve funds purses (4,096 vouchers each at most, the chain's counter bound) with the
//! minimum voucher (1 PKR) per voucher; their devices sign N vouchers to Ferdie (timed: wallet
//! sign and offline verify per voucher); Bob's bank (an Institution, whose rate limit allows
//! it) submits them in batches of the runtime's bound, all at once, on Ferdie's behalf; the
//! vouchers redeemed in finalized blocks are counted until all N are.
//!
//! Usage: bench_redeem <ws-url> <vouchers>

use std::{
	collections::BTreeMap,
	time::{Duration, Instant},
};

use codec::Encode;
use frame_support::traits::Get;
use jsonrpsee::{
	core::client::{ClientT, SubscriptionClientT},
	rpc_params,
	ws_client::WsClientBuilder,
};
use rupee_primitives::voucher::{Voucher, VoucherBody, VOUCHER_VERSION};
use rupee_runtime::{AccountId, RuntimeCall};
use rupee_wallet::chain::{rt, RuntimeEvent};
use rupee_wallet::{
	offline::hex,
	online::{header_number, Node},
};
use serde_json::Value;
use sp_core::{sr25519, Pair, H256};

fn number(header: &Value) -> u64 {
	header_number(header).expect("a header with a number") as u64
}

#[tokio::main]
async fn main() {
	let args: Vec<String> = std::env::args().collect();
	let url = args.get(1).cloned().unwrap_or_else(|| "ws://127.0.0.1:9944".into());
	let count: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(8_192);
	let per_purse = rupee_primitives::voucher::MAX_VOUCHERS_PER_PURSE as usize;
	let amount = rupee_primitives::voucher::MIN_VOUCHER_AMOUNT;
	let batch =
		<<rupee_runtime::Runtime as pallet_vouchers::Config>::MaxBatch as Get<u32>>::get() as usize;

	let node = Node::connect(&url).await.expect("node");
	let client = WsClientBuilder::default()
		.request_timeout(Duration::from_secs(120))
		.max_concurrent_requests(4096)
		.build(&url)
		.await
		.unwrap();
	let eve = sr25519::Pair::from_string("//Eve", None).unwrap();
	let ferdie = sr25519::Pair::from_string("//Ferdie", None).unwrap();
	let bob = sr25519::Pair::from_string("//Bob", None).unwrap();
	let genesis = node.genesis_hash().await.unwrap();
	let purses = count.div_ceil(per_purse);
	let devices: Vec<sr25519::Pair> = (0..purses)
		.map(|n| {
			sr25519::Pair::from_string(&format!("//bench-device-{}-{n}", std::process::id()), None)
				.unwrap()
		})
		.collect();
	for (n, device) in devices.iter().enumerate() {
		let vouchers = per_purse.min(count - n * per_purse);
		let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
			device_key: device.public().0,
			amount: amount * vouchers as u128,
		});
		// The wallet signs its own (metadata-generated) call type: the same SCALE bytes.
		let fund = rupee_wallet::chain::recode(&fund).expect("the wallet's call type");
		node.submit(&eve, fund, |_| {}).await.expect("Eve funds a purse (L1: 10,000 PKR in all)");
	}
	let payee: [u8; 32] = AccountId::from(ferdie.public()).into();

	let start = Instant::now();
	let vouchers: Vec<Voucher> = (0..count)
		.map(|n| {
			let device = &devices[n / per_purse];
			Voucher::sign(
				VoucherBody {
					version: VOUCHER_VERSION,
					genesis_hash: genesis,
					device_key: device.public().0,
					counter: (n % per_purse) as u64,
					payee,
					amount,
					issued_at: 0,
				},
				device,
			)
		})
		.collect();
	let sign = start.elapsed() / count as u32;
	let start = Instant::now();
	assert!(vouchers.iter().all(Voucher::signature_is_valid));
	let verify = start.elapsed() / count as u32;

	let nonce: u32 = client
		.request("system_accountNextIndex", rpc_params![AccountId::from(bob.public()).to_string()])
		.await
		.unwrap();
	let extrinsics: Vec<String> = vouchers
		.chunks(batch)
		.enumerate()
		.map(|(index, chunk)| {
			let call = RuntimeCall::Vouchers(pallet_vouchers::Call::redeem {
				vouchers: frame_support::BoundedVec::truncate_from(chunk.to_vec()),
			});
			let xt = rupee_runtime::client::signed_extrinsic(
				call,
				&bob,
				nonce + index as u32,
				H256(genesis),
			);
			hex(&xt.encode())
		})
		.collect();

	let mut heads = client
		.subscribe::<Value, _>(
			"chain_subscribeFinalizedHeads",
			rpc_params![],
			"chain_unsubscribeFinalizedHeads",
		)
		.await
		.unwrap();
	let first_head = number(&heads.next().await.unwrap().unwrap());
	let start = Instant::now();
	let submissions = extrinsics
		.iter()
		.map(|xt| client.request::<Value, _>("author_submitExtrinsic", rpc_params![xt]));
	for result in futures::future::join_all(submissions).await {
		result.expect("the pool accepts every batch");
	}
	let submitted = start.elapsed();

	let mut per_block = BTreeMap::new();
	let mut done = first_head;
	let mut redeemed = 0usize;
	while redeemed < count {
		let head = tokio::time::timeout(Duration::from_secs(120), heads.next())
			.await
			.expect("finality stalled")
			.unwrap()
			.unwrap();
		for block in done + 1..=number(&head) {
			let hash: String =
				client.request("chain_getBlockHash", rpc_params![block]).await.unwrap();
			let records = node.events_at(&hash).await.expect("the block's events");
			let n = records
				.iter()
				.filter(|record| {
					matches!(
						record.event,
						RuntimeEvent::Vouchers(
							rt::pallet_vouchers::pallet::Event::VoucherRedeemed { .. }
						)
					)
				})
				.count();
			if n > 0 {
				per_block.insert(block, n);
				redeemed += n;
			}
		}
		done = number(&head);
	}
	let elapsed = start.elapsed();
	let blocks = per_block.len();
	let best = per_block.values().max().copied().unwrap_or(0);
	// As bench-load counts: over the chain's own time, from the block before the first that
	// holds a redemption to the last that does.
	let (first, last) =
		(*per_block.keys().next().expect("a block"), *per_block.keys().last().expect("a block"));
	let timestamp = |block: u64| {
		let node = &node;
		let client = &client;
		async move {
			let hash: String =
				client.request("chain_getBlockHash", rpc_params![block]).await.unwrap();
			node.timestamp_at(&hash).await.expect("timestamp")
		}
	};
	let chain_ms = timestamp(last).await.saturating_sub(timestamp(first - 1).await).max(1);
	println!(
		"vouchers redeemed and finalized: {count} in {:.1} s (submission took {:.1} s)",
		elapsed.as_secs_f64(),
		submitted.as_secs_f64()
	);
	println!(
		"throughput: {:.0} vouchers/s finalized (submission to the last one seen final), {:.0}/s over the chain's time ({} ms, blocks #{first}-#{last})",
		count as f64 / elapsed.as_secs_f64(),
		count as f64 * 1000.0 / chain_ms as f64,
		chain_ms
	);
	println!("blocks with redemptions: {blocks}, most in one block: {best} (batches of {batch})");
	println!(
		"wallet, per voucher: sign {:.1} µs, verify {:.1} µs",
		sign.as_secs_f64() * 1e6,
		verify.as_secs_f64() * 1e6
	);
}
