//! `rupee-wallet`: the Digital Rupee wallet on the command line.
//!
//! Offline: `init`, `address`, `key export`, `pay --offline`, `receive`, `status`, `export`,
//! `purse proof`. Online (JSON-RPC): `balance`, `kyc`, `limits`, `can-pay`, `pay`,
//! `history`, `sync`, `purse fund`, `purse close`, `purse settle`, `device rotate`, `redeem`;
//! for banks `customer`, for the issuer `mint` and `burn`, for governors `board`.
//! `--json` prints one JSON object for scripts. Exit codes: 0 done, 1 internal or I/O error,
//! 2 bad input or wallet not set up, 3 node unreachable, 4 refused (by the chain or a check),
//! 5 submitted but the outcome is not known yet (run the command again to find out).
//!
//! Keys are encrypted with the wallet's passphrase (polkadot.js keystore format). Commands that
//! sign ask for it at the terminal, or take it from `RUPEE_WALLET_PASSPHRASE` or from the file
//! descriptor `--passphrase-fd N`; never from the command line.

use std::{
	path::PathBuf,
	time::{SystemTime, UNIX_EPOCH},
};

mod operator;

use clap::{Parser, Subcommand};
use rupee_wallet::{
	amount::{format_amount, format_limit, parse_amount},
	keystore::KeystoreError,
	offline::{self, hex, Error, Payment},
	online::{self, address, parse_account, Node},
	qr,
	request::{PaymentRequest, Receipt},
	risk::RiskLimits,
	store::{PassphraseSource, Wallet},
	Voucher,
};
use serde_json::{json, Value};
use sp_core::Pair;

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
	Sync,
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
	Pay {
		#[arg(long, required_unless_present_any = ["request", "request_image"])]
		to: Option<String>,
		#[arg(long, required_unless_present_any = ["request", "request_image"])]
		amount: Option<String>,
		/// A payment request (`rupee:…`, from `request`): the payee and amount come from it.
		#[arg(long, conflicts_with_all = ["to", "amount", "request_image"])]
		request: Option<String>,
		/// The same, read from the QR code in a PNG image.
		#[arg(long, value_name = "FILE.png", conflicts_with_all = ["to", "amount"])]
		request_image: Option<PathBuf>,
		#[arg(long)]
		offline: bool,
		/// Also write the payment code as a QR code PNG.
		#[arg(long)]
		qr: Option<PathBuf>,
		/// Pay a payment request without asking (it is shown and confirmed at the terminal
		/// otherwise; scripts must say `--yes`).
		#[arg(long)]
		yes: bool,
	},
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

#[derive(Subcommand)]
enum KeyCommand {
	/// Print the account's encrypted key file (polkadot.js keystore JSON).
	Export,
}

#[derive(Subcommand)]
enum PurseCommand {
	/// Move `--amount` of the account's balance into the purse (creates or tops it up).
	Fund {
		#[arg(long)]
		amount: String,
	},
	/// Close the purse (lost device): it goes on the revocation list; payees redeem until its
	/// expiry plus the grace window.
	Close,
	/// Print this purse's proof (signed by the validators) and what it states. Offline.
	Proof,
	/// Return what is left in retired purses (`device rotate`) once their vouchers can no
	/// longer be redeemed; says when for the others.
	Settle,
}

#[derive(Subcommand)]
enum DeviceCommand {
	/// Retire the device key (after a restore from backup, or when its counters run out):
	/// close its purse (vouchers already given are still paid), and make a new key with a new
	/// purse to fund. The old purse's rest comes back with `purse settle`.
	Rotate,
}

fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|elapsed| elapsed.as_millis() as u64)
		.unwrap_or(0)
}

/// Whom to pay, how much, and the payee's reference: from `--to` and `--amount`, or from a
/// payment request (text or QR image), which the payer confirms at the terminal (or with
/// `--yes`): a request is someone else's word, and a sticker over a shop's code is not the
/// shop.
fn payment_target(
	to: Option<String>,
	amount: Option<String>,
	request: Option<String>,
	request_image: Option<PathBuf>,
	yes: bool,
) -> Result<(rupee_runtime::AccountId, rupee_wallet::Balance, Option<String>), Error> {
	use std::io::IsTerminal;
	let request = match (request, request_image) {
		(Some(text), _) => Some(text),
		(None, Some(image)) => Some(qr::read_png(&image)?),
		(None, None) => None,
	};
	if let Some(text) = request {
		let request = PaymentRequest::from_text(&text)?;
		let summary = format!(
			"pay {} to {}{}",
			format_amount(request.amount),
			address(&request.to),
			request.reference.as_deref().map(|r| format!(" for {r}")).unwrap_or_default()
		);
		if !yes {
			if !std::io::stdin().is_terminal() {
				return Err(Error::BadInput(format!(
					"a payment request is paid only once confirmed: {summary}? Add --yes to confirm"
				)));
			}
			eprint!("{summary}? [y/N] ");
			let mut answer = String::new();
			std::io::stdin()
				.read_line(&mut answer)
				.map_err(|error| Error::Io(format!("reading the answer: {error}")))?;
			if !matches!(answer.trim(), "y" | "Y" | "yes") {
				return Err(Error::Refused(format!("not confirmed: nothing paid ({summary})")));
			}
		}
		return Ok((request.to, request.amount, request.reference));
	}
	match (to, amount) {
		(Some(to), Some(amount)) => Ok((parse_account(&to)?, parse_amount(&amount)?, None)),
		_ => Err(Error::BadInput("give --to and --amount, or --request".into())),
	}
}

/// The account a read command is about: `--of`, or else this wallet's own.
fn subject(wallet: &Wallet, of: Option<String>) -> Result<rupee_runtime::AccountId, Error> {
	match of {
		Some(text) => parse_account(&text),
		None => offline::account_id(wallet),
	}
}

fn wallet_dir(text: &str) -> PathBuf {
	match text.strip_prefix("~/") {
		Some(rest) => std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default().join(rest),
		None => PathBuf::from(text),
	}
}

/// What a command says: text for people, JSON for scripts.
struct Output {
	text: String,
	json: Value,
}

fn output(text: impl Into<String>, json: Value) -> Output {
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

/// Where the passphrase comes from: `--passphrase-fd`, `RUPEE_WALLET_PASSPHRASE`, else a
/// prompt when there is a terminal to ask at.
fn passphrase_source(fd: Option<u32>) -> Result<PassphraseSource, Error> {
	use std::io::IsTerminal;
	if let Some(fd) = fd {
		use std::io::Read;
		let unreadable = |error: std::io::Error| {
			Error::BadInput(format!(
				"cannot read the passphrase from file descriptor {fd}: {error}"
			))
		};
		let mut file = std::fs::File::open(format!("/dev/fd/{fd}")).map_err(unreadable)?;
		// One line, a byte at a time: nothing after it is consumed (the descriptor may be a
		// pipe or standard input that carries more).
		let mut line = zeroize::Zeroizing::new(Vec::new());
		let mut byte = [0u8; 1];
		while file.read(&mut byte).map_err(unreadable)? == 1 && byte[0] != b'\n' {
			line.push(byte[0]);
			if line.len() > 4_096 {
				return Err(Error::BadInput(format!(
					"file descriptor {fd} holds no passphrase line"
				)));
			}
		}
		let mut text = String::from_utf8(std::mem::take(&mut *line))
			.map_err(|_| Error::BadInput("the passphrase is not UTF-8 text".into()))?;
		if text.ends_with('\r') {
			text.pop();
		}
		return Ok(PassphraseSource::Given(text.into()));
	}
	if let Ok(passphrase) = std::env::var("RUPEE_WALLET_PASSPHRASE") {
		return Ok(PassphraseSource::Given(passphrase.into()));
	}
	if std::io::stdin().is_terminal() {
		return Ok(PassphraseSource::Prompt);
	}
	Ok(PassphraseSource::Missing)
}

/// The account secret for `init --account`: `-` reads one line from standard input.
fn account_secret(given: String) -> Result<zeroize::Zeroizing<String>, Error> {
	if given != "-" {
		return Ok(given.into());
	}
	let mut line = zeroize::Zeroizing::new(String::new());
	std::io::stdin()
		.read_line(&mut line)
		.map_err(|error| Error::BadInput(format!("cannot read the account secret: {error}")))?;
	Ok(line.trim().to_string().into())
}

async fn run(cli: Cli) -> Result<Output, Error> {
	let source = passphrase_source(cli.passphrase_fd)?;
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
		Command::Init { account, keystore } => {
			let mut text = String::new();
			let mut mnemonic = None;
			match (account, keystore) {
				(_, Some(path)) => {
					let bytes = std::fs::read(&path).map_err(|error| {
						Error::BadInput(format!("cannot read {}: {error}", path.display()))
					})?;
					let json = serde_json::from_slice(&bytes).map_err(|error| {
						Error::Keystore(KeystoreError::Unsupported(error.to_string()))
					})?;
					wallet.import_account(json)?;
				},
				(Some(secret), None) => {
					let secret = account_secret(secret)?;
					let pair = sp_core::sr25519::Pair::from_string(&secret, None)
						.map_err(|_| Error::BadSecret)?;
					wallet.set_account(pair)?;
				},
				(None, None) => {
					if wallet.account_public().is_ok() {
						return Err(Error::BadInput(
							"this wallet already holds an account: use another --wallet directory for a new one".into(),
						));
					}
					let (pair, phrase, _) = sp_core::sr25519::Pair::generate_with_phrase(None);
					wallet.set_account(pair)?;
					text.push_str(&format!(
						"New account. Write down these words; they are shown only once:\n  {phrase}\n"
					));
					mnemonic = Some(phrase);
				},
			}
			let device = offline::ensure_device(&mut wallet)?;
			let who = offline::account_id(&wallet)?;
			text.push_str(&format!("account {}\ndevice key {}", address(&who), hex(&device.0)));
			let mut answer =
				json!({ "ok": true, "account": address(&who), "deviceKey": hex(&device.0) });
			if let Some(phrase) = mnemonic {
				answer["mnemonic"] = phrase.into();
			}
			Ok(output(text, answer))
		},
		Command::Key { command: KeyCommand::Export } => {
			let keystore = wallet.account_keystore()?;
			let text = serde_json::to_string_pretty(&keystore)
				.map_err(|error| Error::Io(error.to_string()))?;
			Ok(output(text, json!({ "ok": true, "keystore": keystore })))
		},
		Command::Address => {
			let who = offline::account_id(&wallet)?;
			let device = wallet.device_public()?;
			Ok(output(
				format!("account {}\ndevice key {}", address(&who), hex(&device.0)),
				json!({ "ok": true, "account": address(&who), "deviceKey": hex(&device.0) }),
			))
		},
		Command::Balance { of } => {
			let who = subject(&wallet, of)?;
			let node = Node::connect(&cli.node).await?;
			let view = node.account(&who).await?;
			let free = view["free"].as_u64().unwrap_or_default() as u128;
			let escrowed = view["escrowed"].as_u64().unwrap_or_default() as u128;
			Ok(output(
				format!(
					"{}\n  balance {}\n  in purses {}",
					address(&who),
					format_amount(free),
					format_amount(escrowed)
				),
				json!({ "ok": true, "account": address(&who), "free": free.to_string(), "escrowed": escrowed.to_string(), "view": view }),
			))
		},
		Command::Kyc { of } => {
			let who = subject(&wallet, of)?;
			let node = Node::connect(&cli.node).await?;
			let status = node.kyc_status(&who).await?;
			let text = if status.is_null() {
				format!("{}: not registered with any bank", address(&who))
			} else {
				format!(
					"{}: tier {}, {}{}{}, KYC until {} (ms since epoch), provider {}",
					address(&who),
					status["tier"].as_str().unwrap_or("?"),
					status["status"].as_str().unwrap_or("?"),
					if status["expired"] == true { ", EXPIRED" } else { "" },
					if status["frozen"] == true { ", FROZEN" } else { "" },
					status["expiresAt"],
					status["provider"].as_str().unwrap_or("?"),
				)
			};
			let registered = !status.is_null();
			Ok(output(
				text,
				json!({ "ok": true, "account": address(&who), "registered": registered, "status": status }),
			))
		},
		Command::Limits => {
			let who = offline::account_id(&wallet)?;
			let node = Node::connect(&cli.node).await?;
			let status = node.kyc_status(&who).await?;
			let usage = &status["usage"];
			if usage.is_null() {
				return Err(Error::Refused(format!(
					"{} is not registered with any bank",
					address(&who)
				)));
			}
			let amount = |field: &str| format_limit(&usage[field]);
			let text = format!(
				"{} (tier {})\n  send today {} left of {}\n  send this month {} left\n  receive today {} left\n  receive this month {} left\n  room under the holding limit {}",
				address(&who),
				status["tier"].as_str().unwrap_or("?"),
				amount("dailyDebitLeft"),
				format_limit(&usage["limits"]["dailyDebit"]),
				amount("monthlyDebitLeft"),
				amount("dailyCreditLeft"),
				amount("monthlyCreditLeft"),
				amount("balanceRoom"),
			);
			Ok(output(text, json!({ "ok": true, "account": address(&who), "usage": usage })))
		},
		Command::CanPay { to, amount } => {
			let from = offline::account_id(&wallet)?;
			let payee = parse_account(&to)?;
			let amount = parse_amount(&amount)?;
			let node = Node::connect(&cli.node).await?;
			let answer = node.can_transfer(&from, &payee, amount).await?;
			if answer["ok"] != true {
				return Err(Error::Refused(format!(
					"{} (code {})",
					answer["reason"].as_str().unwrap_or("?"),
					answer["code"]
				)));
			}
			Ok(output(
				format!(
					"paying {} to {} would go through now",
					format_amount(amount),
					address(&payee)
				),
				json!({ "ok": true, "amount": amount.to_string(), "to": address(&payee) }),
			))
		},
		Command::Sync => {
			let node = Node::connect(&cli.node).await?;
			online::sync(&mut wallet, &node, now_ms()).await?;
			status(&wallet, "synced")
		},
		Command::Status => status(&wallet, "status (as of the last sync)"),
		Command::Purse { command: PurseCommand::Proof } => {
			let proof = offline::own_proof(&wallet)?;
			let statement = &proof.statement;
			let encoded = hex(&codec::Encode::encode(&proof));
			Ok(output(
				format!(
					"purse proof of block #{} signed by {} validator(s) of set #{}: escrow {}, voucher cap {}\n{encoded}",
					statement.block,
					proof.signatures.len(),
					proof.set_id,
					format_amount(statement.escrow),
					format_amount(statement.voucher_cap)
				),
				json!({
					"ok": true,
					"proof": encoded,
					"setId": proof.set_id,
					"signers": proof.signatures.len(),
					"block": statement.block,
					"escrow": statement.escrow.to_string(),
					"voucherCap": statement.voucher_cap.to_string(),
					"expiresAt": statement.expires_at,
				}),
			))
		},
		Command::Purse { command: PurseCommand::Fund { amount } } => {
			let amount = parse_amount(&amount)?;
			let signer = offline::account(&wallet)?;
			let device = offline::ensure_device(&mut wallet)?;
			let node = Node::connect(&cli.node).await?;
			let call = rupee_runtime::RuntimeCall::Vouchers(pallet_vouchers::Call::fund_purse {
				device_key: device.0,
				amount,
			});
			let finalized = node.submit(&signer, call, progress).await?;
			// The validators sign the funding once it is final: wait for the proof a while.
			progress("waiting for the validators' proof of the purse");
			let proved = online::wait_for_proof(&node, &device.0, finalized.block_number).await?;
			online::sync(&mut wallet, &node, now_ms()).await?;
			let certificate = offline::own_certificate(&wallet)?;
			Ok(output(
				format!(
					"purse funded with {} in block #{}: it holds {}, one voucher pays at most {}; {}",
					format_amount(amount),
					finalized.block_number,
					format_amount(certificate.escrow),
					format_amount(certificate.voucher_cap),
					if proved {
						"the validators' proof is ready for offline payments"
					} else {
						"the validators' proof is not ready yet: run `sync` before paying offline"
					}
				),
				json!({
					"ok": true,
					"block": finalized.block_number,
					"escrow": certificate.escrow.to_string(),
					"voucherCap": certificate.voucher_cap.to_string(),
					"expiresAt": certificate.expires_at,
					"proved": proved,
					"proofBlock": offline::own_proof(&wallet).ok().map(|proof| proof.statement.block),
				}),
			))
		},
		Command::Purse { command: PurseCommand::Close } => {
			let signer = offline::account(&wallet)?;
			let device = wallet.device_public()?;
			let node = Node::connect(&cli.node).await?;
			let call = rupee_runtime::RuntimeCall::Vouchers(pallet_vouchers::Call::close_purse {
				device_key: device.0,
			});
			let finalized = node.submit(&signer, call, progress).await?;
			online::sync(&mut wallet, &node, now_ms()).await?;
			Ok(output(
				format!("purse closed in block #{}", finalized.block_number),
				json!({ "ok": true, "block": finalized.block_number }),
			))
		},
		Command::Device { command: DeviceCommand::Rotate } => {
			let node = Node::connect(&cli.node).await?;
			let rotation = online::rotate_device(&mut wallet, &node, progress).await?;
			let mut text = format!(
				"new device key {}; fund its purse with `rupee-wallet purse fund`",
				rotation.new_device_key
			);
			if let Some(block) = rotation.closed_in {
				text.push_str(&format!("\nthe old purse was closed in block #{block}"));
			}
			if let Some(until) = rotation.redeemable_until {
				text.push_str(&format!(
					"\nits vouchers are paid until {} (ms since the epoch); then `rupee-wallet purse settle` returns the rest",
					until
				));
			}
			Ok(output(text, json!({ "ok": true, "rotation": rotation })))
		},
		Command::Purse { command: PurseCommand::Settle } => {
			let node = Node::connect(&cli.node).await?;
			let report = online::settle_retired(&mut wallet, &node, progress).await?;
			let lines: Vec<String> = report
				.iter()
				.map(|settlement| match (&settlement.returned, settlement.not_before) {
					(Some(returned), _) => format!(
						"purse {}: settled, {} returned",
						settlement.device_key,
						format_amount(returned.parse().unwrap_or_default())
					),
					(None, Some(when)) => format!(
						"purse {}: vouchers may still be redeemed; settle after {when} (ms since the epoch)",
						settlement.device_key
					),
					(None, None) => format!("purse {}: already settled", settlement.device_key),
				})
				.collect();
			let text = if lines.is_empty() {
				"no retired purse to settle".to_string()
			} else {
				lines.join("\n")
			};
			Ok(output(text, json!({ "ok": true, "purses": report })))
		},
		Command::Pay { to, amount, request, request_image, offline: true, qr, yes } => {
			let (payee, amount, reference) =
				payment_target(to, amount, request, request_image, yes)?;
			let payload = offline::pay_with_reference(
				&mut wallet,
				payee.clone().into(),
				amount,
				reference.clone(),
				now_ms(),
			)?;
			let voucher = &payload.voucher;
			let text = payload.to_text();
			let mut qr_note = String::new();
			if let Some(path) = &qr {
				let version = qr::write_png(&text, path)?;
				qr_note = format!("\nQR code (version {version}) written to {}", path.display());
			}
			Ok(output(
				format!(
					"voucher #{} paying {} to {}; show the payee this payment code:\n{text}{qr_note}",
					voucher.body.counter,
					format_amount(amount),
					address(&payee)
				),
				json!({
					"ok": true,
					"payment": text,
					"voucher": voucher.to_text(),
					"counter": voucher.body.counter,
					"amount": amount.to_string(),
					"payee": address(&payee),
					"reference": reference,
					"bytes": payload.to_bytes().len(),
				}),
			))
		},
		Command::Pay { to, amount, request, request_image, offline: false, yes, .. } => {
			let (payee, amount, reference) =
				payment_target(to, amount, request, request_image, yes)?;
			let node = Node::connect(&cli.node).await?;
			let paid = online::pay(&mut wallet, &node, &payee, amount, reference.clone(), progress)
				.await?;
			let (finalized, earlier) = (&paid.finalized, paid.already_paid);
			let mut text = if earlier {
				format!(
					"already paid: the earlier run's payment of {} to {} was finalized in block #{}; nothing was paid again",
					format_amount(amount),
					address(&payee),
					finalized.block_number
				)
			} else {
				format!(
					"paid {} to {} in block #{}",
					format_amount(amount),
					address(&payee),
					finalized.block_number
				)
			};
			if let Some(note) = &paid.earlier {
				text.push_str(&format!("\n(first: {note})"));
			}
			Ok(output(
				text,
				json!({
					"ok": true,
					"block": finalized.block_number,
					"amount": amount.to_string(),
					"to": address(&payee),
					"reference": reference,
					"alreadyPaid": earlier,
					"earlier": paid.earlier,
				}),
			))
		},
		Command::Request { amount, reference, qr } => {
			let amount = parse_amount(&amount)?;
			if amount == 0 {
				return Err(Error::BadInput("a payment request asks for more than zero".into()));
			}
			if let Some(reference) = &reference {
				rupee_wallet::request::check_reference(reference)?;
			}
			let to = offline::account_id(&wallet)?;
			let request = PaymentRequest { to, amount, reference };
			let text = request.to_text();
			let mut qr_note = String::new();
			if let Some(path) = &qr {
				qr::write_png(&text, path)?;
				qr_note = format!("\nQR code written to {}", path.display());
			}
			Ok(output(
				format!(
					"show the payer this payment request for {}:\n{text}{qr_note}",
					format_amount(amount)
				),
				json!({ "ok": true, "request": text }),
			))
		},
		Command::Receipt { receipt } => {
			let receipt = Receipt::from_text(&receipt)?;
			let sent = wallet
				.state
				.sent
				.iter_mut()
				.find(|sent| {
					Voucher::from_text(&sent.voucher).is_ok_and(|voucher| receipt.verify(&voucher))
				})
				.ok_or_else(|| {
					Error::Refused(
						"this receipt is not the payee's signature for a voucher this wallet paid"
							.into(),
					)
				})?;
			sent.receipt = Some(receipt.to_text());
			let (counter, amount) = (sent.counter, sent.amount);
			wallet.save()?;
			Ok(output(
				format!(
					"receipt kept: the payee accepted voucher #{counter} for {}",
					format_amount(amount)
				),
				json!({ "ok": true, "counter": counter, "amount": amount.to_string() }),
			))
		},
		Command::Receive { payment, image, receipt } => {
			let text = match (payment, image) {
				(_, Some(image)) => qr::read_png(&image)?,
				(Some(text), None) => text,
				(None, None) => {
					return Err(Error::BadInput("give a payment code or --image".into()))
				},
			};
			let payment = Payment::from_text(&text)?;
			let me = wallet.account_public()?.0;
			// The key that signs the receipt opens before the voucher is kept: a wrong
			// passphrase must not leave a kept voucher without its receipt.
			let signer = if receipt { Some(offline::account(&wallet)?) } else { None };
			let limits = RiskLimits::for_tier(wallet.state.tier);
			let now = now_ms();
			offline::receive(&mut wallet, &payment, me, now, &limits)?;
			let voucher = payment.voucher();
			let receipt = signer.map(|signer| Receipt::sign(voucher, &signer).to_text());
			// The proof it was checked against (the one with the largest escrow seen).
			let proof = wallet
				.state
				.peers
				.get(&hex(&voucher.body.device_key))
				.and_then(|peer| peer.proof.as_deref())
				.and_then(offline::unhex)
				.and_then(|bytes| {
					<rupee_wallet::PurseProof as codec::Decode>::decode(&mut &bytes[..]).ok()
				});
			let (block, age_hours) = proof
				.map(|proof| {
					let age = now.saturating_sub(proof.statement.funded_at) / 3_600_000;
					(proof.statement.block, age)
				})
				.unwrap_or_default();
			Ok(output(
				format!(
					"accepted voucher #{} for {}: the validators' proof of the payer's purse (block #{block}, {age_hours} h old) checks out; redeem it when online and the chain pays it in full{}",
					voucher.body.counter,
					format_amount(voucher.body.amount),
					receipt
						.as_ref()
						.map(|receipt| format!("\nreceipt for the payer: {receipt}"))
						.unwrap_or_default()
				),
				json!({
					"ok": true,
					"counter": voucher.body.counter,
					"amount": voucher.body.amount.to_string(),
					"proofBlock": block,
					"proofAgeHours": age_hours,
					"receipt": receipt,
				}),
			))
		},
		Command::History { of, blocks } => {
			let who = subject(&wallet, of)?;
			let node = Node::connect(&cli.node).await?;
			operator::history(&node, &who, blocks).await
		},
		Command::Customer { command } => {
			let node = Node::connect(&cli.node).await?;
			operator::customer(&wallet, &node, command, progress).await
		},
		Command::Mint { to, amount } => {
			let node = Node::connect(&cli.node).await?;
			operator::mint_or_burn(&wallet, &node, Some(to), &amount, progress).await
		},
		Command::Burn { amount } => {
			let node = Node::connect(&cli.node).await?;
			operator::mint_or_burn(&wallet, &node, None, &amount, progress).await
		},
		Command::Board { command } => {
			let node = Node::connect(&cli.node).await?;
			operator::board(&wallet, &node, command, progress).await
		},
		Command::Export => {
			let pending: Vec<String> =
				offline::redeemable(&wallet).iter().map(Voucher::to_text).collect();
			Ok(output(pending.join("\n"), json!({ "ok": true, "vouchers": pending })))
		},
		Command::Redeem => {
			let node = Node::connect(&cli.node).await?;
			let report = online::redeem(&mut wallet, &node, progress).await?;
			Ok(output(
				format!(
					"{} voucher(s) submitted: {} paid, {} compensated (double spend), {} already paid, {} refused",
					report.submitted, report.redeemed, report.compensated, report.duplicates, report.refused
				),
				json!({ "ok": true, "report": report, "received": wallet.state.received }),
			))
		},
	}
}

fn status(wallet: &Wallet, title: &str) -> Result<Output, Error> {
	let state = &wallet.state;
	let mut text = format!("{title}\n");
	let certificate = offline::own_certificate(wallet).ok();
	let spendable = offline::spendable(wallet).ok();
	match (&certificate, spendable) {
		(Some(certificate), Some(left)) => text.push_str(&format!(
			"purse: {} escrowed, {} payable offline, voucher cap {}, next voucher #{}\n",
			format_amount(certificate.escrow),
			format_amount(left),
			format_amount(certificate.voucher_cap),
			state.next_counter
		)),
		_ => text.push_str("purse: none\n"),
	}
	let proof = offline::own_proof(wallet).ok();
	if let Some(proof) = &proof {
		text.push_str(&format!(
			"purse proof: block #{}, {} signature(s) of validator set #{}\n",
			proof.statement.block,
			proof.signatures.len(),
			proof.set_id
		));
	} else if certificate.is_some() {
		text.push_str("purse proof: none yet (sync once the validators signed it)\n");
	}
	text.push_str(&format!(
		"sent {} voucher(s), {} known paid; received {} voucher(s); {} purse(s) revoked",
		state.sent.len(),
		state.sent.iter().filter(|sent| sent.redeemed).count(),
		state.received.len(),
		state.revoked.len()
	));
	for received in &state.received {
		text.push_str(&format!(
			"\n  received #{} {}: {:?}",
			received.counter,
			format_amount(received.amount),
			received.status
		));
	}
	Ok(output(
		text,
		json!({
			"ok": true,
			"escrow": certificate.as_ref().map(|certificate| certificate.escrow.to_string()),
			"spendable": spendable.map(|left| left.to_string()),
			"proofBlock": proof.as_ref().map(|proof| proof.statement.block),
			"tier": state.tier,
			"attesterSets": state.attester_sets.iter().map(|set| set.set_id).collect::<Vec<_>>(),
			"nextCounter": state.next_counter,
			"sent": state.sent,
			"received": state.received,
			"revoked": state.revoked,
			"revocationDigest": state.revocation_digest,
			"syncedAt": state.synced_at,
		}),
	))
}
