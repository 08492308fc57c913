//! The command line: `rupee-node [run options]` or `rupee-node <subcommand>`.

/// The network backend `rupee-node` uses when `--network-backend` is not given: libp2p, the
/// backend that every other Substrate network has run the longest.
pub const DEFAULT_NETWORK_BACKEND: sc_cli::arg_enums::NetworkBackendType =
	sc_cli::arg_enums::NetworkBackendType::Libp2p;

#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management: generate and inspect account keys, generate a node key, insert session
	/// keys into a keystore.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Build a chain specification (`--raw` for the storage form).
	/// Kept for operators' existing scripts; `export-chain-spec` does the same.
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Export a chain specification of a built-in chain (`dev`, `local`, `pilot`) or a file.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state (never past the last finalized block).
	Revert(sc_cli::RevertCmd),

	/// Benchmark pallets and the node (needs a build with `--features runtime-benchmarks`).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database metadata: best and finalized block.
	ChainInfo(sc_cli::ChainInfoCmd),
}

#[derive(Debug, clap::Parser)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// Serve wallets on the open internet: listen on all interfaces, safe methods only,
	/// per-connection rate limit and connection, request, batch and subscription limits;
	/// needs an explicit `--rpc-cors` list and refuses `--validator`. See README "Public RPC".
	#[arg(long)]
	pub public_rpc: bool,
}
