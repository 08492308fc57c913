//! Offline payments, version 2: the purse proof the validators sign and the payment payload
//! (voucher + proof) a payee checks with no network.
//!
//! * **Statement** ([`PurseStatement`]): a purse as the chain recorded it in the block that
//!   funded (or last topped up) it: owner, escrow, per-voucher cap, expiry, that block's number
//!   and time, for one chain.
//! * **Proof** ([`PurseProof`]): the statement signed by more than two thirds (by weight) of the
//!   chain's GRANDPA authority set `set_id`, each with its ed25519 finality key over
//!   [`PROOF_DOMAIN`] ++ SCALE(`set_id`) ++ SCALE(statement). Validators sign only statements
//!   of finalized blocks (the node's attester), so a proof is the chain's word, not the payer's.
//!   The domain tag starts with a byte no GRANDPA vote starts with, so a proof signature can
//!   never be replayed as a vote or the other way round.
//! * **Payment payload** ([`PaymentPayload`]): one voucher and its purse's proof, the one thing
//!   a payer's device shows (one QR code). Binary: SCALE; text: `RPP2` + base32 + checksum.
//!
//! Verification ([`PurseProof::verify`]) needs only the authority sets the payee's wallet synced
//! ([`AttesterSet`]); a proof from a set it does not hold cannot be verified offline.

use crate::{
	crypto,
	voucher::{decode_text, encode_text, Voucher, VoucherCodecError, VOUCHER_VERSION},
	Balance,
};
use alloc::{string::String, vec::Vec};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Domain-separation tag in front of every purse-proof signature.
pub const PROOF_DOMAIN: &[u8] = b"rupee/purse-proof/v2";

/// The payment payload's format version.
pub const PAYLOAD_VERSION: u8 = 2;

/// Prefix of a payment payload's text form.
pub const PAYLOAD_PREFIX: &str = "RPP2";

/// A purse as the chain recorded it when it was funded or last topped up.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct PurseStatement {
	/// Genesis hash of the chain.
	pub genesis_hash: [u8; 32],
	/// The purse's device key, which signs its vouchers.
	pub device_key: [u8; 32],
	/// The permissioned account that funded it.
	pub owner: [u8; 32],
	/// Escrow after that funding, in paisa: what the payee may take from this purse in total.
	#[codec(compact)]
	pub escrow: Balance,
	/// Most one voucher may pay, in paisa.
	#[codec(compact)]
	pub voucher_cap: Balance,
	/// Vouchers issued after this (ms since the epoch) are refused.
	#[codec(compact)]
	pub expires_at: u64,
	/// The block that funded it: the state this statement speaks for.
	#[codec(compact)]
	pub block: u32,
	/// That block's time (ms since the epoch): how old the proof is.
	#[codec(compact)]
	pub funded_at: u64,
}

impl PurseStatement {
	/// The exact bytes each validator signs for authority set `set_id`.
	pub fn signing_payload(&self, set_id: u64) -> Vec<u8> {
		let mut payload = Vec::with_capacity(PROOF_DOMAIN.len() + 8 + self.encoded_size());
		payload.extend_from_slice(PROOF_DOMAIN);
		set_id.encode_to(&mut payload);
		self.encode_to(&mut payload);
		payload
	}
}

/// One validator's signature in a proof: its position in the authority set and the signature.
#[derive(
	Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct AttesterSignature {
	#[codec(compact)]
	pub authority: u32,
	pub signature: [u8; 64],
}

/// A statement with the signatures of more than two thirds of authority set `set_id`.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PurseProof {
	pub statement: PurseStatement,
	/// The GRANDPA authority set whose members signed.
	#[codec(compact)]
	pub set_id: u64,
	/// In increasing authority order, each authority at most once.
	pub signatures: Vec<AttesterSignature>,
}

/// A GRANDPA authority set as a wallet keeps it: its id and each authority's ed25519 key and
/// weight, in the chain's order.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct AttesterSet {
	pub set_id: u64,
	pub authorities: Vec<([u8; 32], u64)>,
}

impl AttesterSet {
	/// Whether `signed` (the summed weight of distinct signers) is more than two thirds.
	pub fn is_supermajority(&self, signed: u64) -> bool {
		let total: u128 = self.authorities.iter().map(|(_, weight)| u128::from(*weight)).sum();
		total > 0 && u128::from(signed) * 3 > total * 2
	}

	/// The most signatures a statement may need to become a proof: the lightest authorities
	/// signing first, until they weigh more than two thirds (0 for an empty set, which never
	/// completes one).
	pub fn signatures_needed(&self) -> u32 {
		let mut weights: Vec<u64> = self.authorities.iter().map(|(_, weight)| *weight).collect();
		weights.sort_unstable();
		let mut signed = 0u64;
		for (count, weight) in weights.into_iter().enumerate() {
			signed = signed.saturating_add(weight);
			if self.is_supermajority(signed) {
				return count as u32 + 1;
			}
		}
		0
	}

	/// Whether `signature` is authority `index`'s over `payload`; its weight if so.
	pub fn check(&self, index: u32, payload: &[u8], signature: &[u8; 64]) -> Option<u64> {
		let (key, weight) = self.authorities.get(index as usize)?;
		crypto::ed25519_verify(signature, payload, key).then_some(*weight)
	}
}

/// Why a proof does not show what it says.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProofError {
	/// Signed by a set the payee's wallet has not synced: it cannot be checked offline.
	UnknownSet(u64),
	/// A signature is not its authority's, an authority is not in the set, or one signs twice.
	BadSignature,
	/// Valid signatures, but not more than two thirds of the set.
	NotEnoughSignatures,
}

impl PurseProof {
	/// Check the signatures against `sets` (the sets the wallet synced, any order).
	pub fn verify(&self, sets: &[AttesterSet]) -> Result<(), ProofError> {
		let set = sets
			.iter()
			.find(|set| set.set_id == self.set_id)
			.ok_or(ProofError::UnknownSet(self.set_id))?;
		let payload = self.statement.signing_payload(self.set_id);
		let mut signed = 0u64;
		let mut last: Option<u32> = None;
		for entry in &self.signatures {
			if last.is_some_and(|last| entry.authority <= last) {
				return Err(ProofError::BadSignature);
			}
			last = Some(entry.authority);
			let weight = set
				.check(entry.authority, &payload, &entry.signature)
				.ok_or(ProofError::BadSignature)?;
			signed = signed.saturating_add(weight);
		}
		if set.is_supermajority(signed) {
			Ok(())
		} else {
			Err(ProofError::NotEnoughSignatures)
		}
	}
}

/// Why a payment payload does not prove its voucher's purse.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PayloadError {
	/// The proof itself does not verify.
	Proof(ProofError),
	/// The proof or the voucher is for another chain than `genesis_hash`.
	WrongChain,
	/// The proof is of another purse than the one that signed the voucher.
	ProofOfAnotherPurse,
}

/// What a payer's device shows a payee: one voucher and its purse's proof.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PaymentPayload {
	/// Always [`PAYLOAD_VERSION`].
	pub version: u8,
	pub voucher: Voucher,
	pub proof: PurseProof,
}

impl PaymentPayload {
	pub fn new(voucher: Voucher, proof: PurseProof) -> Self {
		Self { version: PAYLOAD_VERSION, voucher, proof }
	}

	/// Whether the proof verifies against `sets`, is for the chain `genesis_hash`, and is of
	/// the purse whose device signed the voucher. The voucher's own checks (signature, payee,
	/// amount against the statement) are the wallet's.
	pub fn verify(
		&self,
		sets: &[AttesterSet],
		genesis_hash: &[u8; 32],
	) -> Result<(), PayloadError> {
		let statement = &self.proof.statement;
		if statement.genesis_hash != *genesis_hash
			|| self.voucher.body.genesis_hash != *genesis_hash
		{
			return Err(PayloadError::WrongChain);
		}
		if statement.device_key != self.voucher.body.device_key {
			return Err(PayloadError::ProofOfAnotherPurse);
		}
		self.proof.verify(sets).map_err(PayloadError::Proof)
	}

	/// The binary form (a QR code in byte mode).
	pub fn to_bytes(&self) -> Vec<u8> {
		self.encode()
	}

	/// Read the binary form; every byte must be used. Never panics.
	pub fn from_bytes(bytes: &[u8]) -> Result<Self, VoucherCodecError> {
		let mut input = bytes;
		let payload = Self::decode(&mut input).map_err(|_| VoucherCodecError::Malformed)?;
		if !input.is_empty() {
			return Err(VoucherCodecError::Malformed);
		}
		if payload.version != PAYLOAD_VERSION || payload.voucher.body.version != VOUCHER_VERSION {
			return Err(VoucherCodecError::UnsupportedVersion);
		}
		Ok(payload)
	}

	/// The checksummed text form: `RPP2` + base32 (a QR code in alphanumeric mode).
	pub fn to_text(&self) -> String {
		encode_text(PAYLOAD_PREFIX, &self.to_bytes())
	}

	/// Read the text form (surrounding whitespace and lower case are accepted).
	pub fn from_text(text: &str) -> Result<Self, VoucherCodecError> {
		Self::from_bytes(&decode_text(PAYLOAD_PREFIX, text)?)
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::voucher::VoucherBody;
	use proptest::prelude::*;
	use sp_core::{ed25519, sr25519, Pair};

	/// Four validators, the dev chain's way: `//Alice` … `//Dave`.
	pub fn validators() -> Vec<ed25519::Pair> {
		["//Alice", "//Bob", "//Charlie", "//Dave"]
			.iter()
			.map(|uri| ed25519::Pair::from_string(uri, None).unwrap())
			.collect()
	}

	fn set(set_id: u64) -> AttesterSet {
		AttesterSet {
			set_id,
			authorities: validators().iter().map(|pair| (pair.public().0, 1)).collect(),
		}
	}

	fn device() -> sr25519::Pair {
		sr25519::Pair::from_string("//Device", None).unwrap()
	}

	fn statement() -> PurseStatement {
		PurseStatement {
			genesis_hash: [7; 32],
			device_key: device().public().0,
			owner: [3; 32],
			escrow: 500_000,
			voucher_cap: 100_000,
			expires_at: 1_795_800_000_000,
			block: 1_234,
			funded_at: 1_793_200_000_000,
		}
	}

	fn proof(signers: &[usize], set_id: u64) -> PurseProof {
		let payload = statement().signing_payload(set_id);
		let pairs = validators();
		PurseProof {
			statement: statement(),
			set_id,
			signatures: signers
				.iter()
				.map(|&i| AttesterSignature {
					authority: i as u32,
					signature: pairs[i].sign(&payload).0,
				})
				.collect(),
		}
	}

	fn payload() -> PaymentPayload {
		let body = VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: [7; 32],
			device_key: device().public().0,
			counter: 42,
			payee: [9; 32],
			amount: 123_456,
			issued_at: 1_795_000_000_000,
		};
		PaymentPayload::new(Voucher::sign(body, &device()), proof(&[0, 1, 2], 3))
	}

	#[test]
	fn three_of_four_validators_prove_a_purse() {
		assert_eq!(proof(&[0, 1, 2], 3).verify(&[set(2), set(3)]), Ok(()));
		assert_eq!(proof(&[0, 1, 2, 3], 3).verify(&[set(3)]), Ok(()));
		assert_eq!(proof(&[1, 3], 3).verify(&[set(3)]), Err(ProofError::NotEnoughSignatures));
		assert_eq!(proof(&[], 3).verify(&[set(3)]), Err(ProofError::NotEnoughSignatures));
	}

	#[test]
	fn a_proof_from_an_unknown_set_cannot_be_verified() {
		assert_eq!(proof(&[0, 1, 2], 4).verify(&[set(3)]), Err(ProofError::UnknownSet(4)));
		// Signed for set 3 but claiming set 4 (same keys): the payload differs.
		let mut relabelled = proof(&[0, 1, 2], 3);
		relabelled.set_id = 4;
		assert_eq!(relabelled.verify(&[set(4)]), Err(ProofError::BadSignature));
	}

	#[test]
	fn any_change_to_the_statement_or_signers_is_caught() {
		let mut inflated = proof(&[0, 1, 2], 3);
		inflated.statement.escrow += 1;
		assert_eq!(inflated.verify(&[set(3)]), Err(ProofError::BadSignature));
		let mut later = proof(&[0, 1, 2], 3);
		later.statement.expires_at += 1;
		assert_eq!(later.verify(&[set(3)]), Err(ProofError::BadSignature));
		// One validator counted three times.
		let mut repeated = proof(&[0], 3);
		let once = repeated.signatures[0].clone();
		repeated.signatures = vec![once.clone(), once.clone(), once];
		assert_eq!(repeated.verify(&[set(3)]), Err(ProofError::BadSignature));
		// A signer outside the set.
		let mut outsider = proof(&[0, 1, 2], 3);
		outsider.signatures[2].authority = 9;
		assert_eq!(outsider.verify(&[set(3)]), Err(ProofError::BadSignature));
		// The payer's own signatures (a forged proof) are not the validators'.
		let forger = ed25519::Pair::from_string("//Forger", None).unwrap();
		let mut forged = proof(&[], 3);
		forged.signatures = (0..4)
			.map(|authority| AttesterSignature {
				authority,
				signature: forger.sign(&statement().signing_payload(3)).0,
			})
			.collect();
		assert_eq!(forged.verify(&[set(3)]), Err(ProofError::BadSignature));
	}

	#[test]
	fn a_payload_proves_only_its_own_voucher_on_its_own_chain() {
		let payload = payload();
		assert_eq!(payload.verify(&[set(3)], &[7; 32]), Ok(()));
		assert_eq!(payload.verify(&[set(3)], &[8; 32]), Err(PayloadError::WrongChain));
		assert_eq!(
			payload.verify(&[], &[7; 32]),
			Err(PayloadError::Proof(ProofError::UnknownSet(3)))
		);
		// A rich purse's proof beside another device's voucher.
		let other = sr25519::Pair::from_string("//Other", None).unwrap();
		let mut body = payload.voucher.body.clone();
		body.device_key = other.public().0;
		let borrowed = PaymentPayload::new(Voucher::sign(body, &other), payload.proof.clone());
		assert_eq!(borrowed.verify(&[set(3)], &[7; 32]), Err(PayloadError::ProofOfAnotherPurse));
	}

	#[test]
	fn a_proof_signature_is_never_a_grandpa_vote() {
		// GRANDPA signs SCALE((message, round, set_id)); a message starts with its variant
		// index, 0 to 2. Ours starts with `r`.
		assert!(PROOF_DOMAIN[0] > 2);
		assert_eq!(&statement().signing_payload(3)[..PROOF_DOMAIN.len()], PROOF_DOMAIN);
	}

	#[test]
	fn a_payload_round_trips_and_fits_one_qr_code() {
		let payload = payload();
		let bytes = payload.to_bytes();
		// Voucher 173 + statement 120 + set id 1 + 3 signatures (a length byte, 65 each) + the
		// version: 491 bytes binary.
		assert_eq!(bytes.len(), 491);
		assert_eq!(PaymentPayload::from_bytes(&bytes), Ok(payload.clone()));
		let text = payload.to_text();
		assert!(text.starts_with(PAYLOAD_PREFIX));
		assert_eq!(text.len(), PAYLOAD_PREFIX.len() + ((bytes.len() + 4) * 8).div_ceil(5));
		assert_eq!(PaymentPayload::from_text(&text.to_lowercase()), Ok(payload.clone()));
		// A voucher's text is not a payload, and a damaged payload is caught.
		assert_eq!(
			PaymentPayload::from_text(&payload.voucher.to_text()),
			Err(VoucherCodecError::NotAVoucher)
		);
		let mut damaged = text.into_bytes();
		damaged[20] = if damaged[20] == b'A' { b'B' } else { b'A' };
		assert_eq!(
			PaymentPayload::from_text(core::str::from_utf8(&damaged).unwrap()),
			Err(VoucherCodecError::BadChecksum)
		);
		let mut trailing = bytes;
		trailing.push(0);
		assert_eq!(PaymentPayload::from_bytes(&trailing), Err(VoucherCodecError::Malformed));
	}

	proptest! {
		#[test]
		fn any_bytes_are_a_payload_or_an_error(bytes in prop::collection::vec(any::<u8>(), 0..700)) {
			let _ = PaymentPayload::from_bytes(&bytes);
		}

		#[test]
		fn any_text_is_a_payload_or_an_error(text in ".{0,400}") {
			let _ = PaymentPayload::from_text(&text);
			let _ = PaymentPayload::from_text(&format!("{PAYLOAD_PREFIX}{text}"));
		}
	}
}
