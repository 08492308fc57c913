//! # Digital Rupee offline-payment protocol
//!
//! What a payer's device signs, what a payee checks with no network, and what the chain
//! redeems later, written once for all three: the runtime (`no_std`, signatures checked by the
//! host), the wallet CLI and the citizen's web app (WebAssembly in a browser).
//!
//! * [`voucher`]: the offline voucher (version 1), its signing payload and codecs.
//! * [`purse_proof`]: offline payments version 2: the purse proof validators sign and the
//!   payment payload (voucher + proof) a payee checks offline.
//! * [`hex`]: `0x`-hex, the way JSON-RPC spells bytes.
//! * [`crypto`]: the two signature checks, by the host on chain and in process elsewhere.
//! * [`Tier`]: an account's KYC level, which also picks a payee's offline risk limits.
//!
//! `docs/offline-payments.md` describes the formats; `docs/offline-payments-vectors.txt` holds
//! test vectors every implementation checks itself against (`tests/vectors.rs` here).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod crypto;
pub mod hex;
pub mod purse_proof;
pub mod voucher;

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// An amount of digital rupees in paisa.
pub type Balance = u128;

/// Paisa in one rupee.
pub const PAISA_PER_RUPEE: Balance = 100;

/// `rupees` whole rupees, in paisa.
pub const fn rupees(rupees: u64) -> Balance {
	rupees as Balance * PAISA_PER_RUPEE
}

/// A KYC level. Each has its own limits (`rupee_primitives::TierLimits`), set by governance;
/// a payee's wallet picks its offline risk limits by it. Its metadata path stays
/// `rupee_primitives::Tier`, where it was first defined.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
#[scale_info(replace_segment("rupee_protocol", "rupee_primitives"))]
pub enum Tier {
	/// Basic account: phone number and national ID checked.
	L0,
	/// Biometric verification.
	L1,
	/// Full documentation.
	L2,
	/// A business accepting payments.
	Merchant,
	/// A bank or the issuer: holds reserves, distributes money.
	Institution,
}

impl Tier {
	/// All tiers, in order.
	pub const ALL: [Tier; 5] = [Tier::L0, Tier::L1, Tier::L2, Tier::Merchant, Tier::Institution];
}
