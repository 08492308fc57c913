//! What a sync changes in a wallet, given what the chain said at one finalized block: the
//! wallet's own purse and proof, its sent vouchers paid, received ones someone redeemed, the
//! validator sets, its tier and the revocation list. The CLI and the web app each ask the node
//! (over JSON-RPC) and then apply the answers here, the same way.

use std::collections::BTreeSet;

use codec::Encode;
use rupee_protocol::{
	hex::encode as hex,
	purse_proof::{AttesterSet, PurseProof},
	voucher::{PurseCertificate, Voucher, MAX_VOUCHERS_PER_PURSE},
	Tier,
};

use crate::state::{ReceivedStatus, WalletState};

/// Validator sets a wallet keeps: proofs signed by older sets than these cannot be verified.
pub const KEPT_SETS: usize = 8;

/// The wallet's own purse as the chain holds it.
pub struct SyncedPurse {
	/// The purse's figures as a certificate (its `synced_block` the block read at).
	pub certificate: PurseCertificate,
	/// Open (not closed or settled): only an active purse pays.
	pub active: bool,
	/// The highest counter the chain redeemed (or saw reused) of it.
	pub highest_counter: Option<u64>,
}

/// What the chain said, at one finalized block.
pub struct Synced {
	/// The validator set that signs purse proofs now.
	pub attesters: AttesterSet,
	/// The account's tier (`None` if no bank registered it); `None` outside if the wallet has
	/// no account to ask about.
	pub tier: Option<Option<Tier>>,
	/// The wallet's purse, if its device key has one on chain.
	pub purse: Option<SyncedPurse>,
	/// The purse's latest complete proof, if the validators signed one.
	pub proof: Option<PurseProof>,
	/// Of [`to_check`]'s sent vouchers, those the chain paid (redeemed or as a double spend),
	/// as their text.
	pub sent_paid: BTreeSet<String>,
	/// Of [`to_check`]'s received vouchers, those the chain redeemed, as their text.
	pub received_redeemed: BTreeSet<String>,
	/// The revocation list: device keys (`0x`-hex), and its digest.
	pub revoked: Vec<String>,
	pub digest: String,
	/// When the list was read: the finalized block's time, or the device's clock if that is
	/// behind (a list is never taken as younger than it is).
	pub synced_at: u64,
}

/// The vouchers whose fate a sync asks the chain: sent ones not known to be paid, and received
/// ones still pending.
pub fn to_check(state: &WalletState) -> (Vec<Voucher>, Vec<Voucher>) {
	let sent = state
		.sent
		.iter()
		.filter(|sent| !sent.redeemed)
		.filter_map(|sent| Voucher::from_text(&sent.voucher).ok());
	let received = state
		.received
		.iter()
		.filter(|received| received.status == ReceivedStatus::Pending)
		.filter_map(|received| Voucher::from_text(&received.voucher).ok());
	(sent.collect(), received.collect())
}

/// Why a node's answers are not applied: they contradict what the wallet already knows of the
/// chain's validator sets, which only ever move forward (the node is behind, or lying).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncError {
	/// The node's current set is older than one this wallet synced before.
	OlderSet { known: u64, given: u64 },
	/// The node names a set this wallet knows with other validators.
	ChangedSet { set_id: u64 },
}

impl std::fmt::Display for SyncError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::OlderSet { known, given } => write!(
				f,
				"the node says the validator set is #{given}, but this wallet already synced set #{known}: the node is behind or lying; sync with another node"
			),
			Self::ChangedSet { set_id } => write!(
				f,
				"the node names validator set #{set_id} with other validators than this wallet synced: it is lying; sync with another node"
			),
		}
	}
}

impl std::error::Error for SyncError {}

/// Apply `synced` to the wallet's state. Unless `trust_node`, nothing changes if it contradicts
/// the validator sets the wallet knows: a set, once synced, is not replaced or rolled back by a
/// later answer, so a node that lies once cannot swap a set of its own in for an honest one.
/// With `trust_node` (the owner's decision, after such a refusal, that this node is the one to
/// believe) its current set replaces every known set from its number on: the repair for a
/// wallet that an earlier node gave a set of its own, even one numbered in the future.
///
/// The wallet checks no finality proof for a set change: the validators it learns are the ones
/// the node it syncs with reports, so it syncs with a node it trusts (its bank's).
pub fn apply(state: &mut WalletState, synced: Synced, trust_node: bool) -> Result<(), SyncError> {
	let current = synced.attesters;
	if !trust_node {
		if let Some(known) = state.attester_sets.iter().map(|known| known.set_id).max() {
			if current.set_id < known {
				return Err(SyncError::OlderSet { known, given: current.set_id });
			}
		}
		let same_id = state.attester_sets.iter().find(|known| known.set_id == current.set_id);
		if same_id.is_some_and(|known| known.authorities != current.authorities) {
			return Err(SyncError::ChangedSet { set_id: current.set_id });
		}
	}
	let sets = &mut state.attester_sets;
	sets.retain(|known| known.set_id < current.set_id);
	sets.push(current);
	sets.sort_by_key(|known| known.set_id);
	let excess = sets.len().saturating_sub(KEPT_SETS);
	sets.drain(..excess);
	if let Some(tier) = synced.tier {
		state.tier = tier;
	}
	if let Some(SyncedPurse { certificate, active, highest_counter }) = synced.purse {
		state.certificate = active.then(|| certificate.to_text());
		// A wallet restored from a backup does not know the vouchers it signed after the
		// backup was taken; the chain knows those redeemed so far: the next voucher goes past
		// them.
		// (A counter the chain never redeems is no counter it saw: that answer is ignored. A
		// node may still push the counter up to the last one; it is believed, as the node is
		// about everything it reports.)
		if let Some(highest) = highest_counter.filter(|highest| *highest < MAX_VOUCHERS_PER_PURSE) {
			state.next_counter = state.next_counter.max(highest.saturating_add(1));
		}
		// While a top-up is being signed the chain has no complete proof: keep the last.
		if let Some(proof) = synced.proof {
			state.proof = Some(hex(&proof.encode()));
		}
		if !active {
			state.proof = None;
		}
	}
	for sent in state.sent.iter_mut().filter(|sent| !sent.redeemed) {
		if synced.sent_paid.contains(&sent.voucher) {
			sent.redeemed = true;
		}
	}
	for received in &mut state.received {
		if received.status == ReceivedStatus::Pending
			&& synced.received_redeemed.contains(&received.voucher)
		{
			received.status = ReceivedStatus::Redeemed;
		}
	}
	state.revoked = synced.revoked.into_iter().collect();
	state.revocation_digest = Some(synced.digest);
	state.synced_at = Some(synced.synced_at);
	Ok(())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn set(set_id: u64, key: u8) -> AttesterSet {
		AttesterSet { set_id, authorities: vec![([key; 32], 1)] }
	}

	fn synced(attesters: AttesterSet) -> Synced {
		Synced {
			attesters,
			tier: None,
			purse: None,
			proof: None,
			sent_paid: BTreeSet::new(),
			received_redeemed: BTreeSet::new(),
			revoked: vec![format!("0x{}", "11".repeat(32))],
			digest: "0x00".into(),
			synced_at: 1_000,
		}
	}

	#[test]
	fn validator_sets_only_move_forward_and_a_lying_node_changes_nothing() {
		let mut state = WalletState::default();
		apply(&mut state, synced(set(5, 1)), false).unwrap();
		apply(&mut state, synced(set(5, 1)), false).unwrap();
		assert_eq!(state.attester_sets, vec![set(5, 1)], "the same set once");
		let before = state.clone();
		// A node that says the current set is 4 (its own keys), or set 5 with other keys.
		let mut lie = synced(set(4, 66));
		lie.revoked.clear();
		assert_eq!(apply(&mut state, lie, false), Err(SyncError::OlderSet { known: 5, given: 4 }));
		assert_eq!(
			apply(&mut state, synced(set(5, 66)), false),
			Err(SyncError::ChangedSet { set_id: 5 })
		);
		assert_eq!(state, before, "nothing of a refused answer is applied");
		apply(&mut state, synced(set(6, 2)), false).unwrap();
		assert_eq!(state.attester_sets, vec![set(5, 1), set(6, 2)]);
		for id in 7..20 {
			apply(&mut state, synced(set(id, id as u8)), false).unwrap();
		}
		assert_eq!(state.attester_sets.len(), KEPT_SETS);
		assert_eq!(state.attester_sets.last(), Some(&set(19, 19)));
	}

	#[test]
	fn a_set_a_node_planted_is_repaired_only_when_the_owner_trusts_another_node() {
		let mut state = WalletState::default();
		apply(&mut state, synced(set(5, 1)), false).unwrap();
		// A lying node plants "set 1000" with its own keys: numbered in the future, it passes.
		apply(&mut state, synced(set(1_000, 66)), false).unwrap();
		// The honest node's set 6 is refused from then on...
		assert_eq!(
			apply(&mut state, synced(set(6, 2)), false),
			Err(SyncError::OlderSet { known: 1_000, given: 6 })
		);
		// ...until the owner trusts it: the planted set goes, the sets before it stay.
		apply(&mut state, synced(set(6, 2)), true).unwrap();
		assert_eq!(state.attester_sets, vec![set(5, 1), set(6, 2)]);
	}

	#[test]
	fn a_counter_the_chain_never_redeems_does_not_move_the_next_one() {
		use rupee_protocol::voucher::VOUCHER_VERSION;
		let mut state = WalletState { next_counter: 3, ..Default::default() };
		let purse = |highest| SyncedPurse {
			certificate: PurseCertificate {
				version: VOUCHER_VERSION,
				genesis_hash: [0; 32],
				device_key: [1; 32],
				owner: [2; 32],
				escrow: 100,
				voucher_cap: 100,
				expires_at: 10,
				synced_block: 1,
			},
			active: true,
			highest_counter: Some(highest),
		};
		let with_purse = |highest| Synced { purse: Some(purse(highest)), ..synced(set(1, 1)) };
		apply(&mut state, with_purse(MAX_VOUCHERS_PER_PURSE), false).unwrap();
		assert_eq!(state.next_counter, 3, "a lie about the counters is ignored");
		apply(&mut state, with_purse(9), false).unwrap();
		assert_eq!(state.next_counter, 10, "the chain saw counter 9: the next is 10");
	}
}
