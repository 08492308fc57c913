//! Times signing and verifying an offline voucher, and checking a whole payment code (voucher +
//! a purse proof with three of four validator signatures), as a wallet does it (native code).
//!
//!     scripts/bench-voucher.sh            (or: cargo run --release -p rupee-wallet --example voucher_bench)
//!
//! Prints the mean time per operation over many runs, with the machine it ran on.

mod common;

use std::time::Instant;

use rupee_primitives::{
	purse_proof::{AttesterSet, AttesterSignature, PaymentPayload, PurseProof, PurseStatement},
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
};
use sp_core::{ed25519, sr25519, Pair};

const RUNS: u32 = 5_000;

fn main() {
	let device = sr25519::Pair::from_string("//BenchDevice", None).expect("valid seed");
	let body = |counter: u64| VoucherBody {
		version: VOUCHER_VERSION,
		genesis_hash: [1; 32],
		device_key: device.public().0,
		counter,
		payee: [2; 32],
		amount: 100_000,
		issued_at: 1_795_800_000_000,
	};

	let start = Instant::now();
	let vouchers: Vec<Voucher> =
		(0..u64::from(RUNS)).map(|i| Voucher::sign(body(i), &device)).collect();
	let sign = start.elapsed() / RUNS;

	let start = Instant::now();
	let valid = vouchers.iter().filter(|voucher| voucher.signature_is_valid()).count();
	let verify = start.elapsed() / RUNS;
	assert_eq!(valid, vouchers.len(), "every voucher verifies");

	let start = Instant::now();
	for voucher in &vouchers {
		let text = voucher.to_text();
		let back = Voucher::from_text(&text).expect("round trip");
		assert_eq!(&back, voucher);
	}
	let codec = start.elapsed() / RUNS;

	// A payment code: the voucher and its purse's proof, signed by three of four validators.
	let validators: Vec<ed25519::Pair> =
		(0..4).map(|n| ed25519::Pair::from_seed(&[100 + n; 32])).collect();
	let set = AttesterSet {
		set_id: 1,
		authorities: validators.iter().map(|pair| (pair.public().0, 1)).collect(),
	};
	let statement = PurseStatement {
		genesis_hash: [1; 32],
		device_key: device.public().0,
		owner: [3; 32],
		escrow: 500_000,
		voucher_cap: 100_000,
		expires_at: 1_798_000_000_000,
		block: 1_000,
		funded_at: 1_795_000_000_000,
	};
	let payload = statement.signing_payload(1);
	let proof = PurseProof {
		statement,
		set_id: 1,
		signatures: (0..3)
			.map(|n| AttesterSignature {
				authority: n,
				signature: validators[n as usize].sign(&payload).0,
			})
			.collect(),
	};
	let codes: Vec<String> = vouchers
		.iter()
		.take(500)
		.map(|voucher| PaymentPayload::new(voucher.clone(), proof.clone()).to_text())
		.collect();
	let start = Instant::now();
	for code in &codes {
		let payment = PaymentPayload::from_text(code).expect("a payment code");
		payment.verify(std::slice::from_ref(&set), &[1; 32]).expect("the proof verifies");
		assert!(payment.voucher.signature_is_valid());
	}
	let check = start.elapsed() / codes.len() as u32;

	println!("machine: {}; {RUNS} vouchers", common::machine());
	println!("sign voucher:            {:>8.1} µs", sign.as_nanos() as f64 / 1000.0);
	println!("verify voucher:          {:>8.1} µs", verify.as_nanos() as f64 / 1000.0);
	println!("text encode + decode:    {:>8.1} µs", codec.as_nanos() as f64 / 1000.0);
	println!(
		"check payment code:      {:>8.1} µs (decode, proof of 3 signatures, voucher; {} bytes)",
		check.as_nanos() as f64 / 1000.0,
		PaymentPayload::from_text(&codes[0]).map(|p| p.to_bytes().len()).unwrap_or(0)
	);
}
