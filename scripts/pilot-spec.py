#!/usr/bin/env python3
"""Fill the pilot chain spec's validator placeholders with the banks' real session keys.

    rupee-node export-chain-spec --chain pilot > pilot-template.json
    scripts/pilot-spec.py pilot-template.json validators.json > pilot.json
    rupee-node export-chain-spec --chain pilot.json --raw > pilot-raw.json   # what the banks run

validators.json lists one object per validator, in authoring order:
    [{"account": "<the bank's validator account, SS58>",
      "aura": "<sr25519 SS58 address>", "grandpa": "<ed25519 SS58 address>"}, ...]
(each bank gets its keys from `rupee-node key generate --scheme sr25519` / `--scheme ed25519`,
or from `author_rotateKeys` on its own node). Every placeholder must be replaced; the script
refuses a list of the wrong length or with a repeated account or key. The validators become the
first session's authorities (pallet-session) and the Board's initial validator set.
"""
import json
import sys


def fail(message):
    sys.exit(f"pilot-spec: {message}")


def main():
    if len(sys.argv) != 3:
        fail("usage: pilot-spec.py PILOT_TEMPLATE.json VALIDATORS.json")
    with open(sys.argv[1]) as f:
        spec = json.load(f)
    with open(sys.argv[2]) as f:
        validators = json.load(f)
    try:
        patch = spec["genesis"]["runtimeGenesis"]["patch"]
        slots = patch["session"]["keys"]
        patch["validators"]["validators"]
    except (KeyError, TypeError):
        fail(f"{sys.argv[1]} is not the plain pilot spec from `rupee-node export-chain-spec --chain pilot`")
    if not isinstance(validators, list) or len(validators) != len(slots):
        fail(f"expected {len(slots)} validators, one per placeholder slot")
    for kind in ("account", "aura", "grandpa"):
        keys = [v.get(kind) if isinstance(v, dict) else None for v in validators]
        if not all(isinstance(k, str) and k for k in keys):
            fail(f"every validator needs a `{kind}` key")
        if len(set(keys)) != len(keys):
            fail(f"a `{kind}` key is repeated")
    patch["session"]["keys"] = [
        [v["account"], v["account"], {"aura": v["aura"], "grandpa": v["grandpa"]}] for v in validators
    ]
    patch["validators"]["validators"] = [v["account"] for v in validators]
    json.dump(spec, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
