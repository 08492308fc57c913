//! Genesis presets: the starting state of the `development`, `local_testnet` and `pilot` chains.
//!
//! The node turns each preset into a chain spec (`rupee-node build-spec --chain dev|local|pilot`);
//! the committed specs in `chain-spec/` are generated from these functions.
//!
//! The development and local chains start with a small economy so a newcomer can pay at once
//! (well-known dev keys, `//Name`):
//!
//! | account | role | KYC provider | tier | opening balance |
//! |---|---|---|---|---|
//! | Alice | central bank: issuer, KYC provider for banks | Alice | Institution | 0 |
//! | Bob | Bank A: KYC provider, reserve | Alice | Institution | 10,000,000 PKR |
//! | Charlie | Bank B: KYC provider, reserve | Alice | Institution | 10,000,000 PKR |
//! | Dave | citizen, linked to Bank A | Bob | L0 | 10,000 PKR |
//! | Eve | citizen, linked to Bank B | Charlie | L1 | 50,000 PKR |
//! | Ferdie | merchant, linked to Bank A | Bob | Merchant | 0 |
//!
//! The supply ceiling is 1,000,000,000 PKR. KYC records expire on 2036-01-01.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use rupee_primitives::{rupees, Balance, Tier};
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::crypto::UncheckedFrom;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

use crate::{
	opaque::SessionKeys, AccountId, BlockNumber, BoardMembershipConfig, KycConfig,
	RuntimeGenesisConfig, RupeeConfig, SessionConfig, SudoConfig, ValidatorsConfig,
};

/// Name of the preset banks copy to start a pilot network.
pub const PILOT_RUNTIME_PRESET: &str = "pilot";

/// Number of validator slots in the pilot template.
pub const PILOT_VALIDATOR_SLOTS: u8 = 4;

/// When the development economy's KYC records lapse: 2036-01-01T00:00:00Z, in ms.
pub const DEV_KYC_EXPIRY: u64 = 2_082_758_400_000;

/// The development supply ceiling.
pub const DEV_SUPPLY_CEILING: Balance = rupees(1_000_000_000);

/// One validator: its account (a bank's) and its session keys.
#[derive(Clone)]
pub struct Validator {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// Who holds what at genesis, beyond the validators.
struct Economy {
	issuer: Option<AccountId>,
	supply_ceiling: Balance,
	providers: Vec<AccountId>,
	/// `(account, provider, tier, expires_at, linked bank)`.
	accounts: Vec<(AccountId, AccountId, Tier, u64, Option<AccountId>)>,
	balances: Vec<(AccountId, Balance)>,
}

impl Economy {
	fn empty() -> Self {
		Economy {
			issuer: None,
			supply_ceiling: 0,
			providers: vec![],
			accounts: vec![],
			balances: vec![],
		}
	}

	/// The development economy of the table in the module docs.
	fn development() -> Self {
		use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
		let id = |k: Sr25519Keyring| k.to_account_id();
		let account = |who, provider, tier, bank: Option<Sr25519Keyring>| {
			(id(who), id(provider), tier, DEV_KYC_EXPIRY, bank.map(id))
		};
		Economy {
			issuer: Some(id(Alice)),
			supply_ceiling: DEV_SUPPLY_CEILING,
			providers: vec![id(Alice), id(Bob), id(Charlie)],
			accounts: vec![
				account(Alice, Alice, Tier::Institution, None),
				account(Bob, Alice, Tier::Institution, None),
				account(Charlie, Alice, Tier::Institution, None),
				account(Dave, Bob, Tier::L0, Some(Bob)),
				account(Eve, Charlie, Tier::L1, Some(Charlie)),
				account(Ferdie, Bob, Tier::Merchant, Some(Bob)),
			],
			balances: vec![
				(id(Bob), rupees(10_000_000)),
				(id(Charlie), rupees(10_000_000)),
				(id(Dave), rupees(10_000)),
				(id(Eve), rupees(50_000)),
			],
		}
	}
}

/// The genesis every preset shares: validators, the Board's governors, the economy, and an
/// optional sudo key that only the development chain sets, and the blocks per session (`None`:
/// the runtime's default, an hour).
fn genesis(
	validators: Vec<Validator>,
	governors: Vec<AccountId>,
	sudo: Option<AccountId>,
	economy: Economy,
	session_length: Option<BlockNumber>,
) -> Value {
	assert!(!validators.is_empty(), "a chain needs at least one validator");
	assert!(!governors.is_empty(), "a chain needs a Board");
	build_struct_json_patch!(RuntimeGenesisConfig {
		board_membership: BoardMembershipConfig {
			members: governors.try_into().expect("governors within the Board's MaxMembers"),
		},
		// Aura's and GRANDPA's authorities come from the first session.
		validators: ValidatorsConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect(),
			session_length,
		},
		session: SessionConfig {
			keys: validators
				.iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura.clone(), grandpa: v.grandpa.clone() };
					(v.account.clone(), v.account.clone(), keys)
				})
				.collect(),
		},
		sudo: SudoConfig { key: sudo },
		kyc: KycConfig { providers: economy.providers, accounts: economy.accounts },
		rupee: RupeeConfig {
			issuer: economy.issuer,
			supply_ceiling: economy.supply_ceiling,
			balances: economy.balances,
		},
	})
}

/// The well-known development validators, in order: Alice, Bob, Charlie, Dave. Aura uses the
/// sr25519 key and GRANDPA the ed25519 key derived from the same `//Name` seed, which is what
/// `rupee-node --alice` (and `--bob`, ...) puts in the node's keystore.
pub fn dev_validators(count: usize) -> Vec<Validator> {
	use sp_keyring::Ed25519Keyring as Ed;
	[
		(Sr25519Keyring::Alice, Ed::Alice),
		(Sr25519Keyring::Bob, Ed::Bob),
		(Sr25519Keyring::Charlie, Ed::Charlie),
		(Sr25519Keyring::Dave, Ed::Dave),
	]
	.into_iter()
	.take(count)
	.map(|(sr, ed)| Validator {
		account: sr.to_account_id(),
		aura: sr.public().into(),
		grandpa: ed.public().into(),
	})
	.collect()
}

/// `development`: one validator (Alice) that starts producing blocks at once; Alice is the
/// one-member Board and holds sudo, so a newcomer can govern alone.
fn development_genesis() -> Value {
	let alice = Sr25519Keyring::Alice.to_account_id();
	genesis(dev_validators(1), vec![alice.clone()], Some(alice), Economy::development(), None)
}

/// Blocks per session of the `local` test network: a validator the Board adds or removes
/// joins or leaves within two sessions (40 s). Other chains use the runtime's default, an hour.
pub const LOCAL_SESSION_LENGTH: BlockNumber = 10;

/// `local_testnet`: four validators (Alice, Bob, Charlie, Dave) on one machine; a Board of
/// Alice, Bob and Charlie (two of them pass a two-thirds motion); no sudo; sessions of
/// [`LOCAL_SESSION_LENGTH`] blocks.
fn local_testnet_genesis() -> Value {
	use Sr25519Keyring::{Alice, Bob, Charlie};
	let board = vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()];
	genesis(dev_validators(4), board, None, Economy::development(), Some(LOCAL_SESSION_LENGTH))
}

/// Number of governor slots in the pilot template.
pub const PILOT_GOVERNOR_SLOTS: u8 = 3;

/// The placeholder account of pilot governor slot `slot`: the byte `0xB0 + slot` repeated.
/// Nobody holds its secret; the central bank replaces it with its governors' accounts.
pub fn pilot_governor_placeholder(slot: u8) -> AccountId {
	AccountId::from([0xB0 + slot; 32])
}

/// The placeholder account and keys of pilot validator slot `slot`: the byte `slot` repeated.
/// Nobody holds their secrets; `scripts/pilot-spec.py` replaces them with a bank's.
pub fn pilot_placeholder(slot: u8) -> Validator {
	let raw = [slot; 32];
	Validator {
		account: AccountId::from(raw),
		aura: AuraId::unchecked_from(raw),
		grandpa: GrandpaId::unchecked_from(raw),
	}
}

/// `pilot`: the template for a network of banks. Validator keys and the Board's governors are
/// placeholders; no sudo, no providers, no money: the Board accredits the banks and sets the
/// ceiling and issuer.
fn pilot_genesis() -> Value {
	genesis(
		(1..=PILOT_VALIDATOR_SLOTS).map(pilot_placeholder).collect(),
		(1..=PILOT_GOVERNOR_SLOTS).map(pilot_governor_placeholder).collect(),
		None,
		Economy::empty(),
		None,
	)
}

/// The genesis patch of a preset, as JSON bytes; `None` for an unknown preset name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEV_RUNTIME_PRESET => development_genesis(),
		LOCAL_TESTNET_RUNTIME_PRESET => local_testnet_genesis(),
		PILOT_RUNTIME_PRESET => pilot_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(DEV_RUNTIME_PRESET),
		PresetId::from(LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PILOT_RUNTIME_PRESET),
	]
}
