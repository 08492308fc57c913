//! The node's own Prometheus metrics on a real dev node (docs/operations.md, "Metrics"): every
//! documented metric is served, and so is every metric the alert rules and the Grafana dashboard
//! in `deploy/` use; the figures equal what JSON-RPC reports, and move when money does: a
//! payment, a mint, a purse funded and closed, a transaction the KYC gate refuses; the supply
//! invariant is checked at a block after them and holds.

use crate::common;

use std::{collections::BTreeSet, time::Duration};

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use rupee_primitives::{rupees, PolicyError};
use rupee_runtime::{AccountId, RuntimeCall};
use serde_json::Value;
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Alice, Bob, Dave, Ferdie};

/// The metric families a scrape serves, and the value of each `name{labels}` sample.
fn scrape(port: u16) -> (BTreeSet<String>, Vec<(String, f64)>) {
	let body = http_get(port, "/metrics");
	let mut families = BTreeSet::new();
	let mut samples = Vec::new();
	for line in body.lines() {
		if let Some(rest) = line.strip_prefix("# TYPE ") {
			families.insert(rest.split_whitespace().next().unwrap_or_default().to_string());
		} else if !line.starts_with('#') && !line.is_empty() {
			if let Some((name, value)) = line.rsplit_once(' ') {
				samples.push((name.to_string(), value.parse().unwrap_or(f64::NAN)));
			}
		}
	}
	(families, samples)
}

/// The value of the sample of metric `name` whose labels include `labels` (the node adds its
/// own, `chain="rupee_dev"`).
fn value(samples: &[(String, f64)], name: &str, labels: &[(&str, &str)]) -> Option<f64> {
	samples
		.iter()
		.find(|(sample, _)| {
			let (metric, rest) = sample.split_once('{').unwrap_or((sample, ""));
			metric == name
				&& labels.iter().all(|(key, val)| rest.contains(&format!("{key}=\"{val}\"")))
		})
		.map(|(_, v)| *v)
}

/// Waits until `name` reads `expected` (metrics follow finality).
async fn wait_for(port: u16, name: &str, expected: f64) {
	wait_until(port, name, |now| now == expected).await
}

/// Waits until `name`'s value satisfies `ok`, at most 60 s.
async fn wait_until(port: u16, name: &str, ok: impl Fn(f64) -> bool) {
	let deadline = std::time::Instant::now() + Duration::from_secs(60);
	loop {
		let (_, samples) = scrape(port);
		let now = value(&samples, name, &[]);
		if now.is_some_and(&ok) {
			return;
		}
		assert!(std::time::Instant::now() < deadline, "{name} is {now:?} after 60 s");
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// The number of the block with hash `hash`.
async fn block_number(client: &jsonrpsee::ws_client::WsClient, hash: &str) -> u64 {
	let header: Value = client.request("chain_getHeader", rpc_params![hash]).await.unwrap();
	number_of(&header)
}

/// Metric names (`rupee_*`, `substrate_*`) in a text, without a histogram's `_count`/`_sum`/`_bucket`.
fn names_in(text: &str) -> BTreeSet<String> {
	let mut names = BTreeSet::new();
	for (i, _) in text.match_indices(|c| c == 'r' || c == 's') {
		let rest = &text[i..];
		if !(rest.starts_with("rupee_") || rest.starts_with("substrate_")) {
			continue;
		}
		if i > 0 && text[..i].chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
		{
			continue;
		}
		let name: String =
			rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
		// `rupee_*` in prose names the family, not a metric.
		if !name.ends_with('_') {
			names.insert(name);
		}
	}
	names
}

#[tokio::test(flavor = "multi_thread")]
async fn metrics_show_the_money_and_move_with_it() {
	let dir = test_dir("metrics");
	let node = Node::start(NodeConfig::dev_validator(&dir).with_prometheus()).await;
	let port = node.config.prometheus_port.unwrap();
	wait_finalized(&node, 2, Duration::from_secs(60)).await;
	let client = node.client().await;

	// Every documented metric, and every one the alerts and the dashboard use, is served.
	let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
	let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
	let documented: BTreeSet<String> = names_in(&read("docs/operations.md"))
		.into_iter()
		.filter(|n| n.starts_with("rupee_"))
		.collect();
	assert!(documented.len() >= 15, "{documented:?}");
	let used = names_in(&read("deploy/prometheus/alerts.yml"))
		.into_iter()
		.chain(names_in(&read("deploy/grafana/dashboards/rupee.json")));
	let wanted: BTreeSet<String> = documented.into_iter().chain(used).collect();
	wait_until(port, "rupee_supply_invariant_checked_block", |block| block >= 1.0).await;
	let (families, _) = scrape(port);
	let served = |name: &String| {
		families.contains(name)
			|| name.strip_suffix("_count").is_some_and(|base| families.contains(base))
	};
	let missing: Vec<_> = wanted.iter().filter(|name| !served(name)).collect();
	assert!(missing.is_empty(), "not served: {missing:?}");

	// The figures are the chain's.
	let supply: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	let (_, samples) = scrape(port);
	let issuance = rpc_amount(&supply["totalIssuance"]) as f64;
	assert_eq!(value(&samples, "rupee_total_issuance_paisa", &[]), Some(issuance));
	assert_eq!(
		value(&samples, "rupee_supply_ceiling_paisa", &[]),
		Some(rpc_amount(&supply["supplyCeiling"]) as f64)
	);
	let bob = ss58(&AccountId::from(Bob.public()));
	assert_eq!(
		value(&samples, "rupee_bank_reserve_paisa", &[("bank", &bob)]),
		Some(rupees(10_000_000) as f64)
	);
	assert_eq!(value(&samples, "rupee_payments_total", &[]), Some(0.0));
	assert_eq!(value(&samples, "rupee_board_open_motions", &[]), Some(0.0));
	assert!(value(&samples, "rupee_finality_lag_blocks", &[]).is_some_and(|lag| lag < 10.0));

	// A payment, a mint and a purse move them.
	let pay = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: AccountId::from(Ferdie.public()),
		amount: rupees(5),
	});
	submit_and_wait(&client, &Dave.pair(), pay).await;
	wait_for(port, "rupee_payments_total", 1.0).await;
	let mint = RuntimeCall::Rupee(pallet_rupee::Call::mint {
		to: AccountId::from(Bob.public()),
		amount: rupees(1_000),
	});
	submit_and_wait(&client, &Alice.pair(), mint).await;
	wait_for(port, "rupee_total_issuance_paisa", issuance + rupees(1_000) as f64).await;
	let phone = sr25519::Pair::from_string("//DaveMetricsPhone", None).unwrap();
	let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
		device_key: phone.public().0,
		amount: rupees(300),
	});
	submit_and_wait(&client, &Dave.pair(), fund).await;
	wait_for(port, "rupee_escrowed_paisa", rupees(300) as f64).await;
	wait_for(port, "rupee_purses_active", 1.0).await;
	// A closed purse is no longer active (the scan counts by status, not entries).
	let close =
		RuntimeCall::Vouchers(pallet_vouchers::Call::close_purse { device_key: phone.public().0 });
	let closed_in = submit_and_wait(&client, &Dave.pair(), close).await;
	let closed_at = block_number(&client, &closed_in).await;
	wait_for(port, "rupee_purses_active", 0.0).await;
	// The invariant was checked at a block after all this, and holds.
	wait_until(port, "rupee_supply_invariant_checked_block", |block| block >= closed_at as f64)
		.await;
	let (_, samples) = scrape(port);
	assert_eq!(value(&samples, "rupee_supply_invariant_broken", &[]), Some(0.0));
	assert_eq!(value(&samples, "rupee_double_spends_detected_total", &[]), Some(0.0));

	// An outsider's transaction is refused at the pool with code 1, and counted.
	let outsider = sr25519::Pair::from_string("//MetricsOutsider", None).unwrap();
	let refused = submit_refused(
		&client,
		&outsider,
		RuntimeCall::Rupee(pallet_rupee::Call::transfer {
			to: AccountId::from(Ferdie.public()),
			amount: 1,
		}),
	)
	.await;
	assert!(refused_with(&refused, PolicyError::NotPermissioned), "{refused}");
	let (_, samples) = scrape(port);
	assert_eq!(value(&samples, "rupee_pool_refusals_total", &[("code", "1")]), Some(1.0));
}
