from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.cli.corpus import corpus
from gateway.corpus.errors import CorpusError

SECRET_LINE = b'{"messages": [{"role": "user", "content": "John Smith 4111 1111 1111 1111"}'  # broken JSON


def _corpus(path: Path) -> None:
    good = json.dumps({"messages": [{"role": "user", "content": "Hello, I am Maria Garcia."}]}).encode()
    lines = [good, SECRET_LINE, good, b'{"messages": [{"role": "user", "content": "caf\xe9"}]}', good,
             json.dumps({"messages": [{"role": "user"}]}).encode(), good]  # fmt: skip
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_bad_records_are_skipped_counted_and_listed_by_line(tmp_path: Path, run_mask: Callable) -> None:
    _corpus(tmp_path / "in.jsonl")
    report = run_mask(tmp_path / "in.jsonl", tmp_path / "out.jsonl", on_error="skip")
    assert report["records_processed"] == 7 and report["records_written"] == 4
    bad = report["bad_records"]["records"]
    assert [b["line"] for b in bad] == [2, 4, 6]
    assert "JSON" in bad[0]["reason"] and "UTF-8" in bad[1]["reason"] and "content" in bad[2]["reason"]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 4
    saved = json.loads((tmp_path / "out.jsonl.report.json").read_text())
    assert saved["bad_records"]["count"] == 3 and "John Smith" not in json.dumps(saved)


def test_on_error_fail_stops_naming_the_line(tmp_path: Path, run_mask: Callable) -> None:
    _corpus(tmp_path / "in.jsonl")
    with pytest.raises(CorpusError, match="line 2") as caught:
        run_mask(tmp_path / "in.jsonl", tmp_path / "out.jsonl", on_error="fail")
    assert "John" not in caught.value.message and "4111" not in caught.value.message


def test_cli_on_error_fail_exits_2_without_echoing_the_record(
    tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _corpus(tmp_path / "in.jsonl")
    monkeypatch.setenv("GATEWAY_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("GATEWAY_MODELS_DIR", str(models_dir))
    result = CliRunner().invoke(
        corpus,
        ["mask", str(tmp_path / "in.jsonl"), str(tmp_path / "out.jsonl"), "--workers", "0", "--on-error", "fail",
         "--no-progress"],
    )  # fmt: skip
    assert result.exit_code == 2
    assert "line 2" in result.output
    assert "John" not in result.output and "4111" not in result.output
