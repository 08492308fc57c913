
//! Weights for `pallet_validators`, measured by `rupee-node benchmark pallet` (scripts/benchmark-pallets.sh).
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
// pallet_validators
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weight-template.hbs
// --output
// pallets/validators/src/weights.rs

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use frame_support::{traits::Get, weights::{Weight, constants::ParityDbWeight}};
use core::marker::PhantomData;

/// Weight functions needed by `pallet_validators`.
pub trait WeightInfo {
	fn add_validator() -> Weight;
	fn remove_validator() -> Weight;
}

/// Weights for `pallet_validators` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Session::NextKeys` (r:1 w:0)
	/// Proof: `Session::NextKeys` (`max_values`: None, `max_size`: None, mode: `Measured`)
	/// Storage: `Validators::Validators` (r:1 w:1)
	/// Proof: `Validators::Validators` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Validators::Changed` (r:0 w:1)
	/// Proof: `Validators::Changed` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Validators::ForcedRotations` (r:0 w:1)
	/// Proof: `Validators::ForcedRotations` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn add_validator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1839`
		//  Estimated: `5304`
		// Minimum execution time: 46_336_000 picoseconds.
		Weight::from_parts(57_007_000, 0)
			.saturating_add(Weight::from_parts(0, 5304))
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Validators::Validators` (r:1 w:1)
	/// Proof: `Validators::Validators` (`max_values`: Some(1), `max_size`: Some(1025), added: 1520, mode: `MaxEncodedLen`)
	/// Storage: `Validators::Changed` (r:0 w:1)
	/// Proof: `Validators::Changed` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	/// Storage: `Validators::ForcedRotations` (r:0 w:1)
	/// Proof: `Validators::ForcedRotations` (`max_values`: Some(1), `max_size`: Some(1), added: 496, mode: `MaxEncodedLen`)
	fn remove_validator() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1094`
		//  Estimated: `2510`
		// Minimum execution time: 32_701_000 picoseconds.
		Weight::from_parts(63_478_000, 0)
			.saturating_add(Weight::from_parts(0, 2510))
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// For tests: the same weights with ParityDB's database weights.
impl WeightInfo for () {
	fn add_validator() -> Weight {
		Weight::from_parts(57_007_000, 0)
			.saturating_add(Weight::from_parts(0, 5304))
			.saturating_add(ParityDbWeight::get().reads(2_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn remove_validator() -> Weight {
		Weight::from_parts(63_478_000, 0)
			.saturating_add(Weight::from_parts(0, 2510))
			.saturating_add(ParityDbWeight::get().reads(1_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
}
