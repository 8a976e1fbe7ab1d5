from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gateway.corpus.sanitizer import MaskOptions, mask_corpus
from gateway.settings import Settings
from tests.corpus import corpora


def test_worker_processes_keep_record_order_and_match_an_in_process_run(
    tmp_path: Path, run_mask: Callable, corpus_settings: Settings
) -> None:
    source = tmp_path / "in.jsonl"
    corpora.write(source, "openai", 300)
    run_mask(source, tmp_path / "inline.jsonl", chunk_size=16)

    report = mask_corpus(
        source, tmp_path / "parallel.jsonl", corpus_settings.pii_engine,
        MaskOptions(workers=2, chunk_size=16, progress=False),
    )

    assert report["records_written"] == 300
    assert (tmp_path / "parallel.jsonl").read_bytes() == (tmp_path / "inline.jsonl").read_bytes()
    assert not (tmp_path / "parallel.jsonl.progress").exists()


def test_a_canary_after_a_last_line_without_newline_starts_its_own_line(tmp_path: Path, run_mask: Callable) -> None:
    source = tmp_path / "in.txt"
    source.write_text("first line\nlast line without newline", encoding="utf-8")
    run_mask(source, tmp_path / "out.txt", canaries=3, canary_manifest=tmp_path / "m.json")
    lines = (tmp_path / "out.txt").read_text(encoding="utf-8").splitlines()
    assert "last line without newline" in lines and len(lines) == 5
