"""The policy file schema. Strict: an unknown key, a wrong type or a dangling reference is an error that names the
file and the key; there is no permissive default to fall back to."""

from __future__ import annotations

import string
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
    "reviews:write",
})
"""Every permission a route can require. ``metrics:read`` guards ``/metrics``; ``reviews:write`` lets compliance
officers record a verdict on an audited answer."""

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


SOURCE_FIELDS = frozenset({"n", "title", "section", "version", "effective_date", "document_id"})
"""What the gateway knows of each cited source and may write into a ``fill: sources`` section: its number in the
answer, the document title, the section heading(s) of the passage, the document's version label (front matter
``version_label``, else ``v<version>``), its ``effective_date`` (front matter) and the document id."""


class TemplateSectionDecl(_Strict):
    """One section of an answer template: filled by the gateway from the cited sources, or written by the model."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")
    """The section's name; in ``format: json`` the property of ``answer_format`` it fills."""
    fill: Literal["sources", "model"]
    heading: str = ""
    """``format: text``: the line the gateway writes to open the section, e.g. ``【政策依据】``."""
    item: str = "[{n}] {title} — {section} ({version}, {effective_date})"
    """``fill: sources``: one line (or JSON string) per cited source, from the fields in ``SOURCE_FIELDS``."""
    missing: str = "—"
    """``fill: sources``: written for a field the source does not have (no section heading, no effective date)."""
    instruction: str = ""
    """``fill: model``: what the model is told to write in this section (added to the system prompt)."""
    min_chars: int = Field(default=1, ge=1, le=4000)
    """``fill: model``: a section with fewer non-blank characters does not comply with the template."""

    @field_validator("item")
    @classmethod
    def _known_fields(cls, value: str) -> str:
        try:
            named = {field for _, field, _, _ in string.Formatter().parse(value) if field is not None}
        except ValueError as exc:
            raise ValueError(f"item is not a valid format string ({exc})") from None
        unknown = sorted(named - SOURCE_FIELDS)
        if unknown:
            raise ValueError(f"item names unknown fields {unknown}; known: {sorted(SOURCE_FIELDS)}")
        return value


class AnswerTemplateDecl(_Strict):
    """The fixed shape of every answer of a role: its sections in order (see ``policies/example.yaml``)."""

    format: Literal["text", "json"] = "text"
    """``text``: each section's heading then its content. ``json``: an object valid against ``answer_format``, each
    section filling the property of its name (a ``sources`` section must be bound to an array property)."""
    sections: tuple[TemplateSectionDecl, ...] = Field(min_length=1)
    on_invalid: Literal["retry", "fail"] = "retry"
    """An answer that does not comply (a model section empty or forging another section's heading, JSON not valid
    against the schema): ``retry`` generates it once more under the grammar with greedy decoding, then fails;
    ``fail`` fails at once. A failed answer is never sent: the request ends with 502 (``answer_format_invalid``)."""
    max_sources: int | None = Field(default=None, ge=1, le=50)
    """Passages retrieved to ground the answer (default ``kb.default_top_k``): all of them are its basis."""

    @model_validator(mode="after")
    def _well_formed(self) -> AnswerTemplateDecl:
        names = [section.name for section in self.sections]
        if len(set(names)) != len(names):
            raise ValueError("answer_template.sections: two sections share a name")
        model = [i for i, section in enumerate(self.sections) if section.fill == "model"]
        if not model:
            raise ValueError("answer_template.sections: at least one section must be written by the model")
        if self.format == "text":
            headings = [section.heading for section in self.sections]
            if not all(h.strip() for h in headings) or len(set(headings)) != len(headings):
                raise ValueError("answer_template.sections: in format text every section needs its own heading")
            if model != list(range(model[0], model[-1] + 1)):
                raise ValueError("answer_template.sections: the model's sections must follow each other (the model "
                                 "writes them in one pass; the gateway's sections go before or after them)")
        return self


class LoraDecl(_Strict):
    """One LoRA adapter a role's answers are generated under, by the name ``llm.lora_adapters`` declares."""

    name: str = Field(min_length=1)
    scale: float = Field(default=1.0, gt=0.0, le=4.0)
    """Strength of the adapter's delta (llama.cpp's per-request LoRA scale); 1 is the strength it was trained at."""


class GenerationDecl(_Strict):
    system_prompt: str = "You are a careful assistant for staff. Answer briefly and only from the sources given."
    max_tokens: int = Field(default=256, ge=1, le=32768)
    answer_format: dict[str, Any] | None = None
    """A JSON schema every answer must satisfy; enforced by grammar-constrained decoding."""
    answer_template: AnswerTemplateDecl | None = None
    """The fixed shape of every answer (named sections, each filled by the gateway from the cited sources or
    written by the model under a grammar); with ``format: json`` it binds properties of ``answer_format``."""
    on_no_sources: Literal["answer", "refuse"] = "answer"
    """When retrieval finds no relevant passage: ``refuse`` answers ``no_sources_message`` without calling the model
    (audited as a refusal); ``answer`` lets the model answer, and the response marks it as not from the knowledge
    base. Only for roles with knowledge-base access."""
    no_sources_message: str = Field(default="The knowledge base has no answer to this question.", min_length=1)
    lora: tuple[LoraDecl, ...] = ()
    """LoRA adapters applied to this role's answers (names declared in ``llm.lora_adapters``); needs
    ``llm.backend = "llama-server"``, the one backend that chooses adapters per request. Every other declared
    adapter is at scale 0 for this role's requests."""

    @field_validator("lora")
    @classmethod
    def _distinct_adapters(cls, value: tuple[LoraDecl, ...]) -> tuple[LoraDecl, ...]:
        names = [adapter.name for adapter in value]
        if len(set(names)) != len(names):
            raise ValueError("lora names an adapter twice")
        return value

    @field_validator("answer_format")
    @classmethod
    def _object_schema(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and value.get("type") != "object":
            raise ValueError("answer_format must be a JSON schema with type 'object'")
        return value

    @model_validator(mode="after")
    def _template_matches_format(self) -> GenerationDecl:
        template = self.answer_template
        if template is None:
            return self
        if template.format == "text":
            if self.answer_format is not None:
                raise ValueError("answer_template with format text cannot be combined with answer_format")
            return self
        if self.answer_format is None:
            raise ValueError("answer_template with format json needs answer_format, the schema it fills")
        properties = self.answer_format.get("properties") or {}
        for section in template.sections:
            if section.name not in properties:
                raise ValueError(f"answer_template section {section.name!r} is not a property of answer_format")
            if section.fill == "sources" and properties[section.name].get("type") != "array":
                raise ValueError(f"answer_template section {section.name!r} fills from the sources, so its "
                                 "property must be an array")
        return self


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
    def _refusals_need_knowledge(self) -> PolicySetDecl:
        for role_name, role in self.roles.items():
            if role.generation.on_no_sources == "refuse" and not role.knowledge.collections:
                raise ValueError(f"roles.{role_name}.generation.on_no_sources: refuse needs knowledge.collections "
                                 "(a role without knowledge-base access would refuse every question)")
        return self

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
