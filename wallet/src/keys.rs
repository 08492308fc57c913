//! This wallet's keys: the account's and the purse device's (decrypted with the passphrase
//! when a command signs), and the account id (no passphrase needed).

use sp_core::sr25519;

use crate::{error::Error, store::Wallet};

/// The device key pair of this wallet's purse (decrypted with the passphrase).
pub fn device(wallet: &Wallet) -> Result<sr25519::Pair, Error> {
	wallet.device_pair()
}

/// The account key pair of this wallet (decrypted with the passphrase).
pub fn account(wallet: &Wallet) -> Result<sr25519::Pair, Error> {
	wallet.account_pair()
}

/// The account id of this wallet (no passphrase needed).
pub fn account_id(wallet: &Wallet) -> Result<crate::chain::AccountId, Error> {
	Ok(wallet.account_public()?.into())
}

/// Generate this wallet's device key if it has none.
pub fn ensure_device(wallet: &mut Wallet) -> Result<sr25519::Public, Error> {
	match wallet.device_public() {
		Ok(public) => Ok(public),
		Err(Error::NoDevice) => wallet.new_device(),
		Err(error) => Err(error),
	}
}
