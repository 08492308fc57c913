//! The built-in chains, each built from a genesis preset of the runtime.

use rupee_runtime::{
	genesis_config_presets::PILOT_RUNTIME_PRESET, SS58_PREFIX, TOKEN_DECIMALS, TOKEN_SYMBOL,
	WASM_BINARY,
};
use sc_service::{ChainType, Properties};
use sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET};

/// The chain specification type of this node: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Chain properties wallets read (`system_properties`): symbol, decimals, address prefix.
pub fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY.ok_or_else(|| {
		"this rupee-node was built without its runtime (SKIP_WASM_BUILD); rebuild it without \
		 that variable"
			.to_string()
	})?;
	Ok(ChainSpec::builder(wasm, Default::default())
		.with_name(name)
		.with_id(id)
		.with_protocol_id("rupee")
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `dev`: one validator (Alice), starts producing blocks at once.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Digital Rupee Development",
		"rupee_dev",
		ChainType::Development,
		DEV_RUNTIME_PRESET,
	)
}

/// `local`: four validators (Alice, Bob, Charlie, Dave) on one machine.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Digital Rupee Local",
		"rupee_local",
		ChainType::Local,
		LOCAL_TESTNET_RUNTIME_PRESET,
	)
}

/// `pilot`: the template banks start from; validator keys are placeholders.
pub fn pilot() -> Result<ChainSpec, String> {
	from_preset("Digital Rupee Pilot", "rupee_pilot", ChainType::Live, PILOT_RUNTIME_PRESET)
}

/// Resolve a `--chain` value: a built-in name or a path to a chain spec JSON file.
pub fn load(id: &str) -> Result<Box<dyn sc_service::ChainSpec>, String> {
	Ok(match id {
		"" | "dev" => Box::new(development()?),
		"local" => Box::new(local_testnet()?),
		"pilot" => Box::new(pilot()?),
		path => {
			let path = std::path::PathBuf::from(path);
			if !path.exists() {
				return Err(format!(
					"unknown chain `{id}`: use `dev`, `local`, `pilot` or the path of a chain \
					 spec JSON file"
				));
			}
			Box::new(ChainSpec::from_json_file(path.clone()).map_err(|error| {
				format!("chain spec file {} is not valid: {error}", path.display())
			})?)
		},
	})
}
