"""API key format: ``gwk_<16 hex>_<43 url-safe>``; only a salted hash of the secret is kept."""

from __future__ import annotations

import hashlib

import pytest

from gateway.policy import api_keys


def test_issued_key_parses_back_to_its_id_and_verifies() -> None:
    issued = api_keys.issue()
    parsed = api_keys.parse(issued.plaintext)
    assert parsed is not None
    key_id, secret = parsed
    assert key_id == issued.key_id
    assert api_keys.verify(secret, issued.salt, issued.secret_hash)
    assert issued.secret_hash == hashlib.sha256(issued.salt + secret.encode()).digest()


def test_secret_does_not_verify_under_another_keys_salt() -> None:
    first, second = api_keys.issue(), api_keys.issue()
    parsed = api_keys.parse(first.plaintext)
    assert parsed is not None
    assert not api_keys.verify(parsed[1], second.salt, first.secret_hash)
    assert first.salt != second.salt
    assert first.key_id != second.key_id


@pytest.mark.parametrize(
    "presented",
    [
        "",
        "gwk_",
        "gwk_0123456789ABCDEF_" + "a" * 43,
        "gwk_0123456789abcdef_" + "a" * 42,
        "gwk_0123456789abcdef_" + "a" * 44,
        "gwk_0123456789abcdef_" + "a" * 42 + "=",
        " gwk_0123456789abcdef_" + "a" * 43,
    ],
    ids=["empty", "prefix", "upper-hex-id", "short-secret", "long-secret", "padding", "leading-space"],
)
def test_text_not_shaped_like_a_key_does_not_parse(presented: str) -> None:
    assert api_keys.parse(presented) is None


def test_key_with_a_trailing_newline_does_not_parse() -> None:
    assert api_keys.parse(api_keys.issue().plaintext + "\n") is None
