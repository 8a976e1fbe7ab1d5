from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gateway.corpus.sanitizer import MaskOptions, mask_corpus
from gateway.pii.masker import Masker
from gateway.settings import Settings
from tests.support import make_settings


@pytest.fixture
def corpus_settings(tmp_path: Path, models_dir: Path) -> Settings:
    return make_settings(tmp_path, models_dir)


@pytest.fixture
def run_mask(masker: Masker, corpus_settings: Settings) -> Callable[..., dict[str, Any]]:
    """Masks in this process with the session's detector (workers=0), so tests do not reload spaCy."""

    def run(source: Path, target: Path, **options: Any) -> dict[str, Any]:
        options.setdefault("progress", False)
        return mask_corpus(source, target, corpus_settings.pii_engine, MaskOptions(workers=0, **options),
                           detector=masker.detector)

    return run
