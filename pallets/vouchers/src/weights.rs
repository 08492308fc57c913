//! Weights for `pallet_vouchers`. Provisional until `scripts/benchmark-pallets.sh
//! pallet_vouchers` regenerates this file on the reference machine.

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
}

/// Weights for `pallet_vouchers` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn fund_purse() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn redeem(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(120_000_000, 8_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((8_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((5_u64).saturating_mul(n.into())))
	}
	fn redeem_double_spend(n: u32, ) -> Weight {
		Weight::from_parts(20_000_000, 4_000)
			.saturating_add(Weight::from_parts(250_000_000, 16_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads((14_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((12_u64).saturating_mul(n.into())))
	}
	fn close_purse() -> Weight {
		Weight::from_parts(30_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(2_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(6_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(60_000_000, 10_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

impl WeightInfo for () {
	fn fund_purse() -> Weight { Weight::from_parts(60_000_000, 10_000) }
	fn redeem(n: u32, ) -> Weight { Weight::from_parts(120_000_000, 8_000).saturating_mul(n.into()) }
	fn redeem_double_spend(n: u32, ) -> Weight { Weight::from_parts(250_000_000, 16_000).saturating_mul(n.into()) }
	fn close_purse() -> Weight { Weight::from_parts(30_000_000, 4_000) }
	fn settle() -> Weight { Weight::from_parts(60_000_000, 10_000) }
	fn settle_claim() -> Weight { Weight::from_parts(60_000_000, 10_000) }
}
