"""Markdown front matter: title, source id, collection and classification from the file; the rest as metadata; each
chunk knows the sections it holds, and a retrieved passage carries both."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.cli.kb import kb
from gateway.errors import InvalidInput
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import read_file, read_paths
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import PolicySet
from gateway.policy.schema import Classification

SAVINGS = PROJECT_ROOT / "examples" / "bank" / "docs" / "retail-savings-account.md"
LIMIT = 1_000_000


def test_front_matter_gives_title_source_collection_classification_and_metadata() -> None:
    document = read_file(SAVINGS, collection=None, level=None, max_bytes=LIMIT)
    assert document.title == "Everyday Savings Account Product Sheet"
    assert document.source == "retail/savings-account"
    assert (document.collection, document.classification) == ("retail-products", Classification.public)
    assert document.metadata == {"source_id": "retail/savings-account", "version_label": "2026-03",
                                 "effective_date": "2026-03-01", "language": "en"}
    assert "---" not in document.text and "version_label" not in document.text


def test_a_given_collection_or_classification_the_front_matter_contradicts_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"retail-savings-account\.md: the front matter names another collection"):
        read_file(SAVINGS, collection="internal-audit", level=None, max_bytes=LIMIT)
    with pytest.raises(InvalidInput, match="another classification"):
        read_file(SAVINGS, collection="retail-products", level=Classification.restricted, max_bytes=LIMIT)
    agreed = read_file(SAVINGS, collection="retail-products", level=Classification.public, max_bytes=LIMIT)
    assert agreed.source == "retail/savings-account"


@pytest.mark.parametrize(("front", "message"), [
    ("title: [unclosed\n", "the front matter is not valid YAML"),
    ("- a list\n", "must be a mapping"),
    ("owner: {name: Ingrid Halvorsen}\n", "front matter key 'owner' must be"),
    ("collection: retail-products\n", "no classification"),
])
def test_bad_front_matter_is_rejected_by_file_name_without_quoting_it(tmp_path: Path, front: str,
                                                                       message: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front}---\n# Title\n\nText.\n")
    outcomes = list(read_paths([path], collection=None, level=None, max_bytes=LIMIT))
    assert outcomes[0].status == "rejected" and outcomes[0].error.startswith("bad.md: ")  # type: ignore[union-attr]
    assert message in outcomes[0].error and "Halvorsen" not in outcomes[0].error  # type: ignore[union-attr, operator]


def test_retrieved_passages_carry_their_sections_and_front_matter(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    bank_kb.ingest(read_file(SAVINGS, collection=None, level=None, max_bytes=LIMIT))
    hit = bank_kb.search("What is the minimum opening deposit?", bank.rights(["teller"]), 1)[0]
    assert hit.title == "Everyday Savings Account Product Sheet"
    assert "Everyday Savings Account Product Sheet > Opening Deposit and Balance Limits" in hit.sections
    assert hit.metadata["source_id"] == "retail/savings-account" and hit.metadata["effective_date"] == "2026-03-01"


def test_ingest_command_files_documents_by_their_front_matter(tmp_path: Path, cli_db_url: str) -> None:
    docs = PROJECT_ROOT / "examples" / "bank" / "docs"
    paths = [str(docs / "retail-savings-account.md"), str(docs / "cn-card-loss.md")]
    result = CliRunner().invoke(kb, ["ingest", *paths, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "added 2, updated 0, unchanged 0, rejected 0" in result.output
    searched = CliRunner().invoke(kb, ["search", "银行卡挂失", "--role", "teller"])
    assert "branch-procedures/internal" in searched.output and "银行卡挂失与补办流程" in searched.output
