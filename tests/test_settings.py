"""The settings loader: defaults derived from two directories, env and TOML sources, errors that name the setting.

These tests exercise the loader itself, so they set ``GATEWAY_*`` variables with monkeypatch; every other test
builds its settings explicitly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gateway.errors import ConfigurationError
from gateway.paths import PROJECT_ROOT
from gateway.settings import load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine running the tests has exported must not leak into them."""
    for name in list(os.environ):
        if name.upper().startswith("GATEWAY_"):
            monkeypatch.delenv(name)


def write_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Path:
    path = tmp_path / "gateway.toml"
    path.write_text(text)
    monkeypatch.setenv("GATEWAY_CONFIG", str(path))
    return path


def test_defaults_derive_every_location_from_data_and_models_dirs(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path / "data", models_dir=tmp_path / "models")
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path / 'data' / 'gateway.db'}"
    assert settings.kb_uri == str(tmp_path / "data" / "kb")
    assert settings.chat_model_path == tmp_path / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert settings.embedding_model_path == tmp_path / "models" / "all-MiniLM-L6-v2.F16.gguf"
    assert settings.policy_file == PROJECT_ROOT / "policies" / "bank.yaml"
    assert (settings.host, settings.port, settings.llm.backend) == ("127.0.0.1", 8000, "local")


def test_explicit_locations_override_the_derived_ones(tmp_path: Path) -> None:
    settings = load_settings(
        data_dir=tmp_path,
        database_url="postgresql+psycopg://gw@db.internal/gateway",
        lancedb_uri="s3://kb-bucket/gateway",
        llm={"model_path": tmp_path / "chat.gguf"},
        embedding={"model_path": tmp_path / "embed.gguf"},
        policy_set="hospital",
    )
    assert settings.sqlalchemy_url == "postgresql+psycopg://gw@db.internal/gateway"
    assert settings.kb_uri == "s3://kb-bucket/gateway"
    assert settings.chat_model_path == tmp_path / "chat.gguf"
    assert settings.embedding_model_path == tmp_path / "embed.gguf"
    assert settings.policy_file.name == "hospital.yaml"


def test_environment_variables_are_parsed_including_nested_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_PORT", "9001")
    monkeypatch.setenv("GATEWAY_LLM__N_GPU_LAYERS", "-1")
    monkeypatch.setenv("GATEWAY_LLM__MODEL_NAME", "qwen")
    settings = load_settings()
    assert settings.port == 9001
    assert settings.llm.n_gpu_layers == -1
    assert settings.llm.model_name == "qwen"
    assert settings.llm.n_ctx == 2048  # the rest of the section keeps its defaults


def test_toml_file_named_by_gateway_config_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, monkeypatch, 'port = 9100\npolicy_set = "hospital"\n\n[llm]\nn_ctx = 4096\n')
    settings = load_settings()
    assert settings.port == 9100
    assert settings.policy_set == "hospital"
    assert settings.llm.n_ctx == 4096


def test_keyword_arguments_beat_environment_which_beats_the_toml_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, 'port = 9100\nhost = "10.0.0.1"\nlog_level = "DEBUG"\n')
    monkeypatch.setenv("GATEWAY_PORT", "9200")
    monkeypatch.setenv("GATEWAY_HOST", "10.0.0.2")
    settings = load_settings(port=9300)
    assert (settings.port, settings.host, settings.log_level) == (9300, "10.0.0.2", "DEBUG")


def test_settings_are_frozen(tmp_path: Path) -> None:
    settings = load_settings(data_dir=tmp_path)
    with pytest.raises(Exception, match="frozen"):
        settings.port = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "setting", "bad_value"),
    [
        ({"port": 0}, "port", None),
        ({"port": 70000}, "port", "70000"),
        ({"llm": {"n_ctx": "abc"}}, "llm.n_ctx", "abc"),
        ({"llm": {"queue_size": -3}}, "llm.queue_size", "-3"),
        ({"colour": "mauve"}, "colour", "mauve"),
        ({"llm": {"temprature": 0.2}}, "llm.temprature", "0.2"),
        ({"database_url": "mysql://root:hunter2@db/gateway"}, "database_url", "hunter2"),
        ({"log_level": "VERBOSE"}, "log_level", "VERBOSE"),
    ],
    ids=[
        "port-zero",
        "port-too-high",
        "n_ctx-not-a-number",
        "negative-queue",
        "unknown-key",
        "unknown-llm-key",
        "mysql-url",
        "unknown-log-level",
    ],
)
def test_bad_value_is_a_configuration_error_naming_the_setting_not_the_value(
    overrides: dict[str, object], setting: str, bad_value: str | None
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        load_settings(**overrides)
    message = caught.value.message
    assert f"{setting}:" in message
    if bad_value is not None:
        assert bad_value not in message


def test_bad_environment_value_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_LLM__N_CTX", "lots")
    monkeypatch.setenv("GATEWAY_DATABASE_URL", "oracle://scott:tiger@db/orcl")
    with pytest.raises(ConfigurationError) as caught:
        load_settings()
    assert "llm.n_ctx:" in caught.value.message
    assert "database_url:" in caught.value.message
    assert "lots" not in caught.value.message
    assert "tiger" not in caught.value.message


def test_bad_value_in_the_toml_file_names_the_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, monkeypatch, '[llm]\nn_ctx = "huge"\n')
    with pytest.raises(ConfigurationError, match=r"llm\.n_ctx:") as caught:
        load_settings()
    assert "huge" not in caught.value.message


def test_gateway_config_pointing_at_a_missing_file_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "nowhere.toml"
    monkeypatch.setenv("GATEWAY_CONFIG", str(missing))
    with pytest.raises(ConfigurationError, match="GATEWAY_CONFIG") as caught:
        load_settings()
    assert str(missing) in caught.value.message


def test_remote_backend_without_base_url_is_an_error_naming_it() -> None:
    with pytest.raises(ConfigurationError, match=r"llm\.remote_base_url"):
        load_settings(llm={"backend": "remote"})
    settings = load_settings(llm={"backend": "remote", "remote_base_url": "http://10.0.0.5:8080/v1"})
    assert settings.llm.remote_base_url == "http://10.0.0.5:8080/v1"


def test_gateway_config_that_is_not_toml_is_a_configuration_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(tmp_path, monkeypatch, "port = \n")
    with pytest.raises(ConfigurationError, match="GATEWAY_CONFIG"):
        load_settings()


def test_malformed_json_section_in_the_environment_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_LLM", "{not json")
    with pytest.raises(ConfigurationError, match="llm"):
        load_settings()


def test_jwt_section_is_configurable_and_refuses_symmetric_algorithms(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEWAY_JWT__ROLES_CLAIM", "realm_access.roles")
    settings = load_settings()
    assert settings.jwt.enabled is False  # type: ignore[attr-defined]
    assert settings.jwt.roles_claim == "realm_access.roles"  # type: ignore[attr-defined]
    with pytest.raises(ConfigurationError, match=r"jwt\.algorithms"):
        load_settings(jwt={"algorithms": ["HS256"]})
    with pytest.raises(ConfigurationError, match=r"jwt\.issuer"):
        load_settings(jwt={"enabled": True, "jwks_file": "/etc/gateway/jwks.json", "audience": "gw"})


def test_the_e5_embedder_brings_its_file_and_retrieval_defaults(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(data_dir=tmp_path, models_dir=tmp_path / "models",
                             embedding={"model": "multilingual-e5-small"})
    assert settings.embedding_model_path == tmp_path / "models" / "multilingual-e5-small.Q4_0.gguf"
    assert (settings.kb.dense_weight_cjk, settings.kb.min_relevance) == (1.5, 0.80)
    monkeypatch.setenv("GATEWAY_KB__DENSE_WEIGHT_CJK", "0.3")
    chosen = load_settings(data_dir=tmp_path, embedding={"model": "multilingual-e5-small"})
    assert (chosen.kb.dense_weight_cjk, chosen.kb.min_relevance) == (0.3, 0.80)  # what is set stays set
    monkeypatch.delenv("GATEWAY_KB__DENSE_WEIGHT_CJK")
    default = load_settings(data_dir=tmp_path)
    assert (default.embedding.model, default.kb.dense_weight_cjk, default.kb.min_relevance) == (
        "all-MiniLM-L6-v2", 0.05, 0.30)
