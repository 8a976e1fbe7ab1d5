"""``gateway kb reembed``: a knowledge base built with MiniLM moves to multilingual-e5-small in place (real models,
real LanceDB): every row gets the new model's vector, the table records the new model, the old one is refused from
then on, and an interrupted run leaves a table that opens for nothing but finishing it."""

from __future__ import annotations

import json
from pathlib import Path

import lancedb
import numpy as np
import pytest
from click.testing import CliRunner

from gateway.cli.kb import kb as cli
from gateway.errors import ConfigurationError, InvalidInput
from gateway.kb.ingest import passage_text
from gateway.kb.reembed import Reembedder
from gateway.kb.service import KnowledgeBase
from gateway.kb.store import REEMBED_KEY
from gateway.llm.embedder import LlamaCppEmbedder

from .conftest import doc
from .test_embedder_record import RIGHTS, open_kb, recorded

DOCS = [
    ("任何组织、个人对违法个人信息处理活动，有权向履行个人信息保护职责的部门进行投诉、举报。",
     "个人信息保护法 第六十五条"),
    ("商业银行应当按照规定向中国人民银行交存存款准备金，并留足备付金。", "商业银行法 第三十二条"),
    ("A complaint is answered in writing within fifteen business days of receipt.", "Complaints handling"),
]


def build(data: Path, embedder: LlamaCppEmbedder) -> None:
    data.mkdir()
    open_kb(data, embedder).ingest_many([doc(text, title=title, collection="regulations") for text, title in DOCS])


def reembed_open(data: Path, embedder: LlamaCppEmbedder) -> KnowledgeBase:
    return open_kb(data, embedder, reembed=True)


def test_reembedding_moves_every_row_to_the_new_model(tmp_path: Path, kb_embedder: LlamaCppEmbedder,
                                                      e5_embedder: LlamaCppEmbedder) -> None:
    data = tmp_path / "data"
    build(data, kb_embedder)
    report = reembed_open(data, e5_embedder).reembed()
    assert (report.rows, report.reembedded, report.shredded) == (3, 3, 0)
    assert recorded(data) == dict(e5_embedder.identity)
    metadata = lancedb.connect(str(data / "kb")).open_table("chunks").schema.metadata
    assert REEMBED_KEY.encode() not in metadata
    # Each stored vector is e5's vector of what ingestion embeds (title, then passage).
    rows = lancedb.connect(str(data / "kb")).open_table("chunks").to_arrow().to_pylist()
    expected = [e5_embedder.embed([passage_text(title, text)])[0] for text, title in DOCS]
    assert sorted(max(float(np.dot(row["vector"], v)) for row in rows) for v in expected) == \
        pytest.approx([1.0, 1.0, 1.0], abs=1e-4)
    kb = open_kb(data, e5_embedder)
    (best, *_) = kb.search("违法处理个人信息可以向谁投诉？", RIGHTS, 2, ranking="dense")
    assert best.title == "个人信息保护法 第六十五条"
    with pytest.raises(ConfigurationError, match="multilingual-e5-small"):
        open_kb(data, kb_embedder)
    with pytest.raises(InvalidInput, match="nothing to re-embed"):
        reembed_open(data, e5_embedder).reembed()


def test_an_interrupted_reembedding_opens_only_to_be_finished(tmp_path: Path, kb_embedder: LlamaCppEmbedder,
                                                              e5_embedder: LlamaCppEmbedder,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    build(data, kb_embedder)
    calls = []
    original = Reembedder._rewrite

    def fail_on_second(self: Reembedder, chunk_ids: list[str]) -> tuple[int, int]:
        calls.append(chunk_ids)
        if len(calls) == 2:
            raise OSError("disk full")
        return original(self, chunk_ids)

    monkeypatch.setattr(Reembedder, "_rewrite", fail_on_second)
    init = Reembedder.__init__
    monkeypatch.setattr(Reembedder, "__init__", lambda self, **kw: init(self, **kw, batch_size=2))
    with pytest.raises(OSError):
        reembed_open(data, e5_embedder).reembed()
    assert json.loads(lancedb.connect(str(data / "kb")).open_table("chunks").schema.metadata[REEMBED_KEY.encode()]
                      )["model"] == "multilingual-e5-small"
    assert recorded(data) == dict(kb_embedder.identity)  # still MiniLM's on record: it is not done
    for embedder in (kb_embedder, e5_embedder):
        with pytest.raises(ConfigurationError, match="interrupted"):
            open_kb(data, embedder)
    with pytest.raises(ConfigurationError, match="half re-embedded"):
        reembed_open(data, kb_embedder)
    monkeypatch.undo()
    assert reembed_open(data, e5_embedder).reembed().reembedded == 3
    assert recorded(data) == dict(e5_embedder.identity)
    assert open_kb(data, e5_embedder).search("complaint answered in writing", RIGHTS, 1)[0].title == \
        "Complaints handling"


def test_the_command_reembeds_with_the_configured_model(cli_db_url: str, tmp_path: Path, e5_model_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    source = tmp_path / "policy.md"
    source.write_text("# Complaints\n\nA complaint is answered in writing within fifteen business days.\n")
    ingested = runner.invoke(cli, ["ingest", str(source), "--collection", "regulations", "--classification",
                                   "internal", "--no-progress"])
    assert ingested.exit_code == 0, ingested.output
    monkeypatch.setenv("GATEWAY_EMBEDDING__MODEL", "multilingual-e5-small")
    monkeypatch.setenv("GATEWAY_EMBEDDING__MODEL_PATH", str(e5_model_path))
    refused = runner.invoke(cli, ["search", "complaint", "--role", "teller"])
    assert refused.exit_code == 2 and "gateway kb reembed" in refused.output
    done = runner.invoke(cli, ["reembed", "--no-progress"])
    assert done.exit_code == 0, done.output
    assert "re-embedded 1 of 1 rows with multilingual-e5-small (was all-MiniLM-L6-v2)" in done.output
    found = runner.invoke(cli, ["search", "how fast is a complaint answered", "--role", "teller"])
    assert found.exit_code == 0 and "Complaints" in found.output
