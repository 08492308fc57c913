//! # The chain's custom JSON-RPC methods
//!
//! The `kyc_*`, `rupee_*` and `vouchers_*` methods as `jsonrpsee` traits, with the types they
//! answer. The node implements the `…Server` traits (in the pallets' `rpc` crates); a client
//! calls the `…Client` traits on any `jsonrpsee` client and gets typed answers, so no one reads
//! these answers by key strings. The answers follow [`rupee_primitives::json`]: amounts as
//! decimal strings, "no limit" as `null`, camelCase fields. docs/rpc.md documents each method
//! with an example.
//!
//! Every method takes the block to read at as its last, optional parameter (the best block
//! when it is `null`, or the finalized block where the method says so).

pub mod kyc;
pub mod rupee;
pub mod vouchers;

/// The error code of a runtime API call that failed (e.g. an unknown block).
pub const RUNTIME_ERROR: i32 = 1;
