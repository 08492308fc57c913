//! Benchmarks (v2) of both calls in their worst case: the set one short of full (add) or full
//! (remove), the account searched for at the end.

use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};

use crate::{pallet::*, BenchmarkHelper};

/// `count` validators with session keys, as the set.
fn fill<T: Config>(count: u32) -> Vec<T::AccountId> {
	let set: Vec<T::AccountId> = (0..count).map(|i| account("validator", i, 0)).collect();
	for who in &set {
		T::BenchmarkHelper::register_keys(who);
	}
	Validators::<T>::put(frame_support::BoundedVec::truncate_from(set.clone()));
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_validator() -> Result<(), BenchmarkError> {
		let max = T::MaxValidators::get();
		fill::<T>(max - 1);
		let who: T::AccountId = account("newcomer", 0, 0);
		T::BenchmarkHelper::register_keys(&who);
		let origin =
			T::AddOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Validators::<T>::get().len() as u32, max);
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_validator() -> Result<(), BenchmarkError> {
		let max = T::MaxValidators::get();
		let set = fill::<T>(max);
		let who = set.last().cloned().expect("MaxValidators > 0");
		let origin =
			T::RemoveOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert_eq!(Validators::<T>::get().len() as u32, max - 1);
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}
