//! A payee's receipt, `RPRC` + hex: the payee's account signs the hash of the voucher it
//! accepted, and the payer's wallet checks and keeps it (proof the payee took the voucher).

use codec::{Decode, Encode};
use rupee_protocol::{
	hex::{decode as unhex, encode as hex},
	voucher::Voucher,
};
use sp_core::{sr25519, Pair};

/// What a receipt's signature covers, before the voucher's hash.
const RECEIPT_DOMAIN: &[u8] = b"rupee/receipt/v1";
/// The text form's prefix.
const RECEIPT_PREFIX: &str = "RPRC";

/// A text that is not a receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAReceipt(pub String);

impl std::fmt::Display for NotAReceipt {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(f, "not a receipt (they start with RPRC): {}", self.0)
	}
}

impl std::error::Error for NotAReceipt {}

/// A payee's signed word that it accepted a voucher.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode)]
pub struct Receipt {
	/// BLAKE2-256 of the voucher's encoding.
	pub voucher_hash: [u8; 32],
	/// The payee's account (the voucher's payee).
	pub payee: [u8; 32],
	pub signature: [u8; 64],
}

/// The hash a receipt names: BLAKE2-256 of the voucher's encoding.
pub fn voucher_hash(voucher: &Voucher) -> [u8; 32] {
	sp_crypto_hashing::blake2_256(&voucher.encode())
}

fn receipt_payload(voucher_hash: &[u8; 32]) -> Vec<u8> {
	[RECEIPT_DOMAIN, &voucher_hash[..]].concat()
}

impl Receipt {
	/// The payee (`account`) signs its receipt for `voucher`.
	pub fn sign(voucher: &Voucher, account: &sr25519::Pair) -> Self {
		let voucher_hash = voucher_hash(voucher);
		Self {
			voucher_hash,
			payee: account.public().0,
			signature: account.sign(&receipt_payload(&voucher_hash)).0,
		}
	}

	/// Whether this receipt is `voucher`'s payee's, for `voucher`.
	pub fn verify(&self, voucher: &Voucher) -> bool {
		self.voucher_hash == voucher_hash(voucher)
			&& self.payee == voucher.body.payee
			&& sr25519::Pair::verify(
				&sr25519::Signature::from_raw(self.signature),
				receipt_payload(&self.voucher_hash),
				&sr25519::Public::from_raw(self.payee),
			)
	}

	pub fn to_text(&self) -> String {
		format!("{RECEIPT_PREFIX}{}", hex(&self.encode()).trim_start_matches("0x"))
	}

	pub fn from_text(text: &str) -> Result<Self, NotAReceipt> {
		let text = text.trim();
		let not_one = || NotAReceipt(text.to_string());
		let body = text.strip_prefix(RECEIPT_PREFIX).ok_or_else(not_one)?;
		let bytes = unhex(&format!("0x{body}")).ok_or_else(not_one)?;
		let mut input = &bytes[..];
		let receipt = Self::decode(&mut input).map_err(|_| not_one())?;
		if !input.is_empty() {
			return Err(not_one());
		}
		Ok(receipt)
	}
}

/// Keep `receipt` with the voucher it acknowledges among the vouchers this wallet paid: the
/// voucher's counter and amount, or `None` (nothing kept) if it is no payee's signature for
/// one of them.
pub fn keep(
	state: &mut crate::state::WalletState,
	receipt: &Receipt,
) -> Option<(u64, rupee_protocol::Balance)> {
	let sent = state.sent.iter_mut().find(|sent| {
		Voucher::from_text(&sent.voucher).is_ok_and(|voucher| receipt.verify(&voucher))
	})?;
	sent.receipt = Some(receipt.to_text());
	Some((sent.counter, sent.amount))
}
