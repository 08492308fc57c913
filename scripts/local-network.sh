#!/usr/bin/env bash
# A four-validator network (Alice, Bob, Charlie, Dave) on loopback, chain `local`.
#
#   scripts/local-network.sh start    build if needed, generate node keys, start all four
#   scripts/local-network.sh stop     stop them (SIGINT, then SIGKILL after 30 s)
#   scripts/local-network.sh status   pid, peers, best and finalized block of each
#   scripts/local-network.sh purge    stop and delete every base path
#
# Everything lives under $RUPEE_NET_DIR (default ./.rupee/local): one base path per validator
# (ParityDB, keystore, node key), its log in node.log and its pid in node.pid.
# Ports of validator i (0..3): p2p 30333+i, RPC 9944+i, Prometheus 9615+i.
# RPC stays on 127.0.0.1; only the first node's RPC is meant for wallets.
# Extra flags for every node (e.g. transaction pool limits): RUPEE_NODE_FLAGS; another chain
# spec than `local` (same four validators): RUPEE_CHAIN.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/env.sh"

dir="${RUPEE_NET_DIR:-$RUPEE_ROOT/.rupee/local}"
names=(alice bob charlie dave)

node_key_file() { echo "$dir/$1/node-key"; }

peer_id() {
	"$RUPEE_NODE" key inspect-node-key --file "$(node_key_file "$1")"
}

rpc() { # rpc PORT METHOD [PARAMS]
	curl -s -H 'Content-Type: application/json' \
		-d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1"
}

start() {
	if [ ! -x "$RUPEE_NODE" ]; then
		"$here/setup.sh"
		rupee_build
	fi
	mkdir -p "$dir"
	for name in "${names[@]}"; do
		mkdir -p "$dir/$name"
		if [ ! -f "$(node_key_file "$name")" ]; then
			"$RUPEE_NODE" key generate-node-key --file "$(node_key_file "$name")" 2>/dev/null
		fi
	done
	local bootnode="/ip4/127.0.0.1/tcp/30333/p2p/$(peer_id alice)"
	local i=0
	for name in "${names[@]}"; do
		local pid_file="$dir/$name/node.pid"
		if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
			echo "[net] $name already running (pid $(cat "$pid_file"))"
		else
			local boot=()
			[ "$i" -gt 0 ] && boot=(--bootnodes "$bootnode")
			"$RUPEE_NODE" --chain "${RUPEE_CHAIN:-local}" --validator "--$name" \
				--base-path "$dir/$name" --node-key-file "$(node_key_file "$name")" \
				--port $((30333 + i)) --rpc-port $((9944 + i)) --prometheus-port $((9615 + i)) \
				--name "$name" "${boot[@]}" --no-mdns ${RUPEE_NODE_FLAGS:-} \
				>>"$dir/$name/node.log" 2>&1 &
			echo $! >"$pid_file"
			echo "[net] $name started: pid $!, p2p $((30333 + i)), rpc $((9944 + i)), log $dir/$name/node.log"
		fi
		i=$((i + 1))
	done
}

stop() {
	for name in "${names[@]}"; do
		local pid_file="$dir/$name/node.pid"
		[ -f "$pid_file" ] || continue
		local pid
		pid=$(cat "$pid_file")
		if kill -0 "$pid" 2>/dev/null; then
			kill -INT "$pid"
			for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
			kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
			echo "[net] $name stopped"
		fi
		rm -f "$pid_file"
	done
}

status() {
	local i=0
	for name in "${names[@]}"; do
		local port=$((9944 + i)) pid=-
		[ -f "$dir/$name/node.pid" ] && pid=$(cat "$dir/$name/node.pid")
		local health best fin
		health=$(rpc $port system_health | sed -n 's/.*"peers":\([0-9]*\).*/\1/p')
		best=$(rpc $port chain_getHeader | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
		fin=$(rpc $port chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')
		[ -n "$fin" ] && fin=$(rpc $port chain_getHeader "[\"$fin\"]" | sed -n 's/.*"number":"\(0x[0-9a-f]*\)".*/\1/p')
		printf '%-8s pid %-8s peers %-3s best %-8s finalized %s\n' "$name" "$pid" "${health:--}" \
			"$([ -n "$best" ] && echo $((best)) || echo -)" "$([ -n "$fin" ] && echo $((fin)) || echo -)"
		i=$((i + 1))
	done
}

case "${1:-}" in
	start) start ;;
	stop) stop ;;
	status) status ;;
	purge) stop; rm -rf "$dir"; echo "[net] removed $dir" ;;
	*) echo "usage: $0 start|stop|status|purge" >&2; exit 2 ;;
esac
