//! The `rupee-wallet` online commands against a real dev node: KYC status, limits, the payment
//! dry run, an online payment followed to finality, balances read back, and the exit codes of
//! refusals and bad input.

#[path = "../../node/tests/common/mod.rs"]
mod common;

use std::{path::Path, process::Command};

use common::{test_dir, NodeConfig};
use serde_json::Value;

const WALLET: &str = env!("CARGO_BIN_EXE_rupee-wallet");

fn wallet(dir: &Path, node: &str, args: &[&str]) -> (i32, Value) {
	let out = Command::new(WALLET)
		.arg("--wallet")
		.arg(dir)
		.args(["--node", node, "--json"])
		.args(args)
		.output()
		.expect("run rupee-wallet");
	let stdout = String::from_utf8_lossy(&out.stdout);
	let json = serde_json::from_str(stdout.trim())
		.unwrap_or_else(|_| panic!("rupee-wallet {args:?} printed no JSON: {stdout}"));
	(out.status.code().unwrap_or(-1), json)
}

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
	assert_eq!(limits["usage"]["dailyDebitLeft"], 2_500_000, "L0: 25,000 PKR a day");

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
	assert_eq!(limits["usage"]["dailyDebitUsed"], 125_050);

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
}
