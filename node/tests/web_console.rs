//! The web console (`web/`) in Debian's Chromium against a real dev node: the pages read what the
//! node's JSON-RPC reports (a payment and a purse funded before), and a governor governs through the page (a refused proposal, a
//! governor added, a motion voted and closed that changes the supply ceiling on chain). The
//! browser side is `web/tests/console.test.mjs`; `scripts/test.sh` installs and builds the
//! console (`npm ci`, `npm run build`) and Chromium first. Screenshots of every page land in the
//! test's directory.

use crate::common;

use std::{path::PathBuf, process::Command};

use common::*;
use rupee_primitives::rupees;
use rupee_runtime::{AccountId, RuntimeCall};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring::{Dave, Ferdie};

#[tokio::test(flavor = "multi_thread")]
async fn the_web_console_shows_the_chain_and_governs_in_a_browser() {
	let web = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../web");
	assert!(
		web.join("dist/index.html").is_file() && web.join("node_modules/playwright-core").is_dir(),
		"the console is not built: run `npm ci --prefix web && npm run build --prefix web` (scripts/test.sh does)"
	);
	let dir = test_dir("web-console");
	let shots = dir.join("screenshots");
	std::fs::create_dir_all(&shots).expect("screenshot directory");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	wait_finalized(&node, 1, std::time::Duration::from_secs(60)).await;
	// Something for the pages to show: Dave pays Ferdie and funds an offline purse.
	let client = node.client().await;
	let pay = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: AccountId::from(Ferdie.public()),
		amount: rupees(5),
	});
	let block = submit_and_wait(&client, &Dave.pair(), pay).await;
	assert_eq!(failure(&events_at(&client, &block).await), None);
	let phone = sr25519::Pair::from_string("//DavePhone", None).unwrap();
	let fund = RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
		device_key: phone.public().0,
		amount: rupees(2_000),
	});
	let block = submit_and_wait(&client, &Dave.pair(), fund).await;
	assert_eq!(failure(&events_at(&client, &block).await), None);

	let out = Command::new("node")
		.current_dir(&web)
		.arg("tests/console.test.mjs")
		.arg(node.url())
		.arg(&shots)
		.arg(to_hex(&phone.public().0))
		.output()
		.expect("run node (nodejs)");
	let stdout = String::from_utf8_lossy(&out.stdout);
	print!("{stdout}");
	eprint!("{}", String::from_utf8_lossy(&out.stderr));
	assert!(out.status.success(), "the console test failed:\n{stdout}\n{}", node.log_tail());
	// Every check ran (a script that stopped early without failing would show fewer).
	let passed = stdout.lines().filter(|line| line.starts_with("ok - ")).count();
	assert_eq!(passed, 25, "{stdout}");
	for page in ["overview", "board-refused", "board-motion", "offline", "account"] {
		assert!(shots.join(format!("{page}.png")).is_file(), "no screenshot of {page}");
	}
}
