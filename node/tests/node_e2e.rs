//! The node's end-to-end tests: real `rupee-node` processes on loopback, driven over JSON-RPC.
//!
//! Every test file of `tests/` is a module of this one binary (`autotests = false` in
//! Cargo.toml): the runtime and the clients are linked once, not once per file. Run one file's
//! tests with `cargo test --release --test node_e2e <file>::`.

#[path = "common/chain.rs"]
mod chain;
#[path = "common/mod.rs"]
mod process;
/// Every helper: starting nodes (`process`) and the runtime's calls and events (`chain`).
mod common {
	pub use super::{chain::*, process::*};
}

mod chain_specs;
mod cli_errors;
mod dev_node;
mod gate_attacks;
mod governance;
mod metadata_hash;
mod metrics;
mod money_flow;
mod network;
mod polkadot_js;
mod rpc_docs;
mod rpc_safety;
mod subxt;
mod validators;
mod vouchers_rpc;
mod wallet_metadata;
mod web_console;
mod web_wallet;
