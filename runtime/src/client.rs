//! Building signed transactions natively, for tests, tools and the wallet: the same
//! transaction-extension pipeline and signing payload the runtime checks.

use codec::Encode;
use sp_core::{sr25519, Pair, H256};
use sp_runtime::{generic::Era, traits::IdentifyAccount, MultiSigner};

use crate::{
	Address, Nonce, Runtime, RuntimeCall, Signature, SignedPayload, TxExtension,
	UncheckedExtrinsic, VERSION,
};

/// The extension data of an immortal transaction with `nonce`.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		pallet_kyc::CheckPermission::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// `call` signed by `signer` with `nonce`, for the chain with `genesis_hash`, by this
/// runtime's spec and transaction versions. Immortal: valid until the nonce is used.
pub fn signed_extrinsic(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: Nonce,
	genesis_hash: H256,
) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce);
	let implicit = (
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis_hash,
		genesis_hash,
		(),
		(),
		None,
		(),
	);
	let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
	let signature: Signature = payload.using_encoded(|bytes| signer.sign(bytes)).into();
	let account = MultiSigner::from(signer.public()).into_account();
	UncheckedExtrinsic::new_signed(call, Address::Id(account), signature, extension)
}
