//! The README's wallet walk-through, run as a person types it: the `sh` block of "Offline
//! payments and the wallet", line by line through `bash`, on a fresh dev node. Two wallets
//! with their own passphrases, an online payment, a purse, an offline payment read from one QR
//! image (the node is stopped from "# offline from here" to "# online again"), a receipt,
//! redemption, status and history. What the test adds: `$W` is the binary under test, `~` a
//! fresh directory, `--node` the test node's address and the passphrase come from the
//! environment (`RUPEE_NODE`, `RUPEE_WALLET_PASSPHRASE`), the confirmation a person gives at
//! the terminal is `--yes`, and `RPRC…` is the receipt the payee's wallet printed.

use crate::{cli, common};

use std::{path::Path, process::Command, time::Duration};

use common::{test_dir, Node, NodeConfig};
use jsonrpsee::{core::client::ClientT, rpc_params};
use serde_json::Value;

/// The README's wallet walk-through: its lines, comments dropped (markers kept).
fn walk_through() -> Vec<String> {
	let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
		.expect("the README");
	let section = readme
		.split("## Offline payments and the wallet")
		.nth(1)
		.expect("the README's wallet section");
	let block = section
		.split("```sh\n")
		.nth(1)
		.and_then(|rest| rest.split("\n```").next())
		.expect("a sh block in the wallet section");
	block
		.lines()
		.map(str::trim)
		.filter(|line| !line.is_empty())
		.map(|line| match line.find("  #") {
			Some(comment) if !line.starts_with('#') => line[..comment].trim().to_string(),
			_ => line.to_string(),
		})
		.filter(|line| {
			!line.starts_with('#') || line.contains("offline") || line.contains("online")
		})
		.collect()
}

/// Run one line of the walk-through in `home`; its standard output.
fn run(line: &str, home: &Path, url: &str) -> String {
	// Each wallet has its own passphrase, as two people's would.
	let passphrase =
		if line.contains("~/dave") { "dave's passphrase" } else { "ferdie's passphrase" };
	let out = Command::new("bash")
		.args(["-c", line])
		.current_dir(home)
		.env("HOME", home)
		.env("W", cli::WALLET)
		.env("RUPEE_NODE", url)
		.env("RUPEE_WALLET_PASSPHRASE", passphrase)
		.output()
		.expect("run bash");
	let stdout = String::from_utf8_lossy(&out.stdout).to_string();
	assert!(
		out.status.success(),
		"README line failed: {line}\n{stdout}\n{}",
		String::from_utf8_lossy(&out.stderr)
	);
	stdout
}

async fn free(client: &jsonrpsee::ws_client::WsClient, who: &str) -> u128 {
	let view: Value = client.request("rupee_account", rpc_params![who]).await.unwrap();
	view["free"].as_str().expect("an amount as a string").parse().unwrap()
}

#[tokio::test]
async fn the_readme_wallet_walk_through_does_what_it_says() {
	const DAVE: &str = "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy";
	const FERDIE: &str = "5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL";
	let home = test_dir("wallet-readme");
	let mut node = Node::start(NodeConfig::dev_validator(&home)).await;
	let url = node.url();
	let client = node.client().await;
	let (dave_start, ferdie_start) = (free(&client, DAVE).await, free(&client, FERDIE).await);

	let lines = walk_through();
	assert!(lines.len() >= 12, "the walk-through as the README has it: {lines:#?}");
	let mut printed = Vec::new();
	let mut receipt = None;
	for line in &lines {
		if line.starts_with('#') {
			if line.contains("offline from here") {
				assert!(node.interrupt(Duration::from_secs(60)).success());
			} else if line.contains("online again") {
				node.restart().await;
			}
			continue;
		}
		if line.starts_with("W=") {
			continue;
		}
		let mut line = line.replace("RPRC…", receipt.as_deref().unwrap_or("RPRC…"));
		if line.contains("--request-image") {
			line.push_str(" --yes");
		}
		let out = run(&line, &home, &url);
		if line.contains("receive") {
			receipt =
				out.split_whitespace().find(|word| word.starts_with("RPRC")).map(String::from);
			assert!(receipt.is_some(), "the payee's wallet prints a receipt: {out}");
		}
		printed.push((line, out));
	}
	let said = |command: &str| {
		printed
			.iter()
			.find(|(line, _)| line.contains(command))
			.map(|(_, out)| out.clone())
			.unwrap_or_else(|| panic!("the README runs `{command}`"))
	};

	// Every step did what it says. Ferdie was paid 250 PKR online and 1,000 PKR offline;
	// Dave's purse holds the 2,000 PKR left of its 3,000.
	let client = node.client().await;
	assert_eq!(free(&client, FERDIE).await, ferdie_start + 125_000);
	assert_eq!(free(&client, DAVE).await, dave_start - 25_000 - 300_000);
	let dave: Value = client.request("rupee_account", rpc_params![DAVE]).await.unwrap();
	assert_eq!(dave["escrowed"], "200000", "{dave}");
	assert!(said("init --account //Ferdie")
		.contains("nGKbBXBacFy5iZhdBDwij4LyQS3387AQAvtd5QMxtnrMMygof"));
	assert!(said("receive --image").contains("1,000.00"), "{}", said("receive --image"));
	assert!(said("redeem").contains("1 voucher(s) submitted: 1 paid"), "{}", said("redeem"));
	let history = said("history");
	let credit =
		|amount: &str| history.lines().any(|line| line.contains('+') && line.contains(amount));
	assert!(credit("250.00") && credit("1,000.00"), "both payments in Ferdie's history: {history}");
	assert!(said("status").contains("received #0 1,000.00"), "{}", said("status"));
	assert!(said("status").contains("Redeemed"), "{}", said("status"));
	// The same, as the wallets keep it.
	let status = cli::ok(&home.join("ferdie"), &url, &["status"]);
	let received = status["received"].as_array().expect("received vouchers");
	assert_eq!(received.len(), 1, "{status}");
	assert_eq!(received[0]["status"], "redeemed", "{status}");
	let dave_status = cli::ok(&home.join("dave"), &url, &["status"]);
	let kept = dave_status["sent"][0]["receipt"].as_str().unwrap_or_default();
	assert!(kept.starts_with("RPRC"), "the payer kept the receipt: {dave_status}");

	// A wallet keeps to its chain: Ferdie's, told its chain is another, refuses this node.
	let state_file = home.join("ferdie/wallet.json");
	let mut state: Value = serde_json::from_slice(&std::fs::read(&state_file).unwrap()).unwrap();
	state["genesisHash"] = Value::String(format!("0x{}", "11".repeat(32)));
	std::fs::write(&state_file, serde_json::to_vec(&state).unwrap()).unwrap();
	let (code, answer) = cli::wallet(&home.join("ferdie"), &url, &["balance"]);
	assert_eq!(code, 2, "{answer}");
	assert!(answer["error"].as_str().unwrap().contains("serves another chain"), "{answer}");
}
