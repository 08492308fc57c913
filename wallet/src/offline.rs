//! Paying and accepting vouchers with no network. The payer's device signs with its purse key;
//! the payee's wallet checks everything it can against the payer's purse certificate and its
//! own last sync, and keeps the voucher for redemption.

use rupee_primitives::{
	voucher::{PurseCertificate, Voucher, VoucherBody, VoucherCodecError, VOUCHER_VERSION},
	Balance,
};
use sp_core::{sr25519, Pair};

use crate::{
	amount::{format_amount, AmountError},
	store::{ReceivedStatus, ReceivedVoucher, SentVoucher, Wallet},
};

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
	BadSecret,
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
}

impl Error {
	/// Exit codes scripts can rely on: 1 internal or I/O, 2 bad input, 3 node unreachable,
	/// 4 refused (by the chain, or a payment or voucher check).
	pub fn exit_code(&self) -> i32 {
		match self {
			Self::Io(_) | Self::Corrupt(_) | Self::CountersExhausted | Self::Rpc(_) => 1,
			Self::NoAccount
			| Self::NoDevice
			| Self::NotSynced
			| Self::NoPurse
			| Self::BadSecret
			| Self::BadAddress(_)
			| Self::BadInput(_)
			| Self::Amount(_)
			| Self::Codec(..) => 2,
			Self::NodeUnreachable(_) => 3,
			Self::Pay(_) | Self::Receive(_) | Self::Refused(_) => 4,
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
				"this device has signed the most vouchers one purse may pay: close the purse and start a new one"
			),
			Self::NoAccount => write!(f, "no account in this wallet: run `rupee-wallet init`"),
			Self::NoDevice => write!(f, "no device key in this wallet: run `rupee-wallet init`"),
			Self::NotSynced => {
				write!(f, "this wallet has never synced: run `rupee-wallet sync` once online")
			},
			Self::NoPurse => {
				write!(f, "no purse: fund one with `rupee-wallet purse fund` (or `sync`)")
			},
			Self::BadSecret => {
				write!(f, "the account secret is not a valid mnemonic, seed or //path")
			},
			Self::BadAddress(text) => write!(f, "not an account address: {text}"),
			Self::BadInput(text) => f.write_str(text),
			Self::Amount(error) => write!(f, "{error}"),
			Self::Codec(what, error) => write!(f, "not a valid {what}: {error:?}"),
			Self::Pay(error) => write!(f, "cannot pay: {error}"),
			Self::Receive(error) => write!(f, "voucher rejected: {error}"),
			Self::NodeUnreachable(url) => {
				write!(f, "cannot reach the node at {url}: is it running?")
			},
			Self::Rpc(error) => write!(f, "the node answered with an error: {error}"),
			Self::Refused(reason) => write!(f, "refused by the chain: {reason}"),
		}
	}
}

impl std::error::Error for Error {}

impl From<AmountError> for Error {
	fn from(error: AmountError) -> Self {
		Self::Amount(error)
	}
}

/// Why the payer's own wallet will not sign a voucher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayError {
	ZeroAmount,
	/// Less than the chain's smallest voucher.
	BelowMinimum,
	/// More than one voucher may pay.
	OverVoucherCap {
		cap: Balance,
	},
	/// More than the purse has left after the vouchers already signed.
	InsufficientPurse {
		left: Balance,
	},
	/// The purse expired; fund it again online.
	PurseExpired,
	/// A voucher cannot pay the purse's own owner.
	PaysOwner,
}

impl std::fmt::Display for PayError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::ZeroAmount => write!(f, "the amount must be more than zero"),
			Self::BelowMinimum => write!(
				f,
				"a voucher pays at least {}",
				format_amount(rupee_primitives::voucher::MIN_VOUCHER_AMOUNT)
			),
			Self::OverVoucherCap { cap } => {
				write!(f, "one voucher may pay at most {}", format_amount(*cap))
			},
			Self::InsufficientPurse { left } => {
				write!(f, "the purse has only {} left", format_amount(*left))
			},
			Self::PurseExpired => write!(f, "the purse expired: fund it again when online"),
			Self::PaysOwner => write!(f, "a voucher cannot pay the purse's own owner"),
		}
	}
}

/// Why a payee's wallet refuses a voucher offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiveError {
	UnsupportedVersion,
	/// For another chain than the one this wallet synced with.
	WrongChain,
	BadSignature,
	/// It pays someone else.
	NotForMe,
	/// The certificate is for another device than the one that signed.
	CertificateMismatch,
	/// No certificate for this payer's purse: ask the payer for it.
	NoCertificate,
	ZeroAmount,
	/// Less than the chain's smallest voucher: the chain would refuse it.
	BelowMinimum,
	/// A counter the chain never redeems (at or above its vouchers per purse).
	CounterTooHigh,
	OverVoucherCap {
		cap: Balance,
	},
	/// The purse expired (by this device's clock) or the voucher was signed after expiry.
	Expired,
	/// This device already received a voucher with this counter from that purse.
	CounterSeen {
		counter: u64,
	},
	/// With this voucher the purse would have paid this wallet more than its certified escrow.
	OverEscrow {
		escrow: Balance,
		received: Balance,
	},
	/// The purse is on the revocation list of the last sync.
	Revoked,
}

impl std::fmt::Display for ReceiveError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::UnsupportedVersion => write!(f, "a voucher format this wallet does not read"),
			Self::WrongChain => write!(f, "the voucher is for another chain"),
			Self::BadSignature => write!(f, "the signature is not the purse's: the voucher was forged or damaged"),
			Self::NotForMe => write!(f, "the voucher pays another account"),
			Self::CertificateMismatch => write!(f, "the purse certificate is for another device"),
			Self::NoCertificate => write!(f, "no purse certificate for this payer: ask for it"),
			Self::ZeroAmount => write!(f, "the voucher pays nothing"),
			Self::BelowMinimum => write!(
				f,
				"the voucher pays less than {}, the chain's smallest voucher",
				format_amount(rupee_primitives::voucher::MIN_VOUCHER_AMOUNT)
			),
			Self::CounterTooHigh => {
				write!(f, "the voucher's number is beyond what the chain redeems for one purse")
			},
			Self::OverVoucherCap { cap } =>
				write!(f, "the voucher pays more than the purse's cap of {}", format_amount(*cap)),
			Self::Expired => write!(f, "the payer's purse has expired"),
			Self::CounterSeen { counter } =>
				write!(f, "voucher number {counter} of this purse was already received: a copy or a double spend"),
			Self::OverEscrow { escrow, received } => write!(
				f,
				"the purse holds {} but would have paid you {}",
				format_amount(*escrow),
				format_amount(*received)
			),
			Self::Revoked => write!(f, "the payer's purse was closed or caught double spending"),
		}
	}
}

pub use rupee_primitives::hex::{decode as unhex, decode32 as bytes32, encode as hex};

/// The device key pair of this wallet's purse.
pub fn device(wallet: &Wallet) -> Result<sr25519::Pair, Error> {
	let seed = wallet.state.device_seed.as_deref().and_then(bytes32).ok_or(Error::NoDevice)?;
	Ok(sr25519::Pair::from_seed(&seed))
}

/// The account key pair of this wallet.
pub fn account(wallet: &Wallet) -> Result<sr25519::Pair, Error> {
	let secret = wallet.state.account.as_deref().ok_or(Error::NoAccount)?;
	sr25519::Pair::from_string(secret, None).map_err(|_| Error::BadSecret)
}

/// The account id of this wallet.
pub fn account_id(wallet: &Wallet) -> Result<rupee_runtime::AccountId, Error> {
	Ok(account(wallet)?.public().into())
}

/// Generate this wallet's device key if it has none.
pub fn ensure_device(wallet: &mut Wallet) -> Result<sr25519::Public, Error> {
	if wallet.state.device_seed.is_none() {
		let (_, seed) = sr25519::Pair::generate();
		wallet.state.device_seed = Some(hex(&seed));
		wallet.save()?;
	}
	Ok(device(wallet)?.public())
}

/// This wallet's own purse certificate as of its last sync.
pub fn own_certificate(wallet: &Wallet) -> Result<PurseCertificate, Error> {
	let text = wallet.state.certificate.as_deref().ok_or(Error::NoPurse)?;
	PurseCertificate::from_text(text)
		.map_err(|error| Error::Codec("purse certificate".into(), error))
}

/// What the purse can still pay offline: the certified escrow less the vouchers signed and not
/// known to be redeemed.
pub fn spendable(wallet: &Wallet) -> Result<Balance, Error> {
	let certificate = own_certificate(wallet)?;
	let outstanding: Balance =
		wallet.state.sent.iter().filter(|sent| !sent.redeemed).map(|sent| sent.amount).sum();
	Ok(certificate.escrow.saturating_sub(outstanding))
}

/// Sign a voucher paying `payee` `amount` from this wallet's purse. The counter is persisted
/// before the voucher exists, and the voucher is recorded before it is returned.
pub fn pay(
	wallet: &mut Wallet,
	payee: [u8; 32],
	amount: Balance,
	now: u64,
) -> Result<Voucher, Error> {
	let device = device(wallet)?;
	let certificate = own_certificate(wallet)?;
	let refuse = |error| Err(Error::Pay(error));
	if amount == 0 {
		return refuse(PayError::ZeroAmount);
	}
	if payee == certificate.owner {
		return refuse(PayError::PaysOwner);
	}
	if amount < rupee_primitives::voucher::MIN_VOUCHER_AMOUNT {
		return refuse(PayError::BelowMinimum);
	}
	if amount > certificate.voucher_cap {
		return refuse(PayError::OverVoucherCap { cap: certificate.voucher_cap });
	}
	if now > certificate.expires_at {
		return refuse(PayError::PurseExpired);
	}
	let left = spendable(wallet)?;
	if amount > left {
		return refuse(PayError::InsufficientPurse { left });
	}
	let counter = wallet.reserve_counter()?;
	let voucher = Voucher::sign(
		VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: certificate.genesis_hash,
			device_key: device.public().0,
			counter,
			payee,
			amount,
			issued_at: now,
		},
		&device,
	);
	wallet.state.sent.push(SentVoucher {
		voucher: voucher.to_text(),
		counter,
		payee: hex(&payee),
		amount,
		redeemed: false,
	});
	wallet.save()?;
	Ok(voucher)
}

/// Check `voucher` offline as its payee `me` and keep it for redemption. `certificate` is the
/// payer's (needed the first time a purse pays this wallet). Nothing is stored if it fails.
pub fn receive(
	wallet: &mut Wallet,
	voucher: &Voucher,
	certificate: Option<&PurseCertificate>,
	me: [u8; 32],
	now: u64,
) -> Result<(), Error> {
	let reject = |error| Err(Error::Receive(error));
	let body = &voucher.body;
	let genesis = wallet.state.genesis_hash.as_deref().and_then(bytes32).ok_or(Error::NotSynced)?;
	if body.version != VOUCHER_VERSION {
		return reject(ReceiveError::UnsupportedVersion);
	}
	if body.genesis_hash != genesis {
		return reject(ReceiveError::WrongChain);
	}
	if !voucher.signature_is_valid() {
		return reject(ReceiveError::BadSignature);
	}
	if body.payee != me {
		return reject(ReceiveError::NotForMe);
	}
	let device_key = hex(&body.device_key);
	let known = wallet.state.peers.get(&device_key).cloned();
	let certificate = match (certificate, &known) {
		(Some(certificate), _) => certificate.clone(),
		(None, Some(peer)) => PurseCertificate::from_text(&peer.certificate)
			.map_err(|error| Error::Codec("purse certificate".into(), error))?,
		(None, None) => return reject(ReceiveError::NoCertificate),
	};
	if certificate.device_key != body.device_key || certificate.genesis_hash != genesis {
		return reject(ReceiveError::CertificateMismatch);
	}
	if wallet.state.revoked.contains(&device_key) {
		return reject(ReceiveError::Revoked);
	}
	if body.amount == 0 {
		return reject(ReceiveError::ZeroAmount);
	}
	if body.amount < rupee_primitives::voucher::MIN_VOUCHER_AMOUNT {
		return reject(ReceiveError::BelowMinimum);
	}
	if body.counter >= rupee_primitives::voucher::MAX_VOUCHERS_PER_PURSE {
		return reject(ReceiveError::CounterTooHigh);
	}
	if body.amount > certificate.voucher_cap {
		return reject(ReceiveError::OverVoucherCap { cap: certificate.voucher_cap });
	}
	if now > certificate.expires_at || body.issued_at > certificate.expires_at {
		return reject(ReceiveError::Expired);
	}
	let mut peer = known.unwrap_or_default();
	if peer.counters.contains(&body.counter) {
		return reject(ReceiveError::CounterSeen { counter: body.counter });
	}
	let received = peer.total.saturating_add(body.amount);
	if received > certificate.escrow {
		return reject(ReceiveError::OverEscrow { escrow: certificate.escrow, received });
	}
	peer.certificate = certificate.to_text();
	peer.counters.insert(body.counter);
	peer.total = received;
	wallet.state.peers.insert(device_key.clone(), peer);
	wallet.state.received.push(ReceivedVoucher {
		voucher: voucher.to_text(),
		device_key,
		counter: body.counter,
		amount: body.amount,
		received_at: now,
		status: ReceivedStatus::Pending,
	});
	wallet.save()
}

/// Received vouchers the next `redeem` submits: pending ones and those refused for a reason
/// that may pass.
pub fn redeemable(wallet: &Wallet) -> Vec<Voucher> {
	wallet
		.state
		.received
		.iter()
		.filter(|received| match &received.status {
			ReceivedStatus::Pending => true,
			ReceivedStatus::Refused { retryable, .. } => *retryable,
			_ => false,
		})
		.filter_map(|received| Voucher::from_text(&received.voucher).ok())
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	const GENESIS: [u8; 32] = [5; 32];
	const NOW: u64 = 1_800_000_000_000;
	const PAYEE: [u8; 32] = [9; 32];

	fn payer_wallet(dir: &std::path::Path, escrow: Balance) -> Wallet {
		let mut wallet = Wallet::open(dir).unwrap();
		let device = ensure_device(&mut wallet).unwrap();
		wallet.state.genesis_hash = Some(hex(&GENESIS));
		wallet.state.certificate = Some(
			PurseCertificate {
				version: VOUCHER_VERSION,
				genesis_hash: GENESIS,
				device_key: device.0,
				owner: [1; 32],
				escrow,
				voucher_cap: 100_000,
				expires_at: NOW + 1_000,
				synced_block: 10,
			}
			.to_text(),
		);
		wallet.save().unwrap();
		wallet
	}

	fn payee_wallet(dir: &std::path::Path) -> Wallet {
		let mut wallet = Wallet::open(dir).unwrap();
		wallet.state.genesis_hash = Some(hex(&GENESIS));
		wallet
	}

	#[test]
	fn a_voucher_signed_offline_is_accepted_offline_once() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let certificate = own_certificate(&payer).unwrap();
		let voucher = pay(&mut payer, PAYEE, 60_000, NOW).unwrap();
		assert_eq!(voucher.body.counter, 0);
		assert_eq!(spendable(&payer).unwrap(), 90_000);

		let mut payee = payee_wallet(payee_dir.path());
		receive(&mut payee, &voucher, Some(&certificate), PAYEE, NOW).unwrap();
		assert_eq!(redeemable(&payee), vec![voucher.clone()]);
		// The same voucher again, even with another signature of the same body: refused.
		assert_eq!(
			receive(&mut payee, &voucher, None, PAYEE, NOW),
			Err(Error::Receive(ReceiveError::CounterSeen { counter: 0 }))
		);
		// The next one needs no certificate: the wallet kept it.
		let second = pay(&mut payer, PAYEE, 60_000, NOW).unwrap();
		receive(&mut payee, &second, None, PAYEE, NOW).unwrap();
		assert_eq!(redeemable(&payee).len(), 2);
	}

	#[test]
	fn the_payer_wallet_refuses_what_the_purse_cannot_pay() {
		let dir = tempfile::tempdir().unwrap();
		let mut payer = payer_wallet(dir.path(), 150_000);
		let refused =
			|wallet: &mut Wallet, payee, amount, now| match pay(wallet, payee, amount, now) {
				Err(Error::Pay(error)) => error,
				other => panic!("expected a refusal, got {other:?}"),
			};
		assert_eq!(refused(&mut payer, PAYEE, 0, NOW), PayError::ZeroAmount);
		assert_eq!(
			refused(&mut payer, PAYEE, 100_001, NOW),
			PayError::OverVoucherCap { cap: 100_000 }
		);
		assert_eq!(refused(&mut payer, [1; 32], 100, NOW), PayError::PaysOwner);
		assert_eq!(refused(&mut payer, PAYEE, 99, NOW), PayError::BelowMinimum);
		assert_eq!(refused(&mut payer, PAYEE, 100, NOW + 1_001), PayError::PurseExpired);
		pay(&mut payer, PAYEE, 100_000, NOW).unwrap();
		assert_eq!(
			refused(&mut payer, PAYEE, 50_001, NOW),
			PayError::InsufficientPurse { left: 50_000 }
		);
		// Refusals used no counter.
		assert_eq!(payer.state.next_counter, 1);
	}

	#[test]
	fn the_payee_wallet_checks_everything_offline() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let certificate = own_certificate(&payer).unwrap();
		let good = pay(&mut payer, PAYEE, 100_000, NOW).unwrap();
		let mut payee = payee_wallet(payee_dir.path());
		let rejected = |wallet: &mut Wallet,
		                voucher: &Voucher,
		                certificate: Option<&PurseCertificate>,
		                me,
		                now| {
			match receive(wallet, voucher, certificate, me, now) {
				Err(Error::Receive(error)) => error,
				other => panic!("expected a rejection, got {other:?}"),
			}
		};
		let c = Some(&certificate);
		assert_eq!(rejected(&mut payee, &good, c, [8; 32], NOW), ReceiveError::NotForMe);
		assert_eq!(rejected(&mut payee, &good, None, PAYEE, NOW), ReceiveError::NoCertificate);
		assert_eq!(rejected(&mut payee, &good, c, PAYEE, NOW + 1_001), ReceiveError::Expired);
		let mut tampered = good.clone();
		tampered.body.amount = 1;
		assert_eq!(rejected(&mut payee, &tampered, c, PAYEE, NOW), ReceiveError::BadSignature);
		let mut other_device = certificate.clone();
		other_device.device_key = [4; 32];
		assert_eq!(
			rejected(&mut payee, &good, Some(&other_device), PAYEE, NOW),
			ReceiveError::CertificateMismatch
		);
		payee.state.genesis_hash = Some(hex(&[6; 32]));
		assert_eq!(rejected(&mut payee, &good, c, PAYEE, NOW), ReceiveError::WrongChain);
		payee.state.genesis_hash = Some(hex(&GENESIS));
		payee.state.revoked.insert(hex(&certificate.device_key));
		assert_eq!(rejected(&mut payee, &good, c, PAYEE, NOW), ReceiveError::Revoked);
		payee.state.revoked.clear();
		receive(&mut payee, &good, c, PAYEE, NOW).unwrap();
		// A dishonest payer signs beyond its escrow with a fresh counter (its wallet would not,
		// so the state is edited): the running total catches it.
		payer.state.sent.clear();
		let over = pay(&mut payer, PAYEE, 60_000, NOW).unwrap();
		assert_eq!(
			rejected(&mut payee, &over, None, PAYEE, NOW),
			ReceiveError::OverEscrow { escrow: 150_000, received: 160_000 }
		);
		// Nothing of the rejected vouchers was stored.
		assert_eq!(payee.state.received.len(), 1);
		let unsynced_dir = tempfile::tempdir().unwrap();
		let mut unsynced = Wallet::open(unsynced_dir.path()).unwrap();
		assert_eq!(receive(&mut unsynced, &good, c, PAYEE, NOW), Err(Error::NotSynced));
	}
}
