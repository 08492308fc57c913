#!/usr/bin/env bash
# Runs every test: the quick checks (scripts/check.sh: formatting, feature propagation, doc
# links), pallet and runtime unit tests, chain-spec checks, and the end-to-end tests that start
# real rupee-node processes (one dev node; four validators on loopback).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"

cd "$RUPEE_ROOT"
# Formatting, feature propagation and documentation links first: seconds when warm. A failure
# there fails the run at the end, but does not hide the tests' results.
checks=ok
"$here/check.sh" || checks=failed
# The standard-client tests: @polkadot/api from npm, pinned by clients/polkadot-js's lock file.
if ! command -v npm >/dev/null 2>&1; then
	echo "[test] installing nodejs and npm (apt-get)"
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
echo "[test] installing @polkadot/api for the client tests (npm ci, node $(node --version))"
npm ci --prefix clients/polkadot-js --no-audit --no-fund --loglevel=error
# The web console's browser test drives Debian's Chromium (never a downloaded browser).
if ! command -v chromium >/dev/null 2>&1; then
	echo "[test] installing chromium for the web console's browser test (apt-get)"
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
# Urdu in the web wallet's screenshots: a Nastaliq font (1 MB; the test passes without it, the
# screenshots then show boxes for the letters the default fonts lack).
if ! fc-list 2>/dev/null | grep -qi "Awami Nastaliq"; then
	echo "[test] installing an Urdu font for the web wallet's screenshots (apt-get)"
	if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
	{ $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq fonts-sil-awami-nastaliq >/dev/null; } \
		|| echo "[test] no Urdu font: the screenshots will lack some letters"
fi
echo "[test] installing and building the web console (npm ci, npm run build)"
npm ci --prefix web --no-audit --no-fund --loglevel=error
npm run build --prefix web --silent
# The citizen's web app: its Rust half built to WebAssembly (the first run installs
# wasm-bindgen-cli), then the app itself; node/tests/web_wallet.rs drives it in Chromium.
echo "[test] building the web wallet (WebAssembly, npm ci, npm run build)"
web_wallet=ok
{ "$here/build-web-wallet.sh" && npm ci --prefix web-wallet --no-audit --no-fund --loglevel=error \
	&& npm run build --prefix web-wallet --silent; } || web_wallet=failed
echo "[test] building the workspace (release)"
start=$(date +%s)
rupee_build
echo "[test] build took $(( $(date +%s) - start )) s"
echo "[test] running all tests"
# The end-to-end tests start several nodes each; one test binary at a time keeps them within
# this machine's two cores.
log="$CARGO_TARGET_DIR/test-output.log"
set +e
cargo test --release --locked --workspace --no-fail-fast -- --test-threads=1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# The fast slice of the multi-host fault run (four network namespaces, a 3|1 partition, kill -9
# under payments; about 4 minutes): needs root and iproute2. The full run is documented in
# docs/operations.md.
if [ "$(id -u)" -eq 0 ] && command -v ip >/dev/null && command -v curl >/dev/null; then
	echo "[test] scripts/netns-network.sh --fast"
	if "$RUPEE_ROOT/scripts/netns-network.sh" --fast 2>&1 | tee -a "$log"; then
		echo "test result: ok. 1 passed; 0 failed (netns-network --fast)" | tee -a "$log"
	else
		echo "test result: FAILED. 0 passed; 1 failed (netns-network --fast)" | tee -a "$log"
		status=1
	fi
else
	echo "[test] skipping scripts/netns-network.sh --fast (needs root, ip and curl)"
fi
# The citizen's web app's protocol code, built to WebAssembly, checks the documented test
# vectors in Chromium (its app test is node/tests/web_wallet.rs, above).
echo "[test] the web wallet's test vectors in Chromium"
if [ "$web_wallet" = ok ] && node web-wallet/tests/vectors.test.mjs 2>&1 | tee -a "$log"; then
	:
else
	grep -q "(web-wallet vectors" "$log" || echo "test result: FAILED. 0 passed; 1 failed (web-wallet vectors: the web wallet did not build)" | tee -a "$log"
	status=1
fi
if [ "$checks" = ok ]; then
	echo "test result: ok. 1 passed; 0 failed (scripts/check.sh)" | tee -a "$log"
else
	echo "test result: FAILED. 0 passed; 1 failed (scripts/check.sh: see its output at the start)" | tee -a "$log"
	status=1
fi
set -e
# One closing line for the whole run: cargo's own last line is a doc-test binary's "0 passed".
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
	END { printf "Tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
