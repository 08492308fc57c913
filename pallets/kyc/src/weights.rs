
//! Weights for `pallet_kyc`, measured by `rupee-node benchmark pallet` (scripts/benchmark-pallets.sh).
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
// pallet_kyc
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// /work/main/scripts/weight-template.hbs
// --output
// /work/main/pallets/kyc/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_kyc`.
pub trait WeightInfo {
	fn accredit_provider() -> Weight;
	fn suspend_provider() -> Weight;
	fn remove_provider() -> Weight;
	fn register_account() -> Weight;
	fn manage_account() -> Weight;
	fn set_linked_bank() -> Weight;
	fn set_tier_limits() -> Weight;
	fn transfer_customer() -> Weight;
	fn check_permission() -> Weight;
	fn check_nonce_in_window() -> Weight;
}

/// Weights for `pallet_kyc` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Kyc::Providers` (r:1 w:1)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::ProviderCount` (r:1 w:1)
	/// Proof: `Kyc::ProviderCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn accredit_provider() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `249`
		//  Estimated: `3529`
		// Minimum execution time: 44_143_000 picoseconds.
		Weight::from_parts(62_788_000, 0)
			.saturating_add(Weight::from_parts(0, 3529))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Kyc::Providers` (r:1 w:1)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	fn suspend_provider() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `249`
		//  Estimated: `3518`
		// Minimum execution time: 21_120_000 picoseconds.
		Weight::from_parts(35_015_000, 0)
			.saturating_add(Weight::from_parts(0, 3518))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Kyc::Providers` (r:1 w:1)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::ProviderCount` (r:1 w:1)
	/// Proof: `Kyc::ProviderCount` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	fn remove_provider() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `249`
		//  Estimated: `3518`
		// Minimum execution time: 24_856_000 picoseconds.
		Weight::from_parts(43_712_000, 0)
			.saturating_add(Weight::from_parts(0, 3518))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Kyc::Providers` (r:1 w:1)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:2 w:1)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn register_account() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `545`
		//  Estimated: `6252`
		// Minimum execution time: 50_094_000 picoseconds.
		Weight::from_parts(88_085_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Kyc::Providers` (r:1 w:1)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:1)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	fn manage_account() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `567`
		//  Estimated: `3621`
		// Minimum execution time: 34_344_000 picoseconds.
		Weight::from_parts(53_570_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Kyc::Providers` (r:1 w:0)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:2 w:1)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	fn set_linked_bank() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `709`
		//  Estimated: `6252`
		// Minimum execution time: 39_534_000 picoseconds.
		Weight::from_parts(67_796_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Kyc::Limits` (r:0 w:1)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	fn set_tier_limits() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `0`
		//  Estimated: `0`
		// Minimum execution time: 13_145_000 picoseconds.
		Weight::from_parts(24_826_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	/// Storage: `Kyc::Providers` (r:2 w:2)
	/// Proof: `Kyc::Providers` (`max_values`: None, `max_size`: Some(53), added: 2528, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:1)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	fn transfer_customer() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `628`
		//  Estimated: `6046`
		// Minimum execution time: 40_445_000 picoseconds.
		Weight::from_parts(71_204_000, 0)
			.saturating_add(Weight::from_parts(0, 6046))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	fn check_permission() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `423`
		//  Estimated: `3621`
		// Minimum execution time: 15_649_000 picoseconds.
		Weight::from_parts(26_910_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(3_u64))
	}
	/// Storage: `System::Account` (r:1 w:1)
	/// Proof: `System::Account` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::TransactionCount` (r:1 w:1)
	/// Proof: `Kyc::TransactionCount` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	fn check_nonce_in_window() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `460`
		//  Estimated: `3621`
		// Minimum execution time: 38_312_000 picoseconds.
		Weight::from_parts(64_080_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
}

/// For tests: the same weights with ParityDB's database weights.
impl WeightInfo for () {
	fn accredit_provider() -> Weight {
		Weight::from_parts(62_788_000, 0)
			.saturating_add(Weight::from_parts(0, 3529))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn suspend_provider() -> Weight {
		Weight::from_parts(35_015_000, 0)
			.saturating_add(Weight::from_parts(0, 3518))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn remove_provider() -> Weight {
		Weight::from_parts(43_712_000, 0)
			.saturating_add(Weight::from_parts(0, 3518))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn register_account() -> Weight {
		Weight::from_parts(88_085_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn manage_account() -> Weight {
		Weight::from_parts(53_570_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn set_linked_bank() -> Weight {
		Weight::from_parts(67_796_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn set_tier_limits() -> Weight {
		Weight::from_parts(24_826_000, 0)
			.saturating_add(Weight::from_parts(0, 0))
			.saturating_add(ParityDbWeight::get().writes(1_u64))
	}
	fn transfer_customer() -> Weight {
		Weight::from_parts(71_204_000, 0)
			.saturating_add(Weight::from_parts(0, 6046))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn check_permission() -> Weight {
		Weight::from_parts(26_910_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(3_u64))
	}
	fn check_nonce_in_window() -> Weight {
		Weight::from_parts(64_080_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(5_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
}
