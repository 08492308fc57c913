# Sourced by the other scripts: one target directory and one set of flags for every build, so
# `cargo build` and `cargo test` share their compiled dependencies.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-/var/tmp/rupee-target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
unset SKIP_WASM_BUILD
RUPEE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUPEE_NODE="$CARGO_TARGET_DIR/release/rupee-node"
export RUPEE_ROOT RUPEE_NODE
# The runtime's wasm build looks for Cargo.lock above the target dir; ours is elsewhere.
export WASM_BUILD_WORKSPACE_HINT="$RUPEE_ROOT"

# Build the node and everything else in the workspace in release mode, tests included. The
# tests' dev-dependencies (subxt, merkleized-metadata, ...) switch on features of crates the
# node shares; building every target at once gives the node binary the same feature set
# `cargo test` uses, so the dev node and the tests are one build, not two.
rupee_build() {
	(cd "$RUPEE_ROOT" && cargo build --release --locked --workspace --all-targets)
}
