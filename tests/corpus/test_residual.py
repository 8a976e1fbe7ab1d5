from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from gateway.corpus.engine import ChunkEngine, ChunkJob, EngineConfig
from gateway.pii.masker import Masker
from gateway.pii.rules import PiiRules


def _job(*texts: str) -> ChunkJob:
    lines = [json.dumps({"messages": [{"role": "user", "content": t}]}).encode() for t in texts]
    return ChunkJob([(i + 1, line, b"\n") for i, line in enumerate(lines)])


def test_personal_data_left_in_the_output_is_reported_by_type_and_line(masker: Masker) -> None:
    engine = ChunkEngine(masker.detector, b"k" * 32, EngineConfig("openai", "tags"))
    engine.rules = PiiRules(entities_masked=frozenset({"EMAIL_ADDRESS"}))  # a first pass that misses phone numbers
    outcomes = engine.run(_job("Nothing here.", "Mail anna@acme-bank.com or call +1 217 555 0143."))
    assert outcomes[0].residual == []
    assert outcomes[1].residual == ["PHONE_NUMBER"]
    assert outcomes[1].counts == {"EMAIL_ADDRESS": 1}


def test_a_name_left_beside_a_replacement_is_still_reported(masker: Masker) -> None:
    engine = ChunkEngine(masker.detector, b"k" * 32, EngineConfig("openai", "tags"))
    engine.rules = PiiRules(entities_masked=frozenset({"EMAIL_ADDRESS"}))  # a first pass that misses names
    outcomes = engine.run(_job("Please write to anna@acme-bank.com and copy Margaret Thornton on it."))
    assert outcomes[0].counts == {"EMAIL_ADDRESS": 1}
    assert "PERSON" in outcomes[0].residual


def test_a_string_repeated_in_a_chunk_is_masked_and_scanned_in_every_record(masker: Masker) -> None:
    engine = ChunkEngine(masker.detector, b"k" * 32, EngineConfig("openai", "tags"))
    engine.rules = PiiRules(entities_masked=frozenset({"EMAIL_ADDRESS"}))
    text = "Mail anna@acme-bank.com or call +1 217 555 0143."
    outcomes = engine.run(_job(text, "Nothing here.", text, text))
    assert [o.residual for o in outcomes] == [["PHONE_NUMBER"], [], ["PHONE_NUMBER"], ["PHONE_NUMBER"]]
    assert [o.counts for o in outcomes] == [{"EMAIL_ADDRESS": 1}, {}, {"EMAIL_ADDRESS": 1}, {"EMAIL_ADDRESS": 1}]
    assert outcomes[0].text == outcomes[2].text == outcomes[3].text and outcomes[1].text is None


def test_a_masked_corpus_has_no_residual_findings(tmp_path: Path, run_mask: Callable) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"messages": [{"role": "user", "content": f"I am Maria Garcia, SSN 123-45-678{i}."}]}) + "\n"
                for i in range(10)),
        encoding="utf-8",
    )  # fmt: skip
    report = run_mask(source, tmp_path / "out.jsonl")
    assert report["records_changed"] == 10
    assert report["residual_scan"]["records_flagged"] == 0
