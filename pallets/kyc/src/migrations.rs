//! Storage migrations, one module per storage version.

/// Version 2: [`crate::TransactionCount`] keyed by window, then account (it was keyed by account
/// with the window in the value, one entry per account that ever transacted).
pub mod v2 {
	use core::marker::PhantomData;

	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};

	use crate::{Config, OldestCountedWindow, Pallet, TransactionCount};

	/// Clears the version-1 counts and starts clearing windows from the current one. Only the current window ever mattered, so the counts
	/// restart from zero at the upgrade; the old map held one entry per account, which bounds
	/// this clearing.
	pub struct ClearPerAccountCounts<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for ClearPerAccountCounts<T> {
		fn on_runtime_upgrade() -> Weight {
			let result = TransactionCount::<T>::clear(u32::MAX, None);
			OldestCountedWindow::<T>::put(Pallet::<T>::current_window());
			log::info!(
				target: crate::LOG_TARGET,
				"cleared {} version-1 rate-limit counts",
				result.loops
			);
			T::DbWeight::get().reads_writes(1, u64::from(result.loops) + 1)
		}
	}

	/// The migration from version 1 to 2, run once.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		ClearPerAccountCounts<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
