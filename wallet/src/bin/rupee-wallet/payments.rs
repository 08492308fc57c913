//! Paying and being paid: `pay` (online, or offline with a payment code), `request`,
//! `receipt`, `receive`, `export`, `redeem`.

use std::path::PathBuf;

use clap::Args;
use rupee_wallet::{
	amount::{format_amount, parse_amount},
	error::Error,
	offline::{self, hex, Payment},
	online::{self, address, parse_account, Node},
	qr,
	request::{PaymentRequest, Receipt},
	risk::RiskLimits,
	store::Wallet,
	Voucher,
};
use serde_json::json;

use crate::{now_ms, output, Output};

/// `pay`'s arguments.
#[derive(Args)]
pub struct PayArgs {
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
	/// Pay offline: print the payment code for the payee (the voucher with the validators'
	/// proof of the purse) instead of a transfer that waits for finality.
	#[arg(long)]
	offline: bool,
	/// Also write the payment code as a QR code PNG.
	#[arg(long)]
	qr: Option<PathBuf>,
	/// Pay a payment request without asking (it is shown and confirmed at the terminal
	/// otherwise; scripts must say `--yes`).
	#[arg(long)]
	yes: bool,
	/// Drop the record of an earlier payment whose outcome was never seen, without looking
	/// for it on chain (when no node keeps its blocks any more). If it was made, paying
	/// again pays twice: check `history` first.
	#[arg(long)]
	forget_pending: bool,
}

/// Pay online or offline, as `args` say.
pub async fn pay(
	wallet: &mut Wallet,
	node: &str,
	args: PayArgs,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	if args.offline {
		pay_offline(wallet, args)
	} else {
		pay_online(wallet, node, args, progress).await
	}
}

fn pay_offline(wallet: &mut Wallet, args: PayArgs) -> Result<Output, Error> {
	let PayArgs { to, amount, request, request_image, qr, yes, .. } = args;
	let (payee, amount, reference) = payment_target(to, amount, request, request_image, yes)?;
	let payload = offline::pay_with_reference(
		wallet,
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
}

async fn pay_online(
	wallet: &mut Wallet,
	node: &str,
	args: PayArgs,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let PayArgs { to, amount, request, request_image, yes, forget_pending, .. } = args;
	let (payee, amount, reference) = payment_target(to, amount, request, request_image, yes)?;
	let forgotten = match forget_pending {
		true => wallet.state.pending_payment.take(),
		false => None,
	};
	if let Some(pending) = &forgotten {
		wallet.save()?;
		progress(&format!(
			"forgot the earlier payment of {} to {} (nonce {})",
			format_amount(pending.amount),
			pending.to,
			pending.signed.nonce
		));
	}
	let node = Node::connect_for(node, wallet).await?;
	let paid = online::pay(wallet, &node, &payee, amount, reference.clone(), progress).await?;
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
			"forgotten": forgotten,
		}),
	))
}

pub fn request(
	wallet: &Wallet,
	amount: String,
	reference: Option<String>,
	qr: Option<PathBuf>,
) -> Result<Output, Error> {
	let amount = parse_amount(&amount)?;
	if amount == 0 {
		return Err(Error::BadInput("a payment request asks for more than zero".into()));
	}
	if let Some(reference) = &reference {
		rupee_wallet::request::check_reference(reference)?;
	}
	let to = rupee_wallet::keys::account_id(wallet)?;
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
}

pub fn receipt(wallet: &mut Wallet, receipt: String) -> Result<Output, Error> {
	let receipt = Receipt::from_text(&receipt)?;
	let (counter, amount) = rupee_wallet::request::keep_receipt(&mut wallet.state, &receipt)
		.ok_or_else(|| {
			Error::Refused(
				"this receipt is not the payee's signature for a voucher this wallet paid".into(),
			)
		})?;
	wallet.save()?;
	Ok(output(
		format!(
			"receipt kept: the payee accepted voucher #{counter} for {}",
			format_amount(amount)
		),
		json!({ "ok": true, "counter": counter, "amount": amount.to_string() }),
	))
}

pub fn receive(
	wallet: &mut Wallet,
	payment: Option<String>,
	image: Option<PathBuf>,
	receipt: bool,
) -> Result<Output, Error> {
	let text = match (payment, image) {
		(_, Some(image)) => qr::read_png(&image)?,
		(Some(text), None) => text,
		(None, None) => return Err(Error::BadInput("give a payment code or --image".into())),
	};
	let payment = Payment::from_text(&text)?;
	let me = wallet.account_public()?.0;
	// The key that signs the receipt opens before the voucher is kept: a wrong
	// passphrase must not leave a kept voucher without its receipt.
	let signer = if receipt { Some(rupee_wallet::keys::account(wallet)?) } else { None };
	let limits = RiskLimits::for_tier(wallet.state.tier);
	let now = now_ms();
	offline::receive(wallet, &payment, me, now, &limits)?;
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
}

pub fn export_vouchers(wallet: &Wallet) -> Result<Output, Error> {
	let pending: Vec<String> = offline::redeemable(wallet).iter().map(Voucher::to_text).collect();
	Ok(output(pending.join("\n"), json!({ "ok": true, "vouchers": pending })))
}

pub async fn redeem(
	wallet: &mut Wallet,
	node: &str,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let node = Node::connect_for(node, wallet).await?;
	let report = online::redeem(wallet, &node, progress).await?;
	Ok(output(
		format!(
			"{} voucher(s) submitted: {} paid, {} compensated (double spend), {} already paid, {} refused",
			report.submitted, report.redeemed, report.compensated, report.duplicates, report.refused
		),
		json!({ "ok": true, "report": report, "received": wallet.state.received }),
	))
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
) -> Result<(rupee_wallet::chain::AccountId, rupee_wallet::Balance, Option<String>), Error> {
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
