//! `docs/rpc.md` cannot drift from the node: every custom method the node serves (`kyc_*`,
//! `rupee_*`, `vouchers_*`) has a section there, and every documented one exists, with the
//! number of parameters the node accepts.

mod common;

use std::collections::BTreeSet;

use common::*;
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;

const CUSTOM: [&str; 3] = ["kyc_", "rupee_", "vouchers_"];

/// `(method, parameter count)` of each `## `/`### ` heading like `` `rupee_account(account, at?)` ``.
fn documented() -> BTreeSet<(String, usize)> {
	let text = include_str!("../../docs/rpc.md");
	text.lines()
		.filter(|line| line.starts_with('#'))
		.filter_map(|line| {
			let signature = line.split('`').nth(1)?;
			let (name, rest) = signature.split_once('(')?;
			CUSTOM.iter().any(|prefix| name.starts_with(prefix)).then(|| {
				let params =
					rest.trim_end_matches(')').split(',').filter(|p| !p.trim().is_empty()).count();
				(name.to_string(), params)
			})
		})
		.collect()
}

#[tokio::test]
async fn every_custom_rpc_method_is_documented_and_every_documented_one_exists() {
	let dir = test_dir("rpc-docs");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	let client = node.client().await;
	let methods: Value = client.request("rpc_methods", rpc_params![]).await.unwrap();
	let served: BTreeSet<String> = methods["methods"]
		.as_array()
		.unwrap()
		.iter()
		.filter_map(Value::as_str)
		.filter(|name| CUSTOM.iter().any(|prefix| name.starts_with(prefix)))
		.map(String::from)
		.collect();
	let documented = documented();
	let names: BTreeSet<String> = documented.iter().map(|(name, _)| name.clone()).collect();
	assert_eq!(served, names, "docs/rpc.md and the node's custom methods differ");

	// Each documented method answers when called with its documented number of parameters
	// (all but the optional `at`), here with values of the right kind.
	let account = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
	let device_key = format!("0x{}", "07".repeat(32));
	for (name, params) in &documented {
		let args: Vec<Value> = match name.as_str() {
			"rupee_canTransfer" => vec![account.into(), account.into(), "1".into()],
			"vouchers_purse" => vec![device_key.clone().into()],
			"vouchers_status" | "vouchers_check" => continue,
			_ if *params == 2 => vec![account.into()],
			_ => vec![],
		};
		assert_eq!(args.len() + 1, *params, "{name}: documented parameters");
		let mut list = jsonrpsee::core::params::ArrayParams::new();
		for arg in args {
			list.insert(arg).unwrap();
		}
		client
			.request::<Value, _>(name, list)
			.await
			.unwrap_or_else(|error| panic!("{name} as documented: {error}"));
	}
}
