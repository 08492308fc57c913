//! The runtime charges what was measured: a payment's weight is the sum of its benchmarked
//! parts (the call, the KYC gate, `frame_system`'s extensions, the extrinsic base), priced
//! with the database weights measured for ParityDB on this project's machine, never a `()`
//! placeholder or a figure lowered by hand. The block budget then decides how many payments
//! fit; `scripts/bench-load.sh` measures how many actually finalize.

use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	weights::Weight,
};
use frame_system::ExtensionsWeightInfo;
use pallet_kyc::WeightInfo as _;
use pallet_rupee::WeightInfo as _;
use rupee_runtime::{AccountId, Runtime, RuntimeCall};
use sp_core::H256;
use sp_keyring::Sr25519Keyring;

type System = <Runtime as frame_system::Config>::ExtensionsWeightInfo;

fn payment_weight() -> (frame_support::dispatch::DispatchInfo, Weight) {
	let call = RuntimeCall::Rupee(pallet_rupee::Call::transfer {
		to: AccountId::from(Sr25519Keyring::Ferdie.public()),
		amount: 100,
	});
	let xt = rupee_runtime::client::signed_extrinsic(
		call,
		&Sr25519Keyring::Dave.pair(),
		0,
		H256::zero(),
	);
	let info = xt.get_dispatch_info();
	let base = <Runtime as frame_system::Config>::BlockWeights::get()
		.get(DispatchClass::Normal)
		.base_extrinsic;
	(info, base)
}

#[test]
fn a_payment_is_charged_its_benchmarked_parts() {
	let (info, base) = payment_weight();
	assert_eq!(info.class, DispatchClass::Normal);
	assert_eq!(
		info.call_weight.ref_time(),
		pallet_rupee::weights::SubstrateWeight::<Runtime>::transfer().ref_time()
	);
	let gate = pallet_kyc::weights::SubstrateWeight::<Runtime>::check_permission()
		+ pallet_kyc::weights::SubstrateWeight::<Runtime>::check_nonce_in_window();
	// The transaction is immortal; the nonce check is the gate's own.
	let system = System::check_non_zero_sender()
		+ System::check_spec_version()
		+ System::check_tx_version()
		+ System::check_genesis()
		+ System::check_mortality_immortal_transaction()
		+ System::check_weight()
		+ System::weight_reclaim();
	// Reference time only: a solochain has no proof-size limit to charge against.
	assert_eq!(info.extension_weight.ref_time(), (gate + system).ref_time());
	// `frame_system`'s published weights, priced with this chain's database weights (the
	// `()` placeholder prices them with RocksDB's).
	assert_eq!(
		System::weight_reclaim(),
		frame_system::SubstrateExtensionsWeight::<Runtime>::weight_reclaim()
	);
	assert!(base.ref_time() > 0);
}

#[test]
fn database_weights_are_the_ones_measured_for_paritydb() {
	let measured = rupee_runtime::weights::paritydb_weights::constants::ParityDbWeight::get();
	assert_eq!(<Runtime as frame_system::Config>::DbWeight::get(), measured);
	// Not the SDK's defaults (8 µs a read, 50 µs a write), which were never measured here.
	assert_ne!(measured, frame_support::weights::constants::ParityDbWeight::get());
}

#[test]
fn a_block_holds_at_least_a_thousand_payments_by_weight() {
	let (info, base) = payment_weight();
	let per_payment = info.total_weight() + base;
	let weights = <Runtime as frame_system::Config>::BlockWeights::get();
	let normal = weights.get(DispatchClass::Normal).max_total.expect("a normal budget");
	let fit = normal.ref_time() / per_payment.ref_time();
	println!(
		"a payment is charged {:.1} µs; the normal budget {:.0} ms holds {fit}",
		per_payment.ref_time() as f64 / 1e6,
		normal.ref_time() as f64 / 1e9
	);
	assert!(fit >= 1_000, "{fit} payments per block");
}

/// Every pallet of the production runtime is priced: none runs on `()` weights (which charge
/// RocksDB's figures, or nothing at all, for the work they do). A pallet added with `()` fails
/// here until it gets measured or published weights.
#[test]
fn no_pallet_is_weighed_with_unit_weights() {
	use core::any::type_name;
	type R = Runtime;
	let weights = [
		("System", type_name::<<R as frame_system::Config>::SystemWeightInfo>()),
		("System extensions", type_name::<<R as frame_system::Config>::ExtensionsWeightInfo>()),
		("Timestamp", type_name::<<R as pallet_timestamp::Config>::WeightInfo>()),
		("Validators", type_name::<<R as pallet_validators::Config>::WeightInfo>()),
		("Session", type_name::<<R as pallet_session::Config>::WeightInfo>()),
		("Grandpa", type_name::<<R as pallet_grandpa::Config>::WeightInfo>()),
		("Sudo", type_name::<<R as pallet_sudo::Config>::WeightInfo>()),
		("Kyc", type_name::<<R as pallet_kyc::Config>::WeightInfo>()),
		("Rupee", type_name::<<R as pallet_rupee::Config>::WeightInfo>()),
		("Vouchers", type_name::<<R as pallet_vouchers::Config>::WeightInfo>()),
		(
			"Board",
			type_name::<<R as pallet_collective::Config<pallet_collective::Instance1>>::WeightInfo>(
			),
		),
		(
			"BoardMembership",
			type_name::<<R as pallet_membership::Config<pallet_membership::Instance1>>::WeightInfo>(
			),
		),
		("Preimage", type_name::<<R as pallet_preimage::Config>::WeightInfo>()),
		("Whitelist", type_name::<<R as pallet_whitelist::Config>::WeightInfo>()),
		("Scheduler", type_name::<<R as pallet_scheduler::Config>::WeightInfo>()),
		("Deposits", type_name::<<R as pallet_balances::Config>::WeightInfo>()),
	];
	for (pallet, weight_info) in weights {
		assert_ne!(
			weight_info, "()",
			"{pallet} is weighed with `()`: give it measured or published weights"
		);
	}
	// The list above is every pallet of the runtime that has weights (Aura has none): a pallet
	// added to the runtime fails here until it is added above.
	use frame_support::traits::PalletsInfoAccess;
	let listed: Vec<&str> = weights.iter().map(|(pallet, _)| *pallet).collect();
	for info in rupee_runtime::AllPalletsWithSystem::infos() {
		assert!(
			info.name == "Aura" || listed.contains(&info.name),
			"pallet {} is not checked for `()` weights here",
			info.name
		);
	}
}
