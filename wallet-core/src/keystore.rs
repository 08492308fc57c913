//! Keys at rest, encrypted with a passphrase in the polkadot.js keystore JSON format (version 3:
//! scrypt, then xsalsa20-poly1305 over the PKCS#8 encoding of an sr25519 key pair), the format
//! `@polkadot/keyring` writes with `pair.toJson(passphrase)` and the polkadot.js extension
//! imports. An account exported from this wallet imports there and back.
//!
//! `encoded` is base64 of: salt (32) ‖ scrypt N, p, r (u32 LE each) ‖ nonce (24) ‖ the secret
//! box (16-byte tag ‖ ciphertext) of `PKCS8_HEADER ‖ secret (64) ‖ PKCS8_DIVIDER ‖ public (32)`.
//! The key is the first 32 bytes of `scrypt(passphrase, salt, N, r, p, 64)`, written with
//! polkadot.js' default N = 2^17, r = 8, p = 1 (128 MiB, about half a second) and read with any
//! of the presets it accepts; the 64-byte secret is schnorrkel's "ed25519" form, as polkadot.js
//! keeps it.

use base64::Engine;
use crypto_secretbox::{
	aead::{Aead, KeyInit},
	XSalsa20Poly1305,
};
use serde::{Deserialize, Serialize};
use sp_core::{crypto::Ss58Codec, sr25519, Pair};
use zeroize::Zeroizing;

/// The scrypt parameters written: polkadot.js' default (`DEFAULT_PARAMS` in
/// `@polkadot/util-crypto` 14), `(log2 N, p, r)`.
const SCRYPT_WRITTEN: (u8, u32, u32) = (17, 1, 8);
/// The presets polkadot.js 14 opens (its `ALLOWED_PARAMS` within its limit of p ≤ 4), and no
/// others: a file may not make the wallet spend unbounded memory or time.
const SCRYPT_ALLOWED: [(u8, u32, u32); 4] = [(15, 3, 8), (15, 1, 8), (16, 2, 8), (17, 1, 8)];
const SALT_LENGTH: usize = 32;
const NONCE_LENGTH: usize = 24;
const SCRYPT_LENGTH: usize = SALT_LENGTH + 12;
const PKCS8_HEADER: [u8; 16] = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const PKCS8_DIVIDER: [u8; 5] = [161, 35, 3, 33, 0];
const SECRET_LENGTH: usize = 64;
const PUBLIC_LENGTH: usize = 32;
const PKCS8_LENGTH: usize =
	PKCS8_HEADER.len() + SECRET_LENGTH + PKCS8_DIVIDER.len() + PUBLIC_LENGTH;

/// Why a keystore file cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeystoreError {
	/// The passphrase does not open it (or the file was altered).
	WrongPassphrase,
	/// Not a keystore this wallet reads; the text says what differs.
	Unsupported(String),
	/// The decrypted key does not match the address the file names.
	Mismatch,
}

impl std::fmt::Display for KeystoreError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::WrongPassphrase => write!(
				f,
				"the passphrase does not open this key (or the key file was changed): try again"
			),
			Self::Unsupported(what) => write!(
				f,
				"not a polkadot.js sr25519 key file this wallet can read ({what}): export the account from polkadot.js as JSON"
			),
			Self::Mismatch => write!(
				f,
				"the key file's secret does not belong to the address it names: the file is damaged"
			),
		}
	}
}

/// How the contents are encoded, as polkadot.js names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Encoding {
	pub content: Vec<String>,
	#[serde(rename = "type")]
	pub kind: Vec<String>,
	pub version: String,
}

/// One encrypted key pair, field for field what `@polkadot/keyring`'s `toJson` writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeystoreJson {
	pub encoded: String,
	pub encoding: Encoding,
	pub address: String,
	#[serde(default)]
	pub meta: serde_json::Value,
}

/// The scrypt key for `passphrase` and `salt` (the first 32 of 64 bytes, as polkadot.js).
fn derive_key(passphrase: &str, salt: &[u8], (log_n, p, r): (u8, u32, u32)) -> Zeroizing<[u8; 32]> {
	let params =
		scrypt::Params::new(log_n, r, p, 64).expect("polkadot.js' scrypt parameters are valid");
	let mut out = Zeroizing::new([0u8; 64]);
	scrypt::scrypt(passphrase.as_bytes(), salt, &params, &mut out[..])
		.expect("64 bytes is a valid scrypt output length");
	let mut key = Zeroizing::new([0u8; 32]);
	key.copy_from_slice(&out[..32]);
	key
}

fn random<const N: usize>() -> [u8; N] {
	let mut bytes = [0u8; N];
	getrandom::getrandom(&mut bytes).expect("the operating system's random source works");
	bytes
}

/// Encrypt `pair` with `passphrase`; `name` and `created` (ms since the epoch: the caller's
/// clock, as a browser's WebAssembly has none of its own) go into `meta` as polkadot.js shows
/// them.
pub fn encrypt(pair: &sr25519::Pair, passphrase: &str, name: &str, created: u64) -> KeystoreJson {
	let keypair: schnorrkel::Keypair = pair.clone().into();
	let mut pkcs8 = Zeroizing::new(Vec::with_capacity(PKCS8_LENGTH));
	pkcs8.extend_from_slice(&PKCS8_HEADER);
	pkcs8.extend_from_slice(&Zeroizing::new(keypair.secret.to_ed25519_bytes())[..]);
	pkcs8.extend_from_slice(&PKCS8_DIVIDER);
	pkcs8.extend_from_slice(&keypair.public.to_bytes());

	let salt: [u8; SALT_LENGTH] = random();
	let nonce: [u8; NONCE_LENGTH] = random();
	let key = derive_key(passphrase, &salt, SCRYPT_WRITTEN);
	let sealed = XSalsa20Poly1305::new(&(*key).into())
		.encrypt(&nonce.into(), &pkcs8[..])
		.expect("encrypting a short message cannot fail");

	let mut encoded = Vec::with_capacity(SCRYPT_LENGTH + NONCE_LENGTH + sealed.len());
	encoded.extend_from_slice(&salt);
	let (log_n, p, r) = SCRYPT_WRITTEN;
	encoded.extend_from_slice(&(1u32 << log_n).to_le_bytes());
	encoded.extend_from_slice(&p.to_le_bytes());
	encoded.extend_from_slice(&r.to_le_bytes());
	encoded.extend_from_slice(&nonce);
	encoded.extend_from_slice(&sealed);
	KeystoreJson {
		encoded: base64::engine::general_purpose::STANDARD.encode(encoded),
		encoding: Encoding {
			content: vec!["pkcs8".into(), "sr25519".into()],
			kind: vec!["scrypt".into(), "xsalsa20-poly1305".into()],
			version: "3".into(),
		},
		address: pair.public().to_ss58check(),
		meta: serde_json::json!({ "name": name, "whenCreated": created }),
	}
}

/// The public key a keystore file names, without the passphrase.
pub fn public(json: &KeystoreJson) -> Result<sr25519::Public, KeystoreError> {
	sr25519::Public::from_ss58check_with_version(&json.address)
		.map(|(public, _)| public)
		.map_err(|_| KeystoreError::Unsupported(format!("address {:?}", json.address)))
}

/// Open `json` with `passphrase`: the key pair, checked against the address the file names.
pub fn decrypt(json: &KeystoreJson, passphrase: &str) -> Result<sr25519::Pair, KeystoreError> {
	let unsupported = |what: &str| KeystoreError::Unsupported(what.to_string());
	if json.encoding.version != "3" {
		return Err(unsupported(&format!("version {}", json.encoding.version)));
	}
	if json.encoding.content.first().map(String::as_str) != Some("pkcs8")
		|| json.encoding.content.get(1).map(String::as_str) != Some("sr25519")
	{
		return Err(unsupported(&format!("content {:?}", json.encoding.content)));
	}
	if json.encoding.kind != ["scrypt", "xsalsa20-poly1305"] {
		return Err(unsupported(&format!("encryption {:?}", json.encoding.kind)));
	}
	let expected = public(json)?;
	let encoded = base64::engine::general_purpose::STANDARD
		.decode(json.encoded.trim())
		.map_err(|_| unsupported("encoded is not base64"))?;
	if encoded.len() < SCRYPT_LENGTH + NONCE_LENGTH + 16 {
		return Err(unsupported("encoded is too short"));
	}
	let word = |at: usize| u32::from_le_bytes(encoded[at..at + 4].try_into().expect("4 bytes"));
	let (n, p, r) = (word(SALT_LENGTH), word(SALT_LENGTH + 4), word(SALT_LENGTH + 8));
	let params = SCRYPT_ALLOWED
		.into_iter()
		.find(|&(log_n, allowed_p, allowed_r)| (1u32 << log_n, allowed_p, allowed_r) == (n, p, r))
		.ok_or_else(|| unsupported(&format!("scrypt N={n} p={p} r={r}")))?;
	let key = derive_key(passphrase, &encoded[..SALT_LENGTH], params);
	let nonce = &encoded[SCRYPT_LENGTH..SCRYPT_LENGTH + NONCE_LENGTH];
	let pkcs8 = Zeroizing::new(
		XSalsa20Poly1305::new(&(*key).into())
			.decrypt(nonce.into(), &encoded[SCRYPT_LENGTH + NONCE_LENGTH..])
			.map_err(|_| KeystoreError::WrongPassphrase)?,
	);
	if pkcs8.len() != PKCS8_LENGTH
		|| pkcs8[..PKCS8_HEADER.len()] != PKCS8_HEADER
		|| pkcs8[PKCS8_HEADER.len() + SECRET_LENGTH..][..PKCS8_DIVIDER.len()] != PKCS8_DIVIDER
	{
		return Err(unsupported("the decrypted key is not PKCS#8 sr25519"));
	}
	let secret = &pkcs8[PKCS8_HEADER.len()..][..SECRET_LENGTH];
	let secret = schnorrkel::SecretKey::from_ed25519_bytes(secret)
		.map_err(|_| unsupported("the decrypted secret is not an sr25519 key"))?;
	let pair = sr25519::Pair::from(secret.to_keypair());
	let stated = &pkcs8[PKCS8_LENGTH - PUBLIC_LENGTH..];
	if pair.public() != expected || pair.public().0[..] != stated[..] {
		return Err(KeystoreError::Mismatch);
	}
	Ok(pair)
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_key_round_trips_and_signs_as_before() {
		let pair = sr25519::Pair::from_string("//Alice", None).unwrap();
		let json = encrypt(&pair, "correct horse", "Alice", 0);
		assert_eq!(json.encoding.kind, ["scrypt", "xsalsa20-poly1305"]);
		assert_eq!(public(&json).unwrap(), pair.public());
		let opened = decrypt(&json, "correct horse").unwrap();
		assert_eq!(opened.public(), pair.public());
		let signature = opened.sign(b"pay 10");
		assert!(sr25519::Pair::verify(&signature, b"pay 10", &pair.public()));
		// Fresh salt and nonce each time: two encryptions of one key differ.
		assert_ne!(encrypt(&pair, "correct horse", "Alice", 0).encoded, json.encoded);
	}

	#[test]
	fn a_wrong_passphrase_or_an_altered_file_is_refused() {
		let pair = sr25519::Pair::from_string("//Bob", None).unwrap();
		let json = encrypt(&pair, "one", "Bob", 0);
		assert_eq!(decrypt(&json, "two").err().unwrap(), KeystoreError::WrongPassphrase);
		let mut bytes = base64::engine::general_purpose::STANDARD.decode(&json.encoded).unwrap();
		*bytes.last_mut().unwrap() ^= 1;
		let altered = KeystoreJson {
			encoded: base64::engine::general_purpose::STANDARD.encode(bytes),
			..json.clone()
		};
		assert_eq!(decrypt(&altered, "one").err().unwrap(), KeystoreError::WrongPassphrase);
		// The file names another address than its key.
		let other = sr25519::Pair::from_string("//Charlie", None).unwrap();
		let renamed = KeystoreJson { address: other.public().to_ss58check(), ..json.clone() };
		assert_eq!(decrypt(&renamed, "one").err().unwrap(), KeystoreError::Mismatch);
		let weak = KeystoreJson {
			encoding: Encoding { version: "2".into(), ..json.encoding.clone() },
			..json
		};
		assert!(matches!(decrypt(&weak, "one"), Err(KeystoreError::Unsupported(_))));
	}

	/// A file `@polkadot/keyring` 14.0.3 wrote (`keyring.addFromUri('//Alice').toJson('rupee')`):
	/// the wallet opens what polkadot.js writes, byte for byte.
	#[test]
	fn a_polkadot_js_key_file_opens() {
		let json: KeystoreJson =
			serde_json::from_str(include_str!("../tests/data/polkadot-js-alice.json")).unwrap();
		let pair = decrypt(&json, "rupee").unwrap();
		assert_eq!(pair.public(), sr25519::Pair::from_string("//Alice", None).unwrap().public());
	}
}
