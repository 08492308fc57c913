//! Benchmarks (v2) of every call, each in its worst case. `redeem` and `redeem_double_spend`
//! take batches where every voucher comes from its own purse and owner and pays its own payee,
//! so nothing is cached between vouchers.

use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;
use rupee_primitives::{
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
	Balance, Tier,
};
use sp_core::sr25519;
use sp_runtime::KeyTypeId;

use crate::{pallet::*, types::*, BenchmarkHelper};

const KEY_TYPE: KeyTypeId = KeyTypeId(*b"vchr");
const FUNDS: Balance = 100_000_000;

/// A new device key pair in the benchmark keystore.
fn device(index: u32) -> sr25519::Public {
	let seed = alloc::format!("//voucher-device-{index}");
	sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed.into_bytes()))
}

fn sign<T: Config>(
	device: &sr25519::Public,
	counter: u64,
	payee: &[u8; 32],
	amount: Balance,
) -> Voucher {
	let body = VoucherBody {
		version: VOUCHER_VERSION,
		genesis_hash: Pallet::<T>::genesis_hash(),
		device_key: device.0,
		counter,
		payee: *payee,
		amount,
		issued_at: 0,
	};
	let signature = sp_io::crypto::sr25519_sign(KEY_TYPE, device, &body.signing_payload())
		.expect("the key is in the keystore");
	Voucher { body, signature: signature.0 }
}

/// An L2 owner with `funds`, customer of the one owners' bank.
fn owner<T: Config>(index: u32, funds: Balance) -> T::AccountId {
	let owner: T::AccountId = account("owner", index, 0);
	let bank: T::AccountId = account("bank", 0, 0);
	T::BenchmarkHelper::register(&bank, Tier::Institution, None);
	T::BenchmarkHelper::register(&owner, Tier::L2, Some(bank));
	T::BenchmarkHelper::endow(&owner, funds);
	owner
}

/// A payee whose credit crosses its holding limit, so redemption also sweeps to its bank.
fn payee<T: Config>(index: u32) -> (T::AccountId, [u8; 32]) {
	let raw: [u8; 32] =
		account::<T::AccountId>("payee", index, 0).encode().try_into().unwrap_or([0; 32]);
	let payee = T::AccountId::from(raw);
	let bank: T::AccountId = account("payee-bank", 0, 0);
	T::BenchmarkHelper::register(&bank, Tier::Institution, None);
	T::BenchmarkHelper::register(&payee, Tier::L0, Some(bank));
	T::BenchmarkHelper::endow(&payee, rupee_primitives::rupees(200_000) - 1);
	(payee, raw)
}

/// A purse of its own owner holding `escrow`; the owner keeps `left` in its balance.
fn purse<T: Config>(index: u32, escrow: Balance, left: Balance) -> (T::AccountId, sr25519::Public) {
	let owner = owner::<T>(index, escrow + left);
	let device = device(index);
	Pallet::<T>::do_fund_purse(owner.clone(), device.0, escrow).expect("the owner can fund");
	(owner, device)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new purse (the top-up path writes less).
	#[benchmark]
	fn fund_purse() {
		let owner = owner::<T>(0, FUNDS);
		let device = device(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), device.0, 1_000);
		assert_eq!(Purses::<T>::get(device.0).map(|purse| purse.escrow), Some(1_000));
	}

	/// `n` honest vouchers, each from its own purse to its own payee, each crediting across
	/// the payee's holding limit (a sweep).
	#[benchmark]
	fn redeem(n: Linear<1, { T::MaxBatch::get() }>) {
		let redeemer = owner::<T>(u32::MAX, 0);
		let mut vouchers = Vec::new();
		for index in 0..n {
			let (_, device) = purse::<T>(index, 10_000, FUNDS);
			let (_, payee) = payee::<T>(index);
			vouchers.push(sign::<T>(&device, 1, &payee, 1_000));
		}
		let batch = BoundedVec::try_from(vouchers).expect("within the bound");
		#[extrinsic_call]
		_(RawOrigin::Signed(redeemer), batch);
		assert_eq!(Purses::<T>::get(device(0).0).map(|purse| purse.redeemed), Some(1_000));
	}

	/// `n` double spends, each reusing a paid counter of its own purse and owner: the rest of
	/// the escrow, then the owner's balance, then a claim pay each victim; every purse is
	/// compromised and every owner frozen.
	#[benchmark]
	fn redeem_double_spend(n: Linear<1, { T::MaxBatch::get() }>) {
		let redeemer = owner::<T>(u32::MAX, 0);
		let mut vouchers = Vec::new();
		for index in 0..n {
			// The victim gets the 100 of escrow left, the owner's 50, and a claim of 50.
			let (_, device) = purse::<T>(index, 1_000, 50);
			let (_, first_payee) = payee::<T>(index);
			let (_, victim) = payee::<T>(index + n);
			let first = sign::<T>(&device, 1, &first_payee, 900);
			Pallet::<T>::redeem_one(&first, Pallet::<T>::genesis_hash(), 0);
			vouchers.push(sign::<T>(&device, 1, &victim, 200));
		}
		let batch = BoundedVec::try_from(vouchers).expect("within the bound");
		#[extrinsic_call]
		redeem(RawOrigin::Signed(redeemer), batch);
		assert_eq!(TotalClaims::<T>::get(), 50 * n as Balance);
	}

	#[benchmark]
	fn close_purse() {
		let (owner, device) = purse::<T>(0, 1_000, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.0);
		assert!(Revocations::<T>::contains_key(device.0));
	}

	/// A closed purse with escrow left, returned to an owner crossing its holding limit.
	#[benchmark]
	fn settle() {
		let (owner, device) = purse::<T>(0, 1_000, 0);
		Pallet::<T>::do_close_purse(&owner, device.0).expect("the owner closes");
		let closed = Purses::<T>::get(device.0).expect("the purse exists");
		T::BenchmarkHelper::set_time(Pallet::<T>::redeemable_until(&closed) + 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.0);
		assert_eq!(
			Purses::<T>::get(device.0).map(|purse| purse.status),
			Some(PurseStatus::Settled)
		);
	}

	#[benchmark]
	fn settle_claim() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let payer = owner::<T>(1, FUNDS);
		let (claimant, _) = payee::<T>(0);
		Claims::<T>::insert(
			0,
			Claim { claimant, owner: payer.clone(), device_key: [0; 32], amount: 500 },
		);
		TotalClaims::<T>::put(500);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, 0, payer);
		assert!(Claims::<T>::get(0).is_none());
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}
