//! Weights of the KYC pallet's calls and of its transaction-pool gate.
//!
//! `SubstrateWeight` is to be regenerated on the reference machine with
//! `scripts/benchmark-pallets.sh` (`rupee-node benchmark pallet --pallet pallet_kyc`). Until
//! that run lands, its values are estimates: a storage read or write of the database weight
//! plus 20 µs of compute per call, which overstates every call measured in similar pallets.

#![allow(unused_parens, unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::ParityDbWeight, Weight},
};

/// Weight functions needed by this pallet.
pub trait WeightInfo {
	fn accredit_provider() -> Weight;
	fn suspend_provider() -> Weight;
	fn remove_provider() -> Weight;
	fn register_account() -> Weight;
	fn manage_account() -> Weight;
	fn set_linked_bank() -> Weight;
	fn set_tier_limits() -> Weight;
	fn transfer_customer() -> Weight;
	/// The gate, per signed transaction.
	fn check_permission() -> Weight;
}

const CALL_COMPUTE: u64 = 20_000_000;

fn estimate(db: frame_support::weights::RuntimeDbWeight, reads: u64, writes: u64) -> Weight {
	Weight::from_parts(CALL_COMPUTE, 0).saturating_add(db.reads_writes(reads, writes))
}

/// Weights for the runtime, by its database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn accredit_provider() -> Weight {
		estimate(T::DbWeight::get(), 3, 3)
	}
	fn suspend_provider() -> Weight {
		estimate(T::DbWeight::get(), 1, 1)
	}
	fn remove_provider() -> Weight {
		estimate(T::DbWeight::get(), 3, 3)
	}
	fn register_account() -> Weight {
		estimate(T::DbWeight::get(), 5, 3)
	}
	fn manage_account() -> Weight {
		estimate(T::DbWeight::get(), 2, 2)
	}
	fn set_linked_bank() -> Weight {
		estimate(T::DbWeight::get(), 3, 1)
	}
	fn set_tier_limits() -> Weight {
		estimate(T::DbWeight::get(), 0, 1)
	}
	fn transfer_customer() -> Weight {
		estimate(T::DbWeight::get(), 3, 3)
	}
	fn check_permission() -> Weight {
		estimate(T::DbWeight::get(), 3, 1)
	}
}

/// For tests: the same estimates with ParityDB weights.
impl WeightInfo for () {
	fn accredit_provider() -> Weight {
		estimate(ParityDbWeight::get(), 3, 3)
	}
	fn suspend_provider() -> Weight {
		estimate(ParityDbWeight::get(), 1, 1)
	}
	fn remove_provider() -> Weight {
		estimate(ParityDbWeight::get(), 3, 3)
	}
	fn register_account() -> Weight {
		estimate(ParityDbWeight::get(), 5, 3)
	}
	fn manage_account() -> Weight {
		estimate(ParityDbWeight::get(), 2, 2)
	}
	fn set_linked_bank() -> Weight {
		estimate(ParityDbWeight::get(), 3, 1)
	}
	fn set_tier_limits() -> Weight {
		estimate(ParityDbWeight::get(), 0, 1)
	}
	fn transfer_customer() -> Weight {
		estimate(ParityDbWeight::get(), 3, 3)
	}
	fn check_permission() -> Weight {
		estimate(ParityDbWeight::get(), 3, 1)
	}
}
