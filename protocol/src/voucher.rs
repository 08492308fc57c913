//! The offline voucher, version 1: what a payer's device signs with no network, what the
//! payee's wallet checks, and what the chain redeems later.
//!
//! * Signed payload: [`VOUCHER_DOMAIN`] followed by the SCALE encoding of [`VoucherBody`], so a
//!   voucher signature can never be confused with a transaction or any other signed message,
//!   and the genesis hash inside ties it to one chain.
//! * Binary form: SCALE of [`Voucher`] (body + 64-byte sr25519 signature): 176 bytes for any
//!   voucher whose amount and counter are below 2^30 (10.7 million PKR, a billion payments)
//!   signed this century.
//! * Text form: `RPV1` + RFC 4648 base32 (no padding) of the binary form followed by a 4-byte
//!   BLAKE2 checksum. Only `A-Z2-7`, a QR code's alphanumeric mode: 292 characters for such a
//!   voucher, which one version-10 QR code holds at error-correction level M (311).
//!
//! Decoding untrusted bytes or text never panics: every failure is a [`VoucherCodecError`].

use crate::{crypto, Balance};
use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Domain-separation tag in front of every voucher signature.
pub const VOUCHER_DOMAIN: &[u8] = b"rupee/voucher/v1";

/// The format version this code writes and reads.
pub const VOUCHER_VERSION: u8 = 1;

/// The smallest amount a voucher may pay (one rupee, in paisa): the chain stores each
/// redemption until its purse is settled, so a voucher must be worth the space.
pub const MIN_VOUCHER_AMOUNT: crate::Balance = 100;

/// Counters a purse may use: a voucher's counter is below this. A wallet then starts a new
/// purse with a new device key.
pub const MAX_VOUCHERS_PER_PURSE: u64 = 4_096;

/// Prefix of the text form.
pub const TEXT_PREFIX: &str = "RPV1";

/// Bytes of checksum at the end of the text form.
const CHECKSUM_LEN: usize = 4;

/// What the payer's device signs.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct VoucherBody {
	/// Always [`VOUCHER_VERSION`] for this format.
	pub version: u8,
	/// Genesis hash of the chain the voucher is for.
	pub genesis_hash: [u8; 32],
	/// The purse's device key (sr25519 public key) that signs.
	pub device_key: [u8; 32],
	/// Strictly increasing per device: `(device_key, counter)` pays at most once.
	#[codec(compact)]
	pub counter: u64,
	/// The one account this voucher pays (it cannot be passed on).
	pub payee: [u8; 32],
	/// Amount in paisa.
	#[codec(compact)]
	pub amount: Balance,
	/// When the payer's device signed it, ms since the epoch (the device's clock).
	#[codec(compact)]
	pub issued_at: u64,
}

/// A signed voucher.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct Voucher {
	pub body: VoucherBody,
	/// sr25519 signature of [`VoucherBody::signing_payload`] by `body.device_key`.
	pub signature: [u8; 64],
}

/// Why bytes or text are not a voucher.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum VoucherCodecError {
	/// The bytes are not a SCALE-encoded voucher (or have bytes left over).
	Malformed,
	/// A version this code does not read.
	UnsupportedVersion,
	/// The text does not start with [`TEXT_PREFIX`].
	NotAVoucher,
	/// A character outside `A-Z2-7`, or a length no encoding produces.
	BadCharacter,
	/// The checksum does not match: the text was mistyped or damaged.
	BadChecksum,
}

impl VoucherBody {
	/// The exact bytes the device signs: the domain tag, then the SCALE-encoded body.
	pub fn signing_payload(&self) -> Vec<u8> {
		let mut payload = Vec::with_capacity(VOUCHER_DOMAIN.len() + self.encoded_size());
		payload.extend_from_slice(VOUCHER_DOMAIN);
		self.encode_to(&mut payload);
		payload
	}
}

impl Voucher {
	/// Sign `body` with the device's key pair.
	#[cfg(feature = "full-crypto")]
	pub fn sign(body: VoucherBody, device: &sp_core::sr25519::Pair) -> Self {
		use sp_core::Pair;
		let signature = device.sign(&body.signing_payload());
		Self { body, signature: signature.0 }
	}

	/// Whether the signature is the device key's over this body (domain tag included).
	pub fn signature_is_valid(&self) -> bool {
		crypto::sr25519_verify(&self.signature, &self.body.signing_payload(), &self.body.device_key)
	}

	/// The binary form.
	pub fn to_bytes(&self) -> Vec<u8> {
		self.encode()
	}

	/// Read the binary form; every byte must be used.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, VoucherCodecError> {
		let mut input = bytes;
		let voucher = Voucher::decode(&mut input).map_err(|_| VoucherCodecError::Malformed)?;
		if !input.is_empty() {
			return Err(VoucherCodecError::Malformed);
		}
		if voucher.body.version != VOUCHER_VERSION {
			return Err(VoucherCodecError::UnsupportedVersion);
		}
		Ok(voucher)
	}

	/// The checksummed text form.
	pub fn to_text(&self) -> String {
		encode_text(TEXT_PREFIX, &self.to_bytes())
	}

	/// Read the text form (surrounding whitespace and lower case are accepted).
	pub fn from_text(text: &str) -> Result<Self, VoucherCodecError> {
		Self::from_bytes(&decode_text(TEXT_PREFIX, text)?)
	}
}

/// Prefix of a purse certificate's text form.
pub const CERTIFICATE_PREFIX: &str = "RPC1";

/// A payer's purse as of its last sync, which travels with its vouchers so a payee can check
/// them offline. Version 1 trusts it within the per-voucher cap (DESIGN.md §5); a later version
/// adds a storage proof against a finalized header, so it is versioned.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PurseCertificate {
	/// Always [`VOUCHER_VERSION`] for this format.
	pub version: u8,
	pub genesis_hash: [u8; 32],
	pub device_key: [u8; 32],
	/// The purse owner's account.
	pub owner: [u8; 32],
	/// Escrow on chain at the sync, in paisa.
	#[codec(compact)]
	pub escrow: Balance,
	/// Most one voucher may pay, in paisa.
	#[codec(compact)]
	pub voucher_cap: Balance,
	/// Vouchers issued after this (ms since the epoch) are refused.
	#[codec(compact)]
	pub expires_at: u64,
	/// The block the payer's wallet read the purse at.
	#[codec(compact)]
	pub synced_block: u32,
}

impl PurseCertificate {
	/// The checksummed text form: `RPC1` + base32.
	pub fn to_text(&self) -> String {
		encode_text(CERTIFICATE_PREFIX, &self.encode())
	}

	/// Read the text form; never panics.
	pub fn from_text(text: &str) -> Result<Self, VoucherCodecError> {
		let bytes = decode_text(CERTIFICATE_PREFIX, text)?;
		let mut input = &bytes[..];
		let certificate = Self::decode(&mut input).map_err(|_| VoucherCodecError::Malformed)?;
		if !input.is_empty() {
			return Err(VoucherCodecError::Malformed);
		}
		if certificate.version != VOUCHER_VERSION {
			return Err(VoucherCodecError::UnsupportedVersion);
		}
		Ok(certificate)
	}
}

/// `prefix` + base32 of `bytes` followed by their checksum.
pub(crate) fn encode_text(prefix: &str, bytes: &[u8]) -> String {
	let mut with_sum = bytes.to_vec();
	with_sum.extend_from_slice(&checksum(bytes));
	let mut text = String::from(prefix);
	text.push_str(&base32_encode(&with_sum));
	text
}

/// The bytes inside a text form with `prefix`, checksum verified.
pub(crate) fn decode_text(prefix: &str, text: &str) -> Result<Vec<u8>, VoucherCodecError> {
	let text = text.trim();
	let body = text
		.get(..prefix.len())
		.filter(|found| found.eq_ignore_ascii_case(prefix))
		.map(|_| &text[prefix.len()..])
		.ok_or(VoucherCodecError::NotAVoucher)?;
	let mut bytes = base32_decode(body).ok_or(VoucherCodecError::BadCharacter)?;
	if bytes.len() < CHECKSUM_LEN {
		return Err(VoucherCodecError::Malformed);
	}
	let sum = bytes.split_off(bytes.len() - CHECKSUM_LEN);
	if checksum(&bytes) != sum[..] {
		return Err(VoucherCodecError::BadChecksum);
	}
	Ok(bytes)
}

fn checksum(bytes: &[u8]) -> [u8; CHECKSUM_LEN] {
	let mut input = Vec::with_capacity(VOUCHER_DOMAIN.len() + bytes.len());
	input.extend_from_slice(VOUCHER_DOMAIN);
	input.extend_from_slice(bytes);
	let hash = sp_crypto_hashing::blake2_256(&input);
	let mut sum = [0u8; CHECKSUM_LEN];
	sum.copy_from_slice(&hash[..CHECKSUM_LEN]);
	sum
}

const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn base32_encode(bytes: &[u8]) -> String {
	let mut out = String::with_capacity((bytes.len() * 8).div_ceil(5));
	let (mut buffer, mut bits) = (0u32, 0u32);
	for byte in bytes {
		buffer = (buffer << 8) | u32::from(*byte);
		bits += 8;
		while bits >= 5 {
			bits -= 5;
			out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
		}
	}
	if bits > 0 {
		out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
	}
	out
}

fn base32_decode(text: &str) -> Option<Vec<u8>> {
	let mut out = Vec::with_capacity(text.len() * 5 / 8);
	let (mut buffer, mut bits) = (0u32, 0u32);
	for c in text.bytes() {
		let value = match c.to_ascii_uppercase() {
			c @ b'A'..=b'Z' => c - b'A',
			c @ b'2'..=b'7' => c - b'2' + 26,
			_ => return None,
		};
		buffer = ((buffer << 5) | u32::from(value)) & 0xFFFF;
		bits += 5;
		if bits >= 8 {
			bits -= 8;
			out.push((buffer >> bits) as u8);
		}
	}
	// Leftover bits must be zero padding of fewer than 5 bits.
	if bits >= 5 || (buffer & ((1 << bits) - 1)) != 0 {
		return None;
	}
	Some(out)
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;
	use sp_core::{sr25519, Pair};

	fn device() -> sr25519::Pair {
		sr25519::Pair::from_string("//Device", None).unwrap()
	}

	fn body() -> VoucherBody {
		VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: [7; 32],
			device_key: device().public().0,
			counter: 42,
			payee: [9; 32],
			amount: 123_456,
			issued_at: 1_795_800_000_000,
		}
	}

	fn certificate() -> PurseCertificate {
		PurseCertificate {
			version: VOUCHER_VERSION,
			genesis_hash: [7; 32],
			device_key: device().public().0,
			owner: [3; 32],
			escrow: 500_000,
			voucher_cap: 100_000,
			expires_at: 1_795_800_000_000,
			synced_block: 1_234,
		}
	}

	#[test]
	fn a_certificate_round_trips_and_damage_is_caught() {
		let text = certificate().to_text();
		assert!(text.starts_with(CERTIFICATE_PREFIX));
		assert_eq!(PurseCertificate::from_text(&text), Ok(certificate()));
		assert_eq!(
			PurseCertificate::from_text(&certificate().to_text().to_lowercase()),
			Ok(certificate())
		);
		// A voucher is not a certificate, and a changed character breaks the checksum.
		let voucher_text = Voucher::sign(body(), &device()).to_text();
		assert_eq!(PurseCertificate::from_text(&voucher_text), Err(VoucherCodecError::NotAVoucher));
		let mut damaged = text.into_bytes();
		let last = damaged.len() - 3;
		damaged[last] = if damaged[last] == b'A' { b'B' } else { b'A' };
		assert_eq!(
			PurseCertificate::from_text(core::str::from_utf8(&damaged).unwrap()),
			Err(VoucherCodecError::BadChecksum)
		);
	}

	#[test]
	fn a_signed_voucher_verifies_and_round_trips_through_bytes_and_text() {
		let voucher = Voucher::sign(body(), &device());
		assert!(voucher.signature_is_valid());
		assert_eq!(Voucher::from_bytes(&voucher.to_bytes()), Ok(voucher.clone()));
		let text = voucher.to_text();
		assert!(text.starts_with(TEXT_PREFIX));
		assert!(text
			.bytes()
			.all(|c| c.is_ascii_uppercase() || (b'2'..=b'7').contains(&c) || c == b'1'));
		// The largest realistic voucher: one QR code (version 10, level M) holds 311
		// alphanumeric characters.
		let largest = VoucherBody { counter: (1 << 30) - 1, amount: (1 << 30) - 1, ..body() };
		let largest = Voucher::sign(largest, &device());
		assert_eq!(largest.to_bytes().len(), 176);
		assert_eq!(largest.to_text().len(), 292);
		assert_eq!(Voucher::from_text(&text), Ok(voucher.clone()));
		assert_eq!(Voucher::from_text(&format!("  {}\n", text.to_lowercase())), Ok(voucher));
	}

	#[test]
	fn any_change_to_the_body_breaks_the_signature() {
		let voucher = Voucher::sign(body(), &device());
		let mut changed = voucher.clone();
		changed.body.amount += 1;
		assert!(!changed.signature_is_valid());
		let mut other_chain = voucher.clone();
		other_chain.body.genesis_hash = [8; 32];
		assert!(!other_chain.signature_is_valid());
		// A signature over the body without the domain tag is not a voucher signature.
		let untagged = Voucher { body: body(), signature: device().sign(&body().encode()).0 };
		assert!(!untagged.signature_is_valid());
	}

	#[test]
	fn damaged_text_is_refused_with_its_reason() {
		let text = Voucher::sign(body(), &device()).to_text();
		assert_eq!(Voucher::from_text("hello"), Err(VoucherCodecError::NotAVoucher));
		assert_eq!(Voucher::from_text(&format!("{text}!")), Err(VoucherCodecError::BadCharacter));
		let mut typo = text.clone().into_bytes();
		let i = TEXT_PREFIX.len() + 10;
		typo[i] = if typo[i] == b'A' { b'B' } else { b'A' };
		assert_eq!(
			Voucher::from_text(core::str::from_utf8(&typo).unwrap()),
			Err(VoucherCodecError::BadChecksum)
		);
	}

	#[test]
	fn other_versions_and_trailing_bytes_are_refused() {
		let mut voucher = Voucher::sign(body(), &device());
		let mut bytes = voucher.to_bytes();
		bytes.push(0);
		assert_eq!(Voucher::from_bytes(&bytes), Err(VoucherCodecError::Malformed));
		voucher.body.version = 2;
		assert_eq!(
			Voucher::from_bytes(&voucher.to_bytes()),
			Err(VoucherCodecError::UnsupportedVersion)
		);
	}

	proptest! {
		#[test]
		fn any_bytes_decode_to_a_voucher_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
			let _ = Voucher::from_bytes(&bytes);
		}

		#[test]
		fn any_text_decodes_to_a_voucher_or_an_error(text in ".{0,400}") {
			let _ = Voucher::from_text(&text);
			let _ = Voucher::from_text(&format!("{TEXT_PREFIX}{text}"));
		}

		#[test]
		fn base32_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
			prop_assert_eq!(base32_decode(&base32_encode(&bytes)), Some(bytes));
		}

		#[test]
		fn every_voucher_round_trips(counter in any::<u64>(), amount in any::<u128>(), issued_at in any::<u64>(), payee in any::<[u8; 32]>()) {
			let body = VoucherBody { counter, amount, issued_at, payee, ..body() };
			let voucher = Voucher::sign(body, &device());
			prop_assert!(voucher.signature_is_valid());
			prop_assert_eq!(Voucher::from_text(&voucher.to_text()), Ok(voucher));
		}

		#[test]
		fn any_text_is_a_certificate_or_an_error(text in ".{0,200}") {
			let _ = PurseCertificate::from_text(&text);
			let _ = PurseCertificate::from_text(&format!("RPC1{text}"));
		}
	}
}
