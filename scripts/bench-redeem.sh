#!/usr/bin/env bash
# Voucher redemption throughput on a real dev node: starts `rupee-node --dev` on a temporary
# database, funds a purse, signs N vouchers and redeems them in batches, and prints vouchers
# redeemed and finalized per second, plus the wallet's sign and verify time per voucher.
#   scripts/bench-redeem.sh [N]     (default 8192: two purses of 4,096 one-rupee vouchers)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"
count="${1:-8192}"

cd "$RUPEE_ROOT"
echo "[bench] building (workspace, with examples)"
cargo build --release --locked --workspace --examples
port=$(( 40000 + RANDOM % 5000 ))
base=$(mktemp -d /var/tmp/rupee-bench-XXXXXX)
"$CARGO_TARGET_DIR/release/rupee-node" --dev --base-path "$base" --rpc-port "$port" \
	--port $(( port + 1 )) --no-prometheus --no-telemetry --no-mdns \
	>"$base/node.log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -rf "$base"' EXIT
for _ in $(seq 1 120); do
	curl -s -H 'Content-Type: application/json' -d '{"id":1,"jsonrpc":"2.0","method":"system_health"}' \
		"http://127.0.0.1:$port" >/dev/null 2>&1 && break
	sleep 0.5
done
echo "[bench] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"
"$CARGO_TARGET_DIR/release/examples/bench_redeem" "ws://127.0.0.1:$port" "$count"
