//! # Digital Rupee wallet library
//!
//! What a citizen's or merchant's wallet app does, with no network for the offline part:
//!
//! * [`store`]: the wallet's state on disk (purse certificate, counters, vouchers sent and
//!   received, the last-synced revocation list) and its encrypted keys, locked while a command
//!   runs and written atomically, so a crash, a restart or two commands at once never reuse a
//!   voucher counter.
//! * [`error`]: everything that can go wrong, as sentences with what to do next, and the CLI's
//!   exit code for each.
//! * [`keys`]: the account's and the purse device's keys.
//! * [`layout`]: whether another runtime lays out what the wallet encodes and decodes as the
//!   one it was built for.
//! * [`keystore`]: keys encrypted with a passphrase in the polkadot.js keystore JSON format.
//! * [`offline`]: sign a voucher to a payee from the purse and show it with the purse's proof
//!   (one payment payload), and check a received one fully offline (the validators' proof,
//!   signature, domain, chain, caps, expiry, counter, running total, revocation, risk limits).
//!   Encoding and the signing payload are `rupee_primitives::voucher`, the code the runtime
//!   verifies with.
//! * [`chain`]: the chain's calls, events and storage, generated from the metadata of the
//!   runtime this wallet was built for (committed in `metadata/`), and signing with `subxt`.
//! * [`online`]: the JSON-RPC side: fund a purse, redeem received vouchers, sync the purse and
//!   the revocation list, read balances.
//! * [`operator`]: what banks, the issuer and governors sign (KYC registrations, mint and burn,
//!   Board motions) and reading the Board's open motions.
//! * [`history`]: an account's payments, read from the events of recent blocks.
//! * [`amount`]: `1,250.50 PKR` in and out.
//! * [`qr`]: a payment code as a QR code PNG, and back from a PNG image.
//! * [`request`]: payment requests (payee, amount, reference as one QR code) and receipts.
//! * [`risk`]: the payee's offline risk limits per tier.
//! * [`keystore`]: keys at rest in the polkadot.js keystore format (from `rupee-wallet-core`,
//!   which the web app shares).

pub mod amount;
pub mod chain;
pub mod error;
pub mod history;
pub mod keys;
pub mod layout;
pub mod offline;
pub mod online;
pub mod operator;
pub mod qr;
pub mod request;
pub mod store;

pub use rupee_wallet_core::{keystore, risk};

pub use rupee_primitives::{
	purse_proof::{PaymentPayload, PurseProof},
	voucher::{PurseCertificate, Voucher, VoucherBody},
	Balance,
};

/// Now, in ms since the epoch: the wallet's clock (vouchers' times, key files' creation time).
pub fn now_ms() -> u64 {
	std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|elapsed| elapsed.as_millis() as u64)
		.unwrap_or(0)
}
