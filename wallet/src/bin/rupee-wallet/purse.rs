//! The offline purse: `sync`, `status`, `purse fund|close|proof|settle`, `device rotate`.

use clap::Subcommand;
use rupee_wallet::{
	amount::{format_amount, format_limit, limit_json, parse_amount},
	chain::{rt, RuntimeCall},
	error::Error,
	offline::{self, hex},
	online::{self, Node},
	store::Wallet,
};
use serde_json::json;

use crate::{now_ms, output, Output};

#[derive(Subcommand)]
pub enum PurseCommand {
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
pub enum DeviceCommand {
	/// Retire the device key (after a restore from backup, or when its counters run out):
	/// close its purse (vouchers already given are still paid), and make a new key with a new
	/// purse to fund. The old purse's rest comes back with `purse settle`.
	Rotate,
}

pub async fn sync(wallet: &mut Wallet, node: &str, trust_node: bool) -> Result<Output, Error> {
	let node = Node::connect_for(node, wallet).await?;
	online::sync_trusting(wallet, &node, now_ms(), trust_node).await?;
	status(wallet, "synced")
}

pub fn proof(wallet: &Wallet) -> Result<Output, Error> {
	let proof = offline::own_proof(wallet)?;
	let statement = &proof.statement;
	let encoded = hex(&codec::Encode::encode(&proof));
	Ok(output(
		format!(
			"purse proof of block #{} signed by {} validator(s) of set #{}: escrow {}, voucher cap {}\n{encoded}",
			statement.block,
			proof.signatures.len(),
			proof.set_id,
			format_amount(statement.escrow),
			format_limit(statement.voucher_cap)
		),
		json!({
			"ok": true,
			"proof": encoded,
			"setId": proof.set_id,
			"signers": proof.signatures.len(),
			"block": statement.block,
			"escrow": statement.escrow.to_string(),
			"voucherCap": limit_json(statement.voucher_cap),
			"expiresAt": statement.expires_at,
		}),
	))
}

pub async fn fund(
	wallet: &mut Wallet,
	node: &str,
	amount: String,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let amount = parse_amount(&amount)?;
	let signer = rupee_wallet::keys::account(wallet)?;
	let device = rupee_wallet::keys::ensure_device(wallet)?;
	let node = Node::connect_for(node, wallet).await?;
	let call = RuntimeCall::Vouchers(rt::pallet_vouchers::pallet::Call::fund_purse {
		device_key: device.0,
		amount,
	});
	let finalized = node.submit(&signer, call, progress).await?;
	// The validators sign the funding once it is final: wait for the proof a while.
	progress("waiting for the validators' proof of the purse");
	let proved = online::wait_for_proof(&node, &device.0, finalized.block_number).await?;
	online::sync(wallet, &node, now_ms()).await?;
	let certificate = offline::own_certificate(wallet)?;
	Ok(output(
		format!(
			"purse funded with {} in block #{}: it holds {}, one voucher pays at most {}; {}",
			format_amount(amount),
			finalized.block_number,
			format_amount(certificate.escrow),
			format_limit(certificate.voucher_cap),
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
			"voucherCap": limit_json(certificate.voucher_cap),
			"expiresAt": certificate.expires_at,
			"proved": proved,
			"proofBlock": offline::own_proof(wallet).ok().map(|proof| proof.statement.block),
		}),
	))
}

pub async fn close(
	wallet: &mut Wallet,
	node: &str,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let signer = rupee_wallet::keys::account(wallet)?;
	let device = wallet.device_public()?;
	let node = Node::connect_for(node, wallet).await?;
	let call = RuntimeCall::Vouchers(rt::pallet_vouchers::pallet::Call::close_purse {
		device_key: device.0,
	});
	let finalized = node.submit(&signer, call, progress).await?;
	online::sync(wallet, &node, now_ms()).await?;
	Ok(output(
		format!("purse closed in block #{}", finalized.block_number),
		json!({ "ok": true, "block": finalized.block_number }),
	))
}

pub async fn rotate(
	wallet: &mut Wallet,
	node: &str,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let node = Node::connect_for(node, wallet).await?;
	let rotation = online::rotate_device(wallet, &node, progress).await?;
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
}

pub async fn settle(
	wallet: &mut Wallet,
	node: &str,
	progress: impl Fn(&str) + Copy,
) -> Result<Output, Error> {
	let node = Node::connect_for(node, wallet).await?;
	let report = online::settle_retired(wallet, &node, progress).await?;
	let lines: Vec<String> = report
		.iter()
		.map(|settlement| match (&settlement.returned, settlement.not_before) {
			(Some(returned), _) => format!(
				"purse {}: settled, {} returned",
				settlement.device_key,
				format_amount(returned.parse().unwrap_or_default())
			),
			(None, _) if settlement.error.is_some() => format!(
				"purse {}: not settled this time: {}",
				settlement.device_key,
				settlement.error.as_deref().unwrap_or_default()
			),
			(None, Some(when)) => format!(
				"purse {}: vouchers may still be redeemed; settle after {when} (ms since the epoch)",
				settlement.device_key
			),
			(None, None) => format!("purse {}: already settled", settlement.device_key),
		})
		.collect();
	let text =
		if lines.is_empty() { "no retired purse to settle".to_string() } else { lines.join("\n") };
	Ok(output(text, json!({ "ok": true, "purses": report })))
}

pub fn status(wallet: &Wallet, title: &str) -> Result<Output, Error> {
	let state = &wallet.state;
	let mut text = format!("{title}\n");
	let certificate = offline::own_certificate(wallet).ok();
	let spendable = offline::spendable(wallet).ok();
	match (&certificate, spendable) {
		(Some(certificate), Some(left)) => text.push_str(&format!(
			"purse: {} escrowed, {} payable offline, voucher cap {}, next voucher #{}\n",
			format_amount(certificate.escrow),
			format_amount(left),
			format_limit(certificate.voucher_cap),
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
