//! The test vectors of `docs/offline-payments-vectors.txt`: another wallet implementing the
//! payment payload checks itself against the same bytes. The file is written by
//! `WRITE_VECTORS=1 cargo test --workspace --test vectors` and checked on every run.

use std::collections::BTreeMap;

use codec::Encode;
use rupee_protocol::{
	hex,
	purse_proof::{
		AttesterSet, AttesterSignature, PaymentPayload, ProofError, PurseProof, PurseStatement,
	},
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
};
use sp_core::{ed25519, sr25519, Pair};

/// The vectors file of the checkout the test runs in: `cargo test` sets `CARGO_MANIFEST_DIR`
/// when it runs a test, and a shared target directory may hold a binary compiled in another
/// checkout (the compile-time value is only the fallback).
fn path() -> std::path::PathBuf {
	let crate_dir = std::env::var("CARGO_MANIFEST_DIR")
		.unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").to_string());
	std::path::Path::new(&crate_dir).join("../docs/offline-payments-vectors.txt")
}

fn validators() -> Vec<ed25519::Pair> {
	["//Alice", "//Bob", "//Charlie", "//Dave"]
		.iter()
		.map(|uri| ed25519::Pair::from_string(uri, None).unwrap())
		.collect()
}

fn set() -> AttesterSet {
	AttesterSet { set_id: 3, authorities: validators().iter().map(|p| (p.public().0, 1)).collect() }
}

fn statement() -> PurseStatement {
	PurseStatement {
		genesis_hash: [0x11; 32],
		device_key: sr25519::Pair::from_string("//Device", None).unwrap().public().0,
		owner: sr25519::Pair::from_string("//Dave", None).unwrap().public().0,
		escrow: 300_000,
		voucher_cap: 100_000,
		expires_at: 1_799_000_000_000,
		block: 1_204,
		funded_at: 1_796_408_000_000,
	}
}

/// The vectors as they are computed now. ed25519 signatures are deterministic; the voucher's
/// sr25519 signature is not, so the written file fixes one and the check verifies it.
fn computed(voucher_signature: Option<[u8; 64]>) -> BTreeMap<String, String> {
	let mut v = BTreeMap::new();
	let statement = statement();
	let payload = statement.signing_payload(3);
	let signatures: Vec<AttesterSignature> = validators()[..3]
		.iter()
		.enumerate()
		.map(|(i, pair)| AttesterSignature {
			authority: i as u32,
			signature: pair.sign(&payload).0,
		})
		.collect();
	let proof = PurseProof { statement: statement.clone(), set_id: 3, signatures };
	let device = sr25519::Pair::from_string("//Device", None).unwrap();
	let body = VoucherBody {
		version: VOUCHER_VERSION,
		genesis_hash: statement.genesis_hash,
		device_key: statement.device_key,
		counter: 7,
		payee: sr25519::Pair::from_string("//Ferdie", None).unwrap().public().0,
		amount: 25_000,
		issued_at: 1_797_000_000_000,
	};
	let voucher = match voucher_signature {
		Some(signature) => Voucher { body, signature },
		None => Voucher::sign(body, &device),
	};
	let message = PaymentPayload::new(voucher.clone(), proof.clone());
	for (i, (key, _)) in set().authorities.iter().enumerate() {
		v.insert(format!("set_3_authority_{i}"), hex::encode(key));
	}
	v.insert("statement".into(), hex::encode(&statement.encode()));
	v.insert("statement_signing_payload_set_3".into(), hex::encode(&payload));
	v.insert("proof".into(), hex::encode(&proof.encode()));
	v.insert("voucher".into(), hex::encode(&voucher.to_bytes()));
	v.insert("voucher_signing_payload".into(), hex::encode(&voucher.body.signing_payload()));
	v.insert("payload".into(), hex::encode(&message.to_bytes()));
	v.insert("payload_text".into(), message.to_text());
	v
}

fn read() -> BTreeMap<String, String> {
	std::fs::read_to_string(path())
		.expect("docs/offline-payments-vectors.txt exists")
		.lines()
		.filter(|line| !line.starts_with('#') && !line.trim().is_empty())
		.map(|line| {
			let (name, value) = line.split_once(" = ").expect("name = value");
			(name.to_string(), value.to_string())
		})
		.collect()
}

#[test]
fn the_documented_vectors_are_what_the_code_computes_and_verifies() {
	if std::env::var("WRITE_VECTORS").is_ok() {
		let mut text = String::from(
			"# Offline payments v2 test vectors (docs/offline-payments.md). Keys: ed25519 and\n\
			 # sr25519 dev URIs //Alice //Bob //Charlie //Dave (validators, ed25519), //Device\n\
			 # (purse, sr25519), //Dave (owner), //Ferdie (payee). Hex is SCALE unless named.\n",
		);
		for (name, value) in computed(None) {
			text.push_str(&format!("{name} = {value}\n"));
		}
		std::fs::write(path(), text).unwrap();
	}
	let file = read();
	let voucher = Voucher::from_bytes(&hex::decode(&file["voucher"]).unwrap()).unwrap();
	assert!(voucher.signature_is_valid(), "the documented voucher verifies");
	assert_eq!(computed(Some(voucher.signature)), file, "vectors differ from the code");

	let payload = PaymentPayload::from_text(&file["payload_text"]).unwrap();
	assert_eq!(payload.to_bytes(), hex::decode(&file["payload"]).unwrap());
	assert_eq!(payload.proof.verify(&[set()]), Ok(()));
	// The sizes the docs state.
	assert_eq!(payload.to_bytes().len(), 491);
	assert_eq!(file["payload_text"].len(), 4 + ((491 + 4) * 8_usize).div_ceil(5));
	// What a payee's wallet must refuse: an inflated escrow, a set it does not hold, too few.
	let mut inflated = payload.proof.clone();
	inflated.statement.escrow += 1;
	assert_eq!(inflated.verify(&[set()]), Err(ProofError::BadSignature));
	assert_eq!(payload.proof.verify(&[]), Err(ProofError::UnknownSet(3)));
	let mut two = payload.proof.clone();
	two.signatures.pop();
	assert_eq!(two.verify(&[set()]), Err(ProofError::NotEnoughSignatures));
}
