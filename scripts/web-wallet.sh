#!/usr/bin/env bash
# Builds the citizen's web wallet and serves it on http://127.0.0.1:${WALLET_PORT:-5174}.
#   scripts/web-wallet.sh                        the wallet for a node at ws://127.0.0.1:9944
#   open http://127.0.0.1:5174/?rpc=ws://HOST:PORT   for another node (remembered afterwards)
# The wallet is static files (web-wallet/dist after the build): serve them over HTTPS (or on
# localhost) so the browser allows its service worker (offline use) and the camera. It talks to
# the node straight over the node's WebSocket JSON-RPC: a node accepts pages from localhost by
# default; for a wallet served elsewhere start the node with `--rpc-cors <the wallet's origin>`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app="$here/../web-wallet"
if ! command -v npm >/dev/null 2>&1; then
	echo "[web-wallet] npm is missing: apt-get install nodejs npm" >&2
	exit 1
fi
"$here/build-web-wallet.sh"
echo "[web-wallet] installing the pinned packages (npm ci)"
npm ci --prefix "$app" --no-audit --no-fund --loglevel=error
echo "[web-wallet] building (type check, then vite build into web-wallet/dist)"
npm run build --prefix "$app" --silent
port="${WALLET_PORT:-5174}"
echo "[web-wallet] serving web-wallet/dist on http://127.0.0.1:$port (Ctrl-C stops)"
cd "$app" && exec npx vite preview --host 127.0.0.1 --port "$port" --strictPort
