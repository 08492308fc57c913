#!/usr/bin/env bash
# Times offline voucher signing, verification and the text codec (target: ≤ 1 ms each), and
# prints the machine it ran on.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/env.sh"
cd "$RUPEE_ROOT"
cargo run --release --locked -p rupee-wallet --example voucher_bench
