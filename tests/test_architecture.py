"""The shape of the package, checked from its own imports (module level and inside functions, read with ``ast``).

- No import cycle between modules of ``gateway``.
- No domain package imports an edge: only ``gateway.api``, ``gateway.cli``, ``gateway.console`` and the app factory
  may import ``gateway.api`` or ``gateway.cli``.
- Every domain package may import only the packages listed for it in ``ALLOWED`` (the picture in ARCHITECTURE.md).
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "gateway"
EDGES = {"gateway.api", "gateway.cli", "gateway.console", "gateway.app", "gateway.__main__"}

# Which gateway packages each domain may import (besides itself and the shared leaves: errors, paths, keyfiles).
LEAVES = {"gateway.errors", "gateway.paths", "gateway.keyfiles"}
ALLOWED: dict[str, set[str]] = {
    "gateway.db": set(),
    "gateway.coordination": set(),
    "gateway.pii": set(),
    "gateway.model_files": set(),
    "gateway.llm": {"gateway.model_files"},
    "gateway.observability": {"gateway.llm"},
    "gateway.policy": {"gateway.coordination", "gateway.db", "gateway.pii"},
    "gateway.audit": {"gateway.db", "gateway.policy"},
    "gateway.kb": {"gateway.db", "gateway.llm", "gateway.pii", "gateway.policy"},
    "gateway.purge": {"gateway.audit", "gateway.db", "gateway.kb", "gateway.pii", "gateway.policy"},
    "gateway.chat": {"gateway.audit", "gateway.kb", "gateway.llm", "gateway.observability", "gateway.pii",
                     "gateway.policy"},
    "gateway.corpus": {"gateway.llm", "gateway.pii"},
    "gateway.review": {"gateway.audit", "gateway.db", "gateway.pii", "gateway.policy"},
    "gateway.evaluation": {"gateway.audit", "gateway.chat", "gateway.llm", "gateway.policy"},
    "gateway.settings": {"gateway.audit", "gateway.coordination", "gateway.kb", "gateway.llm", "gateway.pii",
                         "gateway.policy"},
    "gateway.services": {"gateway.audit", "gateway.chat", "gateway.db", "gateway.kb", "gateway.llm",
                         "gateway.observability", "gateway.pii", "gateway.policy", "gateway.purge",
                         "gateway.review", "gateway.settings"},
}


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str], root: Path = PACKAGE) -> set[str]:
    """The gateway modules ``path`` imports anywhere in its body, resolved to modules that exist."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path, root)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from X import Y`` depends on the module X.Y when there is one, else on X itself.
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name.startswith("gateway") and name != here:
                found.add(name)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(p, root) for p in paths}
    return {module_name(p, root): imports_of(p, modules, root) for p in paths}


def package_of(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            # A package's __init__ importing its own submodules is how packages re-export; not a cycle by itself.
            if target.startswith(node + "."):
                continue
            if state.get(target) == 1:
                return [*stack[stack.index(target):], target]
            if state.get(target) is None:
                cycle = visit(target)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def test_the_walker_sees_imports_inside_functions_and_relative_ones(tmp_path: Path) -> None:
    root = tmp_path / "gateway"
    (root / "pii").mkdir(parents=True)
    (root / "cli").mkdir()
    for name in ("__init__.py", "pii/__init__.py", "cli/__init__.py", "cli/main.py", "pii/rules.py"):
        (root / name).write_text("")
    (root / "pii" / "masker.py").write_text(
        "import os\nfrom . import rules\n\ndef late():\n    from gateway.cli.main import cli\n"
    )
    graph = import_graph(root)
    assert graph["gateway.pii.masker"] == {"gateway.pii.rules", "gateway.cli.main"}
    assert graph["gateway.pii.rules"] == set()


def test_find_cycle_reports_a_cycle_and_none_for_a_tree() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def unresolved_imports(root: Path = PACKAGE) -> list[str]:
    """``gateway.*`` names imported anywhere in the package that are neither a module nor a package of it."""
    paths = sorted(root.rglob("*.py"))
    modules = {module_name(p, root) for p in paths}
    missing = []
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("gateway"):
                if node.module not in modules:
                    missing.append(f"{module_name(path, root)}: from {node.module} import ...")
            elif isinstance(node, ast.Import):
                missing += [f"{module_name(path, root)}: import {a.name}" for a in node.names
                            if a.name.startswith("gateway") and a.name not in modules]
    return missing


def test_every_import_of_the_package_names_a_module_that_exists() -> None:
    """A lazy import inside a function fails only when it runs; find a stale one here instead."""
    assert unresolved_imports() == []


def test_no_import_cycles_between_modules() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_import_cycles_between_packages() -> None:
    packages: dict[str, set[str]] = {}
    for module, targets in import_graph().items():
        source = package_of(module)
        packages.setdefault(source, set()).update(package_of(t) for t in targets if package_of(t) != source)
    cycle = find_cycle(packages)
    assert cycle is None, "package cycle: " + " -> ".join(cycle or [])


def test_domains_never_import_the_http_or_cli_edge() -> None:
    offenders = [
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        if package_of(module) not in EDGES
        for target in targets
        if package_of(target) in {"gateway.api", "gateway.cli", "gateway.console"} or target == "gateway.app"
    ]
    assert not offenders, "\n".join(offenders)


def test_each_domain_imports_only_what_the_architecture_allows() -> None:
    offenders = []
    for module, targets in import_graph().items():
        source = package_of(module)
        if source in EDGES or source not in ALLOWED:
            continue
        for target in targets:
            dest = package_of(target)
            if dest != source and dest not in LEAVES and dest not in ALLOWED[source]:
                offenders.append(f"{module} imports {target}")
    assert not offenders, "\n".join(offenders)


def test_every_package_is_placed_in_the_architecture() -> None:
    packages = {package_of(m) for m in import_graph()} - {"gateway"}
    unplaced = sorted(packages - set(ALLOWED) - EDGES - LEAVES)
    assert not unplaced, f"add these to ALLOWED (and ARCHITECTURE.md): {unplaced}"
