//! Records the vouchers pallet keeps, and why a voucher is refused.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rupee_primitives::{
	purse_proof::{AttesterSignature, PurseStatement},
	voucher::Voucher,
	Balance, PolicyError,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::DispatchError;

/// A purse's device key: the sr25519 public key that signs its vouchers.
pub type DeviceKey = [u8; 32];

/// Identifies a recorded claim.
pub type ClaimId = u32;

/// Milliseconds since the epoch.
pub type Moment = u64;

/// Why the owner may not fund a purse: the KYC pallet's [`PolicyError`], as a call error.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct OwnerPolicy(pub PolicyError);

impl frame_support::traits::PalletError for OwnerPolicy {
	const MAX_ENCODED_SIZE: usize = 1;
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

/// An offline purse: escrowed money a device key spends with vouchers.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Purse<AccountId> {
	/// The permissioned account that funded it; double spends freeze it.
	pub owner: AccountId,
	/// Escrow left to pay vouchers, in paisa.
	pub escrow: Balance,
	/// Paid out to vouchers so far (escrow only, not compensation from the owner's balance).
	pub redeemed: Balance,
	/// Most one voucher may pay: the owner's tier voucher cap when last funded.
	pub voucher_cap: Balance,
	/// Vouchers issued after this are refused; redemption ends a grace window later.
	pub expires_at: Moment,
	/// Where the purse is in its life.
	pub status: PurseStatus,
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

/// Evidence of a double spend and how its victim was paid. Both signed vouchers are kept.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct DoubleSpend<AccountId> {
	pub kind: DoubleSpendKind,
	/// The voucher that could not be paid from the escrow as usual (its payee is the victim).
	pub voucher: Voucher,
	/// For a counter reuse, the voucher that had already been paid with that counter.
	pub conflicting: Option<Voucher>,
	/// The purse's owner at the time, who signed both.
	pub owner: AccountId,
	/// Paid to the victim from what escrow was left.
	pub paid_from_escrow: Balance,
	/// Paid to the victim from the owner's balance.
	pub paid_from_balance: Balance,
	/// The claim recorded for the rest, if anything was left unpaid.
	pub claim: Option<ClaimId>,
}

/// Money a double-spend victim is still owed, for governance to settle.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Claim<AccountId> {
	/// Who is owed.
	pub claimant: AccountId,
	/// Who signed the vouchers.
	pub owner: AccountId,
	/// The purse.
	pub device_key: DeviceKey,
	/// Still owed, in paisa.
	pub amount: Balance,
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
		#[serde(with = "rupee_primitives::json::amount")]
		amount: Balance,
	},
	/// This exact voucher was already handled; nothing happened.
	Duplicate,
	/// A double spend: the payee was paid what could be paid and a claim records the rest.
	DoubleSpend {
		kind: DoubleSpendKind,
		#[serde(with = "rupee_primitives::json::amount")]
		paid: Balance,
		#[serde(with = "rupee_primitives::json::amount")]
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
	#[serde(with = "rupee_primitives::json::amount")]
	pub escrow: Balance,
	#[serde(with = "rupee_primitives::json::amount")]
	pub redeemed: Balance,
	/// Most one voucher may pay; `u128::MAX` (`null` in JSON) if governance set no cap.
	#[serde(with = "rupee_primitives::json::limit")]
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

/// Where the validators' signatures of a purse's latest statement stand.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, MaxEncodedLen, TypeInfo)]
#[scale_info(skip_type_params(MaxAttesters))]
pub struct Attestation<MaxAttesters: frame_support::traits::Get<u32>> {
	/// The purse as its last funding left it.
	pub statement: PurseStatement,
	/// The authority set whose signatures are being collected (or that completed it).
	pub set_id: u64,
	/// Signatures so far, in increasing authority order.
	pub signatures: frame_support::BoundedVec<AttesterSignature, MaxAttesters>,
	/// More than two thirds of the set signed: this is a proof.
	pub complete: bool,
}

/// What a purse's owner can be made to pay beyond its escrow, and what its proofs promised.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, MaxEncodedLen, TypeInfo)]
pub struct Liability {
	/// Taken from the owner's balance for this purse's double spends so far.
	pub seized: Balance,
	/// The most that may ever be taken: the owner's tier purse cap at the last funding.
	pub seize_cap: Balance,
	/// The largest escrow a complete proof of this purse stated (0: never proved). An honest
	/// payee takes at most this from the purse, and that much is guaranteed.
	pub proved_escrow: Balance,
	/// Paid by the guarantee reserve to this purse's double-spend victims: at most
	/// `Config::GuaranteePerPurse` times `proved_escrow`.
	pub reserve_paid: Balance,
}

/// A statement a validator's attester has still to sign.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct AttestationRequest {
	pub device_key: DeviceKey,
	pub set_id: u64,
	/// The attester's position in the set.
	pub authority: u32,
	/// The exact bytes to sign: [`PurseStatement::signing_payload`].
	pub payload: alloc::vec::Vec<u8>,
}

/// Why a validator's signature of a purse statement is not taken.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum AttestError {
	/// The purse has no statement waiting for signatures (unknown, complete, or not active).
	NotAwaiting,
	/// Signed for another authority set than the current one.
	WrongSet,
	/// This authority already signed this statement.
	AlreadySigned,
	/// Not the authority's signature of the statement, or no such authority.
	BadSignature,
}
