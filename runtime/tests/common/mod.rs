//! Shared by the runtime tests: genesis state built from a preset as the node builds it.

use rupee_runtime::{genesis_config_presets::get_preset, BuildStorage, RuntimeGenesisConfig};
use serde_json::Value;

/// Merge a preset's patch into the default genesis, as the node does for a chain spec.
fn merge(base: &mut Value, patch: Value) {
	match (base, patch) {
		(Value::Object(base), Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// The genesis state of `preset`.
pub fn genesis_state(preset: &str) -> sp_io::TestExternalities {
	let patch: Value = serde_json::from_slice(&get_preset(&preset.into()).unwrap()).unwrap();
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	config.build_storage().unwrap().into()
}
