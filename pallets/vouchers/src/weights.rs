
//! Weights for `pallet_vouchers`, measured by `rupee-node benchmark pallet` (scripts/benchmark-pallets.sh).
//!
//! DATE: 2026-12-02, STEPS: `50`, REPEAT: `20`
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//! WASM-EXECUTION: `Compiled`, DB CACHE: 1024
//!
//! Regenerate on the reference machine after changing a call; never edit by hand.

// Executed Command:
// /var/tmp/rupee-target/release/rupee-node
// benchmark
// pallet
// --runtime
// /var/tmp/rupee-target/release/wbuild/rupee-runtime/rupee_runtime.compact.compressed.wasm
// --genesis-builder=runtime
// --genesis-builder-preset=development
// --pallet
// pallet_vouchers
// --extrinsic
// *
// --steps
// 50
// --repeat
// 20
// --template
// scripts/weight-template.hbs
// --output
// /work/main/pallets/vouchers/src/weights.rs

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
	fn settle_debt() -> Weight;
	fn fund_guarantee() -> Weight;
	fn attest(n: u32, ) -> Weight;
}

/// Weights for `pallet_vouchers` using the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PurseCount` (r:1 w:1)
	/// Proof: `Vouchers::PurseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:1 w:1)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Liabilities` (r:1 w:1)
	/// Proof: `Vouchers::Liabilities` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Unattested` (r:1 w:1)
	/// Proof: `Vouchers::Unattested` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::CurrentSetId` (r:1 w:0)
	/// Proof: `Grandpa::CurrentSetId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::Authorities` (r:1 w:0)
	/// Proof: `Grandpa::Authorities` (`max_values`: Some(1), `max_size`: Some(1281), added: 1776, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Attestations` (r:0 w:1)
	/// Proof: `Vouchers::Attestations` (`max_values`: None, `max_size`: Some(2382), added: 4857, mode: `MaxEncodedLen`)
	fn fund_purse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2406`
		//  Estimated: `3621`
		// Minimum execution time: 162_634_000 picoseconds.
		Weight::from_parts(272_921_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(13_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:64 w:64)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Redeemed` (r:64 w:64)
	/// Proof: `Vouchers::Redeemed` (`max_values`: None, `max_size`: Some(257), added: 2732, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::DoubleSpends` (r:64 w:0)
	/// Proof: `Vouchers::DoubleSpends` (`max_values`: None, `max_size`: Some(537), added: 3012, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Compensated` (r:64 w:0)
	/// Proof: `Vouchers::Compensated` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:64 w:0)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:112 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:64 w:64)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:112 w:112)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::HighestCounter` (r:64 w:64)
	/// Proof: `Vouchers::HighestCounter` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PaidTo` (r:64 w:64)
	/// Proof: `Vouchers::PaidTo` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	fn redeem(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1276`
		//  Estimated: `9032`
		// Minimum execution time: 402_324_000 picoseconds.
		Weight::from_parts(454_624_235, 0)
			.saturating_add(Weight::from_parts(0, 9032))
			.saturating_add(Weight::from_parts(263_933_481, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
			.saturating_add(T::DbWeight::get().reads((12_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4844).saturating_mul(n.into()))
	}
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:64 w:64)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Redeemed` (r:64 w:64)
	/// Proof: `Vouchers::Redeemed` (`max_values`: None, `max_size`: Some(257), added: 2732, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::DoubleSpends` (r:64 w:64)
	/// Proof: `Vouchers::DoubleSpends` (`max_values`: None, `max_size`: Some(537), added: 3012, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Compensated` (r:64 w:0)
	/// Proof: `Vouchers::Compensated` (`max_values`: None, `max_size`: Some(80), added: 2555, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:64 w:64)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:176 w:64)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::DoubleSpendCount` (r:64 w:64)
	/// Proof: `Vouchers::DoubleSpendCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Liabilities` (r:64 w:64)
	/// Proof: `Vouchers::Liabilities` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PaidTo` (r:64 w:64)
	/// Proof: `Vouchers::PaidTo` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:64 w:64)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:176 w:176)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::GuaranteeReserve` (r:1 w:1)
	/// Proof: `Rupee::GuaranteeReserve` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Debts` (r:64 w:64)
	/// Proof: `Vouchers::Debts` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalDebts` (r:1 w:1)
	/// Proof: `Vouchers::TotalDebts` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::NextClaimId` (r:1 w:1)
	/// Proof: `Vouchers::NextClaimId` (`max_values`: Some(1), `max_size`: Some(4), added: 499, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalClaims` (r:1 w:1)
	/// Proof: `Vouchers::TotalClaims` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::RevocationDigest` (r:1 w:1)
	/// Proof: `Vouchers::RevocationDigest` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::HighestCounter` (r:64 w:64)
	/// Proof: `Vouchers::HighestCounter` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::FrozenAt` (r:0 w:64)
	/// Proof: `Vouchers::FrozenAt` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Claims` (r:0 w:64)
	/// Proof: `Vouchers::Claims` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	fn redeem_double_spend(n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1339`
		//  Estimated: `9032`
		// Minimum execution time: 636_241_000 picoseconds.
		Weight::from_parts(669_303_000, 0)
			.saturating_add(Weight::from_parts(0, 9032))
			.saturating_add(Weight::from_parts(576_767_182, 0).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(15_u64))
			.saturating_add(T::DbWeight::get().writes(9_u64))
			.saturating_add(T::DbWeight::get().reads((17_u64).saturating_mul(n.into())))
			.saturating_add(T::DbWeight::get().writes((16_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 7475).saturating_mul(n.into()))
	}
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::RevocationDigest` (r:1 w:1)
	/// Proof: `Vouchers::RevocationDigest` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:1 w:1)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	fn close_purse() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `381`
		//  Estimated: `3602`
		// Minimum execution time: 35_847_000 picoseconds.
		Weight::from_parts(68_659_000, 0)
			.saturating_add(Weight::from_parts(0, 3602))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	/// Storage: `Vouchers::Purses` (r:1 w:1)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:2 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Escrowed` (r:1 w:1)
	/// Proof: `Rupee::Escrowed` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::TotalEscrowed` (r:1 w:1)
	/// Proof: `Rupee::TotalEscrowed` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:2 w:2)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::PurseCount` (r:1 w:1)
	/// Proof: `Vouchers::PurseCount` (`max_values`: None, `max_size`: Some(52), added: 2527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::RevocationDigest` (r:1 w:1)
	/// Proof: `Vouchers::RevocationDigest` (`max_values`: Some(1), `max_size`: Some(32), added: 527, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Revocations` (r:1 w:1)
	/// Proof: `Vouchers::Revocations` (`max_values`: None, `max_size`: Some(57), added: 2532, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::ToClear` (r:0 w:1)
	/// Proof: `Vouchers::ToClear` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::HighestCounter` (r:0 w:1)
	/// Proof: `Vouchers::HighestCounter` (`max_values`: None, `max_size`: Some(56), added: 2531, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Unattested` (r:0 w:1)
	/// Proof: `Vouchers::Unattested` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Proven` (r:0 w:1)
	/// Proof: `Vouchers::Proven` (`max_values`: None, `max_size`: Some(2382), added: 4857, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Restate` (r:0 w:1)
	/// Proof: `Vouchers::Restate` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Attestations` (r:0 w:1)
	/// Proof: `Vouchers::Attestations` (`max_values`: None, `max_size`: Some(2382), added: 4857, mode: `MaxEncodedLen`)
	fn settle() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `2054`
		//  Estimated: `6252`
		// Minimum execution time: 136_977_000 picoseconds.
		Weight::from_parts(181_179_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(14_u64))
	}
	/// Storage: `Vouchers::Claims` (r:1 w:1)
	/// Proof: `Vouchers::Claims` (`max_values`: None, `max_size`: Some(124), added: 2599, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:3 w:3)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Accounts` (r:2 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Kyc::Limits` (r:1 w:0)
	/// Proof: `Kyc::Limits` (`max_values`: None, `max_size`: Some(125), added: 2600, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalClaims` (r:1 w:1)
	/// Proof: `Vouchers::TotalClaims` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn settle_claim() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `1413`
		//  Estimated: `8823`
		// Minimum execution time: 83_687_000 picoseconds.
		Weight::from_parts(129_733_000, 0)
			.saturating_add(Weight::from_parts(0, 8823))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	/// Storage: `Vouchers::Debts` (r:1 w:1)
	/// Proof: `Vouchers::Debts` (`max_values`: None, `max_size`: Some(64), added: 2539, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::GuaranteeReserve` (r:1 w:1)
	/// Proof: `Rupee::GuaranteeReserve` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::TotalDebts` (r:1 w:1)
	/// Proof: `Vouchers::TotalDebts` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn settle_debt() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `653`
		//  Estimated: `3601`
		// Minimum execution time: 44_713_000 picoseconds.
		Weight::from_parts(71_363_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	/// Storage: `Kyc::Accounts` (r:1 w:0)
	/// Proof: `Kyc::Accounts` (`max_values`: None, `max_size`: Some(156), added: 2631, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::Ledger` (r:1 w:1)
	/// Proof: `Rupee::Ledger` (`max_values`: None, `max_size`: Some(136), added: 2611, mode: `MaxEncodedLen`)
	/// Storage: `Rupee::GuaranteeReserve` (r:1 w:1)
	/// Proof: `Rupee::GuaranteeReserve` (`max_values`: Some(1), `max_size`: Some(16), added: 511, mode: `MaxEncodedLen`)
	fn fund_guarantee() -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `805`
		//  Estimated: `3621`
		// Minimum execution time: 36_688_000 picoseconds.
		Weight::from_parts(60_293_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	/// Storage: `Vouchers::Unattested` (r:1 w:1)
	/// Proof: `Vouchers::Unattested` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Attestations` (r:1 w:1)
	/// Proof: `Vouchers::Attestations` (`max_values`: None, `max_size`: Some(2382), added: 4857, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::CurrentSetId` (r:1 w:0)
	/// Proof: `Grandpa::CurrentSetId` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Grandpa::Authorities` (r:1 w:0)
	/// Proof: `Grandpa::Authorities` (`max_values`: Some(1), `max_size`: Some(1281), added: 1776, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Liabilities` (r:1 w:1)
	/// Proof: `Vouchers::Liabilities` (`max_values`: None, `max_size`: Some(112), added: 2587, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Restate` (r:1 w:1)
	/// Proof: `Vouchers::Restate` (`max_values`: None, `max_size`: Some(48), added: 2523, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Purses` (r:1 w:0)
	/// Proof: `Vouchers::Purses` (`max_values`: None, `max_size`: Some(137), added: 2612, mode: `MaxEncodedLen`)
	/// Storage: `System::BlockHash` (r:1 w:0)
	/// Proof: `System::BlockHash` (`max_values`: None, `max_size`: Some(44), added: 2519, mode: `MaxEncodedLen`)
	/// Storage: `Timestamp::Now` (r:1 w:0)
	/// Proof: `Timestamp::Now` (`max_values`: Some(1), `max_size`: Some(8), added: 503, mode: `MaxEncodedLen`)
	/// Storage: `Vouchers::Proven` (r:0 w:1)
	/// Proof: `Vouchers::Proven` (`max_values`: None, `max_size`: Some(2382), added: 4857, mode: `MaxEncodedLen`)
	fn attest(_n: u32, ) -> Weight {
		// Proof Size summary in bytes:
		//  Measured:  `911`
		//  Estimated: `5847`
		// Minimum execution time: 220_624_000 picoseconds.
		Weight::from_parts(355_315_656, 0)
			.saturating_add(Weight::from_parts(0, 5847))
			.saturating_add(T::DbWeight::get().reads(9_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
}

/// For tests: the same weights with ParityDB's database weights.
impl WeightInfo for () {
	fn fund_purse() -> Weight {
		Weight::from_parts(272_921_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(13_u64))
			.saturating_add(ParityDbWeight::get().writes(8_u64))
	}
	fn redeem(n: u32, ) -> Weight {
		Weight::from_parts(454_624_235, 0)
			.saturating_add(Weight::from_parts(0, 9032))
			.saturating_add(ParityDbWeight::get().reads(10_u64))
			.saturating_add(Weight::from_parts(263_933_481, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
			.saturating_add(ParityDbWeight::get().reads((12_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((7_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 4844).saturating_mul(n.into()))
	}
	fn redeem_double_spend(n: u32, ) -> Weight {
		Weight::from_parts(669_303_000, 0)
			.saturating_add(Weight::from_parts(0, 9032))
			.saturating_add(ParityDbWeight::get().reads(15_u64))
			.saturating_add(Weight::from_parts(576_767_182, 0).saturating_mul(n.into()))
			.saturating_add(ParityDbWeight::get().writes(9_u64))
			.saturating_add(ParityDbWeight::get().reads((17_u64).saturating_mul(n.into())))
			.saturating_add(ParityDbWeight::get().writes((16_u64).saturating_mul(n.into())))
			.saturating_add(Weight::from_parts(0, 7475).saturating_mul(n.into()))
	}
	fn close_purse() -> Weight {
		Weight::from_parts(68_659_000, 0)
			.saturating_add(Weight::from_parts(0, 3602))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(3_u64))
	}
	fn settle() -> Weight {
		Weight::from_parts(181_179_000, 0)
			.saturating_add(Weight::from_parts(0, 6252))
			.saturating_add(ParityDbWeight::get().reads(12_u64))
			.saturating_add(ParityDbWeight::get().writes(14_u64))
	}
	fn settle_claim() -> Weight {
		Weight::from_parts(129_733_000, 0)
			.saturating_add(Weight::from_parts(0, 8823))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
	fn settle_debt() -> Weight {
		Weight::from_parts(71_363_000, 0)
			.saturating_add(Weight::from_parts(0, 3601))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(4_u64))
	}
	fn fund_guarantee() -> Weight {
		Weight::from_parts(60_293_000, 0)
			.saturating_add(Weight::from_parts(0, 3621))
			.saturating_add(ParityDbWeight::get().reads(4_u64))
			.saturating_add(ParityDbWeight::get().writes(2_u64))
	}
	fn attest(_n: u32, ) -> Weight {
		Weight::from_parts(355_315_656, 0)
			.saturating_add(Weight::from_parts(0, 5847))
			.saturating_add(ParityDbWeight::get().reads(9_u64))
			.saturating_add(ParityDbWeight::get().writes(5_u64))
	}
}
