//! The `rupee-wallet` online commands against a real dev node: KYC status, limits, the payment
//! dry run, an online payment followed to finality, balances read back, and the exit codes of
//! refusals and bad input.

mod cli;
#[path = "../../node/tests/common/mod.rs"]
mod common;

use cli::wallet;
use common::{test_dir, NodeConfig};

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
