//! End to end with the real node and the real `rupee-wallet` binary: fund a purse online (the
//! validator's attester proves it); with the node stopped, pay two payees offline with payment
//! codes (voucher + proof) that they check offline, refusing inflated proofs; restart; redeem;
//! balances match. Then a double spend from a restored backup of the payer's wallet, which the
//! escrow covers: caught on redemption, evidence on chain, the owner flagged but not frozen,
//! nobody paid twice.

use crate::{cli, common};

use std::time::Duration;

use cli::{ok, wallet};
use common::{test_dir, NodeConfig};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;

async fn free(client: &jsonrpsee::ws_client::WsClient, who: &str) -> u128 {
	let view: Value = client.request("rupee_account", rpc_params![who]).await.unwrap();
	view["free"].as_str().expect("an amount as a string").parse().unwrap()
}

fn funded_device_key(dir: &std::path::Path, url: &str) -> String {
	ok(dir, url, &["address"])["deviceKey"].as_str().unwrap().to_string()
}

fn generic_address(uri: &str) -> String {
	use sp_core::{crypto::Ss58Codec, Pair};
	let pair = sp_core::sr25519::Pair::from_string(uri, None).unwrap();
	sp_runtime::AccountId32::from(pair.public()).to_ss58check()
}

#[tokio::test]
async fn offline_payments_settle_and_a_double_spend_is_caught() {
	let dir = test_dir("wallet-offline");
	let mut node = common::Node::start(NodeConfig::dev_validator(&dir)).await;
	let url = node.url();
	let client = node.client().await;
	let supply_before: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();

	let (dave, ferdie, eve) = (dir.join("dave"), dir.join("ferdie"), dir.join("eve"));
	let ferdie_address = ok(&ferdie, &url, &["init", "--account", "//Ferdie"])["account"]
		.as_str()
		.unwrap()
		.to_string();
	let eve_address =
		ok(&eve, &url, &["init", "--account", "//Eve"])["account"].as_str().unwrap().to_string();
	ok(&dave, &url, &["init", "--account", "//Dave"]);
	let (dave_rpc, ferdie_rpc, eve_rpc) =
		(generic_address("//Dave"), generic_address("//Ferdie"), generic_address("//Eve"));
	let (dave_start, ferdie_start, eve_start) = (
		free(&client, &dave_rpc).await,
		free(&client, &ferdie_rpc).await,
		free(&client, &eve_rpc).await,
	);

	// Online: Dave funds a purse with 3,000 PKR; the payees sync.
	let funded = ok(&dave, &url, &["purse", "fund", "--amount", "3,000"]);
	assert_eq!(funded["escrow"], "300000");
	assert_eq!(funded["proved"], true, "the validators' proof within 30 s: {funded}");
	assert_eq!(funded["voucherCap"], "100000", "L0 voucher cap: 1,000 PKR");
	ok(&ferdie, &url, &["sync"]);
	ok(&eve, &url, &["sync"]);
	// A backup of Dave's wallet, restored later to double spend.
	let backup = dir.join("dave-backup");
	std::fs::create_dir_all(&backup).unwrap();
	for file in ["wallet.json", "account.json", "device.json"] {
		std::fs::copy(dave.join(file), backup.join(file)).unwrap();
	}

	// Offline: the node is down.
	assert!(node.interrupt(Duration::from_secs(60)).success());
	let (code, answer) = wallet(&dave, &url, &["balance"]);
	assert_eq!(code, 3, "node unreachable: {answer}");
	assert!(answer["error"].as_str().unwrap().contains("cannot reach the node"));

	// Ferdie asks for 1,000 PKR with a payment request; Dave's wallet reads it from its QR
	// image and shows the payment code as a QR image.
	let request = dir.join("request.png");
	let asked = ok(
		&ferdie,
		&url,
		&[
			"request",
			"--amount",
			"1,000",
			"--reference",
			"INV-1",
			"--qr",
			request.to_str().unwrap(),
		],
	);
	assert!(asked["request"].as_str().unwrap().ends_with("?amount=1000.00&ref=INV-1"), "{asked}");
	let qr = dir.join("voucher.png");
	let to_ferdie = ok(
		&dave,
		&url,
		&[
			"pay",
			"--offline",
			"--request-image",
			request.to_str().unwrap(),
			"--yes",
			"--qr",
			qr.to_str().unwrap(),
		],
	);
	assert_eq!(to_ferdie["counter"], 0);
	assert_eq!(
		(to_ferdie["amount"].as_str(), to_ferdie["reference"].as_str()),
		(Some("100000"), Some("INV-1"))
	);
	assert_eq!(to_ferdie["payee"].as_str(), Some(ferdie_address.as_str()));
	assert!(std::fs::read(&qr).unwrap().starts_with(b"\x89PNG"));
	let to_eve = ok(&dave, &url, &["pay", "--offline", "--to", &eve_address, "--amount", "500"]);
	assert_eq!(to_eve["counter"], 1);
	// The payer's own wallet refuses more than one voucher may pay.
	let (code, answer) =
		wallet(&dave, &url, &["pay", "--offline", "--to", &eve_address, "--amount", "1,000.01"]);
	assert_eq!(code, 4, "{answer}");

	let voucher = |answer: &Value| answer["voucher"].as_str().unwrap().to_string();
	let payment = |answer: &Value| answer["payment"].as_str().unwrap().to_string();
	assert!(to_ferdie["bytes"].as_u64().unwrap() < 600, "one QR code: {to_ferdie}");
	// Dave's figures inflated in the payment code: the validators did not sign them.
	let mut inflated =
		rupee_primitives::purse_proof::PaymentPayload::from_text(&payment(&to_ferdie)).unwrap();
	inflated.proof.statement.escrow *= 100;
	let (code, answer) = wallet(&ferdie, &url, &["receive", &inflated.to_text()]);
	assert_eq!(code, 4, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("not signed by the chain's validators"));
	// A bare voucher of a purse Ferdie never saw: nothing to check it against.
	let (code, answer) = wallet(&ferdie, &url, &["receive", &voucher(&to_ferdie)]);
	assert_eq!(code, 4, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("no proof"), "{answer}");
	// One scan: Ferdie reads the payment code from the QR image Dave's wallet wrote, and
	// gives Dave a receipt, which Dave's wallet checks and keeps (Eve cannot sign one).
	let accepted = ok(&ferdie, &url, &["receive", "--image", qr.to_str().unwrap(), "--receipt"]);
	let receipt = accepted["receipt"].as_str().unwrap().to_string();
	let kept = ok(&dave, &url, &["receipt", &receipt]);
	assert_eq!(kept["counter"], 0);
	use sp_core::Pair;
	let forged = rupee_wallet::request::Receipt {
		payee: sp_core::sr25519::Pair::from_string("//Eve", None).unwrap().public().0,
		..rupee_wallet::request::Receipt::from_text(&receipt).unwrap()
	};
	let (code, answer) = wallet(&dave, &url, &["receipt", &forged.to_text()]);
	assert_eq!(code, 4, "{answer}");
	// The payee sees which block the proof speaks for, and how old it is.
	assert_eq!(accepted["proofBlock"].as_u64(), funded["proofBlock"].as_u64(), "{accepted}");
	assert_eq!(accepted["proofAgeHours"], 0);
	ok(&eve, &url, &["receive", &payment(&to_eve)]);
	// Offline checks: a voucher for someone else, the same voucher twice, a damaged one.
	let (code, answer) = wallet(&ferdie, &url, &["receive", &payment(&to_eve)]);
	assert_eq!(code, 4);
	assert!(answer["error"].as_str().unwrap().contains("pays another account"), "{answer}");
	let (code, answer) = wallet(&ferdie, &url, &["receive", &voucher(&to_ferdie)]);
	assert_eq!(code, 4);
	assert!(answer["error"].as_str().unwrap().contains("already received"), "{answer}");
	let mut damaged = payment(&to_ferdie);
	damaged.replace_range(20..21, if &damaged[20..21] == "A" { "B" } else { "A" });
	let (code, answer) = wallet(&ferdie, &url, &["receive", &damaged]);
	assert_eq!(code, 2);
	assert!(answer["error"].as_str().unwrap().contains("mistyped or damaged"), "{answer}");

	let exported = ok(&ferdie, &url, &["export"]);
	assert_eq!(exported["vouchers"], serde_json::json!([voucher(&to_ferdie)]));

	// Online again: redeem; balances match.
	node.restart().await;
	let client = node.client().await;
	let report = ok(&ferdie, &url, &["redeem"])["report"].clone();
	assert_eq!((report["submitted"].as_u64(), report["redeemed"].as_u64()), (Some(1), Some(1)));
	let report = ok(&eve, &url, &["redeem"])["report"].clone();
	assert_eq!(report["redeemed"], 1);
	assert_eq!(free(&client, &ferdie_rpc).await, ferdie_start + 100_000);
	assert_eq!(free(&client, &eve_rpc).await, eve_start + 50_000);
	assert_eq!(free(&client, &dave_rpc).await, dave_start - 300_000);
	let dave_view: Value =
		client.request("rupee_account", rpc_params![dave_rpc.clone()]).await.unwrap();
	assert_eq!(dave_view["escrowed"], "150000");
	// Redeeming again does nothing.
	assert_eq!(ok(&ferdie, &url, &["redeem"])["report"]["submitted"], 0);

	// A backup restored and synced before paying moves past the counters the chain redeemed.
	let synced_backup = dir.join("dave-synced-backup");
	std::fs::create_dir_all(&synced_backup).unwrap();
	for file in ["wallet.json", "account.json", "device.json"] {
		std::fs::copy(backup.join(file), synced_backup.join(file)).unwrap();
	}
	assert_eq!(ok(&synced_backup, &url, &["sync"])["nextCounter"], 2);
	let purse: Value = client
		.request("vouchers_purse", rpc_params![funded_device_key(&dave, &url)])
		.await
		.unwrap();
	assert_eq!(purse["highestCounter"], 1, "{purse}");

	// The double spend: the restored backup reuses counter 0, paying Eve 800 PKR.
	let fraud = ok(&backup, &url, &["pay", "--offline", "--to", &eve_address, "--amount", "800"]);
	assert_eq!(fraud["counter"], 0, "the backup does not know counter 0 was used");
	ok(&eve, &url, &["receive", &payment(&fraud)]);
	let check: Value =
		client.request("vouchers_check", rpc_params![voucher(&fraud)]).await.unwrap();
	assert_eq!(check["outcome"]["doubleSpend"]["kind"], "CounterReuse", "{check}");
	let report = ok(&eve, &url, &["redeem"])["report"].clone();
	assert_eq!((report["redeemed"].as_u64(), report["compensated"].as_u64()), (Some(0), Some(1)));

	// Evidence on chain, purse revoked, nobody paid twice, no money created. The escrow
	// covered the reuse (a restored backup is a mistake): the owner is flagged, not frozen.
	let status: Value =
		client.request("vouchers_status", rpc_params![voucher(&fraud)]).await.unwrap();
	assert_eq!(status["status"], "DoubleSpend");
	let first: Value =
		client.request("vouchers_status", rpc_params![voucher(&to_ferdie)]).await.unwrap();
	assert_eq!(first["status"], "Redeemed");
	let revoked: Value = client.request("vouchers_revocations", rpc_params![]).await.unwrap();
	let device_key = ok(&dave, &url, &["address"])["deviceKey"].as_str().unwrap().to_string();
	assert_eq!(revoked["entries"][0]["deviceKey"], device_key.as_str());
	assert_eq!(revoked["entries"][0]["reason"], "Compromised");
	let kyc: Value =
		client.request("kyc_accountStatus", rpc_params![dave_rpc.clone()]).await.unwrap();
	assert_eq!(kyc["frozen"], false, "{kyc}");
	assert_eq!(free(&client, &ferdie_rpc).await, ferdie_start + 100_000);
	assert_eq!(free(&client, &eve_rpc).await, eve_start + 50_000 + 80_000);
	let supply_after: Value = client.request("rupee_supply", rpc_params![]).await.unwrap();
	assert_eq!(supply_after["totalIssuance"], supply_before["totalIssuance"]);
	let dave_view: Value =
		client.request("rupee_account", rpc_params![dave_rpc.clone()]).await.unwrap();
	assert_eq!(dave_view["escrowed"], (150_000 - 80_000).to_string());
	// Dave still pays online; the compromised purse cannot be funded again.
	ok(&dave, &url, &["pay", "--to", &eve_address, "--amount", "1"]);
	let (code, answer) = wallet(&dave, &url, &["purse", "fund", "--amount", "1"]);
	assert_eq!(code, 4, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("PurseNotActive"), "{answer}");
	// Eve's wallet learns of the revocation when it syncs; further vouchers of that purse are
	// rejected offline.
	let synced = ok(&eve, &url, &["sync"]);
	assert_eq!(synced["revoked"][0], device_key.as_str());
	let late = ok(&backup, &url, &["pay", "--offline", "--to", &eve_address, "--amount", "10"]);

	// Four payments from one wallet at once: each command waits for the wallet's lock, so no
	// two vouchers share a counter.
	let first_free = late["counter"].as_u64().unwrap() + 1;
	let payers: Vec<std::process::Child> = (0..4)
		.map(|_| {
			cli::command(&backup, &url)
				.args(["pay", "--offline", "--to", &eve_address, "--amount", "1"])
				.stdout(std::process::Stdio::piped())
				.stderr(std::process::Stdio::null())
				.spawn()
				.unwrap()
		})
		.collect();
	let mut counters: Vec<u64> = payers
		.into_iter()
		.map(|payer| {
			let out = payer.wait_with_output().unwrap();
			let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
			assert!(out.status.success(), "{answer}");
			answer["counter"].as_u64().unwrap()
		})
		.collect();
	counters.sort();
	assert_eq!(counters, (first_free..first_free + 4).collect::<Vec<_>>());
	let (code, answer) = wallet(&eve, &url, &["receive", &payment(&late)]);
	assert_eq!(code, 4);
	assert!(
		answer["error"].as_str().unwrap().contains("closed or caught double spending"),
		"{answer}"
	);

	// Dave retires the compromised purse's device key and starts a new purse.
	let rotated = ok(&dave, &url, &["device", "rotate"])["rotation"].clone();
	assert_eq!(rotated["oldDeviceKey"], device_key.as_str());
	assert_eq!(rotated["closedIn"], Value::Null, "a compromised purse is closed already");
	assert_ne!(rotated["newDeviceKey"], device_key.as_str());
	assert_eq!(ok(&dave, &url, &["status"])["nextCounter"], 0);
	let refunded = ok(&dave, &url, &["purse", "fund", "--amount", "10"]);
	assert_eq!(refunded["escrow"], "1000", "{refunded}");
	// Rotating an active purse closes it; its vouchers are paid for the grace window, after
	// which `purse settle` returns the rest.
	let again = ok(&dave, &url, &["device", "rotate"])["rotation"].clone();
	assert!(again["closedIn"].as_u64().is_some(), "{again}");
	let settle = ok(&dave, &url, &["purse", "settle"]);
	let purses = settle["purses"].as_array().unwrap();
	assert_eq!(purses.len(), 2, "{settle}");
	let newest = purses.iter().find(|purse| purse["deviceKey"] == again["oldDeviceKey"]).unwrap();
	assert_eq!(newest["notBefore"], again["redeemableUntil"], "{settle}");
}
