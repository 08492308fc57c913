//! How amounts are spelled in JSON, the same in every RPC answer.
//!
//! A [`Balance`] is a `u128`; JavaScript's numbers hold integers exactly only up to 2^53, so
//! amounts go out as decimal strings (`"125050"`) and come in as strings or numbers. A limit
//! of `u128::MAX` means "no limit" (an Institution's) and is spelled `null`.
//!
//! Use the modules with `#[serde(with = "rupee_primitives::json::amount")]` or
//! `#[serde(with = "rupee_primitives::json::limit")]`, or the [`Paisa`] newtype where an
//! amount sits in a tuple or a collection.

use crate::Balance;
use core::fmt;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// An amount in paisa that reads and writes as a decimal string.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Default)]
pub struct Paisa(pub Balance);

impl Serialize for Paisa {
	fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
		amount::serialize(&self.0, serializer)
	}
}

impl<'de> Deserialize<'de> for Paisa {
	fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		amount::deserialize(deserializer).map(Paisa)
	}
}

impl From<Balance> for Paisa {
	fn from(amount: Balance) -> Self {
		Paisa(amount)
	}
}

/// Reads a whole number of paisa from a decimal string or a non-negative integer.
struct AmountVisitor;

impl<'de> de::Visitor<'de> for AmountVisitor {
	type Value = Balance;

	fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
		formatter.write_str("an amount in paisa: a decimal string or a whole number")
	}

	fn visit_str<E: de::Error>(self, text: &str) -> Result<Balance, E> {
		// `u128::from_str` takes a leading `+`; an amount is digits only.
		if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
			return Err(E::invalid_value(de::Unexpected::Str(text), &self));
		}
		text.parse().map_err(|_| E::invalid_value(de::Unexpected::Str(text), &self))
	}

	fn visit_u64<E: de::Error>(self, value: u64) -> Result<Balance, E> {
		Ok(value.into())
	}

	fn visit_u128<E: de::Error>(self, value: u128) -> Result<Balance, E> {
		Ok(value)
	}

	fn visit_i64<E: de::Error>(self, value: i64) -> Result<Balance, E> {
		u64::try_from(value)
			.map(Balance::from)
			.map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
	}

	/// serde_json with its `arbitrary_precision` feature (which the node's dependencies switch
	/// on) hands a number beyond 64 bits over as a one-entry map holding its digits.
	fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Balance, A::Error> {
		const NUMBER: &str = "$serde_json::private::Number";
		match map.next_key::<alloc::string::String>()? {
			Some(key) if key == NUMBER => {
				let digits: alloc::string::String = map.next_value()?;
				if map.next_key::<alloc::string::String>()?.is_some() {
					return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
				}
				self.visit_str(&digits)
			},
			_ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
		}
	}
}

/// An amount: out as a decimal string, in as a string or a number.
pub mod amount {
	use super::*;

	pub fn serialize<S: Serializer>(amount: &Balance, serializer: S) -> Result<S::Ok, S::Error> {
		serializer.collect_str(amount)
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Balance, D::Error> {
		deserializer.deserialize_any(AmountVisitor)
	}
}

/// A limit: an amount, or `null` for no limit (`u128::MAX`).
pub mod limit {
	use super::*;

	pub fn serialize<S: Serializer>(limit: &Balance, serializer: S) -> Result<S::Ok, S::Error> {
		match *limit {
			Balance::MAX => serializer.serialize_none(),
			amount => serializer.collect_str(&amount),
		}
	}

	pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Balance, D::Error> {
		Ok(Option::<Paisa>::deserialize(deserializer)?.map_or(Balance::MAX, |paisa| paisa.0))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{LimitsUsage, Tier, TierLimits};
	use serde_json::json;

	#[derive(Serialize, Deserialize, PartialEq, Debug)]
	struct Both {
		#[serde(with = "amount")]
		amount: Balance,
		#[serde(with = "limit")]
		limit: Balance,
	}

	#[test]
	fn amounts_go_out_as_strings_and_no_limit_as_null() {
		let both = Both { amount: u128::MAX - 1, limit: Balance::MAX };
		let text = serde_json::to_value(&both).unwrap();
		assert_eq!(
			text,
			json!({"amount": "340282366920938463463374607431768211454", "limit": null})
		);
		assert_eq!(serde_json::from_value::<Both>(text).unwrap(), both);
		let limited = Both { amount: 0, limit: 125_050 };
		assert_eq!(
			serde_json::to_value(&limited).unwrap(),
			json!({"amount": "0", "limit": "125050"})
		);
	}

	#[test]
	fn amounts_come_in_as_strings_or_numbers() {
		let read = |value| serde_json::from_value::<Paisa>(value).map(|paisa| paisa.0);
		assert_eq!(read(json!("125050")).unwrap(), 125_050);
		assert_eq!(read(json!(125050)).unwrap(), 125_050);
		assert_eq!(
			serde_json::from_str::<Paisa>(&u64::MAX.to_string()).unwrap().0,
			u64::MAX as u128
		);
		assert_eq!(read(json!(u128::MAX.to_string())).unwrap(), u128::MAX);
		// A number beyond 64 bits as serde_json's arbitrary precision gives it, and maps that
		// are not that.
		let map = |entries: Vec<(&'static str, &'static str)>| {
			let entries = serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(
				entries.into_iter(),
			);
			Paisa::deserialize(entries).map(|paisa| paisa.0)
		};
		let max = "340282366920938463463374607431768211455";
		assert_eq!(map(vec![("$serde_json::private::Number", max)]).unwrap(), u128::MAX);
		assert!(map(vec![("$serde_json::private::Number", "-1")]).is_err());
		assert!(map(vec![("amount", "1")]).is_err());
		assert!(map(vec![("$serde_json::private::Number", "1"), ("more", "2")]).is_err());
		for bad in
			[json!("-1"), json!("+1"), json!(""), json!("1.5"), json!(-1), json!(1.5), json!(null)]
		{
			let error = read(bad.clone()).expect_err("not an amount");
			assert!(error.to_string().contains("an amount in paisa"), "{bad}: {error}");
		}
		assert!(read(json!("340282366920938463463374607431768211456")).is_err(), "above u128");
	}

	#[test]
	fn an_institution_s_limits_are_null() {
		let limits = TierLimits::default_for(Tier::Institution);
		let text = serde_json::to_value(limits).unwrap();
		assert_eq!(text["maxBalance"], json!(null));
		assert_eq!(text["dailyDebit"], json!(null));
		assert_eq!(text["purseCap"], json!("0"));
		assert_eq!(text["transactionsPerWindow"], json!(10_000));
		assert_eq!(serde_json::from_value::<TierLimits>(text).unwrap(), limits);
	}

	#[test]
	fn what_is_left_of_no_limit_is_null_and_of_a_limit_a_string() {
		let institution = TierLimits::default_for(Tier::Institution);
		let usage = LimitsUsage::new(institution, 5_000, [700, 700, 300, 300]);
		assert_eq!(usage.daily_debit_left, Balance::MAX, "no limit less 700 is still no limit");
		let text = serde_json::to_value(&usage).unwrap();
		assert_eq!(
			(&text["dailyDebitUsed"], &text["dailyDebitLeft"]),
			(&json!("700"), &json!(null))
		);
		assert_eq!(text["balanceRoom"], json!(null));
		assert_eq!(serde_json::from_value::<LimitsUsage>(text).unwrap(), usage);

		let l0 = TierLimits::default_for(Tier::L0);
		let text = serde_json::to_value(LimitsUsage::new(l0, 5_000, [700, 700, 300, 300])).unwrap();
		assert_eq!(text["dailyDebitLeft"], json!((l0.daily_debit - 700).to_string()));
		assert_eq!(text["balanceRoom"], json!((l0.max_balance - 5_000).to_string()));
	}
}
