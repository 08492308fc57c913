//! Storage migrations, one module per storage version.

/// Version 2: [`crate::RevocationDigest`] kept on chain as revocations come and go; computed
/// once here from the list as it stands.
pub mod v2 {
	use core::marker::PhantomData;

	use codec::Encode;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{Config, Pallet, RevocationDigest, Revocations};

	/// Computes the digest of the revocation list (closed and compromised purses not yet
	/// settled: bounded by the unsettled purses).
	pub struct ComputeRevocationDigest<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for ComputeRevocationDigest<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut digest = [0u8; 32];
			let mut entries = 0u64;
			for entry in Revocations::<T>::iter() {
				let hash = sp_io::hashing::blake2_256(&entry.encode());
				digest.iter_mut().zip(hash).for_each(|(byte, other)| *byte ^= other);
				entries += 1;
			}
			RevocationDigest::<T>::put(digest);
			T::DbWeight::get().reads_writes(entries, 1)
		}
	}

	/// The migration from version 1 to 2, run once.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		ComputeRevocationDigest<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 3 (offline payments v2): each purse's owner answers for its double spends only up
/// to a seize cap ([`crate::Liabilities`]), set at funding from the owner's tier purse cap.
/// Purses funded before have none: set it here from the owner's tier now, so their double
/// spends still reach the owner's balance as before (up to the cap).
pub mod v3 {
	use core::marker::PhantomData;

	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use rupee_primitives::AccountPolicy;

	use crate::{Config, Liabilities, Pallet, PurseStatus, Purses};

	/// Sets the seize cap of every purse not settled.
	pub struct SetSeizeCaps<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for SetSeizeCaps<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut purses = 0u64;
			for (device_key, purse) in Purses::<T>::iter() {
				purses += 1;
				if purse.status == PurseStatus::Settled {
					continue;
				}
				let cap = T::Policy::can_receive_refund(&purse.owner)
					.map(|receiver| receiver.limits.purse_cap)
					.unwrap_or_default();
				Liabilities::<T>::mutate(device_key, |liability| liability.seize_cap = cap);
			}
			T::DbWeight::get().reads_writes(purses.saturating_mul(3), purses)
		}
	}

	/// The migration from version 2 to 3, run once.
	pub type MigrateV2ToV3<T> =
		VersionedMigration<2, 3, SetSeizeCaps<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

pub mod v4 {
	use core::marker::PhantomData;

	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{Config, HighestCounter, Pallet, PurseStatus, Purses, Redeemed};

	/// Fills [`HighestCounter`] from the redemptions of every purse not settled (at most
	/// `MaxVouchersPerPurse` keys each), in the upgrade's block: a read per purse and per
	/// redemption of a live purse. Fine for the test networks and a pilot's first weeks; a
	/// chain with millions of live purses needs it as a multi-block migration.
	pub struct NoteHighestCounters<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for NoteHighestCounters<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			for (device_key, purse) in Purses::<T>::iter() {
				reads += 1;
				if purse.status == PurseStatus::Settled {
					continue;
				}
				// The walk ends with one more read, the key after the purse's last.
				reads += 1;
				let mut highest = None;
				for counter in Redeemed::<T>::iter_key_prefix(device_key) {
					reads += 1;
					highest = highest.max(Some(counter));
				}
				if let Some(highest) = highest {
					HighestCounter::<T>::insert(device_key, highest);
					writes += 1;
				}
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}
	}

	/// The migration from version 3 to 4, run once.
	pub type MigrateV3ToV4<T> = VersionedMigration<
		3,
		4,
		NoteHighestCounters<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
