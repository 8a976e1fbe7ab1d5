from __future__ import annotations

import pytest

from gateway.pii.errors import PiiError
from gateway.pii.masker import Masker
from gateway.pii.vault import PLACEHOLDER, PseudonymVault


def test_restore_only_for_revealed_types(masker: Masker) -> None:
    vault = PseudonymVault()
    masked = masker.mask("Patient Maria Lopez, SSN 531-21-7351.", vault=vault).text
    answer = f"Sure. {masked} I have noted it."
    restored = vault.restore(answer, frozenset({"PERSON"}))
    assert "Maria Lopez" in restored
    assert "531-21-7351" not in restored and "<US_SSN_" in restored


def test_placeholders_from_another_conversation_stay_placeholders(masker: Masker) -> None:
    mine, other = PseudonymVault(), PseudonymVault()
    masked = masker.mask("Patient Maria Lopez.", vault=other).text
    assert mine.restore(masked, frozenset({"PERSON"})) == masked


def test_vault_holds_no_plaintext(masker: Masker) -> None:
    vault = PseudonymVault()
    masker.mask("Patient Maria Lopez.", vault=vault)
    assert "Maria" not in repr(vault)
    entries = vault._entries  # the only state besides the cipher
    assert all(b"Maria" not in sealed for _, _, sealed in entries.values())
    assert not hasattr(vault, "__dict__")


def test_one_value_in_two_forms_is_one_pseudonym(masker: Masker) -> None:
    """A passage that names someone as "Maria Lopez" and "MARIA LOPEZ", or writes a phone with and without
    separators, is masked (it used to fail the whole request as a tag collision); the first form is restored."""
    vault = PseudonymVault()
    masked = masker.mask("Patient Maria Lopez, phone +1 217 555 0143. MARIA LOPEZ called from 12175550143.",
                         vault=vault).text
    assert "Maria" not in masked and "MARIA" not in masked and "555" not in masked
    tags = sorted(set(PLACEHOLDER.findall(masked)))
    assert len([t for t in tags if t[0] == "PERSON"]) == 1
    assert len([t for t in tags if t[0] == "PHONE_NUMBER"]) == 1
    assert vault.restore(masked, frozenset({"PERSON"})).count("Maria Lopez") == 2


def test_two_values_under_one_tag_still_fail() -> None:
    vault = PseudonymVault()
    vault.record("<PERSON_000000000001>", "PERSON", "Maria Lopez")
    vault.record("<PERSON_000000000001>", "PERSON", "maria  lopez")  # same normal form
    with pytest.raises(PiiError):
        vault.record("<PERSON_000000000001>", "PERSON", "Mario Lopez")
    with pytest.raises(PiiError):
        vault.record("<PERSON_000000000001>", "LOCATION", "Maria Lopez")
