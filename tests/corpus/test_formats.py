from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.corpus import corpora


@pytest.mark.parametrize("fmt", ["openai", "sharegpt", "alpaca", "text", "csv"])
def test_each_format_is_detected_and_round_trips_its_structure(tmp_path: Path, run_mask: Callable, fmt: str) -> None:
    source = tmp_path / ("in.csv" if fmt == "csv" else "in.jsonl")
    texts = corpora.write(source, fmt, 40)
    report = run_mask(source, tmp_path / "out", columns=("text",) if fmt == "csv" else None)

    assert report["format"] == fmt
    before, after = corpora.records(source, fmt), corpora.records(tmp_path / "out", fmt)
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        if isinstance(old, dict):
            assert list(old) == list(new)
            assert json.dumps(old, sort_keys=True).count('"') == json.dumps(new, sort_keys=True).count('"')
        if fmt == "csv":
            assert len(old) == len(new) and old[0] == new[0] and old[2] == new[2]  # unmasked columns kept
    output = (tmp_path / "out").read_text(encoding="utf-8")
    for name in corpora.NAMES:
        assert name not in output
    assert "@acme-bank.com" not in output
    assert report["records_changed"] == sum(1 for i in range(len(texts)) if i % 5)


def test_records_without_personal_data_are_copied_byte_for_byte(tmp_path: Path, run_mask: Callable) -> None:
    source = tmp_path / "in.jsonl"
    source.write_bytes(b'{"instruction": "Explain APR.",   "input": "", "output": "It is a rate."}\r\n')
    run_mask(source, tmp_path / "out.jsonl")
    assert (tmp_path / "out.jsonl").read_bytes() == source.read_bytes()


def test_openai_multi_part_content_text_parts_are_masked(tmp_path: Path, run_mask: Callable) -> None:
    record = {"messages": [{"role": "user", "content": [{"type": "text", "text": "I am John Smith."}]}]}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n")
    run_mask(source, tmp_path / "out.jsonl")
    masked = json.loads((tmp_path / "out.jsonl").read_text())
    assert masked["messages"][0]["content"] == [{"type": "text", "text": "I am <PERSON_1>."}]


def test_every_field_people_wrote_is_masked_and_format_vocabulary_is_not(tmp_path: Path, run_mask: Callable) -> None:
    """Tool-call arguments, a message's name, system prompts, Alpaca history and metadata hold personal data too."""
    chat = {
        "messages": [
            {"role": "system", "content": "You help Maria Garcia's bank."},
            {"role": "user", "name": "John Smith", "content": "Move my savings."},
            {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function", "function": {
                "name": "transfer", "arguments": json.dumps({"beneficiary": "Robert Johnson", "iban":
                                                             "DE89370400440532013000"})}}]},
            {"role": "tool", "tool_call_id": "call_1", "content": "Done for Robert Johnson."},
        ],
        "metadata": {"customer": "Emily Davis", "channel": "web"},
    }
    alpaca = {"instruction": "Reply.", "input": "", "output": "Sure.", "system": "Agent for John Smith.",
              "history": [["Who is my adviser?", "Maria Garcia, phone +1 217 555 0143."]]}
    sharegpt = {"system": "Customer: Emily Davis", "conversations": [{"from": "human", "value": "Hello"}]}
    for name, record in (("chat", chat), ("alpaca", alpaca), ("sharegpt", sharegpt)):
        source = tmp_path / f"{name}.jsonl"
        source.write_text(json.dumps(record) + "\n")
        run_mask(source, tmp_path / f"{name}.out.jsonl")
        output = (tmp_path / f"{name}.out.jsonl").read_text()
        for value in ("Maria Garcia", "John Smith", "Robert Johnson", "Emily Davis", "DE89370400440532013000",
                      "555 0143"):
            assert value not in output, (name, value)
        masked = json.loads(output)
        if name == "chat":
            call = masked["messages"][2]["tool_calls"][0]
            assert call["function"]["name"] == "transfer" and call["type"] == "function"
            assert json.loads(call["function"]["arguments"])["beneficiary"].startswith("<PERSON_")
            assert [m["role"] for m in masked["messages"]] == ["system", "user", "assistant", "tool"]
            assert masked["metadata"]["channel"] == "web"
