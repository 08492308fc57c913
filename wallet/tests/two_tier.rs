//! The two-tier flow with the `rupee-wallet` CLI alone, on a real dev node, every answer read
//! as `--json`: the Board (Alice) takes Bob in and raises the supply ceiling by motion, vote
//! and close; the issuer mints into Bob's bank; Bob registers a new customer and pays her; she
//! pays a merchant; the merchant pays the bank; the bank returns money to the issuer, who burns
//! it. Histories and balances are checked on the way, and so are the refusals of people acting
//! outside their role, and a suspension by the bank.

use crate::{cli, common};

use std::path::Path;

use cli::{ok, wallet};
use common::{test_dir, NodeConfig};
use serde_json::Value;

fn free(dir: &Path, url: &str) -> u128 {
	ok(dir, url, &["balance"])["free"].as_str().unwrap().parse().unwrap()
}

fn issuance(answer: &Value) -> u128 {
	answer["totalIssuance"].as_str().unwrap().parse().unwrap()
}

/// `(kind, counterparty, amount)` of each history entry.
fn history(dir: &Path, url: &str) -> Vec<(String, String, String)> {
	let answer = ok(dir, url, &["history"]);
	answer["history"]["entries"]
		.as_array()
		.unwrap()
		.iter()
		.map(|entry| {
			(
				entry["kind"].as_str().unwrap().to_string(),
				entry["counterparty"].as_str().unwrap_or_default().to_string(),
				entry["amount"].as_str().unwrap().to_string(),
			)
		})
		.collect()
}

#[tokio::test]
async fn money_goes_from_the_issuer_to_a_merchant_and_back_with_the_cli() {
	let dir = test_dir("wallet-two-tier");
	let node = common::Node::start(NodeConfig::dev_validator(&dir)).await;
	let url = node.url();
	let url = url.as_str();
	let (central_bank, bank, customer, merchant) =
		(dir.join("alice"), dir.join("bob"), dir.join("gina"), dir.join("ferdie"));
	let address = |dir: &Path, secret: Option<&str>| {
		let mut args = vec!["init"];
		if let Some(secret) = secret {
			args.extend(["--account", secret]);
		}
		ok(dir, url, &args)["account"].as_str().unwrap().to_string()
	};
	let alice = address(&central_bank, Some("//Alice"));
	let bob = address(&bank, Some("//Bob"));
	let gina = address(&customer, None); // a new mnemonic: a customer nobody registered yet
	let ferdie = address(&merchant, Some("//Ferdie"));

	// The Board: on dev, Alice alone. Her motion to take Bob in passes at once (threshold 1).
	assert_eq!(
		ok(&central_bank, url, &["board", "members"])["members"],
		serde_json::json!([alice])
	);
	let (code, refused) =
		wallet(&merchant, url, &["board", "propose", "add-governor", "--account", &ferdie]);
	assert_eq!(code, 4, "{refused}");
	// Refused at the pool: only governors may sign Board calls.
	assert!(refused["error"].as_str().unwrap().contains("GovernanceOnly (code 7)"), "{refused}");
	let added = ok(&central_bank, url, &["board", "propose", "add-governor", "--account", &bob]);
	assert_eq!(added["status"], "executed", "{added}");
	assert_eq!(ok(&bank, url, &["board", "members"])["members"].as_array().unwrap().len(), 2);

	// Two governors now: raising the ceiling needs both (two thirds of two, rounded up).
	let proposed =
		ok(&central_bank, url, &["board", "propose", "ceiling", "--amount", "2,000,000,000"]);
	assert_eq!(
		(proposed["status"].as_str(), proposed["threshold"].as_u64()),
		(Some("proposed"), Some(2))
	);
	let motion = proposed["motion"].as_str().unwrap().to_string();
	let open = ok(&bank, url, &["board", "motions"]);
	assert_eq!(open["motions"][0]["hash"], motion.as_str(), "{open}");
	assert!(open["motions"][0]["call"]
		.as_str()
		.unwrap()
		.contains("set_supply_ceiling(2,000,000,000.00 PKR)"));
	let vote = ok(&bank, url, &["board", "vote", "--motion", &motion, "--aye"]);
	assert_eq!((vote["ayes"].as_u64(), vote["nays"].as_u64()), (Some(1), Some(0)));
	let (code, early) = wallet(&bank, url, &["board", "close", "--motion", &motion]);
	assert_eq!(code, 4, "one aye of two cannot close it: {early}");
	ok(&central_bank, url, &["board", "vote", "--motion", &motion, "--aye"]);
	let closed = ok(&central_bank, url, &["board", "close", "--motion", &motion]);
	assert_eq!(closed["status"], "executed", "{closed}");
	assert_eq!(ok(&bank, url, &["board", "motions"])["motions"], serde_json::json!([]));
	let (code, gone) = wallet(&bank, url, &["board", "vote", "--motion", &motion, "--nay"]);
	assert_eq!(code, 2, "{gone}");

	// The issuer mints into Bob's reserve; nobody else can.
	let (code, refused) = wallet(&bank, url, &["mint", "--to", &bob, "--amount", "1"]);
	assert_eq!(code, 4);
	assert!(refused["error"].as_str().unwrap().contains("CallNotAllowed (code 8)"), "{refused}");
	let bob_before = free(&bank, url);
	let minted = ok(&central_bank, url, &["mint", "--to", &bob, "--amount", "10,000"]);
	let issued = issuance(&minted);
	assert_eq!(free(&bank, url), bob_before + 1_000_000);

	// Bob's bank registers Gina (only a provider can) and pays her.
	let (code, refused) = wallet(
		&merchant,
		url,
		&["customer", "register", "--account", &gina, "--tier", "L1", "--kyc-record", "x"],
	);
	assert_eq!(code, 4, "{refused}");
	let (code, refused) = wallet(&customer, url, &["pay", "--to", &ferdie, "--amount", "1"]);
	assert_eq!(code, 4, "an unregistered account cannot pay: {refused}");
	let registered = ok(
		&bank,
		url,
		&[
			"customer",
			"register",
			"--account",
			&gina,
			"--tier",
			"L1",
			"--kyc-record",
			"NIC 35202-1234567-1, biometric check 2026-11-28",
		],
	);
	assert_eq!(registered["account"], gina.as_str());
	let kyc = ok(&customer, url, &["kyc"]);
	assert_eq!(
		(kyc["status"]["tier"].as_str(), kyc["status"]["provider"].as_str()),
		(Some("L1"), Some(bob.as_str()))
	);
	ok(&bank, url, &["pay", "--to", &gina, "--amount", "5,000"]);

	// Gina pays the merchant; the merchant pays the bank; the bank returns money to the issuer.
	let ferdie_before = free(&merchant, url);
	ok(&customer, url, &["pay", "--to", &ferdie, "--amount", "1,250.50"]);
	assert_eq!(free(&customer, url), 500_000 - 125_050);
	assert_eq!(free(&merchant, url), ferdie_before + 125_050);
	ok(&merchant, url, &["pay", "--to", &bob, "--amount", "1,000"]);
	ok(&bank, url, &["pay", "--to", &alice, "--amount", "2,000"]);
	let burned = ok(&central_bank, url, &["burn", "--amount", "2,000"]);
	assert_eq!(issuance(&burned), issued - 200_000);
	assert_eq!(free(&central_bank, url), 0);

	// Each side's history, from the chain's events.
	assert_eq!(
		history(&customer, url),
		vec![
			("received".into(), bob.clone(), "500000".into()),
			("paid".into(), ferdie.clone(), "125050".into()),
		]
	);
	let merchant_history = history(&merchant, url);
	assert_eq!(
		merchant_history,
		vec![
			("received".into(), gina.clone(), "125050".into()),
			("paid".into(), bob.clone(), "100000".into()),
		]
	);
	let bank_history: Vec<_> =
		history(&bank, url).into_iter().map(|(kind, _, amount)| (kind, amount)).collect();
	assert_eq!(
		bank_history,
		vec![
			("minted".into(), "1000000".into()),
			("paid".into(), "500000".into()),
			("received".into(), "100000".into()),
			("paid".into(), "200000".into()),
		]
	);
	let (code, answer) = wallet(&customer, url, &["history", "--blocks", "0"]);
	assert_eq!(code, 2, "{answer}");

	// The bank suspends its customer: her payments are refused at the gate until reinstated.
	ok(&bank, url, &["customer", "suspend", "--account", &gina]);
	let (code, answer) = wallet(&customer, url, &["pay", "--to", &ferdie, "--amount", "1"]);
	assert_eq!(code, 4, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("Suspended (code 3)"), "{answer}");
	ok(&bank, url, &["customer", "reinstate", "--account", &gina]);
	ok(&customer, url, &["pay", "--to", &ferdie, "--amount", "1"]);
	let (code, answer) =
		wallet(&bank, url, &["customer", "tier", "--account", &gina, "--tier", "Gold"]);
	assert_eq!(code, 2, "{answer}");
}
