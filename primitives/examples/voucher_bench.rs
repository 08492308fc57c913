//! Times signing and verifying an offline voucher, as a wallet does it (native code).
//!
//!     scripts/bench-voucher.sh            (or: cargo run --release -p rupee-primitives --example voucher_bench)
//!
//! Prints the mean time per operation over many runs, with the machine it ran on.

use std::time::Instant;

use rupee_primitives::voucher::{Voucher, VoucherBody, VOUCHER_VERSION};
use sp_core::{sr25519, Pair};

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

	let cpu = std::fs::read_to_string("/proc/cpuinfo")
		.ok()
		.and_then(|info| {
			info.lines()
				.find(|line| line.starts_with("model name"))
				.and_then(|line| line.split(':').nth(1))
				.map(|name| name.trim().to_string())
		})
		.unwrap_or_else(|| "unknown CPU".into());
	let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1);
	println!("machine: {cpu}, {cores} cores; {RUNS} vouchers");
	println!("sign voucher:            {:>8.1} µs", sign.as_nanos() as f64 / 1000.0);
	println!("verify voucher:          {:>8.1} µs", verify.as_nanos() as f64 / 1000.0);
	println!("text encode + decode:    {:>8.1} µs", codec.as_nanos() as f64 / 1000.0);
}
