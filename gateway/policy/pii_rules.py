"""The PII rules of a principal, from the policy set: what the masking engine applies for them."""

from __future__ import annotations

from collections.abc import Iterable

from gateway.pii.candidates import widest_floor
from gateway.pii.entities import DIRECT_IDENTIFIERS, SUPPORTED_ENTITIES
from gateway.pii.rules import PiiRules
from gateway.policy.policy_set import PolicySet
from gateway.policy.schema import Classification


def pii_rules_for(policy: PolicySet, roles: Iterable[str]) -> PiiRules:
    """Combine the rules of the principal's roles, protective where they differ.

    An entity type is masked if any role masks it, and may be revealed if any role may see it (revealing is a
    right, and rights are the union). Thresholds take the lowest (more is masked); allow-lists the intersection
    (a term is left alone only if every role leaves it alone); deny-lists the union. The operator for a type is the
    first role's, in policy order, that names one. A principal with no known role gets the default: mask everything.
    """
    held = [policy.decl.roles[name] for name in policy.decl.roles if name in set(roles)]
    if not held:
        return PiiRules.default()
    decls = [role.pii for role in held]
    masked: set[str] = set()
    for decl in decls:
        if decl.mask == "all":
            masked |= SUPPORTED_ENTITIES
        elif decl.mask == "direct":
            masked |= DIRECT_IDENTIFIERS
        else:
            masked |= set(decl.mask)
    operators: dict[str, str] = {}
    for decl in decls:
        for entity, operator in decl.operators.items():
            operators.setdefault(entity, operator)
    thresholds: dict[str, float] = {}
    for decl in decls:
        for entity, value in decl.thresholds.items():
            thresholds[entity] = min(value, thresholds.get(entity, 1.0))
    allow = set(decls[0].allow_list)
    for decl in decls[1:]:
        allow &= set(decl.allow_list)
    deny = {term.term: term.entity_type for decl in decls for term in decl.deny_list}
    return PiiRules(
        entities_masked=frozenset(masked),
        entities_revealed=frozenset(e for decl in decls for e in decl.reveal),
        operators=operators,  # type: ignore[arg-type]
        default_operator=decls[0].default_operator,
        score_threshold=min(decl.score_threshold for decl in decls),
        thresholds=thresholds,
        allow_list=frozenset(allow),
        deny_list=deny,
    )


def revealed_for_source(policy: PolicySet, roles: Iterable[str], collection: str, level: Classification | int, *,
                        permission: str | None = None) -> frozenset[str]:
    """Entity types a retrieved passage of ``collection`` at ``level`` may have restored in an answer: the reveal
    rights of those held roles (holding ``permission``, if given) that may read such a passage, and of no other.
    Reveal rights, like clearance, do not combine across roles: a role's right to see names covers only the
    passages that role may read."""
    return frozenset(e for name in policy.roles_reading(roles, collection, level, permission=permission)
                     for e in policy.decl.roles[name].pii.reveal)


def detection_floor(policy: PolicySet) -> float:
    """The lowest threshold any role of the policy set applies (and the default rules of a principal with no known
    role): what the knowledge base detects its chunks at, once, so stored spans serve every reader."""
    return widest_floor([PiiRules.default(), *(pii_rules_for(policy, [name]) for name in policy.role_names)])
