"""Role filtering happens inside the search: what a role may not see never appears, and its top-k stays full."""

from __future__ import annotations

import hashlib

import pytest

from gateway.kb.service import KnowledgeBase
from gateway.policy.policy_set import PolicySet

from .conftest import KbFactory, doc

VISIBLE = [
    ("Basic current account fees", "retail-products", "public",
     "The Basic current account costs 2 EUR per month. Card replacement costs 10 EUR."),
    ("Savings account rates", "retail-products", "internal",
     "The Flex Saver account pays 1.5% interest per year, credited monthly."),
    ("Opening the branch vault", "branch-procedures", "internal",
     "Two tellers must be present to open the branch vault. The vault log is signed by both tellers."),
    ("Cash counting procedure", "branch-procedures", "internal",
     "Cash is counted twice at the end of each shift and recorded in the teller balance sheet."),
    ("Identity checks at the counter", "branch-procedures", "public",
     "Tellers verify a passport or national ID card before any cash withdrawal above 1000 EUR."),
    ("Payment services regulation", "regulations", "public",
     "Article 5(1): payment service providers must inform customers of all charges before a payment."),
    ("Deposit guarantee rules", "regulations", "internal",
     "Deposits are guaranteed up to 100000 EUR per depositor per bank under the deposit guarantee scheme."),
    ("Complaints handling", "regulations", "internal",
     "Complaints must be acknowledged within five business days and answered within fifteen."),
]

FORBIDDEN = [
    ("Vault combination codes", "branch-procedures", "restricted",
     "RESTRICTED: the vault combination code for the main branch vault is 4-17-29-8, changed every quarter."),
    ("Staff bonus pool", "retail-products", "confidential",
     "CONFIDENTIAL: the retail staff bonus pool for account sales is 2.4 million EUR this year."),
    ("Credit limits for SMEs", "credit-policy", "internal",
     "Small business credit limits are capped at 250000 EUR without credit committee approval."),
    ("Audit finding on vault access", "internal-audit", "restricted",
     "Internal audit found that the vault combination code was shared by email in March."),
    ("Supervisory findings", "regulations", "confidential",
     "CONFIDENTIAL supervisory letter: the regulator found deficiencies in payment charge disclosures."),
]

LITERAL_QUERIES = [
    "What is the vault combination code?",
    "restricted vault combination code main branch",
    "confidential staff bonus pool for account sales",
    "credit limits for small business SME credit committee",
    "internal audit finding vault access shared by email",
    "confidential supervisory letter deficiencies payment charges",
]


@pytest.fixture
def loaded(bank_kb: KnowledgeBase) -> tuple[KnowledgeBase, set[str]]:
    docs = [doc(text, title=title, collection=c, level=level) for title, c, level, text in VISIBLE + FORBIDDEN]
    report = bank_kb.ingest_many(docs)
    assert report.count("added") == len(docs)
    forbidden_ids = {o.document_id for o in report.outcomes[len(VISIBLE):]}
    assert None not in forbidden_ids
    return bank_kb, {i for i in forbidden_ids if i}


@pytest.mark.parametrize("query", LITERAL_QUERIES)
@pytest.mark.parametrize("ranking", ["fused", "dense", "lexical"])
def test_teller_cannot_retrieve_restricted_or_foreign_chunks(
    loaded: tuple[KnowledgeBase, set[str]], bank: PolicySet, query: str, ranking: str
) -> None:
    kb, forbidden = loaded
    teller = bank.rights(["teller"])
    hits = kb.search(query, teller, top_k=5, ranking=ranking)  # type: ignore[arg-type]
    assert all(h.document_id not in forbidden for h in hits)
    assert all(h.collection in {"retail-products", "branch-procedures", "regulations"} for h in hits)
    assert all(h.classification in {"public", "internal"} for h in hits)
    if ranking != "lexical":  # the lexical ranking only returns chunks sharing a term with the query
        assert len(hits) == 5, "top-k must stay full for the chunks a teller may see"


def test_literal_queries_do_target_the_forbidden_chunks_for_a_cleared_role(
    loaded: tuple[KnowledgeBase, set[str]], bank: PolicySet
) -> None:
    kb, forbidden = loaded
    compliance = bank.rights(["compliance_officer"])
    for query in LITERAL_QUERIES:
        assert kb.search(query, compliance, top_k=3)[0].document_id in forbidden, query


def test_requested_collections_narrow_but_never_widen(loaded: tuple[KnowledgeBase, set[str]], bank: PolicySet) -> None:
    kb, _ = loaded
    teller = bank.rights(["teller"])
    hits = kb.search("credit limits", teller, top_k=5, collections=["credit-policy", "regulations"])
    assert hits and {h.collection for h in hits} == {"regulations"}
    assert kb.search("credit limits", teller, top_k=5, collections=["credit-policy"]) == []


def test_hits_are_decrypted_with_title_version_and_chunk(loaded: tuple[KnowledgeBase, set[str]],
                                                         bank: PolicySet) -> None:
    kb, _ = loaded
    hit = kb.search("How many tellers must be present to open the vault?", bank.rights(["teller"]), top_k=1)[0]
    assert hit.title == "Opening the branch vault"
    assert "Two tellers must be present" in hit.text
    assert hit.version == 1 and hit.chunk_id.startswith(f"{hit.document_id}:1:")
    assert hit.similarity > 0.4


def test_citation_hash_is_keyed_stable_and_bound_to_the_chunk(loaded: tuple[KnowledgeBase, set[str]],
                                                              bank: PolicySet) -> None:
    kb, _ = loaded
    question = "How many tellers must be present to open the vault?"
    hit = kb.search(question, bank.rights(["teller"]), top_k=1)[0]
    assert hit.chunk_hash == kb.search(question, bank.rights(["admin"]), top_k=1)[0].chunk_hash
    assert len(hit.chunk_hash) == 64
    # Not a plain hash of the passage: holding the audit trail does not let anyone confirm a guessed passage.
    assert hit.chunk_hash not in {hashlib.sha256(hit.text.encode()).hexdigest(),
                                  hashlib.sha256(f"{hit.chunk_id}\x00{hit.text}".encode()).hexdigest()}
    assert kb.retriever.citation_hash(hit.chunk_id, hit.text + " ") != hit.chunk_hash
    assert kb.retriever.citation_hash(f"{hit.document_id}:1:99", hit.text) != hit.chunk_hash


def test_article_reference_found_by_lexical_ranking(loaded: tuple[KnowledgeBase, set[str]], bank: PolicySet) -> None:
    kb, _ = loaded
    hits = kb.search("art. 5(1)", bank.rights(["teller"]), top_k=3, ranking="lexical")
    assert hits[0].title == "Payment services regulation"


def test_clinician_retrieves_clinical_chunks_nurse_and_registrar_do_not(
    kb_factory: KbFactory, hospital: PolicySet
) -> None:
    kb = kb_factory(hospital)
    kb.ingest_many([
        doc("Sepsis bundle: take blood cultures, give broad-spectrum antibiotics within one hour, measure lactate.",
            title="Sepsis protocol", collection="clinical-guidelines", level="confidential"),
        doc("Check two patient identifiers before giving any medication.",
            title="Medication safety", collection="nursing-procedures", level="internal"),
        doc("Patients register at the front desk with an insurance card.",
            title="Registration", collection="admissions", level="internal"),
    ])
    question = "What is the sepsis bundle and when are antibiotics given?"
    clinician = kb.search(question, hospital.rights(["clinician"]), top_k=3)
    assert clinician[0].title == "Sepsis protocol" and "antibiotics" in clinician[0].text
    assert all(h.title != "Sepsis protocol" for h in kb.search(question, hospital.rights(["nurse"]), top_k=3))
    assert {h.title for h in kb.search(question, hospital.rights(["registrar"]), top_k=3)} == {"Registration"}


def test_retrieve_for_chat_returns_nothing_below_the_relevance_threshold(
    loaded: tuple[KnowledgeBase, set[str]], bank: PolicySet
) -> None:
    from gateway.kb.prompt import NO_SOURCES, render_sources

    kb, _ = loaded
    teller = bank.rights(["teller"])
    assert kb.retrieve_for_chat("Which planets have rings, like Saturn and Jupiter?", teller, 5) == []
    assert render_sources([]) == NO_SOURCES
    hits = kb.retrieve_for_chat("How much does the Basic current account cost per month?", teller, 2)
    block = render_sources(hits)
    assert hits and block.startswith("[1] (Basic current account fees) ")


def test_one_search_reads_one_table_version_even_if_a_write_moves_its_rows(
    loaded: tuple[KnowledgeBase, set[str]],
) -> None:
    """Rankings return row addresses and the passages are read by address afterwards: both from one snapshot, so
    a compaction in between (which gives every row a new address in the new version) cannot misdirect the read."""
    kb, forbidden = loaded
    store = kb.store
    snapshot = store.snapshot()
    ranked = store.dense(snapshot, kb.retriever.embedder.embed(["branch vault tellers"])[0], "active = true", 6)
    assert ranked.column_names == ["chunk_id", "_distance", "_rowid"]
    fragments_before = store.fragments_of("active = true")
    store.hide(f"doc_id = '{next(iter(forbidden))}'")
    store.compact(materialize_all_deletions=True)
    assert not set(fragments_before) & set(store.fragments_of("active = true")), "every fragment was rewritten"
    assert store.snapshot().version > snapshot.version
    rows = store.hits(snapshot, ranked.column("_rowid").to_pylist())
    assert sorted(rows.column("chunk_id").to_pylist()) == sorted(ranked.column("chunk_id").to_pylist())
    assert all(rows.column("text_ct").to_pylist())


def test_a_search_that_ranks_nothing_returns_no_hits(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    bank_kb.ingest(doc("Cash is counted twice at the end of each shift.", title="Cash", collection="branch-procedures"))
    auditor = bank.rights(["compliance_officer"])
    for ranking in ("fused", "dense", "lexical"):
        assert bank_kb.search("cash counted", auditor, 5, collections=["credit-policy"], ranking=ranking) == []


def test_a_named_section_ranks_the_passage_it_heads_above_those_citing_it(bank_kb: KnowledgeBase,
                                                                          bank: PolicySet) -> None:
    sections = [("§ 101.6 Funds availability", "Cash deposits are available the next business day."),
                ("§ 101.7 Exception holds", "Holds may extend the times in § 101.6 and § 101.6(a) for new accounts."),
                ("§ 102.6 Unreported errors", "Errors unreported for 60 days under § 101.6 remain the customer's."),
                ("个人信息保护法 第十三条", "符合下列情形之一的，个人信息处理者方可处理个人信息。"),
                ("个人信息保护法 第三十条", "除本法第十三条、第十七条第一款规定的事项外，还应当告知必要性。")]
    bank_kb.ingest_many([doc(text, title=title, collection="regulations", source=title) for title, text in sections])
    teller = bank.rights(["teller"])
    assert bank_kb.search("What does § 101.6 provide?", teller)[0].title == "§ 101.6 Funds availability"
    assert bank_kb.search("section 101.6 requirements", teller)[0].title == "§ 101.6 Funds availability"
    assert bank_kb.search("个人信息保护法第13条规定了什么内容？", teller)[0].title == "个人信息保护法 第十三条"


def test_the_dense_ranking_weighs_less_for_chinese_and_for_named_sections(bank_kb: KnowledgeBase) -> None:
    retriever, settings = bank_kb.retriever, bank_kb.settings
    assert retriever.dense_weight("How soon must a complaint be acknowledged?") == settings.dense_weight
    assert retriever.dense_weight("发现违法收集信息可以向哪里举报？") == settings.dense_weight_cjk
    assert settings.dense_weight_cjk < settings.dense_weight
    assert retriever.dense_weight("What does § 101.6 provide?") == pytest.approx(
        settings.dense_weight * settings.reference_dense_factor)


def test_a_definition_question_ranks_the_defining_passage_first(bank_kb: KnowledgeBase, bank: PolicySet) -> None:
    """Passages that use a term again and again outrank its one-line definition on BM25 alone; a question asking
    what the term means ranks the definition first (in either language)."""
    bank_kb.ingest_many([
        doc("去标识化处理后的数据仍须加密保存；去标识化数据的访问须经审批；去标识化方案每年复核；去标识化日志保存三年。",
            title="数据安全操作规程", collection="regulations", level="public"),
        doc("本办法所称去标识化，是指个人信息经过处理，使其在不借助额外信息的情况下无法识别特定自然人的过程。",
            title="术语", collection="regulations", level="public"),
        doc("A dormant account is reviewed yearly. Dormant account fees are waived. Dormant account holders are "
            "written to twice before a dormant account is closed.",
            title="Dormant account handling", collection="regulations", level="public"),
        doc("Dormant account means an account with no customer-initiated transaction for 24 months.",
            title="Glossary", collection="regulations", level="public"),
    ])
    rights = bank.rights(["teller"])
    assert bank_kb.search("什么是去标识化？", rights, top_k=2)[0].title == "术语"
    assert bank_kb.search("What does the term dormant account mean?", rights, top_k=2)[0].title == "Glossary"
