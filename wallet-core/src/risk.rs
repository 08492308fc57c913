//! The payee's risk limits for offline payments: how much it accepts with no network before
//! it must go online, and how old its revocation list may be. The chain guarantees each
//! payment a wallet accepted within its proof; these limits keep what a payee has at stake
//! offline, and what a stolen phone can take from honest payees, small.

use rupee_protocol::{rupees, Balance, Tier};
use serde::{Deserialize, Serialize};

/// One hour in ms.
const HOUR: u64 = 60 * 60 * 1_000;

/// How far a voucher's date may be from the payee's clock: payments are accepted face to
/// face, so a voucher dated much earlier or later is a replay or a payer's clock set to hide
/// a revocation.
pub const MAX_CLOCK_SKEW_MS: u64 = 10 * 60 * 1_000;

/// What a payee accepts offline before it must sync.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RiskLimits {
	/// Most value accepted from one purse while offline (vouchers not yet redeemed).
	pub per_purse_value: Balance,
	/// Most vouchers accepted from one purse while offline.
	pub per_purse_count: u32,
	/// Most value of all vouchers accepted and not yet redeemed.
	pub total_value: Balance,
	/// Most vouchers accepted and not yet redeemed.
	pub total_count: u32,
	/// The oldest revocation list (and authority set) a payment is accepted with, in ms. At
	/// most the chain's revocation notice (24 h) less [`MAX_CLOCK_SKEW_MS`]: a payment taken
	/// within it is never dated after the notice of a revocation the list did not show.
	pub max_list_age_ms: u64,
}

impl RiskLimits {
	/// The defaults for a payee of `tier` (an unregistered or unknown wallet gets L0's).
	pub const fn for_tier(tier: Option<Tier>) -> Self {
		let (per_purse_value, per_purse_count, total_value, total_count) = match tier {
			None | Some(Tier::L0) => (rupees(5_000), 10, rupees(10_000), 20),
			Some(Tier::L1) => (rupees(10_000), 20, rupees(25_000), 50),
			Some(Tier::L2) => (rupees(25_000), 50, rupees(50_000), 100),
			Some(Tier::Merchant) => (rupees(50_000), 200, rupees(500_000), 2_000),
			Some(Tier::Institution) => (rupees(50_000), 200, rupees(1_000_000), 5_000),
		};
		Self {
			per_purse_value,
			per_purse_count,
			total_value,
			total_count,
			max_list_age_ms: 23 * HOUR,
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_list_old_enough_to_accept_with_is_within_the_chains_revocation_notice() {
		const REVOCATION_NOTICE: u64 = 24 * HOUR; // runtime/src/configs/mod.rs
		for tier in [None, Some(Tier::L0), Some(Tier::L2), Some(Tier::Merchant)] {
			let limits = RiskLimits::for_tier(tier);
			assert!(limits.max_list_age_ms + MAX_CLOCK_SKEW_MS <= REVOCATION_NOTICE);
			assert!(limits.per_purse_value <= limits.total_value);
		}
	}
}
