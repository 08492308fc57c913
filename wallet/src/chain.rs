//! The chain as this wallet knows it without its runtime code: the metadata of the runtime it
//! was built for (`metadata/rupee.scale`, committed; a node test fails when it drifts from the
//! built runtime), the calls, events and storage generated from it ([`api`]), and signing
//! through `subxt` for the transaction extensions that metadata names.

use sp_core::{sr25519, Pair as _};
use subxt::{
	client::OfflineClientAtBlock,
	config::{
		substrate::{BlakeTwo256, SubstrateHeader},
		DefaultExtrinsicParamsBuilder, DefaultTransactionExtensions, HashFor,
	},
	utils::{AccountId32, MultiAddress, MultiSignature, H256},
	ArcMetadata, Metadata, OfflineClient,
};

use crate::error::Error;

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
		path = "rupee_protocol::voucher::Voucher",
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

/// A `subxt` client with no connection, for the runtime and the block of `context`.
fn offline_at(context: &SigningContext) -> Result<OfflineClientAtBlock<RupeeConfig>, Error> {
	let config = RupeeConfig { context: context.clone(), metadata: metadata() };
	OfflineClient::new_with_config(config)
		.at_block(context.block_number)
		.map_err(|error| Error::Rpc(format!("no metadata for this chain's runtime: {error}")))
}

/// `call` signed by `signer` with `nonce` in `context`: the extrinsic's bytes as blocks hold
/// them. A call this runtime's metadata does not have is refused.
pub fn sign<Call: subxt::tx::Payload>(
	call: &Call,
	signer: &sr25519::Pair,
	nonce: u32,
	context: &SigningContext,
) -> Result<Vec<u8>, Error> {
	let at = offline_at(context)?;
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
	offline_at(context)?
		.tx()
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
/// runtime/src/configs/gate.rs; the chain has no proof-size limit of its own). A node test
/// (`wallet_metadata.rs`) checks [`motion_weight`] against the gate's.
const MOTION_PROOF_SIZE: u64 = 16 * 1024 * 1024;

/// The weight bound a `Board.close` claims for its motion's call: the most the KYC gate lets a
/// motion claim (`Board.MaxProposalWeight`'s time, [`MOTION_PROOF_SIZE`]), as the web console
/// does. The wallet has no runtime code to weigh the call itself; the chain charges only what
/// the call used.
pub fn motion_weight() -> rt::sp_weights::weight_v2::Weight {
	let most: rt::sp_weights::weight_v2::Weight = constant("Board", "MaxProposalWeight");
	rt::sp_weights::weight_v2::Weight { ref_time: most.ref_time, proof_size: MOTION_PROOF_SIZE }
}

/// The version of the runtime this wallet was built for: `System.Version` in its metadata.
pub fn runtime_version() -> rt::sp_version::RuntimeVersion {
	constant("System", "Version")
}

/// The transaction version of the runtime this wallet was built for. A chain whose runtime
/// runs another one may encode calls differently.
pub fn transaction_version() -> u32 {
	runtime_version().transaction_version
}

/// The pallets whose calls the wallet signs (by their index and the call's index) and whose
/// errors it explains.
pub const PALLETS_USED: &[&str] = &["System", "Rupee", "Kyc", "Vouchers", "Board", "Validators"];

/// The storage the wallet reads (`Pallet.Item`), as `value_key`, `account_key` and
/// `identity_key` address it. `System.Events` holds every event of every pallet.
pub const STORAGE_READ: &[(&str, &str)] = &[
	("System", "Account"),
	("System", "Events"),
	("Timestamp", "Now"),
	("Board", "Members"),
	("Board", "Proposals"),
	("Board", "ProposalOf"),
	("Board", "Voting"),
];

/// The constants the wallet reads: their values must be the chain's too (`System.Version` is
/// the node's to report, only its layout counts).
pub const CONSTANTS_READ: &[(&str, &str)] =
	&[("System", "Version"), ("Vouchers", "MaxBatch"), ("Board", "MaxProposalWeight")];

/// What of the runtime described by `theirs` (another runtime's metadata) this wallet would
/// misread or mis-sign, laid out position by position ([`crate::layout`]): the transaction
/// extensions it signs, the index, calls and errors of each of [`PALLETS_USED`], the storage of
/// [`STORAGE_READ`] (hashers, keys and values; `System.Events` covers every event) and the
/// constants of [`CONSTANTS_READ`]. `None` if all of it is the same, whatever else changed (a
/// new pallet, a call of a pallet the wallet does not use, another storage item).
pub fn changed_in(theirs: &Metadata) -> Option<String> {
	let ours = metadata();
	let layout = |metadata: &Metadata, id: Option<u32>| {
		let calls = metadata.outer_enums().call_enum_ty();
		id.map(|id| crate::layout::layout_hash(metadata.types(), id, &[calls]))
	};
	let extensions =
		|metadata: &Metadata| -> Option<Vec<(String, Option<[u8; 32]>, Option<[u8; 32]>)>> {
			let extensions = metadata.extrinsic().transaction_extensions_by_version(0)?;
			Some(
				extensions
					.map(|extension| {
						(
							extension.identifier().to_string(),
							layout(metadata, Some(extension.extra_ty())),
							layout(metadata, Some(extension.additional_ty())),
						)
					})
					.collect(),
			)
		};
	if extensions(&ours) != extensions(theirs) {
		return Some("the transaction format (its extensions)".into());
	}
	for name in PALLETS_USED {
		let pallet = |metadata: &Metadata| {
			metadata.pallet_by_name(name).map(|pallet| {
				(
					pallet.call_index(),
					pallet.error_index(),
					layout(metadata, pallet.call_ty_id()),
					layout(metadata, pallet.error_ty_id()),
				)
			})
		};
		if pallet(&ours) != pallet(theirs) {
			return Some(format!("the calls or errors of {name}"));
		}
	}
	for (pallet, item) in STORAGE_READ {
		let entry = |metadata: &Metadata| {
			let entry = metadata.pallet_by_name(pallet)?.storage()?.entry_by_name(item)?;
			let keys: Vec<_> = entry
				.keys()
				.map(|key| (format!("{:?}", key.hasher), layout(metadata, Some(key.key_id))))
				.collect();
			Some((keys, layout(metadata, Some(entry.value_ty()))))
		};
		if entry(&ours) != entry(theirs) {
			return Some(format!("the storage {pallet}.{item}"));
		}
	}
	for (pallet, name) in CONSTANTS_READ {
		let constant = |metadata: &Metadata| {
			let constant = metadata.pallet_by_name(pallet)?.constant_by_name(name)?;
			let value = (*pallet, *name) != ("System", "Version");
			Some((layout(metadata, Some(constant.ty())), value.then(|| constant.value().to_vec())))
		};
		if constant(&ours) != constant(theirs) {
			return Some(format!("the constant {pallet}.{name}"));
		}
	}
	None
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn the_committed_metadata_matches_its_generated_api() {
		assert!(api::is_codegen_valid_for(&metadata()));
	}

	#[test]
	fn a_runtime_that_changes_what_the_wallet_reads_is_told_apart() {
		use frame_metadata::{v16::RuntimeMetadataV16, RuntimeMetadata, RuntimeMetadataPrefixed};
		use subxt::ext::codec::{Decode, Encode};
		let same = Metadata::decode_from(METADATA).unwrap();
		assert_eq!(changed_in(&same), None);
		for (pallet, item) in STORAGE_READ {
			let found = same.pallet_by_name(pallet).and_then(|p| p.storage()?.entry_by_name(item));
			assert!(found.is_some(), "{pallet}.{item} is in the metadata");
		}
		for (pallet, name) in CONSTANTS_READ {
			let found = same.pallet_by_name(pallet).and_then(|p| p.constant_by_name(name));
			assert!(found.is_some(), "{pallet}.{name} is in the metadata");
		}
		for name in PALLETS_USED {
			assert!(same.pallet_by_name(name).is_some(), "{name} is in the metadata");
		}
		// Another runtime, edited from this one.
		let edit = |change: &dyn Fn(&mut RuntimeMetadataV16)| {
			let mut prefixed = RuntimeMetadataPrefixed::decode(&mut &METADATA[..]).unwrap();
			let RuntimeMetadata::V16(ref mut v16) = prefixed.1 else { panic!("metadata V16") };
			change(v16);
			changed_in(&Metadata::decode_from(&prefixed.encode()).unwrap())
		};
		let variants_of = |v16: &mut RuntimeMetadataV16, id: u32| {
			let ty = v16.types.types.iter_mut().find(|ty| ty.id == id).unwrap();
			match &mut ty.ty.type_def {
				scale_info::TypeDef::Variant(variants) => variants.variants.clone(),
				_ => panic!("an enum"),
			}
		};
		let set_variants = |v16: &mut RuntimeMetadataV16, id: u32, variants| {
			let ty = v16.types.types.iter_mut().find(|ty| ty.id == id).unwrap();
			ty.ty.type_def =
				scale_info::TypeDef::Variant(scale_info::TypeDefVariant::new(variants));
		};
		// Events are read by position: two of the ledger's events swapped.
		let swapped_events = edit(&|v16| {
			let id = v16
				.pallets
				.iter()
				.find(|p| p.name == "Rupee")
				.unwrap()
				.event
				.as_ref()
				.unwrap()
				.ty
				.id;
			let mut variants = variants_of(v16, id);
			let (first, second) = (variants[0].index, variants[1].index);
			(variants[0].index, variants[1].index) = (second, first);
			set_variants(v16, id, variants);
		});
		assert_eq!(swapped_events.as_deref(), Some("the storage System.Events"));
		// Tiers are written by position: L1 and L2 swapped.
		let swapped_tiers = edit(&|v16| {
			let id = v16
				.types
				.types
				.iter()
				.find(|ty| ty.ty.path.segments.last().map(String::as_str) == Some("Tier"))
				.unwrap()
				.id;
			let mut variants = variants_of(v16, id);
			let (first, second) = (variants[1].index, variants[2].index);
			(variants[1].index, variants[2].index) = (second, first);
			set_variants(v16, id, variants);
		});
		assert!(
			swapped_tiers.as_deref().is_some_and(|what| what.starts_with("the calls or errors of")),
			"{swapped_tiers:?}"
		);
		// A constant's value: fewer vouchers per batch.
		let smaller_batch = edit(&|v16| {
			let vouchers = v16.pallets.iter_mut().find(|p| p.name == "Vouchers").unwrap();
			let max = vouchers.constants.iter_mut().find(|c| c.name == "MaxBatch").unwrap();
			max.value = 32u32.encode();
		});
		assert_eq!(smaller_batch.as_deref(), Some("the constant Vouchers.MaxBatch"));
		// What the wallet does not read may change: a storage item of the KYC pallet.
		assert_eq!(
			edit(&|v16| {
				let kyc = v16.pallets.iter_mut().find(|p| p.name == "Kyc").unwrap();
				kyc.storage.as_mut().unwrap().entries.pop();
			}),
			None
		);
		// The pallet's place in a call is its index.
		let moved = edit(&|v16| {
			let rupee = v16.pallets.iter_mut().find(|p| p.name == "Rupee").unwrap();
			rupee.index += 40;
		});
		assert_eq!(moved.as_deref(), Some("the calls or errors of Rupee"));
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
