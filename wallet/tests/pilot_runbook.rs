//! The operator runbook of `docs/pilot.md`, end to end, with the tools an operator has:
//! `rupee-node key generate` for fresh keys, `scripts/pilot-spec.py` for the chain spec, four
//! validators started from it, and then `rupee-wallet` commands alone: the Board accredits two
//! banks, registers their reserve and the issuer's account, sets the issuer and the ceiling;
//! the issuer mints; a bank registers a customer, another a merchant; the customer pays the
//! merchant; a governor proposes a fifth governor and the Board takes them in. No sudo, no dev
//! keys.

use crate::{cli, common};

use std::{
	path::{Path, PathBuf},
	process::Command,
};

use cli::{ok, wallet};
use common::{node_binary, node_key, test_dir, Node, NodeConfig};
use serde_json::Value;

/// `rupee-node key generate` in JSON: the secret phrase and the address in the chain's format.
fn generate_key(scheme: &str) -> (String, String) {
	let out = Command::new(node_binary())
		.args(["key", "generate", "--scheme", scheme, "--output-type", "json"])
		.output()
		.unwrap();
	assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
	let key: Value = serde_json::from_slice(&out.stdout).unwrap();
	let address = key["ss58Address"].as_str().unwrap().to_string();
	assert!(address.starts_with("nG"), "the chain's own format: {address}");
	(key["secretPhrase"].as_str().unwrap().to_string(), address)
}

fn run(command: &mut Command) -> Vec<u8> {
	let out = command.output().unwrap();
	assert!(out.status.success(), "{command:?}: {}", String::from_utf8_lossy(&out.stderr));
	out.stdout
}

/// One bank's validator: its account, Aura and GRANDPA keys.
struct Validator {
	name: String,
	aura_phrase: String,
	grandpa_phrase: String,
	json: Value,
}

fn new_validator(name: &str) -> Validator {
	let (_, account) = generate_key("sr25519");
	let (aura_phrase, aura) = generate_key("sr25519");
	let (grandpa_phrase, grandpa) = generate_key("ed25519");
	Validator {
		name: name.into(),
		aura_phrase,
		grandpa_phrase,
		json: serde_json::json!({ "account": account, "aura": aura, "grandpa": grandpa }),
	}
}

/// The raw pilot spec with these validators and governors, as the runbook makes it.
fn pilot_spec(dir: &Path, validators: &[Validator], governors: &[String]) -> PathBuf {
	let template = dir.join("pilot-template.json");
	std::fs::write(
		&template,
		run(Command::new(node_binary()).args(["export-chain-spec", "--chain", "pilot"])),
	)
	.unwrap();
	let validators_json = dir.join("validators.json");
	let list: Vec<&Value> = validators.iter().map(|v| &v.json).collect();
	std::fs::write(&validators_json, serde_json::to_string(&list).unwrap()).unwrap();
	let governors_json = dir.join("governors.json");
	std::fs::write(&governors_json, serde_json::to_string(governors).unwrap()).unwrap();
	let script = format!("{}/../scripts/pilot-spec.py", env!("CARGO_MANIFEST_DIR"));
	let filled = dir.join("pilot.json");
	std::fs::write(
		&filled,
		run(Command::new("python3")
			.arg(script)
			.arg(&template)
			.arg(&validators_json)
			.arg(&governors_json)),
	)
	.unwrap();
	let raw = dir.join("pilot-raw.json");
	std::fs::write(
		&raw,
		run(Command::new(node_binary())
			.args(["export-chain-spec", "--raw", "--chain"])
			.arg(&filled)),
	)
	.unwrap();
	raw
}

/// Put the validator's session keys in its node's keystore (`rupee-node key insert`).
fn insert_keys(spec: &Path, base_path: &Path, validator: &Validator) {
	for (scheme, phrase, key_type) in [
		("sr25519", &validator.aura_phrase, "aura"),
		("ed25519", &validator.grandpa_phrase, "gran"),
	] {
		run(Command::new(node_binary())
			.args(["key", "insert", "--chain"])
			.arg(spec)
			.arg("--base-path")
			.arg(base_path)
			.args(["--scheme", scheme, "--suri", phrase, "--key-type", key_type]));
	}
}

/// A wallet in `dir` holding a fresh account (or `phrase`); its address.
fn new_wallet(dir: &Path, url: &str, phrase: Option<&str>) -> String {
	let mut args = vec!["init"];
	if let Some(phrase) = phrase {
		args.extend(["--account", phrase]);
	}
	ok(dir, url, &args)["account"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pilot_network_boots_from_fresh_keys_and_runs_on_governance_alone() {
	let dir = test_dir("pilot-runbook");

	// 1. Keys: each bank a validator (account, Aura, GRANDPA); the central bank three governors.
	let validators: Vec<Validator> =
		["bank-a", "bank-b", "bank-c", "bank-d"].into_iter().map(new_validator).collect();
	let governor_keys: Vec<(String, String)> = (0..3).map(|_| generate_key("sr25519")).collect();
	let governors: Vec<String> = governor_keys.iter().map(|(_, address)| address.clone()).collect();

	// 2. The chain spec, 3. the four validators, each with its keys in its keystore.
	let spec = pilot_spec(&dir, &validators, &governors);
	let spec_arg = spec.to_string_lossy().to_string();
	let mut nodes = Vec::new();
	let mut bootnode = String::new();
	for validator in &validators {
		let base_path = dir.join(&validator.name);
		insert_keys(&spec, &base_path, validator);
		let (key_file, peer_id) = node_key(&dir, &validator.name);
		let mut config = NodeConfig::new(&spec_arg, &base_path)
			.arg("--validator")
			.arg("--name")
			.arg(validator.name.clone())
			.arg("--node-key-file")
			.arg(key_file.to_string_lossy().to_string());
		if bootnode.is_empty() {
			bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", config.p2p_port);
		} else {
			config = config.arg("--bootnodes").arg(bootnode.clone());
		}
		nodes.push(Node::start(config).await);
	}
	let url = nodes[0].url();
	let url = url.as_str();
	common::wait_finalized(&nodes[0], 2, std::time::Duration::from_secs(120)).await;

	// 4. Wallets: the governors', two banks', the issuer's, a customer's and a merchant's.
	let governor_wallets: Vec<PathBuf> = governor_keys
		.iter()
		.enumerate()
		.map(|(i, (phrase, address))| {
			let wallet_dir = dir.join(format!("governor-{i}"));
			assert_eq!(&new_wallet(&wallet_dir, url, Some(phrase)), address);
			wallet_dir
		})
		.collect();
	let [bank_a_dir, bank_b_dir, issuer_dir, customer_dir, merchant_dir, new_governor_dir] =
		["bank-a-wallet", "bank-b-wallet", "issuer", "customer", "merchant", "governor-new"]
			.map(|name| dir.join(name));
	let bank_a = new_wallet(&bank_a_dir, url, None);
	let bank_b = new_wallet(&bank_b_dir, url, None);
	let issuer = new_wallet(&issuer_dir, url, None);
	let customer = new_wallet(&customer_dir, url, None);
	let merchant = new_wallet(&merchant_dir, url, None);
	let new_governor = new_wallet(&new_governor_dir, url, None);

	// The Board decides by motions: the first governor proposes, two vote, the third closes.
	let motion = |proposal: &[&str]| {
		let mut args = vec!["board", "propose"];
		args.extend(proposal);
		let proposed = ok(&governor_wallets[0], url, &args);
		assert_eq!(proposed["status"], "proposed", "{proposed}");
		let hash = proposed["motion"].as_str().unwrap().to_string();
		for governor in &governor_wallets[..2] {
			ok(governor, url, &["board", "vote", "--motion", &hash, "--aye"]);
		}
		let closed = ok(&governor_wallets[2], url, &["board", "close", "--motion", &hash]);
		assert_eq!(closed["status"], "executed", "{proposal:?}: {closed}");
	};
	// A governor's first transaction needs no KYC record and no deposit.
	let (code, refused) =
		wallet(&bank_a_dir, url, &["board", "propose", "ceiling", "--amount", "1"]);
	assert_eq!(code, 4, "only governors propose: {refused}");
	assert!(refused["error"].as_str().unwrap().contains("code 1"), "{refused}");

	// 5. The Board accredits two banks, registers their reserve accounts and the issuer's,
	//    sets the issuer and the supply ceiling.
	motion(&["accredit-provider", "--account", &bank_a]);
	motion(&["accredit-provider", "--account", &bank_b]);
	for (account, provider) in [(&bank_a, &bank_a), (&bank_b, &bank_b), (&issuer, &bank_a)] {
		motion(&[
			"register-institution",
			"--account",
			account,
			"--provider",
			provider,
			"--kyc-record",
			"central bank licence file",
		]);
	}
	motion(&["issuer", "--account", &issuer]);
	motion(&["ceiling", "--amount", "1,000,000,000"]);

	// 6. The issuer mints into bank A's reserve.
	let minted = ok(&issuer_dir, url, &["mint", "--to", &bank_a, "--amount", "100,000"]);
	assert_eq!(minted["totalIssuance"], "10000000", "{minted}");

	// 7. Bank A registers a customer, bank B a merchant; bank A pays its customer.
	ok(
		&bank_a_dir,
		url,
		&["customer", "register", "--account", &customer, "--tier", "L1", "--kyc-record", "NIC 1"],
	);
	ok(
		&bank_b_dir,
		url,
		&[
			"customer",
			"register",
			"--account",
			&merchant,
			"--tier",
			"Merchant",
			"--kyc-record",
			"NTN 2",
		],
	);
	ok(&bank_a_dir, url, &["pay", "--to", &customer, "--amount", "5,000"]);

	// 8. The customer pays the merchant.
	ok(&customer_dir, url, &["pay", "--to", &merchant, "--amount", "1,250"]);
	let balance = |dir: &Path| ok(dir, url, &["balance"])["free"].as_str().unwrap().to_string();
	assert_eq!(balance(&merchant_dir), "125000");
	assert_eq!(balance(&customer_dir), "375000");

	// 9. A governor proposes another governor and the Board takes them in; the new governor
	//    (no KYC record) can sign a motion at once.
	motion(&["add-governor", "--account", &new_governor]);
	let members = ok(&new_governor_dir, url, &["board", "members"]);
	assert_eq!(members["members"].as_array().unwrap().len(), 4, "{members}");
	let proposed = ok(&new_governor_dir, url, &["board", "propose", "ceiling", "--amount", "2"]);
	assert_eq!(proposed["status"], "proposed", "{proposed}");
	drop(nodes);
}
