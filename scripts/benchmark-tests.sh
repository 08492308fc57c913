#!/usr/bin/env bash
# Runs the benchmark test suites (`impl_benchmark_test_suite!`) of our pallets against their
# mock runtimes: every benchmark's setup and call run once at each end of its components' ranges
# and must succeed. Each pallet is built with `runtime-benchmarks` on its own, which also
# proves the feature reaches everything it needs (a missing propagation fails to compile).
#   scripts/benchmark-tests.sh                 all four pallets
#   scripts/benchmark-tests.sh pallet-vouchers one
# Uses a target directory of its own ($CARGO_TARGET_DIR-benchmarks): the feature changes the
# FRAME crates, and sharing the test build's directory would rebuild them there. The first run
# builds those crates in debug mode (several minutes); later runs take seconds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"
cd "$RUPEE_ROOT"

export CARGO_TARGET_DIR="${BENCHMARK_TESTS_TARGET_DIR:-$CARGO_TARGET_DIR-benchmarks}"
# The pallets' mocks need no wasm runtime.
export SKIP_WASM_BUILD=1

pallets=("${@:-pallet-kyc pallet-rupee pallet-vouchers pallet-validators}")
read -r -a pallets <<<"${pallets[*]}"
log="$CARGO_TARGET_DIR/benchmark-tests.log"
mkdir -p "$CARGO_TARGET_DIR"
: >"$log"
status=0
for pallet in "${pallets[@]}"; do
	echo "[benchmark-tests] $pallet (cargo test --features runtime-benchmarks, benchmark suite)"
	if ! cargo test --locked -p "$pallet" --features runtime-benchmarks --lib -- benchmark 2>&1 | tee -a "$log"; then
		status=1
	fi
done
ran=$(grep -c '^test .*benchmark.* ok$' "$log" || true)
failed=$(grep -c '^test .*benchmark.* FAILED$' "$log" || true)
echo "[benchmark-tests] $ran benchmark tests passed, $failed failed (${pallets[*]})"
if [ "$ran" -eq 0 ]; then
	echo "[benchmark-tests] no benchmark test ran"
	status=1
fi
exit "$status"
