from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from gateway.corpus.canaries import read_manifest
from gateway.corpus.errors import CorpusError
from tests.corpus import corpora


def test_canaries_are_inserted_once_each_and_listed_in_a_separate_manifest(tmp_path: Path, run_mask: Callable) -> None:
    source = tmp_path / "in.jsonl"
    corpora.write(source, "sharegpt", 100)
    manifest = tmp_path / "canaries.json"
    report = run_mask(source, tmp_path / "out.jsonl", canaries=5, canary_manifest=manifest)

    canaries = read_manifest(manifest)
    assert len(canaries) == 5 and len({c.secret for c in canaries}) == 5
    assert manifest.stat().st_mode & 0o077 == 0
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 105 and report["canaries_inserted"] == 5
    for canary in canaries:
        holding = [i for i, line in enumerate(lines) if canary.secret in line]
        assert len(holding) == 1
        record = json.loads(lines[holding[0]])
        assert record["conversations"][1]["value"].startswith(canary.prefix)
    assert canary.secret not in source.read_text()


def test_canaries_need_a_manifest(tmp_path: Path, run_mask: Callable) -> None:
    source = tmp_path / "in.jsonl"
    corpora.write(source, "openai", 3)
    with pytest.raises(CorpusError, match="--canary-manifest"):
        run_mask(source, tmp_path / "out.jsonl", canaries=2)
