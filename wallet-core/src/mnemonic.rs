//! Accounts as people back them up: twelve English words (BIP-39), turned into an sr25519 key
//! as Substrate wallets do (the words' entropy through `substrate-bip39`, no derivation path),
//! so the same words give the same account in this wallet, the CLI (`init`, `init --import`)
//! and the polkadot.js extension.

use sp_core::{sr25519, Pair};
use zeroize::Zeroizing;

/// Why words are not an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MnemonicError {
	/// Not 12, 15, 18, 21 or 24 words of the English BIP-39 list with a matching checksum.
	BadPhrase,
	/// The system gave no randomness to make new words from.
	NoRandomness,
}

impl std::fmt::Display for MnemonicError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(match self {
			Self::BadPhrase => {
				"these are not the words of an account: check each word and their order"
			},
			Self::NoRandomness => "this device gave no randomness to make a key with",
		})
	}
}

impl std::error::Error for MnemonicError {}

/// A new account: its key pair and its twelve words (shown once, for the owner to write down).
pub fn generate() -> Result<(sr25519::Pair, Zeroizing<String>), MnemonicError> {
	let mut entropy = Zeroizing::new([0u8; 16]);
	getrandom::getrandom(&mut entropy[..]).map_err(|_| MnemonicError::NoRandomness)?;
	let words = bip39::Mnemonic::from_entropy(&entropy[..])
		.map_err(|_| MnemonicError::NoRandomness)?
		.to_string();
	let pair = from_phrase(&words)?;
	Ok((pair, Zeroizing::new(words)))
}

/// A new key with no words to back it up: a purse device's, which never needs restoring (a
/// lost device's purse is closed and its money returns to the account).
pub fn new_key() -> Result<sr25519::Pair, MnemonicError> {
	let mut seed = Zeroizing::new([0u8; 32]);
	getrandom::getrandom(&mut seed[..]).map_err(|_| MnemonicError::NoRandomness)?;
	Ok(sr25519::Pair::from_seed(&seed))
}

/// The account of `words` (spaces and case as typed).
pub fn from_phrase(words: &str) -> Result<sr25519::Pair, MnemonicError> {
	let words =
		Zeroizing::new(words.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
	sr25519::Pair::from_phrase(&words, None)
		.map(|(pair, _)| pair)
		.map_err(|_| MnemonicError::BadPhrase)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_words_give_the_accounts_other_substrate_wallets_give() {
		// sp-core's development phrase: its account (no path) is polkadot.js's for these words.
		let dev = from_phrase(sp_core::crypto::DEV_PHRASE).unwrap();
		let expected = sr25519::Pair::from_string(sp_core::crypto::DEV_PHRASE, None).unwrap();
		assert_eq!(dev.public(), expected.public());
		let messy =
			format!("  {}  ", sp_core::crypto::DEV_PHRASE.to_uppercase().replace(' ', "   "));
		assert_eq!(from_phrase(&messy).unwrap().public(), expected.public());
	}

	#[test]
	fn new_words_are_twelve_and_give_back_their_key() {
		let (pair, words) = generate().unwrap();
		assert_eq!(words.split(' ').count(), 12);
		assert_eq!(from_phrase(&words).unwrap().public(), pair.public());
		assert_ne!(generate().unwrap().0.public(), pair.public());
	}

	#[test]
	fn words_with_a_typo_or_a_wrong_checksum_are_refused() {
		let typo = sp_core::crypto::DEV_PHRASE.replace("bottom", "botom");
		assert_eq!(from_phrase(&typo).err(), Some(MnemonicError::BadPhrase));
		let swapped = sp_core::crypto::DEV_PHRASE.replace("bottom drive", "drive bottom");
		assert_eq!(from_phrase(&swapped).err(), Some(MnemonicError::BadPhrase));
		assert_eq!(from_phrase("").err(), Some(MnemonicError::BadPhrase));
	}
}
