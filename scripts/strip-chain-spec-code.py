"""Reads a chain spec (JSON) on stdin and prints it without the runtime code blob."""
import json
import sys

spec = json.load(sys.stdin)
genesis = spec.get("genesis", {}).get("runtimeGenesis")
if genesis is None or "code" not in genesis:
    sys.exit("not a plain (non-raw) chain spec with genesis.runtimeGenesis.code")
genesis["code"] = "<omitted: rupee-node export-chain-spec --chain CHAIN gives the spec with code>"
json.dump(spec, sys.stdout, indent=2, sort_keys=True)
