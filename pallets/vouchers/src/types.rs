//! Records the vouchers pallet keeps, and why a voucher is refused.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use rupee_primitives::{
	purse_proof::{AttesterSignature, PurseStatement},
	voucher::Voucher,
	Balance, PolicyError,
};
use scale_info::TypeInfo;

/// Identifies a recorded claim.
pub type ClaimId = u32;

pub use rupee_primitives::views::{
	DeviceKey, DoubleSpendKind, Moment, PurseStatus, PurseView, RedeemOutcome, Revocation,
	RevocationPage, RevocationReason, VoucherRefusal, VoucherStatus,
};

/// Why the owner may not fund a purse: the KYC pallet's [`PolicyError`], as a call error.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct OwnerPolicy(pub PolicyError);

impl frame_support::traits::PalletError for OwnerPolicy {
	const MAX_ENCODED_SIZE: usize = 1;
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
