"""The embedder applies each model's conventions: multilingual-e5-small gets ``query: ``/``passage: `` and NFKC,
MiniLM nothing; with e5 a Chinese question lies nearer its own passage than an unrelated one (real models)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import numpy as np
import pytest

from gateway.llm.embedder import EMBEDDING_MODELS, EmbeddingModel, LlamaCppEmbedder
from gateway.model_files import manifest

QUESTION = "发现违法收集个人信息的行为，可以向哪个部门举报？"
OWN = "任何组织、个人对违法个人信息处理活动，有权向履行个人信息保护职责的部门进行投诉、举报。"
UNRELATED = "商业银行应当按照规定向中国人民银行交存存款准备金，并留足备付金。"


def cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b))  # unit vectors


@pytest.fixture(scope="module")
def e5_raw(e5_model_path: Path) -> LlamaCppEmbedder:
    """The same file with no prefixes and no normalisation: what the text would give unprepared."""
    bare = EmbeddingModel("multilingual-e5-small", manifest.E5_EMBEDDING_MODEL)
    return LlamaCppEmbedder(e5_model_path, model=bare)


def test_e5_prefixes_queries_and_passages(e5_embedder: LlamaCppEmbedder, e5_raw: LlamaCppEmbedder) -> None:
    query = e5_embedder.embed_query(QUESTION)
    (passage,) = e5_embedder.embed([QUESTION])
    normalised = unicodedata.normalize("NFKC", QUESTION)  # full-width ，？ become , ?
    assert normalised != QUESTION
    assert cos(query, e5_raw.embed(["query: " + normalised])[0]) > 0.9999
    assert cos(passage, e5_raw.embed(["passage: " + normalised])[0]) > 0.9999
    assert cos(query, e5_raw.embed(["query: " + QUESTION])[0]) < 0.999  # NFKC changes what the model sees
    assert cos(query, passage) < 0.999
    assert e5_embedder.count_tokens(OWN) == e5_raw.count_tokens("passage: " + unicodedata.normalize("NFKC", OWN))


def test_e5_normalises_text_with_nfkc(e5_embedder: LlamaCppEmbedder) -> None:
    full_width = "ＰＩＰＬ第５０条：个人信息处理者"
    assert cos(e5_embedder.embed_query(full_width), e5_embedder.embed_query("PIPL第50条:个人信息处理者")) > 0.9999


def test_e5_ranks_a_chinese_question_nearer_its_own_passage(e5_embedder: LlamaCppEmbedder) -> None:
    query = e5_embedder.embed_query(QUESTION)
    own, unrelated = e5_embedder.embed([OWN, UNRELATED])
    assert cos(query, own) > cos(query, unrelated) + 0.02
    assert e5_embedder.dimensions == 384
    assert e5_embedder.identity["model"] == "multilingual-e5-small"
    assert e5_embedder.identity["sha256"] == manifest.E5_EMBEDDING_MODEL.sha256


def test_minilm_embeds_text_as_it_is(embedder: LlamaCppEmbedder) -> None:
    assert EMBEDDING_MODELS["all-MiniLM-L6-v2"].query_prefix == ""
    text = "Where can unlawful collection of personal data be reported?"
    assert cos(embedder.embed_query(text), embedder.embed([text])[0]) > 0.9999
    assert embedder.identity["sha256"] == manifest.EMBEDDING_MODEL.sha256
