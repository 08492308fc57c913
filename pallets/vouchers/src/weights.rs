
//! Weights for `pallet_vouchers`, measured by `rupee-node benchmark pallet` (scripts/benchmark-pallets.sh).
//!
//! DATE: 2026-11-28, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, DB CACHE: 1024
//!
//! Regenerate on the reference machine after changing a call; never edit by hand.

// Executed Command:
// /var/tmp/rupee-target/release/rupee-node
// benchmark
// pallet
// --runtime
// /var/tmp/rupee-target/release/wbuild/rupee-runtime/rupee_runtime.compact.compressed.wasm
// --genesis-builder=runtime
// --genesis-builder-preset=development
// --pallet
// pallet_vouchers
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// /work/main/scripts/weight-template.hbs
// --output
// /work/main/pallets/vouchers/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_vouchers`.
pub trait WeightInfo {
	fn fund_purse() -> Weight;
	fn redeem(n: u32, ) -> Weight;
	fn redeem_double_spend(n: u32, ) -> Weight;
	fn close_purse() -> Weight;
	fn settle() -> Weight;
	fn settle_claim() -> Weight;
	fn attest(n: u32, ) -> Weight;
}

/// Weights for `pallet_vouchers` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PurseCount` (r:1 w:1)
	/// Proof: `Vouchers::PurseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:1 w:1)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn fund_purse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `941`
		//  Estimated: `3621`
		// Minimum execution time: 50_986_000 picoseconds.
		Weight::from_parts(56_294_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:256 w:256)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Redeemed` (r:256 w:256)
	/// Proof: `Vouchers::Redeemed` (`max_values`: None, `max_size`: Some(257), added: 2732, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::DoubleSpends` (r:256 w:0)
	/// Proof: `Vouchers::DoubleSpends` (`max_values`: None, `max_size`: Some(537), added: 3012, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:256 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:256 w:256)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:257 w:257)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	fn redeem(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1568`
		//  Estimated: `3601`
		// Minimum execution time: 125_106_000 picoseconds.
		Weight::from_parts(128_391_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(Weight::from_parts(99_326_561, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
			.saturating_add(T::DbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3012).saturating_mul(n.into()))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:256 w:256)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Redeemed` (r:256 w:0)
	/// Proof: `Vouchers::Redeemed` (`max_values`: None, `max_size`: Some(257), added: 2732, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::DoubleSpends` (r:256 w:256)
	/// Proof: `Vouchers::DoubleSpends` (`max_values`: None, `max_size`: Some(537), added: 3012, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:512 w:256)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:256 w:256)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:513 w:513)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::NextClaimId` (r:1 w:1)
	/// Proof: `Vouchers::NextClaimId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalClaims` (r:1 w:1)
	/// Proof: `Vouchers::TotalClaims` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Claims` (r:0 w:256)
	/// Proof: `Vouchers::Claims` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:0 w:256)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn redeem_double_spend(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1460`
		//  Estimated: `3601`
		// Minimum execution time: 211_163_000 picoseconds.
		Weight::from_parts(218_855_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(Weight::from_parts(176_490_831, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(7_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((8_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5262).saturating_mul(n.into()))
	}
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:0 w:1)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn close_purse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `315`
		//  Estimated: `3602`
		// Minimum execution time: 18_778_000 picoseconds.
		Weight::from_parts(21_733_000, 0)
			.saturating_add(Weight::from_parts(0, 3602))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:1 w:1)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PurseCount` (r:1 w:1)
	/// Proof: `Vouchers::PurseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:0 w:1)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn settle() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1366`
		//  Estimated: `3621`
		// Minimum execution time: 54_751_000 picoseconds.
		Weight::from_parts(59_618_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	/// Storage: `Vouchers::Claims` (r:1 w:1)
	/// Proof: `Vouchers::Claims` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:3 w:3)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalClaims` (r:1 w:1)
	/// Proof: `Vouchers::TotalClaims` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn settle_claim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1309`
		//  Estimated: `8823`
		// Minimum execution time: 50_605_000 picoseconds.
		Weight::from_parts(53_559_000, 0)
			.saturating_add(Weight::from_parts(0, 8823))
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Not yet measured (the `attest` benchmark is new): an upper estimate of one ed25519
	/// verification, the statement's encoding and `n` signatures read and written.
	fn attest(n: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 80).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 4000))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
}

/// For tests: the same weights with ParityDB's database weights.
impl WeightInfo for () {
	fn fund_purse() -> Weight {
		Weight::from_parts(56_294_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn redeem(n: u32, ) -> Weight {
		Weight::from_parts(128_391_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(Weight::from_parts(99_326_561, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
			.saturating_add(ParityDbWeight::get().reads((6_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((4_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 3012).saturating_mul(n.into()))
	}
	fn redeem_double_spend(n: u32, ) -> Weight {
		Weight::from_parts(218_855_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(ParityDbWeight::get().reads(7_u64))
			.saturating_add(Weight::from_parts(176_490_831, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().reads((8_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((8_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 5262).saturating_mul(n.into()))
	}
	fn close_purse() -> Weight {
		Weight::from_parts(21_733_000, 0)
			.saturating_add(Weight::from_parts(0, 3602))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(59_618_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(6_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(53_559_000, 0)
			.saturating_add(Weight::from_parts(0, 8823))
			.saturating_add(ParityDbWeight::get().reads(8_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn attest(n: u32, ) -> Weight {
		Weight::from_parts(120_000_000, 0)
			.saturating_add(Weight::from_parts(1_000_000, 80).saturating_mul(n.into()))
			.saturating_add(Weight::from_parts(0, 4000))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
}
