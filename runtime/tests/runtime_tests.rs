//! The runtime's integration tests: the real runtime's genesis, gate, governance and weights.
//!
//! Every test file of `tests/` is a module of this one binary (`autotests = false` in
//! Cargo.toml): the runtime and the clients are linked once, not once per file. Run one file's
//! tests with `cargo test --release --test runtime_tests <file>::`.

mod common;

mod genesis_presets;
mod governance;
mod kyc_gate;
mod weights;
