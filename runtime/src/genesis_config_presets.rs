//! Genesis presets: the starting state of the `development`, `local_testnet` and `pilot` chains.
//!
//! The node turns each preset into a chain spec (`rupee-node build-spec --chain dev|local|pilot`);
//! the committed specs in `chain-spec/` are generated from these functions.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_core::crypto::UncheckedFrom;
use sp_genesis_builder::{PresetId, DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

use crate::{AccountId, AuraConfig, GrandpaConfig, RuntimeGenesisConfig, SudoConfig};

/// Name of the preset banks copy to start a pilot network.
pub const PILOT_RUNTIME_PRESET: &str = "pilot";

/// Number of validator slots in the pilot template.
pub const PILOT_VALIDATOR_SLOTS: u8 = 4;

/// One validator's consensus keys.
#[derive(Clone)]
pub struct Validator {
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// The genesis every preset shares: the validator set, and an optional sudo key that only
/// the development chain sets.
fn genesis(validators: Vec<Validator>, sudo: Option<AccountId>) -> Value {
	assert!(!validators.is_empty(), "a chain needs at least one validator");
	build_struct_json_patch!(RuntimeGenesisConfig {
		aura: AuraConfig { authorities: validators.iter().map(|v| v.aura.clone()).collect() },
		grandpa: GrandpaConfig {
			authorities: validators.iter().map(|v| (v.grandpa.clone(), 1)).collect(),
		},
		sudo: SudoConfig { key: sudo },
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
	.map(|(sr, ed)| Validator { aura: sr.public().into(), grandpa: ed.public().into() })
	.collect()
}

/// `development`: one validator (Alice) that starts producing blocks at once; Alice holds
/// sudo so a newcomer can try privileged calls alone.
fn development_genesis() -> Value {
	genesis(dev_validators(1), Some(Sr25519Keyring::Alice.to_account_id()))
}

/// `local_testnet`: four validators (Alice, Bob, Charlie, Dave) on one machine; no sudo.
fn local_testnet_genesis() -> Value {
	genesis(dev_validators(4), None)
}

/// The placeholder key of pilot validator slot `slot`: the byte `slot` repeated. Nobody holds
/// its secret; `scripts/pilot-spec.sh` replaces it with a bank's real session key.
pub fn pilot_placeholder(slot: u8) -> Validator {
	let raw = [slot; 32];
	Validator {
		aura: AuraId::unchecked_from(raw),
		grandpa: GrandpaId::unchecked_from(raw),
	}
}

/// `pilot`: the template for a network of banks. Validator keys are placeholders; no sudo.
fn pilot_genesis() -> Value {
	genesis((1..=PILOT_VALIDATOR_SLOTS).map(pilot_placeholder).collect(), None)
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
