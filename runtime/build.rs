//! Builds the runtime to WebAssembly (wasm32v1-none) so the node can embed it.

fn main() {
	#[cfg(feature = "std")]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
