//! The citizen's wallet (`web-wallet/`) in Debian's Chromium against a real dev node: two phones
//! (browser contexts 360 px wide) create wallets, Bank A registers them and pays the payer, the
//! payer funds its purse, both go offline, the payee reads the payer's QR code from a
//! screenshot and accepts it (after reloading the app with no network), refuses a forged one,
//! hands back a receipt, and once online redeems it: its balance rises on chain. The browser
//! side is `web-wallet/tests/app.test.mjs`; `scripts/test.sh` builds the app first
//! (`scripts/build-web-wallet.sh`, `npm ci`, `npm run build`). Screenshots of every screen in
//! English and Urdu land in the test's directory.

use crate::common;

use std::{path::PathBuf, time::Duration};

use common::*;

/// The checks `app.test.mjs` makes: fewer means it stopped early without saying so.
const CHECKS: usize = 69;

#[tokio::test(flavor = "multi_thread")]
async fn the_citizens_wallet_pays_offline_by_qr_between_two_phones() {
	let app = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../web-wallet");
	assert!(
		app.join("dist/index.html").is_file()
			&& app.join("pkg/rupee_web_wasm_bg.wasm").is_file()
			&& app.join("node_modules/playwright-core").is_dir(),
		"the web wallet is not built: run scripts/build-web-wallet.sh, then `npm ci --prefix web-wallet && npm run build --prefix web-wallet` (scripts/test.sh does)"
	);
	let dir = test_dir("web-wallet");
	let shots = dir.join("screenshots");
	std::fs::create_dir_all(&shots).expect("screenshot directory");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	wait_finalized(&node, 1, Duration::from_secs(60)).await;

	let url = node.url();
	let args = [
		"--experimental-websocket".as_ref(),
		"tests/app.test.mjs".as_ref(),
		url.as_ref(),
		shots.as_os_str(),
	];
	run_browser_test(&app, &args, &node, CHECKS);
	for screen in [
		"setup", "words", "home", "fund", "pay", "pay-qr", "unlock", "receive", "received",
		"refused", "history",
	] {
		let who = if ["unlock", "receive", "received", "refused", "history"].contains(&screen) {
			"payee"
		} else {
			"payer"
		};
		for lang in ["en", "ur"] {
			let shot = shots.join(format!("{who}-{screen}-{lang}.png"));
			assert!(shot.is_file(), "no screenshot {}", shot.display());
		}
	}
}
