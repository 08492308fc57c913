//! What the runtime APIs answer and JSON-RPC serves: an account, the supply, a KYC status, a
//! purse, a voucher's fate. Defined here, not in the pallets, so a client (the wallet, an app)
//! reads the chain's answers with these types and no runtime code.
//!
//! Each type is SCALE for the runtime API, and those JSON-RPC serves as they are are serde too,
//! in the [`crate::json`] spelling: amounts as decimal strings, "no limit" as `null`, camelCase
//! fields. ([`RevocationPage`] is not: the node answers with hex keys instead.)

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::DispatchError;

use crate::{Balance, LimitsUsage, PolicyError, Tier};

/// Milliseconds since the Unix epoch.
pub type Moment = u64;

/// A purse's device key: the sr25519 public key its vouchers are signed with.
pub type DeviceKey = [u8; 32];

/// An account as a wallet sees it.
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
pub struct AccountView {
	/// Spendable balance.
	#[serde(with = "crate::json::amount")]
	pub free: Balance,
	/// In offline purses.
	#[serde(with = "crate::json::amount")]
	pub escrowed: Balance,
	/// Limits and their use today and this month; `None` for an unregistered account.
	pub usage: Option<LimitsUsage>,
}

/// The money supply, for auditors.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Supply<AccountId> {
	/// Money in existence: balances plus escrows.
	#[serde(with = "crate::json::amount")]
	pub total_issuance: Balance,
	/// Of which in offline escrow.
	#[serde(with = "crate::json::amount")]
	pub total_escrowed: Balance,
	/// Most money that may exist.
	#[serde(with = "crate::json::amount")]
	pub supply_ceiling: Balance,
	/// The account that mints and burns.
	pub issuer: Option<AccountId>,
}

/// An account's KYC status as a wallet shows it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountStatusView<AccountId> {
	pub provider: AccountId,
	pub tier: Tier,
	/// KYC expiry, ms since the epoch.
	pub expires_at: Moment,
	/// `active`, `suspended` or `revoked`.
	pub status: StatusName,
	/// Whether the KYC has lapsed (the status stays `active`; the provider must renew).
	pub expired: bool,
	pub frozen: bool,
	pub linked_bank: Option<AccountId>,
	/// The tier's limits and their use today and this month.
	pub usage: LimitsUsage,
}

/// An account or provider status, spelled for JSON.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusName {
	Active,
	Suspended,
	Revoked,
}

/// An accredited provider.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderView<AccountId> {
	pub provider: AccountId,
	pub status: StatusName,
	/// Accounts it registered that are not revoked.
	pub customers: u32,
}

/// Where a purse is in its life.
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
pub enum PurseStatus {
	/// Funded; its device may pay offline.
	Active,
	/// The owner closed it (lost device): vouchers are redeemed until the grace window ends.
	Closed,
	/// A double spend was detected: its owner is frozen, its vouchers still redeem.
	Compromised,
	/// Expired and past the grace window; the rest of the escrow went back to the owner.
	/// Vouchers are refused.
	Settled,
}

/// How a double spend showed itself.
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
pub enum DoubleSpendKind {
	/// Two different vouchers with the same `(purse, counter)`.
	CounterReuse,
	/// Vouchers with distinct counters that together exceed the escrow.
	OverEscrow,
}

/// Why a purse is on the revocation list.
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
pub enum RevocationReason {
	/// The owner closed the purse: its device may be lost or stolen.
	Closed,
	/// A double spend was detected.
	Compromised,
}

/// One entry of the revocation list: a purse whose vouchers a payee should no longer accept.
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
pub struct Revocation {
	pub reason: RevocationReason,
	/// When it was revoked (ms since the epoch).
	pub since: Moment,
}

/// One page of the revocation list.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct RevocationPage {
	/// Entries in storage order.
	pub entries: alloc::vec::Vec<(DeviceKey, Revocation)>,
	/// Where the next page starts (after this key), if there is more.
	pub next: Option<DeviceKey>,
	/// The digest of the whole list: the XOR of BLAKE2-256 of each SCALE-encoded
	/// `(device key, revocation)`, kept as entries come and go. A fingerprint that tells a
	/// wallet the list changed, not a proof against a dishonest node.
	pub digest: [u8; 32],
}

/// Why a voucher was not paid. The numeric code is stable: wallets show it. Codes 1–10 are
/// final for that voucher; 11 and 12 may pass later (the payee can receive again, or its limits
/// reset), so the voucher stays redeemable.
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
pub enum VoucherRefusal {
	/// No purse has this device key.
	UnknownPurse,
	/// A voucher format version this chain does not redeem.
	UnsupportedVersion,
	/// The voucher is for another chain (its genesis hash differs).
	WrongGenesis,
	/// The signature is not the device key's over this voucher.
	BadSignature,
	/// The voucher pays nothing.
	ZeroAmount,
	/// The voucher pays more than the purse's per-voucher cap.
	OverVoucherCap,
	/// The voucher was signed after the purse expired.
	IssuedAfterExpiry,
	/// The purse's grace window is over: vouchers can no longer be redeemed.
	RedemptionWindowClosed,
	/// The purse was settled; the rest of its escrow went back to its owner.
	PurseSettled,
	/// The voucher pays its own purse's owner.
	PaysOwner,
	/// The payee may not receive now (not registered, expired, suspended, revoked, frozen).
	PayeeNotPermissioned(PolicyError),
	/// The ledger refused the credit (for example the payee's daily credit limit); the error
	/// is the ledger's, e.g. `Rupee.Refused(DailyCreditLimitExceeded)`.
	PaymentRefused(DispatchError),
	/// The voucher pays less than the chain's minimum voucher amount.
	BelowMinimum,
	/// The voucher's counter is at or above the chain's maximum vouchers per purse.
	CounterTooHigh,
	/// The voucher is dated more than the revocation notice after its purse went on the
	/// revocation list: a payee checking its list as the wallet does would have refused it.
	IssuedAfterRevocation,
}

impl VoucherRefusal {
	/// The stable code wallets show.
	pub fn code(self) -> u8 {
		match self {
			Self::UnknownPurse => 1,
			Self::UnsupportedVersion => 2,
			Self::WrongGenesis => 3,
			Self::BadSignature => 4,
			Self::ZeroAmount => 5,
			Self::OverVoucherCap => 6,
			Self::IssuedAfterExpiry => 7,
			Self::RedemptionWindowClosed => 8,
			Self::PurseSettled => 9,
			Self::PaysOwner => 10,
			Self::PayeeNotPermissioned(_) => 11,
			Self::PaymentRefused(_) => 12,
			Self::BelowMinimum => 13,
			Self::CounterTooHigh => 14,
			Self::IssuedAfterRevocation => 15,
		}
	}

	/// Whether the same voucher may be paid later, once the payee's situation changes.
	pub fn is_retryable(self) -> bool {
		matches!(self, Self::PayeeNotPermissioned(_) | Self::PaymentRefused(_))
	}
}

impl From<DispatchError> for VoucherRefusal {
	fn from(error: DispatchError) -> Self {
		Self::PaymentRefused(error)
	}
}

/// What redeeming one voucher did (or, for the dry run, would do).
#[derive(
	Clone,
	Copy,
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
pub enum RedeemOutcome {
	/// Paid from the purse's escrow.
	Paid {
		#[serde(with = "crate::json::amount")]
		amount: Balance,
	},
	/// This exact voucher was already handled; nothing happened.
	Duplicate,
	/// A double spend: the payee was paid what could be paid and a claim records the rest.
	DoubleSpend {
		kind: DoubleSpendKind,
		#[serde(with = "crate::json::amount")]
		paid: Balance,
		#[serde(with = "crate::json::amount")]
		claimed: Balance,
	},
	/// Not paid; the reason says whether it may pass later.
	Refused { reason: VoucherRefusal },
}

/// A purse as wallets see it: the state a payer's wallet certifies to payees.
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
pub struct PurseView<AccountId> {
	pub owner: AccountId,
	#[serde(with = "crate::json::amount")]
	pub escrow: Balance,
	#[serde(with = "crate::json::amount")]
	pub redeemed: Balance,
	/// Most one voucher may pay; `u128::MAX` (`null` in JSON) if governance set no cap.
	#[serde(with = "crate::json::limit")]
	pub voucher_cap: Balance,
	pub expires_at: Moment,
	/// After this the purse can be settled and vouchers are refused.
	pub redeemable_until: Moment,
	pub status: PurseStatus,
}

/// Whether a voucher was paid.
#[derive(
	Clone,
	Copy,
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
pub enum VoucherStatus {
	/// Not redeemed yet.
	NotRedeemed,
	/// Paid from the purse's escrow.
	Redeemed,
	/// Found to be a double spend; its payee was compensated (see the evidence).
	DoubleSpend,
	/// Its `(purse, counter)` was paid to a different voucher; not redeemed yet.
	CounterUsedByAnother,
	/// The purse is settled: no voucher of it is redeemed any more, and its redemptions are
	/// no longer kept.
	PurseSettled,
}
