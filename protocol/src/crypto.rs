//! The two signature checks the protocol needs. On chain (`host-crypto`) they are the host's
//! functions, as every runtime's are; elsewhere (`full-crypto`: the wallet, the browser)
//! sp-core's own code, the very code the host function runs natively.

use sp_core::{ed25519, sr25519};

#[cfg(not(any(feature = "host-crypto", feature = "full-crypto")))]
compile_error!("rupee-protocol checks signatures with `host-crypto` or `full-crypto`: enable one");

/// Whether `signature` is `signer`'s sr25519 signature (Substrate's signing context) of
/// `message`.
pub fn sr25519_verify(signature: &[u8; 64], message: &[u8], signer: &[u8; 32]) -> bool {
	let signature = sr25519::Signature::from_raw(*signature);
	let signer = sr25519::Public::from_raw(*signer);
	#[cfg(feature = "host-crypto")]
	return sp_io::crypto::sr25519_verify(&signature, message, &signer);
	#[cfg(not(feature = "host-crypto"))]
	return <sr25519::Pair as sp_core::Pair>::verify(&signature, message, &signer);
}

/// Whether `signature` is `signer`'s ed25519 signature of `message`.
pub fn ed25519_verify(signature: &[u8; 64], message: &[u8], signer: &[u8; 32]) -> bool {
	let signature = ed25519::Signature::from_raw(*signature);
	let signer = ed25519::Public::from_raw(*signer);
	#[cfg(feature = "host-crypto")]
	return sp_io::crypto::ed25519_verify(&signature, message, &signer);
	#[cfg(not(feature = "host-crypto"))]
	return <ed25519::Pair as sp_core::Pair>::verify(&signature, message, &signer);
}
