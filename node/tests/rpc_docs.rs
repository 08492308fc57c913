//! `docs/rpc.md` cannot drift from the node: every custom method the node serves (`kyc_*`,
//! `rupee_*`, `vouchers_*`) has a section there, and every documented one exists, with the
//! number of parameters the node accepts; every complete example request there gets exactly the
//! documented answer from a fresh dev node; and every answer spells amounts as decimal strings
//! and "no limit" as `null`.

use crate::common;

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
	// (all but the optional `at`), here with values of the right kind, for a citizen and a
	// bank (no limits).
	let dave = "nGL2xvAfCN2M7bk99A31hgt8qWv1Fqa16stgY5PpnwqxSRAAR"; // the chain's format
	let bob = "nGNAamozBq1Qog3tTNn1QPqm7YcgPXCXL25GEgwewmPG96PYD";
	let device_key = format!("0x{}", "07".repeat(32));
	let mut amounts_seen = 0;
	for ((name, params), account) in documented.iter().flat_map(|m| [(m, dave), (m, bob)]) {
		let args: Vec<Value> = match name.as_str() {
			"rupee_canTransfer" => vec![account.into(), account.into(), "1".into()],
			"vouchers_purse" | "vouchers_purseProof" => vec![device_key.clone().into()],
			"vouchers_status" | "vouchers_check" => continue,
			// `at` comes first here: the page's start and length follow it.
			"vouchers_revocations" => vec![Value::Null, Value::Null],
			_ if *params == 2 => vec![account.into()],
			_ => vec![],
		};
		assert_eq!(args.len() + 1, *params, "{name}: documented parameters");
		let mut list = jsonrpsee::core::params::ArrayParams::new();
		for arg in args {
			list.insert(arg).unwrap();
		}
		let answer = client
			.request::<Value, _>(name, list)
			.await
			.unwrap_or_else(|error| panic!("{name} as documented: {error}"));
		amounts_seen += amounts_are_strings(name, &answer);
		if name == "rupee_bankReserves" {
			let reserves = answer.as_array().unwrap();
			assert!(reserves.iter().all(|entry| entry[1].is_string()), "{answer}");
			amounts_seen += reserves.len();
		}
	}
	assert!(amounts_seen > 60, "the answers' amounts were checked ({amounts_seen})");

	// Every complete example request gets exactly the documented answer from a fresh dev node
	// (examples shortened with `…` are skipped).
	let mut checked = 0;
	for (request, response) in examples() {
		let method = request["method"].as_str().unwrap();
		let mut list = jsonrpsee::core::params::ArrayParams::new();
		for param in request["params"].as_array().unwrap() {
			list.insert(param.clone()).unwrap();
		}
		let answer: Value = client.request(method, list).await.unwrap();
		amounts_are_strings(method, &answer);
		if let Some(response) = response {
			assert_eq!(answer, response["result"], "docs/rpc.md's example answer for {method}");
			checked += 1;
		}
	}
	assert!(checked >= 2, "the exact examples were found in docs/rpc.md");
}

/// The fields that hold amounts in paisa, in any answer.
const AMOUNTS: [&str; 16] = [
	"free",
	"escrowed",
	"escrow",
	"redeemed",
	"voucherCap",
	"purseCap",
	"maxBalance",
	"amount",
	"paid",
	"claimed",
	"totalIssuance",
	"totalEscrowed",
	"supplyCeiling",
	"balanceRoom",
	"dailyDebit",
	"monthlyCredit",
];

/// Asserts that `answer` spells every amount as a decimal string (or `null`: no limit) and
/// holds no number JavaScript cannot represent exactly; returns how many amounts it checked.
fn amounts_are_strings(method: &str, answer: &Value) -> usize {
	let is_amount = |key: &str| {
		AMOUNTS.contains(&key)
			|| ["Used", "Left", "Debit", "Credit"].iter().any(|suffix| key.ends_with(suffix))
	};
	match answer {
		Value::Object(fields) => fields
			.iter()
			.map(|(key, value)| {
				if is_amount(key) && !value.is_object() {
					let ok = value.is_null()
						|| value.as_str().is_some_and(|text| text.parse::<u128>().is_ok());
					assert!(ok, "{method}: {key} is {value}, not a decimal string or null");
					1
				} else {
					amounts_are_strings(method, value)
				}
			})
			.sum(),
		Value::Array(items) => items.iter().map(|item| amounts_are_strings(method, item)).sum(),
		Value::Number(number) => {
			let exact = number.as_u64().is_some_and(|n| n <= 1 << 53)
				|| number.as_i64().is_some_and(|n| n.unsigned_abs() <= 1 << 53);
			assert!(exact, "{method}: {number} is beyond JavaScript's exact integers");
			0
		},
		_ => 0,
	}
}

/// The example requests in docs/rpc.md (```json blocks with a `method`), each with the
/// example answer in the block right after it, when both are complete JSON.
fn examples() -> Vec<(Value, Option<Value>)> {
	let text = include_str!("../../docs/rpc.md");
	let blocks: Vec<&str> = text
		.split("```json\n")
		.skip(1)
		.filter_map(|rest| rest.split_once("\n```").map(|(block, _)| block))
		.collect();
	blocks
		.iter()
		.enumerate()
		.filter_map(|(i, block)| {
			// A shortened example (`0x3c9f…`) is for reading, not for sending.
			if block.contains('…') {
				return None;
			}
			let request: Value = serde_json::from_str(block).ok()?;
			request.get("method")?;
			let response = blocks
				.get(i + 1)
				.and_then(|next| serde_json::from_str::<Value>(next).ok())
				.filter(|next| next.get("result").is_some());
			Some((request, response))
		})
		.collect()
}
