//! The stock `@polkadot/api` client (npm, 16.5.x) against a real dev node: connect, decode the
//! metadata, read a balance and a KYC status, sign and submit a transfer, see it finalized with
//! its events, and get the documented refusals. The client side is
//! `clients/polkadot-js/e2e.mjs`; `scripts/test.sh` installs its packages with `npm ci`.

use crate::common;

use std::{path::PathBuf, process::Command};

use common::*;

#[tokio::test(flavor = "multi_thread")]
async fn polkadot_js_api_reads_signs_and_submits_against_a_dev_node() {
	let client_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../clients/polkadot-js");
	assert!(
		client_dir.join("node_modules/@polkadot/api").is_dir(),
		"@polkadot/api is not installed: run `npm ci --prefix clients/polkadot-js` (scripts/test.sh does)"
	);
	let dir = test_dir("polkadot-js");
	let node = Node::start(NodeConfig::dev_validator(&dir)).await;
	wait_finalized(&node, 1, std::time::Duration::from_secs(60)).await;

	let out = Command::new("node")
		.current_dir(&client_dir)
		.arg("e2e.mjs")
		.arg(node.url())
		.output()
		.expect("run node (nodejs)");
	let stdout = String::from_utf8_lossy(&out.stdout);
	print!("{stdout}");
	eprint!("{}", String::from_utf8_lossy(&out.stderr));
	assert!(
		out.status.success(),
		"the @polkadot/api script failed:\n{stdout}\n{}",
		node.log_tail()
	);
	// Every check ran (a script that stopped early without failing would show fewer).
	let passed = stdout.lines().filter(|line| line.starts_with("ok - ")).count();
	assert_eq!(passed, 19, "{stdout}");
}
