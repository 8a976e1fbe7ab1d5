"""Policy sets: the shipped files load, every kind of bad file is refused by name, rights are the union of roles."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.cli.main import cli
from gateway.errors import ConfigurationError
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import PolicySet, check_policy_dir, load_policy_set
from gateway.policy.schema import Classification

POLICIES_DIR = PROJECT_ROOT / "policies"
SHIPPED = ("bank", "hospital", "example")

MINIMAL = """\
schema_version: 1
name: minimal
collections:
  manuals: {}
  hr: {}
roles:
  teller:
    permissions: [chat]
    knowledge: {collections: [manuals], max_classification: internal}
"""


@pytest.fixture(scope="module")
def bank() -> PolicySet:
    return load_policy_set(POLICIES_DIR / "bank.yaml")


@pytest.mark.parametrize("name", SHIPPED)
def test_shipped_policy_set_loads(name: str) -> None:
    policy = load_policy_set(POLICIES_DIR / f"{name}.yaml")
    assert policy.name == name
    assert policy.role_names
    assert policy.source == POLICIES_DIR / f"{name}.yaml"


def test_every_shipped_policy_file_is_checked_valid() -> None:
    results = check_policy_dir(POLICIES_DIR)
    assert {p.stem for p in results} >= set(SHIPPED)
    assert all(problem is None for problem in results.values()), results


def run_policies_check(policies_dir: Path, *args: str) -> tuple[int, str]:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["policies", "check", *args], env={"GATEWAY_POLICIES_DIR": str(policies_dir), "GATEWAY_CONFIG": None}
    )
    return result.exit_code, result.output


def test_policies_check_cli_passes_the_shipped_policies() -> None:
    code, output = run_policies_check(POLICIES_DIR)
    assert code == 0, output
    for name in SHIPPED:
        assert f"{name}.yaml: ok" in output


def test_policies_check_cli_fails_a_directory_with_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL)
    (tmp_path / "bad.yaml").write_text(MINIMAL + "owner: someone\n")
    code, output = run_policies_check(tmp_path)
    assert code == 1
    assert "good.yaml: ok" in output
    assert "bad.yaml" in output and "owner" in output


def test_policies_check_cli_fails_an_empty_directory(tmp_path: Path) -> None:
    code, output = run_policies_check(tmp_path)
    assert code == 1
    assert "no policy files found" in output


def test_policies_check_cli_checks_named_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.replace("[chat]", "[chat, fly]"))
    assert run_policies_check(tmp_path, str(POLICIES_DIR / "bank.yaml"))[0] == 0
    code, output = run_policies_check(tmp_path, str(POLICIES_DIR / "bank.yaml"), str(bad))
    assert code == 1
    assert "roles.teller.permissions" in output


ROLE = "  teller:\n    permissions: [chat]\n"

BAD_FILES = [
    ("unknown-top-level-key", MINIMAL + "owner: someone\n", "owner"),
    ("unknown-role-key", MINIMAL.replace(ROLE, ROLE + "    colour: red\n"), "roles.teller.colour"),
    ("permissions-not-a-list", MINIMAL.replace("[chat]", '"chat"'), "roles.teller.permissions"),
    ("unknown-permission", MINIMAL.replace("[chat]", "[chat, fly]"), "roles.teller.permissions"),
    ("unknown-entity-in-reveal", MINIMAL + "    pii: {reveal: [PERSON, SHOE_SIZE]}\n", "roles.teller.pii"),
    ("unknown-operator", MINIMAL + "    pii: {default_operator: shred}\n", "roles.teller.pii.default_operator"),
    ("dangling-collection", MINIMAL.replace("[manuals]", "[manuals, payroll]"), "roles.teller.knowledge.collections"),
    ("unknown-classification", MINIMAL.replace("internal", "secret"), "roles.teller.knowledge.max_classification"),
    (
        "answer-format-not-object",
        MINIMAL + "    generation: {answer_format: {type: array}}\n",
        "roles.teller.generation.answer_format",
    ),
    ("not-yaml", "roles: [teller\n  permissions: {", "not valid YAML"),
    ("empty-file", "", "mapping at the top level"),
    ("list-at-top-level", "- teller\n", "mapping at the top level"),
    ("missing-schema-version", MINIMAL.replace("schema_version: 1\n", ""), "schema_version"),
    ("future-schema-version", MINIMAL.replace("schema_version: 1", "schema_version: 2"), "schema_version"),
    ("no-roles", MINIMAL.split("roles:")[0] + "roles: {}\n", "roles"),
]


@pytest.mark.parametrize(("content", "key"), [case[1:] for case in BAD_FILES], ids=[case[0] for case in BAD_FILES])
def test_bad_policy_file_is_refused_naming_the_file_and_the_key(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "institution.yaml"
    path.write_text(content)
    with pytest.raises(ConfigurationError) as caught:
        load_policy_set(path)
    assert caught.value.message.startswith(f"{path}: ")
    assert key in caught.value.message


def test_missing_policy_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.yaml"
    with pytest.raises(ConfigurationError, match="cannot read policy file") as caught:
        load_policy_set(path)
    assert str(path) in caught.value.message


def test_unknown_entity_type_error_names_the_exact_pii_key(tmp_path: Path) -> None:
    path = tmp_path / "institution.yaml"
    path.write_text(MINIMAL + "    pii: {reveal: [PERSON, SHOE_SIZE]}\n")
    with pytest.raises(ConfigurationError, match=r"roles\.teller\.pii\.reveal"):
        load_policy_set(path)


def test_duplicate_key_in_a_policy_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "institution.yaml"
    path.write_text(MINIMAL + "  teller:\n    permissions: [chat, search, documents:purge]\n")
    with pytest.raises(ConfigurationError, match="teller"):
        load_policy_set(path)


def test_version_is_the_sha256_of_the_file_bytes_and_follows_edits(tmp_path: Path) -> None:
    path = tmp_path / "institution.yaml"
    path.write_text(MINIMAL)
    first = load_policy_set(path).version
    assert first == hashlib.sha256(path.read_bytes()).hexdigest()

    path.write_text(MINIMAL + "# a comment changes the bytes, so the version\n")
    second = load_policy_set(path).version
    assert second == hashlib.sha256(path.read_bytes()).hexdigest()
    assert second != first


def test_rights_of_two_roles_are_their_union(bank: PolicySet) -> None:
    rights = bank.rights(["teller", "relationship_manager"])
    assert rights.roles == ("teller", "relationship_manager")
    assert rights.permissions == {"chat", "search", "mask", "documents:read"}
    assert rights.collections == {"retail-products", "branch-procedures", "regulations", "credit-policy"}
    assert rights.max_classification is Classification.confidential


def test_role_order_does_not_change_rights(bank: PolicySet) -> None:
    one = bank.rights(["teller", "relationship_manager"])
    other = bank.rights(["relationship_manager", "teller"])
    assert (one.permissions, one.collections, one.max_classification) == (
        other.permissions,
        other.collections,
        other.max_classification,
    )


def test_unknown_role_grants_nothing(bank: PolicySet) -> None:
    rights = bank.rights(["superuser"])
    assert rights.roles == ()
    assert rights.permissions == frozenset()
    assert rights.collections == frozenset()
    assert rights.max_classification is Classification.public
    assert bank.rights(["superuser", "teller"]).permissions == bank.rights(["teller"]).permissions


def test_star_collections_expand_to_every_declared_collection(bank: PolicySet) -> None:
    rights = bank.rights(["compliance_officer"])
    assert rights.collections == set(bank.decl.collections)
    assert "*" not in rights.collections
    assert rights.max_classification is Classification.restricted


def test_role_without_collections_is_cleared_for_nothing_above_public(tmp_path: Path) -> None:
    path = tmp_path / "institution.yaml"
    path.write_text(MINIMAL + "  auditor:\n    knowledge: {collections: [], max_classification: restricted}\n")
    rights = load_policy_set(path).rights(["auditor"])
    assert rights.collections == frozenset()
    assert rights.max_classification is Classification.public


def test_generation_comes_from_the_first_role_with_an_answer_format_or_template(bank: PolicySet) -> None:
    generation = bank.generation(["teller", "customer_service_desk"])
    assert generation.answer_template is not None
    assert generation == bank.decl.roles["customer_service_desk"].generation
    assert bank.generation_role(["customer_service_desk_zh", "teller"])[0] == "customer_service_desk_zh"
    assert bank.generation_role(["nobody"]) == (None, bank.generation(["nobody"]))
    assert bank.generation(["relationship_manager", "teller"]) == bank.decl.roles["teller"].generation
    assert bank.generation(["nobody"]).answer_format is None
