//! The chain as this wallet knows it without its runtime code: the metadata of the runtime it
//! was built for (`metadata/rupee.scale`, committed; a node test fails when it drifts from the
//! built runtime), the calls, events and storage generated from it ([`api`]), and signing
//! through `subxt` for the transaction extensions that metadata names.

use sp_core::{sr25519, Pair as _};
use subxt::{
	config::{
		substrate::{BlakeTwo256, SubstrateHeader},
		DefaultExtrinsicParamsBuilder, DefaultTransactionExtensions, HashFor,
	},
	utils::{AccountId32, MultiAddress, MultiSignature, H256},
	ArcMetadata, Metadata, OfflineClient,
};

use crate::offline::Error;

/// Calls, events, storage and constants of the runtime this wallet was built for. Every type
/// also has SCALE's own `Encode`/`Decode` (a call's bytes are its motion hash's input; storage
/// values decode as they are), and the chain's shared types are the wallet's own: accounts are
/// `sp_core`'s, tiers and vouchers `rupee_primitives`'.
#[subxt::subxt(
	runtime_metadata_path = "metadata/rupee.scale",
	derive_for_all_types = "Clone, PartialEq, Eq, ::subxt::ext::codec::Encode, ::subxt::ext::codec::Decode",
	attributes_for_all_types = "#[codec(crate = ::subxt::ext::codec)]",
	substitute_type(
		path = "sp_core::crypto::AccountId32",
		with = "::subxt::utils::Static<::sp_core::crypto::AccountId32>"
	),
	substitute_type(
		path = "rupee_primitives::Tier",
		with = "::subxt::utils::Static<::rupee_primitives::Tier>"
	),
	substitute_type(
		path = "rupee_primitives::voucher::Voucher",
		with = "::subxt::utils::Static<::rupee_primitives::voucher::Voucher>"
	),
	substitute_type(
		path = "rupee_primitives::PolicyError",
		with = "::subxt::utils::Static<::rupee_primitives::PolicyError>"
	),
	substitute_type(
		path = "rupee_primitives::views::VoucherRefusal",
		with = "::subxt::utils::Static<::rupee_primitives::views::VoucherRefusal>"
	),
	substitute_type(
		path = "rupee_primitives::views::DoubleSpendKind",
		with = "::subxt::utils::Static<::rupee_primitives::views::DoubleSpendKind>"
	)
)]
pub mod api {}

pub use api::runtime_types as rt;
pub use subxt::utils::Static;

/// An account: sp-core's, as everywhere in the wallet.
pub type AccountId = sp_core::crypto::AccountId32;
/// A block number of this chain.
pub type BlockNumber = u32;
/// A call of this chain (the runtime's `RuntimeCall`), with SCALE's `Encode`/`Decode`.
pub type RuntimeCall = api::Call;
/// An event of this chain (the runtime's `RuntimeEvent`).
pub type RuntimeEvent = api::Event;
/// A dispatch error of a pallet (the runtime's `RuntimeError`).
pub type RuntimeError = api::Error;
/// One entry of `System.Events`.
pub type EventRecord = rt::frame_system::EventRecord<RuntimeEvent, subxt::utils::H256>;

/// The runtime metadata this wallet was built for (SCALE, `RuntimeMetadataPrefixed`).
pub const METADATA: &[u8] = include_bytes!("../metadata/rupee.scale");

/// The metadata, decoded.
pub fn metadata() -> ArcMetadata {
	static DECODED: std::sync::OnceLock<ArcMetadata> = std::sync::OnceLock::new();
	DECODED
		.get_or_init(|| {
			Metadata::decode_from(METADATA).expect("the committed metadata decodes").arc()
		})
		.clone()
}

/// What a signature commits to besides the call: this chain, the runtime version the node runs,
/// and a lifetime of `period` blocks from finalized block `block_number`.
#[derive(Clone, Debug)]
pub struct SigningContext {
	pub genesis_hash: [u8; 32],
	pub spec_version: u32,
	pub transaction_version: u32,
	pub period: u64,
	pub block_number: u64,
	pub block_hash: [u8; 32],
}

/// The chain's types for `subxt`: accounts, addresses and signatures as the runtime has them
/// (`MultiAddress<AccountId32, ()>`, `MultiSignature`), blake2 hashing, and the default
/// transaction extensions, which fill every extension this runtime's metadata lists: the KYC
/// gate (`CheckPermission`) carries no data and `CheckNonceInWindow` is named and encoded as
/// `CheckNonce`. The genesis hash and the versions come from the node; the metadata is the
/// committed one, used only while the node runs the transaction version it describes.
#[derive(Clone, Debug)]
pub struct RupeeConfig {
	context: SigningContext,
	metadata: ArcMetadata,
}

impl subxt::Config for RupeeConfig {
	type AccountId = AccountId32;
	type Address = MultiAddress<AccountId32, ()>;
	type Signature = MultiSignature;
	type Hasher = BlakeTwo256;
	type Header = SubstrateHeader<H256>;
	type TransactionExtensions = DefaultTransactionExtensions<Self>;
	type AssetId = u32;

	fn genesis_hash(&self) -> Option<HashFor<Self>> {
		Some(H256(self.context.genesis_hash))
	}

	fn spec_and_transaction_version_for_block_number(&self, _: u64) -> Option<(u32, u32)> {
		Some((self.context.spec_version, self.context.transaction_version))
	}

	fn metadata_for_spec_version(&self, spec_version: u32) -> Option<ArcMetadata> {
		(spec_version == self.context.spec_version).then(|| self.metadata.clone())
	}
}

/// An sr25519 key signing for `subxt`.
struct Signer<'a>(&'a sr25519::Pair);

impl subxt::tx::Signer<RupeeConfig> for Signer<'_> {
	fn account_id(&self) -> AccountId32 {
		AccountId32(self.0.public().0)
	}

	fn sign(&self, payload: &[u8]) -> MultiSignature {
		MultiSignature::Sr25519(self.0.sign(payload).0)
	}
}

/// `call` signed by `signer` with `nonce` in `context`: the extrinsic's bytes as blocks hold
/// them. A call this runtime's metadata does not have is refused.
pub fn sign<Call: subxt::tx::Payload>(
	call: &Call,
	signer: &sr25519::Pair,
	nonce: u32,
	context: &SigningContext,
) -> Result<Vec<u8>, Error> {
	let config = RupeeConfig { context: context.clone(), metadata: metadata() };
	let at = OfflineClient::new_with_config(config)
		.at_block(context.block_number)
		.map_err(|error| Error::Rpc(format!("cannot sign at this block: {error}")))?;
	let params = DefaultExtrinsicParamsBuilder::<RupeeConfig>::new()
		.nonce(nonce.into())
		.mortal_from_unchecked(context.period, context.block_number, H256(context.block_hash))
		.build();
	let mut transaction = at
		.tx()
		.create_signable_offline(call, params)
		.map_err(|error| Error::Rpc(format!("cannot build the transaction: {error}")))?;
	let signed = transaction
		.sign(&Signer(signer))
		.map_err(|error| Error::Rpc(format!("cannot sign the transaction: {error}")))?;
	Ok(signed.encoded().to_vec())
}

/// A call from its SCALE bytes (pallet index, call index, arguments), checked against this
/// wallet's metadata: what a proposal given as bytes becomes before it is signed.
pub fn call_from_bytes(
	bytes: &[u8],
	context: &SigningContext,
) -> Result<impl subxt::tx::Payload, Error> {
	let config = RupeeConfig { context: context.clone(), metadata: metadata() };
	let at = OfflineClient::new_with_config(config)
		.at_block(context.block_number)
		.map_err(|error| Error::Rpc(format!("cannot read calls at this block: {error}")))?;
	at.tx()
		.from_call_data_bytes(bytes)
		.map_err(|error| Error::BadInput(format!("not a call of this chain: {error}")))
}

/// `Pallet.Item`'s storage key: `twox128(pallet) ++ twox128(item)`.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	[sp_crypto_hashing::twox_128(pallet.as_bytes()), sp_crypto_hashing::twox_128(item.as_bytes())]
		.concat()
}

/// `System.Account`'s key for `who` (its map hasher is `Blake2_128Concat`).
pub fn account_key(who: &AccountId) -> Vec<u8> {
	let who: &[u8] = who.as_ref();
	[value_key("System", "Account"), sp_crypto_hashing::blake2_128(who).to_vec(), who.to_vec()]
		.concat()
}

/// An `Identity`-hashed map's key for `key` (the Board's motions by hash).
pub fn identity_key(pallet: &str, item: &str, key: &[u8]) -> Vec<u8> {
	[value_key(pallet, item), key.to_vec()].concat()
}

/// The same SCALE bytes read as another type (a generated type and the wallet's own).
pub fn recode<A: codec::Encode, B: codec::Decode>(value: &A) -> Option<B> {
	B::decode(&mut &value.encode()[..]).ok()
}

/// A constant of this runtime's metadata, `T` its SCALE type.
fn constant<T: codec::Decode>(pallet: &str, name: &str) -> T {
	let metadata = metadata();
	let constant = metadata
		.pallet_by_name(pallet)
		.and_then(|pallet| pallet.constant_by_name(name))
		.unwrap_or_else(|| panic!("the metadata has {pallet}.{name}"));
	T::decode(&mut constant.value()).unwrap_or_else(|_| panic!("{pallet}.{name} decodes"))
}

/// The most vouchers one `Vouchers.redeem` takes (`Vouchers.MaxBatch`).
pub fn max_batch() -> u32 {
	constant("Vouchers", "MaxBatch")
}

/// The most proof size the KYC gate lets a motion claim (`MOTION_PROOF_SIZE` in
/// runtime/src/configs/gate.rs; the chain has no proof-size limit of its own).
const MOTION_PROOF_SIZE: u64 = 16 * 1024 * 1024;

/// The weight bound a `Board.close` claims for its motion's call: the most the KYC gate lets a
/// motion claim (`Board.MaxProposalWeight`'s time, [`MOTION_PROOF_SIZE`]), as the web console
/// does. The wallet has no runtime code to weigh the call itself; the chain charges only what
/// the call used.
pub fn motion_weight() -> rt::sp_weights::weight_v2::Weight {
	let most: rt::sp_weights::weight_v2::Weight = constant("Board", "MaxProposalWeight");
	rt::sp_weights::weight_v2::Weight { ref_time: most.ref_time, proof_size: MOTION_PROOF_SIZE }
}

/// The transaction version of the runtime this wallet was built for: `System.Version` in its
/// metadata. A chain whose runtime runs another one may encode calls differently.
pub fn transaction_version() -> u32 {
	use subxt::ext::scale_decode::DecodeAsType;
	let metadata = metadata();
	let constant = metadata
		.pallet_by_name("System")
		.and_then(|system| system.constant_by_name("Version"))
		.expect("the metadata has System.Version");
	let version = api::runtime_types::sp_version::RuntimeVersion::decode_as_type(
		&mut constant.value(),
		constant.ty(),
		metadata.types(),
	)
	.expect("System.Version decodes");
	version.transaction_version
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_committed_metadata_matches_its_generated_api() {
		assert!(api::is_codegen_valid_for(&metadata()));
	}

	#[test]
	fn storage_keys_and_constants_are_the_runtimes() {
		// twox128("System") ++ twox128("Events"), as every client knows it.
		assert_eq!(
			crate::offline::hex(&value_key("System", "Events")),
			"0x26aa394eea5630e07c48ae0c9558cef780d41e5e16056765bc8461851072c9d7"
		);
		let alice = AccountId::from([1; 32]);
		let key = account_key(&alice);
		assert_eq!(&key[..32], &value_key("System", "Account")[..]);
		assert_eq!(&key[48..], &[1; 32]);
		assert!(max_batch() > 0);
		assert!(motion_weight().ref_time > 0);
	}
}
