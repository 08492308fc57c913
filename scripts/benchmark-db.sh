#!/usr/bin/env bash
# Measures what a block costs on this machine, below the pallets:
#   1. a dev chain is filled by the load benchmark (4,000 customers, 20,000 payments: blocks of
#      several hundred transfers and a state of ~12,000 keys);
#   2. `rupee-node benchmark storage` on its ParityDB -> runtime/src/weights/paritydb_weights.rs
#      (read: one key; write: per key, amortised over commits of 1,000, about a full block);
#   3. `rupee-node benchmark block` re-executes its full blocks: the import time of a block of
#      payments, against the weight it was charged (docs/performance.md uses both).
#   scripts/benchmark-db.sh
# Builds rupee-node with `--features runtime-benchmarks` like scripts/benchmark-pallets.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"
cd "$RUPEE_ROOT"
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
echo "[bench] building rupee-node with runtime-benchmarks, and the load generator"
cargo build --release --locked -p rupee-node --features runtime-benchmarks
cp "$CARGO_TARGET_DIR/release/rupee-node" "$CARGO_TARGET_DIR/release/rupee-node-benchmarks"
node="$CARGO_TARGET_DIR/release/rupee-node-benchmarks"
rupee_build
tool="$CARGO_TARGET_DIR/release/examples/bench_load"

base=$(mktemp -d /var/tmp/rupee-dbbench-XXXXXX)
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$base"' EXIT
"$node" export-chain-spec --chain dev --raw >"$base/dev.json" 2>/dev/null
port=$(( 40000 + RANDOM % 5000 ))
"$node" --chain "$base/dev.json" --alice --validator --force-authoring \
	--unsafe-force-node-key-generation --base-path "$base/db" --rpc-port "$port" \
	--port $(( port + 1 )) --no-prometheus --no-telemetry --no-mdns --state-pruning archive \
	--pool-limit 65536 --pool-kbytes 262144 >"$base/node.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
	grep -q "Running JSON-RPC" "$base/node.log" && break
	sleep 1
done
sleep 3
"$tool" --url "ws://127.0.0.1:$port" | tail -n 1
kill -INT $pid; wait $pid || true

echo "[bench] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
"$node" benchmark storage --chain "$base/dev.json" --base-path "$base/db" --database paritydb \
	--state-version 1 --batch-size 1000 --weight-path runtime/src/weights/
# The generated file names crates the runtime does not depend on directly.
sed -i 's/use sp_core::parameter_types;/use frame_support::parameter_types;/;
	s/use sp_weights::RuntimeDbWeight;/use frame_support::weights::RuntimeDbWeight;/;
	s/use sp_weights::constants;/use frame_support::weights::constants;/' \
	runtime/src/weights/paritydb_weights.rs

# Full blocks of the load: re-executed three times each.
full=$(grep "Prepared block" "$base/node.log" | sed -n 's/.*at \([0-9]*\) (.*extrinsics_count: \([0-9]*\).*/\1 \2/p' |
	awk '$2 > 300 {print $1}')
first=$(echo "$full" | head -n 1)
last=$(echo "$full" | tail -n 1)
echo "[bench] re-executing blocks $first..$last"
"$node" benchmark block --chain "$base/dev.json" --base-path "$base/db" --database paritydb \
	--from "$first" --to "$last" --repeat 3 2>&1 | grep "Block "
