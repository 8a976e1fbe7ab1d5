from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from gateway.pii.errors import PiiError
from gateway.pii.masker import Masker
from gateway.pii.stream import StreamMasker
from gateway.pii.vault import PLACEHOLDER

TEXTS = [
    "Patient John Smith (MRN 00482913, DOB 03/04/1975) was seen by Dr. Alice Wong at 123 Main Street, "
    "Springfield, IL 62704. Call him at (217) 555-0143 or email john.smith@example.com.",
    "患者王小明，身份证号11010519491231002X，手机13812345678，邮箱wang@example.com谢谢。住址：北京市朝阳区建国路88号。",
    "Wire to IBAN GB82 WEST 1234 5698 7654 32 for card 4532 2766 4457 7020, SSN 531-21-7351.",
]


def no_partial_placeholder(chunks: list[str], masked: str) -> None:
    """Every placeholder of the full output appears whole inside exactly one chunk."""
    for match in PLACEHOLDER.finditer(masked):
        assert any(match.group() in chunk for chunk in chunks)
    for chunk in chunks:
        assert chunk.count("<") == chunk.count(">")


@pytest.mark.parametrize("text", TEXTS)
def test_every_two_chunk_split_matches_the_unstreamed_output(masker: Masker, text: str) -> None:
    expected = masker.mask(text).text
    for i in range(len(text) + 1):
        chunks = list(StreamMasker(masker).mask([text[:i], text[i:]]))
        assert "".join(chunks) == expected, f"split at {i}"
        no_partial_placeholder(chunks, expected)


@pytest.mark.parametrize("text", TEXTS)
def test_one_character_chunks_match_the_unstreamed_output(masker: Masker, text: str) -> None:
    expected = masker.mask(text).text
    chunks = list(StreamMasker(masker).mask(list(text)))
    assert "".join(chunks) == expected
    no_partial_placeholder(chunks, expected)


def test_no_chunk_contains_raw_entity_text(masker: Masker) -> None:
    text = TEXTS[0]
    for chunk in StreamMasker(masker).mask(list(text)):
        for secret in ("John", "Smith", "00482913", "555-0143", "example.com", "Main Street"):
            assert secret not in chunk


def test_first_text_arrives_before_the_stream_ends(masker: Masker) -> None:
    stream = StreamMasker(masker)
    outputs = [stream.feed(word + " ") for word in ["I", "am", "glad", "to", "help", "you", "with", "that", "today"]]
    assert any(outputs[:4])


def test_hold_back_is_bounded(masker: Masker) -> None:
    stream = StreamMasker(masker, max_holdback=64)
    emitted = "".join(stream.feed(ch) for ch in "X" * 300)
    assert len(emitted) >= 300 - 64


def test_async_stream(masker: Masker) -> None:
    async def deltas() -> AsyncIterator[str]:
        for ch in TEXTS[1]:
            yield ch

    async def collect() -> str:
        return "".join([chunk async for chunk in StreamMasker(masker).mask_async(deltas())])

    assert asyncio.run(collect()) == masker.mask(TEXTS[1]).text


def test_detection_failure_fails_closed(masker: Masker, monkeypatch: pytest.MonkeyPatch) -> None:
    stream = StreamMasker(masker)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(masker.detector, "detect", broken)
    with pytest.raises(PiiError):
        list(stream.mask(["Patient John Smith ", "was seen today."]))
