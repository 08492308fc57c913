//! The wallet's state on disk: one JSON file, replaced atomically (write a temporary file,
//! flush it to disk, rename it over the old one, flush the directory), so a crash at any moment
//! leaves either the old state or the new one, never a torn file. The file holds secrets and is
//! created readable by its owner only.

use std::{
	collections::{BTreeMap, BTreeSet},
	fs,
	io::Write,
	path::{Path, PathBuf},
};

use rupee_primitives::Balance;
use serde::{Deserialize, Serialize};

use crate::offline::Error;

/// File name of the state inside the wallet directory.
pub const STATE_FILE: &str = "wallet.json";

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
	/// Secret URI of the account (mnemonic, `0x` seed or `//Dev` path). Never printed.
	pub account: Option<String>,
	/// `0x` seed of the purse's device key. Never printed.
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
	pub attester_sets: Vec<rupee_primitives::purse_proof::AttesterSet>,
	/// This account's KYC tier at the last sync: it picks the offline risk limits.
	pub tier: Option<rupee_primitives::Tier>,
	pub sent: Vec<SentVoucher>,
	pub received: Vec<ReceivedVoucher>,
	/// Payers' purses, by device key (`0x`-hex).
	pub peers: BTreeMap<String, PeerPurse>,
	/// The revocation list as of the last sync: device keys (`0x`-hex).
	pub revoked: BTreeSet<String>,
	pub revocation_digest: Option<String>,
	/// When the wallet last synced (ms since the epoch).
	pub synced_at: Option<u64>,
}

/// A wallet directory and its loaded state.
pub struct Wallet {
	dir: PathBuf,
	pub state: WalletState,
}

impl Wallet {
	/// Open the wallet in `dir`, creating the directory (owner-only) if needed; a missing state
	/// file is an empty wallet, a damaged one an error (never silently replaced).
	pub fn open(dir: &Path) -> Result<Self, Error> {
		fs::create_dir_all(dir)
			.map_err(|error| Error::Io(format!("{}: {error}", dir.display())))?;
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
		}
		let file = dir.join(STATE_FILE);
		let state = match fs::read(&file) {
			Ok(bytes) => serde_json::from_slice(&bytes)
				.map_err(|error| Error::Corrupt(format!("{}: {error}", file.display())))?,
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => WalletState::default(),
			Err(error) => return Err(Error::Io(format!("{}: {error}", file.display()))),
		};
		Ok(Self { dir: dir.to_path_buf(), state })
	}

	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// Write the state atomically and durably.
	pub fn save(&self) -> Result<(), Error> {
		let io = |error: std::io::Error| Error::Io(format!("{}: {error}", self.dir.display()));
		let bytes =
			serde_json::to_vec_pretty(&self.state).map_err(|error| Error::Io(error.to_string()))?;
		let file = self.dir.join(STATE_FILE);
		let temporary = self.dir.join(format!("{STATE_FILE}.tmp"));
		let mut options = fs::OpenOptions::new();
		options.write(true).create(true).truncate(true);
		#[cfg(unix)]
		{
			use std::os::unix::fs::OpenOptionsExt;
			options.mode(0o600);
		}
		let mut out = options.open(&temporary).map_err(io)?;
		out.write_all(&bytes).map_err(io)?;
		out.sync_all().map_err(io)?;
		drop(out);
		fs::rename(&temporary, &file).map_err(io)?;
		fs::File::open(&self.dir).and_then(|dir| dir.sync_all()).map_err(io)?;
		Ok(())
	}

	/// Take the next voucher counter, persisting the increment before returning it: whatever
	/// happens next, this counter is never handed out again.
	pub fn reserve_counter(&mut self) -> Result<u64, Error> {
		let counter = self.state.next_counter;
		if counter >= rupee_primitives::voucher::MAX_VOUCHERS_PER_PURSE {
			return Err(Error::CountersExhausted);
		}
		self.state.next_counter = counter + 1;
		self.save()?;
		Ok(counter)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn state_survives_reopening_and_counters_are_never_reused() {
		let dir = tempfile::tempdir().unwrap();
		let mut wallet = Wallet::open(dir.path()).unwrap();
		assert_eq!(wallet.reserve_counter().unwrap(), 0);
		assert_eq!(wallet.reserve_counter().unwrap(), 1);
		// A "crash": the in-memory state is dropped without any other save.
		drop(wallet);
		let mut reopened = Wallet::open(dir.path()).unwrap();
		assert_eq!(reopened.reserve_counter().unwrap(), 2);
		assert!(!dir.path().join(format!("{STATE_FILE}.tmp")).exists());
	}

	#[test]
	fn every_received_status_round_trips_through_the_file() {
		let dir = tempfile::tempdir().unwrap();
		let mut wallet = Wallet::open(dir.path()).unwrap();
		for status in [
			ReceivedStatus::Pending,
			ReceivedStatus::Redeemed,
			ReceivedStatus::Compensated { paid: u128::MAX / 3, claimed: 1 },
			ReceivedStatus::Refused { reason: "PurseSettled".into(), code: 9, retryable: false },
		] {
			wallet.state.received.push(ReceivedVoucher {
				voucher: "RPV1".into(),
				device_key: "0x00".into(),
				counter: 1,
				amount: u128::MAX,
				received_at: 2,
				status,
			});
		}
		wallet.save().unwrap();
		assert_eq!(Wallet::open(dir.path()).unwrap().state, wallet.state);
	}

	#[test]
	fn a_damaged_state_file_is_an_error_not_a_fresh_wallet() {
		let dir = tempfile::tempdir().unwrap();
		fs::write(dir.path().join(STATE_FILE), b"{ not json").unwrap();
		assert!(matches!(Wallet::open(dir.path()), Err(Error::Corrupt(_))));
	}

	#[cfg(unix)]
	#[test]
	fn the_state_file_is_readable_by_its_owner_only() {
		use std::os::unix::fs::PermissionsExt;
		let dir = tempfile::tempdir().unwrap();
		let wallet = Wallet::open(dir.path()).unwrap();
		wallet.save().unwrap();
		let mode = fs::metadata(dir.path().join(STATE_FILE)).unwrap().permissions().mode();
		assert_eq!(mode & 0o777, 0o600);
	}
}
