//! `rupee-wallet`: the Digital Rupee wallet on the command line.
//!
//! Offline: `init`, `address`, `pay --offline`, `receive`, `status`, `export`,
//! `purse proof`. Online (JSON-RPC): `balance`, `kyc`, `limits`, `can-pay`, `pay`,
//! `history`, `sync`, `purse fund`, `purse close`, `redeem`; for banks `customer`, for the
//! issuer `mint` and `burn`, for governors `board`.
//! `--json` prints one JSON object for scripts. Exit codes: 0 done, 1 internal or I/O error,
//! 2 bad input or wallet not set up, 3 node unreachable, 4 refused (by the chain or a check).

use std::{
	path::PathBuf,
	time::{SystemTime, UNIX_EPOCH},
};

mod operator;

use clap::{Parser, Subcommand};
use rupee_wallet::{
	amount::{format_amount, parse_amount},
	offline::{self, hex, Error, Payment},
	online::{self, address, parse_account, Node},
	qr,
	risk::RiskLimits,
	store::Wallet,
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
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Set up the wallet: import an account (mnemonic, 0x seed or //Dev URI) or make a new one,
	/// and generate the purse's device key. Offline.
	Init {
		/// The account's secret; without it a new mnemonic is generated and printed once.
		#[arg(long)]
		account: Option<String>,
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
	/// Pay `--amount` to `--to`: online (a transfer, waits for finality) or `--offline` (prints
	/// the payment code for the payee: the voucher with the validators' proof of the purse).
	Pay {
		#[arg(long)]
		to: String,
		#[arg(long)]
		amount: String,
		#[arg(long)]
		offline: bool,
		/// Also write the payment code as a QR code PNG.
		#[arg(long)]
		qr: Option<PathBuf>,
	},
	/// Check a payment offline and keep its voucher for redemption.
	Receive {
		/// The payment code (`RPP2…`), or a bare voucher (`RPV1…`) of a purse whose proof this
		/// wallet already checked.
		payment: String,
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
}

fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|elapsed| elapsed.as_millis() as u64)
		.unwrap_or(0)
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

async fn run(cli: Cli) -> Result<Output, Error> {
	let mut wallet = Wallet::open(&wallet_dir(&cli.wallet))?;
	let progress = |step: &str| {
		if !cli.json {
			eprintln!("  … {step}");
		}
	};
	match cli.command {
		Command::Init { account } => {
			let mut text = String::new();
			let secret = match account {
				Some(secret) => secret,
				None => {
					let (_, phrase, _) = sp_core::sr25519::Pair::generate_with_phrase(None);
					text.push_str(&format!(
						"New account. Write down these words; they are shown only once:\n  {phrase}\n"
					));
					phrase
				},
			};
			sp_core::sr25519::Pair::from_string(&secret, None).map_err(|_| Error::BadSecret)?;
			wallet.state.account = Some(secret);
			wallet.save()?;
			let device = offline::ensure_device(&mut wallet)?;
			let who = offline::account_id(&wallet)?;
			text.push_str(&format!("account {}\ndevice key {}", address(&who), hex(&device.0)));
			Ok(output(
				text,
				json!({ "ok": true, "account": address(&who), "deviceKey": hex(&device.0) }),
			))
		},
		Command::Address => {
			let who = offline::account_id(&wallet)?;
			let device = offline::device(&wallet)?.public();
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
			let amount =
				|field: &str| format_amount(usage[field].as_u64().unwrap_or_default() as u128);
			let text = format!(
				"{} (tier {})\n  send today {} left of {}\n  send this month {} left\n  receive today {} left\n  receive this month {} left\n  room under the holding limit {}",
				address(&who),
				status["tier"].as_str().unwrap_or("?"),
				amount("dailyDebitLeft"),
				format_amount(usage["limits"]["dailyDebit"].as_u64().unwrap_or_default() as u128),
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
			let device = offline::device(&wallet)?.public();
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
		Command::Pay { to, amount, offline: true, qr } => {
			let payee = parse_account(&to)?;
			let amount = parse_amount(&amount)?;
			let payload = offline::pay(&mut wallet, payee.clone().into(), amount, now_ms())?;
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
					"bytes": payload.to_bytes().len(),
				}),
			))
		},
		Command::Pay { to, amount, offline: false, .. } => {
			let payee = parse_account(&to)?;
			let amount = parse_amount(&amount)?;
			let signer = offline::account(&wallet)?;
			let node = Node::connect(&cli.node).await?;
			let call = rupee_runtime::RuntimeCall::Rupee(pallet_rupee::Call::transfer {
				to: payee.clone(),
				amount,
			});
			let finalized = node.submit(&signer, call, progress).await?;
			Ok(output(
				format!(
					"paid {} to {} in block #{}",
					format_amount(amount),
					address(&payee),
					finalized.block_number
				),
				json!({ "ok": true, "block": finalized.block_number, "amount": amount.to_string(), "to": address(&payee) }),
			))
		},
		Command::Receive { payment } => {
			let payment = Payment::from_text(&payment)?;
			let me = offline::account(&wallet)?.public().0;
			let limits = RiskLimits::for_tier(wallet.state.tier);
			let now = now_ms();
			offline::receive(&mut wallet, &payment, me, now, &limits)?;
			let voucher = payment.voucher();
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
					"accepted voucher #{} for {}: the validators' proof of the payer's purse (block #{block}, {age_hours} h old) checks out; redeem it when online and the chain pays it in full",
					voucher.body.counter,
					format_amount(voucher.body.amount)
				),
				json!({
					"ok": true,
					"counter": voucher.body.counter,
					"amount": voucher.body.amount.to_string(),
					"proofBlock": block,
					"proofAgeHours": age_hours,
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
