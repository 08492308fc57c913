//! Building signed transactions natively, for tests, tools and the wallet: the same
//! transaction-extension pipeline and signing payload the runtime checks.
//!
//! A signature commits to the chain (genesis hash), the runtime it was made for (spec and
//! transaction version: after a runtime upgrade a client must read them from the node, see
//! `state_getRuntimeVersion`) and the transaction's lifetime ([`Lifetime`]).

use codec::Encode;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{generic::Era, traits::IdentifyAccount, MultiSigner};

use crate::{
	Address, Nonce, Runtime, RuntimeCall, Signature, SignedPayload, TxExtension,
	UncheckedExtrinsic, VERSION,
};

/// How long a signed transaction stays valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lifetime {
	/// Until its nonce is used. Fine for tests and tools; a wallet should prefer `Mortal`.
	Immortal,
	/// About `period` blocks from `block_number` (whose hash is `block_hash`), after which the
	/// chain refuses it. `period` is rounded to a power of two between 4 and 4096.
	Mortal { period: u64, block_number: u64, block_hash: H256 },
}

/// What a signature commits to besides the call and the nonce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SigningContext {
	pub genesis_hash: H256,
	pub spec_version: u32,
	pub transaction_version: u32,
	pub lifetime: Lifetime,
	/// The runtime's metadata hash (RFC 78), to sign with `CheckMetadataHash` enabled: the
	/// chain then refuses the signature unless its runtime has exactly this metadata. `None`
	/// signs with the check disabled.
	pub metadata_hash: Option<[u8; 32]>,
}

impl SigningContext {
	/// Immortal transactions for the chain with `genesis_hash`, by the versions of the runtime
	/// compiled into this binary.
	pub fn immortal(genesis_hash: H256) -> Self {
		Self {
			genesis_hash,
			spec_version: VERSION.spec_version,
			transaction_version: VERSION.transaction_version,
			lifetime: Lifetime::Immortal,
			metadata_hash: None,
		}
	}

	/// The era and the block hash the signature commits to for it.
	fn era(&self) -> (Era, H256) {
		match self.lifetime {
			Lifetime::Immortal => (Era::Immortal, self.genesis_hash),
			Lifetime::Mortal { period, block_number, block_hash } => {
				// Up to a period of 4096 an era starts exactly at `block_number`.
				(Era::mortal(period.clamp(4, 4096), block_number), block_hash)
			},
		}
	}
}

/// The extension data of a transaction with `nonce` and `era`, and the metadata hash check
/// enabled or not.
pub fn tx_extension(nonce: Nonce, era: Era, check_metadata: bool) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		pallet_kyc::CheckPermission::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(era),
		pallet_kyc::CheckNonceInWindow::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(check_metadata),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `call` signed by `signer` with `nonce` in `context`.
pub fn sign(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	context: &SigningContext,
) -> UncheckedExtrinsic {
	let (era, era_block) = context.era();
	let extension = tx_extension(nonce, era, context.metadata_hash.is_some());
	let implicit = (
		(),
		(),
		context.spec_version,
		context.transaction_version,
		context.genesis_hash,
		era_block,
		(),
		(),
		context.metadata_hash,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature: Signature = payload.using_encoded(|bytes| signer.sign(bytes)).into();
	let account = MultiSigner::from(signer.public()).into_account();
	UncheckedExtrinsic::new_signed(call, Address::Id(account), signature, extension)
}

/// `call` signed by `signer` with `nonce`, immortal, for the chain with `genesis_hash` running
/// the runtime compiled into this binary.
pub fn signed_extrinsic(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
) -> UncheckedExtrinsic {
	sign(call, signer, nonce, &SigningContext::immortal(genesis_hash))
}
