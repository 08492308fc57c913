#!/usr/bin/env bash
# The quick checks that run before the tests (scripts/test.sh) and stand alone:
#   1. formatting: `cargo fmt --all --check` (rustfmt.toml);
#   2. feature propagation: `zepter` (the SDK's tool) checks that `std`, `runtime-benchmarks` and
#      `try-runtime` reach every dependency that has them, so each crate builds with a feature
#      on its own (.config/zepter.yaml);
#   3. documentation: `cargo doc` of the primitives, pallets and runtime APIs with broken and
#      private intra-doc links denied (these docs end up in the metadata wallet developers read);
#   4. the wallet links no runtime code: `cargo tree -p rupee-wallet` (dev-dependencies too)
#      names no rupee-runtime, pallet or FRAME crate (it works from the committed metadata).
# Seconds when warm; the first run installs zepter (about a minute) and checks the
# dependencies' metadata for rustdoc once (about 3 minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/env.sh"
cd "$RUPEE_ROOT"

ZEPTER_VERSION=1.88.0
tools="${RUPEE_TOOLS:-$(dirname "$CARGO_TARGET_DIR")/rupee-tools}"
start=$(date +%s)

echo "[check] formatting (cargo fmt --all --check)"
if ! cargo fmt --all --check >/dev/null; then
	cargo fmt --all --check | head -40 || true
	echo "[check] FAILED: run 'cargo fmt --all'"
	exit 1
fi

if ! "$tools/bin/zepter" --version 2>/dev/null | grep -q "$ZEPTER_VERSION"; then
	echo "[check] installing zepter $ZEPTER_VERSION into $tools (cargo install --locked)"
	cargo install --quiet --locked --root "$tools" zepter --version "=$ZEPTER_VERSION"
fi
echo "[check] feature propagation (zepter run check)"
if ! "$tools/bin/zepter" --quiet run check; then
	echo "[check] FAILED: '$tools/bin/zepter' fixes it ('zepter run default' applies the fixes)"
	exit 1
fi

echo "[check] the wallet without the runtime (cargo tree -p rupee-wallet)"
tree=$(cargo tree --locked -p rupee-wallet --prefix none) || {
	echo "[check] FAILED: cargo tree -p rupee-wallet"
	exit 1
}
runtime_crates=$(grep -E '^(rupee-runtime|pallet-[a-z0-9-]+|frame-support|frame-system|frame-executive) ' \
	<<<"$tree" | sort -u || true)
if [ -n "$runtime_crates" ]; then
	echo "[check] FAILED: rupee-wallet depends on runtime code:"
	echo "$runtime_crates"
	exit 1
fi
echo "[check] documentation links (cargo doc, broken and private intra-doc links denied)"
# The crates whose docs reach wallet developers: the protocol, the wallet core, the primitives, the pallets (their docs are the
# chain's metadata), the runtime APIs and the JSON-RPC traits. About 3 minutes the first time (the dependencies'
# metadata is checked for rustdoc once, under target/debug), seconds after.
docs=(rupee-protocol rupee-wallet-core rupee-primitives pallet-kyc pallet-rupee pallet-vouchers pallet-validators
	pallet-kyc-runtime-api pallet-rupee-runtime-api pallet-vouchers-runtime-api rupee-rpc-api)
SKIP_WASM_BUILD=1 RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links -D rustdoc::private_intra_doc_links" \
	cargo doc --quiet --locked --no-deps --keep-going "${docs[@]/#/-p=}"
echo "[check] passed in $(($(date +%s) - start)) s"
