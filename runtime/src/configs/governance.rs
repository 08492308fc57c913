//! Governance: the Board, the origins every privileged call needs, and the path to Root.
//!
//! Nobody holds a master key. The central bank's **Board** (`pallet-collective`, instance
//! [`BoardCollective`]) decides by motions: a governor proposes a call with a threshold, the
//! governors vote, and `close` executes it with the origin "m of n governors agreed". Who sits
//! on the Board changes only by a Board motion (`pallet-membership`, [`BoardMembership`]).
//!
//! Every threshold is stated here, once:
//!
//! | decision | origin |
//! |---|---|
//! | supply ceiling, issuer, freeze, unfreeze, clawback (ledger) | [`TwoThirdsOfBoard`] |
//! | KYC providers, tier limits, actions on any account (KYC) | [`MajorityOfBoard`] |
//! | double-spend claims (vouchers) | [`MajorityOfBoard`] |
//! | Board membership | [`TwoThirdsOfBoard`] |
//! | runtime upgrade and any other Root call: whitelist, then dispatch | [`TwoThirdsOfBoard`] |
//! | scheduling a call for a later block, cancelling one | [`TwoThirdsOfBoard`] |
//!
//! **The path to Root** (`System.set_code` and anything else that needs Root): a motion
//! `Whitelist.whitelist_call(hash)` by two thirds, then a motion
//! `Whitelist.dispatch_whitelisted_call_with_preimage(call)` (or, for a large call such as a
//! runtime, the call noted first with `Preimage.note_preimage` and dispatched by hash) by two
//! thirds. Root itself also satisfies every origin above: on `dev` that is the sudo key.

use frame_support::{
	parameter_types,
	traits::{ConstU32, EitherOfDiverse},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::EnsureRoot;
use pallet_collective::{EnsureProportionAtLeast, EnsureProportionMoreThan};

use super::RuntimeBlockWeights;
use crate::{
	AccountId, BlockNumber, Board, Preimage, Runtime, RuntimeCall, RuntimeEvent, RuntimeHoldReason,
	RuntimeOrigin, System,
};

/// The Board's collective instance.
pub type BoardCollective = pallet_collective::Instance1;

/// The Board's membership instance.
pub type BoardMembership = pallet_membership::Instance1;

/// At least two thirds of the governors, or Root.
pub type TwoThirdsOfBoard = EitherOfDiverse<
	EnsureRoot<AccountId>,
	EnsureProportionAtLeast<AccountId, BoardCollective, 2, 3>,
>;

/// More than half of the governors, or Root.
pub type MajorityOfBoard = EitherOfDiverse<
	EnsureRoot<AccountId>,
	EnsureProportionMoreThan<AccountId, BoardCollective, 1, 2>,
>;

/// Blocks in an hour at 2 s per block.
const HOURS: BlockNumber = 1_800;

parameter_types! {
	/// A motion is open for a day; it closes early once its outcome is certain.
	pub const BoardMotionDuration: BlockNumber = 24 * HOURS;
	/// A motion's call may use up to 250 ms: fixed, not a share of the block, so a larger
	/// block budget does not quietly let one motion take more.
	pub MaxProposalWeight: Weight = Weight::from_parts(
		WEIGHT_REF_TIME_PER_SECOND / 4,
		sp_runtime::Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block.proof_size(),
	);
}

impl pallet_collective::Config<BoardCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = BoardMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<32>;
	/// Governors who do not vote count as against, whatever the Board's size or its prime.
	type DefaultVote = NonVotersAgainst;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members are managed by `BoardMembership`; Root may reset them in an emergency.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = TwoThirdsOfBoard;
	type KillOrigin = TwoThirdsOfBoard;
	/// Proposing costs no deposit: only governors can propose.
	type Consideration = ();
}

/// When a motion's time is up, every governor who did not vote counts as a "nay": a motion
/// passes only with the votes its threshold names, never by abstention or by the prime alone.
/// (`pallet_collective`'s `MoreThanMajorityThenPrimeDefaultVote` would count them as "aye"
/// once a bare majority voted yes, letting 4 of 7 pass a two-thirds motion.)
pub struct NonVotersAgainst;

impl pallet_collective::DefaultVote for NonVotersAgainst {
	fn default_vote(_prime_vote: Option<bool>, _yes_votes: u32, _no_votes: u32, _len: u32) -> bool {
		false
	}
}

/// The Board's members as `BoardMembership` sets them: handed to the collective, and each new
/// governor given a `frame_system` provider reference so it can keep a nonce and sign its
/// first motion without a KYC record or a deposit. The reference is never dropped, not even
/// when the governor leaves: its nonce must never restart at zero (replay safety).
pub struct BoardWithAccounts;

impl BoardWithAccounts {
	fn give_accounts(governors: &[AccountId]) {
		for governor in governors {
			if frame_system::Pallet::<Runtime>::providers(governor) == 0 {
				frame_system::Pallet::<Runtime>::inc_providers(governor);
			}
		}
	}
}

impl frame_support::traits::InitializeMembers<AccountId> for BoardWithAccounts {
	fn initialize_members(members: &[AccountId]) {
		Self::give_accounts(members);
		<Board as frame_support::traits::InitializeMembers<AccountId>>::initialize_members(members)
	}
}

impl frame_support::traits::ChangeMembers<AccountId> for BoardWithAccounts {
	fn change_members_sorted(incoming: &[AccountId], outgoing: &[AccountId], new: &[AccountId]) {
		Self::give_accounts(incoming);
		<Board as frame_support::traits::ChangeMembers<AccountId>>::change_members_sorted(
			incoming, outgoing, new,
		)
	}

	fn set_prime(prime: Option<AccountId>) {
		<Board as frame_support::traits::ChangeMembers<AccountId>>::set_prime(prime)
	}

	fn get_prime() -> Option<AccountId> {
		<Board as frame_support::traits::ChangeMembers<AccountId>>::get_prime()
	}
}

impl pallet_membership::Config<BoardMembership> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = TwoThirdsOfBoard;
	type RemoveOrigin = TwoThirdsOfBoard;
	type SwapOrigin = TwoThirdsOfBoard;
	type ResetOrigin = TwoThirdsOfBoard;
	type PrimeOrigin = TwoThirdsOfBoard;
	type MembershipInitialized = BoardWithAccounts;
	type MembershipChanged = BoardWithAccounts;
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = crate::Deposits;
	/// Only the Board notes preimages (a runtime for an upgrade, a large motion).
	type ManagerOrigin = TwoThirdsOfBoard;
	/// No deposits: noting is already restricted to governance.
	type Consideration = ();
}

parameter_types! {
	/// A whitelisted call nobody dispatches expires after 30 days.
	pub const WhitelistExpiration: BlockNumber = 30 * 24 * HOURS;
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = TwoThirdsOfBoard;
	type DispatchWhitelistedOrigin = TwoThirdsOfBoard;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = WhitelistExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = pallet_whitelist::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// Scheduled calls may use up to 400 ms of a block (they run in `on_initialize`, before
	/// any payment): fixed, like [`MaxProposalWeight`].
	pub MaximumSchedulerWeight: Weight =
		Weight::from_parts(
			WEIGHT_REF_TIME_PER_SECOND / 5 * 2,
			sp_runtime::Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block.proof_size(),
		);
}

/// Delayed execution: a Board motion `Scheduler.schedule(when, None, priority, call)` (two
/// thirds) runs `call` at block `when` with the Board's origin, e.g. a ceiling change on a set
/// date or a runtime upgrade (`Whitelist.dispatch_whitelisted_call`) at a block the banks were
/// told about. A later motion (or Root) may cancel it.
impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = crate::OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	type ScheduleOrigin = TwoThirdsOfBoard;
	type OriginPrivilegeCmp = BoardPrivilege;
	type MaxScheduledPerBlock = ConstU32<50>;
	type WeightInfo = pallet_scheduler::weights::SubstrateWeight<Runtime>;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

/// Who may cancel a scheduled call: Root any; the Board one scheduled with the same or a
/// smaller share of the governors (`3 of 3` cancels `2 of 3`'s, not the other way round).
pub struct BoardPrivilege;

impl frame_support::traits::PrivilegeCmp<crate::OriginCaller> for BoardPrivilege {
	fn cmp_privilege(
		left: &crate::OriginCaller,
		right: &crate::OriginCaller,
	) -> Option<core::cmp::Ordering> {
		use crate::OriginCaller::{system, Board as Motion};
		use core::cmp::Ordering;
		use frame_system::RawOrigin::Root;
		use pallet_collective::RawOrigin::Members;
		if left == right {
			return Some(Ordering::Equal);
		}
		match (left, right) {
			(system(Root), _) => Some(Ordering::Greater),
			(_, system(Root)) => Some(Ordering::Less),
			(Motion(Members(left_yes, left_all)), Motion(Members(right_yes, right_all))) => {
				// Compare the shares left_yes / left_all and right_yes / right_all.
				Some((left_yes * right_all).cmp(&(right_yes * left_all)))
			},
			_ => None,
		}
	}
}

parameter_types! {
	pub const NoDeposit: u128 = 0;
}

/// `Deposits`: a currency nobody holds. `pallet-preimage` and `pallet-session` are written
/// against a currency for deposits; this chain takes none (proposals and keys are governed by
/// who may submit them), so their currency is an empty `pallet-balances` instance that no call
/// can fund: it has no genesis balances and its transfer calls fail for lack of funds.
impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = ();
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = u128;
	type DustRemoval = ();
	type ExistentialDeposit = frame_support::traits::ConstU128<1>;
	type AccountStore = frame_support::traits::StorageMapShim<
		pallet_balances::Account<Runtime>,
		AccountId,
		pallet_balances::AccountData<u128>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = ();
	type MaxLocks = ConstU32<0>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = ConstU32<0>;
	type DoneSlashHandler = ();
}
