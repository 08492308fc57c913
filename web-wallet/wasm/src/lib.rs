//! The citizen's web app's Rust half: the offline-payment protocol of `rupee-protocol` and the
//! wallet code of `rupee-wallet-core` (QR codes), the same code the chain and the wallet CLI run,
//! exported to JavaScript with wasm-bindgen.
//!
//! Bytes cross the boundary as `0x`-hex strings, amounts as decimal strings (paisa: a `u128`
//! does not fit a JavaScript number), times and counters as numbers (below 2^53). A refusal is
//! a thrown `Error` whose message starts with a stable code (`BadChecksum: ...`), which the app
//! turns into its sentence in the reader's language.

use codec::{DecodeAll, Encode};
use rupee_protocol::{
	hex,
	purse_proof::{AttesterSet, PaymentPayload, PurseProof, PurseStatement},
	voucher::{Voucher, VoucherBody, VoucherCodecError, VOUCHER_VERSION},
	Balance,
};
use rupee_wallet_core::qr;
use serde::Deserialize;
use serde_json::{json, Value};
use sp_core::{sr25519, Pair};
use wasm_bindgen::prelude::*;

/// A refusal the app shows: `code: detail`.
fn refusal(code: &str, detail: &str) -> JsError {
	JsError::new(&format!("{code}: {detail}"))
}

fn codec_refusal(error: VoucherCodecError) -> JsError {
	let detail = match error {
		VoucherCodecError::Malformed => "the bytes are not a payment",
		VoucherCodecError::UnsupportedVersion => "a version this app does not read",
		VoucherCodecError::NotAVoucher => "this is not a digital rupee payment code",
		VoucherCodecError::BadCharacter => "a character no payment code has",
		VoucherCodecError::BadChecksum => "the code is damaged or mistyped",
	};
	refusal(&format!("{error:?}"), detail)
}

fn bytes(text: &str, what: &str) -> Result<Vec<u8>, JsError> {
	hex::decode(text).ok_or_else(|| refusal("BadHex", &format!("{what} is not 0x-hex")))
}

fn bytes32(text: &str, what: &str) -> Result<[u8; 32], JsError> {
	hex::decode32(text)
		.ok_or_else(|| refusal("BadHex", &format!("{what} is not 32 bytes of 0x-hex")))
}

/// A JavaScript number that must be a whole number from 0 to 2^53 (a counter, a time in ms).
fn whole(value: f64, what: &str) -> Result<u64, JsError> {
	const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
	if value.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&value) {
		Ok(value as u64)
	} else {
		Err(refusal("BadNumber", &format!("{what} is not a whole number from 0 to 2^53")))
	}
}

/// `text` as exactly one `T` (no bytes left over).
fn decode_all<T: DecodeAll>(text: &str, what: &str) -> Result<T, JsError> {
	T::decode_all(&mut &bytes(text, what)?[..])
		.map_err(|_| refusal("Malformed", &format!("{what} does not decode")))
}

/// The app's view of a voucher body.
fn body_json(body: &VoucherBody) -> Value {
	json!({
		"version": body.version,
		"genesisHash": hex::encode(&body.genesis_hash),
		"deviceKey": hex::encode(&body.device_key),
		"counter": body.counter,
		"payee": hex::encode(&body.payee),
		"amount": body.amount.to_string(),
		"issuedAt": body.issued_at,
	})
}

/// The app's view of a purse statement.
fn statement_json(statement: &PurseStatement) -> Value {
	json!({
		"genesisHash": hex::encode(&statement.genesis_hash),
		"deviceKey": hex::encode(&statement.device_key),
		"owner": hex::encode(&statement.owner),
		"escrow": statement.escrow.to_string(),
		"voucherCap": statement.voucher_cap.to_string(),
		"expiresAt": statement.expires_at,
		"block": statement.block,
		"fundedAt": statement.funded_at,
	})
}

/// A payment code (`RPP2...`) read: its bytes, voucher and proof, as JSON. Nothing is
/// verified here beyond the code's checksum: see [`verify_payment`].
#[wasm_bindgen(js_name = decodePayment)]
pub fn decode_payment(text: &str) -> Result<String, JsError> {
	let payload = PaymentPayload::from_text(text.trim()).map_err(codec_refusal)?;
	let answer = json!({
		"bytes": hex::encode(&payload.to_bytes()),
		"voucher": hex::encode(&payload.voucher.to_bytes()),
		"body": body_json(&payload.voucher.body),
		"proof": hex::encode(&payload.proof.encode()),
		"statement": statement_json(&payload.proof.statement),
		"setId": payload.proof.set_id,
		"signatures": payload.proof.signatures.len(),
	});
	Ok(answer.to_string())
}

/// The payment code of a voucher and its purse's proof (both `0x`-hex SCALE).
#[wasm_bindgen(js_name = paymentCode)]
pub fn payment_code(voucher: &str, proof: &str) -> Result<String, JsError> {
	let voucher = Voucher::from_bytes(&bytes(voucher, "the voucher")?).map_err(codec_refusal)?;
	let proof: PurseProof = decode_all(proof, "the proof")?;
	Ok(PaymentPayload::new(voucher, proof).to_text())
}

/// The payment code of a payment's bytes (`0x`-hex SCALE of the payload).
#[wasm_bindgen(js_name = paymentCodeOfBytes)]
pub fn payment_code_of_bytes(payload: &str) -> Result<String, JsError> {
	let payload =
		PaymentPayload::from_bytes(&bytes(payload, "the payment")?).map_err(codec_refusal)?;
	Ok(payload.to_text())
}

/// The exact bytes a purse's device signs for a voucher.
#[wasm_bindgen(js_name = voucherSigningPayload)]
pub fn voucher_signing_payload(voucher: &str) -> Result<String, JsError> {
	let voucher = Voucher::from_bytes(&bytes(voucher, "the voucher")?).map_err(codec_refusal)?;
	Ok(hex::encode(&voucher.body.signing_payload()))
}

/// Whether a voucher's signature is its device key's.
#[wasm_bindgen(js_name = voucherSignatureIsValid)]
pub fn voucher_signature_is_valid(voucher: &str) -> Result<bool, JsError> {
	let voucher = Voucher::from_bytes(&bytes(voucher, "the voucher")?).map_err(codec_refusal)?;
	Ok(voucher.signature_is_valid())
}

/// The exact bytes each validator signs for a purse statement in authority set `set_id`.
#[wasm_bindgen(js_name = statementSigningPayload)]
pub fn statement_signing_payload(statement: &str, set_id: f64) -> Result<String, JsError> {
	let statement: PurseStatement = decode_all(statement, "the statement")?;
	Ok(hex::encode(&statement.signing_payload(whole(set_id, "the set id")?)))
}

/// An authority set as the app keeps it: `{"setId": 3, "authorities": [["0x..", 1], ...]}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SetJson {
	set_id: u64,
	authorities: Vec<(String, u64)>,
}

fn attester_sets(json: &str) -> Result<Vec<AttesterSet>, JsError> {
	let sets: Vec<SetJson> = serde_json::from_str(json)
		.map_err(|_| refusal("BadSets", "the authority sets are not [{setId, authorities}]"))?;
	sets.into_iter()
		.map(|SetJson { set_id, authorities }| {
			let authorities = authorities
				.into_iter()
				.map(|(key, weight)| Ok((bytes32(&key, "an authority key")?, weight)))
				.collect::<Result<_, JsError>>()?;
			Ok(AttesterSet { set_id, authorities })
		})
		.collect()
}

/// Whether a proof (`0x`-hex SCALE) is signed by more than two thirds of one of `sets`:
/// `null` if so, else the reason (`UnknownSet(3)`, `BadSignature`, ...).
#[wasm_bindgen(js_name = checkProof)]
pub fn check_proof(proof: &str, sets: &str) -> Result<Option<String>, JsError> {
	let proof: PurseProof = decode_all(proof, "the proof")?;
	let sets = attester_sets(sets)?;
	Ok(proof.verify(&sets).err().map(|error| format!("{error:?}")))
}

/// A voucher (`0x`-hex SCALE) signed now by the purse's device (its 32-byte seed): `amount`
/// paisa (a decimal string) to `payee` for chain `genesis_hash`.
#[wasm_bindgen(js_name = signVoucher)]
pub fn sign_voucher(
	device_seed: &str,
	genesis_hash: &str,
	counter: f64,
	payee: &str,
	amount: &str,
	issued_at: f64,
) -> Result<String, JsError> {
	let seed = bytes32(device_seed, "the device seed")?;
	let amount: Balance =
		amount.parse().map_err(|_| refusal("BadAmount", "the amount is not paisa"))?;
	let device = sr25519::Pair::from_seed(&seed);
	let body = VoucherBody {
		version: VOUCHER_VERSION,
		genesis_hash: bytes32(genesis_hash, "the genesis hash")?,
		device_key: device.public().0,
		counter: whole(counter, "the counter")?,
		payee: bytes32(payee, "the payee")?,
		amount,
		issued_at: whole(issued_at, "the time")?,
	};
	Ok(hex::encode(&Voucher::sign(body, &device).to_bytes()))
}

/// The sr25519 public key of a 32-byte seed.
#[wasm_bindgen(js_name = publicKey)]
pub fn public_key(seed: &str) -> Result<String, JsError> {
	Ok(hex::encode(&sr25519::Pair::from_seed(&bytes32(seed, "the seed")?).public().0))
}

/// A QR code of `text` (a payment code) as an SVG image.
#[wasm_bindgen(js_name = qrSvg)]
pub fn qr_svg(text: &str) -> Result<String, JsError> {
	let code = qr::modules(text).map_err(|error| refusal("TooLong", &error.to_string()))?;
	Ok(code.svg())
}

/// The text of the QR code in an image's RGBA pixels (a canvas's `ImageData.data`).
#[wasm_bindgen(js_name = readQr)]
pub fn read_qr(width: u32, height: u32, rgba: &[u8]) -> Result<String, JsError> {
	qr::read_rgba(width as usize, height as usize, rgba).map_err(|error| {
		let code = match error {
			qr::QrError::TooLong => "TooLong",
			qr::QrError::TooLarge { .. } => "TooLarge",
			qr::QrError::BadImage => "BadImage",
			qr::QrError::NotFound => "NoCode",
			qr::QrError::Unreadable => "Unreadable",
		};
		refusal(code, &error.to_string())
	})
}
