//! Weights of the ledger's calls.
//!
//! `SubstrateWeight` is to be regenerated on the reference machine with
//! `scripts/benchmark-pallets.sh` (`rupee-node benchmark pallet --pallet pallet_rupee`). Until
//! that run lands, its values are estimates: the database weight of each call's reads and
//! writes plus 25 µs of compute.

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions needed by this pallet.
pub trait WeightInfo {
	/// Worst case: a transfer whose credit is swept to a linked bank.
	fn transfer() -> Weight;
	fn mint() -> Weight;
	fn burn() -> Weight;
	fn set_supply_ceiling() -> Weight;
	fn set_issuer() -> Weight;
	fn freeze() -> Weight;
	fn clawback() -> Weight;
}

const CALL_COMPUTE: u64 = 25_000_000;

/// Weights for the runtime, by its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn transfer() -> Weight {
		estimate(T::DbWeight::get(), 8, 3)
	}
	fn mint() -> Weight {
		estimate(T::DbWeight::get(), 6, 2)
	}
	fn burn() -> Weight {
		estimate(T::DbWeight::get(), 3, 2)
	}
	fn set_supply_ceiling() -> Weight {
		estimate(T::DbWeight::get(), 1, 1)
	}
	fn set_issuer() -> Weight {
		estimate(T::DbWeight::get(), 3, 1)
	}
	fn freeze() -> Weight {
		estimate(T::DbWeight::get(), 2, 1)
	}
	fn clawback() -> Weight {
		estimate(T::DbWeight::get(), 6, 3)
	}
}

/// For tests: the same estimates with ParityDB weights.
impl WeightInfo for () {
	fn transfer() -> Weight {
		estimate(ParityDbWeight::get(), 8, 3)
	}
	fn mint() -> Weight {
		estimate(ParityDbWeight::get(), 6, 2)
	}
	fn burn() -> Weight {
		estimate(ParityDbWeight::get(), 3, 2)
	}
	fn set_supply_ceiling() -> Weight {
		estimate(ParityDbWeight::get(), 1, 1)
	}
	fn set_issuer() -> Weight {
		estimate(ParityDbWeight::get(), 3, 1)
	}
	fn freeze() -> Weight {
		estimate(ParityDbWeight::get(), 2, 1)
	}
	fn clawback() -> Weight {
		estimate(ParityDbWeight::get(), 6, 3)
	}
}

fn estimate(db: frame_support::weights::RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(CALL_COMPUTE, 0).saturating_add(db.reads_writes(reads, writes))
}
