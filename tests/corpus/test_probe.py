from __future__ import annotations

from pathlib import Path

from gateway.corpus.canaries import make_canaries, write_manifest
from gateway.corpus.probe import near_match, probe_model


def test_near_match_accepts_one_typo_and_rejects_unrelated_text() -> None:
    assert near_match("ABCD-EFGH-JKLM", "the code is abcd-efgh-jklx today")
    assert not near_match("ABCD-EFGH-JKLM", "the code is confidential, ask the branch")


def test_the_bundled_base_model_has_not_memorised_fresh_canaries(tmp_path: Path, models_dir: Path) -> None:
    manifest = tmp_path / "canaries.json"
    write_manifest(manifest, make_canaries(4, 100))
    result = probe_model(models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf", manifest, max_tokens=16)
    assert result["canaries"] == 4
    assert result["verdict"] == "no leakage"


def test_probe_command_prints_the_verdict(tmp_path: Path, models_dir: Path) -> None:
    import json

    from click.testing import CliRunner

    from gateway.cli.corpus import model

    manifest = tmp_path / "canaries.json"
    write_manifest(manifest, make_canaries(2, 10))
    result = CliRunner().invoke(
        model,
        ["probe", "--model", str(models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf"), "--canaries", str(manifest),
         "--max-tokens", "8", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["verdict"] == "no leakage"


def test_probe_command_runs_on_an_adapter_the_settings_declare(tmp_path: Path, models_dir: Path) -> None:
    import json

    from click.testing import CliRunner

    from gateway.cli.corpus import model
    from tests.support import build_adapter

    base = models_dir / "SmolLM2-135M-Instruct.Q4_1.gguf"
    adapter = build_adapter(base, tmp_path / "example.gguf")
    manifest = tmp_path / "canaries.json"
    write_manifest(manifest, make_canaries(2, 10))
    env = {"GATEWAY_LLM__LORA_ADAPTERS": json.dumps({"example": str(adapter)}), "GATEWAY_DATA_DIR": str(tmp_path)}
    args = ["probe", "--model", str(base), "--canaries", str(manifest), "--max-tokens", "8", "--json"]
    result = CliRunner().invoke(model, [*args, "--adapter", "example", "--adapter-scale", "0.5"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["lora"] == {"file": "example.gguf", "scale": 0.5}
    unknown = CliRunner().invoke(model, [*args, "--adapter", "other"], env=env)
    assert unknown.exit_code == 2 and "'other' is not declared in llm.lora_adapters" in unknown.output
