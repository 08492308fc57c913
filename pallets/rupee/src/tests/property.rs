//! Property: any sequence of mint, burn, transfer, freeze, clawback and escrow moves keeps
//! the supply invariant, never creates or destroys money outside mint and burn, and never
//! leaves a customer above its holding limit.

use super::*;
use proptest::prelude::*;

const ACCOUNTS: [AccountId; 7] = [ISSUER, BANK_A, BANK_B, ALICE, BOB, MERCHANT, STRANGER];

#[derive(Clone, Debug)]
enum Op {
	Transfer(AccountId, AccountId, Balance),
	Mint(AccountId, Balance),
	Burn(Balance),
	Freeze(AccountId),
	Unfreeze(AccountId),
	Clawback(AccountId, Balance),
	Reserve(AccountId, Balance),
	Release(AccountId, Balance),
	PayFromEscrow(AccountId, AccountId, Balance),
	Seize(AccountId, AccountId, Balance),
	NextDay,
}

fn who() -> impl Strategy<Value = AccountId> {
	prop::sample::select(ACCOUNTS.to_vec())
}

/// Amounts around the interesting sizes: tiny, limit-sized, huge, and `u128::MAX`.
fn amount() -> impl Strategy<Value = Balance> {
	prop_oneof![
		0..1_000u128,
		1_000_000..30_000_000u128,
		Just(rupees(25_000)),
		Just(Balance::MAX),
		any::<u128>(),
	]
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		4 => (who(), who(), amount()).prop_map(|(a, b, x)| Op::Transfer(a, b, x)),
		1 => (who(), amount()).prop_map(|(a, x)| Op::Mint(a, x)),
		1 => amount().prop_map(Op::Burn),
		1 => who().prop_map(Op::Freeze),
		1 => who().prop_map(Op::Unfreeze),
		1 => (who(), amount()).prop_map(|(a, x)| Op::Clawback(a, x)),
		1 => (who(), amount()).prop_map(|(a, x)| Op::Reserve(a, x)),
		1 => (who(), amount()).prop_map(|(a, x)| Op::Release(a, x)),
		1 => (who(), who(), amount()).prop_map(|(a, b, x)| Op::PayFromEscrow(a, b, x)),
		1 => (who(), who(), amount()).prop_map(|(a, b, x)| Op::Seize(a, b, x)),
		1 => Just(Op::NextDay),
	]
}

/// Escrow moves as another pallet makes them: inside a storage layer, like a dispatch.
fn layered(f: impl FnOnce() -> sp_runtime::DispatchResult) {
	let _ = frame_support::storage::with_storage_layer(f);
}

fn apply(op: &Op) {
	match op.clone() {
		Op::Transfer(a, b, x) => layered(|| Rupee::transfer(signed(a), b, x)),
		Op::Mint(a, x) => layered(|| Rupee::mint(signed(ISSUER), a, x)),
		Op::Burn(x) => layered(|| Rupee::burn(signed(ISSUER), x)),
		Op::Freeze(a) => layered(|| Rupee::freeze(root(), a)),
		Op::Unfreeze(a) => layered(|| Rupee::unfreeze(root(), a)),
		Op::Clawback(a, x) => layered(|| Rupee::clawback(root(), a, x, [0; 32])),
		Op::Reserve(a, x) => layered(|| <Rupee as Escrow<_>>::reserve(&a, x)),
		Op::Release(a, x) => layered(|| <Rupee as Escrow<_>>::release(&a, x)),
		Op::PayFromEscrow(a, b, x) => layered(|| <Rupee as Escrow<_>>::pay_from_escrow(&a, &b, x)),
		Op::Seize(a, b, x) => layered(|| <Rupee as Escrow<_>>::seize(&a, &b, x).map(|_| ())),
		Op::NextDay => advance_days(1),
	}
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(300))]

	#[test]
	fn the_ledger_keeps_its_invariants(ops in prop::collection::vec(op(), 1..60)) {
		run(|| {
			for op in &ops {
				let issuance = TotalIssuance::<Test>::get();
				apply(op);
				Rupee::do_try_state().unwrap_or_else(|e| panic!("after {op:?}: {e:?}"));
				let after = TotalIssuance::<Test>::get();
				match op {
					Op::Mint(..) => assert!(after >= issuance),
					Op::Burn(..) => assert!(after <= issuance),
					_ => assert_eq!(after, issuance, "{op:?} changed the supply"),
				}
				for who in [ALICE, BOB, MERCHANT] {
					let tier = pallet_kyc::Accounts::<Test>::get(who).unwrap().tier;
					let max = Kyc::limits_of(tier).max_balance;
					assert!(balance(who) <= max, "{who} above its holding limit after {op:?}");
				}
			}
		});
	}
}
