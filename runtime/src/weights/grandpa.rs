//! GRANDPA's weights: the SDK's published formulas (`pallet_grandpa`'s `impl WeightInfo for ()`)
//! priced with this runtime's database weights instead of RocksDB's.
//!
//! Neither call is reachable by a signer today: `report_equivocation` needs a key-ownership
//! proof and this runtime's is `Void`; `note_stalled` is Root's. They are priced all the same,
//! so a later change that opens one is not free.

use core::marker::PhantomData;
use frame_support::traits::Get;
use frame_support::weights::{
	constants::{WEIGHT_REF_TIME_PER_MICROS, WEIGHT_REF_TIME_PER_NANOS},
	Weight,
};

/// `pallet_grandpa::WeightInfo` with `T::DbWeight`.
pub struct GrandpaWeight<T>(PhantomData<T>);

impl<T: frame_system::Config> pallet_grandpa::WeightInfo for GrandpaWeight<T> {
	fn report_equivocation(validator_count: u32, max_nominators_per_validator: u32) -> Weight {
		let db = T::DbWeight::get();
		// The membership proof is priced for at least 100 validators, as the SDK does.
		let validators = validator_count.max(100) as u64;
		let nominators = max_nominators_per_validator as u64;
		Weight::from_parts(35 * WEIGHT_REF_TIME_PER_MICROS, 0)
			.saturating_add(
				Weight::from_parts(175 * WEIGHT_REF_TIME_PER_NANOS, 0).saturating_mul(validators),
			)
			.saturating_add(db.reads(5))
			.saturating_add(Weight::from_parts(95 * WEIGHT_REF_TIME_PER_MICROS, 0))
			.saturating_add(Weight::from_parts(110 * WEIGHT_REF_TIME_PER_MICROS, 0))
			.saturating_add(Weight::from_parts(25 * WEIGHT_REF_TIME_PER_MICROS * nominators, 0))
			.saturating_add(db.reads(14 + 3 * nominators))
			.saturating_add(db.writes(10 + 3 * nominators))
			.saturating_add(db.reads(2))
	}

	fn note_stalled() -> Weight {
		Weight::from_parts(3 * WEIGHT_REF_TIME_PER_MICROS, 0)
			.saturating_add(T::DbWeight::get().writes(1))
	}
}
