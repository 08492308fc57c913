//! Paying and accepting vouchers with no network (offline payments v2), as decisions over a
//! [`WalletState`]: the CLI saves the state to its file afterwards, the web app to IndexedDB,
//! each before it shows the payer's code or the payee's receipt.
//!
//! The payer's device signs a voucher with its purse key and shows it with its purse's proof,
//! signed by the chain's validators, as one payment payload ([`pay`]). The payee's wallet checks
//! the proof against the validator sets it synced, the voucher against the proof, its
//! revocation list and its risk limits, and keeps the voucher for redemption ([`receive`]).

use codec::{Decode, Encode};
use rupee_protocol::{
	hex::{decode as unhex, decode32 as bytes32, encode as hex},
	purse_proof::{PayloadError, PaymentPayload, ProofError, PurseProof},
	voucher::{
		PurseCertificate, Voucher, VoucherBody, VoucherCodecError, MAX_VOUCHERS_PER_PURSE,
		MIN_VOUCHER_AMOUNT, VOUCHER_VERSION,
	},
	Balance,
};
use sp_core::{sr25519, Pair};

use crate::{
	amount::format_amount,
	risk::{RiskLimits, MAX_CLOCK_SKEW_MS},
	state::{ReceivedStatus, ReceivedVoucher, SentVoucher, WalletState},
};

/// Why an offline payment was not made or not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfflineError {
	/// The wallet never synced with the chain (it does not know the genesis hash).
	NotSynced,
	/// No purse certificate: fund the purse (or sync) first.
	NoPurse,
	/// The purse has no proof yet: the validators sign it a few blocks after funding.
	NoProof,
	/// The device signed the most vouchers one purse may pay.
	CountersExhausted,
	/// `what` (a payment code, a voucher, the wallet's own proof) does not decode.
	Codec(String, VoucherCodecError),
	Pay(PayError),
	Receive(ReceiveError),
}

/// Which offline risk limit a payment would pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RiskLimit {
	/// The value held offline from one payer would be `would`, more than `limit`.
	PurseValue { would: Balance, limit: Balance },
	/// `held` vouchers from this payer are held already.
	PurseCount { held: u32 },
	/// The value held offline in all would be `would`, more than `limit`.
	TotalValue { would: Balance, limit: Balance },
	/// `held` offline payments are held already.
	TotalCount { held: u32 },
}

impl std::fmt::Display for RiskLimit {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::PurseValue { would, limit } => write!(
				f,
				"you would hold {} offline from this payer, more than {}",
				format_amount(*would),
				format_amount(*limit)
			),
			Self::PurseCount { held } => {
				write!(f, "you hold {held} vouchers from this payer already")
			},
			Self::TotalValue { would, limit } => write!(
				f,
				"you would hold {} in offline payments, more than {}",
				format_amount(*would),
				format_amount(*limit)
			),
			Self::TotalCount { held } => write!(f, "you hold {held} offline payments already"),
		}
	}
}

/// Why the payer's own wallet will not sign a voucher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayError {
	ZeroAmount,
	/// Less than the chain's smallest voucher.
	BelowMinimum,
	/// More than one voucher may pay.
	OverVoucherCap {
		cap: Balance,
	},
	/// More than the purse has left after the vouchers already signed.
	InsufficientPurse {
		left: Balance,
	},
	/// The purse expired; fund it again online.
	PurseExpired,
	/// A voucher cannot pay the purse's own owner.
	PaysOwner,
	/// The proof this wallet holds promises less time than the purse now has (it was topped
	/// up): payees would refuse the voucher.
	ProofExpired,
}

impl std::fmt::Display for PayError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::ZeroAmount => write!(f, "the amount must be more than zero"),
			Self::BelowMinimum => {
				write!(f, "a voucher pays at least {}", format_amount(MIN_VOUCHER_AMOUNT))
			},
			Self::OverVoucherCap { cap } => {
				write!(f, "one voucher may pay at most {}", format_amount(*cap))
			},
			Self::InsufficientPurse { left } => {
				write!(f, "the purse has only {} left", format_amount(*left))
			},
			Self::PurseExpired => write!(f, "the purse expired: fund it again when online"),
			Self::PaysOwner => write!(f, "a voucher cannot pay the purse's own owner"),
			Self::ProofExpired => {
				write!(f, "the purse's proof has expired: sync to fetch the proof of its top-up")
			},
		}
	}
}

/// Why a payee's wallet refuses a voucher offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReceiveError {
	UnsupportedVersion,
	/// For another chain than the one this wallet synced with.
	WrongChain,
	BadSignature,
	/// It pays someone else.
	NotForMe,
	/// The proof is of another purse than the one that signed the voucher.
	ProofOfAnotherPurse,
	/// No proof of this payer's purse: a bare voucher from a purse this wallet never saw.
	NoProof,
	/// The proof is signed by an authority set this wallet has not synced.
	CannotVerify {
		set_id: u64,
	},
	/// The proof is not signed by the chain's validators: the purse or its figures are made up.
	ForgedProof,
	/// The revocation list (and validator set) is older than the risk limits allow.
	StaleList {
		hours: u64,
	},
	/// The voucher's date is far from this device's clock.
	ClockSkew,
	/// Accepting it would go past one of this wallet's offline risk limits.
	RiskLimit(RiskLimit),
	ZeroAmount,
	/// Less than the chain's smallest voucher: the chain would refuse it.
	BelowMinimum,
	/// A counter the chain never redeems (at or above its vouchers per purse).
	CounterTooHigh,
	OverVoucherCap {
		cap: Balance,
	},
	/// The purse expired (by this device's clock) or the voucher was signed after expiry.
	Expired,
	/// This device already received a voucher with this counter from that purse.
	CounterSeen {
		counter: u64,
	},
	/// With this voucher the purse would have paid this wallet more than its certified escrow.
	OverEscrow {
		escrow: Balance,
		received: Balance,
	},
	/// The purse is on the revocation list of the last sync.
	Revoked,
}

impl std::fmt::Display for ReceiveError {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match self {
			Self::UnsupportedVersion => write!(f, "a voucher format this wallet does not read"),
			Self::WrongChain => write!(f, "the voucher is for another chain"),
			Self::BadSignature => write!(f, "the signature is not the purse's: the voucher was forged or damaged"),
			Self::NotForMe => write!(f, "the voucher pays another account"),
			Self::ProofOfAnotherPurse => {
				write!(f, "the purse proof is of another purse than the one that signed")
			},
			Self::NoProof => write!(
				f,
				"no proof of the payer's purse came with it: ask for the whole payment code (RPP2…)"
			),
			Self::CannotVerify { set_id } => write!(
				f,
				"cannot verify offline: the purse proof is signed by validator set #{set_id}, which this wallet has not synced; sync once online"
			),
			Self::ForgedProof => write!(
				f,
				"the purse proof is not signed by the chain's validators: the purse or its figures are made up"
			),
			Self::StaleList { hours } => write!(
				f,
				"this wallet last synced {hours} h ago: sync before accepting offline payments"
			),
			Self::ClockSkew => write!(
				f,
				"the voucher's date is more than 10 minutes from this device's clock"
			),
			Self::RiskLimit(limit) => write!(f, "{limit}: redeem what you hold first"),
			Self::ZeroAmount => write!(f, "the voucher pays nothing"),
			Self::BelowMinimum => write!(
				f,
				"the voucher pays less than {}, the chain's smallest voucher",
				format_amount(MIN_VOUCHER_AMOUNT)
			),
			Self::CounterTooHigh => {
				write!(f, "the voucher's number is beyond what the chain redeems for one purse")
			},
			Self::OverVoucherCap { cap } =>
				write!(f, "the voucher pays more than the purse's cap of {}", format_amount(*cap)),
			Self::Expired => write!(f, "the payer's purse has expired"),
			Self::CounterSeen { counter } =>
				write!(f, "voucher number {counter} of this purse was already received: a copy or a double spend"),
			Self::OverEscrow { escrow, received } => write!(
				f,
				"the purse holds {} but would have paid you {}",
				format_amount(*escrow),
				format_amount(*received)
			),
			Self::Revoked => write!(f, "the payer's purse was closed or caught double spending"),
		}
	}
}

/// This wallet's own purse as of its last sync (what the chain held then): what it can pay.
pub fn own_certificate(state: &WalletState) -> Result<PurseCertificate, OfflineError> {
	let text = state.certificate.as_deref().ok_or(OfflineError::NoPurse)?;
	PurseCertificate::from_text(text)
		.map_err(|error| OfflineError::Codec("purse certificate".into(), error))
}

/// This wallet's own purse proof, from its last sync.
pub fn own_proof(state: &WalletState) -> Result<PurseProof, OfflineError> {
	let bytes = state.proof.as_deref().and_then(unhex).ok_or(OfflineError::NoProof)?;
	PurseProof::decode(&mut &bytes[..])
		.map_err(|_| OfflineError::Codec("purse proof".into(), VoucherCodecError::Malformed))
}

/// What the purse can still pay offline: the escrow at the last sync (no more than its proof
/// states: payees hold a payment to the proof, and the node that said the escrow may have
/// lied) less the vouchers signed and not known to be redeemed.
pub fn spendable(state: &WalletState) -> Result<Balance, OfflineError> {
	let certificate = own_certificate(state)?;
	let escrow = match own_proof(state) {
		Ok(proof) if proof.statement.device_key == certificate.device_key => {
			certificate.escrow.min(proof.statement.escrow)
		},
		_ => certificate.escrow,
	};
	// Vouchers of this purse not known to be paid (a retired purse's vouchers are its own).
	let outstanding: Balance = state
		.sent
		.iter()
		.filter(|sent| !sent.redeemed)
		.filter(|sent| match Voucher::from_text(&sent.voucher) {
			Ok(voucher) => voucher.body.device_key == certificate.device_key,
			Err(_) => true,
		})
		.map(|sent| sent.amount)
		.sum();
	Ok(escrow.saturating_sub(outstanding))
}

/// Sign a voucher paying `payee` `amount` from this wallet's purse with its `device` key and
/// wrap it with the purse's proof. The state takes the voucher and the next counter; the
/// caller saves it before it shows the payload, so a counter is never handed out twice.
/// Nothing changes when it is refused.
pub fn pay(
	state: &mut WalletState,
	device: &sr25519::Pair,
	payee: [u8; 32],
	amount: Balance,
	reference: Option<String>,
	now: u64,
) -> Result<PaymentPayload, OfflineError> {
	let certificate = own_certificate(state)?;
	let proof = own_proof(state)?;
	let statement = &proof.statement;
	let refuse = |error| Err(OfflineError::Pay(error));
	if amount == 0 {
		return refuse(PayError::ZeroAmount);
	}
	if payee == certificate.owner {
		return refuse(PayError::PaysOwner);
	}
	if amount < MIN_VOUCHER_AMOUNT {
		return refuse(PayError::BelowMinimum);
	}
	let cap = certificate.voucher_cap.min(statement.voucher_cap);
	if amount > cap {
		return refuse(PayError::OverVoucherCap { cap });
	}
	if now > certificate.expires_at {
		return refuse(PayError::PurseExpired);
	}
	if now > statement.expires_at || statement.device_key != device.public().0 {
		return refuse(PayError::ProofExpired);
	}
	let left = spendable(state)?;
	if amount > left {
		return refuse(PayError::InsufficientPurse { left });
	}
	let counter = state.next_counter;
	if counter >= MAX_VOUCHERS_PER_PURSE {
		return Err(OfflineError::CountersExhausted);
	}
	let voucher = Voucher::sign(
		VoucherBody {
			version: VOUCHER_VERSION,
			genesis_hash: certificate.genesis_hash,
			device_key: device.public().0,
			counter,
			payee,
			amount,
			issued_at: now,
		},
		device,
	);
	state.next_counter = counter + 1;
	state.sent.push(SentVoucher {
		voucher: voucher.to_text(),
		counter,
		payee: hex(&payee),
		amount,
		redeemed: false,
		reference,
		receipt: None,
	});
	Ok(PaymentPayload::new(voucher, proof))
}

/// What a payee was shown: a whole payment payload, or a bare voucher of a purse whose proof
/// this wallet already checked.
pub enum Payment {
	Payload(PaymentPayload),
	Voucher(Voucher),
}

impl Payment {
	/// Read `RPP2…` (a payload) or `RPV1…` (a voucher).
	pub fn from_text(text: &str) -> Result<Self, OfflineError> {
		if text.trim().get(..4).is_some_and(|prefix| prefix.eq_ignore_ascii_case("RPV1")) {
			return Voucher::from_text(text)
				.map(Self::Voucher)
				.map_err(|error| OfflineError::Codec("voucher".into(), error));
		}
		PaymentPayload::from_text(text)
			.map(Self::Payload)
			.map_err(|error| OfflineError::Codec("payment code".into(), error))
	}

	pub fn voucher(&self) -> &Voucher {
		match self {
			Self::Payload(payload) => &payload.voucher,
			Self::Voucher(voucher) => voucher,
		}
	}
}

/// Check `payment` offline as its payee `me` and keep its voucher for redemption. Nothing
/// changes if it fails. `limits` are this wallet's offline risk limits.
pub fn receive(
	state: &mut WalletState,
	payment: &Payment,
	me: [u8; 32],
	now: u64,
	limits: &RiskLimits,
) -> Result<(), OfflineError> {
	let reject = |error| Err(OfflineError::Receive(error));
	let voucher = payment.voucher();
	let body = &voucher.body;
	let genesis = state.genesis_hash.as_deref().and_then(bytes32).ok_or(OfflineError::NotSynced)?;
	let synced_at = state.synced_at.ok_or(OfflineError::NotSynced)?;
	if body.version != VOUCHER_VERSION {
		return reject(ReceiveError::UnsupportedVersion);
	}
	if body.genesis_hash != genesis {
		return reject(ReceiveError::WrongChain);
	}
	if !voucher.signature_is_valid() {
		return reject(ReceiveError::BadSignature);
	}
	if body.payee != me {
		return reject(ReceiveError::NotForMe);
	}
	let device_key = hex(&body.device_key);
	let known = state.peers.get(&device_key).cloned();
	// A proof kept from an earlier payment counts only if the validator sets known now still
	// verify it (a set that was dropped, e.g. one a lying node once gave, vouches for nothing).
	let known_proof = known
		.as_ref()
		.and_then(|peer| peer.proof.as_deref())
		.and_then(unhex)
		.and_then(|bytes| PurseProof::decode(&mut &bytes[..]).ok())
		.filter(|proof| proof.verify(&state.attester_sets).is_ok());
	let proof = match (payment, known_proof.clone()) {
		(Payment::Payload(payload), _) => payload.proof.clone(),
		(Payment::Voucher(_), Some(proof)) => proof,
		(Payment::Voucher(_), None) => return reject(ReceiveError::NoProof),
	};
	let proved = PaymentPayload::new(voucher.clone(), proof.clone());
	match proved.verify(&state.attester_sets, &genesis) {
		Ok(()) => {},
		Err(PayloadError::WrongChain) => return reject(ReceiveError::WrongChain),
		Err(PayloadError::ProofOfAnotherPurse) => return reject(ReceiveError::ProofOfAnotherPurse),
		Err(PayloadError::Proof(ProofError::UnknownSet(set_id))) => {
			return reject(ReceiveError::CannotVerify { set_id })
		},
		Err(PayloadError::Proof(_)) => return reject(ReceiveError::ForgedProof),
	}
	let statement = &proof.statement;
	if state.revoked.contains(&device_key) {
		return reject(ReceiveError::Revoked);
	}
	if now.saturating_sub(synced_at) > limits.max_list_age_ms {
		return reject(ReceiveError::StaleList { hours: (now - synced_at) / 3_600_000 });
	}
	if body.amount == 0 {
		return reject(ReceiveError::ZeroAmount);
	}
	if body.amount < MIN_VOUCHER_AMOUNT {
		return reject(ReceiveError::BelowMinimum);
	}
	if body.counter >= MAX_VOUCHERS_PER_PURSE {
		return reject(ReceiveError::CounterTooHigh);
	}
	if body.amount > statement.voucher_cap {
		return reject(ReceiveError::OverVoucherCap { cap: statement.voucher_cap });
	}
	if now > statement.expires_at || body.issued_at > statement.expires_at {
		return reject(ReceiveError::Expired);
	}
	if body.issued_at.abs_diff(now) > MAX_CLOCK_SKEW_MS {
		return reject(ReceiveError::ClockSkew);
	}
	let mut peer = known.unwrap_or_default();
	if peer.counters.contains(&body.counter) {
		return reject(ReceiveError::CounterSeen { counter: body.counter });
	}
	// The chain guarantees what this payee takes from the purse within the largest escrow a
	// proof of it stated; the wallet holds the one with the larger escrow.
	let best = match known_proof {
		Some(known) if known.statement.escrow > statement.escrow => known,
		_ => proof.clone(),
	};
	let received = peer.total.saturating_add(body.amount);
	if received > best.statement.escrow {
		return reject(ReceiveError::OverEscrow { escrow: best.statement.escrow, received });
	}
	let pending: Vec<&ReceivedVoucher> = state
		.received
		.iter()
		.filter(|received| received.status == ReceivedStatus::Pending)
		.collect();
	let from_purse: Vec<&&ReceivedVoucher> =
		pending.iter().filter(|received| received.device_key == device_key).collect();
	let purse_value: Balance = from_purse.iter().map(|received| received.amount).sum();
	let total_value: Balance = pending.iter().map(|received| received.amount).sum();
	let risk = |limit| Err(OfflineError::Receive(ReceiveError::RiskLimit(limit)));
	let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
	if purse_value.saturating_add(body.amount) > limits.per_purse_value {
		let would = purse_value.saturating_add(body.amount);
		return risk(RiskLimit::PurseValue { would, limit: limits.per_purse_value });
	}
	if count(from_purse.len()) >= limits.per_purse_count {
		return risk(RiskLimit::PurseCount { held: count(from_purse.len()) });
	}
	if total_value.saturating_add(body.amount) > limits.total_value {
		let would = total_value.saturating_add(body.amount);
		return risk(RiskLimit::TotalValue { would, limit: limits.total_value });
	}
	if count(pending.len()) >= limits.total_count {
		return risk(RiskLimit::TotalCount { held: count(pending.len()) });
	}
	peer.proof = Some(hex(&best.encode()));
	peer.counters.insert(body.counter);
	peer.total = received;
	state.peers.insert(device_key.clone(), peer);
	state.received.push(ReceivedVoucher {
		voucher: voucher.to_text(),
		device_key,
		counter: body.counter,
		amount: body.amount,
		received_at: now,
		status: ReceivedStatus::Pending,
	});
	Ok(())
}

/// Record what the chain did with the received voucher `counter` of purse `device_key`
/// (`0x`-hex) when it was redeemed; false if this wallet holds no such voucher.
pub fn record_redemption(
	state: &mut WalletState,
	device_key: &str,
	counter: u64,
	status: ReceivedStatus,
) -> bool {
	match state
		.received
		.iter_mut()
		.find(|received| received.device_key == device_key && received.counter == counter)
	{
		Some(received) => {
			received.status = status;
			true
		},
		None => false,
	}
}

/// Received vouchers the next redemption submits: pending ones and those refused for a reason
/// that may pass.
pub fn redeemable(state: &WalletState) -> Vec<Voucher> {
	state
		.received
		.iter()
		.filter(|received| match &received.status {
			ReceivedStatus::Pending => true,
			ReceivedStatus::Refused { retryable, .. } => *retryable,
			_ => false,
		})
		.filter_map(|received| Voucher::from_text(&received.voucher).ok())
		.collect()
}
