//! Benchmarks (v2) of every call, each in its worst case.

use crate::pallet::{Call, Config, Issuer, Ledger, Pallet, SupplyCeiling, TotalIssuance};
use frame_benchmarking::v2::*;
use frame_support::traits::EnsureOrigin;
use frame_system::RawOrigin;
use rupee_primitives::{AccountPolicy, PolicyBenchmarkHelper, Tier};

const FUNDS: rupee_primitives::Balance = 1_000_000_000;

/// A funded L0 customer linked to a bank, and a second L0 customer whose holding limit the
/// payment will cross, so the transfer sweeps to its bank: the most a transfer writes.
fn funded<T: Config>(name: &'static str, tier: Tier, bank: &T::AccountId) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::register(&who, tier, Some(bank.clone()));
	Ledger::<T>::mutate(&who, |ledger| ledger.free = FUNDS);
	TotalIssuance::<T>::mutate(|total| *total += FUNDS);
	SupplyCeiling::<T>::mutate(|ceiling| *ceiling = (*ceiling).max(TotalIssuance::<T>::get()));
	who
}

fn bank<T: Config>(index: u32) -> T::AccountId {
	let bank: T::AccountId = account("bank", index, 0);
	T::BenchmarkHelper::register(&bank, Tier::Institution, None);
	bank
}

fn issuer<T: Config>() -> T::AccountId {
	let issuer: T::AccountId = account("issuer", 0, 0);
	T::BenchmarkHelper::register(&issuer, Tier::Institution, None);
	Issuer::<T>::put(&issuer);
	SupplyCeiling::<T>::put(rupee_primitives::Balance::MAX / 2);
	issuer
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn transfer() {
		let bank_a = bank::<T>(0);
		let bank_b = bank::<T>(1);
		let from = funded::<T>("from", Tier::L2, &bank_a);
		let to = funded::<T>("to", Tier::L0, &bank_b);
		let max = T::Policy::can_receive(&to).unwrap().limits.max_balance;
		Ledger::<T>::mutate(&to, |ledger| ledger.free = max - 1);
		TotalIssuance::<T>::mutate(|total| *total = *total - FUNDS + (max - 1));
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), 1_000);
		assert_eq!(Ledger::<T>::get(&to).free, max);
		assert_eq!(Ledger::<T>::get(&bank_b).free, 999);
	}

	#[benchmark]
	fn mint() {
		let issuer = issuer::<T>();
		let bank = bank::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer), bank.clone(), 1_000);
		assert_eq!(Ledger::<T>::get(&bank).free, 1_000);
	}

	#[benchmark]
	fn burn() {
		let issuer = issuer::<T>();
		Ledger::<T>::mutate(&issuer, |ledger| ledger.free = FUNDS);
		TotalIssuance::<T>::mutate(|total| *total += FUNDS);
		#[extrinsic_call]
		_(RawOrigin::Signed(issuer.clone()), 1_000);
		assert_eq!(Ledger::<T>::get(&issuer).free, FUNDS - 1_000);
	}

	#[benchmark]
	fn set_supply_ceiling() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let ceiling = TotalIssuance::<T>::get() + FUNDS;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, ceiling);
		assert_eq!(SupplyCeiling::<T>::get(), ceiling);
		Ok(())
	}

	#[benchmark]
	fn set_issuer() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank = bank::<T>(0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank.clone());
		assert_eq!(Issuer::<T>::get(), Some(bank));
		Ok(())
	}

	#[benchmark]
	fn freeze() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank = bank::<T>(0);
		let who = funded::<T>("who", Tier::L0, &bank);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(T::Policy::is_frozen(&who));
		Ok(())
	}

	/// Worst case: the issuer's balance crosses nothing (institutions have no holding limit),
	/// so this is both ledgers read and written.
	#[benchmark]
	fn clawback() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let issuer = issuer::<T>();
		let bank = bank::<T>(0);
		let who = funded::<T>("who", Tier::L0, &bank);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), 1_000, [1; 32]);
		assert_eq!(Ledger::<T>::get(&issuer).free, 1_000);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}
