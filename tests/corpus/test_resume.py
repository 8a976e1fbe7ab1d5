from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from gateway.settings import Settings
from tests.corpus import corpora

CLI = "from gateway.cli.corpus import corpus; corpus()"


def test_a_run_killed_with_sigkill_resumes_to_the_same_bytes_as_an_uninterrupted_run(
    tmp_path: Path, run_mask: Callable, corpus_settings: Settings
) -> None:
    source = tmp_path / "in.jsonl"
    corpora.write(source, "openai", 400)
    run_mask(source, tmp_path / "whole.jsonl", chunk_size=16)

    target = tmp_path / "resumed.jsonl"
    progress = tmp_path / "resumed.jsonl.progress"
    env = {**os.environ, "GATEWAY_DATA_DIR": str(corpus_settings.data_dir),
           "GATEWAY_MODELS_DIR": str(corpus_settings.models_dir), "PYTHONPATH": os.getcwd()}  # fmt: skip
    child = subprocess.Popen(
        [sys.executable, "-c", CLI, "mask", str(source), str(target), "--workers", "1", "--chunk-size", "16",
         "--no-progress"],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    done = 0
    while time.monotonic() < deadline and child.poll() is None:
        if progress.exists():
            try:
                done = json.loads(progress.read_text())["records_read"]
            except ValueError:
                done = 0
            if done >= 48:
                break
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGKILL)  # the CLI and its worker, mid-run, no chance to clean up
    child.wait()
    assert 48 <= done < 400, "the run should have been killed part-way"
    assert progress.exists()

    report = run_mask(source, target, chunk_size=16)

    assert report["resumed"] is True
    assert target.read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert report["records_written"] == 400
    assert not progress.exists() and not (tmp_path / "resumed.jsonl.progress.tags").exists()


def test_a_checkpoint_of_other_options_is_refused(tmp_path: Path, run_mask: Callable) -> None:
    import pytest

    from gateway.corpus.errors import CorpusError

    source = tmp_path / "in.jsonl"
    corpora.write(source, "openai", 5)
    (tmp_path / "out.jsonl.progress").write_text(json.dumps({"version": 1, "fingerprint": {"mode": "x"}}))
    with pytest.raises(CorpusError, match="delete it to start over"):
        run_mask(source, tmp_path / "out.jsonl")
