"""Ingestion: formats, versions, no-op re-ingest, atomicity under a crash, and named rejections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gateway.errors import InvalidInput
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import read_paths
from gateway.kb.store import ChunkStore
from gateway.policy.policy_set import PolicySet
from gateway.policy.schema import Classification

from .conftest import KbFactory, doc
from .files import docx_bytes, encrypted_pdf_bytes, pdf_bytes

SECRET = "Customer Ingrid Halvorsen holds account NO93 8601 1117 947"


def _texts(kb: KnowledgeBase, rights: object, query: str) -> list[str]:
    return [h.text for h in kb.search(query, rights, top_k=10)]  # type: ignore[arg-type]


def test_changed_document_becomes_a_new_version_and_old_chunks_stop_being_served(
    bank_kb: KnowledgeBase, bank: PolicySet
) -> None:
    admin = bank.rights(["admin"])
    first = bank_kb.ingest(doc("The wire transfer cut-off time is 15:00.", title="Cut-off", collection="regulations",
                               source="cutoff"))
    second = bank_kb.ingest(doc("The wire transfer cut-off time is 16:30 since May.", title="Cut-off",
                                collection="regulations", source="cutoff"))
    assert (first.status, first.version) == ("added", 1)
    assert (second.status, second.version, second.document_id) == ("updated", 2, first.document_id)
    hits = bank_kb.search("wire transfer cut-off time", admin, top_k=10)
    assert [h.version for h in hits] == [2] and "16:30" in hits[0].text
    assert bank_kb.registry.active_version(first.document_id) == 2
    assert bank_kb.store.count(f"doc_id = '{first.document_id}'") == 1  # the old version's rows are gone


def test_unchanged_reingest_is_a_no_op(bank_kb: KnowledgeBase) -> None:
    document = doc("Cheques clear in two business days.", title="Cheques", collection="branch-procedures")
    assert bank_kb.ingest(document).status == "added"
    again = bank_kb.ingest_many([document, document])
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
    assert bank_kb.store.count() == 1


def test_crash_after_chunks_were_written_leaves_nothing_searchable_and_retry_completes(
    bank_kb: KnowledgeBase, bank: PolicySet, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = bank.rights(["admin"])
    old = doc("Safe deposit boxes are opened by appointment only.", title="Boxes", collection="branch-procedures",
              source="boxes")
    bank_kb.ingest(old)
    new_docs = [
        doc("Safe deposit boxes now open without appointment on Fridays.", title="Boxes",
            collection="branch-procedures", source="boxes"),
        doc("Coin deposits above 50 EUR need a coin bag.", title="Coins", collection="branch-procedures"),
    ]

    def crash(self: ChunkStore, doc_ids: object, batch_id: str) -> None:
        raise RuntimeError("simulated crash before the flip")

    monkeypatch.setattr(ChunkStore, "activate", crash)
    with pytest.raises(RuntimeError):
        bank_kb.ingest_many(new_docs)
    assert bank_kb.store.count("active = false") > 0, "the pending chunks were written"
    assert _texts(bank_kb, admin, "coin deposits coin bag") == [old.blocks[0].text]
    assert _texts(bank_kb, admin, "safe deposit boxes appointment") == [old.blocks[0].text]

    monkeypatch.undo()
    report = bank_kb.ingest_many(new_docs)
    assert [o.status for o in report.outcomes] == ["updated", "added"]
    assert report.outcomes[0].version == 2
    texts = _texts(bank_kb, admin, "safe deposit boxes and coin deposits")
    assert sorted(texts) == sorted(d.blocks[0].text for d in new_docs)
    assert bank_kb.store.count() == 2 and bank_kb.store.count("active = false") == 0


def test_formats_are_read_with_their_structure(bank_kb: KnowledgeBase, bank: PolicySet, tmp_path: Path) -> None:
    files = {
        "rates.md": b"# Mortgage rates\n\nFixed 10-year mortgages cost 3.1% per year.\n\n## Fees\n\nArrangement 900.",
        "hours.html": b"<html><head><title>Opening hours</title><script>var x='nope';</script></head><body>"
                      b"<h1>Hours</h1><p>Branches open at 09:00 on weekdays.</p></body></html>",
        "atm.pdf": pdf_bytes(["ATM withdrawals are limited to 500 EUR per day."], title="ATM limits"),
        "loans.docx": docx_bytes([("Title", "Personal loans"), ("Heading1", "Terms"),
                                  (None, "Personal loans run for up to seven years.")]),
        "note.txt": b"Lost cards are blocked by calling the hotline.",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    report = bank_kb.ingest_many(read_paths(sorted(tmp_path.iterdir()), collection="retail-products",
                                            level=Classification.internal, max_bytes=1_000_000))
    assert report.count("added") == 5, report.rejected
    teller = bank.rights(["teller"])
    assert kb_title(bank_kb, teller, "ATM daily withdrawal limit") == "ATM limits"
    assert kb_title(bank_kb, teller, "when do branches open") == "Opening hours"
    assert kb_title(bank_kb, teller, "how long can a personal loan run") == "Personal loans"
    mortgage = bank_kb.search("fixed mortgage rate", teller, top_k=1)[0]
    assert mortgage.title == "Mortgage rates" and mortgage.text.startswith("Mortgage rates")
    assert all("nope" not in h.text for h in bank_kb.search("opening hours", teller, top_k=5))


def kb_title(kb: KnowledgeBase, rights: object, query: str) -> str:
    return kb.search(query, rights, top_k=1)[0].title  # type: ignore[arg-type]


def test_bad_files_and_lines_are_rejected_by_name_and_the_rest_goes_on(
    kb_factory: KbFactory, bank: PolicySet, tmp_path: Path
) -> None:
    kb = kb_factory(bank, max_document_bytes=4096)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text("# Good\n\nStanding orders can be changed online.")
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.4\n" + SECRET.encode() + b"\n garbage \x00\xff")
    (folder / "locked.pdf").write_bytes(encrypted_pdf_bytes([SECRET]))
    (folder / "empty.txt").write_text("   \n\n  ")
    (folder / "huge.txt").write_text(SECRET + " " + "x" * 5000)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04" + SECRET.encode())
    (folder / "legacy.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + SECRET.encode())
    (folder / "notes.rtf").write_text(SECRET)
    lines = [
        json.dumps({"text": "Overdrafts are reviewed yearly.", "title": "Overdrafts"}),
        '{"text": "' + SECRET + '", "title": ',
        json.dumps({"title": SECRET}),
        json.dumps({"text": SECRET, "classification": "top-secret"}),
        json.dumps({"text": "   ", "title": "blank"}),
        json.dumps({"text": SECRET, "collection": "no-such-collection"}),
        json.dumps({"text": "Gift cards expire after three years.", "title": "Gift cards", "metadata": {"n": 1}}),
    ]
    (folder / "bulk.jsonl").write_text("\n".join(lines) + "\n")
    paths = sorted(folder.iterdir())
    report = kb.ingest_many(read_paths(paths, collection="retail-products", level=Classification.internal,
                                       max_bytes=kb.settings.max_document_bytes))
    errors = {o.label: o.error or "" for o in report.rejected}
    assert report.count("added") == 3
    expected = {
        "corrupt.pdf": "not a readable PDF", "locked.pdf": "password-protected", "empty.txt": "no text",
        "huge.txt": "exceeds the limit", "broken.docx": "not a readable DOCX", "legacy.docx": "password-protected",
        "notes.rtf": "unsupported file type", "bulk.jsonl line 2": "not valid JSON",
        "bulk.jsonl line 3": "text", "bulk.jsonl line 4": "must be one of", "bulk.jsonl line 5": "no text",
        "bulk.jsonl line 6": "not declared",
    }
    assert set(errors) == set(expected)
    for label, fragment in expected.items():
        assert errors[label].startswith(label) and fragment in errors[label], (label, errors[label])
        assert "Halvorsen" not in errors[label] and "8601" not in errors[label]
    admin = bank.rights(["admin"])
    assert all("Halvorsen" not in h.text for h in kb.search("Ingrid Halvorsen account", admin, top_k=10))
    assert kb.store.count() == 3


def test_single_ingest_raises_a_named_error(bank_kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidInput, match=r"^Empty: the document contains no text"):
        bank_kb.ingest(doc("# Only a heading", title="Empty", collection="regulations"))


def test_large_jsonl_bulk_is_batched(kb_factory: KbFactory, bank: PolicySet, tmp_path: Path) -> None:
    kb = kb_factory(bank, ingest_batch_documents=50)
    path = tmp_path / "bulk.jsonl"
    with path.open("w") as out:
        for n in range(400):
            out.write(json.dumps({"text": f"Branch {n} closes at {n % 12 + 1} pm on Saturdays.", "id": f"b{n}",
                                  "title": f"Branch {n}", "collection": "branch-procedures",
                                  "classification": "public"}) + "\n")
    seen: list[int] = []
    report = kb.ingest_many(read_paths([path], collection=None, level=None, max_bytes=10_000),
                            on_outcome=lambda o: seen.append(1))
    assert report.count("added") == 400 and len(seen) == 400
    assert kb.store.count("active = true") == 400
    hit = kb.search("When does branch 123 close on Saturdays?", bank.rights(["teller"]), top_k=1)[0]
    assert hit.title == "Branch 123"
