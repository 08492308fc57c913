#!/usr/bin/env python3
"""Fill the pilot chain spec's placeholders with the banks' validators and the Board's governors.

    rupee-node export-chain-spec --chain pilot > pilot-template.json
    scripts/pilot-spec.py pilot-template.json validators.json governors.json > pilot.json
    rupee-node export-chain-spec --chain pilot.json --raw > pilot-raw.json   # what the banks run

validators.json lists one object per validator, in authoring order:
    [{"account": "<the bank's validator account, SS58>",
      "aura": "<sr25519 SS58 address>", "grandpa": "<ed25519 SS58 address>"}, ...]
(each bank gets its keys from `rupee-node key generate --scheme sr25519` / `--scheme ed25519`,
or from `author_rotateKeys` on its own node). Every validator placeholder must be replaced; the
script refuses a list of the wrong length or with a repeated account or key. The validators
become the first session's authorities (pallet-session) and the Board's initial validator set.

governors.json lists the central bank's governors, the initial Board, as SS58 accounts:
    ["5…", "5…", "5…"]
at least three (with fewer, "two thirds" is one or two people) and none repeated.

Nothing else in the template changes. Exit status 1 with a `pilot-spec:` message on bad input.
"""
import json
import sys

BASE58 = set("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
MIN_GOVERNORS = 3


def fail(message):
    sys.exit(f"pilot-spec: {message}")


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")
    except json.JSONDecodeError as error:
        fail(f"{path} is not JSON: {error}")


def check_address(text, what):
    """A plausible SS58 address; the node checks the checksum when it builds the genesis."""
    if not (isinstance(text, str) and 40 <= len(text) <= 50 and set(text) <= BASE58):
        fail(f"{what} {text!r} is not an SS58 address")


def fill_validators(patch, validators):
    slots = patch["session"]["keys"]
    if not isinstance(validators, list) or len(validators) != len(slots):
        fail(f"expected {len(slots)} validators, one per placeholder slot")
    for kind in ("account", "aura", "grandpa"):
        keys = [v.get(kind) if isinstance(v, dict) else None for v in validators]
        for key in keys:
            check_address(key, f"validator `{kind}`")
        if len(set(keys)) != len(keys):
            fail(f"a `{kind}` key is repeated")
    patch["session"]["keys"] = [
        [v["account"], v["account"], {"aura": v["aura"], "grandpa": v["grandpa"]}] for v in validators
    ]
    patch["validators"]["validators"] = [v["account"] for v in validators]


def fill_governors(patch, governors):
    if not isinstance(governors, list) or len(governors) < MIN_GOVERNORS:
        fail(f"expected a list of at least {MIN_GOVERNORS} governors")
    for governor in governors:
        check_address(governor, "governor")
    if len(set(governors)) != len(governors):
        fail("a governor is repeated")
    patch["boardMembership"]["members"] = governors


def main():
    if len(sys.argv) != 4:
        fail("usage: pilot-spec.py PILOT_TEMPLATE.json VALIDATORS.json GOVERNORS.json")
    spec = load(sys.argv[1])
    try:
        patch = spec["genesis"]["runtimeGenesis"]["patch"]
        patch["session"]["keys"], patch["validators"]["validators"], patch["boardMembership"]["members"]
    except (KeyError, TypeError):
        fail(f"{sys.argv[1]} is not the plain pilot spec from `rupee-node export-chain-spec --chain pilot`")
    fill_validators(patch, load(sys.argv[2]))
    fill_governors(patch, load(sys.argv[3]))
    json.dump(spec, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
