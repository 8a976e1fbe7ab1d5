"""BERT safetensors -> GGUF conversion: llama.cpp must tokenize and embed like the NumPy reference."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from gateway.model_files.bert_gguf import convert_bert_to_gguf
from gateway.model_files.manifest import MINILM_DIR
from tests.model_files.bert_reference import BertReference

TOKENIZER_CASES = [
    "Hello, world! How are you today?",
    "The invoice total is $1,234.56 (due 2024-03-15).",
    "Naïve café owners in Zürich serve crème brûlée.",
    "我爱北京天安门",
    "Contact: jane.doe@example.com; phone +49-30-123456.",
    "unaffable supercalifragilisticexpialidocious words",
    "  Tabs\tand\nnewlines   collapse  ",
    "It's 100% \"quoted\" — isn't it?!",
]

EMBED_CASES = [
    "The quick brown fox jumps over the lazy dog.",
    "Patient records must be encrypted at rest and in transit.",
    "What is the capital of France?",
    "Naïve café owners in Zürich serve crème brûlée.",
    "Q3 revenue grew 12% to $4.5B, beating estimates.",
    "東京 is the capital of 日本.",
    "ok",
]


@pytest.fixture(scope="session")
def minilm_dir(models_dir: Path) -> Path:
    """Source model folder (safetensors + vocab), as `gateway models fetch` leaves it."""
    path = models_dir / MINILM_DIR
    if not (path / "model.safetensors").is_file():
        pytest.fail(f"all-MiniLM-L6-v2 safetensors not found in {path}; run `gateway models fetch`")
    return path


@pytest.fixture(scope="session")
def gguf_path(minilm_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bert_gguf") / "all-minilm-l6-v2.f16.gguf"
    convert_bert_to_gguf(minilm_dir, out)
    return out


@pytest.fixture(scope="session")
def reference(minilm_dir: Path) -> BertReference:
    return BertReference.from_dir(minilm_dir)


@pytest.fixture(scope="session")
def llama(gguf_path: Path) -> Iterator[Any]:
    llama_cpp = pytest.importorskip("llama_cpp")
    model = llama_cpp.Llama(model_path=str(gguf_path), embedding=True, n_ctx=512, verbose=False)
    assert model.pooling_type() == llama_cpp.LLAMA_POOLING_TYPE_MEAN
    yield model
    model.close()


def _llama_embed(llama: Any, text: str) -> np.ndarray:
    # Llama.embed: MEAN pooling from the GGUF, normalize=False by default -> same as BertReference.embed.
    return np.asarray(llama.embed(text), dtype=np.float32)


def _cos(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("text", TOKENIZER_CASES)
def test_tokens_match_reference(llama: Any, reference: BertReference, text: str) -> None:
    assert llama.tokenize(text.encode("utf-8")) == reference.tokenize(text)


@pytest.mark.parametrize("text", EMBED_CASES)
def test_embedding_matches_reference(llama: Any, reference: BertReference, text: str) -> None:
    got, want = _llama_embed(llama, text), reference.embed(text)
    assert got.shape == want.shape == (384,)
    assert _cos(got, want) >= 0.999
    # both are un-normalized means, so magnitudes agree too (F16 weights: allow 1%)
    assert np.linalg.norm(got) == pytest.approx(np.linalg.norm(want), rel=0.01)


def test_paraphrase_scores_higher_than_unrelated(llama: Any) -> None:
    a = _llama_embed(llama, "A man is playing a guitar on stage.")
    b = _llama_embed(llama, "Someone performs a song with his guitar at a concert.")
    c = _llama_embed(llama, "The central bank raised interest rates by half a point.")
    related, unrelated = _cos(a, b), _cos(a, c)
    assert related > 0.5
    assert related - unrelated > 0.3


def test_conversion_is_deterministic(minilm_dir: Path, gguf_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "other-name.gguf"
    convert_bert_to_gguf(minilm_dir, again)
    assert _sha256(again) == _sha256(gguf_path)
    assert not [p for p in tmp_path.iterdir() if p.name != again.name]  # temp file was renamed away
