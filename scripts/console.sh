#!/usr/bin/env bash
# Builds the web console and serves it on http://127.0.0.1:${CONSOLE_PORT:-5173}.
#   scripts/console.sh                     the console for a node at ws://127.0.0.1:9944
#   open http://127.0.0.1:5173/?rpc=ws://HOST:PORT   for another node
# The console is static files (web/dist after the build): any file server can serve them; it
# talks to the node straight over the node's WebSocket JSON-RPC. A node accepts browser pages from
# localhost by default; for a console served elsewhere start the node with
# `--rpc-cors <the console's origin>` (see docs/console.md).
set -euo pipefail
web="$(cd "$(dirname "$0")/../web" && pwd)"
if ! command -v npm >/dev/null 2>&1; then
	echo "[console] npm is missing: apt-get install nodejs npm" >&2
	exit 1
fi
echo "[console] installing the pinned packages (npm ci)"
npm ci --prefix "$web" --no-audit --no-fund --loglevel=error
echo "[console] building (type check, then vite build into web/dist)"
npm run build --prefix "$web" --silent
port="${CONSOLE_PORT:-5173}"
echo "[console] serving web/dist on http://127.0.0.1:$port (Ctrl-C stops)"
cd "$web" && exec npx vite preview --host 127.0.0.1 --port "$port" --strictPort
