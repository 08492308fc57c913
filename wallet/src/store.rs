//! The wallet on disk, a directory readable by its owner only:
//! - `wallet.json`, the state (purse, vouchers, what the last sync saw), no secrets;
//! - `account.json` and `device.json`, the account's and the purse device's key pairs, each
//!   encrypted with the wallet's passphrase in the polkadot.js keystore format
//!   ([`crate::keystore`]);
//! - `.lock`, locked by every command for as long as it runs, so two commands never interleave
//!   their reads and writes (a second one waits and says so).
//!
//! Every file is replaced atomically (write a uniquely named temporary file, flush it to disk,
//! rename it over the old one, flush the directory), so a crash at any moment leaves either the
//! old file or the new one, never a torn one.

use std::{
	cell::OnceCell,
	fs,
	io::Write,
	path::{Path, PathBuf},
};

pub use rupee_wallet_core::state::{
	PeerPurse, PendingPayment, ReceivedStatus, ReceivedVoucher, SentVoucher, WalletState,
};
use sp_core::{sr25519, Pair};
use zeroize::Zeroizing;

use crate::{
	error::Error,
	keystore::{self, KeystoreJson},
	now_ms,
};

/// File name of the state inside the wallet directory.
pub const STATE_FILE: &str = "wallet.json";
/// The account's key pair, encrypted (polkadot.js keystore JSON).
pub const ACCOUNT_KEY_FILE: &str = "account.json";
/// The purse device's key pair, encrypted the same way.
pub const DEVICE_KEY_FILE: &str = "device.json";
/// Locked by each command while it runs.
pub const LOCK_FILE: &str = ".lock";
/// The shortest passphrase a new wallet takes.
pub const MIN_PASSPHRASE: usize = 8;

/// Where the passphrase comes from when a command needs a secret key; it is asked for at most
/// once per command, and only by commands that sign.
pub enum PassphraseSource {
	/// Already known (an environment variable or a file descriptor the caller read).
	Given(Zeroizing<String>),
	/// Asked at the terminal.
	Prompt,
	/// None available: a command that signs fails with [`Error::NoPassphrase`].
	Missing,
}

/// A wallet directory, locked for as long as this lives, and its loaded state.
pub struct Wallet {
	dir: PathBuf,
	pub state: WalletState,
	/// Holds the directory's lock; released when the wallet is dropped.
	_lock: fs::File,
	passphrase_source: PassphraseSource,
	passphrase: OnceCell<Zeroizing<String>>,
	account: OnceCell<sr25519::Pair>,
	device: OnceCell<sr25519::Pair>,
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
	move |error| Error::Io(format!("{}: {error}", path.display()))
}

/// Write `bytes` to `dir/name` atomically and durably, readable by the owner only.
fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> Result<(), Error> {
	let io = io_error(dir);
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|elapsed| elapsed.subsec_nanos())
		.unwrap_or_default();
	let temporary = dir.join(format!("{name}.{}-{nanos}.tmp", std::process::id()));
	let mut options = fs::OpenOptions::new();
	options.write(true).create_new(true);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let mut out = options.open(&temporary).map_err(&io)?;
	let written = out.write_all(bytes).and_then(|()| out.sync_all());
	drop(out);
	if let Err(error) = written.and_then(|()| fs::rename(&temporary, dir.join(name))) {
		let _ = fs::remove_file(&temporary);
		return Err(io(error));
	}
	fs::File::open(dir).and_then(|dir| dir.sync_all()).map_err(io)
}

/// Lock `dir` for this process, waiting (and saying so) while another command holds it.
fn lock(dir: &Path) -> Result<fs::File, Error> {
	let path = dir.join(LOCK_FILE);
	let mut options = fs::OpenOptions::new();
	options.read(true).write(true).create(true).truncate(false);
	#[cfg(unix)]
	{
		use std::os::unix::fs::OpenOptionsExt;
		options.mode(0o600);
	}
	let file = options.open(&path).map_err(io_error(&path))?;
	match file.try_lock() {
		Ok(()) => Ok(file),
		Err(fs::TryLockError::WouldBlock) => {
			eprintln!(
				"  … another rupee-wallet command is using {}: waiting for it to finish",
				dir.display()
			);
			file.lock().map_err(io_error(&path))?;
			Ok(file)
		},
		Err(fs::TryLockError::Error(error)) => Err(io_error(&path)(error)),
	}
}

impl Wallet {
	/// Open and lock the wallet in `dir`, creating the directory (owner-only) if needed; a
	/// missing state file is an empty wallet, a damaged one an error (never silently
	/// replaced). Commands that sign fail until a passphrase source is set
	/// ([`Wallet::with_passphrase`]).
	pub fn open(dir: &Path) -> Result<Self, Error> {
		fs::create_dir_all(dir).map_err(io_error(dir))?;
		#[cfg(unix)]
		{
			use std::os::unix::fs::PermissionsExt;
			let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o700));
		}
		let lock = lock(dir)?;
		// Temporary files of a command that crashed before renaming them (only the wallet's
		// own): no one else writes while the lock is held.
		if let Ok(entries) = fs::read_dir(dir) {
			for entry in entries.flatten() {
				let name = entry.file_name().to_string_lossy().into_owned();
				let ours = [STATE_FILE, ACCOUNT_KEY_FILE, DEVICE_KEY_FILE]
					.iter()
					.any(|file| name.starts_with(&format!("{file}.")));
				if ours && name.ends_with(".tmp") {
					let _ = fs::remove_file(entry.path());
				}
			}
		}
		let file = dir.join(STATE_FILE);
		let state = match fs::read(&file) {
			Ok(bytes) => serde_json::from_slice(&bytes)
				.map_err(|error| Error::Corrupt(format!("{}: {error}", file.display())))?,
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => WalletState::default(),
			Err(error) => return Err(io_error(&file)(error)),
		};
		Ok(Self {
			dir: dir.to_path_buf(),
			state,
			_lock: lock,
			passphrase_source: PassphraseSource::Missing,
			passphrase: OnceCell::new(),
			account: OnceCell::new(),
			device: OnceCell::new(),
		})
	}

	/// Where the passphrase comes from when a secret key is needed.
	pub fn with_passphrase(mut self, source: PassphraseSource) -> Self {
		self.passphrase_source = source;
		self
	}

	pub fn dir(&self) -> &Path {
		&self.dir
	}

	/// Write the state atomically and durably.
	pub fn save(&self) -> Result<(), Error> {
		let bytes =
			serde_json::to_vec_pretty(&self.state).map_err(|error| Error::Io(error.to_string()))?;
		write_atomically(&self.dir, STATE_FILE, &bytes)
	}

	/// The passphrase, asked for (or taken from its source) the first time it is needed.
	fn passphrase(&self) -> Result<&str, Error> {
		if let Some(passphrase) = self.passphrase.get() {
			return Ok(passphrase);
		}
		let passphrase = match &self.passphrase_source {
			PassphraseSource::Given(passphrase) => passphrase.clone(),
			PassphraseSource::Prompt => Zeroizing::new(
				rpassword::prompt_password(format!(
					"Passphrase of the wallet in {}: ",
					self.dir.display()
				))
				.map_err(|error| Error::Io(format!("reading the passphrase: {error}")))?,
			),
			PassphraseSource::Missing => return Err(Error::NoPassphrase),
		};
		Ok(self.passphrase.get_or_init(|| passphrase))
	}

	/// A passphrase for a new wallet: from its source, confirmed when typed at the prompt,
	/// and at least [`MIN_PASSPHRASE`] characters.
	fn new_passphrase(&self) -> Result<&str, Error> {
		if let PassphraseSource::Prompt = self.passphrase_source {
			if self.passphrase.get().is_none() {
				let first = Zeroizing::new(
					rpassword::prompt_password("Choose a passphrase for this wallet: ")
						.map_err(|error| Error::Io(format!("reading the passphrase: {error}")))?,
				);
				let again = Zeroizing::new(
					rpassword::prompt_password("Type it again: ")
						.map_err(|error| Error::Io(format!("reading the passphrase: {error}")))?,
				);
				if first != again {
					return Err(Error::BadInput("the two passphrases differ: try again".into()));
				}
				let _ = self.passphrase.set(first);
			}
		}
		let passphrase = self.passphrase()?;
		if passphrase.chars().count() < MIN_PASSPHRASE {
			return Err(Error::BadInput(format!(
				"choose a passphrase of at least {MIN_PASSPHRASE} characters"
			)));
		}
		Ok(passphrase)
	}

	fn read_key_file(&self, name: &str) -> Result<Option<KeystoreJson>, Error> {
		let path = self.dir.join(name);
		match fs::read(&path) {
			Ok(bytes) => serde_json::from_slice(&bytes)
				.map(Some)
				.map_err(|error| Error::Corrupt(format!("{}: {error}", path.display()))),
			Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
			Err(error) => Err(io_error(&path)(error)),
		}
	}

	fn write_key_file(&self, name: &str, json: &KeystoreJson) -> Result<(), Error> {
		let bytes =
			serde_json::to_vec_pretty(json).map_err(|error| Error::Io(error.to_string()))?;
		write_atomically(&self.dir, name, &bytes)
	}

	/// The account's keystore file as it is on disk (encrypted), for export to polkadot.js.
	pub fn account_keystore(&self) -> Result<KeystoreJson, Error> {
		self.read_key_file(ACCOUNT_KEY_FILE)?.ok_or(Error::NoAccount)
	}

	/// Set up the account: `pair`, encrypted with a new passphrase. A wallet holds one account
	/// for life: setting another is refused, setting the same one again changes nothing.
	pub fn set_account(&mut self, pair: sr25519::Pair) -> Result<(), Error> {
		if let Ok(existing) = self.account_public() {
			if existing == pair.public() {
				return Ok(());
			}
			return Err(Error::BadInput(format!(
				"this wallet already holds account {}: use another --wallet directory for another account",
				crate::online::address(&existing.into())
			)));
		}
		let json =
			keystore::encrypt(&pair, self.new_passphrase()?, "rupee-wallet account", now_ms());
		self.write_key_file(ACCOUNT_KEY_FILE, &json)?;
		self.state.account_address = Some(json.address);
		self.save()?;
		let _ = self.account.set(pair);
		Ok(())
	}

	/// Set up the account from a polkadot.js keystore file, which the wallet's passphrase must
	/// open; the file is kept as it is.
	pub fn import_account(&mut self, json: KeystoreJson) -> Result<sr25519::Public, Error> {
		let pair = keystore::decrypt(&json, self.passphrase()?).map_err(Error::Keystore)?;
		if let Ok(existing) = self.account_public() {
			if existing != pair.public() {
				return Err(Error::BadInput(format!(
					"this wallet already holds account {}: use another --wallet directory for another account",
					crate::online::address(&existing.into())
				)));
			}
		}
		self.write_key_file(ACCOUNT_KEY_FILE, &json)?;
		self.state.account_address = Some(json.address);
		self.save()?;
		let public = pair.public();
		let _ = self.account.set(pair);
		Ok(public)
	}

	/// The account's public key: no passphrase needed.
	pub fn account_public(&self) -> Result<sr25519::Public, Error> {
		if let Some(address) = &self.state.account_address {
			return sr25519_from_ss58(address);
		}
		match &self.state.account {
			Some(secret) => Ok(pair_from_uri(secret)?.public()),
			None => Err(Error::NoAccount),
		}
	}

	/// The account's key pair, decrypted with the passphrase (asked for once).
	pub fn account_pair(&self) -> Result<sr25519::Pair, Error> {
		if let Some(pair) = self.account.get() {
			return Ok(pair.clone());
		}
		let pair = match self.read_key_file(ACCOUNT_KEY_FILE)? {
			Some(json) => keystore::decrypt(&json, self.passphrase()?).map_err(Error::Keystore)?,
			None => match &self.state.account {
				Some(secret) => pair_from_uri(secret)?,
				None => return Err(Error::NoAccount),
			},
		};
		Ok(self.account.get_or_init(|| pair).clone())
	}

	/// The purse device's public key: no passphrase needed.
	pub fn device_public(&self) -> Result<sr25519::Public, Error> {
		if let Some(key) = self.state.device_key.as_deref().and_then(crate::offline::bytes32) {
			return Ok(sr25519::Public::from_raw(key));
		}
		match self.state.device_seed.as_deref().and_then(crate::offline::bytes32) {
			Some(seed) => Ok(sr25519::Pair::from_seed(&seed).public()),
			None => Err(Error::NoDevice),
		}
	}

	/// The purse device's key pair, decrypted with the passphrase.
	pub fn device_pair(&self) -> Result<sr25519::Pair, Error> {
		if let Some(pair) = self.device.get() {
			return Ok(pair.clone());
		}
		let pair = match self.read_key_file(DEVICE_KEY_FILE)? {
			Some(json) => keystore::decrypt(&json, self.passphrase()?).map_err(Error::Keystore)?,
			None => match self.state.device_seed.as_deref().and_then(crate::offline::bytes32) {
				Some(seed) => sr25519::Pair::from_seed(&seed),
				None => return Err(Error::NoDevice),
			},
		};
		Ok(self.device.get_or_init(|| pair).clone())
	}

	/// A new device key for the purse, encrypted like the account (which must exist: its
	/// passphrase is the wallet's). Replaces the current one: only for a wallet with no
	/// device key yet, or a rotation once the old purse is closed.
	pub fn new_device(&mut self) -> Result<sr25519::Public, Error> {
		let passphrase = match self.read_key_file(ACCOUNT_KEY_FILE)? {
			// The passphrase must open the account: one passphrase for the wallet.
			Some(json) => {
				let passphrase = self.passphrase()?;
				if self.account.get().is_none() {
					let pair = keystore::decrypt(&json, passphrase).map_err(Error::Keystore)?;
					let _ = self.account.set(pair);
				}
				passphrase
			},
			None => self.new_passphrase()?,
		};
		let (pair, _) = sr25519::Pair::generate();
		let json = keystore::encrypt(&pair, passphrase, "rupee-wallet purse device", now_ms());
		self.write_key_file(DEVICE_KEY_FILE, &json)?;
		self.state.device_key = Some(crate::offline::hex(&pair.public().0));
		self.state.device_seed = None;
		self.save()?;
		let public = pair.public();
		self.device = OnceCell::from(pair);
		Ok(public)
	}

	/// Move keys an older wallet kept in plain text into encrypted key files (with the
	/// passphrase), then drop the plain text. Does nothing for a wallet without such keys.
	pub fn encrypt_legacy_keys(&mut self) -> Result<bool, Error> {
		if self.state.account.is_none() && self.state.device_seed.is_none() {
			return Ok(false);
		}
		let passphrase = self.new_passphrase()?.to_string();
		let passphrase = Zeroizing::new(passphrase);
		if let Some(secret) = self.state.account.clone() {
			let pair = pair_from_uri(&secret)?;
			let json = keystore::encrypt(&pair, &passphrase, "rupee-wallet account", now_ms());
			self.write_key_file(ACCOUNT_KEY_FILE, &json)?;
			self.state.account_address = Some(json.address);
		}
		if let Some(seed) = self.state.device_seed.as_deref().and_then(crate::offline::bytes32) {
			let pair = sr25519::Pair::from_seed(&seed);
			let json = keystore::encrypt(&pair, &passphrase, "rupee-wallet purse device", now_ms());
			self.write_key_file(DEVICE_KEY_FILE, &json)?;
			self.state.device_key = Some(crate::offline::hex(&pair.public().0));
		}
		self.state.account = None;
		self.state.device_seed = None;
		self.save()?;
		Ok(true)
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

fn pair_from_uri(secret: &str) -> Result<sr25519::Pair, Error> {
	sr25519::Pair::from_string(secret, None).map_err(|_| Error::BadSecret)
}

fn sr25519_from_ss58(address: &str) -> Result<sr25519::Public, Error> {
	use sp_core::crypto::Ss58Codec;
	sr25519::Public::from_ss58check_with_version(address)
		.map(|(public, _)| public)
		.map_err(|_| Error::Corrupt(format!("account address {address:?} in {STATE_FILE}")))
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
		let saved = wallet.state.clone();
		drop(wallet);
		assert_eq!(Wallet::open(dir.path()).unwrap().state, saved);
	}

	#[test]
	fn a_second_command_waits_for_the_first_to_finish() {
		let dir = tempfile::tempdir().unwrap();
		let mut first = Wallet::open(dir.path()).unwrap();
		let path = dir.path().to_path_buf();
		let (done, finished) = std::sync::mpsc::channel();
		let second = std::thread::spawn(move || {
			let mut wallet = Wallet::open(&path).unwrap();
			let counter = wallet.reserve_counter().unwrap();
			done.send(()).unwrap();
			counter
		});
		assert!(finished.recv_timeout(std::time::Duration::from_millis(300)).is_err());
		assert_eq!(first.reserve_counter().unwrap(), 0);
		drop(first);
		assert_eq!(second.join().unwrap(), 1, "the second saw the first's counter");
	}

	#[test]
	fn keys_are_encrypted_and_open_with_the_passphrase_only() {
		let dir = tempfile::tempdir().unwrap();
		let alice = sr25519::Pair::from_string("//Alice", None).unwrap();
		let given = |text: &str| PassphraseSource::Given(text.to_string().into());
		let mut wallet = Wallet::open(dir.path()).unwrap().with_passphrase(given("short"));
		assert!(matches!(wallet.set_account(alice.clone()), Err(Error::BadInput(_))));
		drop(wallet);
		let mut wallet = Wallet::open(dir.path()).unwrap().with_passphrase(given("long enough"));
		wallet.set_account(alice.clone()).unwrap();
		let device = wallet.new_device().unwrap();
		drop(wallet);
		for file in [STATE_FILE, ACCOUNT_KEY_FILE, DEVICE_KEY_FILE] {
			let text = fs::read_to_string(dir.path().join(file)).unwrap();
			assert!(!text.contains("Alice") && !text.contains("seed"), "{file}: {text}");
		}
		// Public keys need no passphrase; secrets need the right one.
		let wallet = Wallet::open(dir.path()).unwrap();
		assert_eq!(wallet.account_public().unwrap(), alice.public());
		assert_eq!(wallet.device_public().unwrap(), device);
		assert_eq!(wallet.account_pair().err().unwrap(), Error::NoPassphrase);
		drop(wallet);
		let wallet = Wallet::open(dir.path()).unwrap().with_passphrase(given("wrong one"));
		assert_eq!(
			wallet.device_pair().err().unwrap(),
			Error::Keystore(keystore::KeystoreError::WrongPassphrase)
		);
		drop(wallet);
		let wallet = Wallet::open(dir.path()).unwrap().with_passphrase(given("long enough"));
		assert_eq!(wallet.account_pair().unwrap().public(), alice.public());
		assert_eq!(wallet.device_pair().unwrap().public(), device);
	}

	#[test]
	fn plain_text_keys_of_an_older_wallet_are_encrypted_at_the_first_chance() {
		let dir = tempfile::tempdir().unwrap();
		let old = serde_json::json!({ "account": "//Bob", "deviceSeed": format!("0x{}", "07".repeat(32)), "nextCounter": 5 });
		fs::write(dir.path().join(STATE_FILE), old.to_string()).unwrap();
		let bob = sr25519::Pair::from_string("//Bob", None).unwrap();
		let given = PassphraseSource::Given("long enough".to_string().into());
		let mut wallet = Wallet::open(dir.path()).unwrap().with_passphrase(given);
		assert!(wallet.encrypt_legacy_keys().unwrap());
		assert!(!wallet.encrypt_legacy_keys().unwrap(), "once");
		drop(wallet);
		let text = fs::read_to_string(dir.path().join(STATE_FILE)).unwrap();
		assert!(!text.contains("//Bob") && !text.contains("0707"), "{text}");
		let wallet = Wallet::open(dir.path()).unwrap();
		assert_eq!(wallet.account_public().unwrap(), bob.public());
		assert_eq!(wallet.state.next_counter, 5);
		assert_eq!(wallet.device_public().unwrap(), sr25519::Pair::from_seed(&[7; 32]).public());
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
