"""The policy file schema. Strict: an unknown key, a wrong type or a dangling reference is an error that names the
file and the key; there is no permissive default to fall back to."""

from __future__ import annotations

from enum import IntEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from gateway.pii.entities import SUPPORTED_ENTITIES
from gateway.pii.rules import Operator

PERMISSIONS = frozenset({
    "chat",
    "search",
    "mask",
    "documents:read",
    "documents:write",
    "documents:purge",
    "audit:read",
    "audit:export",
    "users:manage",
    "metrics:read",
})
"""Every permission a route can require. ``metrics:read`` guards ``/metrics``."""

ENTITY_TYPES = SUPPORTED_ENTITIES
"""Entity types the masking engine can detect; a policy naming any other type is rejected."""

class Classification(IntEnum):
    """Knowledge-base classification levels, in order: a role cleared for one level sees every lower one."""

    public = 0
    internal = 1
    confidential = 2
    restricted = 3


ClassificationName = Literal["public", "internal", "confidential", "restricted"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CollectionDecl(_Strict):
    description: str = ""


class KnowledgeAccess(_Strict):
    collections: tuple[str, ...] = ()
    """Collections this role may retrieve from; ``"*"`` means every declared collection."""
    max_classification: ClassificationName = "public"


class DenyTerm(_Strict):
    term: str = Field(min_length=1)
    entity_type: str


class PiiRuleDecl(_Strict):
    mask: tuple[str, ...] | Literal["all", "direct"] = "all"
    """Entity types masked in everything the model sees: ``all`` (direct identifiers and quasi-identifiers:
    organisations, job titles, ages, dates, nationalities), ``direct`` (direct identifiers only), or a list."""
    reveal: tuple[str, ...] = ()
    """Entity types whose original values may be restored in answers shown to this role."""
    default_operator: Operator = "pseudonym"
    operators: dict[str, Operator] = {}
    score_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    thresholds: dict[str, Annotated[float, Field(ge=0.0, le=1.0)]] = {}
    allow_list: tuple[str, ...] = ()
    """Terms never masked (product names, the institution's own name)."""
    deny_list: tuple[DenyTerm, ...] = ()
    """Terms always masked, with the entity type to report them as."""

    @field_validator("mask", "reveal", "operators", "thresholds", "deny_list")
    @classmethod
    def _known_entities(cls, value: Any) -> Any:
        if value in ("all", "direct"):
            return value
        named = list(value) if isinstance(value, dict) else [getattr(item, "entity_type", item) for item in value]
        unknown = sorted(set(named) - ENTITY_TYPES)
        if unknown:
            raise ValueError(f"unknown entity types {unknown}; known: {sorted(ENTITY_TYPES)}")
        return value


class GenerationDecl(_Strict):
    system_prompt: str = "You are a careful assistant for staff. Answer briefly and only from the sources given."
    max_tokens: int = Field(default=256, ge=1, le=32768)
    answer_format: dict[str, Any] | None = None
    """A JSON schema every answer must satisfy; enforced by grammar-constrained decoding."""

    @field_validator("answer_format")
    @classmethod
    def _object_schema(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and value.get("type") != "object":
            raise ValueError("answer_format must be a JSON schema with type 'object'")
        return value


class RoleDecl(_Strict):
    description: str = ""
    permissions: tuple[str, ...] = ()
    knowledge: KnowledgeAccess = KnowledgeAccess()
    pii: PiiRuleDecl = PiiRuleDecl()
    generation: GenerationDecl = GenerationDecl()

    @field_validator("permissions")
    @classmethod
    def _known_permissions(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = sorted(set(value) - PERMISSIONS)
        if unknown:
            raise ValueError(f"unknown permissions {unknown}; known: {sorted(PERMISSIONS)}")
        return value


SubjectErasureMode = Literal["purge_documents", "mask_chunks"]


class ErasureDecl(_Strict):
    """How a data-subject erasure request (``POST /v1/purge/subject``) is carried out.

    ``subject_modes``: the modes this institution permits, the first being what a request that names none gets.
    ``purge_documents`` purges every document that mentions the subject; ``mask_chunks`` rewrites only the passages
    that mention the subject, with the subject masked, and keeps the rest of those documents."""

    subject_modes: tuple[SubjectErasureMode, ...] = Field(default=("purge_documents",), min_length=1)

    @field_validator("subject_modes")
    @classmethod
    def _distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("subject_modes lists a mode twice")
        return value


class PolicySetDecl(_Strict):
    """One policy file: the roles of one institution and what each may do."""

    schema_version: Literal[1]
    name: str = Field(min_length=1)
    description: str = ""
    collections: dict[str, CollectionDecl] = {}
    roles: dict[str, RoleDecl] = Field(min_length=1)
    erasure: ErasureDecl = ErasureDecl()

    @model_validator(mode="after")
    def _references_resolve(self) -> PolicySetDecl:
        for role_name, role in self.roles.items():
            for collection in role.knowledge.collections:
                if collection != "*" and collection not in self.collections:
                    raise ValueError(
                        f"roles.{role_name}.knowledge.collections: collection {collection!r} is not declared "
                        "under 'collections'"
                    )
        return self
