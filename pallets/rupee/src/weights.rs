
//! Weights for `pallet_rupee`, measured by `rupee-node benchmark pallet` (scripts/benchmark-pallets.sh).
//!
//! DATE: 2026-12-02, STEPS: `50`, REPEAT: `20`
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
// pallet_rupee
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weight-template.hbs
// --output
// pallets/rupee/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_rupee`.
pub trait WeightInfo {
	fn transfer() -> Weight;
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn set_supply_ceiling() -> Weight;
	fn set_issuer() -> Weight;
	fn freeze() -> Weight;
	fn clawback() -> Weight;
}

/// Weights for `pallet_rupee` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Kyc::Accounts` (r:3 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:2 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:3 w:3)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	fn transfer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1366`
		//  Estimated: `8883`
		// Minimum execution time: 76_713_000 picoseconds.
		Weight::from_parts(120_676_000, 0)
			.saturating_add(Weight::from_parts(0, 8883))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Rupee::Issuer` (r:1 w:0)
	/// Proof: `Rupee::Issuer` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalIssuance` (r:1 w:1)
	/// Proof: `Rupee::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::SupplyCeiling` (r:1 w:0)
	/// Proof: `Rupee::SupplyCeiling` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	fn mint() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `718`
		//  Estimated: `3621`
		// Minimum execution time: 55_294_000 picoseconds.
		Weight::from_parts(90_019_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Rupee::Issuer` (r:1 w:0)
	/// Proof: `Rupee::Issuer` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalIssuance` (r:1 w:1)
	/// Proof: `Rupee::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn burn() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `435`
		//  Estimated: `3601`
		// Minimum execution time: 36_458_000 picoseconds.
		Weight::from_parts(55_905_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Rupee::TotalIssuance` (r:1 w:0)
	/// Proof: `Rupee::TotalIssuance` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::SupplyCeiling` (r:0 w:1)
	/// Proof: `Rupee::SupplyCeiling` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn set_supply_ceiling() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `161`
		//  Estimated: `1501`
		// Minimum execution time: 14_898_000 picoseconds.
		Weight::from_parts(27_452_000, 0)
			.saturating_add(Weight::from_parts(0, 1501))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Issuer` (r:0 w:1)
	/// Proof: `Rupee::Issuer` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	fn set_issuer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `391`
		//  Estimated: `3621`
		// Minimum execution time: 23_595_000 picoseconds.
		Weight::from_parts(41_428_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Kyc::Accounts` (r:2 w:1)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	fn freeze() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `559`
		//  Estimated: `6252`
		// Minimum execution time: 43_672_000 picoseconds.
		Weight::from_parts(79_159_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Rupee::Issuer` (r:1 w:0)
	/// Proof: `Rupee::Issuer` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:2 w:2)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	fn clawback() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `857`
		//  Estimated: `6212`
		// Minimum execution time: 61_535_000 picoseconds.
		Weight::from_parts(84_238_000, 0)
			.saturating_add(Weight::from_parts(0, 6212))
			.saturating_add(T::DbWeight::get().reads(6_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same weights with ParityDB's database weights.
impl WeightInfo for () {
	fn transfer() -> Weight {
		Weight::from_parts(120_676_000, 0)
			.saturating_add(Weight::from_parts(0, 8883))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn mint() -> Weight {
		Weight::from_parts(90_019_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn burn() -> Weight {
		Weight::from_parts(55_905_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_supply_ceiling() -> Weight {
		Weight::from_parts(27_452_000, 0)
			.saturating_add(Weight::from_parts(0, 1501))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_issuer() -> Weight {
		Weight::from_parts(41_428_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn freeze() -> Weight {
		Weight::from_parts(79_159_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn clawback() -> Weight {
		Weight::from_parts(84_238_000, 0)
			.saturating_add(Weight::from_parts(0, 6212))
			.saturating_add(ParityDbWeight::get().reads(6_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}
