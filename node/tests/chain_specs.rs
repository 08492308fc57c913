//! The committed chain specs in `chain-spec/` match what this runtime and node generate.

mod common;

use std::process::Command;

use common::NODE;
use serde_json::Value;

/// The spec the binary generates for `chain`, with the code blob omitted as in the committed
/// files (see scripts/chain-specs.sh).
fn generated(chain: &str) -> Value {
	let out = Command::new(NODE).args(["export-chain-spec", "--chain", chain]).output().unwrap();
	assert!(out.status.success(), "export-chain-spec --chain {chain} failed");
	let mut spec: Value = serde_json::from_slice(&out.stdout).unwrap();
	let code = &mut spec["genesis"]["runtimeGenesis"]["code"];
	assert!(
		code.as_str().is_some_and(|c| c.starts_with("0x") && c.len() > 100_000),
		"no runtime code"
	);
	*code = Value::String(
		"<omitted: rupee-node export-chain-spec --chain CHAIN gives the spec with code>".into(),
	);
	spec
}

fn committed(chain: &str) -> Value {
	let path = format!("{}/../chain-spec/{chain}.json", env!("CARGO_MANIFEST_DIR"));
	serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn committed_chain_specs_match_the_runtime() {
	for chain in ["dev", "local", "pilot"] {
		assert_eq!(
			committed(chain),
			generated(chain),
			"chain-spec/{chain}.json is out of date: run scripts/chain-specs.sh"
		);
	}
}

#[test]
fn chain_specs_say_what_the_network_is() {
	let dev = committed("dev");
	assert_eq!(dev["chainType"], "Development");
	assert_eq!(dev["properties"]["tokenSymbol"], "PKR");
	assert_eq!(dev["properties"]["tokenDecimals"], 2);
	let patch = |chain: &str| committed(chain)["genesis"]["runtimeGenesis"]["patch"].clone();
	// Only dev has a sudo key.
	assert!(patch("dev")["sudo"]["key"].is_string());
	for chain in ["local", "pilot"] {
		assert!(patch(chain)["sudo"]["key"].is_null(), "{chain} must not have a sudo key");
	}
	// Validators and their keys reach Aura and GRANDPA through the first session.
	assert_eq!(patch("dev")["session"]["keys"].as_array().unwrap().len(), 1);
	assert_eq!(patch("local")["session"]["keys"].as_array().unwrap().len(), 4);
	assert_eq!(patch("local")["validators"]["validators"].as_array().unwrap().len(), 4);
	assert_eq!(patch("local")["boardMembership"]["members"].as_array().unwrap().len(), 3);
	assert_eq!(committed("pilot")["chainType"], "Live");
}
