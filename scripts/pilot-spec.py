#!/usr/bin/env python3
"""Fill the pilot chain spec's placeholders with the banks' validators and the Board's governors.

    rupee-node export-chain-spec --chain pilot > pilot-template.json
    scripts/pilot-spec.py pilot-template.json validators.json governors.json > pilot.json
    rupee-node export-chain-spec --chain pilot.json --raw > pilot-raw.json   # what the banks run

validators.json lists one object per validator, in authoring order:
    [{"account": "<the bank's validator account, SS58>",
      "aura": "<sr25519 SS58 address>", "grandpa": "<ed25519 SS58 address>"}, ...]
Addresses may be in the chain's own format (prefix 1947, `nG…`, as `rupee-node key` prints
them) or the generic Substrate one (prefix 42, `5…`); the checksum of each is verified. The
spec is written with generic (`5…`) addresses: the runtime reads genesis addresses before it
knows its own prefix, so that is the form a chain spec must use.
(each bank gets its keys from `rupee-node key generate --scheme sr25519` / `--scheme ed25519`,
or from `author_rotateKeys` on its own node). Every validator placeholder must be replaced; the
script refuses a list of the wrong length or with a repeated account or key. The validators
become the first session's authorities (pallet-session) and the Board's initial validator set.

governors.json lists the central bank's governors, the initial Board, as SS58 accounts:
    ["nG…", "nG…", "nG…"]
at least three (with fewer, "two thirds" is one or two people) and none repeated.

Nothing else in the template changes. Exit status 1 with a `pilot-spec:` message on bad input.
"""
import hashlib
import json
import sys

BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
CHAIN_PREFIX = 1947
GENERIC_PREFIX = 42
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


def base58_decode(text):
    number = 0
    for char in text:
        number = number * 58 + BASE58.index(char)
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def base58_encode(data):
    number = int.from_bytes(data, "big")
    text = ""
    while number:
        number, digit = divmod(number, 58)
        text = BASE58[digit] + text
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + text


def ss58_checksum(data):
    return hashlib.blake2b(b"SS58PRE" + data, digest_size=64).digest()[:2]


def ss58_decode(text):
    """The (prefix, 32-byte public key) of an SS58 address, or None if it is not one."""
    if not (isinstance(text, str) and 40 <= len(text) <= 50 and set(text) <= set(BASE58)):
        return None
    data = base58_decode(text)
    if data and data[0] < 64:
        prefix, length = data[0], 1
    elif len(data) > 1 and data[0] < 128:
        prefix = ((data[0] & 0x3F) << 2) | (data[1] >> 6) | ((data[1] & 0x3F) << 8)
        length = 2
    else:
        return None
    if len(data) != length + 34 or ss58_checksum(data[: length + 32]) != data[length + 32 :]:
        return None
    return prefix, data[length : length + 32]


def ss58_encode_generic(public):
    data = bytes([GENERIC_PREFIX]) + public
    return base58_encode(data + ss58_checksum(data))


def address(text, what):
    """`text`, an address of this chain or a generic one with a valid checksum, in generic form."""
    decoded = ss58_decode(text)
    if decoded is None:
        fail(f"{what} {text!r} is not an SS58 address (or its checksum is wrong: mistyped?)")
    prefix, public = decoded
    if prefix not in (CHAIN_PREFIX, GENERIC_PREFIX):
        fail(f"{what} {text!r} is an address of another network (SS58 prefix {prefix}); "
             f"use this chain's ({CHAIN_PREFIX}, nG…) or the generic one ({GENERIC_PREFIX}, 5…)")
    return ss58_encode_generic(public)


def fill_validators(patch, validators):
    slots = patch["session"]["keys"]
    if not isinstance(validators, list) or len(validators) != len(slots):
        fail(f"expected {len(slots)} validators, one per placeholder slot")
    validators = [v if isinstance(v, dict) else {} for v in validators]
    for kind in ("account", "aura", "grandpa"):
        keys = [address(v.get(kind), f"validator `{kind}`") for v in validators]
        if len(set(keys)) != len(keys):
            fail(f"a `{kind}` key is repeated")
        for validator, key in zip(validators, keys):
            validator[kind] = key
    patch["session"]["keys"] = [
        [v["account"], v["account"], {"aura": v["aura"], "grandpa": v["grandpa"]}] for v in validators
    ]
    patch["validators"]["validators"] = [v["account"] for v in validators]


def fill_governors(patch, governors):
    if not isinstance(governors, list) or len(governors) < MIN_GOVERNORS:
        fail(f"expected a list of at least {MIN_GOVERNORS} governors")
    governors = [address(governor, "governor") for governor in governors]
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
