//! The wallet's end-to-end tests: the `rupee-wallet` binary against real nodes.
//!
//! Every test file of `tests/` is a module of this one binary (`autotests = false` in
//! Cargo.toml): the runtime and the clients are linked once, not once per file. Run one file's
//! tests with `cargo test --release --test wallet_e2e <file>::`.

mod cli;
#[path = "../../node/tests/common/mod.rs"]
mod common;

mod offline_payments;
mod online_commands;
mod pilot_runbook;
mod readme;
mod two_tier;
