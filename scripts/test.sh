#!/usr/bin/env bash
# Runs every test: pallet and runtime unit tests, chain-spec checks, and the end-to-end tests
# that start real rupee-node processes (one dev node; four validators on loopback).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"

cd "$RUPEE_ROOT"
echo "[test] building the workspace (release)"
start=$(date +%s)
rupee_build
echo "[test] build took $(( $(date +%s) - start )) s"
echo "[test] running all tests"
# The end-to-end tests start several nodes each; one test binary at a time keeps them within
# this machine's two cores.
log="$CARGO_TARGET_DIR/test-output.log"
set +e
cargo test --release --locked --workspace -- --test-threads=1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run: cargo's own last line is a doc-test binary's "0 passed".
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
	END { printf "Tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
