//! The committed chain specs in `chain-spec/` match what this runtime and node generate.

use crate::common;

use std::process::Command;

use common::NODE;
use serde_json::Value;

/// The spec the binary generates for `chain`, with the code blob omitted as in the committed
/// files (see scripts/chain-specs.sh).
fn generated(chain: &str) -> Value {
	let mut spec = generated_with_code(chain);
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

/// Run `scripts/pilot-spec.py template validators governors`; its stdout, or its message.
fn pilot_spec(
	dir: &std::path::Path,
	template: &std::path::Path,
	validators: &Value,
	governors: &Value,
) -> Result<Value, String> {
	let write = |name: &str, value: &Value| {
		let path = dir.join(name);
		std::fs::write(&path, value.to_string()).unwrap();
		path
	};
	let validators = write("validators.json", validators);
	let governors = write("governors.json", governors);
	let script = format!("{}/../scripts/pilot-spec.py", env!("CARGO_MANIFEST_DIR"));
	let out = Command::new("python3")
		.arg(script)
		.arg(template)
		.args([&validators, &governors])
		.output()
		.unwrap();
	if out.status.success() {
		Ok(serde_json::from_slice(&out.stdout).unwrap())
	} else {
		Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
	}
}

/// The spec the binary generates for `chain`, runtime code included.
fn generated_with_code(chain: &str) -> Value {
	let out = Command::new(NODE).args(["export-chain-spec", "--chain", chain]).output().unwrap();
	assert!(out.status.success(), "export-chain-spec --chain {chain} failed");
	serde_json::from_slice(&out.stdout).unwrap()
}

/// The `0x`-hex storage value at `pallet`.`item` on the node's genesis block, SCALE-decoded.
async fn genesis_value<T: codec::Decode>(
	client: &jsonrpsee::ws_client::WsClient,
	pallet: &str,
	item: &str,
) -> T {
	use jsonrpsee::{core::client::ClientT, rpc_params};
	let mut key = sp_io::hashing::twox_128(pallet.as_bytes()).to_vec();
	key.extend(sp_io::hashing::twox_128(item.as_bytes()));
	let genesis = common::block_hash(client, 0).await.unwrap();
	let value: Option<String> = client
		.request("state_getStorage", rpc_params![common::to_hex(&key), genesis])
		.await
		.unwrap();
	T::decode(&mut &common::hex_bytes(&value.expect("a genesis value"))[..]).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn pilot_spec_fills_validators_and_governors_and_a_node_starts_from_it() {
	use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
	use sp_keyring::{Ed25519Keyring, Sr25519Keyring};
	// Operators copy addresses as `rupee-node key` prints them: in the chain's own format.
	let chain_format = Ss58AddressFormat::custom(rupee_runtime::SS58_PREFIX);
	let dir = common::test_dir("pilot-spec");
	let template = generated_with_code("pilot");
	let template_path = dir.join("pilot-template.json");
	std::fs::write(&template_path, template.to_string()).unwrap();
	let banks =
		[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie, Sr25519Keyring::Dave];
	let validators: Value = banks
		.iter()
		.zip([
			Ed25519Keyring::Alice,
			Ed25519Keyring::Bob,
			Ed25519Keyring::Charlie,
			Ed25519Keyring::Dave,
		])
		.map(|(bank, grandpa)| {
			serde_json::json!({
				"account": bank.to_account_id().to_ss58check_with_version(chain_format),
				"aura": bank.public().to_ss58check(),
				"grandpa": grandpa.public().to_ss58check_with_version(chain_format),
			})
		})
		.collect();
	let governors = [Sr25519Keyring::Eve, Sr25519Keyring::Ferdie, Sr25519Keyring::One];
	let governor_list: Value = governors
		.iter()
		.map(|g| Value::from(g.to_account_id().to_ss58check_with_version(chain_format)))
		.collect();
	// The spec holds them in the generic format, the one the runtime reads at genesis.
	let generic_governors: Value =
		governors.iter().map(|g| Value::from(g.to_account_id().to_ss58check())).collect();

	// Refusals, each with its reason.
	let refused = |validators: &Value, governors: &Value| {
		pilot_spec(&dir, &template_path, validators, governors).expect_err("refused")
	};
	let three: Value = validators.as_array().unwrap()[..3].to_vec().into();
	assert!(refused(&three, &governor_list).contains("expected 4 validators"));
	let mut repeated = validators.clone();
	repeated[1]["aura"] = repeated[0]["aura"].clone();
	assert!(refused(&repeated, &governor_list).contains("`aura` key is repeated"));
	let mut not_an_address = validators.clone();
	not_an_address[2]["grandpa"] = "0x0303".into();
	assert!(refused(&not_an_address, &governor_list).contains("is not an SS58 address"));
	let mut mistyped = governor_list.clone();
	let text = mistyped[1].as_str().unwrap().to_string();
	let last = if text.ends_with('A') { "B" } else { "A" };
	mistyped[1] = format!("{}{last}", &text[..text.len() - 1]).into();
	assert!(refused(&validators, &mistyped).contains("checksum is wrong"));
	let mut polkadot = governor_list.clone();
	polkadot[0] =
		governors[0].to_account_id().to_ss58check_with_version(Ss58AddressFormat::custom(0)).into();
	assert!(refused(&validators, &polkadot).contains("another network (SS58 prefix 0)"));
	let two: Value = governor_list.as_array().unwrap()[..2].to_vec().into();
	assert!(refused(&validators, &two).contains("at least 3 governors"));
	let twice: Value =
		vec![governor_list[0].clone(), governor_list[1].clone(), governor_list[0].clone()].into();
	assert!(refused(&validators, &twice).contains("a governor is repeated"));

	// The filled spec: only the validator and Board entries changed.
	let filled = pilot_spec(&dir, &template_path, &validators, &governor_list).unwrap();
	let patch = &filled["genesis"]["runtimeGenesis"]["patch"];
	assert_eq!(patch["boardMembership"]["members"], generic_governors);
	assert_eq!(
		patch["session"]["keys"][0][0],
		Value::from(banks[0].to_account_id().to_ss58check()),
		"validator accounts converted to the generic format"
	);
	assert_eq!(patch["validators"]["validators"].as_array().unwrap().len(), 4);
	assert_eq!(patch["sudo"]["key"], Value::Null);
	for (name, value) in template["genesis"]["runtimeGenesis"]["patch"].as_object().unwrap() {
		if !["boardMembership", "validators", "session"].contains(&name.as_str()) {
			assert_eq!(&patch[name], value, "pilot-spec.py changed `{name}`");
		}
	}
	let spec_path = dir.join("pilot.json");
	std::fs::write(&spec_path, filled.to_string()).unwrap();

	// A node starts from it; its genesis state holds the governors and validators.
	let node = common::Node::start(common::NodeConfig::new(
		spec_path.to_str().unwrap(),
		&dir.join("observer"),
	))
	.await;
	let client = node.client().await;
	let board: Vec<rupee_runtime::AccountId> = genesis_value(&client, "Board", "Members").await;
	let mut expected: Vec<_> = governors.iter().map(|g| g.to_account_id()).collect();
	expected.sort();
	assert_eq!(board, expected);
	let set: Vec<rupee_runtime::AccountId> =
		genesis_value(&client, "Validators", "Validators").await;
	assert_eq!(set, banks.iter().map(|b| b.to_account_id()).collect::<Vec<_>>());
}
