//! The bank operator's, the issuer's and the governors' commands: `customer`, `mint`, `burn`,
//! `board`, and `history` (anyone's).

use clap::Subcommand;
use rupee_wallet::{
	amount::{format_amount, parse_amount},
	chain::{rt, AccountId, RuntimeCall, RuntimeEvent},
	error::Error,
	history::Entry,
	offline,
	online::{address, explain_dispatch_error, parse_account, Finalized, Node},
	operator::{self, CustomerChange, Proposal},
	store::Wallet,
};
use serde_json::json;
use sp_core::H256;

use crate::{now_ms, output, Output};

type BoardEvent = rt::pallet_collective::pallet::Event;

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Subcommand)]
pub enum CustomerCommand {
	/// Register `--account` as a customer of this wallet's bank (the signer must be an
	/// accredited provider).
	Register {
		#[arg(long)]
		account: String,
		/// L0, L1, L2 or Merchant. (Institution accounts are the Board's to register:
		/// `board propose register-institution`.)
		#[arg(long)]
		tier: String,
		/// How long the KYC stays valid.
		#[arg(long, default_value_t = 365)]
		valid_days: u64,
		/// The KYC record this registration commits to: its 0x BLAKE2-256 hash, or the record
		/// text (hashed here; only the hash goes on chain).
		#[arg(long)]
		kyc_record: String,
		/// Where credit over the holding limit goes; default this bank (none for Institution).
		#[arg(long)]
		linked_bank: Option<String>,
	},
	/// Move a customer to another tier.
	Tier {
		#[arg(long)]
		account: String,
		#[arg(long)]
		tier: String,
	},
	/// Extend a customer's KYC by `--valid-days` from now.
	Renew {
		#[arg(long)]
		account: String,
		#[arg(long, default_value_t = 365)]
		valid_days: u64,
	},
	/// Stop a customer from transacting until reinstated.
	Suspend {
		#[arg(long)]
		account: String,
	},
	Reinstate {
		#[arg(long)]
		account: String,
	},
	/// End the relationship for good: the account can only receive refunds.
	Revoke {
		#[arg(long)]
		account: String,
	},
}

#[derive(Subcommand)]
pub enum BoardCommand {
	/// The governors.
	Members,
	/// The open motions: index, hash, call, votes.
	Motions,
	/// Propose a motion (the signer must be a governor). It passes with `--threshold` ayes
	/// (default two thirds of the governors, rounded up); with threshold 1 it executes at once.
	Propose {
		#[arg(long)]
		threshold: Option<u32>,
		#[command(subcommand)]
		proposal: ProposalArg,
	},
	/// Vote on the open motion `--motion` (its hash): `--aye` or `--nay`.
	Vote {
		#[arg(long)]
		motion: String,
		#[arg(long, conflicts_with = "nay", required_unless_present = "nay")]
		aye: bool,
		#[arg(long)]
		nay: bool,
	},
	/// Close the motion `--motion`: it executes if it has the ayes.
	Close {
		#[arg(long)]
		motion: String,
	},
}

#[derive(Subcommand)]
pub enum ProposalArg {
	/// Set the supply ceiling.
	Ceiling {
		#[arg(long)]
		amount: String,
	},
	/// Make `--account` the issuer.
	Issuer {
		#[arg(long)]
		account: String,
	},
	/// Accredit a bank as KYC provider.
	AccreditProvider {
		#[arg(long)]
		account: String,
	},
	/// Register `--account` as an Institution (a bank's reserve account, the issuer's
	/// account), kept by the provider `--provider`; only the Board may.
	RegisterInstitution {
		#[arg(long)]
		account: String,
		#[arg(long)]
		provider: String,
		/// How long the KYC stays valid.
		#[arg(long, default_value_t = 365)]
		valid_days: u64,
		/// The KYC record this registration commits to: its 0x BLAKE2-256 hash, or the record
		/// text (hashed here; only the hash goes on chain).
		#[arg(long)]
		kyc_record: String,
	},
	SuspendProvider {
		#[arg(long)]
		account: String,
	},
	Freeze {
		#[arg(long)]
		account: String,
	},
	Unfreeze {
		#[arg(long)]
		account: String,
	},
	AddGovernor {
		#[arg(long)]
		account: String,
	},
	RemoveGovernor {
		#[arg(long)]
		account: String,
	},
	AddValidator {
		#[arg(long)]
		account: String,
	},
	RemoveValidator {
		#[arg(long)]
		account: String,
	},
	/// Any call of this runtime, SCALE-encoded as 0x hex (e.g. from polkadot.js).
	Call {
		#[arg(long)]
		hex: String,
	},
}

impl ProposalArg {
	fn proposal(self) -> Result<Proposal, Error> {
		Ok(match self {
			Self::Ceiling { amount } => Proposal::SupplyCeiling(parse_amount(&amount)?),
			Self::Issuer { account } => Proposal::Issuer(parse_account(&account)?),
			Self::AccreditProvider { account } => {
				Proposal::AccreditProvider(parse_account(&account)?)
			},
			Self::RegisterInstitution { account, provider, valid_days, kyc_record } => {
				Proposal::RegisterInstitution {
					who: parse_account(&account)?,
					provider: parse_account(&provider)?,
					expires_at: now_ms() + valid_days * DAY_MS,
					commitment: operator::commitment(&kyc_record),
				}
			},
			Self::SuspendProvider { account } => {
				Proposal::SuspendProvider(parse_account(&account)?)
			},
			Self::Freeze { account } => Proposal::Freeze(parse_account(&account)?),
			Self::Unfreeze { account } => Proposal::Unfreeze(parse_account(&account)?),
			Self::AddGovernor { account } => Proposal::AddGovernor(parse_account(&account)?),
			Self::RemoveGovernor { account } => Proposal::RemoveGovernor(parse_account(&account)?),
			Self::AddValidator { account } => Proposal::AddValidator(parse_account(&account)?),
			Self::RemoveValidator { account } => {
				Proposal::RemoveValidator(parse_account(&account)?)
			},
			Self::Call { hex } => Proposal::Encoded(
				offline::unhex(&hex)
					.ok_or_else(|| Error::BadInput(format!("--hex is not 0x hex: {hex}")))?,
			),
		})
	}
}

fn parse_hash(text: &str) -> Result<H256, Error> {
	offline::bytes32(text)
		.map(H256)
		.ok_or_else(|| Error::BadInput(format!("not a motion hash (0x + 64 hex digits): {text}")))
}

/// Sign `call` with the wallet's account, wait for finality; the finalized block.
async fn submit(
	wallet: &Wallet,
	node: &Node,
	call: RuntimeCall,
	progress: impl FnMut(&str),
) -> Result<Finalized, Error> {
	node.submit(&rupee_wallet::keys::account(wallet)?, call, progress).await
}

pub async fn customer(
	wallet: &Wallet,
	node: &Node,
	command: CustomerCommand,
	progress: impl FnMut(&str),
) -> Result<Output, Error> {
	let (who, call, what) = match command {
		CustomerCommand::Register { account, tier, valid_days, kyc_record, linked_bank } => {
			let who = parse_account(&account)?;
			let tier = operator::parse_tier(&tier)?;
			let linked_bank = match linked_bank {
				Some(bank) => Some(parse_account(&bank)?),
				None if tier == rupee_primitives::Tier::Institution => None,
				None => Some(rupee_wallet::keys::account_id(wallet)?),
			};
			let expires_at = now_ms() + valid_days * DAY_MS;
			let call = operator::register_customer(
				who.clone(),
				tier,
				expires_at,
				operator::commitment(&kyc_record),
				linked_bank,
			);
			(who, call, format!("registered as {tier:?} for {valid_days} days"))
		},
		CustomerCommand::Tier { account, tier } => {
			let tier = operator::parse_tier(&tier)?;
			change(&account, CustomerChange::Tier(tier), format!("moved to {tier:?}"))?
		},
		CustomerCommand::Renew { account, valid_days } => change(
			&account,
			CustomerChange::Renew { expires_at: now_ms() + valid_days * DAY_MS },
			format!("renewed for {valid_days} days"),
		)?,
		CustomerCommand::Suspend { account } => {
			change(&account, CustomerChange::Suspend, "suspended".into())?
		},
		CustomerCommand::Reinstate { account } => {
			change(&account, CustomerChange::Reinstate, "reinstated".into())?
		},
		CustomerCommand::Revoke { account } => {
			change(&account, CustomerChange::Revoke, "revoked".into())?
		},
	};
	let finalized = submit(wallet, node, call, progress).await?;
	Ok(output(
		format!("{} {what} in block #{}", address(&who), finalized.block_number),
		json!({ "ok": true, "account": address(&who), "block": finalized.block_number, "done": what }),
	))
}

/// The customer, the call that makes `change` to it, and what to say about it.
fn change(
	account: &str,
	change: CustomerChange,
	what: String,
) -> Result<(AccountId, RuntimeCall, String), Error> {
	let who = parse_account(account)?;
	Ok((who.clone(), change.call(who), what))
}

/// `mint` (`Some(to)`) or `burn` (`None`) by the issuer.
pub async fn mint_or_burn(
	wallet: &Wallet,
	node: &Node,
	to: Option<String>,
	amount: &str,
	progress: impl FnMut(&str),
) -> Result<Output, Error> {
	let amount = parse_amount(amount)?;
	let (call, what) = match &to {
		Some(bank) => {
			let bank = parse_account(bank)?;
			(
				operator::mint(bank.clone(), amount),
				format!("minted {} to {}", format_amount(amount), address(&bank)),
			)
		},
		None => (operator::burn(amount), format!("burned {}", format_amount(amount))),
	};
	let finalized = submit(wallet, node, call, progress).await?;
	let total_issuance = finalized.events.iter().find_map(|event| match event {
		RuntimeEvent::Rupee(
			rt::pallet_rupee::pallet::Event::Minted { total_issuance, .. }
			| rt::pallet_rupee::pallet::Event::Burned { total_issuance, .. },
		) => Some(*total_issuance),
		_ => None,
	});
	let total = total_issuance.unwrap_or_default();
	Ok(output(
		format!(
			"{what} in block #{}; money in existence {}",
			finalized.block_number,
			format_amount(total)
		),
		json!({
			"ok": true,
			"block": finalized.block_number,
			"amount": amount.to_string(),
			"totalIssuance": total.to_string(),
		}),
	))
}

pub async fn board(
	wallet: &Wallet,
	node: &Node,
	command: BoardCommand,
	progress: impl FnMut(&str),
) -> Result<Output, Error> {
	match command {
		BoardCommand::Members => {
			let members: Vec<String> = node.governors().await?.iter().map(address).collect();
			Ok(output(
				format!("{} governor(s):\n  {}", members.len(), members.join("\n  ")),
				json!({ "ok": true, "members": members }),
			))
		},
		BoardCommand::Motions => {
			let motions = node.motions().await?;
			let text = if motions.is_empty() {
				"no open motions".to_string()
			} else {
				motions.iter().map(|motion| motion.describe()).collect::<Vec<_>>().join("\n")
			};
			Ok(output(
				text,
				json!({ "ok": true, "motions": motions.iter().map(|m| m.to_json()).collect::<Vec<_>>() }),
			))
		},
		BoardCommand::Propose { threshold, proposal } => {
			let call = proposal.proposal()?.call()?;
			let threshold = match threshold {
				Some(0) => return Err(Error::BadInput("--threshold must be at least 1".into())),
				Some(threshold) => threshold,
				None => operator::default_threshold(node.governors().await?.len()),
			};
			let hash = operator::motion_hash(&call);
			let described = operator::describe_call(&call);
			let finalized =
				submit(wallet, node, operator::propose(call, threshold), progress).await?;
			let proposed = board_events(&finalized).find_map(|event| match event {
				BoardEvent::Proposed { proposal_index, .. } => Some(*proposal_index),
				_ => None,
			});
			let (text, status) = match proposed {
				Some(index) => (
					format!(
						"motion #{index} {hash:?} proposed in block #{}: {described}; needs {threshold} aye(s)",
						finalized.block_number
					),
					"proposed",
				),
				None => {
					executed(&finalized)?;
					(
						format!(
							"{described} executed in block #{} (threshold 1)",
							finalized.block_number
						),
						"executed",
					)
				},
			};
			Ok(output(
				text,
				json!({
					"ok": true,
					"status": status,
					"motion": format!("{hash:?}"),
					"index": proposed,
					"threshold": threshold,
					"block": finalized.block_number,
				}),
			))
		},
		BoardCommand::Vote { motion, aye, nay: _ } => {
			let motion = node.motion(parse_hash(&motion)?).await?;
			let finalized = submit(wallet, node, motion.vote(aye), progress).await?;
			let (yes, no) = board_events(&finalized)
				.find_map(|event| match event {
					BoardEvent::Voted { yes, no, .. } => Some((*yes, *no)),
					_ => None,
				})
				.unwrap_or_default();
			Ok(output(
				format!(
					"voted {} on motion #{} in block #{}: {yes} aye, {no} nay of {} needed",
					if aye { "aye" } else { "nay" },
					motion.index,
					finalized.block_number,
					motion.threshold
				),
				json!({ "ok": true, "motion": format!("{:?}", motion.hash), "ayes": yes, "nays": no, "threshold": motion.threshold, "block": finalized.block_number }),
			))
		},
		BoardCommand::Close { motion } => {
			let motion = node.motion(parse_hash(&motion)?).await?;
			let finalized = submit(wallet, node, motion.close(), progress).await?;
			let approved =
				board_events(&finalized).any(|event| matches!(event, BoardEvent::Executed { .. }));
			if approved {
				executed(&finalized)?;
			}
			let status = if approved { "executed" } else { "disapproved" };
			Ok(output(
				format!(
					"motion #{} {status} in block #{}: {}",
					motion.index,
					finalized.block_number,
					operator::describe_call(&motion.call)
				),
				json!({ "ok": true, "status": status, "motion": format!("{:?}", motion.hash), "block": finalized.block_number }),
			))
		},
	}
}

fn board_events(finalized: &Finalized) -> impl Iterator<Item = &BoardEvent> {
	finalized.events.iter().filter_map(|event| match event {
		RuntimeEvent::Board(event) => Some(event),
		_ => None,
	})
}

/// A motion that executed but whose call failed is refused, with the call's error.
fn executed(finalized: &Finalized) -> Result<(), Error> {
	for event in board_events(finalized) {
		if let BoardEvent::Executed { result: Err(error), .. } = event {
			return Err(Error::Refused(format!(
				"the motion passed but its call failed: {}",
				explain_dispatch_error(error)
			)));
		}
	}
	Ok(())
}

pub async fn history(node: &Node, who: &AccountId, blocks: u32) -> Result<Output, Error> {
	if blocks == 0 {
		return Err(Error::BadInput("--blocks must be at least 1".into()));
	}
	let history = node.history(who, blocks).await?;
	let mut text = format!(
		"{} in blocks #{}..#{}: {} entr{}",
		address(who),
		history.from_block,
		history.to_block,
		history.entries.len(),
		if history.entries.len() == 1 { "y" } else { "ies" }
	);
	if let Some(block) = history.pruned_before {
		text.push_str(&format!(
			" (the node keeps no state before block #{block}: run it with --state-pruning archive for more)"
		));
	}
	for entry in &history.entries {
		text.push_str(&format!("\n  {}", describe_entry(entry)));
	}
	Ok(output(text, json!({ "ok": true, "account": address(who), "history": history })))
}

fn describe_entry(entry: &Entry) -> String {
	let sign = match entry.balance_change.signum() {
		1 => "+",
		-1 => "-",
		_ => " ",
	};
	let when = chrono_free_utc(entry.time);
	format!(
		"#{:<7} {when} {sign}{:>14}  {:?}{}",
		entry.block,
		format_amount(entry.amount),
		entry.kind,
		entry.counterparty.as_ref().map(|who| format!(" {who}")).unwrap_or_default()
	)
}

/// `YYYY-MM-DD HH:MM:SS` UTC from milliseconds since the epoch (civil-from-days, no
/// dependency).
fn chrono_free_utc(ms: u64) -> String {
	let secs = ms / 1000;
	let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z - era * 146_097;
	let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = doy - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + i64::from(month <= 2);
	format!(
		"{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
		rest / 3600,
		rest % 3600 / 60,
		rest % 60
	)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn utc_dates_from_milliseconds() {
		assert_eq!(chrono_free_utc(0), "1970-01-01 00:00:00");
		// 2026-11-28 05:17:15 UTC
		assert_eq!(chrono_free_utc(1_795_843_035_000), "2026-11-28 05:17:15");
		// A leap day.
		assert_eq!(chrono_free_utc(951_782_400_000), "2000-02-29 00:00:00");
	}

	#[test]
	fn motion_hashes_must_be_32_bytes_of_hex() {
		assert_eq!(parse_hash(&format!("0x{}", "11".repeat(32))).unwrap(), H256([0x11; 32]));
		let error = parse_hash("0x1234").unwrap_err();
		assert_eq!(error.exit_code(), 2);
		assert!(error.to_string().contains("not a motion hash"));
	}
}
