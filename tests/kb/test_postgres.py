"""The knowledge-base and purge tests that touch SQL (registry, versions, key ring, purge jobs, subject index), run
again with PostgreSQL as the gateway's database; LanceDB stays on local disk as in production."""

from __future__ import annotations

import pytest

from tests.kb.test_encryption import (  # noqa: F401  (collected again here, on PostgreSQL)
    test_destroyed_document_key_makes_its_chunks_unreadable,
)
from tests.kb.test_ingest import (  # noqa: F401
    test_bad_files_and_lines_are_rejected_by_name_and_the_rest_goes_on,
    test_changed_document_becomes_a_new_version_and_old_chunks_stop_being_served,
    test_crash_after_chunks_were_written_leaves_nothing_searchable_and_retry_completes,
    test_unchanged_reingest_is_a_no_op,
)
from tests.kb.test_retrieval import (  # noqa: F401
    loaded,
    test_clinician_retrieves_clinical_chunks_nurse_and_registrar_do_not,
    test_teller_cannot_retrieve_restricted_or_foreign_chunks,
)
from tests.kb.test_rotation import (  # noqa: F401
    test_an_interrupted_rotation_is_finished_by_running_it_again,
    test_rotation_rewraps_only_master_wrapped_keys_and_every_passage_still_reads,
)
from tests.purge.conftest import signer  # noqa: F401
from tests.purge.test_purge import (  # noqa: F401
    test_collection_purge_destroys_every_key_of_it_and_the_name_can_be_used_again,
    test_purged_document_leaves_search_keys_and_registry_while_others_survive,
)


@pytest.fixture
def kb_db_url(pg_url: str) -> str:
    return pg_url
