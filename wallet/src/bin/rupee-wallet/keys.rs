//! Keys: `init` (a new account or an imported one, and the purse's device key, encrypted with
//! the wallet's passphrase), `key export`, `address`, and where the passphrase comes from.

use std::path::PathBuf;

use clap::Subcommand;
use rupee_wallet::{
	error::Error,
	keystore::KeystoreError,
	offline::hex,
	online::address,
	store::{PassphraseSource, Wallet},
};
use serde_json::json;
use sp_core::Pair;

use crate::{output, Output};

#[derive(Subcommand)]
pub enum KeyCommand {
	/// Print the account's encrypted key file (polkadot.js keystore JSON).
	Export,
}

/// Where the passphrase comes from: `--passphrase-fd`, `RUPEE_WALLET_PASSPHRASE`, else a
/// prompt when there is a terminal to ask at.
pub fn passphrase_source(fd: Option<u32>) -> Result<PassphraseSource, Error> {
	use std::io::IsTerminal;
	if fd == Some(0) {
		return Err(Error::BadInput(
			"--passphrase-fd 0 would read standard input, which carries other answers: use another descriptor, e.g. --passphrase-fd 3 3<passphrase.txt".into(),
		));
	}
	if let Some(fd) = fd {
		use std::io::Read;
		let unreadable = |error: std::io::Error| {
			Error::BadInput(format!(
				"cannot read the passphrase from file descriptor {fd}: {error}"
			))
		};
		let mut file = std::fs::File::open(format!("/dev/fd/{fd}")).map_err(unreadable)?;
		// One line, a byte at a time: nothing after it is consumed (the descriptor may be a
		// pipe or standard input that carries more).
		// Room for the longest accepted line up front: no reallocation leaves a copy behind.
		let mut line = zeroize::Zeroizing::new(Vec::with_capacity(4_097));
		let mut byte = [0u8; 1];
		while file.read(&mut byte).map_err(unreadable)? == 1 && byte[0] != b'\n' {
			line.push(byte[0]);
			if line.len() > 4_096 {
				return Err(Error::BadInput(format!(
					"file descriptor {fd} holds no passphrase line"
				)));
			}
		}
		let mut text = String::from_utf8(std::mem::take(&mut *line))
			.map_err(|_| Error::BadInput("the passphrase is not UTF-8 text".into()))?;
		if text.ends_with('\r') {
			text.pop();
		}
		return Ok(PassphraseSource::Given(text.into()));
	}
	if let Ok(passphrase) = std::env::var("RUPEE_WALLET_PASSPHRASE") {
		return Ok(PassphraseSource::Given(passphrase.into()));
	}
	if std::io::stdin().is_terminal() {
		return Ok(PassphraseSource::Prompt);
	}
	Ok(PassphraseSource::Missing)
}

/// The account secret for `init --account`: `-` reads one line from standard input.
fn account_secret(given: String) -> Result<zeroize::Zeroizing<String>, Error> {
	if given != "-" {
		return Ok(given.into());
	}
	let mut line = zeroize::Zeroizing::new(String::with_capacity(1_024));
	std::io::stdin()
		.read_line(&mut line)
		.map_err(|error| Error::BadInput(format!("cannot read the account secret: {error}")))?;
	Ok(line.trim().to_string().into())
}

pub fn init(
	wallet: &mut Wallet,
	account: Option<String>,
	keystore: Option<PathBuf>,
) -> Result<Output, Error> {
	let mut text = String::new();
	let mut mnemonic = None;
	match (account, keystore) {
		(_, Some(path)) => {
			let bytes = std::fs::read(&path).map_err(|error| {
				Error::BadInput(format!("cannot read {}: {error}", path.display()))
			})?;
			let json = serde_json::from_slice(&bytes)
				.map_err(|error| Error::Keystore(KeystoreError::Unsupported(error.to_string())))?;
			wallet.import_account(json)?;
		},
		(Some(secret), None) => {
			let secret = account_secret(secret)?;
			let pair =
				sp_core::sr25519::Pair::from_string(&secret, None).map_err(|_| Error::BadSecret)?;
			wallet.set_account(pair)?;
		},
		(None, None) => {
			if wallet.account_public().is_ok() {
				return Err(Error::BadInput(
					"this wallet already holds an account: use another --wallet directory for a new one".into(),
				));
			}
			let (pair, phrase, _) = sp_core::sr25519::Pair::generate_with_phrase(None);
			wallet.set_account(pair)?;
			text.push_str(&format!(
				"New account. Write down these words; they are shown only once:\n  {phrase}\n"
			));
			mnemonic = Some(phrase);
		},
	}
	let device = rupee_wallet::keys::ensure_device(wallet)?;
	let who = rupee_wallet::keys::account_id(wallet)?;
	text.push_str(&format!("account {}\ndevice key {}", address(&who), hex(&device.0)));
	let mut answer = json!({ "ok": true, "account": address(&who), "deviceKey": hex(&device.0) });
	if let Some(phrase) = mnemonic {
		answer["mnemonic"] = phrase.into();
	}
	Ok(output(text, answer))
}

pub fn export(wallet: &Wallet) -> Result<Output, Error> {
	let keystore = wallet.account_keystore()?;
	let text =
		serde_json::to_string_pretty(&keystore).map_err(|error| Error::Io(error.to_string()))?;
	Ok(output(text, json!({ "ok": true, "keystore": keystore })))
}

pub fn show_address(wallet: &Wallet) -> Result<Output, Error> {
	let who = rupee_wallet::keys::account_id(wallet)?;
	let device = wallet.device_public()?;
	Ok(output(
		format!("account {}\ndevice key {}", address(&who), hex(&device.0)),
		json!({ "ok": true, "account": address(&who), "deviceKey": hex(&device.0) }),
	))
}
