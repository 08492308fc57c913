//! The wallet's committed metadata (`wallet/metadata/rupee.scale`) is the built runtime's: the
//! wallet encodes its calls and reads events and storage with it, without the runtime's code,
//! so a runtime change that does not update it must fail here. `UPDATE_WALLET_METADATA=1`
//! writes the built runtime's metadata there instead (then commit it).

use rupee_runtime::Runtime;

const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../wallet/metadata/rupee.scale");

#[test]
fn the_wallets_metadata_is_the_built_runtimes() {
	// What `subxt` and `state_getMetadata` clients use: the newest stable version.
	let version = Runtime::metadata_versions()
		.into_iter()
		.filter(|version| *version != u32::MAX)
		.max()
		.expect("the runtime serves metadata");
	let built = Runtime::metadata_at_version(version).expect("that version").to_vec();
	if std::env::var_os("UPDATE_WALLET_METADATA").is_some() {
		std::fs::write(COMMITTED, &built).expect("write the wallet's metadata");
		return;
	}
	let committed = std::fs::read(COMMITTED).unwrap_or_default();
	assert!(
		committed == built,
		"wallet/metadata/rupee.scale ({} bytes) is not this runtime's metadata V{version} ({} \
		 bytes): run `UPDATE_WALLET_METADATA=1 cargo test --release --workspace --test node_e2e \
		 wallet_metadata::`, rebuild the wallet and commit the file",
		committed.len(),
		built.len()
	);
}

#[test]
fn the_wallet_closes_motions_with_the_gates_most_weight() {
	// The wallet has no runtime code to weigh a motion's call: it claims what the gate allows.
	let wallet = rupee_wallet::chain::motion_weight();
	let gate = rupee_runtime::configs::motion_weight();
	assert_eq!((wallet.ref_time, wallet.proof_size), (gate.ref_time(), gate.proof_size()));
}
