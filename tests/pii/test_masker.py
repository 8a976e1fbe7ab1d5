from __future__ import annotations

import pytest

from gateway.pii.digest import normalise
from gateway.pii.masker import Masker
from gateway.pii.rules import PiiRules
from gateway.pii.vault import PseudonymVault

from .conftest import PSEUDONYM_KEY

TEXT = "Account holder Maria Lopez, phone (217) 555-0143."


def test_pseudonyms_are_consistent_across_requests_and_maskers(masker: Masker) -> None:
    first = masker.mask(TEXT).text
    second = Masker(masker.detector, PSEUDONYM_KEY).mask(TEXT).text
    assert first == second
    assert "Maria" not in first and "555" not in first
    assert first.startswith("Account holder <PERSON_")


def test_pseudonym_ignores_formatting_of_the_same_value(masker: Masker) -> None:
    a = masker.mask("call (217) 555-0143").text.split()[-1]
    b = masker.mask("call 217.555.0143").text.split()[-1]
    assert a == b
    assert normalise("PERSON", "  Maria   LOPEZ ") == "maria lopez"


def test_a_different_key_gives_different_pseudonyms(masker: Masker) -> None:
    other = Masker(masker.detector, b"another-key-of-32-bytes-length!!")
    assert other.mask(TEXT).text != masker.mask(TEXT).text


@pytest.mark.parametrize(
    ("operator", "expected_prefix"),
    [("redact", "Account holder [REDACTED]"), ("tag", "Account holder <PERSON>")],
)
def test_redact_and_tag(masker: Masker, operator: str, expected_prefix: str) -> None:
    rules = PiiRules(default_operator=operator)  # type: ignore[arg-type]
    assert masker.mask(TEXT, rules).text.startswith(expected_prefix)


def test_hash_is_keyed_and_truncated(masker: Masker) -> None:
    rules = PiiRules(operators={"PERSON": "hash"})
    masked = masker.mask("Account holder Maria Lopez.", rules).text
    digest = masked.removeprefix("Account holder ").removesuffix(".")
    assert len(digest) == 16 and int(digest, 16) >= 0


def test_encrypt_round_trips(masker: Masker) -> None:
    rules = PiiRules(operators={"PERSON": "encrypt"})
    masked = masker.mask("Account holder Maria Lopez.", rules).text
    token = masked.removeprefix("Account holder ").removesuffix(".")
    assert token.startswith("<PERSON:") and "Maria" not in token
    assert masker.decrypt(token) == "Maria Lopez"


def test_entity_counts_and_vault_recording(masker: Masker) -> None:
    vault = PseudonymVault()
    result = masker.mask("Maria Lopez and Dr. Okafor; call (217) 555-0143.", vault=vault)
    assert dict(result.entity_counts) == {"PERSON": 2, "PHONE_NUMBER": 1}
    assert len(vault) == 3


def test_unknown_operator_is_rejected() -> None:
    with pytest.raises(ValueError):
        PiiRules(default_operator="shred")  # type: ignore[arg-type]


def test_one_value_typed_in_full_width_or_with_invisible_characters_gets_one_pseudonym() -> None:
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert normalise("CN_RESIDENT_ID", full_width) == normalise("CN_RESIDENT_ID", "11010519491231002x")
    assert normalise("PHONE_NUMBER", "415\u200b555\u200b0132") == normalise("PHONE_NUMBER", "415-555-0132")
