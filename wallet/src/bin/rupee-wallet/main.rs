//! `rupee-wallet`: the Digital Rupee wallet on the command line.
//!
//! Offline: `init`, `address`, `key export`, `pay --offline`, `receive`, `status`, `export`,
//! `purse proof`. Online (JSON-RPC): `balance`, `kyc`, `limits`, `can-pay`, `pay`,
//! `history`, `sync`, `purse fund`, `purse close`, `purse settle`, `device rotate`, `redeem`;
//! for banks `customer`, for the issuer `mint` and `burn`, for governors `board`.
//! `--json` prints one JSON object for scripts. Exit codes: 0 done, 1 internal or I/O error,
//! 2 bad input or wallet not set up, 3 node unreachable, 4 refused (by the chain or a check),
//! 5 submitted but the outcome is not known yet (run the command again to find out), 6 the
//! chain's runtime is not the one this wallet was built for in what it signs or decodes
//! (update the wallet).
//!
//! Keys are encrypted with the wallet's passphrase (polkadot.js keystore format). Commands that
//! sign ask for it at the terminal, or take it from `RUPEE_WALLET_PASSPHRASE` or from the file
//! descriptor `--passphrase-fd N`; never from the command line.

use std::path::PathBuf;

mod keys;
mod operator;
mod payments;
mod purse;
mod reads;

use clap::{Parser, Subcommand};
use keys::KeyCommand;
use purse::{DeviceCommand, PurseCommand};
pub use rupee_wallet::now_ms;
use rupee_wallet::{
	error::Error,
	online::{parse_account, Node},
	store::{PassphraseSource, Wallet},
};
use serde_json::{json, Value};

#[derive(Parser)]
#[command(
	name = "rupee-wallet",
	version,
	about = "Digital Rupee wallet: online and offline payments"
)]
struct Cli {
	/// The wallet directory (keys, purse, vouchers).
	#[arg(long, env = "RUPEE_WALLET", default_value = "~/.rupee-wallet", global = true)]
	wallet: String,
	/// The node's WebSocket JSON-RPC address.
	#[arg(long, env = "RUPEE_NODE", default_value = "ws://127.0.0.1:9944", global = true)]
	node: String,
	/// Print one JSON object instead of text.
	#[arg(long, global = true)]
	json: bool,
	/// Read the wallet's passphrase from this open file descriptor (its first line), e.g.
	/// `--passphrase-fd 3 3<passphrase.txt`. Otherwise `RUPEE_WALLET_PASSPHRASE`, or a prompt.
	#[arg(long, global = true, value_name = "N")]
	passphrase_fd: Option<u32>,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Set up the wallet: make a new account (its mnemonic is shown once) or import one, and
	/// generate the purse's device key, both encrypted with a new passphrase. Offline.
	Init {
		/// Import this account: `-` reads its mnemonic or `0x` seed from standard input (keep
		/// secrets out of the shell's history); a `//Dev` URI is for development chains.
		#[arg(long, conflicts_with = "keystore")]
		account: Option<String>,
		/// Import the account from a polkadot.js JSON key file (the extension's "export
		/// account"); the wallet's passphrase must be the file's.
		#[arg(long)]
		keystore: Option<PathBuf>,
	},
	/// The account's key file, encrypted with the wallet's passphrase, in the polkadot.js
	/// format: `rupee-wallet key export > account.json`, then "Restore account from backup
	/// JSON file" in the polkadot.js extension. Offline.
	Key {
		#[command(subcommand)]
		command: KeyCommand,
	},
	/// This wallet's account address and purse device key. Offline.
	Address,
	/// Balance, escrow and limits of this wallet's account (or `--of`).
	Balance {
		#[arg(long)]
		of: Option<String>,
	},
	/// KYC status of this wallet's account (or `--of`): tier, provider, expiry, freeze.
	Kyc {
		#[arg(long)]
		of: Option<String>,
	},
	/// What this wallet's account may still send and receive today and this month.
	Limits,
	/// Would paying `--amount` to `--to` go through now? The exact reason if not. Changes
	/// nothing; exit code 4 if it would be refused.
	CanPay {
		#[arg(long)]
		to: String,
		#[arg(long)]
		amount: String,
	},
	/// Read the purse, the vouchers' fate and the revocation list from the chain.
	Sync {
		/// Take the node's validator set even where it contradicts the sets this wallet synced
		/// before (they then go): only for the node you trust, after `sync` refused another's.
		#[arg(long)]
		trust_node_validators: bool,
	},
	/// What the wallet holds: purse, what it can still pay offline, vouchers sent and received.
	/// Offline.
	Status,
	/// The offline purse.
	Purse {
		#[command(subcommand)]
		command: PurseCommand,
	},
	/// The purse's device key.
	Device {
		#[command(subcommand)]
		command: DeviceCommand,
	},
	/// Pay `--amount` to `--to` (or what a payment request asks): online (a transfer, waits
	/// for finality) or `--offline` (prints the payment code for the payee: the voucher with
	/// the validators' proof of the purse).
	Pay(payments::PayArgs),
	/// Ask to be paid: a payment request (this account, `--amount`, an optional `--reference`
	/// such as an invoice number) as text and optionally a QR code, which `pay --request`
	/// reads. Offline.
	Request {
		#[arg(long)]
		amount: String,
		#[arg(long)]
		reference: Option<String>,
		/// Also write it as a QR code PNG.
		#[arg(long)]
		qr: Option<PathBuf>,
	},
	/// Keep a payee's receipt (`RPRC…`, from `receive --receipt`) for a voucher this wallet
	/// paid, once it checks out. Offline.
	Receipt { receipt: String },
	/// Check a payment offline and keep its voucher for redemption.
	Receive {
		/// The payment code (`RPP2…`), or a bare voucher (`RPV1…`) of a purse whose proof this
		/// wallet already checked.
		#[arg(required_unless_present = "image", conflicts_with = "image")]
		payment: Option<String>,
		/// Read the payment code from the QR code in this PNG image instead.
		#[arg(long, value_name = "FILE.png")]
		image: Option<PathBuf>,
		/// Also sign a receipt for the payer (needs the passphrase).
		#[arg(long)]
		receipt: bool,
	},
	/// Submit the received vouchers for payment and wait for finality.
	Redeem,
	/// Print the received vouchers not yet paid, one per line, for anyone to redeem on this
	/// wallet's behalf. Offline.
	Export,
	/// Payments in and out of this account (or `--of`) in the last `--blocks` finalized blocks.
	History {
		#[arg(long)]
		of: Option<String>,
		#[arg(long, default_value_t = 1000)]
		blocks: u32,
	},
	/// A bank's actions on its customers (the wallet's account must be an accredited provider).
	Customer {
		#[command(subcommand)]
		command: operator::CustomerCommand,
	},
	/// The issuer creates `--amount` in bank `--to`'s reserve.
	Mint {
		#[arg(long)]
		to: String,
		#[arg(long)]
		amount: String,
	},
	/// The issuer destroys `--amount` of its own balance.
	Burn {
		#[arg(long)]
		amount: String,
	},
	/// The Board: governors, open motions, propose, vote, close.
	Board {
		#[command(subcommand)]
		command: operator::BoardCommand,
	},
}

/// The account a read command is about: `--of`, or else this wallet's own.
pub fn subject(
	wallet: &Wallet,
	of: Option<String>,
) -> Result<rupee_wallet::chain::AccountId, Error> {
	match of {
		Some(text) => parse_account(&text),
		None => rupee_wallet::keys::account_id(wallet),
	}
}

fn wallet_dir(text: &str) -> PathBuf {
	match text.strip_prefix("~/") {
		Some(rest) => std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default().join(rest),
		None => PathBuf::from(text),
	}
}

/// What a command says: text for people, JSON for scripts.
pub struct Output {
	text: String,
	json: Value,
}

pub fn output(text: impl Into<String>, json: Value) -> Output {
	Output { text: text.into(), json }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
	let cli = Cli::parse();
	let json = cli.json;
	match run(cli).await {
		Ok(out) => {
			if json {
				println!("{}", out.json);
			} else {
				println!("{}", out.text);
			}
		},
		Err(error) => {
			if json {
				println!(
					"{}",
					json!({ "ok": false, "error": error.to_string(), "exitCode": error.exit_code() })
				);
			}
			eprintln!("error: {error}");
			std::process::exit(error.exit_code());
		},
	}
}

async fn run(cli: Cli) -> Result<Output, Error> {
	let source = keys::passphrase_source(cli.passphrase_fd)?;
	let migrate = !matches!(source, PassphraseSource::Missing);
	let mut wallet = Wallet::open(&wallet_dir(&cli.wallet))?.with_passphrase(source);
	// Keys an older wallet kept in plain text are encrypted at the first chance.
	if migrate && wallet.encrypt_legacy_keys()? && !cli.json {
		eprintln!("  … this wallet's keys are now encrypted with its passphrase");
	}
	let progress = |step: &str| {
		if !cli.json {
			eprintln!("  … {step}");
		}
	};
	match cli.command {
		Command::Init { account, keystore } => keys::init(&mut wallet, account, keystore),
		Command::Key { command: KeyCommand::Export } => keys::export(&wallet),
		Command::Address => keys::show_address(&wallet),
		Command::Balance { of } => reads::balance(&wallet, &cli.node, of).await,
		Command::Kyc { of } => reads::kyc(&wallet, &cli.node, of).await,
		Command::Limits => reads::limits(&wallet, &cli.node).await,
		Command::CanPay { to, amount } => reads::can_pay(&wallet, &cli.node, to, amount).await,
		Command::Sync { trust_node_validators } => {
			purse::sync(&mut wallet, &cli.node, trust_node_validators).await
		},
		Command::Status => purse::status(&wallet, "status (as of the last sync)"),
		Command::Purse { command: PurseCommand::Proof } => purse::proof(&wallet),
		Command::Purse { command: PurseCommand::Fund { amount } } => {
			purse::fund(&mut wallet, &cli.node, amount, progress).await
		},
		Command::Purse { command: PurseCommand::Close } => {
			purse::close(&mut wallet, &cli.node, progress).await
		},
		Command::Device { command: DeviceCommand::Rotate } => {
			purse::rotate(&mut wallet, &cli.node, progress).await
		},
		Command::Purse { command: PurseCommand::Settle } => {
			purse::settle(&mut wallet, &cli.node, progress).await
		},
		Command::Pay(args) => payments::pay(&mut wallet, &cli.node, args, progress).await,
		Command::Request { amount, reference, qr } => {
			payments::request(&wallet, amount, reference, qr)
		},
		Command::Receipt { receipt } => payments::receipt(&mut wallet, receipt),
		Command::Receive { payment, image, receipt } => {
			payments::receive(&mut wallet, payment, image, receipt)
		},
		Command::History { of, blocks } => {
			let who = subject(&wallet, of)?;
			let node = Node::connect_for(&cli.node, &wallet).await?;
			operator::history(&node, &who, blocks).await
		},
		Command::Customer { command } => {
			let node = Node::connect_for(&cli.node, &wallet).await?;
			operator::customer(&wallet, &node, command, progress).await
		},
		Command::Mint { to, amount } => {
			let node = Node::connect_for(&cli.node, &wallet).await?;
			operator::mint_or_burn(&wallet, &node, Some(to), &amount, progress).await
		},
		Command::Burn { amount } => {
			let node = Node::connect_for(&cli.node, &wallet).await?;
			operator::mint_or_burn(&wallet, &node, None, &amount, progress).await
		},
		Command::Board { command } => {
			let node = Node::connect_for(&cli.node, &wallet).await?;
			operator::board(&wallet, &node, command, progress).await
		},
		Command::Export => payments::export_vouchers(&wallet),
		Command::Redeem => payments::redeem(&mut wallet, &cli.node, progress).await,
	}
}
