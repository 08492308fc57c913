//! Amounts as people write them: `1,250.50` (PKR, at most 2 decimals) ⇄ paisa (from
//! `rupee-wallet-core`, which the web app shares), and limits in `--json` output.

pub use rupee_wallet_core::amount::*;

use rupee_primitives::Balance;

/// A limit as the wallet's `--json` output spells it, as JSON-RPC does
/// ([`rupee_primitives::json::limit`]): a decimal string, or `null` for no limit.
pub fn limit_json(limit: Balance) -> serde_json::Value {
	rupee_primitives::json::limit::serialize(&limit, serde_json::value::Serializer)
		.expect("a limit is a string or null")
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn limits_in_json_say_null_for_no_limit() {
		assert_eq!(limit_json(Balance::MAX), serde_json::Value::Null);
		assert_eq!(limit_json(100_000), serde_json::json!("100000"));
	}
}
