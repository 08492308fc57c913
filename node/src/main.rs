//! `rupee-node`: the Digital Rupee chain's validator and full node.

mod attester;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod metrics;
mod preflight;
mod public_rpc;
mod rpc;
mod service;

fn main() {
	if let Err(error) = command::run() {
		// One clear line for the operator; the error's own text already names the cause.
		eprintln!("Error: {error}");
		std::process::exit(1);
	}
}
