#!/usr/bin/env bash
# Installs what building rupee-node needs on a fresh Debian machine, and says what it does:
#   - protobuf-compiler (Debian package): the network crates compile .proto files;
#   - libssl-dev and pkg-config (Debian packages): the node links the system's OpenSSL;
#   - the wasm32v1-none target and rust-src (rustup): the runtime is built to WebAssembly.
# rustup here does not auto-install what rust-toolchain.toml names, so this does it.
# Safe to run again: anything already present is skipped.
set -euo pipefail

say() { printf '[setup] %s\n' "$*"; }

missing=()
command -v protoc >/dev/null 2>&1 || missing+=(protobuf-compiler)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
# The system's OpenSSL is linked instead of compiling a vendored copy (.cargo/config.toml).
pkg-config --exists openssl 2>/dev/null || missing+=(libssl-dev)
if [ ${#missing[@]} -gt 0 ]; then
	say "installing ${missing[*]} (apt-get)"
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
say "protoc: $(protoc --version); OpenSSL $(pkg-config --modversion openssl) (system)"

toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$(dirname "$0")/../rust-toolchain.toml")
if ! rustup toolchain list | grep -q "^$toolchain"; then
	# rustup will not download it (auto-install is off); the machine's stable is the same
	# release on these machines, so link it under the pinned name if the versions match.
	stable=$(rustc +stable --version 2>/dev/null | awk '{print $2}')
	if [ "$stable" = "$toolchain" ]; then
		say "linking the installed stable Rust $stable as toolchain $toolchain"
		rustup toolchain link "$toolchain" "$(rustc +stable --print sysroot)"
	else
		say "Rust $toolchain (rust-toolchain.toml) is not installed and stable is $stable: run 'rustup toolchain install $toolchain'"
		exit 1
	fi
fi
if ! rustup target list --installed --toolchain "$toolchain" 2>/dev/null | grep -qx wasm32v1-none; then
	say "adding the wasm32v1-none target to Rust $toolchain (rustup target add)"
	rustup target add --toolchain "$toolchain" wasm32v1-none
fi
if ! rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^rust-src'; then
	say "adding rust-src to Rust $toolchain (rustup component add)"
	rustup component add --toolchain "$toolchain" rust-src
fi
if ! rustup component list --installed --toolchain "$toolchain" 2>/dev/null | grep -q '^rustfmt'; then
	say "adding rustfmt to Rust $toolchain (rustup component add; scripts/check.sh checks formatting)"
	rustup component add --toolchain "$toolchain" rustfmt
fi
say "rust: $(rustc --version); wasm32v1-none, rust-src and rustfmt present"
