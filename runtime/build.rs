//! Builds the runtime to WebAssembly (wasm32v1-none) so the node can embed it, with its
//! metadata hash (RFC 78) for `CheckMetadataHash`.
//!
//! A second blob, `rupee_runtime_upgrade_test`, is the same runtime built with the
//! `upgrade-test` feature (only `spec_version` differs, one higher): the end-to-end test of a
//! runtime upgrade through the Board submits it. It shares the first build's compiled
//! dependencies, so it costs one more compile of this crate (it carries no metadata hash).

fn main() {
	#[cfg(feature = "std")]
	{
		// The metadata hash covers the token as `system_properties` gives it (chain_spec.rs):
		// PKR with 2 decimals; the wasm is built twice for it.
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_metadata_hash("PKR", 2)
			.build();
		substrate_wasm_builder::WasmBuilder::init_with_defaults()
			.enable_feature("upgrade-test")
			.set_file_name("rupee_runtime_upgrade_test")
			.build();
	}
}
