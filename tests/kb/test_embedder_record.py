"""A knowledge base is searched only with the embedder that built it: its table records the embedder (model, file
sha256, prefixes, normalisation) and opening it with another fails start-up with a ConfigurationError. MiniLM and
multilingual-e5-small both give 384 dimensions, so nothing else would notice (real models, real LanceDB)."""

from __future__ import annotations

import json
from pathlib import Path

import lancedb
import pytest

from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.errors import ConfigurationError
from gateway.kb.service import KnowledgeBase, open_knowledge_base
from gateway.kb.settings import KbSettings
from gateway.kb.store import EMBEDDER_KEY
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.policy.policy_set import EffectiveRights
from gateway.policy.schema import Classification

from .conftest import doc

RIGHTS = EffectiveRights(roles=("t",), permissions=frozenset({"search"}),
                         grants={"regulations": Classification.restricted})


def open_kb(data_dir: Path, embedder: LlamaCppEmbedder, *, reembed: bool = False) -> KnowledgeBase:
    url = f"sqlite:///{data_dir / 'gateway.db'}"
    upgrade(url)
    return open_knowledge_base(KbSettings(), data_dir=data_dir, kb_uri=str(data_dir / "kb"), db=Database(url),
                               embedder=embedder, reembed=reembed)


def recorded(data_dir: Path) -> dict[str, str] | None:
    raw = (lancedb.connect(str(data_dir / "kb")).open_table("chunks").schema.metadata or {}).get(EMBEDDER_KEY.encode())
    return json.loads(raw) if raw else None


def test_a_kb_built_by_minilm_refuses_the_e5_embedder(tmp_path: Path, kb_embedder: LlamaCppEmbedder,
                                                     e5_embedder: LlamaCppEmbedder) -> None:
    (tmp_path / "data").mkdir()
    data = tmp_path / "data"
    kb = open_kb(data, kb_embedder)
    kb.ingest_many([doc("Complaints are answered within fifteen days.", title="Complaints", collection="regulations")])
    assert recorded(data) == dict(kb_embedder.identity)
    with pytest.raises(ConfigurationError) as failure:
        open_kb(data, e5_embedder)
    message = str(failure.value)
    assert "all-MiniLM-L6-v2" in message and "multilingual-e5-small" in message and "re-ingest" in message
    assert open_kb(data, kb_embedder).search("complaints", RIGHTS, 3)  # the right embedder still opens it


def test_an_e5_kb_records_e5_and_finds_the_chinese_passage(tmp_path: Path, e5_embedder: LlamaCppEmbedder,
                                                          kb_embedder: LlamaCppEmbedder) -> None:
    data = tmp_path / "data"
    data.mkdir()
    kb = open_kb(data, e5_embedder)
    kb.ingest_many([
        doc("任何组织、个人对违法个人信息处理活动，有权向履行个人信息保护职责的部门进行投诉、举报。",
            title="个人信息保护法 第六十五条", collection="regulations"),
        doc("商业银行应当按照规定向中国人民银行交存存款准备金，并留足备付金。",
            title="商业银行法 第三十二条", collection="regulations"),
    ])
    assert recorded(data) == dict(e5_embedder.identity)
    assert recorded(data)["passage_prefix"] == "passage: "  # type: ignore[index]
    (best, *_) = kb.search("违法处理个人信息可以向谁投诉？", RIGHTS, 2, ranking="dense")
    assert best.title == "个人信息保护法 第六十五条"
    with pytest.raises(ConfigurationError, match="multilingual-e5-small"):
        open_kb(data, kb_embedder)


def test_a_table_from_before_the_record_counts_as_minilm(tmp_path: Path, kb_embedder: LlamaCppEmbedder,
                                                        e5_embedder: LlamaCppEmbedder) -> None:
    data = tmp_path / "data"
    data.mkdir()
    open_kb(data, kb_embedder).ingest_many([doc("Vault opening needs two tellers.", title="Vault",
                                                collection="regulations")])
    lancedb.connect(str(data / "kb")).open_table("chunks").to_lance().update_schema_metadata({EMBEDDER_KEY: None})
    assert recorded(data) is None
    with pytest.raises(ConfigurationError, match="all-MiniLM-L6-v2"):
        open_kb(data, e5_embedder)
    open_kb(data, kb_embedder)
    assert recorded(data) == dict(kb_embedder.identity)  # recorded on the first open by its embedder
