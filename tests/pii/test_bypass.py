"""Bypasses: input-method and invisible characters around an identifier, and values split across stream chunks.

Full-width forms and zero-width characters are ordinary output of Chinese input methods and copy-paste; a value
split across two deltas of a streamed answer must not leak where the whole-text mask would hide it.
"""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from gateway.pii.masker import Masker
from gateway.pii.stream import StreamMasker

SAMPLES = Path(__file__).resolve().parents[2] / "bench" / "data"

TRICKS = [
    # (text, the value that must not survive in any form)
    ("身份证号１１０１０５１９４９１２３１００２Ｘ，请核实", "11010519491231002X"),
    ("手机１３８００１３８０００，谢谢", "13800138000"),
    ("call 415\u200b555\u200b0132 after five", "4155550132"),
    ("card 4532\u200c2766\u200c4457\u200c7020 was declined", "4532276644577020"),
    ("mail me at zhang.wei＠example.com today", "zhang.wei@example.com"),
    ("IBAN ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００ please", "DE89370400440532013000"),
    ("SSN 123\u2060-45\u2060-6789 on file", "123456789"),
    ("电话：０１０－６５００１２３４转８", "01065001234"),
    ("his name is\u00a0John\u00adathan Smith", "Smith"),
]


def _plain(text: str) -> str:
    """What a reader would take from ``text``: NFKC, format characters and separators dropped."""
    folded = "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")
    return "".join(ch for ch in folded if ch.isalnum() or ch == "@").lower()


@pytest.mark.parametrize(("text", "value"), TRICKS)
def test_normalisation_tricks_do_not_let_a_value_through(masker: Masker, text: str, value: str) -> None:
    result = masker.mask(text)
    assert _plain(value).lower() not in _plain(result.text), result.text
    for detection in result.detections:  # offsets point at the original characters
        assert 0 <= detection.start < detection.end <= len(text)


@pytest.mark.parametrize(("text", "value"), TRICKS)
def test_normalisation_tricks_do_not_leak_through_a_stream(masker: Masker, text: str, value: str) -> None:
    streamed = "".join(StreamMasker(masker).mask(list(text)))
    assert _plain(value).lower() not in _plain(streamed), streamed


SPLITS = [
    ("The account holder is Will ", "Smith, who called on Monday."),
    ("Please send it to 12 Back ", "Street, Leeds LS1 4AP."),
    ("Our customer May ", "Johnson asked about her card."),
    ("患者王", "小明今天来复查。"),
    ("Her number is 0161 ", "496 0123 if you need it."),
]


@pytest.mark.parametrize(("first", "second"), SPLITS)
def test_a_value_split_across_two_chunks_is_masked_as_in_the_whole_text(masker: Masker, first: str,
                                                                        second: str) -> None:
    whole = masker.mask(first + second).text
    assert "".join(StreamMasker(masker).mask([first, second])) == whole


def _sample_texts(name: str, count: int) -> list[str]:
    rows = [json.loads(line) for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines() if line]
    return [row["text"] for row in rows if row["spans"]][:count]


@pytest.mark.parametrize("name", ["pii_eval_sample_en.jsonl", "pii_eval_sample_zh.jsonl"])
def test_streams_split_anywhere_hide_what_the_whole_text_mask_hides(masker: Masker, name: str) -> None:
    """Text nobody here wrote, cut at random places: no character the whole-text mask hides is ever released."""
    rng = random.Random(14)
    for text in _sample_texts(name, 40):
        expected = masker.mask(text)
        hidden = [text[d.start:d.end] for d in expected.detections]
        for _ in range(3):
            cuts = sorted(rng.sample(range(1, len(text)), k=min(3, len(text) - 1)))
            pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
            streamed = "".join(StreamMasker(masker).mask(pieces))
            for value in hidden:
                if len(value) >= 4:
                    assert value not in streamed, (value, pieces)
