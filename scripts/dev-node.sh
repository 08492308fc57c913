#!/usr/bin/env bash
# Quick start: build rupee-node and run a one-validator development chain.
#   RPC (WebSocket and HTTP): ws://127.0.0.1:9944     Prometheus: http://127.0.0.1:9615/metrics
#   Database (ParityDB): $RUPEE_DEV_BASE (default ./.rupee/dev); it survives restarts.
#   Start from scratch: scripts/dev-node.sh --purge
# Extra arguments go to rupee-node (e.g. --rpc-port 9955).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
"$here/setup.sh"
source "$here/env.sh"

base="${RUPEE_DEV_BASE:-$RUPEE_ROOT/.rupee/dev}"
if [ "${1:-}" = "--purge" ]; then
	shift
	echo "[dev-node] removing $base"
	rm -rf "$base"
fi

echo "[dev-node] building rupee-node (release); the first build takes a while"
rupee_build
echo "[dev-node] starting: chain dev, validator Alice, base path $base"
exec "$RUPEE_NODE" --dev --base-path "$base" --prometheus-port 9615 "$@"
