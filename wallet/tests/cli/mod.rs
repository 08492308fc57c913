//! Running the `rupee-wallet` binary in the end-to-end tests.

#![allow(dead_code)]

use std::{path::Path, process::Command};

use serde_json::Value;

pub const WALLET: &str = env!("CARGO_BIN_EXE_rupee-wallet");
/// The passphrase every test wallet is encrypted with.
pub const PASSPHRASE: &str = "test wallet passphrase";

/// `rupee-wallet --wallet dir --node node --json`, with the tests' passphrase.
pub fn command(dir: &Path, node: &str) -> Command {
	let mut command = Command::new(WALLET);
	command
		.arg("--wallet")
		.arg(dir)
		.args(["--node", node, "--json"])
		.env("RUPEE_WALLET_PASSPHRASE", PASSPHRASE);
	command
}

/// Run `rupee-wallet --json` with `args` on the wallet in `dir`; its exit code and JSON answer.
pub fn wallet(dir: &Path, node: &str, args: &[&str]) -> (i32, Value) {
	let out = command(dir, node).args(args).output().expect("run rupee-wallet");
	let stdout = String::from_utf8_lossy(&out.stdout);
	let json = serde_json::from_str(stdout.trim()).unwrap_or_else(|_| {
		panic!(
			"rupee-wallet {args:?} printed no JSON:\n{stdout}\n{}",
			String::from_utf8_lossy(&out.stderr)
		)
	});
	(out.status.code().unwrap_or(-1), json)
}

/// Like [`wallet`], and the command must succeed.
pub fn ok(dir: &Path, node: &str, args: &[&str]) -> Value {
	let (code, json) = wallet(dir, node, args);
	assert_eq!(code, 0, "rupee-wallet {args:?} failed: {json}");
	assert_eq!(json["ok"], true);
	json
}
