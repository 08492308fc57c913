//! Weights measured for this runtime's environment rather than a pallet: the database.
//! Pallet weights live with their pallets (`pallets/*/src/weights.rs`).

// Generated; its doc comments sit on struct fields inside `parameter_types!`.
#[allow(unused_doc_comments)]
pub mod paritydb_weights;
