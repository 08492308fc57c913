//! Purse proofs: the statement each funding writes, the validators' signatures of it, and what
//! wallets and attesters read.

use frame_support::{ensure, BoundedVec};
use rupee_primitives::purse_proof::{AttesterSignature, PurseProof, PurseStatement};
use sp_runtime::SaturatedConversion;

use crate::{pallet::*, types::*, AttesterSource, Event};

/// Most requests an attester gets per call: it asks again at the next finalized block.
pub const MAX_REQUESTS: u32 = 256;

impl<T: Config> Pallet<T> {
	/// Write `purse`'s statement as this block leaves it, waiting for the validators.
	pub(crate) fn request_attestation(device_key: DeviceKey, purse: &Purse<T::AccountId>) {
		let statement = PurseStatement {
			genesis_hash: Self::genesis_hash(),
			device_key,
			owner: purse.owner.clone().into(),
			escrow: purse.escrow,
			voucher_cap: purse.voucher_cap,
			expires_at: purse.expires_at,
			block: frame_system::Pallet::<T>::block_number().saturated_into(),
			funded_at: Self::now_ms(),
		};
		let set_id = T::Attesters::current().set_id;
		Attestations::<T>::insert(
			device_key,
			Attestation { statement, set_id, signatures: BoundedVec::new(), complete: false },
		);
		Unattested::<T>::insert(device_key, ());
	}

	/// Whether `signature` is one the chain takes now for `device_key`'s statement; the
	/// statement if so.
	pub fn check_attestation(
		device_key: &DeviceKey,
		set_id: u64,
		signature: &AttesterSignature,
	) -> Result<PurseStatement, AttestError> {
		ensure!(Unattested::<T>::contains_key(device_key), AttestError::NotAwaiting);
		let attestation = Attestations::<T>::get(device_key).ok_or(AttestError::NotAwaiting)?;
		ensure!(!attestation.complete, AttestError::NotAwaiting);
		let set = T::Attesters::current();
		ensure!(set.set_id == set_id, AttestError::WrongSet);
		ensure!(
			attestation.set_id != set_id
				|| attestation.signatures.iter().all(|s| s.authority != signature.authority),
			AttestError::AlreadySigned
		);
		let payload = attestation.statement.signing_payload(set_id);
		set.check(signature.authority, &payload, &signature.signature)
			.ok_or(AttestError::BadSignature)?;
		Ok(attestation.statement)
	}

	pub(crate) fn do_attest(
		device_key: DeviceKey,
		set_id: u64,
		signature: AttesterSignature,
	) -> Result<(), AttestError> {
		Self::check_attestation(&device_key, set_id, &signature)?;
		let mut attestation = Attestations::<T>::get(device_key).ok_or(AttestError::NotAwaiting)?;
		if attestation.set_id != set_id {
			// The set changed while signatures were collected: start again with the new one.
			attestation.set_id = set_id;
			attestation.signatures = BoundedVec::new();
		}
		let at = attestation
			.signatures
			.iter()
			.position(|s| s.authority > signature.authority)
			.unwrap_or(attestation.signatures.len());
		attestation.signatures.try_insert(at, signature).map_err(|_| AttestError::BadSignature)?;
		let set = T::Attesters::current();
		let signed: u64 = attestation
			.signatures
			.iter()
			.filter_map(|s| set.authorities.get(s.authority as usize).map(|(_, weight)| *weight))
			.fold(0u64, |sum, weight| sum.saturating_add(weight));
		if set.is_supermajority(signed) {
			attestation.complete = true;
			Unattested::<T>::remove(device_key);
			Liabilities::<T>::mutate(device_key, |liability| {
				liability.proved_escrow = liability.proved_escrow.max(attestation.statement.escrow)
			});
			Self::deposit_event(Event::PurseAttested {
				device_key,
				set_id,
				block: attestation.statement.block,
			});
			Proven::<T>::insert(device_key, attestation);
			Attestations::<T>::remove(device_key);
			if Restate::<T>::take(device_key).is_some() {
				if let Some(purse) = Purses::<T>::get(device_key) {
					Self::request_attestation(device_key, &purse);
				}
			}
			return Ok(());
		}
		Attestations::<T>::insert(device_key, attestation);
		Ok(())
	}

	/// The purse's proof: its latest statement that more than two thirds signed.
	pub fn purse_proof(device_key: DeviceKey) -> Option<PurseProof> {
		Proven::<T>::get(device_key).map(|attestation| PurseProof {
			statement: attestation.statement,
			set_id: attestation.set_id,
			signatures: attestation.signatures.into_inner(),
		})
	}

	/// What the attester holding `attester` (an ed25519 GRANDPA key) has still to sign: at
	/// most `limit` (and `MAX_REQUESTS`, 256) statements of the current set, from a scan of at
	/// most four times as many waiting ones (those it signed are skipped, so purses whose keys
	/// sort first cannot hold the others back).
	pub fn attestation_requests(
		attester: [u8; 32],
		limit: u32,
	) -> alloc::vec::Vec<AttestationRequest> {
		let set = T::Attesters::current();
		let Some(authority) = set.authorities.iter().position(|(key, _)| *key == attester) else {
			return alloc::vec::Vec::new();
		};
		let authority = authority as u32;
		let limit = limit.min(MAX_REQUESTS) as usize;
		Unattested::<T>::iter_keys()
			.take(limit * 4)
			.filter_map(|device_key| {
				let attestation = Attestations::<T>::get(device_key)?;
				let signed = attestation.set_id == set.set_id
					&& attestation.signatures.iter().any(|s| s.authority == authority);
				(!signed).then(|| AttestationRequest {
					device_key,
					set_id: set.set_id,
					authority,
					payload: attestation.statement.signing_payload(set.set_id),
				})
			})
			.take(limit)
			.collect()
	}

	/// Stop collecting signatures for a purse (it was settled: every proof of it expired).
	pub(crate) fn drop_attestation_request(device_key: DeviceKey) {
		Unattested::<T>::remove(device_key);
	}

	fn now_ms() -> Moment {
		<T::Time as frame_support::traits::Time>::now()
	}
}
