//! Mock runtime (the real KYC and ledger pallets) and helpers; one file per feature.

mod bounds;
mod double_spend;
mod funding;
mod guarantee;
mod property;
mod redeem;
mod settle;

use frame_support::{
	assert_ok, derive_impl,
	dispatch::DispatchResultWithPostInfo,
	traits::{ConstU32, ConstU64},
	BoundedVec,
};
use frame_system::EnsureRoot;
use rupee_primitives::{
	rupees,
	voucher::{VoucherBody, VOUCHER_VERSION},
	Balance, Tier,
};
use sp_core::{sr25519, Pair};
use sp_runtime::{traits::IdentityLookup, AccountId32, BuildStorage};

use crate::{self as pallet_vouchers, *};

pub type AccountId = AccountId32;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(RuntimeCall, RuntimeEvent, RuntimeError, RuntimeOrigin, RuntimeTask)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Kyc = pallet_kyc;
	#[runtime::pallet_index(3)]
	pub type Rupee = pallet_rupee;
	#[runtime::pallet_index(4)]
	pub type Vouchers = pallet_vouchers;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = frame_system::mocking::MockBlock<Test>;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	/// Real database weights: clearing settled purses is budgeted by them.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

#[derive_impl(pallet_kyc::config_preludes::TestDefaultConfig)]
impl pallet_kyc::Config for Test {
	type GovernanceOrigin = EnsureRoot<AccountId>;
	/// Room for the banks of a full batch's customers in the benchmarks.
	type MaxProviders = ConstU32<32>;
	type Time = Timestamp;
	type CallRules = pallet_kyc::Permissive<Test>;
}

#[derive_impl(pallet_rupee::config_preludes::TestDefaultConfig)]
impl pallet_rupee::Config for Test {
	type Policy = Kyc;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Time = Timestamp;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Kyc;
}

pub const DAY: u64 = 86_400_000;
/// The smallest voucher in the mock: one rupee.
pub const MIN_VOUCHER: Balance = 100;
/// Counters per purse in the mock.
pub const MAX_VOUCHERS: u64 = 1_000;
/// Double spends recorded per purse in the mock.
pub const MAX_DOUBLE_SPENDS: u32 = 64;
pub const LIFETIME: u64 = 30 * DAY;
pub const GRACE: u64 = 7 * DAY;

impl pallet_vouchers::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Policy = Kyc;
	type Escrow = Rupee;
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type Time = Timestamp;
	type PurseLifetime = ConstU64<LIFETIME>;
	type GraceWindow = ConstU64<GRACE>;
	type RevocationNotice = ConstU64<DAY>;
	type MaxBatch = ConstU32<8>;
	type MaxPursesPerOwner = ConstU32<2>;
	type MinVoucherAmount = frame_support::traits::ConstU128<MIN_VOUCHER>;
	type MaxVouchersPerPurse = ConstU64<MAX_VOUCHERS>;
	type MaxDoubleSpendsPerPurse = ConstU32<MAX_DOUBLE_SPENDS>;
	type GuaranteePerPurse = ConstU32<4>;
	type Attesters = MockAttesters;
	type MaxAttesters = ConstU32<8>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

frame_support::parameter_types! {
	/// The mock's GRANDPA set id; tests move it to play a set change.
	pub static SetId: u64 = 1;
	/// The benchmarks' own attester set, when they install one (each key of weight 1).
	pub static BenchmarkAttesters: Option<Vec<[u8; 32]>> = None;
}

/// The validators of the mock: four ed25519 keys of weight 1.
pub fn validator(n: u32) -> sp_core::ed25519::Pair {
	sp_core::ed25519::Pair::from_seed(&[200 + n as u8; 32])
}

pub struct MockAttesters;

impl crate::AttesterSource for MockAttesters {
	fn current() -> AttesterSet {
		AttesterSet {
			set_id: SetId::get(),
			authorities: match BenchmarkAttesters::get() {
				Some(keys) => keys.into_iter().map(|key| (key, 1)).collect(),
				None => (0..4).map(|n| (validator(n).public().0, 1)).collect(),
			},
		}
	}
}

/// Validator `n`'s signature of `device`'s pending statement for the current set.
pub fn attestation(device: &sr25519::Pair, n: u32) -> AttesterSignature {
	let statement = Attestations::<Test>::get(device_key(device)).expect("a statement").statement;
	AttesterSignature {
		authority: n,
		signature: validator(n).sign(&statement.signing_payload(SetId::get())).0,
	}
}

/// Three of the four validators sign `device`'s statement: its proof is complete.
pub fn attest(device: &sr25519::Pair) {
	for n in 0..3 {
		assert_ok!(Vouchers::attest(
			RuntimeOrigin::none(),
			device_key(device),
			SetId::get(),
			attestation(device, n)
		));
	}
	assert!(Vouchers::purse_proof(device_key(device)).is_some());
}

/// Fund the guarantee reserve with `amount` from the bank.
pub fn fund_reserve(amount: Balance) {
	assert_ok!(Vouchers::fund_guarantee(RuntimeOrigin::root(), BANK, amount));
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn register(who: &AccountId, tier: Tier, linked_bank: Option<AccountId>) {
		<Kyc as rupee_primitives::PolicyBenchmarkHelper<AccountId>>::register(
			who,
			tier,
			linked_bank,
		)
	}
	fn endow(who: &AccountId, amount: Balance) {
		Rupee::endow_for_benchmarks(who, amount)
	}
	fn set_time(now: u64) {
		pallet_timestamp::Now::<Test>::put(now)
	}
	fn set_attesters(keys: Vec<[u8; 32]>) {
		BenchmarkAttesters::set(Some(keys))
	}
}

pub const ISSUER: AccountId = AccountId32::new([100; 32]);
pub const BANK: AccountId = AccountId32::new([1; 32]);
/// L1 (purse cap 10,000 PKR, voucher cap 2,000 PKR), no linked bank; funds purses.
pub const OWNER: AccountId = AccountId32::new([10; 32]);
/// Another L1 owner.
pub const OWNER_2: AccountId = AccountId32::new([11; 32]);
/// L0, linked to the bank.
pub const PAYEE: AccountId = AccountId32::new([20; 32]);
/// A merchant, linked to the bank.
pub const MERCHANT: AccountId = AccountId32::new([30; 32]);
/// Not registered.
pub const STRANGER: AccountId = AccountId32::new([40; 32]);

pub const EXPIRY: u64 = 10 * 365 * DAY;
/// The mock's genesis hash (frame-system's genesis placeholder).
pub const GENESIS: [u8; 32] = [69; 32];
/// 100,000 PKR.
pub const OPENING: Balance = rupees(100_000);
pub const START: u64 = 10 * DAY + DAY / 2;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_kyc::GenesisConfig::<Test> {
		providers: vec![BANK],
		accounts: vec![
			(BANK, BANK, Tier::Institution, EXPIRY, None),
			(ISSUER, BANK, Tier::Institution, EXPIRY, None),
			(OWNER, BANK, Tier::L1, EXPIRY, None),
			(OWNER_2, BANK, Tier::L1, EXPIRY, None),
			(PAYEE, BANK, Tier::L0, EXPIRY, Some(BANK)),
			(MERCHANT, BANK, Tier::Merchant, EXPIRY, Some(BANK)),
		],
		limits: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_rupee::GenesisConfig::<Test> {
		issuer: Some(ISSUER),
		supply_ceiling: rupees(1_000_000_000),
		balances: vec![(BANK, rupees(10_000_000)), (OWNER, OPENING), (OWNER_2, OPENING)],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	// The benchmarks sign vouchers with keys they generate in a keystore.
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| {
		System::set_block_number(1);
		Timestamp::set_timestamp(START);
	});
	ext
}

/// Run `test` on the genesis state, then check the ledger's and this pallet's invariants.
pub fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Rupee::do_try_state().expect("supply invariant holds");
		Vouchers::do_try_state().expect("voucher invariants hold");
	});
}

/// The device key pair of purse number `n`.
pub fn device(n: u8) -> sr25519::Pair {
	sr25519::Pair::from_seed(&[n; 32])
}

pub fn device_key(pair: &sr25519::Pair) -> DeviceKey {
	pair.public().0
}

/// A voucher of `device` paying `payee` `amount`, signed now for this chain.
pub fn voucher(
	device: &sr25519::Pair,
	counter: u64,
	payee: &AccountId,
	amount: Balance,
) -> Voucher {
	Voucher::sign(
		VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: GENESIS,
			device_key: device_key(device),
			counter,
			payee: payee.clone().into(),
			amount,
			issued_at: START,
		},
		device,
	)
}

pub fn fund(owner: &AccountId, device: &sr25519::Pair, amount: Balance) {
	assert_ok!(Vouchers::fund_purse(
		RuntimeOrigin::signed(owner.clone()),
		device_key(device),
		amount
	));
}

/// Fund a purse; the error alone if refused (a refusal's weight is tested on its own).
pub fn try_fund(
	owner: &AccountId,
	device_key: DeviceKey,
	amount: Balance,
) -> sp_runtime::DispatchResult {
	Vouchers::fund_purse(RuntimeOrigin::signed(owner.clone()), device_key, amount)
		.map(|_| ())
		.map_err(|error| error.error)
}

pub fn redeem(by: &AccountId, vouchers: Vec<Voucher>) -> DispatchResultWithPostInfo {
	Vouchers::redeem(RuntimeOrigin::signed(by.clone()), BoundedVec::truncate_from(vouchers))
}

pub fn balance(who: &AccountId) -> Balance {
	pallet_rupee::Ledger::<Test>::get(who).free
}

pub fn purse(device: &sr25519::Pair) -> Purse<AccountId> {
	Purses::<Test>::get(device_key(device)).expect("the purse exists")
}

pub fn events() -> Vec<pallet_vouchers::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Vouchers(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub fn last_event() -> pallet_vouchers::Event<Test> {
	events().pop().expect("the vouchers pallet emitted an event")
}

/// The refusal event of the last voucher redeemed.
pub fn last_refusal() -> VoucherRefusal {
	match last_event() {
		Event::VoucherRefused { reason, .. } => reason,
		other => panic!("expected a refusal, got {other:?}"),
	}
}

pub fn advance_time(by: u64) {
	Timestamp::set_timestamp(pallet_timestamp::Now::<Test>::get() + by);
}
