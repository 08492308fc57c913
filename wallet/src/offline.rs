//! Paying and accepting vouchers with no network (offline payments v2). The payer's device
//! signs a voucher with its purse key and shows it with its purse's proof, signed by the
//! chain's validators, as one payment payload. The payee's wallet checks the proof against the
//! validator sets it synced, the voucher against the proof, its revocation list and its risk
//! limits, and keeps the voucher for redemption.

use codec::{Decode, Encode};
use rupee_primitives::{
	purse_proof::{PayloadError, PaymentPayload, ProofError, PurseProof},
	voucher::{PurseCertificate, Voucher, VoucherBody, VoucherCodecError, VOUCHER_VERSION},
	Balance,
};
use sp_core::Pair;

use crate::{
	amount::format_amount,
	error::{Error, PayError, ReceiveError},
	keys,
	risk::{RiskLimits, MAX_CLOCK_SKEW_MS},
	store::{ReceivedStatus, ReceivedVoucher, SentVoucher, Wallet},
};

pub use rupee_primitives::hex::{decode as unhex, decode32 as bytes32, encode as hex};

/// This wallet's own purse as of its last sync (what the chain held then): what it can pay.
pub fn own_certificate(wallet: &Wallet) -> Result<PurseCertificate, Error> {
	let text = wallet.state.certificate.as_deref().ok_or(Error::NoPurse)?;
	PurseCertificate::from_text(text)
		.map_err(|error| Error::Codec("purse certificate".into(), error))
}

/// This wallet's own purse proof, from its last sync.
pub fn own_proof(wallet: &Wallet) -> Result<PurseProof, Error> {
	let bytes = wallet.state.proof.as_deref().and_then(unhex).ok_or(Error::NoProof)?;
	PurseProof::decode(&mut &bytes[..])
		.map_err(|_| Error::Codec("purse proof".into(), VoucherCodecError::Malformed))
}

/// What the purse can still pay offline: the escrow at the last sync less the vouchers signed
/// and not known to be redeemed.
pub fn spendable(wallet: &Wallet) -> Result<Balance, Error> {
	let certificate = own_certificate(wallet)?;
	// Vouchers of this purse not known to be paid (a retired purse's vouchers are its own).
	let outstanding: Balance = wallet
		.state
		.sent
		.iter()
		.filter(|sent| !sent.redeemed)
		.filter(|sent| match Voucher::from_text(&sent.voucher) {
			Ok(voucher) => voucher.body.device_key == certificate.device_key,
			Err(_) => true,
		})
		.map(|sent| sent.amount)
		.sum();
	Ok(certificate.escrow.saturating_sub(outstanding))
}

/// Sign a voucher paying `payee` `amount` from this wallet's purse and wrap it with the
/// purse's proof. The counter is persisted before the voucher exists, and the voucher is
/// recorded before it is returned.
pub fn pay(
	wallet: &mut Wallet,
	payee: [u8; 32],
	amount: Balance,
	now: u64,
) -> Result<PaymentPayload, Error> {
	pay_with_reference(wallet, payee, amount, None, now)
}

/// [`pay`], recording the payee's `reference` (from a payment request) with the voucher.
pub fn pay_with_reference(
	wallet: &mut Wallet,
	payee: [u8; 32],
	amount: Balance,
	reference: Option<String>,
	now: u64,
) -> Result<PaymentPayload, Error> {
	let device = keys::device(wallet)?;
	let certificate = own_certificate(wallet)?;
	let proof = own_proof(wallet)?;
	let statement = &proof.statement;
	let refuse = |error| Err(Error::Pay(error));
	if amount == 0 {
		return refuse(PayError::ZeroAmount);
	}
	if payee == certificate.owner {
		return refuse(PayError::PaysOwner);
	}
	if amount < rupee_primitives::voucher::MIN_VOUCHER_AMOUNT {
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
	let left = spendable(wallet)?;
	if amount > left {
		return refuse(PayError::InsufficientPurse { left });
	}
	let counter = wallet.reserve_counter()?;
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
		&device,
	);
	wallet.state.sent.push(SentVoucher {
		voucher: voucher.to_text(),
		counter,
		payee: hex(&payee),
		amount,
		redeemed: false,
		reference,
		receipt: None,
	});
	wallet.save()?;
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
	pub fn from_text(text: &str) -> Result<Self, Error> {
		if text.trim().get(..4).is_some_and(|prefix| prefix.eq_ignore_ascii_case("RPV1")) {
			return Voucher::from_text(text)
				.map(Self::Voucher)
				.map_err(|error| Error::Codec("voucher".into(), error));
		}
		PaymentPayload::from_text(text)
			.map(Self::Payload)
			.map_err(|error| Error::Codec("payment code".into(), error))
	}

	pub fn voucher(&self) -> &Voucher {
		match self {
			Self::Payload(payload) => &payload.voucher,
			Self::Voucher(voucher) => voucher,
		}
	}
}

/// Check `payment` offline as its payee `me` and keep its voucher for redemption. Nothing is
/// stored if it fails. `limits` are this wallet's offline risk limits.
pub fn receive(
	wallet: &mut Wallet,
	payment: &Payment,
	me: [u8; 32],
	now: u64,
	limits: &RiskLimits,
) -> Result<(), Error> {
	let reject = |error| Err(Error::Receive(error));
	let voucher = payment.voucher();
	let body = &voucher.body;
	let genesis = wallet.state.genesis_hash.as_deref().and_then(bytes32).ok_or(Error::NotSynced)?;
	let synced_at = wallet.state.synced_at.ok_or(Error::NotSynced)?;
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
	let known = wallet.state.peers.get(&device_key).cloned();
	let known_proof = known
		.as_ref()
		.and_then(|peer| peer.proof.as_deref())
		.and_then(unhex)
		.and_then(|bytes| PurseProof::decode(&mut &bytes[..]).ok());
	let proof = match (payment, known_proof.clone()) {
		(Payment::Payload(payload), _) => payload.proof.clone(),
		(Payment::Voucher(_), Some(proof)) => proof,
		(Payment::Voucher(_), None) => return reject(ReceiveError::NoProof),
	};
	let proved = PaymentPayload::new(voucher.clone(), proof.clone());
	match proved.verify(&wallet.state.attester_sets, &genesis) {
		Ok(()) => {},
		Err(PayloadError::WrongChain) => return reject(ReceiveError::WrongChain),
		Err(PayloadError::ProofOfAnotherPurse) => return reject(ReceiveError::ProofOfAnotherPurse),
		Err(PayloadError::Proof(ProofError::UnknownSet(set_id))) => {
			return reject(ReceiveError::CannotVerify { set_id })
		},
		Err(PayloadError::Proof(_)) => return reject(ReceiveError::ForgedProof),
	}
	let statement = &proof.statement;
	if wallet.state.revoked.contains(&device_key) {
		return reject(ReceiveError::Revoked);
	}
	if now.saturating_sub(synced_at) > limits.max_list_age_ms {
		return reject(ReceiveError::StaleList { hours: (now - synced_at) / 3_600_000 });
	}
	if body.amount == 0 {
		return reject(ReceiveError::ZeroAmount);
	}
	if body.amount < rupee_primitives::voucher::MIN_VOUCHER_AMOUNT {
		return reject(ReceiveError::BelowMinimum);
	}
	if body.counter >= rupee_primitives::voucher::MAX_VOUCHERS_PER_PURSE {
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
	let pending: Vec<&ReceivedVoucher> = wallet
		.state
		.received
		.iter()
		.filter(|received| received.status == ReceivedStatus::Pending)
		.collect();
	let from_purse: Vec<&&ReceivedVoucher> =
		pending.iter().filter(|received| received.device_key == device_key).collect();
	let purse_value: Balance = from_purse.iter().map(|received| received.amount).sum();
	let total_value: Balance = pending.iter().map(|received| received.amount).sum();
	let risk = |what: String| Err(Error::Receive(ReceiveError::RiskLimit(what)));
	if purse_value.saturating_add(body.amount) > limits.per_purse_value {
		return risk(format!(
			"you would hold {} offline from this payer, more than {}",
			format_amount(purse_value.saturating_add(body.amount)),
			format_amount(limits.per_purse_value)
		));
	}
	if from_purse.len() as u32 >= limits.per_purse_count {
		return risk(format!("you hold {} vouchers from this payer already", from_purse.len()));
	}
	if total_value.saturating_add(body.amount) > limits.total_value {
		return risk(format!(
			"you would hold {} in offline payments, more than {}",
			format_amount(total_value.saturating_add(body.amount)),
			format_amount(limits.total_value)
		));
	}
	if pending.len() as u32 >= limits.total_count {
		return risk(format!("you hold {} offline payments already", pending.len()));
	}
	peer.proof = Some(hex(&best.encode()));
	peer.counters.insert(body.counter);
	peer.total = received;
	wallet.state.peers.insert(device_key.clone(), peer);
	wallet.state.received.push(ReceivedVoucher {
		voucher: voucher.to_text(),
		device_key,
		counter: body.counter,
		amount: body.amount,
		received_at: now,
		status: ReceivedStatus::Pending,
	});
	wallet.save()
}

/// Received vouchers the next `redeem` submits: pending ones and those refused for a reason
/// that may pass.
pub fn redeemable(wallet: &Wallet) -> Vec<Voucher> {
	wallet
		.state
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

#[cfg(test)]
mod tests {
	use super::*;
	use crate::store::PassphraseSource;
	use rupee_primitives::purse_proof::{AttesterSet, AttesterSignature, PurseStatement};
	use sp_core::ed25519;

	const GENESIS: [u8; 32] = [5; 32];
	const NOW: u64 = 1_800_000_000_000;
	const PAYEE: [u8; 32] = [9; 32];
	const OWNER: [u8; 32] = [1; 32];

	fn validators() -> Vec<ed25519::Pair> {
		(0..4).map(|n| ed25519::Pair::from_seed(&[100 + n; 32])).collect()
	}

	fn set() -> AttesterSet {
		AttesterSet {
			set_id: 2,
			authorities: validators().iter().map(|p| (p.public().0, 1)).collect(),
		}
	}

	/// `statement` signed by the validators `signers` of set 2 (or by `forger`'s keys).
	fn prove(
		statement: PurseStatement,
		signers: &[u32],
		forger: Option<&ed25519::Pair>,
	) -> PurseProof {
		let payload = statement.signing_payload(2);
		let validators = validators();
		let signatures = signers
			.iter()
			.map(|&authority| AttesterSignature {
				authority,
				signature: forger.unwrap_or(&validators[authority as usize]).sign(&payload).0,
			})
			.collect();
		PurseProof { statement, set_id: 2, signatures }
	}

	fn statement(device_key: [u8; 32], escrow: Balance) -> PurseStatement {
		PurseStatement {
			genesis_hash: GENESIS,
			device_key,
			owner: OWNER,
			escrow,
			voucher_cap: 100_000,
			expires_at: NOW + 1_000,
			block: 10,
			funded_at: NOW - 1_000,
		}
	}

	fn payer_wallet(dir: &std::path::Path, escrow: Balance) -> Wallet {
		let mut wallet = Wallet::open(dir)
			.unwrap()
			.with_passphrase(PassphraseSource::Given("payer's passphrase".to_string().into()));
		let device = keys::ensure_device(&mut wallet).unwrap();
		wallet.state.genesis_hash = Some(hex(&GENESIS));
		wallet.state.certificate = Some(
			PurseCertificate {
				version: VOUCHER_VERSION,
				genesis_hash: GENESIS,
				device_key: device.0,
				owner: OWNER,
				escrow,
				voucher_cap: 100_000,
				expires_at: NOW + 1_000,
				synced_block: 10,
			}
			.to_text(),
		);
		wallet.state.proof =
			Some(hex(&prove(statement(device.0, escrow), &[0, 1, 3], None).encode()));
		wallet.save().unwrap();
		wallet
	}

	fn payee_wallet(dir: &std::path::Path) -> Wallet {
		let mut wallet = Wallet::open(dir).unwrap();
		wallet.state.genesis_hash = Some(hex(&GENESIS));
		wallet.state.attester_sets = vec![set()];
		wallet.state.synced_at = Some(NOW - 60_000);
		wallet
	}

	fn limits() -> RiskLimits {
		RiskLimits::for_tier(Some(rupee_primitives::Tier::Merchant))
	}

	fn rejected(wallet: &mut Wallet, payment: &Payment, now: u64) -> ReceiveError {
		match receive(wallet, payment, PAYEE, now, &limits()) {
			Err(Error::Receive(error)) => error,
			other => panic!("expected a rejection, got {other:?}"),
		}
	}

	#[test]
	fn a_payment_signed_offline_is_accepted_offline_once() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let payload = pay(&mut payer, PAYEE, 60_000, NOW).unwrap();
		assert_eq!(payload.voucher.body.counter, 0);
		assert_eq!(spendable(&payer).unwrap(), 90_000);
		// One code to show: voucher and proof.
		let Payment::Payload(read) = Payment::from_text(&payload.to_text()).unwrap() else {
			panic!("a payment code is a payload")
		};
		assert_eq!(read, payload);

		let mut payee = payee_wallet(payee_dir.path());
		receive(&mut payee, &Payment::Payload(payload.clone()), PAYEE, NOW, &limits()).unwrap();
		assert_eq!(redeemable(&payee), vec![payload.voucher.clone()]);
		assert_eq!(
			rejected(&mut payee, &Payment::Payload(payload.clone()), NOW),
			ReceiveError::CounterSeen { counter: 0 }
		);
		// The next one may come bare: the wallet kept the proof it checked.
		let second = pay(&mut payer, PAYEE, 60_000, NOW).unwrap();
		receive(&mut payee, &Payment::Voucher(second.voucher), PAYEE, NOW, &limits()).unwrap();
		assert_eq!(redeemable(&payee).len(), 2);
	}

	#[test]
	fn the_payer_wallet_refuses_what_the_purse_cannot_pay() {
		let dir = tempfile::tempdir().unwrap();
		let mut payer = payer_wallet(dir.path(), 150_000);
		let refused =
			|wallet: &mut Wallet, payee, amount, now| match pay(wallet, payee, amount, now) {
				Err(Error::Pay(error)) => error,
				other => panic!("expected a refusal, got {other:?}"),
			};
		assert_eq!(refused(&mut payer, PAYEE, 0, NOW), PayError::ZeroAmount);
		assert_eq!(
			refused(&mut payer, PAYEE, 100_001, NOW),
			PayError::OverVoucherCap { cap: 100_000 }
		);
		assert_eq!(refused(&mut payer, OWNER, 100, NOW), PayError::PaysOwner);
		assert_eq!(refused(&mut payer, PAYEE, 99, NOW), PayError::BelowMinimum);
		assert_eq!(refused(&mut payer, PAYEE, 100, NOW + 1_001), PayError::PurseExpired);
		pay(&mut payer, PAYEE, 100_000, NOW).unwrap();
		assert_eq!(
			refused(&mut payer, PAYEE, 50_001, NOW),
			PayError::InsufficientPurse { left: 50_000 }
		);
		// Refusals used no counter; without a proof nothing is signed.
		assert_eq!(payer.state.next_counter, 1);
		payer.state.proof = None;
		assert_eq!(pay(&mut payer, PAYEE, 100, NOW), Err(Error::NoProof));
		assert_eq!(payer.state.next_counter, 1);
	}

	#[test]
	fn a_never_funded_purse_with_a_made_up_proof_is_refused_offline() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut fraud = payer_wallet(payer_dir.path(), 500_000);
		let device = keys::device(&fraud).unwrap().public().0;
		// The fraudster signs its invented purse with keys of its own.
		let forger = ed25519::Pair::from_seed(&[66; 32]);
		let forged = prove(statement(device, 500_000), &[0, 1, 2], Some(&forger));
		fraud.state.proof = Some(hex(&forged.encode()));
		let payload = pay(&mut fraud, PAYEE, 100_000, NOW).unwrap();
		let mut payee = payee_wallet(payee_dir.path());
		assert_eq!(
			rejected(&mut payee, &Payment::Payload(payload.clone()), NOW),
			ReceiveError::ForgedProof
		);
		// Two real validators are not more than two thirds of four.
		let short = PaymentPayload::new(
			payload.voucher.clone(),
			prove(statement(device, 500_000), &[0, 1], None),
		);
		assert_eq!(rejected(&mut payee, &Payment::Payload(short), NOW), ReceiveError::ForgedProof);
		// A bare voucher of a purse never seen: nothing to check it against.
		assert_eq!(
			rejected(&mut payee, &Payment::Voucher(payload.voucher), NOW),
			ReceiveError::NoProof
		);
		assert!(payee.state.received.is_empty());
	}

	#[test]
	fn a_real_purse_with_inflated_figures_is_refused_offline() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let payload = pay(&mut payer, PAYEE, 100_000, NOW).unwrap();
		let mut payee = payee_wallet(payee_dir.path());
		for inflate in [
			|s: &mut PurseStatement| s.escrow *= 10,
			|s: &mut PurseStatement| s.voucher_cap *= 10,
			|s: &mut PurseStatement| s.expires_at += 86_400_000,
			|s: &mut PurseStatement| s.owner = [2; 32],
		] {
			let mut inflated = payload.clone();
			inflate(&mut inflated.proof.statement);
			assert_eq!(
				rejected(&mut payee, &Payment::Payload(inflated), NOW),
				ReceiveError::ForgedProof
			);
		}
		// A proof of another (real) purse beside this voucher.
		let other = PaymentPayload::new(
			payload.voucher.clone(),
			prove(statement([3; 32], 150_000), &[0, 1, 2], None),
		);
		assert_eq!(
			rejected(&mut payee, &Payment::Payload(other), NOW),
			ReceiveError::ProofOfAnotherPurse
		);
		receive(&mut payee, &Payment::Payload(payload), PAYEE, NOW, &limits()).unwrap();
	}

	#[test]
	fn the_payee_wallet_checks_everything_offline() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let good = Payment::Payload(pay(&mut payer, PAYEE, 100_000, NOW).unwrap());
		let mut payee = payee_wallet(payee_dir.path());
		assert_eq!(
			match receive(&mut payee, &good, [8; 32], NOW, &limits()) {
				Err(Error::Receive(error)) => error,
				other => panic!("{other:?}"),
			},
			ReceiveError::NotForMe
		);
		assert_eq!(rejected(&mut payee, &good, NOW + 1_001), ReceiveError::Expired);
		assert_eq!(
			rejected(&mut payee, &good, NOW - MAX_CLOCK_SKEW_MS - 1),
			ReceiveError::ClockSkew
		);
		let Payment::Payload(payload) = &good else { unreachable!() };
		let mut tampered = payload.clone();
		tampered.voucher.body.amount = 1;
		assert_eq!(
			rejected(&mut payee, &Payment::Payload(tampered), NOW),
			ReceiveError::BadSignature
		);
		// A set this wallet never synced: it says it cannot tell, never that it is valid.
		payee.state.attester_sets = vec![AttesterSet { set_id: 1, ..set() }];
		assert_eq!(rejected(&mut payee, &good, NOW), ReceiveError::CannotVerify { set_id: 2 });
		payee.state.attester_sets = vec![set()];
		payee.state.genesis_hash = Some(hex(&[6; 32]));
		assert_eq!(rejected(&mut payee, &good, NOW), ReceiveError::WrongChain);
		payee.state.genesis_hash = Some(hex(&GENESIS));
		payee.state.revoked.insert(hex(&payload.voucher.body.device_key));
		assert_eq!(rejected(&mut payee, &good, NOW), ReceiveError::Revoked);
		payee.state.revoked.clear();
		payee.state.synced_at = Some(NOW - limits().max_list_age_ms - 1);
		assert_eq!(rejected(&mut payee, &good, NOW), ReceiveError::StaleList { hours: 23 });
		payee.state.synced_at = Some(NOW);
		receive(&mut payee, &good, PAYEE, NOW, &limits()).unwrap();
		// A dishonest payer signs beyond its escrow with a fresh counter (its wallet would not,
		// so the state is edited): the running total against the proof catches it.
		payer.state.sent.clear();
		let over = Payment::Payload(pay(&mut payer, PAYEE, 60_000, NOW).unwrap());
		assert_eq!(
			rejected(&mut payee, &over, NOW),
			ReceiveError::OverEscrow { escrow: 150_000, received: 160_000 }
		);
		assert_eq!(payee.state.received.len(), 1);
		let unsynced_dir = tempfile::tempdir().unwrap();
		let mut unsynced = Wallet::open(unsynced_dir.path()).unwrap();
		assert_eq!(receive(&mut unsynced, &good, PAYEE, NOW, &limits()), Err(Error::NotSynced));
	}

	#[test]
	fn the_payee_stops_at_its_risk_limits() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let mut payee = payee_wallet(payee_dir.path());
		let tight = RiskLimits { per_purse_value: 50_000, per_purse_count: 2, ..limits() };
		let first = Payment::Payload(pay(&mut payer, PAYEE, 30_000, NOW).unwrap());
		receive(&mut payee, &first, PAYEE, NOW, &tight).unwrap();
		let second = Payment::Payload(pay(&mut payer, PAYEE, 30_000, NOW).unwrap());
		match receive(&mut payee, &second, PAYEE, NOW, &tight) {
			Err(Error::Receive(ReceiveError::RiskLimit(what))) => {
				assert!(what.contains("from this payer"), "{what}")
			},
			other => panic!("{other:?}"),
		}
		let small = Payment::Payload(pay(&mut payer, PAYEE, 10_000, NOW).unwrap());
		receive(&mut payee, &small, PAYEE, NOW, &tight).unwrap();
		let third = Payment::Payload(pay(&mut payer, PAYEE, 100, NOW).unwrap());
		assert!(matches!(
			receive(&mut payee, &third, PAYEE, NOW, &tight),
			Err(Error::Receive(ReceiveError::RiskLimit(_)))
		));
	}
}
