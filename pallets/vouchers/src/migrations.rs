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
