//! `0x`-prefixed lower-case hex, the way JSON-RPC, wallets and tools spell bytes.

use alloc::{string::String, vec::Vec};

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `bytes` as `0x`-prefixed lower-case hex.
pub fn encode(bytes: &[u8]) -> String {
	let mut text = String::with_capacity(2 + bytes.len() * 2);
	text.push_str("0x");
	for byte in bytes {
		text.push(DIGITS[(byte >> 4) as usize] as char);
		text.push(DIGITS[(byte & 0x0f) as usize] as char);
	}
	text
}

/// The bytes of `0x`-prefixed hex (either case), or `None` if `text` is not that.
pub fn decode(text: &str) -> Option<Vec<u8>> {
	let digits = text.strip_prefix("0x")?.as_bytes();
	if digits.len() % 2 != 0 {
		return None;
	}
	let value = |digit: u8| (digit as char).to_digit(16).map(|value| value as u8);
	digits.chunks(2).map(|pair| Some(value(pair[0])? << 4 | value(pair[1])?)).collect()
}

/// 32 bytes from `0x` + 64 hex digits.
pub fn decode32(text: &str) -> Option<[u8; 32]> {
	decode(text).and_then(|bytes| bytes.try_into().ok())
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn hex_round_trips_and_rejects_what_is_not_hex() {
		assert_eq!(encode(&[0, 255, 16]), "0x00ff10");
		assert_eq!(decode("0x00FF10"), Some(alloc::vec![0, 255, 16]));
		assert_eq!(decode("0x"), Some(alloc::vec![]));
		for bad in ["00ff", "0x0", "0xzz", "0x+1", "0x é"] {
			assert_eq!(decode(bad), None, "{bad}");
		}
		assert_eq!(decode32(&encode(&[7; 32])), Some([7; 32]));
		assert_eq!(decode32("0x1234"), None);
	}
}
