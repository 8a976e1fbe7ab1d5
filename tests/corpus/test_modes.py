from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from gateway.corpus.surrogates import surrogate
from gateway.pii.recognizers.checksums import (
    cn_resident_id_birth_date_valid,
    cn_resident_id_check_valid,
    luhn_valid,
)


def _chat(path: Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"messages": [{"role": "user", "content": text}]}, ensure_ascii=False) + "\n")


def _contents(path: Path) -> list[str]:
    return [json.loads(line)["messages"][0]["content"] for line in path.read_text(encoding="utf-8").splitlines()]


def _consistency_corpus(path: Path) -> None:
    texts = [f"Balance enquiry number {i}, nothing else." for i in range(500)]
    texts[0] = "Customer John Smith called about a late fee."
    texts[499] = "Customer John Smith called again about a late fee."
    texts[250] = "Customer Maria Garcia asked about her mortgage."
    _chat(path, texts)


def test_tags_are_numbered_per_corpus_and_the_same_name_keeps_its_tag(tmp_path: Path, run_mask: Callable) -> None:
    _consistency_corpus(tmp_path / "in.jsonl")
    run_mask(tmp_path / "in.jsonl", tmp_path / "out.jsonl", mode="tags")
    out = _contents(tmp_path / "out.jsonl")
    assert out[0] == "Customer <PERSON_1> called about a late fee."
    assert out[499] == "Customer <PERSON_1> called again about a late fee."
    assert out[250] == "Customer <PERSON_2> asked about her mortgage."


def test_surrogates_are_realistic_and_the_same_name_keeps_its_surrogate(tmp_path: Path, run_mask: Callable) -> None:
    _consistency_corpus(tmp_path / "in.jsonl")
    report = run_mask(tmp_path / "in.jsonl", tmp_path / "out.jsonl", mode="surrogates")
    out = _contents(tmp_path / "out.jsonl")
    first = re.fullmatch(r"Customer (.+) called about a late fee\.", out[0])
    last = re.fullmatch(r"Customer (.+) called again about a late fee\.", out[499])
    assert first and last and first.group(1) == last.group(1)
    assert first.group(1) != "John Smith" and re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", first.group(1))
    assert "Maria Garcia" not in out[250] and "<" not in out[250]
    assert report["residual_scan"]["records_flagged"] == 0  # our own surrogates are not residual PII


def test_surrogates_keep_formats_and_carry_valid_check_digits(tmp_path: Path, run_mask: Callable) -> None:
    text = (
        "Card 4111 1111 1111 1111, 身份证号 11010519491231002X, 手机 138-0013-8000, "
        "mail john.smith@acme-bank.com, phone (217) 555-0143."
    )
    _chat(tmp_path / "in.jsonl", [text])
    run_mask(tmp_path / "in.jsonl", tmp_path / "out.jsonl", mode="surrogates")
    out = _contents(tmp_path / "out.jsonl")[0]
    card = re.search(r"Card (\d{4} \d{4} \d{4} \d{4})", out)
    resident_id = re.search(r"身份证号 (\d{17}[\dX])", out)
    mobile = re.search(r"手机 (1[3-9]\d-\d{4}-\d{4})", out)
    assert card and card.group(1) != "4111 1111 1111 1111" and luhn_valid(card.group(1))
    assert resident_id and resident_id.group(1) != "11010519491231002X"
    assert cn_resident_id_check_valid(resident_id.group(1)) and cn_resident_id_birth_date_valid(resident_id.group(1))
    assert mobile and mobile.group(1) != "138-0013-8000"
    assert re.search(r"[a-z]+\.[a-z]+\d*@example\.invalid", out)
    assert re.search(r"phone \(\d{3}\) \d{3}-\d{4}", out) and "555-0143" not in out


@pytest.mark.parametrize(
    ("entity_type", "value"),
    [("CREDIT_CARD", "5500-0000-0000-0004"), ("CN_BANK_CARD", "6222 0202 0011 2233 445"),
     ("CN_RESIDENT_ID", "110105194912310021"), ("CN_MOBILE", "+86 13800138000")],
)  # fmt: skip
def test_surrogate_numbers_are_valid_for_any_digest(entity_type: str, value: str) -> None:
    for _ in range(200):
        fake = surrogate(entity_type, value, os.urandom(32))
        assert len(fake) == len(value)
        if "CARD" in entity_type:
            assert (
                luhn_valid(fake)
                and fake[: 2 if value.startswith("62") else 1] == value[: 2 if value.startswith("62") else 1]
            )
        elif entity_type == "CN_RESIDENT_ID":
            assert cn_resident_id_check_valid(fake) and cn_resident_id_birth_date_valid(fake)
        else:
            assert re.fullmatch(r"\+86 1[3-9]\d{9}", fake)


def test_surrogate_depends_only_on_the_digest() -> None:
    digest = os.urandom(32)
    assert surrogate("PERSON", "John Smith", digest) == surrogate("PERSON", "John Smith", digest)
