"""Clearance checks for writing and erasing knowledge, shared by the API and the console so both refuse alike.

Each raises the guard's audited ``PolicyDenied`` (403). ``connection.auth`` holds the caller's rights, already scoped
to the route's permission by the guard.
"""

from __future__ import annotations

from litestar.connection import ASGIConnection

from gateway.api.guards import denial
from gateway.kb.documents import SourceDocument
from gateway.policy.policy_set import EffectiveRights, PolicySet
from gateway.policy.schema import Classification
from gateway.purge.subjects import SubjectMode


def require_write_clearance(connection: ASGIConnection, document: SourceDocument) -> None:
    """A writer writes only where, and only up to the level, one of its roles may read in that very collection."""
    rights: EffectiveRights = connection.auth
    cleared = rights.level_for(document.collection)
    if cleared is None:
        raise denial(connection, "collection not readable by the caller's roles",
                     "no role of the caller may write to this collection", param="collection")
    if document.classification > cleared:
        raise denial(connection, f"classification above {cleared.name} in this collection",
                     f"documents above {cleared.name} may not be written to this collection by this caller",
                     param="classification")


def require_purge_clearance(connection: ASGIConnection, collection: str, level: int | None) -> None:
    """Erasing needs clearance for what is erased: the caller's roles holding documents:purge must read that
    collection at the level of everything erased (``level`` None: nothing there to erase)."""
    rights: EffectiveRights = connection.auth
    if level is not None and not rights.may_read(collection, level):
        raise denial(connection, "purge above the caller's clearance in this collection",
                     "the caller's roles are not cleared for everything this purge would erase")


def require_subject_clearance(connection: ASGIConnection, policy: PolicySet) -> None:
    """A subject may be mentioned anywhere: erasing one reaches every collection, so it needs clearance for all."""
    rights: EffectiveRights = connection.auth
    if any(rights.level_for(c) != Classification.restricted for c in policy.decl.collections):
        raise denial(connection, "subject erasure without clearance for every collection",
                     "erasing a data subject needs clearance for every collection at every level")


def subject_mode(connection: ASGIConnection, policy: PolicySet, asked: str | None) -> SubjectMode:
    """The policy decides: the mode asked for if the policy set permits it, else its default; otherwise 403."""
    permitted = policy.decl.erasure.subject_modes
    if asked is None:
        return permitted[0]
    if asked not in permitted:
        raise denial(connection, f"subject erasure mode {asked} not permitted by the policy set",
                     f"this policy set permits subject erasure by {', '.join(permitted)} only", param="mode")
    return asked
