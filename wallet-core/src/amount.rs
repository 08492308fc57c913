//! Amounts as people write them: `1,250.50` (PKR, at most 2 decimals) ⇄ paisa.
//! (The web app shows them as `Rs 1,250.50`, in its own words.)

use rupee_protocol::{Balance, PAISA_PER_RUPEE};

/// Why a typed amount is not one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountError {
	Empty,
	/// Something other than digits, commas and one decimal point.
	NotANumber,
	/// More than two decimals: the smallest unit is one paisa.
	TooManyDecimals,
	TooLarge,
}

impl std::fmt::Display for AmountError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		f.write_str(match self {
			Self::Empty => "no amount given",
			Self::NotANumber => "not an amount (write e.g. 1,250.50)",
			Self::TooManyDecimals => "at most 2 decimals: the smallest unit is one paisa",
			Self::TooLarge => "amount too large",
		})
	}
}

impl std::error::Error for AmountError {}

/// Paisa from `1,250.50`, `1250.5`, `1250` or `1250.50 PKR`.
pub fn parse_amount(text: &str) -> Result<Balance, AmountError> {
	let text = text.trim();
	let text = text.strip_suffix("PKR").unwrap_or(text).trim();
	if text.is_empty() {
		return Err(AmountError::Empty);
	}
	let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
	let whole: String = whole.chars().filter(|c| *c != ',').collect();
	if whole.is_empty() && fraction.is_empty() {
		return Err(AmountError::NotANumber);
	}
	if !whole.chars().all(|c| c.is_ascii_digit()) || !fraction.chars().all(|c| c.is_ascii_digit()) {
		return Err(AmountError::NotANumber);
	}
	if fraction.len() > 2 {
		return Err(AmountError::TooManyDecimals);
	}
	let rupees: Balance =
		if whole.is_empty() { 0 } else { whole.parse().map_err(|_| AmountError::TooLarge)? };
	let paisa: Balance = format!("{fraction:0<2}").parse().unwrap_or(0);
	rupees
		.checked_mul(PAISA_PER_RUPEE)
		.and_then(|value| value.checked_add(paisa))
		.ok_or(AmountError::TooLarge)
}

/// A limit for people: `1,250.50 PKR`, or `no limit` for `Balance::MAX` (an Institution's
/// limits; JSON-RPC spells it `null`).
pub fn format_limit(limit: Balance) -> String {
	match limit {
		Balance::MAX => "no limit".into(),
		limit => format_amount(limit),
	}
}

/// `1,250.50 PKR` from paisa.
pub fn format_amount(paisa: Balance) -> String {
	let rupees = (paisa / PAISA_PER_RUPEE).to_string();
	let mut grouped = String::new();
	for (index, digit) in rupees.chars().enumerate() {
		if index > 0 && (rupees.len() - index) % 3 == 0 {
			grouped.push(',');
		}
		grouped.push(digit);
	}
	format!("{grouped}.{:02} PKR", paisa % PAISA_PER_RUPEE)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn limits_say_no_limit_instead_of_a_39_digit_number() {
		assert_eq!(format_limit(Balance::MAX), "no limit");
		assert_eq!(format_limit(2_500_000), format_amount(2_500_000));
		assert_eq!(format_limit(0), "0.00 PKR");
	}

	#[test]
	fn amounts_parse_as_people_write_them() {
		assert_eq!(parse_amount("1,250.50"), Ok(125_050));
		assert_eq!(parse_amount("1250.5"), Ok(125_050));
		assert_eq!(parse_amount("1250"), Ok(125_000));
		assert_eq!(parse_amount(" 0.01 PKR"), Ok(1));
		assert_eq!(parse_amount(".5"), Ok(50));
		assert_eq!(parse_amount(""), Err(AmountError::Empty));
		assert_eq!(parse_amount("12.345"), Err(AmountError::TooManyDecimals));
		assert_eq!(parse_amount("-5"), Err(AmountError::NotANumber));
		assert_eq!(parse_amount("1e5"), Err(AmountError::NotANumber));
		assert_eq!(parse_amount("."), Err(AmountError::NotANumber));
		assert_eq!(parse_amount(&"9".repeat(50)), Err(AmountError::TooLarge));
	}

	#[test]
	fn amounts_format_with_grouping_and_two_decimals() {
		assert_eq!(format_amount(125_050), "1,250.50 PKR");
		assert_eq!(format_amount(1), "0.01 PKR");
		assert_eq!(format_amount(100_000_000), "1,000,000.00 PKR");
		assert_eq!(format_amount(12_345_600), "123,456.00 PKR");
		for paisa in [0, 7, 99, 100, 123_456_789] {
			assert_eq!(parse_amount(&format_amount(paisa)), Ok(paisa));
		}
	}
}
