//! The `rupee-wallet` online commands against a real dev node: KYC status, limits, the payment
//! dry run, an online payment followed to finality, balances read back, and the exit codes of
//! refusals and bad input; keys encrypted at rest (passphrase, polkadot.js both ways); an
//! online payment killed after submission and run again pays once.

use crate::{cli, common};

use cli::{ok, wallet, PASSPHRASE};
use common::{test_dir, NodeConfig};
use serde_json::Value;

#[tokio::test]
async fn online_commands_report_status_limits_and_pay() {
	let dir = test_dir("wallet-online");
	let node = common::Node::start(NodeConfig::dev_validator(&dir)).await;
	let url = node.url();
	let dave = dir.join("dave");
	let (code, _) = wallet(&dave, &url, &["init", "--account", "//Dave"]);
	assert_eq!(code, 0);

	let (code, kyc) = wallet(&dave, &url, &["kyc"]);
	assert_eq!(code, 0, "{kyc}");
	assert_eq!(kyc["status"]["tier"], "L0");
	assert_eq!(kyc["status"]["frozen"], false);
	let (_, stranger) = wallet(
		&dave,
		&url,
		&["kyc", "--of", "0x0101010101010101010101010101010101010101010101010101010101010101"],
	);
	assert_eq!(stranger["registered"], false);

	let (code, limits) = wallet(&dave, &url, &["limits"]);
	assert_eq!(code, 0);
	assert_eq!(limits["usage"]["dailyDebitLeft"], "2500000", "L0: 25,000 PKR a day");

	let (code, answer) =
		wallet(&dave, &url, &["can-pay", "--to", "//Ferdie", "--amount", "10,000.01"]);
	assert_eq!(code, 4, "{answer}");
	assert!(
		answer["error"].as_str().unwrap().contains("InsufficientBalance (code 13)"),
		"{answer}"
	);
	let (code, _) = wallet(&dave, &url, &["can-pay", "--to", "//Ferdie", "--amount", "1,250.50"]);
	assert_eq!(code, 0);

	let (code, paid) = wallet(&dave, &url, &["pay", "--to", "//Ferdie", "--amount", "1,250.50"]);
	assert_eq!(code, 0, "{paid}");
	assert!(paid["block"].as_u64().unwrap() > 0);
	let (_, balance) = wallet(&dave, &url, &["balance", "--of", "//Ferdie"]);
	assert_eq!(balance["free"], "125050");
	let (_, limits) = wallet(&dave, &url, &["limits"]);
	assert_eq!(limits["usage"]["dailyDebitUsed"], "125050");

	// Bad input and refusals, with their exit codes.
	let (code, answer) = wallet(&dave, &url, &["pay", "--to", "not-an-address", "--amount", "1"]);
	assert_eq!(code, 2, "{answer}");
	let (code, answer) = wallet(&dave, &url, &["pay", "--to", "//Ferdie", "--amount", "1.234"]);
	assert_eq!(code, 2, "{answer}");
	let (code, answer) = wallet(
		&dave,
		&url,
		&[
			"pay",
			"--to",
			"0x0101010101010101010101010101010101010101010101010101010101010101",
			"--amount",
			"1",
		],
	);
	assert_eq!(code, 4, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("ReceiverNotPermissioned"), "{answer}");

	keys_are_encrypted_at_rest(&dir, &url);
	a_killed_payment_run_again_pays_once(&dir, &url);
	keys_move_to_and_from_polkadot_js(&dir, &url);
}

/// A new wallet shows its mnemonic once, keeps no secret in plain text, and signs only with
/// its passphrase; reading needs none.
fn keys_are_encrypted_at_rest(dir: &std::path::Path, url: &str) {
	let carol = dir.join("carol");
	let created = ok(&carol, url, &["init"]);
	let mnemonic = created["mnemonic"].as_str().expect("the new mnemonic, once").to_string();
	assert_eq!(mnemonic.split_whitespace().count(), 12, "{created}");
	for file in ["wallet.json", "account.json", "device.json"] {
		let text = std::fs::read_to_string(carol.join(file)).unwrap();
		assert!(!text.contains(&mnemonic), "{file} holds the mnemonic");
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let mode = std::fs::metadata(carol.join(file)).unwrap().permissions().mode();
			assert_eq!(mode & 0o777, 0o600, "{file}");
		}
	}
	let key: Value =
		serde_json::from_str(&std::fs::read_to_string(carol.join("account.json")).unwrap())
			.unwrap();
	assert_eq!(key["encoding"]["type"], serde_json::json!(["scrypt", "xsalsa20-poly1305"]));
	// A second `init` never replaces the account.
	let (code, answer) = wallet(&carol, url, &["init"]);
	assert_eq!(code, 2, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("already holds an account"), "{answer}");
	// No passphrase: reading works, signing is refused with what to do.
	let bare = |args: &[&str]| {
		let out = std::process::Command::new(cli::WALLET)
			.arg("--wallet")
			.arg(&carol)
			.args(["--node", url, "--json"])
			.args(args)
			.env_remove("RUPEE_WALLET_PASSPHRASE")
			.stdin(std::process::Stdio::null())
			.output()
			.unwrap();
		let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
		(out.status.code().unwrap(), answer)
	};
	let (code, answer) = bare(&["address"]);
	assert_eq!((code, answer["account"].clone()), (0, created["account"].clone()));
	let (code, answer) = bare(&["pay", "--to", "//Ferdie", "--amount", "1"]);
	assert_eq!(code, 2, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("RUPEE_WALLET_PASSPHRASE"), "{answer}");
	// A wrong one is refused; the right one from a file descriptor works.
	let (code, answer) = {
		let out = cli::command(&carol, url)
			.env("RUPEE_WALLET_PASSPHRASE", "not the passphrase")
			.args(["pay", "--to", "//Ferdie", "--amount", "1"])
			.output()
			.unwrap();
		(out.status.code().unwrap(), serde_json::from_slice::<Value>(&out.stdout).unwrap())
	};
	assert_eq!(code, 2, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("does not open"), "{answer}");
	let passphrase_file = dir.join("carol-passphrase.txt");
	std::fs::write(&passphrase_file, format!("{PASSPHRASE}\n")).unwrap();
	let out = std::process::Command::new("sh")
		.arg("-c")
		.arg(format!(
			"RUPEE_WALLET_PASSPHRASE= exec '{}' --wallet '{}' --node {url} --json --passphrase-fd 3 pay --offline --to //Ferdie --amount 1 3<'{}'",
			cli::WALLET,
			carol.display(),
			passphrase_file.display()
		))
		.output()
		.unwrap();
	let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
	// The passphrase opened the device key; there is no purse to pay from (never funded).
	assert!(answer["error"].as_str().unwrap_or_default().contains("no purse"), "{answer}");
	// Too short a passphrase for a new wallet.
	let out = cli::command(&dir.join("weak"), url)
		.env("RUPEE_WALLET_PASSPHRASE", "short")
		.arg("init")
		.output()
		.unwrap();
	assert_eq!(out.status.code(), Some(2));
	assert!(String::from_utf8_lossy(&out.stdout).contains("at least 8 characters"));
}

/// `pay` killed right after it submitted, then run again with the same arguments: the payee is
/// paid once, and the second run says so.
fn a_killed_payment_run_again_pays_once(dir: &std::path::Path, url: &str) {
	let dave = dir.join("dave");
	let before = balance(&dave, url, "//Eve");
	let mut first = cli::command(&dave, url)
		.args(["pay", "--to", "//Eve", "--amount", "7"])
		.stdout(std::process::Stdio::null())
		.stderr(std::process::Stdio::null())
		.spawn()
		.unwrap();
	// Killed once the signed payment is recorded: submitted or about to be.
	let state = dave.join("wallet.json");
	let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
	while !std::fs::read_to_string(&state).unwrap_or_default().contains("pendingPayment") {
		assert!(std::time::Instant::now() < deadline, "the payment was never signed");
		std::thread::sleep(std::time::Duration::from_millis(20));
	}
	first.kill().unwrap();
	first.wait().unwrap();
	let again = ok(&dave, url, &["pay", "--to", "//Eve", "--amount", "7"]);
	assert_eq!(again["alreadyPaid"], true, "{again}");
	assert_eq!(balance(&dave, url, "//Eve"), before + 700);
	assert!(!std::fs::read_to_string(&state).unwrap().contains("pendingPayment"));
	// A new run is a new payment.
	let next = ok(&dave, url, &["pay", "--to", "//Eve", "--amount", "7"]);
	assert_eq!(next["alreadyPaid"], false, "{next}");
	assert_eq!(balance(&dave, url, "//Eve"), before + 1_400);
}

fn balance(wallet_dir: &std::path::Path, url: &str, of: &str) -> u128 {
	ok(wallet_dir, url, &["balance", "--of", of])["free"].as_str().unwrap().parse().unwrap()
}

/// An account exported from the wallet opens in `@polkadot/keyring` (and signs what the
/// wallet's key verifies); one polkadot.js wrote imports into the wallet and pays.
fn keys_move_to_and_from_polkadot_js(dir: &std::path::Path, url: &str) {
	let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../clients/polkadot-js/keystore.mjs");
	let node_js = |args: &[&str]| -> Value {
		let out = std::process::Command::new("node").arg(script).args(args).output().unwrap();
		assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
		serde_json::from_slice(&out.stdout).unwrap()
	};
	// Wallet -> polkadot.js.
	let dave = dir.join("dave");
	let exported = ok(&dave, url, &["key", "export"])["keystore"].clone();
	let file = dir.join("dave-export.json");
	std::fs::write(&file, exported.to_string()).unwrap();
	let opened = node_js(&["open", file.to_str().unwrap(), PASSPHRASE]);
	use sp_core::{crypto::Ss58Codec, Pair};
	let dave_key = sp_core::sr25519::Pair::from_string("//Dave", None).unwrap().public();
	assert_eq!(opened["address"], dave_key.to_ss58check());
	let signature = rupee_primitives::hex::decode(opened["signature"].as_str().unwrap()).unwrap();
	let signature = sp_core::sr25519::Signature::from_raw(signature.try_into().unwrap());
	assert!(sp_core::sr25519::Pair::verify(&signature, b"rupee keystore check", &dave_key));
	// polkadot.js -> wallet: Ferdie's key written by @polkadot/keyring pays from the wallet.
	let written = dir.join("ferdie-polkadot-js.json");
	node_js(&["write", "//Ferdie", PASSPHRASE, written.to_str().unwrap()]);
	let ferdie = dir.join("ferdie-imported");
	let imported = ok(&ferdie, url, &["init", "--keystore", written.to_str().unwrap()]);
	let ferdie_key = sp_core::sr25519::Pair::from_string("//Ferdie", None).unwrap().public();
	assert_eq!(
		rupee_wallet::online::parse_account(imported["account"].as_str().unwrap()).unwrap(),
		ferdie_key.into()
	);
	let before = balance(&ferdie, url, "//Dave");
	ok(&ferdie, url, &["pay", "--to", "//Dave", "--amount", "2"]);
	assert_eq!(balance(&ferdie, url, "//Dave"), before + 200);
	// The wrong passphrase for the file is refused and leaves no account behind.
	let other = dir.join("ferdie-wrong");
	let out = cli::command(&other, url)
		.env("RUPEE_WALLET_PASSPHRASE", "a different passphrase")
		.args(["init", "--keystore", written.to_str().unwrap()])
		.output()
		.unwrap();
	assert_eq!(out.status.code(), Some(2));
	assert!(!other.join("account.json").exists());
}
