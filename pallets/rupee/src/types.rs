//! Records the ledger keeps.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rupee_primitives::{Balance, LimitsUsage};
use scale_info::TypeInfo;

/// Milliseconds in a day: the daily limits reset at each UTC midnight.
pub const DAY_MS: u64 = 86_400_000;
/// Days in a limit month: the monthly limits count 30-day periods since the epoch.
pub const MONTH_DAYS: u32 = 30;

/// An account's money and its limit counters, kept in one storage item so a transfer reads
/// and writes each side once.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AccountLedger {
	/// Spendable balance, in paisa.
	pub free: Balance,
	/// The day (since the epoch) the daily counters belong to.
	pub day: u32,
	/// Sent on `day`.
	pub daily_debit: Balance,
	/// Received on `day`.
	pub daily_credit: Balance,
	/// The month (30-day period since the epoch) the monthly counters belong to.
	pub month: u32,
	/// Sent in `month`.
	pub monthly_debit: Balance,
	/// Received in `month`.
	pub monthly_credit: Balance,
}

impl AccountLedger {
	/// The usage of this ledger (already rolled to today) under `limits`.
	pub fn usage(&self, limits: rupee_primitives::TierLimits) -> LimitsUsage {
		LimitsUsage::new(
			limits,
			self.free,
			[self.daily_debit, self.monthly_debit, self.daily_credit, self.monthly_credit],
		)
	}

	/// Reset the counters whose day or month has passed.
	pub fn roll(&mut self, day: u32) {
		if self.day != day {
			self.day = day;
			self.daily_debit = 0;
			self.daily_credit = 0;
		}
		let month = day / MONTH_DAYS;
		if self.month != month {
			self.month = month;
			self.monthly_debit = 0;
			self.monthly_credit = 0;
		}
	}
}

/// Why the ledger refuses to move money. The numeric value is stable: wallets and the
/// `rupee_canTransfer` dry run report it.
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
	frame_support::PalletError,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[repr(u8)]
pub enum TransferError {
	/// The amount is zero.
	ZeroAmount = 1,
	/// Sender and receiver are the same account.
	SelfTransfer = 2,
	/// The sender has no KYC registration.
	SenderNotPermissioned = 3,
	/// The sender's KYC has expired.
	SenderExpired = 4,
	/// The sender is suspended.
	SenderSuspended = 5,
	/// The sender is revoked.
	SenderRevoked = 6,
	/// The sender is frozen.
	SenderFrozen = 7,
	/// The receiver has no KYC registration.
	ReceiverNotPermissioned = 8,
	/// The receiver's KYC has expired.
	ReceiverExpired = 9,
	/// The receiver is suspended.
	ReceiverSuspended = 10,
	/// The receiver is revoked.
	ReceiverRevoked = 11,
	/// The receiver is frozen.
	ReceiverFrozen = 12,
	/// The sender's balance is too low.
	InsufficientBalance = 13,
	/// The amount would exceed the sender's daily debit limit.
	DailyDebitLimitExceeded = 14,
	/// The amount would exceed the sender's monthly debit limit.
	MonthlyDebitLimitExceeded = 15,
	/// The amount would exceed the receiver's daily credit limit.
	DailyCreditLimitExceeded = 16,
	/// The amount would exceed the receiver's monthly credit limit.
	MonthlyCreditLimitExceeded = 17,
	/// The receiver would go above its holding limit and has no linked bank account.
	HoldingLimitExceeded = 18,
	/// An amount would overflow.
	Overflow = 19,
}

impl TransferError {
	/// The stable code of this reason.
	pub const fn code(self) -> u8 {
		self as u8
	}

	/// The sender-side reason for a policy refusal.
	pub fn sender(error: rupee_primitives::PolicyError) -> Self {
		use rupee_primitives::PolicyError::*;
		match error {
			NotPermissioned | RateLimited | GovernanceOnly | CallNotAllowed | TooLong
			| ArgumentRefused => Self::SenderNotPermissioned,
			Expired => Self::SenderExpired,
			Suspended => Self::SenderSuspended,
			Revoked => Self::SenderRevoked,
			Frozen => Self::SenderFrozen,
		}
	}

	/// The receiver-side reason for a policy refusal.
	pub fn receiver(error: rupee_primitives::PolicyError) -> Self {
		use rupee_primitives::PolicyError::*;
		match error {
			NotPermissioned | RateLimited | GovernanceOnly | CallNotAllowed | TooLong
			| ArgumentRefused => Self::ReceiverNotPermissioned,
			Expired => Self::ReceiverExpired,
			Suspended => Self::ReceiverSuspended,
			Revoked => Self::ReceiverRevoked,
			Frozen => Self::ReceiverFrozen,
		}
	}
}

pub use rupee_primitives::views::AccountView;
