#!/usr/bin/env bash
# How much voucher state a long run leaves behind: redeems a million one-rupee vouchers (or
# $1 of them), purse after purse, settling each and letting on_idle clear its redemptions, and
# prints the most redemptions stored at once and how many remain (the vouchers pallet's mock
# runtime, real sr25519 signatures). Takes a few minutes on two cores.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/env.sh"
cd "$RUPEE_ROOT"
export RUPEE_BOUNDS_REDEMPTIONS="${1:-1000000}"
echo "[bounds] $(uname -m), $(nproc) cores, commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
# The same build as scripts/test.sh (no second build); only this test runs, in every test
# binary that has it (the vouchers pallet's).
cargo test --release --locked --workspace \
	stored_redemptions_stay_bounded_over_many_redemptions -- --nocapture --test-threads=1
