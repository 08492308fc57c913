//! The genesis presets build real genesis state for the runtime, each with the validator set
//! and sudo policy it promises, and the runtime's configuration passes its integrity checks.

use crate::common;

use common::genesis_state;
use frame_support::traits::IntegrityTest;
use rupee_runtime::{
	genesis_config_presets::{get_preset, preset_names, PILOT_RUNTIME_PRESET},
	AllPalletsWithSystem, Runtime, SS58_PREFIX, VERSION,
};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};
use sp_keyring::Sr25519Keyring;

fn authorities() -> (usize, usize) {
	(
		pallet_aura::Authorities::<Runtime>::get().len(),
		pallet_grandpa::Pallet::<Runtime>::grandpa_authorities().len(),
	)
}

#[test]
fn development_has_one_validator_and_alice_as_sudo() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(authorities(), (1, 1));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));
	});
}

#[test]
fn local_testnet_has_four_validators_and_no_sudo() {
	genesis_state(LOCAL_TESTNET_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(authorities(), (4, 4));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn pilot_has_placeholder_validators_and_no_sudo() {
	genesis_state(PILOT_RUNTIME_PRESET).execute_with(|| {
		assert_eq!(authorities(), (4, 4));
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), None);
	});
}

#[test]
fn preset_names_are_listed_and_unknown_names_refused() {
	assert_eq!(preset_names(), vec!["development", "local_testnet", "pilot"]);
	assert!(get_preset(&"mainnet".into()).is_none());
}

#[test]
fn runtime_configuration_is_consistent() {
	genesis_state(DEV_RUNTIME_PRESET).execute_with(|| {
		// Checks block weights and lengths, and every pallet's own configuration checks.
		AllPalletsWithSystem::integrity_test();
	});
	assert_eq!(VERSION.spec_name, "rupee");
	assert_ne!(SS58_PREFIX, 42, "the chain needs an address prefix of its own");
	assert_eq!(<Runtime as frame_system::Config>::SS58Prefix::get(), SS58_PREFIX,);
}
