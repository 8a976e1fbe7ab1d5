"""Loading a policy set from ``policies/`` and answering questions about it (``PolicySet``)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from gateway.errors import ConfigurationError
from gateway.policy.schema import Classification, GenerationDecl, PolicySetDecl, RoleDecl


@dataclass(frozen=True, slots=True)
class EffectiveRights:
    """What a principal may do and see: the union of its roles, kept per collection.

    Knowledge access is a set of grants, collection → the highest classification some held role is cleared for *in
    that collection*. Two roles never combine into a clearance neither has: a registrar (admissions up to internal)
    who is also a clinician (confidential, no admissions) reads admissions up to internal only."""

    roles: tuple[str, ...]
    permissions: frozenset[str]
    grants: Mapping[str, Classification] = field(default_factory=dict)

    @property
    def collections(self) -> frozenset[str]:
        """Collections some held role may read (at some level)."""
        return frozenset(self.grants)

    @property
    def max_classification(self) -> Classification:
        """The highest level of any grant; for messages only, never for a decision (that is ``may_read``)."""
        return max(self.grants.values(), default=Classification.public)

    def level_for(self, collection: str) -> Classification | None:
        """The highest level this principal may read in ``collection``; None when no held role grants it."""
        return self.grants.get(collection)

    def may_read(self, collection: str, level: Classification | int) -> bool:
        cleared = self.grants.get(collection)
        return cleared is not None and int(level) <= int(cleared)


class PolicySet:
    def __init__(self, decl: PolicySetDecl, *, source: Path, version: str) -> None:
        self.decl = decl
        self.source = source
        self.version = version
        """sha256 of the policy file's bytes: reproducible with ``sha256sum``, recorded with every audit event."""

    @property
    def name(self) -> str:
        return self.decl.name

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(self.decl.roles)

    def role(self, name: str) -> RoleDecl | None:
        return self.decl.roles.get(name)

    def rights(self, roles: Iterable[str], permission: str | None = None) -> EffectiveRights:
        """Effective rights of a principal holding ``roles``; roles this policy set does not declare grant nothing.

        With ``permission``, only the roles that themselves hold it contribute knowledge grants: what a request
        under that permission may read or write (one role's write permission never reaches another role's
        collections)."""
        known = [(name, self.decl.roles[name]) for name in roles if name in self.decl.roles]
        permissions: set[str] = set()
        grants: dict[str, Classification] = {}
        for _name, role in known:
            permissions.update(role.permissions)
            if permission is not None and permission not in role.permissions:
                continue
            for collection in self.collections_of(role):
                level = Classification[role.knowledge.max_classification]
                grants[collection] = max(level, grants.get(collection, Classification.public))
        return EffectiveRights(roles=tuple(name for name, _ in known), permissions=frozenset(permissions),
                               grants=grants)

    def collections_of(self, role: RoleDecl) -> tuple[str, ...]:
        """The collections one role may read (``"*"`` expanded to every declared collection)."""
        names = role.knowledge.collections
        return tuple(self.decl.collections) if "*" in names else names

    def roles_reading(self, roles: Iterable[str], collection: str, level: Classification | int, *,
                      permission: str | None = None) -> list[str]:
        """Which of ``roles`` (in policy order; holding ``permission`` if given) may read a passage of
        ``collection`` at ``level``: the roles whose rules govern what such a passage may reveal."""
        held = set(roles)
        return [name for name, role in self.decl.roles.items()
                if name in held and (permission is None or permission in role.permissions)
                and collection in self.collections_of(role)
                and int(level) <= int(Classification[role.knowledge.max_classification])]

    def generation(self, roles: Iterable[str]) -> GenerationDecl:
        """Generation settings for a principal: those of its first role (in policy order) that sets an answer
        format or template, else of its first role; a deterministic choice a compliance officer can predict."""
        return self.generation_role(roles)[1]

    def generation_role(self, roles: Iterable[str]) -> tuple[str | None, GenerationDecl]:
        """The role whose generation settings apply (``generation``) and those settings; ``(None, defaults)`` for
        a principal holding no role of this set. Metrics and the audit trail name answers by this role."""
        wanted = set(roles)
        held = [(name, role) for name, role in self.decl.roles.items() if name in wanted]
        if not held:
            return None, GenerationDecl()
        for name, role in held:
            if role.generation.answer_format is not None or role.generation.answer_template is not None:
                return name, role.generation
        return held[0][0], held[0][1].generation


    def adapters_used(self) -> dict[str, tuple[str, ...]]:
        """Role → the LoRA adapter names its answers are generated under (roles with none left out)."""
        return {name: tuple(a.name for a in role.generation.lora)
                for name, role in self.decl.roles.items() if role.generation.lora}

    def check_adapters(self, declared: Collection[str]) -> None:
        """Every adapter a role names must be declared in ``llm.lora_adapters``; raises ConfigurationError."""
        for role_name, names in self.adapters_used().items():
            for adapter in names:
                if adapter not in declared:
                    known = ", ".join(sorted(declared)) or "none"
                    raise ConfigurationError(
                        f"{self.source}: roles.{role_name}.generation.lora: adapter {adapter!r} is not declared in "
                        f"llm.lora_adapters (declared: {known})"
                    )


class _DuplicateKey(yaml.YAMLError):
    pass


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a repeated key: a second ``teller:`` must not silently replace the first."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _DuplicateKey(f"duplicate key {key!r} at line {key_node.start_mark.line + 1}")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_policy_set(path: Path, *, adapters: Collection[str] | None = None) -> PolicySet:
    """Read and validate one policy file; any problem raises ConfigurationError naming the file and the key.

    With ``adapters`` (the names ``llm.lora_adapters`` declares), a role naming any other adapter is an error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read policy file ({exc.strerror})") from None
    try:
        data = yaml.load(raw, Loader=_UniqueKeyLoader)
    except _DuplicateKey as exc:
        raise ConfigurationError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigurationError(f"{path}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise ConfigurationError(f"{path}: a policy file must be a mapping at the top level")
    try:
        decl = PolicySetDecl.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = ".".join(str(p) for p in error["loc"]) or "(top level)"
            problems.append(f"{key}: {error['msg']}")
        raise ConfigurationError(f"{path}: " + "; ".join(problems)) from None
    policy = PolicySet(decl, source=path, version=hashlib.sha256(raw).hexdigest())
    if adapters is not None:
        policy.check_adapters(adapters)
    return policy


def check_policy_dir(directory: Path, *, adapters: Collection[str] | None = None) -> dict[Path, str | None]:
    """Validate every ``*.yaml`` in ``directory``: file → None when valid, else the problem."""
    results: dict[Path, str | None] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            load_policy_set(path, adapters=adapters)
            results[path] = None
        except ConfigurationError as exc:
            results[path] = str(exc)
    return results
