#!/usr/bin/env bash
# Payment throughput and latency, measured from outside as a client sees it (see
# node/examples/bench_load.rs for what it does and prints):
#
#   scripts/bench-load.sh                      one dev validator, 20,000 transfers from 4,000 customers at once
#   scripts/bench-load.sh --local              the four-validator `local` network on this machine
#   scripts/bench-load.sh --rate 500 --duration 60     a fixed offered load, for latency
#   scripts/bench-load.sh --transfers 20000 --accounts 2000   (any option of the tool)
#
# Starts the node(s) on a temporary database, only on loopback, and stops them on exit. Builds
# what is missing first. Extra node flags: RUPEE_NODE_FLAGS (the node's own defaults already
# size the transaction pool for bursts; docs/performance.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"
cd "$RUPEE_ROOT"

mode=dev
args=()
for arg in "$@"; do
	case "$arg" in
		--local) mode=local ;;
		*) args+=("$arg") ;;
	esac
done

tool="$CARGO_TARGET_DIR/release/examples/bench_load"
if [ ! -x "$RUPEE_NODE" ] || [ ! -x "$tool" ]; then
	echo "[bench] building (workspace, every target)"
	rupee_build
fi
export BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo -dirty)"
flags="${RUPEE_NODE_FLAGS:-}"

rpc_ready() { # PORT
	for _ in $(seq 1 240); do
		curl -s -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead"}' \
			"http://127.0.0.1:$1" 2>/dev/null | grep -q result && return 0
		sleep 0.5
	done
	echo "[bench] the node on port $1 did not answer" >&2
	return 1
}

base=$(mktemp -d /var/tmp/rupee-load-XXXXXX)
urls=()
if [ "$mode" = dev ]; then
	port=$(( 40000 + RANDOM % 5000 ))
	# shellcheck disable=SC2086
	"$RUPEE_NODE" --dev --base-path "$base" --rpc-port "$port" --port $(( port + 1 )) \
		--no-prometheus --no-telemetry --no-mdns $flags >"$base/node.log" 2>&1 &
	node_pid=$!
	trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -rf "$base"' EXIT
	rpc_ready "$port"
	urls+=(--url "ws://127.0.0.1:$port")
else
	# The `local` chain with the production session length (an hour) instead of its 10-block
	# test sessions: a session change takes a whole block.
	"$RUPEE_NODE" export-chain-spec --chain local 2>/dev/null | python3 -c '
import json, sys
spec = json.load(sys.stdin)
spec["genesis"]["runtimeGenesis"]["patch"]["validators"]["sessionLength"] = 1800
json.dump(spec, sys.stdout)' >"$base/local-1h.json"
	export RUPEE_NET_DIR="$base" RUPEE_NODE_FLAGS="$flags" RUPEE_CHAIN="$base/local-1h.json"
	trap '"$here/local-network.sh" stop >/dev/null; rm -rf "$base"' EXIT
	"$here/local-network.sh" start
	for i in 0 1 2 3; do
		rpc_ready $(( 9944 + i ))
		urls+=(--url "ws://127.0.0.1:$(( 9944 + i ))")
	done
	# GRANDPA needs three of four voters: wait until blocks finalize past genesis.
	for _ in $(seq 1 120); do
		n=$(curl -s -H 'Content-Type: application/json' \
			-d '{"id":1,"jsonrpc":"2.0","method":"chain_getFinalizedHead"}' http://127.0.0.1:9944 |
			sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
		[ -n "$n" ] && curl -s -H 'Content-Type: application/json' \
			-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"chain_getHeader\",\"params\":[\"$n\"]}" \
			http://127.0.0.1:9944 | grep -qv '"number":"0x0"' && break
		sleep 1
	done
fi
echo "[bench] $mode network up; node flags: ${flags:-(defaults)}"
if ! "$tool" --mode "$mode" "${urls[@]}" "${args[@]}"; then
	echo "[bench] the run failed; the last lines of the node's log:" >&2
	tail -n 30 "$base/node.log" "$base/alice/node.log" 2>/dev/null >&2 || true
	exit 1
fi
