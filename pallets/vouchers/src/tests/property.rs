//! Property: any interleaving of funding, proofs, honest and fraudulent offline payments,
//! closing, the guarantee reserve, time passing and redemptions keeps the supply (balances +
//! escrows + reserve), pays no `(purse, counter)` twice from escrow, makes every payee whole
//! (paid now, or a claim for the rest), and never takes more from an owner or the reserve than
//! a purse's caps (checked by `try_state` after every step).

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use rupee_primitives::rupees;

use super::*;

#[derive(Clone, Debug)]
enum Op {
	/// Owner `device % 2` tops up its purse.
	Fund { device: u8, amount: u64 },
	/// The device signs a voucher; honest ones stay within what it was funded, fraudulent ones
	/// reuse a counter or overspend.
	Pay { device: u8, to_bank: bool, amount: u64, fraud: bool },
	/// Someone redeems the `pick`-th voucher signed so far (again, maybe).
	Redeem { pick: usize },
	/// Three of the four validators sign the purse's pending statement.
	Attest { device: u8 },
	/// The owner closes the purse (a lost phone).
	Close { device: u8 },
	/// Governance moves money from the bank into the guarantee reserve.
	FundReserve { amount: u64 },
	/// Some hours pass.
	Wait { hours: u8 },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		(0..2u8, 1..4_000u64).prop_map(|(device, amount)| Op::Fund { device, amount }),
		(0..2u8, any::<bool>(), 1..2_000u64, prop::bool::weighted(0.3)).prop_map(
			|(device, to_bank, amount, fraud)| Op::Pay { device, to_bank, amount, fraud }
		),
		any::<usize>().prop_map(|pick| Op::Redeem { pick }),
		(0..2u8).prop_map(|device| Op::Attest { device }),
		(0..2u8).prop_map(|device| Op::Close { device }),
		(1..10_000u64).prop_map(|amount| Op::FundReserve { amount }),
		(1..12u8).prop_map(|hours| Op::Wait { hours }),
	]
}

/// What one payer's device knows offline.
#[derive(Default)]
struct Wallet {
	next_counter: u64,
	funded: Balance,
	signed: Balance,
}

proptest! {
	#![proptest_config(ProptestConfig::with_cases(48))]

	#[test]
	fn vouchers_keep_the_supply_and_never_pay_twice(ops in prop::collection::vec(op(), 1..40)) {
		new_test_ext().execute_with(|| {
			let owners = [OWNER, OWNER_2];
			let devices = [device(1), device(2)];
			let issuance = pallet_rupee::TotalIssuance::<Test>::get();
			let mut wallets: [Wallet; 2] = Default::default();
			let mut signed: Vec<Voucher> = Vec::new();
			let mut presented: BTreeSet<Vec<u8>> = BTreeSet::new();

			for op in ops {
				match op {
					Op::Fund { device, amount } => {
						let index = device as usize;
						let amount = rupees(amount);
						let result = Vouchers::fund_purse(
							RuntimeOrigin::signed(owners[index].clone()),
							device_key(&devices[index]),
							amount,
						);
						if result.is_ok() {
							wallets[index].funded += amount;
						}
					},
					Op::Pay { device, to_bank, amount, fraud } => {
						let index = device as usize;
						let wallet = &mut wallets[index];
						if wallet.funded == 0 {
							// No purse certificate: no payee would accept it.
							continue;
						}
						let amount = rupees(amount);
						let payee = if to_bank { BANK } else { MERCHANT };
						let counter = if fraud && wallet.next_counter > 0 {
							wallet.next_counter - 1
						} else {
							if !fraud && wallet.signed + amount > wallet.funded {
								continue;
							}
							wallet.next_counter += 1;
							wallet.next_counter - 1
						};
						wallet.signed += amount;
						signed.push(voucher(&devices[index], counter, &payee, amount));
					},
					Op::Attest { device } => {
						let device = &devices[device as usize];
						if Unattested::<Test>::contains_key(device_key(device)) {
							attest(device);
						}
					},
					Op::Close { device } => {
						let index = device as usize;
						let _ = Vouchers::close_purse(
							RuntimeOrigin::signed(owners[index].clone()),
							device_key(&devices[index]),
						);
					},
					Op::FundReserve { amount } => fund_reserve(rupees(amount)),
					Op::Wait { hours } => advance_time(u64::from(hours) * 3_600_000),
					Op::Redeem { pick } => {
						if signed.is_empty() {
							continue;
						}
						let chosen = signed[pick % signed.len()].clone();
						let first_time = presented.insert(chosen.to_bytes());
						let outcome = Vouchers::check_voucher(&chosen);
						assert!(redeem(&MERCHANT, vec![chosen.clone()]).is_ok());
						match outcome {
							RedeemOutcome::Paid { amount } => {
								assert!(first_time);
								assert_eq!(amount, chosen.body.amount);
							},
							RedeemOutcome::DoubleSpend { paid, claimed, .. } => {
								assert!(first_time);
								assert_eq!(paid + claimed, chosen.body.amount, "the victim is made whole");
							},
							RedeemOutcome::Duplicate => assert!(!first_time),
							RedeemOutcome::Refused { reason } => panic!("refused: {reason:?}"),
						}
					},
				}
				Rupee::do_try_state().expect("supply invariant");
				Vouchers::do_try_state().expect("voucher invariants");
				assert_eq!(pallet_rupee::TotalIssuance::<Test>::get(), issuance);
			}

			// Each (purse, counter) paid from escrow at most once; no voucher compensated twice.
			let mut paid_slots = BTreeMap::new();
			let mut compensated = BTreeSet::new();
			for event in events() {
				match event {
					Event::VoucherRedeemed { device_key, counter, .. } => {
						assert!(paid_slots.insert((device_key, counter), ()).is_none(), "paid twice");
					},
					Event::DoubleSpendDetected { voucher_hash, .. } => {
						assert!(compensated.insert(voucher_hash), "compensated twice");
					},
					_ => {},
				}
			}
			// An honest purse (never double spent) paid everything that was presented.
			for (index, device) in devices.iter().enumerate() {
				if let Some(purse) = Purses::<Test>::get(device_key(device)) {
					if purse.status == PurseStatus::Active {
						assert_eq!(purse.escrow + purse.redeemed, wallets[index].funded);
					}
				}
			}
		});
	}
}
