//! The gate's table: who may sign what, and how long the transaction may be.
//!
//! Transactions are free on this chain, so what a signer may put in a block is limited by what
//! it may sign: each call below names the roles that may sign it and the longest transaction
//! that may carry it. Every other call (`System.remark`, `Whitelist.*`, the Board's origin-only
//! calls, ...) is refused at the transaction pool with `CallNotAllowed` (code 8); it reaches
//! the chain only as a motion the Board passed, or not at all. Calls whose declared weight the
//! signer chooses (`Board.close`'s weight bound, a motion's proposal) have those arguments
//! checked too (`ArgumentRefused`, code 10), and only when they would succeed, so no signer can
//! make a block look full with a call that fails and is charged its claimed weight.
//!
//! | call | who may sign it | longest transaction |
//! |---|---|---|
//! | `Rupee.transfer` | customer (not frozen) | 512 B |
//! | `Vouchers.fund_purse` | customer (not frozen) | 512 B |
//! | `Vouchers.redeem` | customer; counts as one transaction per 8 vouchers | 16 KiB (64 vouchers) |
//! | `Vouchers.close_purse`, `Vouchers.settle` | customer | 512 B |
//! | `Kyc.register_account`, `set_tier`, `renew`, `suspend_account`, `reinstate_account`, `revoke_account`, `set_linked_bank` | provider | 512 B |
//! | `Rupee.mint`, `Rupee.burn` | issuer | 512 B |
//! | `Board.propose` | governor | 64 KiB; threshold 2 or more (1 on a Board of one), at most the Board's size, the call within `MaxProposalWeight` |
//! | `Board.vote` | governor | 512 B; an open motion |
//! | `Board.close` | governor | 512 B; an open motion that is approved, certain to fail or past its end, bounds within the chain's |
//! | `BoardMembership.change_key` | governor | 512 B |
//! | `Preimage.note_preimage` | governor | 3.5 MiB; a preimage the chain requested (a whitelisted call) and does not hold yet |
//! | `Preimage.unnote_preimage` | governor | 512 B |
//! | `Session.set_keys`, `Session.purge_keys` | validator, provider (a bank about to run one) | 512 B |
//! | `Sudo.*` | the sudo key (`dev` only) | 3.5 MiB |
//!
//! A customer is an active, unexpired KYC'd account of any tier; a provider an accredited, active
//! bank; the issuer the ledger's issuer account; a governor a Board member; a validator one in
//! the current set. Customers' and providers' transactions count against their tier's rate
//! limit; those signed in an official role (issuer, governor, validator, sudo) count against
//! the official limit (100 per window).

use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{dispatch::GetDispatchInfo, weights::Weight};
use pallet_kyc::{CallRule, Roles};
use rupee_primitives::PolicyError;

use super::{BoardCollective, MaxProposalWeight};
use crate::{AccountId, BlockNumber, Hash, Runtime, RuntimeCall};

/// A small transaction: one call with a few accounts and amounts, its signature and extensions.
const SMALL: u32 = 512;
/// A batch of redemptions: 64 vouchers of about 190 bytes each, with room to spare.
const REDEEM_BATCH: u32 = 16 * 1024;
/// A Board motion carried inline; anything larger goes through a preimage.
const MOTION: u32 = 64 * 1024;
/// A preimage: a runtime for an upgrade. Below the block's share for normal transactions.
const PREIMAGE: u32 = 3584 * 1024;
/// The most proof size a motion's call may claim. The chain has no proof-size limit of its own
/// (it is no parachain), so this keeps a claimed proof size from filling a block.
const MOTION_PROOF_SIZE: u64 = 16 * 1024 * 1024;

/// The most weight a motion's call, or a `Board.close`'s weight bound, may claim (the wallet
/// and the web console claim exactly this for a close).
pub fn motion_weight() -> Weight {
	Weight::from_parts(MaxProposalWeight::get().ref_time(), MOTION_PROOF_SIZE)
}

/// An open motion's votes, as `pallet_collective` stores them (its fields are private there).
#[derive(Decode)]
pub struct OpenMotion {
	pub index: u32,
	pub threshold: u32,
	pub ayes: Vec<AccountId>,
	pub nays: Vec<AccountId>,
	pub end: BlockNumber,
}

/// The open motion `hash`, if there is one.
pub fn open_motion(hash: Hash) -> Option<OpenMotion> {
	let votes = pallet_collective::Voting::<Runtime, BoardCollective>::get(hash)?;
	OpenMotion::decode(&mut &votes.encode()[..]).ok()
}

/// Whether `Board.close` of `hash` would do something now: the motion is open and approved,
/// certain to fail, or past its end. Any other close fails (`TooEarly`) and would be charged
/// its whole declared weight, a weight the signer chose.
fn closable(hash: Hash) -> bool {
	let Some(motion) = open_motion(hash) else { return false };
	let seats = pallet_collective::Members::<Runtime, BoardCollective>::get().len() as u32;
	let approved = motion.ayes.len() as u32 >= motion.threshold;
	let disapproved = seats.saturating_sub(motion.nays.len() as u32) < motion.threshold;
	approved || disapproved || frame_system::Pallet::<Runtime>::block_number() >= motion.end
}

/// Whether `bytes` are a preimage the chain asked for (a whitelisted call, a Board request)
/// and does not hold yet. Only those may be noted: preimages take no deposit here.
fn requested_preimage(bytes: &[u8]) -> bool {
	let hash = <sp_runtime::traits::BlakeTwo256 as sp_runtime::traits::Hash>::hash(bytes);
	matches!(
		pallet_preimage::RequestStatusFor::<Runtime>::get(hash),
		Some(pallet_preimage::RequestStatus::Requested { maybe_len: None, .. })
	)
}

/// Vouchers in a redemption batch that count as one transaction against the rate limit.
const VOUCHERS_PER_UNIT: u32 = 8;

const fn rule(roles: Roles, max_length: u32) -> Option<CallRule> {
	Some(CallRule { roles, max_length, spends: false, units: 1 })
}

const fn spending(roles: Roles, max_length: u32) -> Option<CallRule> {
	Some(CallRule { roles, max_length, spends: true, units: 1 })
}

/// The runtime's answer to the gate: the table above, the official roles, the argument checks.
pub struct GateRules;

impl pallet_kyc::CallRules<AccountId, RuntimeCall> for GateRules {
	fn rule(call: &RuntimeCall) -> Option<CallRule> {
		use pallet_kyc::Call as Kyc;
		use pallet_rupee::Call as Rupee;
		use pallet_vouchers::Call as Vouchers;
		use Roles as R;
		match call {
			RuntimeCall::Rupee(Rupee::transfer { .. }) => spending(R::CUSTOMER, SMALL),
			RuntimeCall::Vouchers(Vouchers::fund_purse { .. }) => spending(R::CUSTOMER, SMALL),
			// A batch counts as one transaction per 8 vouchers: its weight grows with them.
			RuntimeCall::Vouchers(Vouchers::redeem { vouchers }) => Some(CallRule {
				units: (vouchers.len() as u32).div_ceil(VOUCHERS_PER_UNIT).max(1),
				..rule(R::CUSTOMER, REDEEM_BATCH)?
			}),
			RuntimeCall::Vouchers(Vouchers::close_purse { .. } | Vouchers::settle { .. }) => {
				rule(R::CUSTOMER, SMALL)
			},
			RuntimeCall::Kyc(
				Kyc::register_account { .. }
				| Kyc::set_tier { .. }
				| Kyc::renew { .. }
				| Kyc::suspend_account { .. }
				| Kyc::reinstate_account { .. }
				| Kyc::revoke_account { .. }
				| Kyc::set_linked_bank { .. },
			) => rule(R::PROVIDER, SMALL),
			RuntimeCall::Rupee(Rupee::mint { .. } | Rupee::burn { .. }) => rule(R::ISSUER, SMALL),
			RuntimeCall::Board(pallet_collective::Call::propose { .. }) => {
				rule(R::GOVERNOR, MOTION)
			},
			RuntimeCall::Board(
				pallet_collective::Call::vote { .. } | pallet_collective::Call::close { .. },
			) => rule(R::GOVERNOR, SMALL),
			RuntimeCall::BoardMembership(pallet_membership::Call::change_key { .. }) => {
				rule(R::GOVERNOR, SMALL)
			},
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { .. }) => {
				rule(R::GOVERNOR, PREIMAGE)
			},
			RuntimeCall::Preimage(pallet_preimage::Call::unnote_preimage { .. }) => {
				rule(R::GOVERNOR, SMALL)
			},
			RuntimeCall::Session(
				pallet_session::Call::set_keys { .. } | pallet_session::Call::purge_keys { .. },
			) => rule(R::VALIDATOR.or(R::PROVIDER), SMALL),
			RuntimeCall::Sudo(_) => rule(R::SUDO, PREIMAGE),
			_ => None,
		}
	}

	fn official_roles(who: &AccountId) -> Roles {
		let mut roles = Roles::NONE;
		if pallet_rupee::Issuer::<Runtime>::get().as_ref() == Some(who) {
			roles = roles.or(Roles::ISSUER);
		}
		if pallet_collective::Members::<Runtime, BoardCollective>::get().contains(who) {
			roles = roles.or(Roles::GOVERNOR);
		}
		if pallet_validators::Validators::<Runtime>::get().contains(who) {
			roles = roles.or(Roles::VALIDATOR);
		}
		if pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who) {
			roles = roles.or(Roles::SUDO);
		}
		roles
	}

	fn check_arguments(call: &RuntimeCall) -> Result<(), PolicyError> {
		use pallet_collective::Call as Board;
		let seats = || pallet_collective::Members::<Runtime, BoardCollective>::get().len() as u32;
		let ok = match call {
			// Threshold 1 executes at once as "1 of n", which no privileged call accepts: a
			// failing call charged in full. Only a Board of one (`dev`) decides alone.
			RuntimeCall::Board(Board::propose { threshold, proposal, length_bound }) => {
				let seats = seats();
				(*threshold >= 2 || seats == 1)
					&& *threshold <= seats
					&& *length_bound <= MOTION
					&& proposal.encoded_size() <= MOTION as usize
					&& proposal.get_dispatch_info().call_weight.all_lte(motion_weight())
			},
			RuntimeCall::Board(Board::vote { proposal, .. }) => open_motion(*proposal).is_some(),
			RuntimeCall::Board(Board::close {
				proposal_hash,
				proposal_weight_bound,
				length_bound,
				..
			}) => {
				*length_bound <= MOTION
					&& proposal_weight_bound.all_lte(motion_weight())
					&& closable(*proposal_hash)
			},
			RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes }) => {
				requested_preimage(bytes)
			},
			_ => true,
		};
		if ok {
			Ok(())
		} else {
			Err(PolicyError::ArgumentRefused)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn benchmark_customer_call() -> RuntimeCall {
		RuntimeCall::Rupee(pallet_rupee::Call::transfer { to: AccountId::new([0; 32]), amount: 1 })
	}
}
