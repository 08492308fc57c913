#!/usr/bin/env bash
# Builds the citizen's web app's Rust half: web-wallet/wasm (rupee-protocol's vouchers and
# purse proofs, the same code the chain and the CLI run) compiled to WebAssembly for the browser
# and bound to JavaScript by wasm-bindgen, into web-wallet/pkg/.
#   scripts/build-web-wallet.sh
# Installs what it needs: the wasm32-unknown-unknown target (rustup) and wasm-bindgen-cli at
# exactly the wasm-bindgen crate's version in Cargo.lock (cargo install, once: a few minutes).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh" >/dev/null
source "$here/env.sh"
cd "$RUPEE_ROOT"

say() { printf '[web-wallet] %s\n' "$*"; }

toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup target list --installed --toolchain "$toolchain" 2>/dev/null | grep -qx wasm32-unknown-unknown; then
	say "adding the wasm32-unknown-unknown target to Rust $toolchain (rustup target add)"
	rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
fi

bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen" ]; then
	say "installing wasm-bindgen-cli $bindgen (cargo install: the CLI must match the crate)"
	# Its own lock file first; a registry that lacks one of its locked versions gets the
	# newest compatible ones instead.
	cargo install --locked --quiet --version "$bindgen" wasm-bindgen-cli 2>/dev/null \
		|| cargo install --quiet --version "$bindgen" wasm-bindgen-cli
fi

say "building rupee-web-wasm for wasm32-unknown-unknown (profile web)"
cargo build --locked --quiet --profile web -p rupee-web-wasm --target wasm32-unknown-unknown
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/web/rupee_web_wasm.wasm"
wasm-bindgen --target web --out-dir web-wallet/pkg "$wasm"
say "web-wallet/pkg: $(du -h web-wallet/pkg/rupee_web_wasm_bg.wasm | cut -f1) of WebAssembly"
