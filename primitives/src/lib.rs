//! # Digital Rupee primitives
//!
//! `no_std` types that the runtime, the pallets and the wallet all use, defined once:
//!
//! * [`Balance`]: an amount in paisa (1 PKR = 100 paisa).
//! * [`Tier`] and [`TierLimits`]: the KYC levels and what each may hold, send and receive, with
//!   the State Bank of Pakistan's branchless-banking levels as defaults.
//! * [`PolicyError`]: why an account may not transact, with the stable numeric code that the
//!   transaction pool reports as `InvalidTransaction::Custom(code)`.
//! * [`AccountPolicy`]: the one trait through which the ledger asks the KYC pallet whether an
//!   account may send or receive, so no permission logic is copied between pallets.
//! * [`Escrow`]: the ledger's escrow, through which the vouchers pallet locks purse funds.
//! * [`voucher`], [`purse_proof`], [`hex`]: the offline-payment protocol, from
//!   [`rupee_protocol`] (one crate for the chain, the wallet and the browser), with signatures
//!   checked by the host's functions.
//! * [`views`]: what the runtime APIs and JSON-RPC answer (an account, the supply, a KYC status,
//!   a purse, a voucher's fate), so clients read the chain with no runtime code.
//! * [`json`]: amounts as decimal strings and "no limit" as `null`, the way JSON-RPC spells them.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod json;
pub mod views;

pub use rupee_protocol::{hex, purse_proof, rupees, voucher, Balance, Tier, PAISA_PER_RUPEE};

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// What an account of one tier may do. Amounts in paisa; "daily" and "monthly" are rolling
/// calendar windows (UTC day, 30-day month) counted separately for debits and credits.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct TierLimits {
	/// Most the account may hold; credit beyond it is swept to the linked bank account.
	#[serde(with = "json::limit")]
	pub max_balance: Balance,
	/// Most the account may send in one day.
	#[serde(with = "json::limit")]
	pub daily_debit: Balance,
	/// Most the account may send in one month.
	#[serde(with = "json::limit")]
	pub monthly_debit: Balance,
	/// Most the account may receive in one day.
	#[serde(with = "json::limit")]
	pub daily_credit: Balance,
	/// Most the account may receive in one month.
	#[serde(with = "json::limit")]
	pub monthly_credit: Balance,
	/// Most the account may hold in offline purses.
	#[serde(with = "json::limit")]
	pub purse_cap: Balance,
	/// Most one offline voucher may pay.
	#[serde(with = "json::limit")]
	pub voucher_cap: Balance,
	/// Transactions the account may have included per rate-limit window of blocks.
	pub transactions_per_window: u32,
}

impl TierLimits {
	/// The limits are coherent: a day never allows more than a month.
	pub fn is_consistent(&self) -> bool {
		self.daily_debit <= self.monthly_debit
			&& self.daily_credit <= self.monthly_credit
			&& self.voucher_cap <= self.purse_cap
			&& self.transactions_per_window > 0
	}

	/// Default limits of `tier`: the State Bank of Pakistan's branchless-banking levels for
	/// L0–L2 (PKR: L0 25,000/day, 50,000/month, 200,000 balance; L1 50,000, 200,000, 400,000;
	/// L2 100,000, 500,000, 1,000,000), with credit limits equal to debit limits; merchants and
	/// institutions get business limits.
	pub const fn default_for(tier: Tier) -> TierLimits {
		const NO_LIMIT: Balance = Balance::MAX;
		let (max_balance, daily, monthly, purse_cap, voucher_cap, transactions_per_window) =
			match tier {
				Tier::L0 => (
					rupees(200_000),
					rupees(25_000),
					rupees(50_000),
					rupees(5_000),
					rupees(1_000),
					10,
				),
				Tier::L1 => (
					rupees(400_000),
					rupees(50_000),
					rupees(200_000),
					rupees(10_000),
					rupees(2_000),
					20,
				),
				Tier::L2 => (
					rupees(1_000_000),
					rupees(100_000),
					rupees(500_000),
					rupees(25_000),
					rupees(5_000),
					30,
				),
				Tier::Merchant => (
					rupees(10_000_000),
					rupees(2_500_000),
					rupees(50_000_000),
					rupees(50_000),
					rupees(10_000),
					300,
				),
				Tier::Institution => (NO_LIMIT, NO_LIMIT, NO_LIMIT, 0, 0, 10_000),
			};
		TierLimits {
			max_balance,
			daily_debit: daily,
			monthly_debit: monthly,
			daily_credit: daily,
			monthly_credit: monthly,
			purse_cap,
			voucher_cap,
			transactions_per_window,
		}
	}
}

/// Why an account may not transact. The numeric value is stable: it is the
/// `InvalidTransaction::Custom` code the transaction pool returns, and wallets show it.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[repr(u8)]
pub enum PolicyError {
	/// No licensed provider has registered the account.
	NotPermissioned = 1,
	/// The account's KYC has expired; its provider must renew it.
	Expired = 2,
	/// The account's provider or governance suspended it.
	Suspended = 3,
	/// The account was revoked.
	Revoked = 4,
	/// The account is frozen by governance (court order, double spend).
	Frozen = 5,
	/// The account sent its tier's maximum number of transactions in this window.
	RateLimited = 6,
	/// The call is reserved for governance (e.g. storing preimages) and the signer is not a
	/// governor.
	GovernanceOnly = 7,
	/// No role the signer holds may sign this call (see the gate's call table): e.g. a
	/// citizen's `System.remark` or a provider's `Board.close`.
	CallNotAllowed = 8,
	/// The transaction is longer than the signer's role may send for this call.
	TooLong = 9,
	/// An argument the gate checks is out of bounds: a motion that is not open, or a weight or
	/// length bound above what the chain allows.
	ArgumentRefused = 10,
}

impl PolicyError {
	/// The code reported as `InvalidTransaction::Custom(code)`.
	pub const fn code(self) -> u8 {
		self as u8
	}

	/// The error with code `code`, if there is one.
	pub fn from_code(code: u8) -> Option<Self> {
		[
			Self::NotPermissioned,
			Self::Expired,
			Self::Suspended,
			Self::Revoked,
			Self::Frozen,
			Self::RateLimited,
			Self::GovernanceOnly,
			Self::CallNotAllowed,
			Self::TooLong,
			Self::ArgumentRefused,
		]
		.into_iter()
		.find(|error| error.code() == code)
	}
}

/// What the ledger needs to know to credit an account.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Receiver<AccountId> {
	/// The receiver's tier limits.
	pub limits: TierLimits,
	/// Where credit above `limits.max_balance` goes; `None` refuses it.
	pub linked_bank: Option<AccountId>,
}

/// The permission layer, as the ledger and the vouchers pallet see it. Implemented by the KYC
/// pallet; a runtime wires the two together.
pub trait AccountPolicy<AccountId> {
	/// May `who` send money now? Registered, active, not expired, not frozen. Its limits if so.
	fn can_send(who: &AccountId) -> Result<TierLimits, PolicyError>;

	/// May `who` receive an ordinary payment now? Registered, active, not expired, not frozen.
	fn can_receive(who: &AccountId) -> Result<Receiver<AccountId>, PolicyError>;

	/// May `who` receive a refund (escrow returned, payment reversed)? Any registered account,
	/// even expired, suspended, revoked or frozen.
	fn can_receive_refund(who: &AccountId) -> Result<Receiver<AccountId>, PolicyError>;

	/// Is `who` an active Institution-tier account (a bank reserve or the issuer)?
	fn is_institution(who: &AccountId) -> bool;

	/// Is `who` frozen?
	fn is_frozen(who: &AccountId) -> bool;

	/// Freeze or unfreeze a registered account. Fails if it is not registered or already in
	/// that state.
	fn set_frozen(who: &AccountId, frozen: bool) -> sp_runtime::DispatchResult;

	/// The KYC provider (bank) that registered `who`, if it is registered.
	fn provider_of(who: &AccountId) -> Option<AccountId>;
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn default_limits_follow_the_sbp_levels_and_are_consistent() {
		let l0 = TierLimits::default_for(Tier::L0);
		assert_eq!(
			(l0.daily_debit, l0.monthly_debit, l0.max_balance),
			(2_500_000, 5_000_000, 20_000_000)
		);
		let l1 = TierLimits::default_for(Tier::L1);
		assert_eq!(
			(l1.daily_debit, l1.monthly_debit, l1.max_balance),
			(5_000_000, 20_000_000, 40_000_000)
		);
		let l2 = TierLimits::default_for(Tier::L2);
		assert_eq!(
			(l2.daily_debit, l2.monthly_debit, l2.max_balance),
			(10_000_000, 50_000_000, 100_000_000)
		);
		for tier in Tier::ALL {
			assert!(TierLimits::default_for(tier).is_consistent(), "{tier:?}");
		}
	}

	#[test]
	fn policy_codes_are_stable_and_round_trip() {
		assert_eq!(PolicyError::NotPermissioned.code(), 1);
		assert_eq!(PolicyError::RateLimited.code(), 6);
		assert_eq!(PolicyError::CallNotAllowed.code(), 8);
		assert_eq!(PolicyError::TooLong.code(), 9);
		assert_eq!(PolicyError::ArgumentRefused.code(), 10);
		for code in 1..=10 {
			assert_eq!(PolicyError::from_code(code).unwrap().code(), code);
		}
		assert_eq!(PolicyError::from_code(0), None);
		assert_eq!(PolicyError::from_code(11), None);
	}
}

/// The ledger's escrow: money set aside from an owner's balance (an offline purse) that stays
/// in the supply count until it is released back or paid out. Implemented by the ledger.
pub trait Escrow<AccountId> {
	/// Move `amount` of `owner`'s balance into escrow. `owner` must be allowed to send.
	fn reserve(owner: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;

	/// Return `amount` of `owner`'s escrow to its balance (a refund: allowed even if the owner
	/// is expired, revoked or frozen).
	fn release(owner: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;

	/// Pay `amount` of `owner`'s escrow to `payee`, under the payee's receiving rules.
	fn pay_from_escrow(
		owner: &AccountId,
		payee: &AccountId,
		amount: Balance,
	) -> sp_runtime::DispatchResult;

	/// Pay up to `amount` from `owner`'s balance to `payee` whatever `owner`'s own state
	/// (used to make a double-spend victim whole from a frozen owner). Returns what was paid.
	fn seize(
		owner: &AccountId,
		payee: &AccountId,
		amount: Balance,
	) -> Result<Balance, sp_runtime::DispatchError>;

	/// `owner`'s escrow.
	fn escrowed(owner: &AccountId) -> Balance;

	/// Move `amount` of `from`'s balance into the offline guarantee reserve (a governance
	/// decision: no limits of `from` apply).
	fn fund_guarantee(from: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;

	/// Pay up to `amount` from the guarantee reserve to `payee` (a refund-kind credit: the
	/// payee's holding limit and sweep apply). Returns what was paid: less when the reserve
	/// is short.
	fn pay_from_guarantee(
		payee: &AccountId,
		amount: Balance,
	) -> Result<Balance, sp_runtime::DispatchError>;

	/// Move up to `amount` of `from`'s balance back into the guarantee reserve (a debt
	/// repaid). Returns what was moved.
	fn repay_guarantee(
		from: &AccountId,
		amount: Balance,
	) -> Result<Balance, sp_runtime::DispatchError>;

	/// What the guarantee reserve holds.
	fn guarantee_reserve() -> Balance;
}

/// Sets up permissioned accounts for other pallets' benchmarks, without knowing how the
/// permission layer stores them. Implemented by the KYC pallet.
pub trait PolicyBenchmarkHelper<AccountId> {
	/// Register `who` in `tier`, active for the foreseeable future, with `linked_bank`
	/// (which this call registers as an Institution first if it is not yet registered).
	fn register(who: &AccountId, tier: Tier, linked_bank: Option<AccountId>);
}

/// What an account has used of its limits today and this month, and what is left
/// (`Balance::MAX`, `null` in JSON, where there is no limit).
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub struct LimitsUsage {
	pub limits: TierLimits,
	#[serde(with = "json::amount")]
	pub daily_debit_used: Balance,
	#[serde(with = "json::limit")]
	pub daily_debit_left: Balance,
	#[serde(with = "json::amount")]
	pub monthly_debit_used: Balance,
	#[serde(with = "json::limit")]
	pub monthly_debit_left: Balance,
	#[serde(with = "json::amount")]
	pub daily_credit_used: Balance,
	#[serde(with = "json::limit")]
	pub daily_credit_left: Balance,
	#[serde(with = "json::amount")]
	pub monthly_credit_used: Balance,
	#[serde(with = "json::limit")]
	pub monthly_credit_left: Balance,
	/// Room under the holding limit.
	#[serde(with = "json::limit")]
	pub balance_room: Balance,
}

impl LimitsUsage {
	/// Usage from a balance and the `[daily debit, monthly debit, daily credit, monthly
	/// credit]` counters of the current day and month. What is left of no limit
	/// (`Balance::MAX`) stays no limit.
	pub fn new(limits: TierLimits, balance: Balance, used: [Balance; 4]) -> Self {
		let [daily_debit, monthly_debit, daily_credit, monthly_credit] = used;
		let left = |limit: Balance, used: Balance| match limit {
			Balance::MAX => Balance::MAX,
			limit => limit.saturating_sub(used),
		};
		Self {
			limits,
			daily_debit_used: daily_debit,
			daily_debit_left: left(limits.daily_debit, daily_debit),
			monthly_debit_used: monthly_debit,
			monthly_debit_left: left(limits.monthly_debit, monthly_debit),
			daily_credit_used: daily_credit,
			daily_credit_left: left(limits.daily_credit, daily_credit),
			monthly_credit_used: monthly_credit,
			monthly_credit_left: left(limits.monthly_credit, monthly_credit),
			balance_room: left(limits.max_balance, balance),
		}
	}
}
