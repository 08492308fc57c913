//! Paying and accepting vouchers with no network (offline payments v2), on this wallet's
//! files: the decisions are `rupee_wallet_core::offline`'s (the web app runs the same code),
//! and each change is saved before a payload is returned.

use rupee_primitives::{purse_proof::PaymentPayload, voucher::Voucher, Balance};

use crate::{error::Error, keys, risk::RiskLimits, store::Wallet};

pub use rupee_primitives::hex::{decode as unhex, decode32 as bytes32, encode as hex};
use rupee_wallet_core::offline as core;
pub use rupee_wallet_core::offline::Payment;

/// This wallet's own purse as of its last sync (what the chain held then): what it can pay.
pub fn own_certificate(
	wallet: &Wallet,
) -> Result<rupee_primitives::voucher::PurseCertificate, Error> {
	Ok(core::own_certificate(&wallet.state)?)
}

/// This wallet's own purse proof, from its last sync.
pub fn own_proof(wallet: &Wallet) -> Result<rupee_primitives::purse_proof::PurseProof, Error> {
	Ok(core::own_proof(&wallet.state)?)
}

/// What the purse can still pay offline: the escrow at the last sync less the vouchers signed
/// and not known to be redeemed.
pub fn spendable(wallet: &Wallet) -> Result<Balance, Error> {
	Ok(core::spendable(&wallet.state)?)
}

/// Sign a voucher paying `payee` `amount` from this wallet's purse and wrap it with the
/// purse's proof. The voucher and the counter it took are saved before it is returned.
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
	let payload = core::pay(&mut wallet.state, &device, payee, amount, reference, now)?;
	wallet.save()?;
	Ok(payload)
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
	core::receive(&mut wallet.state, payment, me, now, limits)?;
	wallet.save()
}

/// Received vouchers the next `redeem` submits: pending ones and those refused for a reason
/// that may pass.
pub fn redeemable(wallet: &Wallet) -> Vec<Voucher> {
	core::redeemable(&wallet.state)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{
		error::{PayError, ReceiveError},
		risk::MAX_CLOCK_SKEW_MS,
		store::PassphraseSource,
	};
	use codec::Encode;
	use rupee_primitives::{
		purse_proof::{AttesterSet, AttesterSignature, PurseProof, PurseStatement},
		voucher::{PurseCertificate, VOUCHER_VERSION},
	};
	use sp_core::{ed25519, Pair};

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

	/// The reason `payment` is refused; a refusal changes nothing in the wallet.
	fn rejected(wallet: &mut Wallet, payment: &Payment, now: u64) -> ReceiveError {
		let before = wallet.state.clone();
		let error = match receive(wallet, payment, PAYEE, now, &limits()) {
			Err(Error::Receive(error)) => error,
			other => panic!("expected a rejection, got {other:?}"),
		};
		assert_eq!(wallet.state, before, "a refused payment changed the wallet");
		error
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
	fn a_kept_proof_no_known_validator_set_verifies_raises_no_ceiling() {
		let (payer_dir, payee_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
		let mut payer = payer_wallet(payer_dir.path(), 150_000);
		let device = payer.device_public().unwrap().0;
		let mut payee = payee_wallet(payee_dir.path());
		// A proof of this purse claiming Rs 10,000, signed by "set 9" (a set a lying node once
		// gave, since dropped), kept as if from an earlier payment.
		let inflated = statement(device, 1_000_000);
		let payload = inflated.signing_payload(9);
		let forgers: Vec<ed25519::Pair> =
			(0..4).map(|n| ed25519::Pair::from_seed(&[200 + n; 32])).collect();
		let signatures = (0..3)
			.map(|authority| AttesterSignature {
				authority,
				signature: forgers[authority as usize].sign(&payload).0,
			})
			.collect();
		let planted = PurseProof { statement: inflated, set_id: 9, signatures };
		payee.state.peers.insert(
			hex(&device),
			rupee_wallet_core::state::PeerPurse {
				proof: Some(hex(&planted.encode())),
				..Default::default()
			},
		);
		let first = Payment::Payload(pay(&mut payer, PAYEE, 100_000, NOW).unwrap());
		receive(&mut payee, &first, PAYEE, NOW, &limits()).unwrap();
		// The payer overspends (its wallet forgot the first voucher): the purse's honest proof
		// (Rs 1,500) is the ceiling, not the planted Rs 10,000.
		payer.state.sent.clear();
		let second = Payment::Payload(pay(&mut payer, PAYEE, 100_000, NOW).unwrap());
		assert_eq!(
			rejected(&mut payee, &second, NOW),
			ReceiveError::OverEscrow { escrow: 150_000, received: 200_000 }
		);
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
				assert!(what.to_string().contains("from this payer"), "{what}")
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
