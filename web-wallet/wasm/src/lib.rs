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

// ---- The wallet: keys, the offline decisions and sync, over the state the app keeps ----------
//
// The app keeps a `WalletState` (rupee-wallet-core's, the JSON the CLI writes to wallet.json)
// in IndexedDB and passes it in and out as JSON text. Secret keys never leave this module in
// the clear: `unlock` decrypts the key files into its memory and returns a handle; signing
// takes the handle; `lock` forgets the keys.

use rupee_wallet_core::{
	keystore::{self, KeystoreError, KeystoreJson},
	mnemonic,
	offline::{self, OfflineError, PayError, Payment, ReceiveError, RiskLimit},
	receipt::{self, Receipt},
	risk::RiskLimits,
	state::WalletState,
	sync::{self, Synced, SyncedPurse},
};
use sp_core::crypto::{Ss58AddressFormat, Ss58Codec};
use std::cell::RefCell;

/// The chain's address format (`system_properties.ss58Format`).
const SS58_PREFIX: u16 = 1947;
/// The shortest passphrase a new wallet takes (as the CLI's).
const MIN_PASSPHRASE: usize = 8;

/// Unlocked key pairs: the account's (signs transactions and receipts) and the purse device's
/// (signs vouchers).
struct Keys {
	account: sr25519::Pair,
	device: sr25519::Pair,
}

thread_local! {
	static UNLOCKED: RefCell<Vec<Option<Keys>>> = const { RefCell::new(Vec::new()) };
}

fn with_keys<T>(handle: u32, then: impl FnOnce(&Keys) -> T) -> Result<T, JsError> {
	UNLOCKED.with(|keys| match keys.borrow().get(handle as usize) {
		Some(Some(found)) => Ok(then(found)),
		_ => Err(refusal("Locked", "the wallet is locked: unlock it with its passphrase")),
	})
}

fn address_of(public: &[u8; 32]) -> String {
	sr25519::Public::from_raw(*public)
		.to_ss58check_with_version(Ss58AddressFormat::custom(SS58_PREFIX))
}

/// An account from an SS58 address (any prefix) or a `0x`-hex public key.
fn account_of(text: &str) -> Result<[u8; 32], JsError> {
	let text = text.trim();
	if let Ok((public, _)) = sr25519::Public::from_ss58check_with_version(text) {
		return Ok(public.0);
	}
	hex::decode32(text).ok_or_else(|| {
		refusal("BadAddress", "not an account address (SS58, or 0x and 64 hex digits)")
	})
}

fn state_of(json: &str) -> Result<WalletState, JsError> {
	serde_json::from_str(json)
		.map_err(|error| refusal("BadState", &format!("the stored wallet does not read: {error}")))
}

fn state_json(state: &WalletState) -> Value {
	serde_json::to_value(state).expect("the state is JSON")
}

fn paisa(text: &str) -> Result<Balance, JsError> {
	text.trim()
		.parse()
		.map_err(|_| refusal("BadAmount", "the amount is not a whole number of paisa"))
}

fn keystore_refusal(error: KeystoreError) -> JsError {
	match error {
		KeystoreError::WrongPassphrase => refusal("WrongPassphrase", &error.to_string()),
		KeystoreError::Mismatch => refusal("KeyMismatch", &error.to_string()),
		KeystoreError::Unsupported(_) => refusal("UnsupportedKey", &error.to_string()),
	}
}

/// A new wallet's key files: the account's (`pair`) and a new purse device's, both encrypted
/// with `passphrase`, and what the app shows.
fn key_files(
	pair: &sr25519::Pair,
	account: Option<KeystoreJson>,
	passphrase: &str,
	created: u64,
) -> Result<Value, JsError> {
	if passphrase.chars().count() < MIN_PASSPHRASE {
		return Err(refusal(
			"ShortPassphrase",
			&format!("choose a passphrase of at least {MIN_PASSPHRASE} characters"),
		));
	}
	let account = account
		.unwrap_or_else(|| keystore::encrypt(pair, passphrase, "rupee-wallet account", created));
	let device =
		mnemonic::new_key().map_err(|error| refusal("NoRandomness", &error.to_string()))?;
	let device_file = keystore::encrypt(&device, passphrase, "rupee-wallet purse device", created);
	Ok(json!({
		"address": address_of(&pair.public().0),
		"accountKey": hex::encode(&pair.public().0),
		"deviceKey": hex::encode(&device.public().0),
		"account": account,
		"device": device_file,
	}))
}

/// A new wallet: a new account (its twelve words, shown once) and purse device key, encrypted
/// with `passphrase` (at least 8 characters). `created` is now, in ms.
#[wasm_bindgen(js_name = newWallet)]
pub fn new_wallet(passphrase: &str, created: f64) -> Result<String, JsError> {
	let (pair, words) =
		mnemonic::generate().map_err(|error| refusal("NoRandomness", &error.to_string()))?;
	let mut answer = key_files(&pair, None, passphrase, whole(created, "the time")?)?;
	answer["words"] = Value::String(words.to_string());
	Ok(answer.to_string())
}

/// A wallet for the account of `words` (twelve or more, as written down), with a new purse
/// device key, encrypted with `passphrase`.
#[wasm_bindgen(js_name = importWords)]
pub fn import_words(words: &str, passphrase: &str, created: f64) -> Result<String, JsError> {
	let pair =
		mnemonic::from_phrase(words).map_err(|error| refusal("BadWords", &error.to_string()))?;
	Ok(key_files(&pair, None, passphrase, whole(created, "the time")?)?.to_string())
}

/// A wallet for the account of a polkadot.js keystore file (the CLI's `key export`, or the
/// extension's export), which `file_passphrase` must open. With the wallet's `passphrase` the
/// same, the file is kept as it is; else the key is encrypted again with `passphrase`.
#[wasm_bindgen(js_name = importKeystore)]
pub fn import_keystore(
	file: &str,
	file_passphrase: &str,
	passphrase: &str,
	created: f64,
) -> Result<String, JsError> {
	let json: KeystoreJson = serde_json::from_str(file)
		.map_err(|_| refusal("UnsupportedKey", "this file is not a polkadot.js key file"))?;
	let pair = keystore::decrypt(&json, file_passphrase).map_err(keystore_refusal)?;
	let kept = (file_passphrase == passphrase).then_some(json);
	Ok(key_files(&pair, kept, passphrase, whole(created, "the time")?)?.to_string())
}

/// Open the account's and the device's key files with `passphrase`: `{handle, address,
/// accountKey, deviceKey}`, the handle for signing and the public keys of what was decrypted
/// (which the app checks against what it stored).
#[wasm_bindgen]
pub fn unlock(account: &str, device: &str, passphrase: &str) -> Result<String, JsError> {
	let open = |file: &str| -> Result<sr25519::Pair, JsError> {
		let json: KeystoreJson = serde_json::from_str(file)
			.map_err(|_| refusal("UnsupportedKey", "a stored key file does not read"))?;
		keystore::decrypt(&json, passphrase).map_err(keystore_refusal)
	};
	let keys = Keys { account: open(account)?, device: open(device)? };
	let mut answer = json!({
		"address": address_of(&keys.account.public().0),
		"accountKey": hex::encode(&keys.account.public().0),
		"deviceKey": hex::encode(&keys.device.public().0),
	});
	let handle = UNLOCKED.with(|unlocked| {
		let mut unlocked = unlocked.borrow_mut();
		unlocked.push(Some(keys));
		(unlocked.len() - 1) as u32
	});
	answer["handle"] = json!(handle);
	Ok(answer.to_string())
}

/// Forget the keys of `handle`.
#[wasm_bindgen]
pub fn lock(handle: u32) {
	UNLOCKED.with(|unlocked| {
		if let Some(slot) = unlocked.borrow_mut().get_mut(handle as usize) {
			*slot = None;
		}
	});
}

/// The account's sr25519 signature of `payload` (`0x`-hex): what a transaction signer returns.
#[wasm_bindgen(js_name = signWithAccount)]
pub fn sign_with_account(handle: u32, payload: &str) -> Result<String, JsError> {
	let payload = bytes(payload, "the payload")?;
	with_keys(handle, |keys| hex::encode(&keys.account.sign(&payload).0))
}

/// The chain's SS58 address of a `0x`-hex public key.
#[wasm_bindgen]
pub fn address(public: &str) -> Result<String, JsError> {
	Ok(address_of(&bytes32(public, "the public key")?))
}

/// The `0x`-hex public key of an address (SS58 of any prefix, or `0x`-hex).
#[wasm_bindgen(js_name = accountOf)]
pub fn account_of_js(text: &str) -> Result<String, JsError> {
	Ok(hex::encode(&account_of(text)?))
}

/// An offline refusal as the app shows it: a stable code, the figures its sentence names
/// (amounts as paisa strings), and the sentence in English.
fn offline_refusal(error: &OfflineError) -> Value {
	let amount = |value: &Balance| Value::String(value.to_string());
	let (code, params): (String, Value) = match error {
		OfflineError::NotSynced => ("NotSynced".into(), json!({})),
		OfflineError::NoPurse => ("NoPurse".into(), json!({})),
		OfflineError::NoProof => ("NoProof".into(), json!({})),
		OfflineError::CountersExhausted => ("CountersExhausted".into(), json!({})),
		OfflineError::Codec(what, error) => (format!("{error:?}"), json!({ "what": what })),
		OfflineError::Pay(error) => match error {
			PayError::OverVoucherCap { cap } => {
				("OverVoucherCap".into(), json!({ "cap": amount(cap) }))
			},
			PayError::InsufficientPurse { left } => {
				("InsufficientPurse".into(), json!({ "left": amount(left) }))
			},
			other => (format!("{other:?}"), json!({})),
		},
		OfflineError::Receive(error) => match error {
			ReceiveError::CannotVerify { set_id } => {
				("CannotVerify".into(), json!({ "setId": set_id }))
			},
			ReceiveError::StaleList { hours } => ("StaleList".into(), json!({ "hours": hours })),
			ReceiveError::OverVoucherCap { cap } => {
				("OverVoucherCapReceived".into(), json!({ "cap": amount(cap) }))
			},
			ReceiveError::CounterSeen { counter } => {
				("CounterSeen".into(), json!({ "counter": counter }))
			},
			ReceiveError::OverEscrow { escrow, received } => (
				"OverEscrow".into(),
				json!({ "escrow": amount(escrow), "received": amount(received) }),
			),
			ReceiveError::RiskLimit(limit) => match limit {
				RiskLimit::PurseValue { would, limit } => (
					"RiskPurseValue".into(),
					json!({ "would": amount(would), "limit": amount(limit) }),
				),
				RiskLimit::PurseCount { held } => {
					("RiskPurseCount".into(), json!({ "held": held }))
				},
				RiskLimit::TotalValue { would, limit } => (
					"RiskTotalValue".into(),
					json!({ "would": amount(would), "limit": amount(limit) }),
				),
				RiskLimit::TotalCount { held } => {
					("RiskTotalCount".into(), json!({ "held": held }))
				},
			},
			ReceiveError::ZeroAmount => ("ZeroAmountReceived".into(), json!({})),
			ReceiveError::BelowMinimum => ("BelowMinimumReceived".into(), json!({})),
			ReceiveError::WrongChain => ("WrongChain".into(), json!({})),
			ReceiveError::NoProof => ("NoPayerProof".into(), json!({})),
			other => (format!("{other:?}"), json!({})),
		},
	};
	let sentence = match error {
		OfflineError::Pay(error) => error.to_string(),
		OfflineError::Receive(error) => error.to_string(),
		OfflineError::NotSynced => "this wallet has never synced: sync once online".into(),
		OfflineError::NoPurse => "no purse: fund one when online".into(),
		OfflineError::NoProof => {
			"the purse has no proof from the validators yet: sync once online".into()
		},
		OfflineError::CountersExhausted => {
			"this purse has signed the most vouchers one purse may: start a new purse".into()
		},
		OfflineError::Codec(what, _) => format!("not a valid {what}: scan it again"),
	};
	json!({ "ok": false, "code": code, "params": params, "sentence": sentence })
}

/// What the purse can still pay offline (paisa), or `null` without a purse.
#[wasm_bindgen]
pub fn spendable(state: &str) -> Result<Option<String>, JsError> {
	Ok(offline::spendable(&state_of(state)?).ok().map(|left| left.to_string()))
}

/// The figures of this wallet's own purse proof (`{escrow, voucherCap, expiresAt, block,
/// ...}`, as [`decode_payment`]'s statement), or `null` without one.
#[wasm_bindgen(js_name = proofFigures)]
pub fn proof_figures(state: &str) -> Result<Option<String>, JsError> {
	Ok(offline::own_proof(&state_of(state)?)
		.ok()
		.map(|proof| statement_json(&proof.statement).to_string()))
}

/// Pay `amount` paisa to `payee` (an address) from the purse, offline: `{ok: true, state,
/// code}` (save `state` before showing `code`, the payment code for the QR), or `{ok: false,
/// code, params, sentence}`.
#[wasm_bindgen(js_name = payOffline)]
pub fn pay_offline(
	handle: u32,
	state: &str,
	payee: &str,
	amount: &str,
	now: f64,
) -> Result<String, JsError> {
	let mut state = state_of(state)?;
	let payee = account_of(payee)?;
	let amount = paisa(amount)?;
	let now = whole(now, "the time")?;
	let paid =
		with_keys(handle, |keys| offline::pay(&mut state, &keys.device, payee, amount, None, now))?;
	Ok(match paid {
		Ok(payload) => {
			json!({ "ok": true, "state": state_json(&state), "code": payload.to_text() })
		},
		Err(error) => offline_refusal(&error),
	}
	.to_string())
}

/// Check a payment code offline as this wallet's account and keep its voucher: `{ok: true,
/// state, amount, payer, counter, expiresAt, receipt}` (save `state`; `receipt` is the `RPRC…`
/// code for the payer), or `{ok: false, code, params, sentence}`.
#[wasm_bindgen(js_name = receiveOffline)]
pub fn receive_offline(handle: u32, state: &str, code: &str, now: f64) -> Result<String, JsError> {
	let mut state = state_of(state)?;
	let now = whole(now, "the time")?;
	let payment = match Payment::from_text(code) {
		Ok(payment) => payment,
		Err(error) => return Ok(offline_refusal(&error).to_string()),
	};
	let me = with_keys(handle, |keys| keys.account.public().0)?;
	let limits = RiskLimits::for_tier(state.tier);
	if let Err(error) = offline::receive(&mut state, &payment, me, now, &limits) {
		return Ok(offline_refusal(&error).to_string());
	}
	let voucher = payment.voucher();
	let receipt = with_keys(handle, |keys| Receipt::sign(voucher, &keys.account).to_text())?;
	let statement = match &payment {
		Payment::Payload(payload) => Some(payload.proof.statement.clone()),
		Payment::Voucher(_) => None,
	};
	Ok(json!({
		"ok": true,
		"state": state_json(&state),
		"amount": voucher.body.amount.to_string(),
		"counter": voucher.body.counter,
		"deviceKey": hex::encode(&voucher.body.device_key),
		"payer": statement.as_ref().map(|statement| address_of(&statement.owner)),
		"expiresAt": statement.as_ref().map(|statement| statement.expires_at),
		"receipt": receipt,
	})
	.to_string())
}

/// Keep a payee's receipt (`RPRC…`) with the voucher it acknowledges: `{ok: true, state,
/// counter, amount}` or `{ok: false, code}`.
#[wasm_bindgen(js_name = keepReceipt)]
pub fn keep_receipt(state: &str, text: &str) -> Result<String, JsError> {
	let mut state = state_of(state)?;
	let Ok(receipt) = Receipt::from_text(text) else {
		return Ok(json!({ "ok": false, "code": "NotAReceipt" }).to_string());
	};
	Ok(match receipt::keep(&mut state, &receipt) {
		Some((counter, amount)) => json!({
			"ok": true, "state": state_json(&state), "counter": counter, "amount": amount.to_string(),
		}),
		None => json!({ "ok": false, "code": "ReceiptNotOurs" }),
	}
	.to_string())
}

/// The vouchers a sync asks the chain about: `{sent: [RPV1…], received: [RPV1…]}`.
#[wasm_bindgen(js_name = vouchersToCheck)]
pub fn vouchers_to_check(state: &str) -> Result<String, JsError> {
	let (sent, received) = sync::to_check(&state_of(state)?);
	let texts = |vouchers: Vec<Voucher>| vouchers.iter().map(Voucher::to_text).collect::<Vec<_>>();
	Ok(json!({ "sent": texts(sent), "received": texts(received) }).to_string())
}

/// What the app read from the node for a sync (the answers of docs/rpc.md's methods).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SyncAnswers {
	genesis_hash: String,
	finalized_number: u32,
	/// The finalized block's time (ms).
	chain_time: u64,
	/// `vouchers_attesters`.
	attesters: AttestersAnswer,
	/// `kyc_accountStatus`'s tier, `null` if unregistered.
	tier: Option<rupee_protocol::Tier>,
	/// `vouchers_purse` of the device key, `null` if it has none.
	purse: Option<PurseAnswer>,
	/// `vouchers_purseProof`'s `proof`, `null` if none.
	proof: Option<String>,
	sent_paid: Vec<String>,
	received_redeemed: Vec<String>,
	/// Device keys of `vouchers_revocations` (every page), and its digest.
	revoked: Vec<String>,
	digest: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct AttestersAnswer {
	set_id: u64,
	authorities: Vec<AttesterAnswer>,
}

#[derive(Deserialize)]
struct AttesterAnswer {
	key: String,
	weight: u64,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PurseAnswer {
	owner: String,
	escrow: String,
	/// `null`: no cap.
	voucher_cap: Option<String>,
	expires_at: u64,
	status: String,
	highest_counter: Option<u64>,
}

/// The state after a sync: the answers applied as the CLI applies them (`trust_node`: the
/// node's validator set replaces contradicting ones, the owner's decision after a refusal).
#[wasm_bindgen(js_name = applySync)]
pub fn apply_sync(
	state: &str,
	answers: &str,
	now: f64,
	trust_node: bool,
) -> Result<String, JsError> {
	let mut state = state_of(state)?;
	let now = whole(now, "the time")?;
	let answers: SyncAnswers = serde_json::from_str(answers).map_err(|error| {
		refusal("BadAnswer", &format!("the node's answers do not read: {error}"))
	})?;
	let genesis = bytes32(&answers.genesis_hash, "the genesis hash")?;
	let ours = state.genesis_hash.as_deref().and_then(hex::decode32);
	if ours.is_some_and(|ours| ours != genesis) {
		return Err(refusal("OtherChain", "this node serves another chain than this wallet's"));
	}
	state.genesis_hash = Some(hex::encode(&genesis));
	let authorities = answers
		.attesters
		.authorities
		.iter()
		.map(|authority| Ok((bytes32(&authority.key, "a validator key")?, authority.weight)))
		.collect::<Result<Vec<_>, JsError>>()?;
	let device_key = state.device_key.as_deref().and_then(hex::decode32);
	let purse = match (answers.purse, device_key) {
		(Some(purse), Some(device_key)) => Some(SyncedPurse {
			certificate: rupee_protocol::voucher::PurseCertificate {
				version: VOUCHER_VERSION,
				genesis_hash: genesis,
				device_key,
				owner: account_of(&purse.owner)?,
				escrow: paisa(&purse.escrow)?,
				voucher_cap: match purse.voucher_cap {
					Some(cap) => paisa(&cap)?,
					None => Balance::MAX,
				},
				expires_at: purse.expires_at,
				synced_block: answers.finalized_number,
			},
			active: purse.status == "Active",
			highest_counter: purse.highest_counter,
		}),
		_ => None,
	};
	let proof = answers
		.proof
		.map(|proof| decode_all::<PurseProof>(&proof, "the purse proof"))
		.transpose()?;
	let synced = Synced {
		attesters: AttesterSet { set_id: answers.attesters.set_id, authorities },
		tier: Some(answers.tier),
		purse,
		proof,
		sent_paid: answers.sent_paid.into_iter().collect(),
		received_redeemed: answers.received_redeemed.into_iter().collect(),
		revoked: answers.revoked,
		digest: answers.digest,
		synced_at: now.min(answers.chain_time),
	};
	sync::apply(&mut state, synced, trust_node).map_err(|error| {
		let code = match error {
			sync::SyncError::OlderSet { .. } => "OlderSet",
			sync::SyncError::ChangedSet { .. } => "ChangedSet",
		};
		refusal(code, &error.to_string())
	})?;
	Ok(state_json(&state).to_string())
}

/// One outcome of a redemption, from the chain's events.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Redemption {
	device_key: String,
	counter: u64,
	/// `ReceivedStatus` as the state spells it: `"redeemed"`, `{"compensated": {"paid",
	/// "claimed"}}` or `{"refused": {"reason", "code", "retryable"}}`.
	status: rupee_wallet_core::state::ReceivedStatus,
}

/// The state after a redemption's outcomes (`[{deviceKey, counter, status}]`) are recorded.
#[wasm_bindgen(js_name = recordRedemptions)]
pub fn record_redemptions(state: &str, outcomes: &str) -> Result<String, JsError> {
	let mut state = state_of(state)?;
	let outcomes: Vec<Redemption> = serde_json::from_str(outcomes)
		.map_err(|error| refusal("BadAnswer", &format!("the outcomes do not read: {error}")))?;
	for Redemption { device_key, counter, status } in outcomes {
		offline::record_redemption(&mut state, &device_key, counter, status);
	}
	Ok(state_json(&state).to_string())
}

/// The received vouchers to redeem, as the `Vouchers.redeem` call takes them: `[{text, body:
/// {version, genesisHash, deviceKey, counter, payee, amount, issuedAt}, signature}]`.
#[wasm_bindgen]
pub fn redeemable(state: &str) -> Result<String, JsError> {
	let vouchers: Vec<Value> = offline::redeemable(&state_of(state)?)
		.iter()
		.map(|voucher| {
			json!({
				"text": voucher.to_text(),
				"body": body_json(&voucher.body),
				"signature": hex::encode(&voucher.signature),
			})
		})
		.collect();
	Ok(Value::Array(vouchers).to_string())
}
