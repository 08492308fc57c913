//! # The Digital Rupee runtime
//!
//! The state-transition function of the Digital Rupee chain: a permissioned, central-bank-issued
//! currency ledger (symbol `PKR`, 2 decimals) produced by Aura and finalized by GRANDPA.
//!
//! * [`configs`]: every pallet's configuration, one place for the chain's policy numbers.
//! * [`apis`]: the runtime APIs the node and the wallets call.
//! * [`genesis_config_presets`]: the `development`, `local_testnet` and `pilot` genesis presets.
//!
//! Versioning rule: bump [`VERSION`]`.spec_version` on every runtime change, and
//! `transaction_version` whenever a call index, a call's arguments or the transaction extension
//! pipeline ([`TxExtension`]) changes encoding. Clients keep this runtime's metadata: after a
//! change, `UPDATE_WALLET_METADATA=1 cargo test --release --workspace --test node_e2e
//! wallet_metadata::` rewrites the wallet's (`wallet/metadata/rupee.scale`), and `npx papi add`
//! in `web/` the console's (docs/console.md); their tests fail until both are committed.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

/// The upgrade-test blob (see `build.rs`): this runtime with `spec_version` one higher, for the
/// end-to-end test of a runtime upgrade. Only its path: the node does not embed it.
#[cfg(feature = "std")]
pub mod upgrade_test_wasm {
	mod blob {
		#![allow(dead_code)]
		include!(concat!(env!("OUT_DIR"), "/rupee_runtime_upgrade_test"));
	}
	pub use blob::WASM_BINARY_PATH;
}

extern crate alloc;

// The runtime macros expand to code that names `Vec` unqualified.
use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "std")]
pub mod client;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::{runtime_version, RuntimeVersion};

pub use frame_system::Call as SystemCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// A block number.
pub type BlockNumber = u32;

/// The signature scheme of transactions (sr25519 for wallets, ed25519/ecdsa accepted).
pub type Signature = MultiSignature;

/// An account: the public key of the transaction signing scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;

/// An amount of digital rupees in paisa (1 PKR = 100 paisa).
pub type Balance = u128;

/// The count of transactions an account has signed.
pub type Nonce = u32;

/// A hash of some data used by the chain.
pub type Hash = sp_core::H256;

pub use rupee_primitives::Balance as RupeeBalance;

/// The ticker symbol reported in the chain properties.
pub const TOKEN_SYMBOL: &str = "PKR";

/// Decimal places of [`Balance`]: amounts are counted in paisa.
pub const TOKEN_DECIMALS: u8 = 2;

/// The SS58 address prefix of the chain. Addresses start with a prefix of their own, so a
/// rupee address is never mistaken for a generic Substrate (42) or Polkadot (0) one.
pub const SS58_PREFIX: u16 = 1947;

/// Opaque types the node uses without knowing the runtime's concrete types, so that it keeps
/// syncing across runtime upgrades that change the extrinsic format.
pub mod opaque {
	use super::*;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The session keys of a validator: an Aura key to author blocks and a GRANDPA key to
		/// vote on finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}

/// Declares [`VERSION`]; `spec_version` is a literal because `#[runtime_version]` also writes
/// it into the wasm blob's `runtime_version` section.
macro_rules! declare_version {
	($spec_version:tt) => {
		/// The runtime version. See the crate docs for when to bump which field.
		#[runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("rupee"),
			impl_name: alloc::borrow::Cow::Borrowed("rupee-runtime"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 1,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-test"))]
declare_version!(116);
// The upgrade-test blob: this runtime, one spec version higher. Bump both together.
#[cfg(feature = "upgrade-test")]
declare_version!(117);

/// Target block time. Two seconds, not the SDK's six: a payment at a shop counter should be
/// final in a few seconds (GRANDPA finalizes one to two blocks behind the head). The weight
/// budget in [`configs`] is sized to this slot.
pub const MILLISECS_PER_BLOCK: u64 = 2000;

/// Aura slot length. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;

/// Blocks per minute, hour and day at the target block time.
pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
pub const HOURS: BlockNumber = MINUTES * 60;
pub const DAYS: BlockNumber = HOURS * 24;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	/// The validator set, changed by the Board (declared before `Session`, which asks it).
	#[runtime::pallet_index(17)]
	pub type Validators = pallet_validators;

	/// Sessions: at each one the validator set and its keys reach Aura and GRANDPA (declared
	/// before them so a session change comes first in a block).
	#[runtime::pallet_index(18)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	/// Only the `development` preset sets a sudo key; `local_testnet` and `pilot` leave it
	/// empty. There no signer can reach it (the gate lets only the key sign `Sudo.*`); only
	/// Root could install a key, and Root is two thirds of the Board twice over (the
	/// whitelist), which could as well replace the runtime.
	#[runtime::pallet_index(9)]
	pub type Sudo = pallet_sudo;

	/// Permissioned accounts: KYC providers, tiers, limits, the transaction-pool gate.
	#[runtime::pallet_index(10)]
	pub type Kyc = pallet_kyc;

	/// The digital rupee ledger: issuance, transfers, limits, enforcement, escrow.
	#[runtime::pallet_index(11)]
	pub type Rupee = pallet_rupee;

	/// Offline payments: purses, vouchers, double-spend handling.
	#[runtime::pallet_index(12)]
	pub type Vouchers = pallet_vouchers;

	/// The central bank's Board: governors propose, vote and execute motions.
	#[runtime::pallet_index(13)]
	pub type Board = pallet_collective<Instance1>;

	/// Who sits on the Board; changed only by a Board motion.
	#[runtime::pallet_index(14)]
	pub type BoardMembership = pallet_membership<Instance1>;

	/// Large motions (a runtime for an upgrade) stored by hash.
	#[runtime::pallet_index(15)]
	pub type Preimage = pallet_preimage;

	/// The Board's path to Root: whitelist a call's hash, then dispatch it.
	#[runtime::pallet_index(16)]
	pub type Whitelist = pallet_whitelist;

	/// Delayed execution of the Board's decisions (a call at a set block).
	#[runtime::pallet_index(19)]
	pub type Scheduler = pallet_scheduler;

	/// An empty currency for the deposits `pallet-preimage` and `pallet-session` are written
	/// against; nobody holds any and its calls are disabled (see `configs/governance.rs`).
	#[runtime::pallet_index(20)]
	#[runtime::disable_call]
	pub type Deposits = pallet_balances;
}

/// The address format for describing accounts.
pub type Address = MultiAddress<AccountId, ()>;

/// Block header type as expected by this runtime.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;

/// Block type as expected by this runtime.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extension pipeline, in order. Every signed transaction carries the data of
/// each step: adding, removing or reordering a step changes the transaction encoding, so bump
/// `transaction_version` with it. Signed transactions pay no fee: there is no gas token; the
/// KYC gate and its per-tier rate limit keep blocks from being flooded.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	// Before the nonce check: an outsider is refused with the gate's own code.
	pallet_kyc::CheckPermission<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	// `frame_system::CheckNonce` with the tier's rate limit: same identifier and encoding.
	pallet_kyc::CheckNonceInWindow<Runtime>,
	frame_system::CheckWeight<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type as expected by this runtime.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload being signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Runtime migrations run on upgrade, beside the pallets' own.
#[allow(unused_parens)]
type Migrations = (
	pallet_kyc::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_vouchers::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_vouchers::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_vouchers::migrations::v4::MigrateV3ToV4<Runtime>,
);

/// Executive: dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[cfg(feature = "runtime-benchmarks")]
mod benches {
	frame_benchmarking::define_benchmarks!(
		[frame_benchmarking, BaselineBench::<Runtime>]
		[frame_system, SystemBench::<Runtime>]
		[frame_system_extensions, SystemExtensionsBench::<Runtime>]
		[pallet_timestamp, Timestamp]
		[pallet_sudo, Sudo]
		[pallet_kyc, Kyc]
		[pallet_rupee, Rupee]
		[pallet_vouchers, Vouchers]
		[pallet_validators, Validators]
	);
}
