"""``gateway doctor`` and the permissions of keys and data (issue 15, finding 8)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gateway.audit import AuditSettings, AuditTrail
from gateway.cli.main import cli
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.errors import AuditFailed
from tests.audit.conftest import make_event


@pytest.fixture
def deployment(tmp_path: Path, models_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("GATEWAY_DATA_DIR", str(data_dir))
    monkeypatch.setenv("GATEWAY_MODELS_DIR", str(models_dir))
    monkeypatch.delenv("GATEWAY_CONFIG", raising=False)
    monkeypatch.delenv("GATEWAY_PROFILE", raising=False)
    upgrade(f"sqlite:///{data_dir / 'gateway.db'}")
    return data_dir


def doctor() -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["doctor"], catch_exceptions=False)
    return result.exit_code, result.output


def test_keys_inside_the_data_directory_are_a_warning_outside_the_dev_profile(
    deployment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = doctor()
    assert code == 0, out
    for setting in ("pii.key_file", "kb.master_key_file", "audit.signing_key_path", "audit.mac_key_path"):
        assert f"warn: {setting}: " in out and "inside the data directory" in out
    monkeypatch.setenv("GATEWAY_PROFILE", "dev")
    code, out = doctor()
    assert code == 0 and "inside the data directory" not in out


def test_keys_kept_apart_and_a_checkpoint_file_leave_nothing_to_report(
    deployment: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = tmp_path / "vault"
    monkeypatch.setenv("GATEWAY_PII__KEY_FILE", str(keys / "pii.key"))
    monkeypatch.setenv("GATEWAY_KB__MASTER_KEY_FILE", str(keys / "kb-master.key"))
    monkeypatch.setenv("GATEWAY_AUDIT__SIGNING_KEY_PATH", str(keys / "audit-signing.key"))
    monkeypatch.setenv("GATEWAY_AUDIT__CHECKPOINT_FILE", str(tmp_path / "worm" / "checkpoints.jsonl"))
    code, out = doctor()
    assert code == 0 and "ok: keys and data files are private" in out, out


def test_a_key_or_data_file_others_may_read_is_a_failure(deployment: Path) -> None:
    db_file = deployment / "gateway.db"
    assert stat.S_IMODE(db_file.stat().st_mode) == 0o600  # created private
    os.chmod(db_file, 0o644)
    code, out = doctor()
    assert code == 1 and f"fail: database_url: {db_file} has mode 0644" in out


def test_a_signing_key_others_may_read_is_refused(db_url: str, tmp_path: Path) -> None:
    key_path = tmp_path / "keys" / "audit-signing.key"
    first = AuditTrail(Database(db_url), AuditSettings(checkpoint_every=5), key_path=key_path)
    for i in range(5):
        first.append(make_event(i))
    os.chmod(key_path, 0o644)
    second = AuditTrail(Database(db_url), AuditSettings(checkpoint_every=5), key_path=key_path)
    for i in range(4):
        second.append(make_event(i))
    with pytest.raises(AuditFailed):  # seq 10 needs the key; before the fix it was loaded whatever its mode
        second.append(make_event(9))
    first.db.dispose()
    second.db.dispose()


def test_the_gateway_command_creates_every_file_private_whatever_its_umask(deployment: Path, models_dir: Path) -> None:
    env = {**os.environ, "GATEWAY_DATA_DIR": str(deployment), "GATEWAY_MODELS_DIR": str(models_dir)}
    script = "import os, sys; os.umask(0o022); from gateway.cli.main import main; sys.argv = ['gateway', 'users', " \
             "'add', 'someone', '--role', 'teller']; main()"
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loose = [p for p in deployment.rglob("*") if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == [], loose
    assert stat.S_IMODE(deployment.stat().st_mode) == 0o700
