//! Records the KYC pallet keeps.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rupee_primitives::Tier;
use scale_info::TypeInfo;

/// A 32-byte commitment (e.g. a hash) to an off-chain KYC record. No personal data is stored
/// on chain; the provider can prove what it checked by revealing the record to an auditor.
pub type Commitment = [u8; 32];

/// Milliseconds since the Unix epoch, as `pallet_timestamp` counts.
pub type Moment = u64;

/// Whether an accredited provider may act.
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
)]
pub enum ProviderStatus {
	/// May register and manage customers.
	Active,
	/// Governance suspended it: it may not register or change customers. Its customers keep
	/// their status.
	Suspended,
}

/// An accredited KYC provider (a licensed bank).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct ProviderInfo {
	pub status: ProviderStatus,
	/// Accounts it registered that are not revoked.
	pub customers: u32,
}

/// The life-cycle of a permissioned account.
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
)]
pub enum AccountStatus {
	/// May transact until it expires.
	Active,
	/// Temporarily barred by its provider or governance; can be reinstated.
	Suspended,
	/// Permanently barred. It can still receive refunds.
	Revoked,
}

/// A permissioned account, as its provider registered it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct AccountRecord<AccountId> {
	/// The provider that registered the account and manages it.
	pub provider: AccountId,
	pub tier: Tier,
	/// When the KYC check lapses (ms since the epoch); the account cannot pay after it.
	pub expires_at: Moment,
	pub commitment: Commitment,
	/// The bank account that receives credit above the tier's holding limit.
	pub linked_bank: Option<AccountId>,
	pub status: AccountStatus,
	/// Frozen by governance or by a double-spend finding: cannot send.
	pub frozen: bool,
}

/// Who performed a provider-or-governance action.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub enum Actor<AccountId> {
	Provider(AccountId),
	Governance,
}

impl From<AccountStatus> for rupee_primitives::views::StatusName {
	fn from(status: AccountStatus) -> Self {
		match status {
			AccountStatus::Active => Self::Active,
			AccountStatus::Suspended => Self::Suspended,
			AccountStatus::Revoked => Self::Revoked,
		}
	}
}

impl From<ProviderStatus> for rupee_primitives::views::StatusName {
	fn from(status: ProviderStatus) -> Self {
		match status {
			ProviderStatus::Active => Self::Active,
			ProviderStatus::Suspended => Self::Suspended,
		}
	}
}
