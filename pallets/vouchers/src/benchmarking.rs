//! Benchmarks (v2) of every call, each in its worst case. `redeem` and `redeem_double_spend`
//! take batches where every voucher comes from its own purse and owner and pays its own payee,
//! each payee customer of its own bank (up to [`BANKS`]), so little is cached between vouchers.

use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get, UnfilteredDispatchable},
	BoundedVec,
};
use frame_system::RawOrigin;
use rupee_primitives::{
	purse_proof::AttesterSignature,
	voucher::{Voucher, VoucherBody, VOUCHER_VERSION},
	Balance, Escrow, Tier,
};
use sp_core::{ed25519, sr25519};
#[allow(deprecated)] // The pallet's `attest` is still an unsigned transaction.
use sp_runtime::{traits::ValidateUnsigned, KeyTypeId};

use crate::{pallet::*, types::*, AttesterSource, BenchmarkHelper};

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

/// `n` validators' ed25519 keys in the benchmark keystore, made the current attester set.
fn attesters<T: Config>(n: u32) -> Vec<ed25519::Public> {
	let keys: Vec<ed25519::Public> = (0..n)
		.map(|index| {
			let seed = alloc::format!("//attester-{index}");
			sp_io::crypto::ed25519_generate(KEY_TYPE, Some(seed.into_bytes()))
		})
		.collect();
	T::BenchmarkHelper::set_attesters(keys.iter().map(|key| key.0).collect());
	keys
}

/// How many banks the customers of a benchmark spread over. The runtime accredits at most 64
/// (a few at genesis), so a batch of 64 vouchers touches at most about that many banks: each
/// voucher in a batch up to this size reaches a bank no other voucher touched.
const BANKS: u32 = 48;

/// The bank of the customer numbered `index`.
fn bank<T: Config>(index: u32) -> T::AccountId {
	let bank: T::AccountId = account("bank", index % BANKS, 0);
	T::BenchmarkHelper::register(&bank, Tier::Institution, None);
	bank
}

/// An L2 owner with `funds`, customer of bank `index`.
fn owner<T: Config>(index: u32, funds: Balance) -> T::AccountId {
	let owner: T::AccountId = account("owner", index, 0);
	let bank = bank::<T>(index);
	T::BenchmarkHelper::register(&owner, Tier::L2, Some(bank));
	T::BenchmarkHelper::endow(&owner, funds);
	owner
}

/// A payee whose credit crosses its holding limit, so redemption also sweeps to its bank
/// (bank `index`).
fn payee<T: Config>(index: u32) -> (T::AccountId, [u8; 32]) {
	let raw: [u8; 32] =
		account::<T::AccountId>("payee", index, 0).encode().try_into().unwrap_or([0; 32]);
	let payee = T::AccountId::from(raw);
	let bank = bank::<T>(index);
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

	/// A new purse (the top-up path writes less), stated for the largest attester set.
	#[benchmark]
	fn fund_purse() {
		attesters::<T>(T::MaxAttesters::get());
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

	/// `n` double spends, each over the escrow left in its own purse of its own owner (the
	/// heavier kind: the voucher's counter is recorded too), each paid from all four sources:
	/// the escrow left, the owner's balance, the guarantee reserve (the purse was proved, so the
	/// owner now owes it) and a claim for the rest. Every purse is compromised and every owner
	/// frozen.
	#[benchmark]
	fn redeem_double_spend(n: Linear<1, { T::MaxBatch::get() }>) {
		let redeemer = owner::<T>(u32::MAX, 0);
		let funder: T::AccountId = account("guarantee-funder", 0, 0);
		T::BenchmarkHelper::register(&funder, Tier::Institution, None);
		T::BenchmarkHelper::endow(&funder, 100 * n as Balance);
		T::Escrow::fund_guarantee(&funder, 100 * n as Balance).expect("the funder has it");
		let mut vouchers = Vec::new();
		for index in 0..n {
			// An honest 900 leaves 100 of escrow; the owner keeps 50; a proof stated 250, so
			// the reserve covers 250 - 150 = 100 of the victim's 300; 50 is claimed.
			let (_, device) = purse::<T>(index, 1_000, 50);
			Liabilities::<T>::mutate(device.0, |liability| liability.proved_escrow = 250);
			let (_, first_payee) = payee::<T>(index);
			let (_, victim) = payee::<T>(index + n);
			let first = sign::<T>(&device, 1, &first_payee, 900);
			Pallet::<T>::redeem_one(&first, Pallet::<T>::genesis_hash(), 0);
			vouchers.push(sign::<T>(&device, 2, &victim, 300));
		}
		let batch = BoundedVec::try_from(vouchers).expect("within the bound");
		#[extrinsic_call]
		redeem(RawOrigin::Signed(redeemer), batch);
		assert_eq!(TotalClaims::<T>::get(), 50 * n as Balance);
		assert_eq!(TotalDebts::<T>::get(), 100 * n as Balance);
		assert_eq!(T::Escrow::guarantee_reserve(), 0);
		assert_eq!(HighestCounter::<T>::get(device(0).0), Some(2));
	}

	#[benchmark]
	fn close_purse() {
		let (owner, device) = purse::<T>(0, 1_000, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.0);
		assert!(Revocations::<T>::contains_key(device.0));
	}

	/// A closed purse with escrow left, returned to an owner crossing its holding limit (a
	/// sweep to its bank), with every record a settlement clears: a redeemed counter, a proof,
	/// a statement being signed and one waiting to be restated.
	#[benchmark]
	fn settle() {
		let max_balance = rupee_primitives::TierLimits::default_for(Tier::L2).max_balance;
		let (owner, device) = purse::<T>(0, 1_000, max_balance - 500);
		let (_, payee) = payee::<T>(0);
		Pallet::<T>::redeem_one(
			&sign::<T>(&device, 1, &payee, 100),
			Pallet::<T>::genesis_hash(),
			0,
		);
		let attestation = Attestations::<T>::get(device.0).expect("funding requested it");
		Proven::<T>::insert(device.0, attestation);
		Restate::<T>::insert(device.0, ());
		Pallet::<T>::do_close_purse(&owner, device.0).expect("the owner closes");
		let closed = Purses::<T>::get(device.0).expect("the purse exists");
		T::BenchmarkHelper::set_time(Pallet::<T>::redeemable_until(&closed) + 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), device.0);
		assert_eq!(
			Purses::<T>::get(device.0).map(|purse| purse.status),
			Some(PurseStatus::Settled)
		);
		assert!(HighestCounter::<T>::get(device.0).is_none());
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

	/// What `owner` owes the guarantee reserve, all taken back from its balance.
	#[benchmark]
	fn settle_debt() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let debtor = owner::<T>(1, FUNDS);
		Debts::<T>::insert(&debtor, 500);
		TotalDebts::<T>::put(500);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, debtor.clone(), [7; 32]);
		assert!(Debts::<T>::get(&debtor).is_none());
		assert_eq!(T::Escrow::guarantee_reserve(), 500);
		Ok(())
	}

	/// A bank's money moved into the guarantee reserve.
	#[benchmark]
	fn fund_guarantee() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let bank = bank::<T>(0);
		T::BenchmarkHelper::endow(&bank, FUNDS);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bank, 1_000);
		assert_eq!(T::Escrow::guarantee_reserve(), 1_000);
		Ok(())
	}

	/// The signature that completes a purse's proof in a set of `n` validators of weight 1 (the
	/// others needed signed before; it is checked against all of them and sorted in last),
	/// while a top-up waits: the proof is written and the purse's new statement requested.
	/// Measured as a block runs it: the unsigned transaction's `pre_dispatch` (its own check
	/// of the signature), then the call.
	#[benchmark]
	fn attest(n: Linear<1, { T::MaxAttesters::get() }>) {
		let keys = attesters::<T>(n);
		let (_, device) = purse::<T>(0, 1_000, 0);
		let set = T::Attesters::current();
		let needed = (1..=n).find(|signed| set.is_supermajority(*signed as u64)).unwrap_or(n);
		let mut attestation = Attestations::<T>::get(device.0).expect("funding requested it");
		for authority in 0..needed - 1 {
			let earlier = AttesterSignature { authority, signature: [0; 64] };
			attestation.signatures.try_push(earlier).expect("within the set's bound");
		}
		let payload = attestation.statement.signing_payload(set.set_id);
		Attestations::<T>::insert(device.0, attestation);
		Restate::<T>::insert(device.0, ());
		let last = needed - 1;
		let signature = sp_io::crypto::ed25519_sign(KEY_TYPE, &keys[last as usize], &payload)
			.expect("the key is in the keystore");
		let signature = AttesterSignature { authority: last, signature: signature.0 };
		let call = Call::<T>::attest { device_key: device.0, set_id: set.set_id, signature };
		#[block]
		{
			#[allow(deprecated)]
			Pallet::<T>::pre_dispatch(&call).expect("the signature is valid");
			call.dispatch_bypass_filter(RawOrigin::None.into()).expect("it completes the proof");
		}
		assert!(Proven::<T>::contains_key(device.0));
		assert!(Unattested::<T>::contains_key(device.0), "the top-up's statement is requested");
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::new_test_ext(), crate::tests::Test);
}
