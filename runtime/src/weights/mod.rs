//! Weights of this runtime's environment rather than a pallet: the database, and GRANDPA's
//! published formulas priced with it. Our pallets' weights live with them
//! (`pallets/*/src/weights.rs`); the SDK pallets use their published `SubstrateWeight`.

// Generated; its doc comments sit on struct fields inside `parameter_types!`.
pub mod grandpa;
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
