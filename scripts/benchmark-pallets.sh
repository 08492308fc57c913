#!/usr/bin/env bash
# Measures the weights of our pallets on this machine and writes their weights.rs:
#   scripts/benchmark-pallets.sh            pallet_kyc, pallet_rupee, pallet_vouchers, pallet_validators
#   scripts/benchmark-pallets.sh pallet_kyc one pallet
# Builds rupee-node with `--features runtime-benchmarks` in the shared target directory: crates
# the feature does not touch (networking, wasmtime, ...) are reused, the FRAME crates are
# built a second time. The next ordinary build relinks the node and rebuilds the runtime.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"

pallets=("${@:-pallet_kyc pallet_rupee pallet_vouchers pallet_validators}")
read -r -a pallets <<<"${pallets[*]}"

echo "[bench] building rupee-node with runtime-benchmarks"
# frame-benchmarking-cli brings a test runtime of its own (for `benchmark storage` on a
# parachain); its wasm is not needed here and cannot be built outside its own workspace.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
(cd "$RUPEE_ROOT" && cargo build --release --locked -p rupee-node --features runtime-benchmarks)
node="$CARGO_TARGET_DIR/release/rupee-node"

echo "[bench] machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for pallet in "${pallets[@]}"; do
	dir="${pallet#pallet_}"
	echo "[bench] $pallet -> pallets/$dir/src/weights.rs"
	"$node" benchmark pallet \
		--runtime "$CARGO_TARGET_DIR/release/wbuild/rupee-runtime/rupee_runtime.compact.compressed.wasm" \
		--genesis-builder=runtime --genesis-builder-preset=development \
		--pallet "$pallet" --extrinsic '*' \
		--steps 50 --repeat 20 \
		--template "$RUPEE_ROOT/scripts/weight-template.hbs" \
		--output "$RUPEE_ROOT/pallets/$dir/src/weights.rs"
done
