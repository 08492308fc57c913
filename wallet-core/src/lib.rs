//! # Digital Rupee wallet core
//!
//! What a wallet does with no network and no files, written once for the `rupee-wallet` CLI and
//! the citizen's web app (compiled to WebAssembly in `web-wallet/wasm`):
//!
//! * [`qr`]: payment codes as QR codes, made and read.
//! * [`keystore`]: keys at rest, encrypted with a passphrase in the polkadot.js keystore format.

pub mod keystore;
pub mod qr;
