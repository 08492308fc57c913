//! # Vouchers pallet: offline payments
//!
//! People pay each other with no network, like cash, and the chain settles later without ever
//! paying twice or creating money (protocol version 1, see `DESIGN.md` §5).
//!
//! 1. **Fund** (online): a permissioned owner escrows rupees on the ledger for a device key,
//!    [`Pallet::fund_purse`]. All of an owner's purses together stay within its tier's purse
//!    cap; each voucher within its tier's voucher cap.
//! 2. **Pay** (offline): the device signs a [`Voucher`] to one payee with a strictly
//!    increasing counter ([`rupee_primitives::voucher`] holds the format).
//! 3. **Redeem** (online, later, by anyone): [`Pallet::redeem`] takes a bounded batch. Each
//!    voucher's signature, chain and purse are checked here; each `(purse, counter)` pays at
//!    most once; the same voucher again is a harmless duplicate.
//! 4. **Double spend**: a different voucher with a used `(purse, counter)`, or a voucher the
//!    escrow left cannot cover, stores both vouchers as evidence ([`DoubleSpends`]), marks the
//!    purse compromised, freezes the owner, pays the victim from what escrow is left, then from
//!    the owner's balance, and records the rest as a [`Claim`] that governance settles with
//!    [`Pallet::settle_claim`].
//! 5. **Close and settle**: the owner closes a purse (lost device) with [`Pallet::close_purse`];
//!    after expiry plus [`Config::GraceWindow`] anyone may [`Pallet::settle`] it and the rest of
//!    the escrow returns to the owner. Vouchers presented after that are refused.
//! 6. **Revocation list**: closed and compromised purses ([`Revocations`]), which wallets sync
//!    with the runtime API together with a digest of the whole list.
//!
//! ## Roles and calls
//!
//! * **Permissioned accounts**: [`Pallet::fund_purse`], [`Pallet::close_purse`] (owner),
//!   [`Pallet::redeem`], [`Pallet::settle`].
//! * **Governance** ([`Config::GovernanceOrigin`]): [`Pallet::settle_claim`].
//!
//! ## Invariants
//!
//! * Σ purse escrows (not settled) == the ledger's escrow of their owners; money only moves
//!   through the ledger's [`Escrow`](rupee_primitives::Escrow) API, so the ledger's supply invariant covers vouchers.
//! * A `(purse, counter)` pays from escrow at most once; a voucher is compensated at most once.
//! * [`TotalClaims`] == Σ [`Claims`]. Claims are debts, not money: they create nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod attest;
mod functions;
pub mod migrations;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod tests;

pub use pallet::*;
pub use rupee_primitives::{
	purse_proof::{AttesterSet, AttesterSignature, PurseProof, PurseStatement},
	voucher::Voucher,
};
pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the rest of the runtime, which this pallet only sees through
/// traits: permissioned accounts, money, and a clock it can move.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Register `who` in `tier` with `linked_bank`.
	fn register(who: &AccountId, tier: rupee_primitives::Tier, linked_bank: Option<AccountId>);
	/// Give `who` `amount` of new money.
	fn endow(who: &AccountId, amount: rupee_primitives::Balance);
	/// Set the clock to `now` (ms since the epoch).
	fn set_time(now: Moment);
	/// Make these ed25519 keys, each of weight 1, the current attester set.
	fn set_attesters(keys: alloc::vec::Vec<[u8; 32]>);
}

/// The chain's current GRANDPA authority set, whose members sign purse statements.
pub trait AttesterSource {
	/// The current set: its id and each authority's ed25519 key and weight.
	fn current() -> AttesterSet;
}

/// Log target of this pallet.
pub const LOG_TARGET: &str = "runtime::vouchers";

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{dispatch::WithPostDispatchInfo, pallet_prelude::*, traits::Time};
	use frame_system::pallet_prelude::*;
	use rupee_primitives::{AccountPolicy, Balance, Escrow};

	/// 2: the revocation list's digest is kept in storage ([`RevocationDigest`]).
	/// 3: offline payments v2: each purse's seize cap ([`Liabilities`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(4);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<AccountId: From<[u8; 32]> + Into<[u8; 32]>> {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// Who may fund purses and receive vouchers, with which caps: the KYC pallet.
		type Policy: AccountPolicy<Self::AccountId>;

		/// The ledger's escrow, where purse money lives until it is paid or returned.
		type Escrow: Escrow<Self::AccountId>;

		/// The origin that settles double-spend claims: the Board.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The clock for expiry (ms since the epoch).
		type Time: Time<Moment = Moment>;

		/// How long a purse lasts after it is funded or topped up, in ms.
		#[pallet::constant]
		type PurseLifetime: Get<Moment>;

		/// How long after a purse goes on the revocation list (closed or compromised) vouchers
		/// dated then are still honoured, in ms: the oldest revocation list a payee's wallet
		/// accepts. Later-dated vouchers are refused (code 15).
		#[pallet::constant]
		type RevocationNotice: Get<Moment>;

		/// How long after expiry vouchers are still redeemed, in ms.
		#[pallet::constant]
		type GraceWindow: Get<Moment>;

		/// Most vouchers in one `redeem` call.
		#[pallet::constant]
		type MaxBatch: Get<u32>;

		/// Most purses one owner may have that are not yet settled.
		#[pallet::constant]
		type MaxPursesPerOwner: Get<u32>;

		/// The smallest amount a voucher may pay, in paisa: a redemption is stored until its
		/// purse is settled, so it must be worth the space.
		#[pallet::constant]
		type MinVoucherAmount: Get<Balance>;

		/// Counters a purse may use: a voucher's counter must be below this. With the
		/// minimum amount it bounds what one purse stores; a wallet retires its device key
		/// before reaching it.
		#[pallet::constant]
		type MaxVouchersPerPurse: Get<u64>;

		/// Double spends per purse whose evidence (both signed vouchers) is kept. Later ones
		/// are compensated all the same, and only their hash is kept, so each is paid once.
		/// The purse is on the revocation list from the first.
		#[pallet::constant]
		type MaxDoubleSpendsPerPurse: Get<u32>;

		/// How many times its proved escrow the guarantee reserve pays, at most, to one purse's
		/// double-spend victims: what one stolen device (or one owner colluding with payees)
		/// can cost the reserve. Later victims get claims.
		#[pallet::constant]
		type GuaranteePerPurse: Get<u32>;

		/// The validators that sign purse statements: the GRANDPA authority set.
		type Attesters: AttesterSource;

		/// Most authorities in a set (GRANDPA's `MaxAuthorities`): bounds a proof.
		#[pallet::constant]
		type MaxAttesters: Get<u32>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;

		/// Sets up accounts, money and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every purse ever funded, by device key. Settled purses stay so late vouchers get a
	/// clear refusal and a device key is never reused.
	#[pallet::storage]
	pub type Purses<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, Purse<T::AccountId>, OptionQuery>;

	/// How many purses each owner has that are not settled.
	#[pallet::storage]
	pub type PurseCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The voucher that used each `(purse, counter)`. Kept until the purse is settled (no
	/// voucher of it is redeemed after that), then cleared by `on_idle` ([`ToClear`]).
	#[pallet::storage]
	pub type Redeemed<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DeviceKey, Twox64Concat, u64, Voucher, OptionQuery>;

	/// The highest counter of each purse in [`Redeemed`] (paid or seen reused), until the purse
	/// is settled: what a wallet restored from a backup syncs past. One read for wallets instead
	/// of a walk over the purse's redemptions.
	#[pallet::storage]
	pub type HighestCounter<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, u64, OptionQuery>;

	/// Settled purses whose [`Redeemed`] entries are still to be cleared.
	#[pallet::storage]
	pub type ToClear<T: Config> = StorageMap<_, Blake2_128Concat, DeviceKey, (), OptionQuery>;

	/// Double spends with evidence in [`DoubleSpends`], per purse: at most
	/// [`Config::MaxDoubleSpendsPerPurse`].
	#[pallet::storage]
	pub type DoubleSpendCount<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, u32, ValueQuery>;

	/// Double-spent vouchers compensated after their purse's evidence was full: the hash of
	/// each, so none is compensated twice.
	#[pallet::storage]
	pub type Compensated<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, DeviceKey, Identity, [u8; 32], (), OptionQuery>;

	/// Evidence of each double spend, by purse and the hash of the victim's voucher.
	#[pallet::storage]
	pub type DoubleSpends<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DeviceKey,
		Identity,
		[u8; 32],
		DoubleSpend<T::AccountId>,
		OptionQuery,
	>;

	/// What double-spend victims are still owed.
	#[pallet::storage]
	pub type Claims<T: Config> =
		StorageMap<_, Twox64Concat, ClaimId, Claim<T::AccountId>, OptionQuery>;

	/// The id the next claim gets.
	#[pallet::storage]
	pub type NextClaimId<T: Config> = StorageValue<_, ClaimId, ValueQuery>;

	/// Σ [`Claims`] amounts.
	#[pallet::storage]
	pub type TotalClaims<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// The revocation list: closed and compromised purses not yet settled.
	#[pallet::storage]
	pub type Revocations<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, Revocation, OptionQuery>;

	/// The digest of [`Revocations`]: the XOR of BLAKE2-256 of each SCALE-encoded
	/// `(device key, revocation)`, updated as entries come and go, so no one has to read the
	/// whole list to tell whether theirs is current.
	#[pallet::storage]
	pub type RevocationDigest<T: Config> = StorageValue<_, [u8; 32], ValueQuery>;

	/// Each purse's statement waiting for the validators' signatures, with those so far.
	#[pallet::storage]
	pub type Attestations<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, Attestation<T::MaxAttesters>, OptionQuery>;

	/// Each purse's latest complete proof (what `vouchers_purseProof` gives out), kept while a
	/// newer statement is being signed. Payees keep the proofs they already hold.
	#[pallet::storage]
	pub type Proven<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, Attestation<T::MaxAttesters>, OptionQuery>;

	/// Active purses whose latest statement is not yet signed by more than two thirds: what
	/// the validators' attesters work through.
	#[pallet::storage]
	pub type Unattested<T: Config> = StorageMap<_, Blake2_128Concat, DeviceKey, (), OptionQuery>;

	/// What each purse's owner has paid and may still be made to pay for its double spends,
	/// and the escrow its proofs promised.
	#[pallet::storage]
	pub type Liabilities<T: Config> =
		StorageMap<_, Blake2_128Concat, DeviceKey, Liability, ValueQuery>;

	/// Paid to each payee from each purse (escrow, owner or reserve): a payee who checked a
	/// proof took at most its escrow from that purse. Cleared with [`Redeemed`].
	#[pallet::storage]
	pub type PaidTo<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		DeviceKey,
		Blake2_128Concat,
		T::AccountId,
		Balance,
		ValueQuery,
	>;

	/// What each owner owes the guarantee reserve for its purses' double spends.
	#[pallet::storage]
	pub type Debts<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Balance, OptionQuery>;

	/// Σ [`Debts`].
	#[pallet::storage]
	pub type TotalDebts<T: Config> = StorageValue<_, Balance, ValueQuery>;

	/// Purses funded again while their statement was being signed: stated anew once it
	/// completes.
	#[pallet::storage]
	pub type Restate<T: Config> = StorageMap<_, Blake2_128Concat, DeviceKey, (), OptionQuery>;

	/// When this pallet froze each owner for a double spend: vouchers dated later are not its
	/// owner's to answer for.
	#[pallet::storage]
	pub type FrozenAt<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Moment, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `owner` escrowed `amount` for the purse of `device_key`: it now holds `escrow`,
		/// payable until `expires_at`.
		PurseFunded {
			owner: T::AccountId,
			device_key: DeviceKey,
			amount: Balance,
			escrow: Balance,
			expires_at: Moment,
		},
		/// A voucher paid `payee` `amount` from the purse's escrow.
		VoucherRedeemed {
			device_key: DeviceKey,
			counter: u64,
			payee: T::AccountId,
			amount: Balance,
		},
		/// The same voucher was presented again; nothing happened.
		DuplicateIgnored { device_key: DeviceKey, counter: u64 },
		/// A voucher was not paid, for `reason` (codes 10–12: it may be redeemed later).
		VoucherRefused { device_key: DeviceKey, counter: u64, reason: VoucherRefusal },
		/// A double spend by `owner`'s purse: the evidence is in [`DoubleSpends`].
		DoubleSpendDetected {
			device_key: DeviceKey,
			counter: u64,
			owner: T::AccountId,
			kind: DoubleSpendKind,
			voucher_hash: [u8; 32],
		},
		/// The purse was marked compromised and put on the revocation list.
		PurseCompromised { device_key: DeviceKey, owner: T::AccountId },
		/// The owner of a compromised purse was frozen.
		OwnerFrozen { owner: T::AccountId },
		/// A double-spend victim was paid `from_escrow` + `from_balance` (the owner's) +
		/// `from_reserve` (the guarantee reserve) of its voucher's `amount`; the rest, if any,
		/// is claim `claim`.
		VictimCompensated {
			device_key: DeviceKey,
			counter: u64,
			payee: T::AccountId,
			amount: Balance,
			from_escrow: Balance,
			from_balance: Balance,
			from_reserve: Balance,
			claim: Option<ClaimId>,
		},
		/// `claimant` is owed `amount` for a double spend by `owner`.
		ClaimRecorded {
			claim: ClaimId,
			claimant: T::AccountId,
			owner: T::AccountId,
			amount: Balance,
		},
		/// Governance paid `paid` of claim `claim` from `payer`; `remaining` is still owed.
		ClaimSettled { claim: ClaimId, payer: T::AccountId, paid: Balance, remaining: Balance },
		/// The owner closed the purse; vouchers are redeemed until `redeemable_until`.
		PurseClosed { device_key: DeviceKey, owner: T::AccountId, redeemable_until: Moment },
		/// The purse was settled: `returned` went back to its owner.
		PurseSettled { device_key: DeviceKey, owner: T::AccountId, returned: Balance },
		/// More than two thirds of authority set `set_id` signed the purse's statement of
		/// block `block`: its proof is ready (`vouchers_purseProof`).
		PurseAttested { device_key: DeviceKey, set_id: u64, block: u32 },
		/// A counter reuse that the escrow covered (a restored backup, most likely): the purse
		/// is compromised, the owner is not frozen; its bank `bank` should talk to it.
		OwnerFlagged { owner: T::AccountId, device_key: DeviceKey, bank: Option<T::AccountId> },
		/// The guarantee reserve paid a double-spend victim `amount`; `owner` owes it.
		DebtRecorded { owner: T::AccountId, device_key: DeviceKey, amount: Balance },
		/// Governance took `paid` from `owner` back into the guarantee reserve for the reason
		/// behind `reason`; `remaining` is still owed.
		DebtSettled { owner: T::AccountId, paid: Balance, remaining: Balance, reason: [u8; 32] },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Nothing to fund, or nothing to pay.
		ZeroAmount,
		/// The owner may not transact (the KYC code says why).
		NotPermissioned(OwnerPolicy),
		/// The device key belongs to another owner's purse.
		PurseOwnedByAnother,
		/// The purse is closed, compromised or settled: it cannot be funded or closed again.
		PurseNotActive,
		/// All the owner's purses together would exceed its tier's purse cap.
		PurseCapExceeded,
		/// The owner has [`Config::MaxPursesPerOwner`] purses that are not settled.
		TooManyPurses,
		/// No purse has this device key.
		UnknownPurse,
		/// Only the purse's owner may close it.
		NotOwner,
		/// The purse's expiry plus the grace window has not passed yet.
		NotYetSettleable,
		/// The purse is already settled.
		AlreadySettled,
		/// `redeem` needs at least one voucher.
		EmptyBatch,
		/// No claim has this id.
		UnknownClaim,
		/// The payer has nothing to pay the claim with.
		NothingToPay,
		/// The account owes the guarantee reserve nothing.
		NoDebt,
		/// The guarantee reserve is funded only from an Institution account (the issuer or a
		/// bank).
		NotAnInstitution,
		/// The purse has no statement waiting for signatures.
		NotAwaitingAttestation,
		/// The signature is for another authority set than the current one.
		WrongAttesterSet,
		/// This authority already signed the statement.
		AlreadyAttested,
		/// Not the authority's signature of the statement.
		BadAttestation,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			assert!(T::MaxBatch::get() > 0, "a redeem batch must hold a voucher");
			assert!(T::MaxPursesPerOwner::get() > 0, "owners must be able to have a purse");
			assert!(T::PurseLifetime::get() > 0, "purses must live a while");
			assert!(T::MinVoucherAmount::get() > 0, "a voucher must pay something");
			assert!(T::MaxVouchersPerPurse::get() > 0, "a purse must pay at least one voucher");
		}

		/// Clear the redemptions of settled purses, within the block's spare weight.
		fn on_idle(_: BlockNumberFor<T>, remaining: Weight) -> Weight {
			Self::clear_settled(remaining)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Escrow `amount` of the caller's balance for the purse of `device_key`, creating it
		/// or topping it up. The purse then lasts [`Config::PurseLifetime`] from now.
		///
		/// Origin: a permissioned account (the owner). Emits [`Event::PurseFunded`].
		/// Errors: [`Error::ZeroAmount`], [`Error::NotPermissioned`],
		/// [`Error::PurseOwnedByAnother`], [`Error::PurseNotActive`],
		/// [`Error::PurseCapExceeded`], [`Error::TooManyPurses`], the ledger's refusal when the
		/// balance is short. O(1).
		///
		/// Weight: the funding, plus the validators' `attest` transactions its purse's new
		/// statement will cost (declared for a set of [`Config::MaxAttesters`], charged for
		/// the current set; nothing when it joins a statement already asked for, or fails).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::fund_purse().saturating_add(
			Pallet::<T>::statement_weight(T::MaxAttesters::get())
		))]
		pub fn fund_purse(
			origin: OriginFor<T>,
			device_key: DeviceKey,
			#[pallet::compact] amount: Balance,
		) -> DispatchResultWithPostInfo {
			let owner = ensure_signed(origin)?;
			let funding = T::WeightInfo::fund_purse();
			let new_statement = Self::do_fund_purse(owner, device_key, amount)
				.map_err(|error| error.with_weight(funding))?;
			let signatures =
				if new_statement { T::Attesters::current().signatures_needed() } else { 0 };
			Ok(Some(funding.saturating_add(Self::statement_weight(signatures))).into())
		}

		/// Redeem a batch of vouchers. Each is paid, ignored as a duplicate, handled as a
		/// double spend or refused on its own, with an event saying which; the call fails only
		/// for an empty batch (a longer one than [`Config::MaxBatch`] does not decode).
		///
		/// Origin: any permissioned account (a payee or anyone on its behalf).
		/// Emits per voucher [`Event::VoucherRedeemed`], [`Event::DuplicateIgnored`],
		/// [`Event::VoucherRefused`] or the double-spend events. O(n) in the batch; charged
		/// the double-spend path per voucher and refunded to what happened.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::redeem_weight(vouchers.len() as u32, true))]
		pub fn redeem(
			origin: OriginFor<T>,
			vouchers: BoundedVec<Voucher, T::MaxBatch>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_redeem_batch(vouchers.into_inner())
		}

		/// Close a purse whose device is lost or retired: it goes on the revocation list and
		/// vouchers are redeemed for one more [`Config::GraceWindow`], then it can be settled.
		///
		/// Origin: the purse's owner. Emits [`Event::PurseClosed`].
		/// Errors: [`Error::UnknownPurse`], [`Error::NotOwner`], [`Error::PurseNotActive`]. O(1).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::close_purse())]
		pub fn close_purse(origin: OriginFor<T>, device_key: DeviceKey) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_purse(&who, device_key)
		}

		/// Return the rest of an expired (or closed) purse's escrow to its owner once the grace
		/// window is over. Later vouchers are refused with [`VoucherRefusal::PurseSettled`].
		///
		/// Origin: any permissioned account. Emits [`Event::PurseSettled`].
		/// Errors: [`Error::UnknownPurse`], [`Error::AlreadySettled`],
		/// [`Error::NotYetSettleable`]. O(1).
		#[pallet::call_index(3)]
		// The benchmarked settlement, and the removal of the purse's highest counter.
		#[pallet::weight(T::WeightInfo::settle())]
		pub fn settle(origin: OriginFor<T>, device_key: DeviceKey) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_settle(device_key)
		}

		/// Pay claim `claim` from `payer`'s balance (the frozen owner once it has money again,
		/// or a fund the Board chooses), as far as that balance goes.
		///
		/// Origin: governance. Emits [`Event::ClaimSettled`].
		/// Errors: [`Error::UnknownClaim`], [`Error::NothingToPay`], the ledger's refusal. O(1).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::settle_claim())]
		pub fn settle_claim(
			origin: OriginFor<T>,
			claim: ClaimId,
			payer: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_settle_claim(claim, payer)
		}

		/// Take what `owner` owes the guarantee reserve (its purses' double spends the reserve
		/// paid) back from its balance, as far as it goes, for the reason behind `reason`.
		///
		/// Origin: governance. Emits [`Event::DebtSettled`].
		/// Errors: [`Error::NoDebt`], [`Error::NothingToPay`]. O(1).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::settle_debt())]
		pub fn settle_debt(
			origin: OriginFor<T>,
			owner: T::AccountId,
			reason: [u8; 32],
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_settle_debt(owner, reason)
		}

		/// Move `amount` of `from`'s balance (the issuer's, or a bank's) into the offline
		/// guarantee reserve, which pays honest offline payees when a purse's escrow cannot.
		///
		/// Origin: governance. Emits the ledger's `GuaranteeFunded`.
		/// Errors: [`Error::NotAnInstitution`], the ledger's refusal when the balance is short.
		/// O(1).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::fund_guarantee())]
		pub fn fund_guarantee(
			origin: OriginFor<T>,
			from: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			ensure!(T::Policy::is_institution(&from), Error::<T>::NotAnInstitution);
			T::Escrow::fund_guarantee(&from, amount)
		}

		/// A validator's signature of a purse's latest statement, submitted by its node's
		/// attester as an unsigned transaction; with more than two thirds of the set the
		/// statement becomes the purse's proof.
		///
		/// Origin: none (the signature is the authority). Emits [`Event::PurseAttested`] when
		/// complete. Errors: [`Error::NotAwaitingAttestation`], [`Error::WrongAttesterSet`],
		/// [`Error::AlreadyAttested`], [`Error::BadAttestation`]. O(set size).
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::attest(T::MaxAttesters::get()))]
		pub fn attest(
			origin: OriginFor<T>,
			device_key: DeviceKey,
			#[pallet::compact] set_id: u64,
			signature: AttesterSignature,
		) -> DispatchResult {
			ensure_none(origin)?;
			Self::do_attest(device_key, set_id, signature).map_err(|error| {
				match error {
					AttestError::NotAwaiting => Error::<T>::NotAwaitingAttestation,
					AttestError::WrongSet => Error::<T>::WrongAttesterSet,
					AttestError::AlreadySigned => Error::<T>::AlreadyAttested,
					AttestError::BadSignature => Error::<T>::BadAttestation,
				}
				.into()
			})
		}
	}

	#[pallet::validate_unsigned]
	#[allow(deprecated)]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		/// Only `attest`, only a signature the chain would take now: anyone may relay one, but
		/// each authority's signature of a statement enters a block once.
		fn validate_unsigned(_: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::attest { device_key, set_id, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			let statement = Self::check_attestation(device_key, *set_id, signature).map_err(
				|error| match error {
					AttestError::NotAwaiting
					| AttestError::WrongSet
					| AttestError::AlreadySigned => InvalidTransaction::Stale,
					AttestError::BadSignature => InvalidTransaction::BadProof,
				},
			)?;
			ValidTransaction::with_tag_prefix("VouchersAttest")
				.priority(TransactionPriority::MAX / 2)
				.and_provides((device_key, statement.block, set_id, signature.authority))
				.longevity(64)
				.propagate(true)
				.build()
		}
	}
}
