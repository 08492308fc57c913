//! The protocol: funding, redemption with double-spend handling, closing, settling, claims.

use codec::Encode;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, PostDispatchInfo},
	ensure,
	storage::with_storage_layer,
	traits::{Get, Time},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;
use rupee_primitives::{
	voucher::{Voucher, VOUCHER_VERSION},
	AccountPolicy, Balance, Escrow,
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

use crate::{pallet::*, types::*, weights::WeightInfo, LOG_TARGET};

/// The identity of a voucher: the BLAKE2-256 hash of its signed body. sr25519 signatures are
/// randomised, so two signatures of the same body are the same voucher, never two payments.
pub fn voucher_hash(voucher: &Voucher) -> [u8; 32] {
	sp_io::hashing::blake2_256(&voucher.body.encode())
}

impl<T: Config> Pallet<T> {
	fn now() -> Moment {
		T::Time::now()
	}

	/// The genesis hash every voucher for this chain carries.
	pub fn genesis_hash() -> [u8; 32] {
		let hash = frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero());
		let mut bytes = [0u8; 32];
		let raw = hash.as_ref();
		if raw.len() == bytes.len() {
			bytes.copy_from_slice(raw);
		}
		bytes
	}

	/// The last moment vouchers of `purse` are redeemed.
	pub fn redeemable_until(purse: &Purse<T::AccountId>) -> Moment {
		purse.expires_at.saturating_add(T::GraceWindow::get())
	}

	/// Fund or top up a purse; whether that asks the validators for a new statement (now, or
	/// once the one being signed completes) rather than joining one already asked for.
	pub(crate) fn do_fund_purse(
		owner: T::AccountId,
		device_key: DeviceKey,
		amount: Balance,
	) -> Result<bool, DispatchError> {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let limits = T::Policy::can_send(&owner)
			.map_err(|error| Error::<T>::NotPermissioned(OwnerPolicy(error)))?;
		let existing = Purses::<T>::get(device_key);
		match &existing {
			Some(purse) => {
				ensure!(purse.owner == owner, Error::<T>::PurseOwnedByAnother);
				ensure!(purse.status == PurseStatus::Active, Error::<T>::PurseNotActive);
			},
			None => ensure!(
				PurseCount::<T>::get(&owner) < T::MaxPursesPerOwner::get(),
				Error::<T>::TooManyPurses
			),
		}
		let escrowed =
			T::Escrow::escrowed(&owner).checked_add(amount).ok_or(Error::<T>::PurseCapExceeded)?;
		ensure!(escrowed <= limits.purse_cap, Error::<T>::PurseCapExceeded);
		T::Escrow::reserve(&owner, amount)?;

		let expires_at = Self::now().saturating_add(T::PurseLifetime::get());
		let purse = match existing {
			Some(mut purse) => {
				purse.escrow = purse.escrow.saturating_add(amount);
				// Never lower the cap: payees already hold vouchers under the old one.
				purse.voucher_cap = purse.voucher_cap.max(limits.voucher_cap);
				purse.expires_at = expires_at;
				purse
			},
			None => {
				PurseCount::<T>::mutate(&owner, |count| *count = count.saturating_add(1));
				Purse {
					owner: owner.clone(),
					escrow: amount,
					redeemed: 0,
					voucher_cap: limits.voucher_cap,
					expires_at,
					status: PurseStatus::Active,
				}
			},
		};
		let escrow = purse.escrow;
		Liabilities::<T>::mutate(device_key, |liability| liability.seize_cap = limits.purse_cap);
		// One statement per purse at a time: a funding while one is being signed is stated
		// when that one completes, so top-ups cannot keep a proof from ever completing.
		let new_statement = if Unattested::<T>::contains_key(device_key) {
			!Restate::<T>::contains_key(device_key) && {
				Restate::<T>::insert(device_key, ());
				true
			}
		} else {
			Self::request_attestation(device_key, &purse);
			true
		};
		Purses::<T>::insert(device_key, purse);
		Self::deposit_event(Event::PurseFunded { owner, device_key, amount, escrow, expires_at });
		Ok(new_statement)
	}

	/// The block weight one statement of a purse costs the chain: the validators' `attest`
	/// transactions that complete its proof (unsigned, so charged to nobody), `signatures` of
	/// them. The funding that asks for the statement pays it.
	pub(crate) fn statement_weight(signatures: u32) -> Weight {
		T::WeightInfo::attest(T::MaxAttesters::get()).saturating_mul(signatures.into())
	}

	/// Redeem `vouchers` one by one; weight is refunded to the honest path unless one took the
	/// double-spend path (whether it was paid or the ledger then refused it).
	pub(crate) fn do_redeem_batch(
		vouchers: alloc::vec::Vec<Voucher>,
	) -> DispatchResultWithPostInfo {
		ensure!(!vouchers.is_empty(), Error::<T>::EmptyBatch);
		let count = vouchers.len() as u32;
		let genesis = Self::genesis_hash();
		let now = Self::now();
		let mut any_double_spend = false;
		for voucher in &vouchers {
			any_double_spend |= Self::redeem_weighed(voucher, genesis, now).1;
		}
		let actual = Self::redeem_weight(count, any_double_spend);
		Ok(PostDispatchInfo { actual_weight: Some(actual), pays_fee: Default::default() })
	}

	/// The weight of redeeming `count` vouchers: the benchmarked redemption, with a double
	/// spend or without.
	pub(crate) fn redeem_weight(count: u32, double_spend: bool) -> Weight {
		if double_spend {
			T::WeightInfo::redeem_double_spend(count)
		} else {
			T::WeightInfo::redeem(count)
		}
	}

	/// Note that `(device_key, counter)` is now in [`Redeemed`].
	fn note_redeemed(device_key: DeviceKey, counter: u64, voucher: &Voucher) {
		Redeemed::<T>::insert(device_key, counter, voucher);
		HighestCounter::<T>::mutate(device_key, |highest| {
			*highest = Some(highest.map_or(counter, |highest| highest.max(counter)))
		});
	}

	/// Redeem one voucher and emit the events that say what happened.
	pub fn redeem_one(voucher: &Voucher, genesis: [u8; 32], now: Moment) -> RedeemOutcome {
		Self::redeem_weighed(voucher, genesis, now).0
	}

	/// [`Self::redeem_one`], and whether it took the double-spend path, whose weight it then
	/// costs even if the ledger refused a payment and nothing was recorded.
	fn redeem_weighed(voucher: &Voucher, genesis: [u8; 32], now: Moment) -> (RedeemOutcome, bool) {
		let device_key = voucher.body.device_key;
		let counter = voucher.body.counter;
		let mut double_spend_path = false;
		let outcome = Self::try_redeem(voucher, genesis, now, &mut double_spend_path)
			.unwrap_or_else(|reason| RedeemOutcome::Refused { reason });
		match outcome {
			RedeemOutcome::Duplicate => {
				Self::deposit_event(Event::DuplicateIgnored { device_key, counter })
			},
			RedeemOutcome::Refused { reason } => {
				log::debug!(target: LOG_TARGET, "voucher {counter} refused: {reason:?}");
				Self::deposit_event(Event::VoucherRefused { device_key, counter, reason })
			},
			_ => {},
		}
		(outcome, double_spend_path)
	}

	/// What redeeming `voucher` now would do, changing nothing: the dry run wallets use.
	pub fn check_voucher(voucher: &Voucher) -> RedeemOutcome {
		let mut outcome = RedeemOutcome::Refused { reason: VoucherRefusal::UnknownPurse };
		// Redeem for real inside a storage layer, then roll the layer back.
		let _ = with_storage_layer(|| -> DispatchResult {
			outcome = Self::redeem_one(voucher, Self::genesis_hash(), Self::now());
			Err(DispatchError::Other("dry run"))
		});
		outcome
	}

	/// Redeem `voucher`; `double_spend_path` is set when it reaches [`Self::double_spend`].
	fn try_redeem(
		voucher: &Voucher,
		genesis: [u8; 32],
		now: Moment,
		double_spend_path: &mut bool,
	) -> Result<RedeemOutcome, VoucherRefusal> {
		let body = &voucher.body;
		let mut purse = Purses::<T>::get(body.device_key).ok_or(VoucherRefusal::UnknownPurse)?;
		let used = Redeemed::<T>::get(body.device_key, body.counter);
		if used.as_ref().is_some_and(|used| used.body == voucher.body) {
			return Ok(RedeemOutcome::Duplicate);
		}
		let hash = voucher_hash(voucher);
		if Self::compensated(body.device_key, hash) {
			return Ok(RedeemOutcome::Duplicate);
		}
		ensure!(purse.status != PurseStatus::Settled, VoucherRefusal::PurseSettled);
		ensure!(now <= Self::redeemable_until(&purse), VoucherRefusal::RedemptionWindowClosed);
		ensure!(body.version == VOUCHER_VERSION, VoucherRefusal::UnsupportedVersion);
		ensure!(body.genesis_hash == genesis, VoucherRefusal::WrongGenesis);
		ensure!(voucher.signature_is_valid(), VoucherRefusal::BadSignature);
		ensure!(body.amount > 0, VoucherRefusal::ZeroAmount);
		ensure!(body.amount >= T::MinVoucherAmount::get(), VoucherRefusal::BelowMinimum);
		ensure!(body.counter < T::MaxVouchersPerPurse::get(), VoucherRefusal::CounterTooHigh);
		ensure!(body.amount <= purse.voucher_cap, VoucherRefusal::OverVoucherCap);
		ensure!(body.issued_at <= purse.expires_at, VoucherRefusal::IssuedAfterExpiry);
		if let Some(revocation) = Revocations::<T>::get(body.device_key) {
			ensure!(
				body.issued_at <= revocation.since.saturating_add(T::RevocationNotice::get()),
				VoucherRefusal::IssuedAfterRevocation
			);
		}
		let payee = T::AccountId::from(body.payee);
		ensure!(payee != purse.owner, VoucherRefusal::PaysOwner);
		T::Policy::can_receive(&payee).map_err(VoucherRefusal::PayeeNotPermissioned)?;

		*double_spend_path = used.is_some() || body.amount > purse.escrow;
		match used {
			Some(first) => Self::double_spend(
				&mut purse,
				voucher,
				hash,
				DoubleSpendKind::CounterReuse,
				Some(first),
				&payee,
				now,
			),
			None if body.amount <= purse.escrow => {
				T::Escrow::pay_from_escrow(&purse.owner, &payee, body.amount)?;
				purse.escrow -= body.amount;
				purse.redeemed = purse.redeemed.saturating_add(body.amount);
				Purses::<T>::insert(body.device_key, purse);
				Self::note_redeemed(body.device_key, body.counter, voucher);
				PaidTo::<T>::mutate(body.device_key, &payee, |paid| {
					*paid = paid.saturating_add(body.amount)
				});
				Self::deposit_event(Event::VoucherRedeemed {
					device_key: body.device_key,
					counter: body.counter,
					payee,
					amount: body.amount,
				});
				Ok(RedeemOutcome::Paid { amount: body.amount })
			},
			None => {
				let outcome = Self::double_spend(
					&mut purse,
					voucher,
					hash,
					DoubleSpendKind::OverEscrow,
					None,
					&payee,
					now,
				)?;
				Self::note_redeemed(body.device_key, body.counter, voucher);
				Ok(outcome)
			},
		}
	}

	/// Handle a double spend: keep the evidence, compromise the purse, and pay the victim in
	/// this order: the escrow left; the owner's balance (only for a voucher dated before the
	/// purse was revoked, and at most the purse's seize cap in all); the guarantee reserve (only
	/// for a payee a proof covered: everything it took from this purse within the escrow a
	/// proof stated), which the owner then owes; the rest is a claim. A shortfall of the escrow
	/// freezes the owner; a counter reuse the escrow covered only flags it to its bank. All or
	/// nothing: if the ledger refuses a payment nothing is recorded and the voucher stays
	/// redeemable.
	fn double_spend(
		purse: &mut Purse<T::AccountId>,
		voucher: &Voucher,
		hash: [u8; 32],
		kind: DoubleSpendKind,
		conflicting: Option<Voucher>,
		payee: &T::AccountId,
		now: Moment,
	) -> Result<RedeemOutcome, VoucherRefusal> {
		let body = &voucher.body;
		let device_key = body.device_key;
		let owner = purse.owner.clone();
		let recorded = DoubleSpendCount::<T>::get(device_key);
		with_storage_layer(|| -> Result<RedeemOutcome, VoucherRefusal> {
			let mut liability = Liabilities::<T>::get(device_key);
			let paid_before = PaidTo::<T>::get(device_key, payee);
			let from_escrow = body.amount.min(purse.escrow);
			if from_escrow > 0 {
				T::Escrow::pay_from_escrow(&owner, payee, from_escrow)?;
				purse.escrow -= from_escrow;
				purse.redeemed = purse.redeemed.saturating_add(from_escrow);
			}
			let mut unpaid = body.amount - from_escrow;
			let owner_liable = Self::owner_liable(device_key, &owner, body.issued_at);
			let from_balance = if unpaid > 0 && owner_liable {
				let allowed = liability.seize_cap.saturating_sub(liability.seized);
				T::Escrow::seize(&owner, payee, unpaid.min(allowed))?
			} else {
				0
			};
			liability.seized = liability.seized.saturating_add(from_balance);
			unpaid -= from_balance;
			// The reserve stands in for a liable owner, for what a proof covered: what this
			// payee took from the purse up to the largest escrow a proof of it stated.
			let covered = liability
				.proved_escrow
				.saturating_sub(paid_before.saturating_add(body.amount - unpaid));
			let reserve_left = Self::reserve_cap(&liability).saturating_sub(liability.reserve_paid);
			let from_reserve = if unpaid > 0 && owner_liable {
				T::Escrow::pay_from_guarantee(payee, unpaid.min(covered).min(reserve_left))?
			} else {
				0
			};
			liability.reserve_paid = liability.reserve_paid.saturating_add(from_reserve);
			unpaid -= from_reserve;
			// Whatever the reserve paid, the owner owes.
			if from_reserve > 0 {
				Debts::<T>::mutate(&owner, |debt| {
					*debt = Some(debt.unwrap_or(0).saturating_add(from_reserve))
				});
				TotalDebts::<T>::mutate(|total| *total = total.saturating_add(from_reserve));
				Self::deposit_event(Event::DebtRecorded {
					owner: owner.clone(),
					device_key,
					amount: from_reserve,
				});
			}
			Liabilities::<T>::insert(device_key, liability);
			PaidTo::<T>::insert(
				device_key,
				payee,
				paid_before.saturating_add(body.amount - unpaid),
			);
			let claim = (unpaid > 0).then(|| Self::record_claim(payee, &owner, device_key, unpaid));

			log::warn!(
				target: LOG_TARGET,
				"double spend ({kind:?}) by purse {} of {owner:?}, counter {}",
				rupee_primitives::hex::encode(&device_key),
				body.counter
			);
			Self::deposit_event(Event::DoubleSpendDetected {
				device_key,
				counter: body.counter,
				owner: owner.clone(),
				kind,
				voucher_hash: hash,
			});
			if purse.status != PurseStatus::Compromised {
				purse.status = PurseStatus::Compromised;
				// A closed purse keeps the time it was closed: the owner answers for nothing
				// dated after it, whenever the thief's vouchers come in.
				let since = Revocations::<T>::get(device_key)
					.map_or(now, |revocation| revocation.since.min(now));
				Self::set_revocation(
					device_key,
					Some(Revocation { reason: RevocationReason::Compromised, since }),
				);
				Self::deposit_event(Event::PurseCompromised { device_key, owner: owner.clone() });
			}
			// A shortfall the owner answers for freezes it; a reuse the escrow covered, or a
			// thief's voucher after the owner reported the loss, only flags it to its bank.
			if from_escrow < body.amount && owner_liable {
				if !T::Policy::is_frozen(&owner) && T::Policy::set_frozen(&owner, true).is_ok() {
					FrozenAt::<T>::insert(&owner, now);
					Self::deposit_event(Event::OwnerFrozen { owner: owner.clone() });
				}
			} else {
				Self::deposit_event(Event::OwnerFlagged {
					owner: owner.clone(),
					device_key,
					bank: T::Policy::provider_of(&owner),
				});
			}
			Purses::<T>::insert(device_key, purse.clone());
			// Evidence for the first double spends of a purse; a hash for the rest, enough to
			// compensate each once.
			if recorded < T::MaxDoubleSpendsPerPurse::get() {
				DoubleSpendCount::<T>::insert(device_key, recorded + 1);
				DoubleSpends::<T>::insert(
					device_key,
					hash,
					DoubleSpend {
						kind,
						voucher: voucher.clone(),
						conflicting,
						owner: owner.clone(),
						paid_from_escrow: from_escrow,
						paid_from_balance: from_balance,
						claim,
					},
				);
			} else {
				Compensated::<T>::insert(device_key, hash, ());
			}
			Self::deposit_event(Event::VictimCompensated {
				device_key,
				counter: body.counter,
				payee: payee.clone(),
				amount: body.amount,
				from_escrow,
				from_balance,
				from_reserve,
				claim,
			});
			if let Some(claim) = claim {
				Self::deposit_event(Event::ClaimRecorded {
					claim,
					claimant: payee.clone(),
					owner: owner.clone(),
					amount: unpaid,
				});
			}
			Ok(RedeemOutcome::DoubleSpend { kind, paid: body.amount - unpaid, claimed: unpaid })
		})
	}

	/// The most the guarantee reserve pays to the victims of a purse with `liability`.
	pub(crate) fn reserve_cap(liability: &Liability) -> Balance {
		liability.proved_escrow.saturating_mul(T::GuaranteePerPurse::get().into())
	}

	/// Whether the owner answers for a double-spent voucher issued at `issued_at` (its balance
	/// is seized, the reserve stands in for it and it owes the reserve): only if the voucher is
	/// dated before the purse went on the revocation list (closed or compromised) and, while
	/// the owner is frozen, before this pallet froze it. An owner frozen by governance, at a
	/// time this pallet does not know, answers for none.
	fn owner_liable(device_key: DeviceKey, owner: &T::AccountId, issued_at: Moment) -> bool {
		let before_revocation =
			Revocations::<T>::get(device_key).is_none_or(|revocation| issued_at < revocation.since);
		let before_freeze = !T::Policy::is_frozen(owner)
			|| FrozenAt::<T>::get(owner).is_some_and(|at| issued_at < at);
		before_revocation && before_freeze
	}

	fn record_claim(
		claimant: &T::AccountId,
		owner: &T::AccountId,
		device_key: DeviceKey,
		amount: Balance,
	) -> ClaimId {
		let id = NextClaimId::<T>::mutate(|next| {
			let id = *next;
			*next = next.wrapping_add(1);
			id
		});
		Claims::<T>::insert(
			id,
			Claim { claimant: claimant.clone(), owner: owner.clone(), device_key, amount },
		);
		TotalClaims::<T>::mutate(|total| *total = total.saturating_add(amount));
		id
	}

	pub(crate) fn do_close_purse(who: &T::AccountId, device_key: DeviceKey) -> DispatchResult {
		Purses::<T>::try_mutate(device_key, |purse| -> DispatchResult {
			let purse = purse.as_mut().ok_or(Error::<T>::UnknownPurse)?;
			ensure!(&purse.owner == who, Error::<T>::NotOwner);
			ensure!(purse.status == PurseStatus::Active, Error::<T>::PurseNotActive);
			let now = Self::now();
			// The expiry stays: payees hold proofs that promise it. Signatures of its statement
			// are still collected: a payee may already hold the proof they make.
			purse.status = PurseStatus::Closed;
			Self::set_revocation(
				device_key,
				Some(Revocation { reason: RevocationReason::Closed, since: now }),
			);
			Self::deposit_event(Event::PurseClosed {
				device_key,
				owner: who.clone(),
				redeemable_until: Self::redeemable_until(purse),
			});
			Ok(())
		})
	}

	pub(crate) fn do_settle(device_key: DeviceKey) -> DispatchResult {
		Purses::<T>::try_mutate(device_key, |purse| -> DispatchResult {
			let purse = purse.as_mut().ok_or(Error::<T>::UnknownPurse)?;
			ensure!(purse.status != PurseStatus::Settled, Error::<T>::AlreadySettled);
			ensure!(Self::now() > Self::redeemable_until(purse), Error::<T>::NotYetSettleable);
			let returned = purse.escrow;
			if returned > 0 {
				T::Escrow::release(&purse.owner, returned)?;
			}
			purse.escrow = 0;
			purse.status = PurseStatus::Settled;
			PurseCount::<T>::mutate_exists(&purse.owner, |count| {
				*count = count.and_then(|count| count.checked_sub(1)).filter(|count| *count > 0)
			});
			Self::set_revocation(device_key, None);
			Attestations::<T>::remove(device_key);
			Proven::<T>::remove(device_key);
			Restate::<T>::remove(device_key);
			Self::drop_attestation_request(device_key);
			ToClear::<T>::insert(device_key, ());
			HighestCounter::<T>::remove(device_key);
			Self::deposit_event(Event::PurseSettled {
				device_key,
				owner: purse.owner.clone(),
				returned,
			});
			Ok(())
		})
	}

	pub(crate) fn do_settle_debt(owner: T::AccountId, reason: [u8; 32]) -> DispatchResult {
		Debts::<T>::try_mutate_exists(&owner, |slot| -> DispatchResult {
			let debt = slot.as_mut().ok_or(Error::<T>::NoDebt)?;
			let paid = T::Escrow::repay_guarantee(&owner, *debt)?;
			ensure!(paid > 0, Error::<T>::NothingToPay);
			*debt -= paid;
			TotalDebts::<T>::mutate(|total| *total = total.saturating_sub(paid));
			Self::deposit_event(Event::DebtSettled {
				owner: owner.clone(),
				paid,
				remaining: *debt,
				reason,
			});
			if *debt == 0 {
				*slot = None;
			}
			Ok(())
		})
	}

	pub(crate) fn do_settle_claim(id: ClaimId, payer: T::AccountId) -> DispatchResult {
		Claims::<T>::try_mutate_exists(id, |slot| -> DispatchResult {
			let claim = slot.as_mut().ok_or(Error::<T>::UnknownClaim)?;
			let paid = T::Escrow::seize(&payer, &claim.claimant, claim.amount)?;
			ensure!(paid > 0, Error::<T>::NothingToPay);
			claim.amount -= paid;
			TotalClaims::<T>::mutate(|total| *total = total.saturating_sub(paid));
			Self::deposit_event(Event::ClaimSettled {
				claim: id,
				payer,
				paid,
				remaining: claim.amount,
			});
			if claim.amount == 0 {
				*slot = None;
			}
			Ok(())
		})
	}

	/// A purse as wallets see it.
	pub fn purse_view(device_key: DeviceKey) -> Option<PurseView<T::AccountId>> {
		Purses::<T>::get(device_key).map(|purse| PurseView {
			redeemable_until: Self::redeemable_until(&purse),
			owner: purse.owner,
			escrow: purse.escrow,
			redeemed: purse.redeemed,
			voucher_cap: purse.voucher_cap,
			expires_at: purse.expires_at,
			status: purse.status,
		})
	}

	/// The highest counter of purse `device_key` the chain has redeemed (or seen reused), while
	/// the purse's redemptions are kept (until it is settled): a wallet restored from a backup
	/// moves its next counter past it. One read.
	pub fn highest_counter(device_key: DeviceKey) -> Option<u64> {
		HighestCounter::<T>::get(device_key)
	}

	/// Whether the double-spent voucher with `hash` of purse `device_key` was compensated.
	fn compensated(device_key: DeviceKey, hash: [u8; 32]) -> bool {
		DoubleSpends::<T>::contains_key(device_key, hash)
			|| Compensated::<T>::contains_key(device_key, hash)
	}

	/// Whether `voucher` was paid.
	pub fn voucher_status(voucher: &Voucher) -> VoucherStatus {
		let body = &voucher.body;
		if Self::compensated(body.device_key, voucher_hash(voucher)) {
			return VoucherStatus::DoubleSpend;
		}
		match Redeemed::<T>::get(body.device_key, body.counter) {
			Some(used) if used.body == voucher.body => VoucherStatus::Redeemed,
			Some(_) => VoucherStatus::CounterUsedByAnother,
			None if Purses::<T>::get(body.device_key)
				.is_some_and(|purse| purse.status == PurseStatus::Settled) =>
			{
				VoucherStatus::PurseSettled
			},
			None => VoucherStatus::NotRedeemed,
		}
	}

	/// Clear the [`Redeemed`] entries of settled purses, using at most `budget`: a read of
	/// [`ToClear`] per purse, a read and a write per entry cleared, a write when a purse is
	/// done, at most two full purses' entries per block. A purse with more entries than the
	/// budget allows is finished in later blocks. Returns the weight used.
	pub(crate) fn clear_settled(budget: Weight) -> Weight {
		/// Purses looked at per block at most.
		const MAX_PURSES: u32 = 16;
		// Entries cleared per block at most, whatever the budget: two full purses (a
		// redemption and a payee entry per counter).
		let max_entries =
			T::MaxVouchersPerPurse::get().saturating_mul(4).min(u32::MAX as u64) as u32;
		let db = T::DbWeight::get();
		let per_purse = db.reads_writes(1, 1);
		// Clearing a key reads the trie to find it, then writes its removal.
		let per_entry = db.reads_writes(1, 1);
		let mut used = Weight::zero();
		let mut cleared = 0u32;
		for _ in 0..MAX_PURSES {
			let room = budget.saturating_sub(used.saturating_add(per_purse));
			let limit = room.ref_time().checked_div(per_entry.ref_time()).unwrap_or(u64::MAX);
			let limit = limit.min(max_entries.saturating_sub(cleared) as u64) as u32;
			if limit == 0 || used.saturating_add(per_purse).any_gt(budget) {
				break;
			}
			let Some(device_key) = ToClear::<T>::iter_keys().next() else {
				used = used.saturating_add(db.reads(1));
				break;
			};
			let result = Redeemed::<T>::clear_prefix(device_key, limit, None);
			cleared = cleared.saturating_add(result.loops);
			used = used
				.saturating_add(per_purse)
				.saturating_add(per_entry.saturating_mul(result.loops.into()));
			if result.maybe_cursor.is_some() {
				break;
			}
			let limit = limit.saturating_sub(result.loops);
			if limit == 0 {
				break;
			}
			let result = PaidTo::<T>::clear_prefix(device_key, limit, None);
			cleared = cleared.saturating_add(result.loops);
			used = used.saturating_add(per_entry.saturating_mul(result.loops.into()));
			if result.maybe_cursor.is_some() {
				break;
			}
			ToClear::<T>::remove(device_key);
		}
		used
	}

	/// Put `device_key` on the revocation list with `entry`, or take it off (`None`), keeping
	/// [`RevocationDigest`] in step.
	fn set_revocation(device_key: DeviceKey, entry: Option<Revocation>) {
		let mut digest = RevocationDigest::<T>::get();
		let mut toggle = |entry: &Revocation| {
			let hash = sp_io::hashing::blake2_256(&(device_key, entry).encode());
			digest.iter_mut().zip(hash).for_each(|(byte, other)| *byte ^= other);
		};
		if let Some(old) = Revocations::<T>::get(device_key) {
			toggle(&old);
		}
		match &entry {
			Some(new) => {
				toggle(new);
				Revocations::<T>::insert(device_key, new);
			},
			None => Revocations::<T>::remove(device_key),
		}
		RevocationDigest::<T>::put(digest);
	}

	/// Most entries in one page of the revocation list.
	pub const MAX_REVOCATION_PAGE: u32 = 1_000;

	/// At most `limit` (and [`Self::MAX_REVOCATION_PAGE`]) entries of the revocation list
	/// after `start_after`, in storage order, with the key to continue after and the digest of
	/// the whole list.
	pub fn revocation_page(start_after: Option<DeviceKey>, limit: u32) -> RevocationPage {
		let limit = limit.clamp(1, Self::MAX_REVOCATION_PAGE) as usize;
		let mut iter = match start_after {
			Some(key) => Revocations::<T>::iter_from(Revocations::<T>::hashed_key_for(key)),
			None => Revocations::<T>::iter(),
		};
		let entries: alloc::vec::Vec<_> = iter.by_ref().take(limit).collect();
		let next = match iter.next() {
			Some(_) => entries.last().map(|(key, _)| *key),
			None => None,
		};
		RevocationPage { entries, next, digest: RevocationDigest::<T>::get() }
	}

	/// The storage invariants: every unsettled purse's escrow is held by the ledger for its
	/// owner, settled purses hold nothing, and the claim total matches.
	#[cfg(any(feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut by_owner: BTreeMap<alloc::vec::Vec<u8>, (T::AccountId, Balance)> = BTreeMap::new();
		for (_, purse) in Purses::<T>::iter() {
			if purse.status == PurseStatus::Settled {
				ensure!(purse.escrow == 0, "a settled purse holds escrow");
				continue;
			}
			let entry = by_owner.entry(purse.owner.encode()).or_insert((purse.owner.clone(), 0));
			entry.1 = entry.1.saturating_add(purse.escrow);
		}
		for (owner, escrow) in by_owner.values() {
			ensure!(
				T::Escrow::escrowed(owner) == *escrow,
				"purse escrow differs from the ledger's"
			);
		}
		let claims = Claims::<T>::iter_values()
			.fold(0 as Balance, |sum, claim| sum.saturating_add(claim.amount));
		ensure!(claims == TotalClaims::<T>::get(), "claim total differs from the claims");
		let debts =
			Debts::<T>::iter_values().fold(0 as Balance, |sum, debt| sum.saturating_add(debt));
		ensure!(debts == TotalDebts::<T>::get(), "debt total differs from the debts");
		for (device_key, highest) in HighestCounter::<T>::iter() {
			ensure!(
				Redeemed::<T>::iter_key_prefix(device_key).max() == Some(highest),
				"a purse's highest counter differs from its redemptions"
			);
		}
		for (device_key, liability) in Liabilities::<T>::iter() {
			ensure!(liability.seized <= liability.seize_cap, "a purse's owner paid above its cap");
			ensure!(
				liability.reserve_paid <= Self::reserve_cap(&liability),
				"the reserve paid a purse's victims more than its cap"
			);
			ensure!(Purses::<T>::contains_key(device_key), "a liability without a purse");
		}
		let mut digest = [0u8; 32];
		for entry in Revocations::<T>::iter() {
			let hash = sp_io::hashing::blake2_256(&entry.encode());
			digest.iter_mut().zip(hash).for_each(|(byte, other)| *byte ^= other);
		}
		ensure!(digest == RevocationDigest::<T>::get(), "revocation digest differs from the list");
		Ok(())
	}
}
