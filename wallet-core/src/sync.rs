//! What a sync changes in a wallet, given what the chain said at one finalized block: the
//! wallet's own purse and proof, its sent vouchers paid, received ones someone redeemed, the
//! validator sets, its tier and the revocation list. The CLI and the web app each ask the node
//! (over JSON-RPC) and then apply the answers here, the same way.

use std::collections::BTreeSet;

use codec::Encode;
use rupee_protocol::{
	hex::encode as hex,
	purse_proof::{AttesterSet, PurseProof},
	voucher::{PurseCertificate, Voucher},
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

/// Apply `synced` to the wallet's state; nothing changes if it contradicts the validator sets
/// the wallet knows (a set, once synced, is never replaced or rolled back: a node that lied
/// once cannot plant a set of its own for later proofs).
pub fn apply(state: &mut WalletState, synced: Synced) -> Result<(), SyncError> {
	let current = synced.attesters;
	if let Some(known) = state.attester_sets.iter().map(|known| known.set_id).max() {
		if current.set_id < known {
			return Err(SyncError::OlderSet { known, given: current.set_id });
		}
	}
	if let Some(known) = state.attester_sets.iter().find(|known| known.set_id == current.set_id) {
		if known.authorities != current.authorities {
			return Err(SyncError::ChangedSet { set_id: current.set_id });
		}
	}
	let sets = &mut state.attester_sets;
	sets.retain(|known| known.set_id != current.set_id);
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
		if let Some(highest) = highest_counter {
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
		apply(&mut state, synced(set(5, 1))).unwrap();
		apply(&mut state, synced(set(5, 1))).unwrap();
		assert_eq!(state.attester_sets, vec![set(5, 1)], "the same set once");
		let before = state.clone();
		// A node that says the current set is 4 (its own keys), or set 5 with other keys.
		let mut lie = synced(set(4, 66));
		lie.revoked.clear();
		assert_eq!(apply(&mut state, lie), Err(SyncError::OlderSet { known: 5, given: 4 }));
		assert_eq!(apply(&mut state, synced(set(5, 66))), Err(SyncError::ChangedSet { set_id: 5 }));
		assert_eq!(state, before, "nothing of a refused answer is applied");
		apply(&mut state, synced(set(6, 2))).unwrap();
		assert_eq!(state.attester_sets, vec![set(5, 1), set(6, 2)]);
		for id in 7..20 {
			apply(&mut state, synced(set(id, id as u8))).unwrap();
		}
		assert_eq!(state.attester_sets.len(), KEPT_SETS);
		assert_eq!(state.attester_sets.last(), Some(&set(19, 19)));
	}
}
