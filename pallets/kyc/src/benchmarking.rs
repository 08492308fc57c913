//! Benchmarks (v2) of every call and of the gate, each in its worst case.

use super::*;
use crate::pallet::{Accounts, Call, Config, Pallet, Providers};
use frame_benchmarking::v2::*;
use frame_support::{
	dispatch::{DispatchInfo, PostDispatchInfo},
	traits::EnsureOrigin,
};
use frame_system::RawOrigin;
use rupee_primitives::{PolicyBenchmarkHelper, Tier, TierLimits};
use sp_runtime::traits::{AsSystemOriginSigner, DispatchTransaction, Dispatchable};

/// An accredited provider that is also an Institution account (so it can be a linked bank).
fn provider<T: Config>(index: u32) -> T::AccountId {
	let provider: T::AccountId = account("provider", index, 0);
	Pallet::<T>::register(&provider, Tier::Institution, None);
	provider
}

/// A customer of `provider` with a linked bank (the most a record holds).
fn customer<T: Config>(provider: &T::AccountId, index: u32) -> T::AccountId {
	let who: T::AccountId = account("customer", index, 0);
	Pallet::<T>::register(&who, Tier::L0, Some(provider.clone()));
	who
}

#[benchmarks(where
	T: Send + Sync,
	<T::RuntimeCall as Dispatchable>::RuntimeOrigin: AsSystemOriginSigner<T::AccountId> + Clone,
	T::RuntimeCall: Dispatchable<Info = DispatchInfo, PostInfo = PostDispatchInfo>,
)]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn accredit_provider() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let new: T::AccountId = account("new", 0, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new.clone());
		assert!(Providers::<T>::contains_key(&new));
		Ok(())
	}

	#[benchmark]
	fn suspend_provider() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank = provider::<T>(0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank.clone());
		assert_eq!(Providers::<T>::get(&bank).unwrap().status, ProviderStatus::Suspended);
		Ok(())
	}

	#[benchmark]
	fn remove_provider() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank: T::AccountId = account("provider", 0, 0);
		Pallet::<T>::do_accredit_provider(bank.clone()).unwrap();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank.clone());
		assert!(!Providers::<T>::contains_key(&bank));
		Ok(())
	}

	#[benchmark]
	fn register_account() {
		let bank = provider::<T>(0);
		let who: T::AccountId = account("customer", 0, 0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(bank.clone()),
			who.clone(),
			Tier::L1,
			u64::MAX / 2,
			[2; 32],
			Some(bank.clone()),
		);
		assert!(Accounts::<T>::contains_key(&who));
	}

	/// Covers set_tier, renew, suspend, reinstate and revoke: each reads and writes the
	/// record once; revoke also updates the provider's count, the worst case.
	#[benchmark]
	fn manage_account() {
		let bank = provider::<T>(0);
		let who = customer::<T>(&bank, 0);
		#[extrinsic_call]
		revoke_account(RawOrigin::Signed(bank), who.clone());
		assert_eq!(Accounts::<T>::get(&who).unwrap().status, AccountStatus::Revoked);
	}

	#[benchmark]
	fn set_linked_bank() {
		let bank = provider::<T>(0);
		let other = provider::<T>(1);
		let who = customer::<T>(&bank, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(bank), who.clone(), Some(other.clone()));
		assert_eq!(Accounts::<T>::get(&who).unwrap().linked_bank, Some(other));
	}

	#[benchmark]
	fn set_tier_limits() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let limits = TierLimits::default_for(Tier::L2);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Tier::L0, limits);
		assert_eq!(Pallet::<T>::limits_of(Tier::L0), limits);
		Ok(())
	}

	#[benchmark]
	fn transfer_customer() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank = provider::<T>(0);
		let other = provider::<T>(1);
		let who = customer::<T>(&bank, 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), other.clone());
		assert_eq!(Accounts::<T>::get(&who).unwrap().provider, other);
		Ok(())
	}

	/// The gate on a permissioned customer's call: reads its record, the clock and its tier
	/// limits, and finds the call in the runtime's table.
	#[benchmark]
	fn check_permission() -> Result<(), BenchmarkError> {
		let bank = provider::<T>(0);
		let who = customer::<T>(&bank, 0);
		let call = T::CallRules::benchmark_customer_call();
		let info = DispatchInfo::default();
		#[block]
		{
			CheckPermission::<T>::new()
				.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
					Ok(Default::default())
				})
				.map_err(|_| BenchmarkError::Stop("gate refused a permissioned account"))?
				.map_err(|_| BenchmarkError::Stop("call failed"))?;
		}
		Ok(())
	}

	/// The nonce check and the rate limit of a customer's transaction: the nonce, the gate's
	/// decision again (its reads are cached by then, but measured cold here), the window's
	/// count, then the nonce increment and the count.
	#[benchmark]
	fn check_nonce_in_window() -> Result<(), BenchmarkError> {
		let bank = provider::<T>(0);
		let who = customer::<T>(&bank, 0);
		let call = T::CallRules::benchmark_customer_call();
		let info = DispatchInfo::default();
		let nonce = frame_system::Pallet::<T>::account_nonce(&who);
		#[block]
		{
			CheckNonceInWindow::<T>::from(nonce)
				.test_run(RawOrigin::Signed(who.clone()).into(), &call, &info, 0, 0, |_| {
					Ok(Default::default())
				})
				.map_err(|_| BenchmarkError::Stop("rate limit refused a fresh account"))?
				.map_err(|_| BenchmarkError::Stop("call failed"))?;
		}
		assert_eq!(Pallet::<T>::transactions_in_window(&who), 1);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_bench_ext(), crate::tests::Test);
}
