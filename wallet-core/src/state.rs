//! What a wallet keeps, with no secrets: its purse, the vouchers it signed and received, and
//! what its last sync saw (validator sets, revocation list, tier). The CLI writes it to
//! `wallet.json`, the web app to IndexedDB; both as this JSON.

use std::collections::{BTreeMap, BTreeSet};

use rupee_protocol::{purse_proof::AttesterSet, Balance, Tier};
use serde::{Deserialize, Serialize};

/// What happened to a voucher this wallet received.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReceivedStatus {
	/// Accepted offline, not yet redeemed.
	Pending,
	/// Paid on chain.
	Redeemed,
	/// Its payer double spent; `paid` came now, `claimed` is a claim governance settles.
	Compensated { paid: Balance, claimed: Balance },
	/// Refused on chain; `retryable` ones are tried again by the next `redeem`.
	Refused { reason: String, code: u8, retryable: bool },
}

/// A voucher this wallet signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SentVoucher {
	pub voucher: String,
	pub counter: u64,
	pub payee: String,
	pub amount: Balance,
	/// Known to be paid on chain (as of the last sync).
	pub redeemed: bool,
	/// The payee's reference, when the payment answered a payment request.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub reference: Option<String>,
	/// The payee's receipt (`RPRC…`), once the payer's wallet checked it.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub receipt: Option<String>,
}

/// A voucher this wallet accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedVoucher {
	pub voucher: String,
	pub device_key: String,
	pub counter: u64,
	pub amount: Balance,
	pub received_at: u64,
	pub status: ReceivedStatus,
}

/// An online payment signed and submitted whose outcome the wallet has not seen yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingPayment {
	/// The payee's address, as the command shows it.
	pub to: String,
	pub amount: Balance,
	/// The payee's reference, when the payment answered a payment request.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub reference: Option<String>,
	pub signed: Signed,
}

/// What this wallet knows of a payer's purse: its certificate and what it received from it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PeerPurse {
	/// The payer's purse proof with the largest escrow this wallet checked (hex SCALE).
	pub proof: Option<String>,
	pub counters: BTreeSet<u64>,
	pub total: Balance,
}

/// Everything the wallet keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WalletState {
	/// The account's address (SS58); its key pair is in `account.json`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub account_address: Option<String>,
	/// The purse's device key (`0x`-hex public key); its key pair is in `device.json`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub device_key: Option<String>,
	/// Secret URI of the account, as wallets before encrypted keys kept it: moved into
	/// `account.json` and removed by the first command that has the passphrase.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub account: Option<String>,
	/// `0x` seed of the device key, as older wallets kept it: moved like `account`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub device_seed: Option<String>,
	/// The counter the next voucher gets; persisted before a voucher is shown.
	pub next_counter: u64,
	/// The chain this wallet is for, as of the last sync.
	pub genesis_hash: Option<String>,
	/// This wallet's own purse certificate as of the last sync.
	pub certificate: Option<String>,
	/// This wallet's own purse proof (hex SCALE `PurseProof`), from the last sync.
	pub proof: Option<String>,
	/// The validator sets this wallet synced (newest last): what proofs are checked against.
	pub attester_sets: Vec<AttesterSet>,
	/// This account's KYC tier at the last sync: it picks the offline risk limits.
	pub tier: Option<Tier>,
	pub sent: Vec<SentVoucher>,
	pub received: Vec<ReceivedVoucher>,
	/// Payers' purses, by device key (`0x`-hex).
	pub peers: BTreeMap<String, PeerPurse>,
	/// The revocation list as of the last sync: device keys (`0x`-hex).
	pub revoked: BTreeSet<String>,
	pub revocation_digest: Option<String>,
	/// When the wallet last synced (ms since the epoch).
	pub synced_at: Option<u64>,
	/// Device keys of purses this wallet retired (`device rotate`), `0x`-hex: `purse settle`
	/// returns what is left in them once their vouchers can no longer be redeemed.
	#[serde(skip_serializing_if = "Vec::is_empty")]
	pub retired_devices: Vec<String>,
	/// An online payment whose outcome was not seen (the command was killed or timed out):
	/// the next `pay` looks for it on chain before it pays anything.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub pending_payment: Option<PendingPayment>,
}

/// A signed transaction: its bytes, its nonce, and the finalized block it was signed at (its
/// lifetime, the CLI's `MORTAL_PERIOD` blocks, starts there). Kept by the wallet while it is in
/// flight, so a re-run after a crash or a timeout finds it instead of signing another.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Signed {
	/// `0x`-hex of the encoded extrinsic, as blocks list it.
	pub extrinsic: String,
	pub signer: String,
	pub nonce: u32,
	pub signed_at: u32,
}
