from __future__ import annotations

import pytest

from gateway.pii.recognizers.checksums import (
    cn_resident_id_birth_date_valid,
    cn_resident_id_check_valid,
    iban_valid,
    luhn_valid,
)


@pytest.mark.parametrize(
    ("number", "valid"),
    [("4532276644577020", True), ("4532 2766 4457 7020", True), ("4532276644577021", False), ("1234", False)],
)
def test_luhn(number: str, valid: bool) -> None:
    assert luhn_valid(number) is valid


@pytest.mark.parametrize(
    ("iban", "valid"),
    [("GB82 WEST 1234 5698 7654 32", True), ("DE89370400440532013000", True), ("GB82WEST12345698765433", False),
     ("DE8937040044053201300", False)],
)  # fmt: skip
def test_iban_mod97_and_country_length(iban: str, valid: bool) -> None:
    assert iban_valid(iban) is valid


def test_gb11643_check_character_including_x() -> None:
    assert cn_resident_id_check_valid("11010519491231002X")
    assert cn_resident_id_check_valid("11010519491231002x")
    assert not cn_resident_id_check_valid("110105194912310021")


def test_gb11643_birth_date_must_exist() -> None:
    assert cn_resident_id_birth_date_valid("11010519491231002X")
    assert not cn_resident_id_birth_date_valid("110105194902300021")
