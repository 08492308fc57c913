//! The web console (`web/`) in Debian's Chromium against a real dev node: the pages read what the
//! node's JSON-RPC reports (a payment and a purse funded before), and a governor governs through the page (a refused proposal, a
//! governor added, a motion voted and closed that changes the supply ceiling on chain). The
//! browser side is `web/tests/console.test.mjs`; `scripts/test.sh` installs and builds the
//! console (`npm ci`, `npm run build`) and Chromium first. Screenshots of every page land in the
//! test's directory.

use crate::common;

use std::{path::PathBuf, time::Duration};

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
	wait_finalized(&node, 1, Duration::from_secs(60)).await;
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
	// A purse he closes (a lost phone) is on the revocation list.
	let old_phone = sr25519::Pair::from_string("//DaveOldPhone", None).unwrap();
	for call in [
		pallet_vouchers::Call::fund_purse { device_key: old_phone.public().0, amount: rupees(100) },
		pallet_vouchers::Call::close_purse { device_key: old_phone.public().0 },
	] {
		let block = submit_and_wait(&client, &Dave.pair(), RuntimeCall::Vouchers(call)).await;
		assert_eq!(failure(&events_at(&client, &block).await), None);
	}

	let (phone_key, old_phone_key) = (to_hex(&phone.public().0), to_hex(&old_phone.public().0));
	let url = node.url();
	let args = [
		"tests/console.test.mjs".as_ref(),
		url.as_ref(),
		shots.as_os_str(),
		phone_key.as_ref(),
		old_phone_key.as_ref(),
	];
	run_browser_test(&web, &args, &node, 30);
	for page in ["overview", "board-refused", "board-motion", "offline", "account"] {
		assert!(shots.join(format!("{page}.png")).is_file(), "no screenshot of {page}");
	}
}
