//! `--public-rpc`: one switch for a node that serves wallets on the open internet.
//!
//! It listens on every interface, serves only the safe methods (no `author_rotateKeys`,
//! `author_insertKey`, peer management, ...), limits each connection's calls per minute and the
//! number of connections, the size of requests and batches and the subscriptions per
//! connection, and insists on an explicit CORS list. It refuses to start on a validator (keys
//! and public traffic do not mix: run a separate RPC node next to it) and with any flag that
//! would undo it. Limits given explicitly on the command line win over the defaults below.

use sc_cli::{arg_enums::Cors, RpcMethods, RunCmd};

/// Calls per minute per connection (10 a second): a wallet needs a handful per payment.
pub const RATE_LIMIT_PER_MINUTE: u32 = 600;
/// Concurrent connections (WebSocket and HTTP).
pub const MAX_CONNECTIONS: u32 = 1_000;
/// Largest request, in MiB: a batch of 64 vouchers is about 12 KiB.
pub const MAX_REQUEST_MIB: u32 = 1;
/// Subscriptions per connection (block headers, a transaction's progress, ...).
pub const MAX_SUBSCRIPTIONS_PER_CONNECTION: u32 = 64;
/// Calls in one JSON-RPC batch.
pub const MAX_BATCH_LENGTH: u32 = 64;

/// Configure `run` for public RPC; `given(flag)` says whether `--flag` was on the command line.
/// The error says which flag conflicts and why.
pub fn apply(run: &mut RunCmd, given: impl Fn(&str) -> bool) -> Result<(), String> {
	if run.validator || run.get_keyring().is_some() {
		return Err("--public-rpc is for RPC nodes, not validators: run a separate node without \
		            --validator to serve wallets"
			.into());
	}
	let rpc = &mut run.rpc_params;
	if rpc.unsafe_rpc_external || given("rpc-methods") && rpc.rpc_methods == RpcMethods::Unsafe {
		return Err("--public-rpc serves only safe methods: drop --unsafe-rpc-external and \
		            --rpc-methods unsafe"
			.into());
	}
	if !rpc.experimental_rpc_endpoint.is_empty() {
		return Err(
			"--public-rpc configures the RPC server itself: drop --experimental-rpc-endpoint"
				.into(),
		);
	}
	match &rpc.rpc_cors {
		None => {
			return Err("--public-rpc needs the origins of the wallet web apps that may call it: \
			            --rpc-cors https://wallet.example.bank[,https://...] (or `null` for none)"
				.into())
		},
		Some(Cors::All) => {
			return Err(
				"--public-rpc needs an explicit origin list: --rpc-cors all allows any web \
			            page to use this node"
					.into(),
			)
		},
		Some(Cors::List(_)) => {},
	}
	rpc.rpc_external = true;
	rpc.rpc_methods = RpcMethods::Safe;
	if !given("rpc-rate-limit") {
		rpc.rpc_rate_limit = std::num::NonZeroU32::new(RATE_LIMIT_PER_MINUTE);
	}
	if !given("rpc-max-connections") {
		rpc.rpc_max_connections = MAX_CONNECTIONS;
	}
	if !given("rpc-max-request-size") {
		rpc.rpc_max_request_size = MAX_REQUEST_MIB;
	}
	if !given("rpc-max-subscriptions-per-connection") {
		rpc.rpc_max_subscriptions_per_connection = MAX_SUBSCRIPTIONS_PER_CONNECTION;
	}
	if !given("rpc-max-batch-request-len") && !rpc.rpc_disable_batch_requests {
		rpc.rpc_max_batch_request_len = Some(MAX_BATCH_LENGTH);
	}
	Ok(())
}

/// Whether `--flag` (or `--flag=value`) is among `args`.
pub fn flag_given(args: &[String], flag: &str) -> bool {
	let long = format!("--{flag}");
	args.iter().any(|arg| arg == &long || arg.starts_with(&format!("{long}=")))
}

#[cfg(test)]
mod tests {
	use super::*;
	use clap::Parser;

	fn configured(args: &[&str]) -> Result<RunCmd, String> {
		let args: Vec<String> =
			std::iter::once("rupee-node").chain(args.iter().copied()).map(String::from).collect();
		let mut run = RunCmd::try_parse_from(&args).expect("valid command line");
		apply(&mut run, |flag| flag_given(&args, flag))?;
		Ok(run)
	}

	#[test]
	fn public_rpc_listens_externally_with_safe_methods_and_limits() {
		let run = configured(&["--rpc-cors", "https://wallet.example"]).unwrap();
		let rpc = &run.rpc_params;
		assert!(rpc.rpc_external && !rpc.unsafe_rpc_external);
		assert_eq!(rpc.rpc_methods, RpcMethods::Safe);
		assert_eq!(rpc.rpc_rate_limit.map(u32::from), Some(RATE_LIMIT_PER_MINUTE));
		assert_eq!(rpc.rpc_max_connections, MAX_CONNECTIONS);
		assert_eq!(rpc.rpc_max_request_size, MAX_REQUEST_MIB);
		assert_eq!(rpc.rpc_max_subscriptions_per_connection, MAX_SUBSCRIPTIONS_PER_CONNECTION);
		assert_eq!(rpc.rpc_max_batch_request_len, Some(MAX_BATCH_LENGTH));
		assert!(
			matches!(&rpc.rpc_cors, Some(Cors::List(list)) if list == &["https://wallet.example"])
		);
	}

	#[test]
	fn limits_given_on_the_command_line_win() {
		let run = configured(&[
			"--rpc-cors",
			"https://wallet.example",
			"--rpc-rate-limit",
			"30",
			"--rpc-max-connections=5",
		])
		.unwrap();
		assert_eq!(run.rpc_params.rpc_rate_limit.map(u32::from), Some(30));
		assert_eq!(run.rpc_params.rpc_max_connections, 5);
	}

	#[test]
	fn what_would_undo_it_is_refused_with_the_reason() {
		let refused = |args: &[&str]| configured(args).unwrap_err();
		assert!(refused(&[]).contains("--rpc-cors https://"));
		assert!(refused(&["--rpc-cors", "all"]).contains("explicit origin list"));
		let cors = ["--rpc-cors", "https://wallet.example"];
		assert!(refused(&[&cors[..], &["--validator"]].concat()).contains("not validators"));
		assert!(refused(&[&cors[..], &["--alice"]].concat()).contains("not validators"));
		assert!(refused(&[&cors[..], &["--unsafe-rpc-external"]].concat()).contains("safe methods"));
		assert!(
			refused(&[&cors[..], &["--rpc-methods", "unsafe"]].concat()).contains("safe methods")
		);
	}

	#[test]
	fn flags_are_found_in_both_spellings() {
		let args: Vec<String> = ["rupee-node", "--rpc-rate-limit", "5", "--rpc-max-connections=9"]
			.map(String::from)
			.to_vec();
		assert!(flag_given(&args, "rpc-rate-limit"));
		assert!(flag_given(&args, "rpc-max-connections"));
		assert!(!flag_given(&args, "rpc-max-request-size"));
		assert!(!flag_given(&args, "rpc-rate"));
	}
}
