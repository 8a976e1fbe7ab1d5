from __future__ import annotations

from gateway.pii.masker import Masker
from gateway.pii.vault import PseudonymVault


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
