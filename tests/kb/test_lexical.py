"""The blind index normalises terms, keeps legal references whole, and stores no plain words."""

from __future__ import annotations

import pytest

from gateway.kb.lexical import BlindIndex, terms


@pytest.mark.parametrize(("text", "expected"), [
    ("Art. 5(1) GDPR", ["art:5(1)", "art", "5(1)", "5", "1", "gdpr"]),
    ("ARTICLE 5(1)", ["art:5(1)", "article", "5(1)", "5", "1"]),
    ("§ 12 KWG", ["sec:12", "12", "kwg"]),
    ("ＡＢＣ　Bank", ["abc", "bank"]),
    ("AML-2024/17 applies", ["aml-2024/17", "aml", "2024", "17", "applies"]),
    ("客户身份", ["客户", "户身", "身份"]),
    ("the of and", []),
])
def test_terms(text: str, expected: list[str]) -> None:
    assert terms(text) == expected


def test_blind_tokens_hide_words_and_match_across_spellings() -> None:
    index = BlindIndex(b"k" * 32)
    blinded = index.blind("Article 5(1) of the Payment Regulation")
    assert "payment" not in blinded.lower() and "5(1)" not in blinded
    assert index.token("art:5(1)") in blinded.split()
    assert index.blind_query("art. 5(1)").split()[0] == index.blind_query("Art 5(1)").split()[0]
    assert BlindIndex(b"j" * 32).blind("payment") != index.blind("payment")


def test_full_width_and_invisible_characters_give_the_same_terms() -> None:
    assert terms("手机１３８００１３８０００") == terms("手机13800138000")
    assert terms("call 415\u200b555\u200b0132") == terms("call 4155550132")
