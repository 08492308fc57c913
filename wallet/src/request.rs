//! What a payee shows a payer before a payment, and gives back after it:
//! - a **payment request**, `rupee:<address>?amount=1250.50&ref=INV-42`, shown as a QR code:
//!   `pay --request` takes the payee and the amount from it, so nothing is typed;
//! - a **receipt**, `RPRC` + hex: the payee's account signs the hash of the voucher it
//!   accepted, and the payer's wallet checks and keeps it (proof the payee took the voucher).

use rupee_primitives::Balance;

pub use rupee_wallet_core::receipt::{keep as keep_receipt, voucher_hash, NotAReceipt, Receipt};

use crate::{
	amount::{format_amount, parse_amount},
	error::Error,
	online::{address, parse_account},
};

/// The scheme of a payment request.
const SCHEME: &str = "rupee:";
/// Longest reference a request carries.
pub const MAX_REFERENCE: usize = 64;

/// A payee's request: pay `amount` to `to`, for `reference`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRequest {
	pub to: crate::chain::AccountId,
	pub amount: Balance,
	pub reference: Option<String>,
}

fn bad(text: &str, why: &str) -> Error {
	Error::BadInput(format!("not a payment request ({why}): {text}"))
}

/// Whether `reference` may go into a request: letters, digits and `-_./#:`, at most
/// [`MAX_REFERENCE`] characters.
pub fn check_reference(reference: &str) -> Result<(), Error> {
	let allowed = |c: char| c.is_ascii_alphanumeric() || "-_./#:".contains(c);
	if reference.is_empty() || reference.len() > MAX_REFERENCE || !reference.chars().all(allowed) {
		return Err(Error::BadInput(format!(
			"a reference is 1 to {MAX_REFERENCE} letters, digits or -_./#: (e.g. INV-42): {reference}"
		)));
	}
	Ok(())
}

impl PaymentRequest {
	/// `rupee:<address>?amount=<rupees>[&ref=<reference>]`.
	pub fn to_text(&self) -> String {
		let rupees = format_amount(self.amount).replace(',', "");
		let rupees = rupees.trim_end_matches(" PKR");
		let mut text = format!("{SCHEME}{}?amount={rupees}", address(&self.to));
		if let Some(reference) = &self.reference {
			text.push_str(&format!("&ref={reference}"));
		}
		text
	}

	/// Read a request, checking every part: the address, a positive amount, the reference.
	pub fn from_text(text: &str) -> Result<Self, Error> {
		let text = text.trim();
		let rest =
			text.strip_prefix(SCHEME).ok_or_else(|| bad(text, "it must start with rupee:"))?;
		let (who, query) = rest.split_once('?').ok_or_else(|| bad(text, "no amount"))?;
		let who = who.trim();
		// An address only: development names (`//Alice`) have public keys anyone holds.
		if who.starts_with("//") {
			return Err(bad(text, "the address is not valid"));
		}
		let to = parse_account(who).map_err(|_| bad(text, "the address is not valid"))?;
		let (mut amount, mut reference) = (None, None);
		for pair in query.split('&') {
			match pair.split_once('=') {
				Some(("amount", value)) if amount.is_none() => {
					amount = Some(
						parse_amount(value)
							.map_err(|error| bad(text, &format!("amount: {error}")))?,
					)
				},
				Some(("ref", value)) if reference.is_none() => {
					check_reference(value)?;
					reference = Some(value.to_string());
				},
				_ => return Err(bad(text, &format!("unexpected {pair:?}"))),
			}
		}
		let amount = amount.ok_or_else(|| bad(text, "no amount"))?;
		if amount == 0 {
			return Err(bad(text, "the amount is zero"));
		}
		Ok(Self { to, amount, reference })
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use rupee_primitives::voucher::{Voucher, VoucherBody, VOUCHER_VERSION};
	use sp_core::{sr25519, Pair};

	fn ferdie() -> sr25519::Pair {
		sr25519::Pair::from_string("//Ferdie", None).unwrap()
	}

	#[test]
	fn a_request_round_trips_and_bad_ones_say_why() {
		let request = PaymentRequest {
			to: ferdie().public().into(),
			amount: 125_050,
			reference: Some("INV-42".into()),
		};
		let text = request.to_text();
		assert!(
			text.starts_with("rupee:") && text.ends_with("?amount=1250.50&ref=INV-42"),
			"{text}"
		);
		assert_eq!(PaymentRequest::from_text(&text).unwrap(), request);
		let without = PaymentRequest { reference: None, ..request.clone() };
		assert_eq!(PaymentRequest::from_text(&without.to_text()).unwrap(), without);
		for (bad_text, why) in [
			("bitcoin:abc?amount=1", "start with rupee:"),
			("rupee:nobody?amount=1", "address"),
			("rupee://Alice?amount=1", "address"),
			("rupee: //Alice?amount=1", "address"),
			(&text.replace("1250.50", "0"), "zero"),
			(&text.replace("1250.50", "1.234"), "amount"),
			(&text.replace("INV-42", "a b"), "reference"),
			(&format!("{text}&amount=2"), "unexpected"),
		] {
			let error = PaymentRequest::from_text(bad_text).unwrap_err().to_string();
			assert!(error.contains(why), "{bad_text}: {error}");
		}
	}

	#[test]
	fn a_receipt_verifies_only_for_its_voucher_and_payee() {
		let device = sr25519::Pair::from_string("//Device", None).unwrap();
		let body = VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: [1; 32],
			device_key: device.public().0,
			counter: 3,
			payee: ferdie().public().0,
			amount: 500,
			issued_at: 1,
		};
		let voucher = Voucher::sign(body.clone(), &device);
		let receipt = Receipt::sign(&voucher, &ferdie());
		assert!(receipt.verify(&voucher));
		let text = receipt.to_text();
		assert_eq!(Receipt::from_text(&text).unwrap(), receipt);
		// Another voucher, another signer, a damaged text.
		let other = Voucher::sign(VoucherBody { counter: 4, ..body }, &device);
		assert!(!receipt.verify(&other));
		let impostor = Receipt::sign(&voucher, &sr25519::Pair::from_string("//Eve", None).unwrap());
		assert!(!impostor.verify(&voucher));
		assert!(Receipt::from_text(&text[..text.len() - 2]).is_err());
	}
}
