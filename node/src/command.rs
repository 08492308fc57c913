//! Dispatch of `rupee-node`'s command line to the node or a maintenance subcommand.

use rupee_runtime::opaque::Block;
use sc_cli::{CliConfiguration, SubstrateCli};
use sc_service::PartialComponents;

use crate::{
	chain_spec,
	cli::{Cli, Subcommand, DEFAULT_NETWORK_BACKEND},
	preflight, public_rpc, service,
};

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Digital Rupee Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		env!("CARGO_PKG_DESCRIPTION").into()
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"README.md (Running the node) and docs/pilot.md in the source repository".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// Parse the command line. Where the operator did not choose, the node's defaults differ from
/// `sc-cli`'s:
/// * `--network-backend`: libp2p (`sc-cli` alone would default to litep2p);
/// * `--pool-type`: single-state. Under a burst of 20,000 payments the fork-aware pool dropped
///   1,648 it had accepted, silently (docs/performance.md); the single-state pool kept all;
/// * `--pool-limit` 65,536 and `--pool-kbytes` 262,144: the stock 8,192 keeps only 819
///   transactions ahead of their account's nonce, and a bank's run of 2,000 lost one in the
///   middle and stalled behind the gap.
fn parse() -> Cli {
	let chose = |flag: &str| {
		std::env::args_os().any(|argument| argument.to_string_lossy().starts_with(flag))
	};
	let mut cli = Cli::from_args();
	if !chose("--network-backend") {
		cli.run.network_params.network_backend = DEFAULT_NETWORK_BACKEND;
	}
	let pool = &mut cli.run.pool_config;
	if !chose("--pool-type") {
		pool.pool_type = sc_cli::TransactionPoolType::SingleState;
	}
	if !chose("--pool-limit") {
		pool.pool_limit = 65_536;
	}
	if !chose("--pool-kbytes") {
		pool.pool_kbytes = 262_144;
	}
	cli
}

/// Parse the command line and run it.
pub fn run() -> sc_cli::Result<()> {
	// Addresses in this chain's format (prefix 1947) everywhere: RPC answers, chain specs, logs
	// and `key` output. RPC parameters accept it as well as any registered SS58 prefix.
	sp_core::crypto::set_default_ss58_version(sp_core::crypto::Ss58AddressFormat::custom(
		rupee_runtime::SS58_PREFIX,
	));
	let mut cli = parse();

	match &cli.subcommand {
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		#[allow(deprecated)]
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::ExportChainSpec(cmd)) => {
			let chain_spec = cli.load_spec(&cmd.chain)?;
			cmd.run(chain_spec)
		},
		Some(Subcommand::CheckBlock(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::ExportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.database), task_manager))
			})
		},
		Some(Subcommand::ExportState(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, .. } = service::new_partial(&config)?;
				Ok((cmd.run(client, config.chain_spec), task_manager))
			})
		},
		Some(Subcommand::ImportBlocks(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, import_queue, .. } =
					service::new_partial(&config)?;
				Ok((cmd.run(client, import_queue), task_manager))
			})
		},
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.database))
		},
		Some(Subcommand::Revert(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.async_run(|config| {
				let PartialComponents { client, task_manager, backend, .. } =
					service::new_partial(&config)?;
				let aux_revert = Box::new(|client, _, blocks| {
					sc_consensus_grandpa::revert(client, blocks)?;
					Ok(())
				});
				Ok((cmd.run(client, backend, Some(aux_revert)), task_manager))
			})
		},
		#[cfg(feature = "runtime-benchmarks")]
		Some(Subcommand::Benchmark(cmd)) => crate::benchmarking::run(&cli, cmd),
		Some(Subcommand::ChainInfo(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run::<Block>(&config))
		},
		None => {
			let mut public_note = None;
			if cli.public_rpc {
				let args: Vec<String> = std::env::args().collect();
				public_rpc::apply(&mut cli.run, |flag| public_rpc::flag_given(&args, flag))
					.map_err(sc_cli::Error::Input)?;
				let rpc = &cli.run.rpc_params;
				public_note = Some(format!(
					"🌐 Public RPC: all interfaces, safe methods only, {} calls/min per connection, \
					 {} connections, CORS {:?}",
					rpc.rpc_rate_limit.map_or(0, u32::from),
					rpc.rpc_max_connections,
					rpc.rpc_cors
				));
			}
			if let Some(base_path) = cli.run.shared_params().base_path()? {
				preflight::check_base_path(base_path.path())?;
			}
			let runner = cli.create_runner(&cli.run)?;
			runner.run_node_until_exit(|mut config| async move {
				if let Some(note) = public_note {
					log::info!("{note}");
				}
				preflight::check_ports(&mut config)?;
				match config.network.network_backend {
					sc_network::config::NetworkBackendType::Libp2p => service::new_full::<
						sc_network::NetworkWorker<
							Block,
							<Block as sp_runtime::traits::Block>::Hash,
						>,
					>(config)
					.map_err(sc_cli::Error::Service),
					sc_network::config::NetworkBackendType::Litep2p => {
						service::new_full::<sc_network::Litep2pNetworkBackend>(config)
							.map_err(sc_cli::Error::Service)
					},
				}
			})
		},
	}
}
