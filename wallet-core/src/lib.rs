//! # Digital Rupee wallet core
//!
//! What a wallet does with no network and no files, written once for the `rupee-wallet` CLI and
//! the citizen's web app (compiled to WebAssembly in `web-wallet/wasm`):
//!
//! * [`offline`]: sign a voucher from the purse and accept one, fully offline (the validators'
//!   proof, signature, chain, caps, expiry, counter, running total, revocation, risk limits).
//! * [`state`]: what a wallet keeps (no secrets), as the JSON both wallets store.
//! * [`sync`]: what the chain's answers change in it.
//! * [`risk`]: the payee's offline risk limits per tier.
//! * [`amount`]: `1,250.50` in and out.
//! * [`qr`]: payment codes as QR codes, made and read.
//! * [`keystore`]: keys at rest, encrypted with a passphrase in the polkadot.js keystore format.
//! * [`mnemonic`]: an account's twelve words.
//! * [`receipt`]: a payee's signed word that it accepted a voucher.

pub mod amount;
pub mod keystore;
pub mod mnemonic;
pub mod offline;
pub mod qr;
pub mod receipt;
pub mod risk;
pub mod state;
pub mod sync;
