//! Everything that can go wrong in the wallet, as sentences a person can act on, with the exit
//! code the CLI gives each: [`Error`], and why a voucher is not signed ([`PayError`]) or not
//! accepted ([`ReceiveError`]).

use rupee_primitives::voucher::VoucherCodecError;

use crate::amount::AmountError;
pub use rupee_wallet_core::offline::{OfflineError, PayError, ReceiveError, RiskLimit};

/// Everything that can go wrong in the wallet, with the exit code the CLI uses for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
	Io(String),
	/// The state file is damaged; it is left as it is for someone to look at.
	Corrupt(String),
	CountersExhausted,
	NoAccount,
	NoDevice,
	/// The wallet never synced with the chain (it does not know the genesis hash).
	NotSynced,
	/// No purse certificate: fund the purse (or sync) first.
	NoPurse,
	/// The purse has no proof yet: the validators sign it a few blocks after funding.
	NoProof,
	BadSecret,
	/// A command that signs needs the wallet's passphrase and none was given.
	NoPassphrase,
	/// An encrypted key file cannot be opened.
	Keystore(crate::keystore::KeystoreError),
	BadAddress(String),
	/// Any other argument that is not what the command takes; the text says what is wrong.
	BadInput(String),
	Amount(AmountError),
	Codec(String, VoucherCodecError),
	Pay(PayError),
	Receive(ReceiveError),
	/// The node could not be reached.
	NodeUnreachable(String),
	/// The node answered with an error.
	Rpc(String),
	/// The chain refused a transaction.
	Refused(String),
	/// A transaction was submitted but its outcome is not known yet (the node dropped it, or
	/// it was not finalized in time): it may still be included.
	Unconfirmed(String),
	/// The chain's runtime encodes transactions differently from the one this wallet was
	/// built for (another `transactionVersion`): the wallet signs no transaction for it.
	Outdated {
		built: u32,
		chain: u32,
	},
	/// The chain's runtime (spec version `chain`) differs in something this wallet reads or
	/// writes (`what`) from the one it was built for (`built`): it would be misread.
	Incompatible {
		built: u32,
		chain: u32,
		what: String,
	},
}

impl Error {
	/// Exit codes scripts can rely on: 1 internal or I/O, 2 bad input, 3 node unreachable,
	/// 4 refused (by the chain, or a payment or voucher check), 5 submitted but the outcome is
	/// not known yet (run the command again to find out), 6 the chain's runtime is not the
	/// one this wallet was built for in what it signs or reads (get the wallet release for it).
	pub fn exit_code(&self) -> i32 {
		match self {
			Self::Io(_) | Self::Corrupt(_) | Self::CountersExhausted | Self::Rpc(_) => 1,
			Self::NoAccount
			| Self::NoDevice
			| Self::NotSynced
			| Self::NoPurse
			| Self::NoProof
			| Self::BadSecret
			| Self::NoPassphrase
			| Self::Keystore(_)
			| Self::BadAddress(_)
			| Self::BadInput(_)
			| Self::Amount(_)
			| Self::Codec(..) => 2,
			Self::NodeUnreachable(_) => 3,
			Self::Pay(_) | Self::Receive(_) | Self::Refused(_) => 4,
			Self::Unconfirmed(_) => 5,
			Self::Outdated { .. } | Self::Incompatible { .. } => 6,
		}
	}
}

impl Error {
	/// This error with `note` added to what it says (for errors that carry a text).
	pub fn noted(self, note: &str) -> Self {
		let add = |text: String| format!("{text} (first: {note})");
		match self {
			Self::Refused(text) => Self::Refused(add(text)),
			Self::Unconfirmed(text) => Self::Unconfirmed(add(text)),
			Self::Rpc(text) => Self::Rpc(add(text)),
			Self::Io(text) => Self::Io(add(text)),
			Self::BadInput(text) => Self::BadInput(add(text)),
			other => other,
		}
	}
}

impl std::fmt::Display for Error {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::Io(error) => write!(f, "cannot read or write the wallet: {error}"),
			Self::Corrupt(error) => {
				write!(f, "the wallet file is damaged and was left untouched: {error}")
			},
			Self::CountersExhausted => write!(
				f,
				"this device has signed the most vouchers one purse may pay: start a new purse with `rupee-wallet device rotate`"
			),
			Self::Outdated { built, chain } => write!(
				f,
				"the chain's transactions are not the ones this wallet was built for (it signs for transaction version {built}, the chain runs {chain}), so it signs no transaction: install the wallet release for the chain's runtime"
			),
			Self::Incompatible { built, chain, what } => write!(
				f,
				"the chain's runtime (version {chain}) differs in {what} from the one this wallet was built for (version {built}), so the wallet would misread it and stops: install the wallet release for the chain's runtime"
			),
			Self::NoAccount => write!(f, "no account in this wallet: run `rupee-wallet init`"),
			Self::NoDevice => write!(f, "no device key in this wallet: run `rupee-wallet init`"),
			Self::NotSynced => {
				write!(f, "this wallet has never synced: run `rupee-wallet sync` once online")
			},
			Self::NoPurse => {
				write!(f, "no purse: fund one with `rupee-wallet purse fund` (or `sync`)")
			},
			Self::NoProof => write!(
				f,
				"the purse has no proof from the validators yet (they sign it a few seconds after funding): run `rupee-wallet sync` once online"
			),
			Self::BadSecret => {
				write!(f, "the account secret is not a valid mnemonic, seed or //path")
			},
			Self::NoPassphrase => write!(
				f,
				"this command signs with the wallet's keys and needs its passphrase: run it in a terminal to be asked, or set RUPEE_WALLET_PASSPHRASE, or pass --passphrase-fd N"
			),
			Self::Keystore(error) => write!(f, "{error}"),
			Self::BadAddress(text) => write!(f, "not an account address: {text}"),
			Self::BadInput(text) => f.write_str(text),
			Self::Amount(error) => write!(f, "{error}"),
			Self::Codec(what, error) => {
				let why = match error {
					VoucherCodecError::NotAVoucher => {
						"it does not start with RPP2 (a payment code) or RPV1 (a voucher): copy or scan it again"
					},
					VoucherCodecError::BadCharacter => {
						"it holds characters a payment code never has: copy or scan it again"
					},
					VoucherCodecError::BadChecksum => {
						"it was mistyped or damaged on the way (its checksum does not match): scan it again"
					},
					VoucherCodecError::UnsupportedVersion => {
						"it was made by a newer wallet than this one: update rupee-wallet"
					},
					VoucherCodecError::Malformed => {
						"its contents are not what a wallet writes: ask the payer to show it again"
					},
				};
				write!(f, "not a valid {what}: {why} ({error:?})")
			},
			Self::Pay(error) => write!(f, "cannot pay: {error}"),
			Self::Receive(error) => write!(f, "voucher rejected: {error}"),
			Self::NodeUnreachable(url) => {
				write!(f, "cannot reach the node at {url}: is it running?")
			},
			Self::Rpc(error) => write!(f, "the node answered with an error: {error}"),
			Self::Refused(reason) => write!(f, "refused by the chain: {reason}"),
			Self::Unconfirmed(reason) => write!(
				f,
				"{reason}; it may still be included: run the command again to find out (a second `pay` finds this payment and never pays twice)"
			),
		}
	}
}

impl std::error::Error for Error {}

impl From<AmountError> for Error {
	fn from(error: AmountError) -> Self {
		Self::Amount(error)
	}
}

impl From<OfflineError> for Error {
	fn from(error: OfflineError) -> Self {
		match error {
			OfflineError::NotSynced => Self::NotSynced,
			OfflineError::NoPurse => Self::NoPurse,
			OfflineError::NoProof => Self::NoProof,
			OfflineError::CountersExhausted => Self::CountersExhausted,
			OfflineError::Codec(what, error) => Self::Codec(what, error),
			OfflineError::Pay(error) => Self::Pay(error),
			OfflineError::Receive(error) => Self::Receive(error),
		}
	}
}

impl From<crate::request::NotAReceipt> for Error {
	fn from(error: crate::request::NotAReceipt) -> Self {
		Self::BadInput(error.to_string())
	}
}
