"""``generation.lora``: the LoRA adapters a role's answers are generated under, by the names the settings declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from gateway.errors import ConfigurationError
from gateway.paths import PROJECT_ROOT
from gateway.policy.policy_set import check_policy_dir, load_policy_set
from gateway.policy.schema import PolicySetDecl


def policy(lora: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema_version": 1, "name": "t",
            "roles": {"desk": {"permissions": ["chat"], "generation": {"lora": lora}}, "plain": {}}}


def write(tmp_path: Path, lora: list[dict[str, Any]]) -> Path:
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(policy(lora)))
    return path


def test_a_role_names_its_adapters_and_scales(tmp_path: Path) -> None:
    loaded = load_policy_set(write(tmp_path, [{"name": "tone", "scale": 0.5}, {"name": "terms"}]),
                             adapters={"tone", "terms", "unused"})
    lora = loaded.decl.roles["desk"].generation.lora
    assert [(a.name, a.scale) for a in lora] == [("tone", 0.5), ("terms", 1.0)]
    assert loaded.adapters_used() == {"desk": ("tone", "terms")}


def test_an_adapter_the_settings_do_not_declare_is_a_policy_load_error(tmp_path: Path) -> None:
    path = write(tmp_path, [{"name": "tone"}])
    with pytest.raises(ConfigurationError, match=r"roles\.desk\.generation\.lora: adapter 'tone' is not declared"):
        load_policy_set(path, adapters={"terms"})
    with pytest.raises(ConfigurationError, match="declared: none"):
        load_policy_set(path, adapters={})
    assert check_policy_dir(tmp_path, adapters={})[path] is not None


@pytest.mark.parametrize(("lora", "message"), [
    ([{"name": "tone"}, {"name": "tone", "scale": 0.5}], "names an adapter twice"),
    ([{"name": "tone", "scale": 0}], "greater than 0"),
    ([{"name": "tone", "scale": 5}], "less than or equal to 4"),
    ([{"name": ""}], "at least 1 character"),
    ([{"name": "tone", "weight": 1}], "Extra inputs are not permitted"),
])
def test_invalid_lora_entries_are_rejected(lora: list[dict[str, Any]], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PolicySetDecl.model_validate(policy(lora))


def test_the_shipped_policies_use_no_adapter() -> None:
    for path in (PROJECT_ROOT / "policies").glob("*.yaml"):
        assert load_policy_set(path, adapters={}).adapters_used() == {}, path.name


def test_policies_check_validates_adapter_names_against_the_settings(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from gateway.cli.main import cli

    write(tmp_path, [{"name": "tone"}])

    def check(adapters: dict[str, str]) -> tuple[int, str]:
        env = {"GATEWAY_POLICIES_DIR": str(tmp_path), "GATEWAY_CONFIG": None,
               "GATEWAY_LLM__LORA_ADAPTERS": json.dumps(adapters)}
        result = CliRunner().invoke(cli, ["policies", "check"], env=env)
        return result.exit_code, result.output

    assert check({"tone": "tone.gguf"})[0] == 0
    code, output = check({})
    assert code == 1 and "adapter 'tone' is not declared in llm.lora_adapters" in output
