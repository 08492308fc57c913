//! The storage offline payments v2 added to each call, on top of the measured weights of
//! `weights.rs` (which were benchmarked before it), until the benchmarks run again on the
//! reference machine (`scripts/benchmark-pallets.sh pallet_vouchers`).

use core::marker::PhantomData;

use frame_support::{traits::Get, weights::Weight};

use crate::WeightInfo;

/// `W`'s weights plus, per call, the reads and writes of the proof and liability records.
pub struct WithProofStorage<T, W>(PhantomData<(T, W)>);

impl<T: frame_system::Config, W: WeightInfo> WeightInfo for WithProofStorage<T, W> {
	/// Liabilities, Unattested, Restate, Attestations, the GRANDPA set id and authorities and
	/// the genesis hash read; four of them written.
	fn fund_purse() -> Weight {
		W::fund_purse().saturating_add(T::DbWeight::get().reads_writes(7, 4))
	}
	/// Per voucher: the revocation entry read, the payee's running total read and written.
	fn redeem(n: u32) -> Weight {
		W::redeem(n).saturating_add(T::DbWeight::get().reads_writes(2, 1).saturating_mul(n.into()))
	}
	/// Per voucher: the liability, running total, revocation, reserve, debt, debt total,
	/// freeze time and the owner's bank read; seven of them written.
	fn redeem_double_spend(n: u32) -> Weight {
		W::redeem_double_spend(n)
			.saturating_add(T::DbWeight::get().reads_writes(8, 7).saturating_mul(n.into()))
	}
	fn close_purse() -> Weight {
		W::close_purse()
	}
	/// The statement, its restate mark and its place in the queue removed.
	fn settle() -> Weight {
		W::settle().saturating_add(T::DbWeight::get().writes(3))
	}
	fn settle_claim() -> Weight {
		W::settle_claim()
	}
	fn attest(n: u32) -> Weight {
		W::attest(n)
	}
}
