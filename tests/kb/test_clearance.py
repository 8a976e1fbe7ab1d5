"""Clearance is per collection: two roles together never grant what neither grants (issue 15, finding 1).

For every pair of default roles in both policy sets, a search returns exactly the (collection, level) cells that
one of the two roles is cleared for by its own declaration, through the real LanceDB prefilter.
"""

from __future__ import annotations

from itertools import combinations_with_replacement

import pytest

from gateway.policy.policy_set import PolicySet
from gateway.policy.schema import Classification

from .conftest import KbFactory, doc


def declared_cells(policy: PolicySet, role: str) -> set[tuple[str, str]]:
    """What one role's own declaration clears it for, read straight from the policy file's model."""
    decl = policy.decl.roles[role].knowledge
    collections = policy.decl.collections if "*" in decl.collections else decl.collections
    top = Classification[decl.max_classification]
    return {(c, level.name) for c in collections for level in Classification if level <= top}


@pytest.mark.parametrize("policy_name", ["bank", "hospital"])
def test_every_pair_of_default_roles_retrieves_exactly_the_union_of_their_own_grants(
    kb_factory: KbFactory, policy_name: str, request: pytest.FixtureRequest
) -> None:
    policy: PolicySet = request.getfixturevalue(policy_name)
    kb = kb_factory(policy)
    cells = [(c, level.name) for c in policy.decl.collections for level in Classification]
    report = kb.ingest_many(
        doc(f"Procedure note for {c}, {level}: how staff file the quarterly form.", title=f"{c} {level}",
            collection=c, level=level)
        for c, level in cells
    )
    assert report.count("added") == len(cells)
    checked = 0
    for a, b in combinations_with_replacement(policy.role_names, 2):
        hits = kb.search("procedure note: how staff file the quarterly form", policy.rights([a, b]), top_k=50)
        seen = {(h.collection, h.classification) for h in hits}
        expected = declared_cells(policy, a) | declared_cells(policy, b)
        assert seen == expected, (a, b, sorted(seen - expected), sorted(expected - seen))
        checked += 1
    assert checked == len(policy.role_names) * (len(policy.role_names) + 1) // 2


def test_registrar_who_is_also_a_clinician_reads_no_confidential_admissions(hospital: PolicySet) -> None:
    rights = hospital.rights(["registrar", "clinician"])
    assert rights.level_for("admissions") is Classification.internal
    assert rights.level_for("clinical-guidelines") is Classification.confidential
    assert not rights.may_read("admissions", Classification.confidential)


WRITERS = """\
schema_version: 1
name: writers
collections:
  manuals: {}
  payroll: {}
roles:
  manual_editor:
    permissions: [documents:write, search]
    knowledge: {collections: [manuals], max_classification: internal}
  payroll_reader:
    permissions: [search]
    knowledge: {collections: [payroll], max_classification: restricted}
"""


def test_document_writes_are_checked_per_grant(gateway_factory, tmp_path) -> None:  # type: ignore[no-untyped-def]
    policies = tmp_path / "policies"
    policies.mkdir()
    (policies / "writers.yaml").write_text(WRITERS)
    gateway = gateway_factory(policies_dir=policies, policy_set="writers")
    _, key = gateway.services.users.add_user("both", ["manual_editor", "payroll_reader"])
    headers = {"Authorization": f"Bearer {key}"}

    def write(collection: str, level: str) -> int:
        body = {"title": f"{collection} {level}", "text": "How to file the form.", "collection": collection,
                "classification": level}
        return gateway.client.post("/v1/documents", json=body, headers=headers).status_code

    assert write("manuals", "internal") == 201
    assert write("manuals", "restricted") == 403  # restricted is cleared in payroll only, not in manuals
    assert write("payroll", "internal") == 403  # readable through payroll_reader, which may not write anything
