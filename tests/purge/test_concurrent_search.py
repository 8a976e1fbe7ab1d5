"""Searches running while a purge runs: none fails (the vacuum deletes files an older version used), and none that
returns after the purge call has returned carries a chunk of the purged document."""

from __future__ import annotations

import threading
import time

from gateway.audit.signing import CheckpointSigner
from gateway.policy.policy_set import PolicySet
from tests.kb.conftest import KbFactory, doc
from tests.purge.conftest import purges

VICTIM = "Wire transfers above fifty thousand euros need a second signature from the branch manager."


def test_searches_during_a_purge_never_fail_and_never_return_the_document_once_it_returned(
    kb_factory: KbFactory, bank: PolicySet, signer: CheckpointSigner
) -> None:
    kb = kb_factory(bank, fragment_rows=1024)
    victim = kb.ingest(doc(VICTIM, title="Wire rules", collection="branch-procedures")).document_id
    for n in range(40):  # the victim shares its fragment with other documents, so that fragment is rewritten
        kb.ingest(doc(f"Procedure {n}: wire transfers are logged in register {n} with the teller's stamp.",
                      title=f"Register {n}", collection="branch-procedures"))
    admin = bank.rights(("admin",))
    assert victim in {h.document_id for h in kb.search("second signature for large wire transfers", admin)}
    purge_returned = threading.Event()
    stop = threading.Event()
    errors: list[BaseException] = []
    late_hits: list[str] = []
    searches = [0]

    def search_forever() -> None:
        while not stop.is_set():
            returned_before = purge_returned.is_set()
            try:
                for ranking in ("fused", "dense", "lexical"):
                    found = {h.document_id for h in kb.search("second signature for large wire transfers", admin,
                                                               ranking=ranking)}  # type: ignore[arg-type]
                    searches[0] += 1
                    if returned_before and victim in found:  # began after the purge call had returned
                        late_hits.append(ranking)
            except BaseException as exc:  # any failure of a concurrent search is the finding
                errors.append(exc)
                return

    workers = [threading.Thread(target=search_forever) for _ in range(3)]
    for worker in workers:
        worker.start()
    time.sleep(0.3)
    purges(kb, signer).purge_document(victim, "admin")
    purge_returned.set()
    time.sleep(0.5)
    stop.set()
    for worker in workers:
        worker.join(timeout=60)

    assert errors == []
    assert late_hits == []
    assert searches[0] > 6
    assert kb.store.version_count() == 1
