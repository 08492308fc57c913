//! An account's payments, read from the ledger's events in recent finalized blocks.
//!
//! The chain keeps no per-account history; the events of each block are its record. A node
//! keeps the state (and so the events) of its last 256 blocks by default, about eight and a half
//! minutes: a node that serves wallets runs with `--state-pruning archive` (or a large number)
//! so `history` can reach further back. Older blocks than the node keeps are reported, not
//! guessed at.

use futures::future::join_all;
use rupee_primitives::Balance;
use serde::Serialize;

use crate::{
	chain::{rt, AccountId, RuntimeEvent},
	error::Error,
	online::{address, Node},
};

/// How many blocks are read at once.
const CONCURRENT_BLOCKS: usize = 16;

/// What happened to the account's money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Kind {
	/// A payment to the account.
	Received,
	/// A payment by the account.
	Paid,
	/// The issuer created money in this (bank's) account.
	Minted,
	/// Credit over a customer's holding limit that went to this (bank's) account.
	SweptIn,
	/// Credit over this account's holding limit that went to its linked bank.
	SweptOut,
	/// Governance moved money out of the account (or into it, for the issuer).
	ClawedBack,
	/// Balance moved into the account's offline purse.
	ToPurse,
	/// Purse escrow that came back to the balance.
	FromPurse,
	/// A voucher this account received was paid to it.
	VoucherReceived,
	/// A voucher from this account's purse was paid to its payee (out of the escrow).
	VoucherPaid,
	/// Double-spend recovery took money from this frozen account's balance, or gave it to it.
	Seized,
}

/// One ledger event that concerns the account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
	pub block: u32,
	/// The block's timestamp, milliseconds since the epoch.
	pub time: u64,
	pub kind: Kind,
	/// The other side, when there is one.
	pub counterparty: Option<String>,
	#[serde(with = "as_string")]
	pub amount: Balance,
	/// The change to the account's spendable balance (0 for payments out of its purse).
	#[serde(with = "as_string")]
	pub balance_change: i128,
}

mod as_string {
	pub fn serialize<S: serde::Serializer, T: ToString>(
		value: &T,
		s: S,
	) -> Result<S::Ok, S::Error> {
		s.serialize_str(&value.to_string())
	}
}

/// A movement of `amount` from `from` to `to`, as the ledger reports it.
struct Movement<'a> {
	from: &'a AccountId,
	to: &'a AccountId,
	amount: Balance,
	/// What it is for the payer, and how the payer's spendable balance changes (-1 or 0).
	out: (Kind, i128),
	/// What it is for the payee (whose balance always grows).
	into: Kind,
}

/// The entries for `who` among `events` of block `block` at `time`.
pub fn entries<'a>(
	who: &AccountId,
	block: u32,
	time: u64,
	events: &'a [RuntimeEvent],
) -> Vec<Entry> {
	use rt::pallet_rupee::pallet::Event as Ledger;
	let entry = |kind, counterparty: Option<&AccountId>, amount: Balance, sign: i128| Entry {
		block,
		time,
		kind,
		counterparty: counterparty.map(address),
		amount,
		balance_change: sign * amount as i128,
	};
	let mut found = Vec::new();
	for event in events {
		let RuntimeEvent::Rupee(event) = event else { continue };
		let movement = |from: &'a AccountId, to: &'a AccountId, amount: &Balance, out, into| {
			Some(Movement { from, to, amount: *amount, out, into })
		};
		let movement = match event {
			Ledger::Transferred { from, to, amount } => {
				movement(&from.0, &to.0, amount, (Kind::Paid, -1), Kind::Received)
			},
			Ledger::Swept { from, to, amount } => {
				movement(&from.0, &to.0, amount, (Kind::SweptOut, -1), Kind::SweptIn)
			},
			Ledger::ClawedBack { from, to, amount, .. } => {
				movement(&from.0, &to.0, amount, (Kind::ClawedBack, -1), Kind::ClawedBack)
			},
			// Out of the purse's escrow: the owner's spendable balance does not change.
			Ledger::PaidFromEscrow { owner, payee, amount } => {
				movement(&owner.0, &payee.0, amount, (Kind::VoucherPaid, 0), Kind::VoucherReceived)
			},
			Ledger::Seized { owner, payee, amount } => {
				movement(&owner.0, &payee.0, amount, (Kind::Seized, -1), Kind::Seized)
			},
			Ledger::Minted { to, amount, .. } if to.0 == *who => {
				found.push(entry(Kind::Minted, None, *amount, 1));
				None
			},
			Ledger::Reserved { owner, amount } if owner.0 == *who => {
				found.push(entry(Kind::ToPurse, None, *amount, -1));
				None
			},
			Ledger::Released { owner, amount } if owner.0 == *who => {
				found.push(entry(Kind::FromPurse, None, *amount, 1));
				None
			},
			_ => None,
		};
		if let Some(Movement { from, to, amount, out: (kind, sign), into }) = movement {
			if from == who {
				found.push(entry(kind, Some(to), amount, sign));
			}
			if to == who {
				found.push(entry(into, Some(from), amount, 1));
			}
		}
	}
	found
}

/// What `history` found: the entries, oldest first, and the blocks it read.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History {
	pub from_block: u32,
	pub to_block: u32,
	/// Set when the node no longer has the state of blocks before this one.
	pub pruned_before: Option<u32>,
	pub entries: Vec<Entry>,
}

impl Node {
	/// `who`'s entries in the last `blocks` finalized blocks (as far back as the node keeps).
	pub async fn history(&self, who: &AccountId, blocks: u32) -> Result<History, Error> {
		let to_block = self.finalized_number().await?;
		let from_block = to_block.saturating_sub(blocks.saturating_sub(1));
		let mut history =
			History { from_block, to_block, pruned_before: None, entries: Vec::new() };
		// Newest first, so a pruned state ends the scan at the right place.
		let numbers: Vec<u32> = (from_block..=to_block).rev().collect();
		'scan: for chunk in numbers.chunks(CONCURRENT_BLOCKS) {
			let reads = join_all(chunk.iter().map(|number| self.block_entries(who, *number))).await;
			for (number, read) in chunk.iter().zip(reads) {
				match read {
					Ok(entries) => history.entries.extend(entries),
					Err(Error::Rpc(reason)) if is_pruned(&reason) => {
						history.pruned_before = Some(number + 1);
						history.from_block = number + 1;
						break 'scan;
					},
					Err(error) => return Err(error),
				}
			}
		}
		history.entries.sort_by_key(|entry| entry.block);
		Ok(history)
	}

	async fn block_entries(&self, who: &AccountId, number: u32) -> Result<Vec<Entry>, Error> {
		let hash = self.block_hash(number).await?;
		let events: Vec<RuntimeEvent> =
			self.events_at(&hash).await?.into_iter().map(|record| record.event).collect();
		if !events.iter().any(|event| matches!(event, RuntimeEvent::Rupee(_))) {
			return Ok(Vec::new());
		}
		let time = self.timestamp_at(&hash).await?;
		Ok(entries(who, number, time, &events))
	}
}

/// The node's answer for a block whose state it no longer keeps.
pub(crate) fn is_pruned(reason: &str) -> bool {
	reason.contains("discarded") || reason.contains("pruned")
}

#[cfg(test)]
mod tests {
	use super::*;
	use rt::pallet_rupee::pallet::Event as Ledger;

	fn account(byte: u8) -> AccountId {
		AccountId::from([byte; 32])
	}

	fn ledger(event: Ledger) -> RuntimeEvent {
		RuntimeEvent::Rupee(event)
	}

	#[test]
	fn payments_in_and_out_are_entries_with_their_counterparty_and_sign() {
		let (me, shop, bank) = (account(1), account(2), account(3));
		let events = [
			ledger(Ledger::Transferred {
				from: bank.clone().into(),
				to: me.clone().into(),
				amount: 500,
			}),
			ledger(Ledger::Transferred {
				from: me.clone().into(),
				to: shop.clone().into(),
				amount: 120,
			}),
			ledger(Ledger::Transferred {
				from: bank.clone().into(),
				to: shop.clone().into(),
				amount: 9,
			}),
			ledger(Ledger::Reserved { owner: me.clone().into(), amount: 50 }),
			ledger(Ledger::PaidFromEscrow {
				owner: me.clone().into(),
				payee: shop.clone().into(),
				amount: 20,
			}),
		];
		let found = entries(&me, 7, 1_000, &events);
		let summary: Vec<_> = found
			.iter()
			.map(|e| (e.kind, e.counterparty.clone(), e.amount, e.balance_change))
			.collect();
		assert_eq!(
			summary,
			vec![
				(Kind::Received, Some(address(&bank)), 500, 500),
				(Kind::Paid, Some(address(&shop)), 120, -120),
				(Kind::ToPurse, None, 50, -50),
				(Kind::VoucherPaid, Some(address(&shop)), 20, 0),
			]
		);
		assert!(found.iter().all(|e| e.block == 7 && e.time == 1_000));
		// The shop sees its side of the same events.
		let shop_side: Vec<_> = entries(&shop, 7, 1_000, &events).iter().map(|e| e.kind).collect();
		assert_eq!(shop_side, vec![Kind::Received, Kind::Received, Kind::VoucherReceived]);
	}

	#[test]
	fn mint_sweep_and_other_pallets_events() {
		let (bank, customer) = (account(3), account(4));
		let events = [
			ledger(Ledger::Minted {
				to: bank.clone().into(),
				amount: 1_000,
				total_issuance: 1_000,
			}),
			ledger(Ledger::Swept {
				from: customer.clone().into(),
				to: bank.clone().into(),
				amount: 5,
			}),
			RuntimeEvent::Kyc(rt::pallet_kyc::pallet::Event::ProviderAccredited {
				provider: bank.clone().into(),
			}),
		];
		let kinds: Vec<_> = entries(&bank, 1, 0, &events).iter().map(|e| e.kind).collect();
		assert_eq!(kinds, vec![Kind::Minted, Kind::SweptIn]);
		let kinds: Vec<_> = entries(&customer, 1, 0, &events).iter().map(|e| e.kind).collect();
		assert_eq!(kinds, vec![Kind::SweptOut]);
		assert!(entries(&account(9), 1, 0, &events).is_empty());
	}

	#[test]
	fn entries_serialize_amounts_as_strings() {
		let entry = &entries(
			&account(1),
			3,
			5,
			&[ledger(Ledger::Transferred {
				from: account(1).into(),
				to: account(2).into(),
				amount: 7,
			})],
		)[0];
		let json = serde_json::to_value(entry).unwrap();
		assert_eq!(json["kind"], "paid");
		assert_eq!(json["amount"], "7");
		assert_eq!(json["balanceChange"], "-7");
		assert_eq!(json["block"], 3);
	}

	#[test]
	fn pruned_state_is_recognised() {
		assert!(is_pruned("State already discarded for 0xabc"));
		assert!(!is_pruned("Unknown block"));
	}
}
