#!/usr/bin/env bash
# Regenerates the committed chain specs in chain-spec/ from the runtime's genesis presets.
#   scripts/chain-specs.sh           write chain-spec/{dev,local,pilot}.json
#   scripts/chain-specs.sh --check   fail if the committed files differ (the tests do this too)
# The committed files hold everything but the runtime code (`"code"` is left out: the wasm
# differs by build path, and reviewers need the genesis, not 1 MB of hex). A bootable spec
# comes from the binary itself: `rupee-node export-chain-spec --chain pilot > pilot.json`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/env.sh"
[ -x "$RUPEE_NODE" ] || rupee_build

mode="${1:-write}"
status=0
for chain in dev local pilot; do
	target="$RUPEE_ROOT/chain-spec/$chain.json"
	generated=$("$RUPEE_NODE" export-chain-spec --chain "$chain" 2>/dev/null | python3 "$here/strip-chain-spec-code.py")
	if [ "$mode" = "--check" ]; then
		if ! diff -u "$target" <(printf '%s\n' "$generated") >/dev/null; then
			echo "chain-spec/$chain.json is out of date: run scripts/chain-specs.sh" >&2
			status=1
		fi
	else
		printf '%s\n' "$generated" >"$target"
		echo "wrote chain-spec/$chain.json"
	fi
done
exit $status
