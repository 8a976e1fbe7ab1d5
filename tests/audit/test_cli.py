"""``gateway audit``: verify's exit status, export to a file, prune, legal holds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from gateway.audit import AuditSettings, AuditTrail
from gateway.cli.audit import AuditCliConfig, audit

from .conftest import days_ago, make_event, sql


def _run(trail: AuditTrail, tmp_path: Path, *args: str, **settings: Any) -> tuple[int, str]:
    config = AuditCliConfig(trail.db.url, tmp_path, AuditSettings(signing_key_path=trail.key_path, **settings))
    result = CliRunner().invoke(audit, list(args), obj=config, catch_exceptions=False)
    return result.exit_code, result.output


def test_verify_exits_0_when_intact_and_1_with_the_first_broken_link(trail: AuditTrail, tmp_path: Path) -> None:
    for i in range(12):
        trail.append(make_event(i))
    code, out = _run(trail, tmp_path, "verify")
    assert code == 0 and "intact" in out
    sql(trail, "DELETE FROM audit_events WHERE seq = 5")
    code, out = _run(trail, tmp_path, "verify")
    assert code == 1
    assert "first broken link: seq 5: missing_row" in out


def test_export_writes_jsonl_with_the_verification_trailer(trail: AuditTrail, tmp_path: Path) -> None:
    trail.append(make_event(0, at=days_ago(10)))
    trail.append(make_event(1, at=days_ago(1)))
    target = tmp_path / "out.jsonl"
    since = days_ago(5).strftime("%Y-%m-%dT%H:%M:%S")
    code, _ = _run(trail, tmp_path, "export", "--format", "jsonl", "--since", since, "-o", str(target))
    assert code == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line.get("seq") for line in lines[:-1]] == [2]
    assert lines[-1]["type"] == "verification" and lines[-1]["intact"]


def test_export_csv_to_stdout(trail: AuditTrail, tmp_path: Path) -> None:
    trail.append(make_event(0))
    code, out = _run(trail, tmp_path, "export", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0].startswith("seq,prev_hash,hash,at,")
    assert out.splitlines()[-1].startswith("verification,")


def test_prune_uses_retention_days_and_says_when_retention_is_off(trail: AuditTrail, tmp_path: Path) -> None:
    trail.append(make_event(0, at=days_ago(40)))
    trail.append(make_event(1))
    code, out = _run(trail, tmp_path, "prune")
    assert code == 0 and "kept forever" in out
    code, out = _run(trail, tmp_path, "prune", retention_days=30)
    assert code == 0 and "pruned 1 events up to seq 1" in out
    assert _run(trail, tmp_path, "verify")[0] == 0


def test_hold_add_list_remove(trail: AuditTrail, tmp_path: Path) -> None:
    assert _run(trail, tmp_path, "hold", "add", "--user", "mallory")[0] == 0
    assert _run(trail, tmp_path, "hold", "add", "--document", "loan-7")[0] == 0
    code, out = _run(trail, tmp_path, "hold", "list")
    assert code == 0 and "user\tmallory" in out and "document\tloan-7" in out
    assert _run(trail, tmp_path, "hold", "add", "--user", "mallory")[0] == 2  # already held: clean error
    assert _run(trail, tmp_path, "hold", "remove", "--user", "mallory")[0] == 0
    assert "mallory" not in _run(trail, tmp_path, "hold", "list")[1]
    assert _run(trail, tmp_path, "hold", "add")[0] == 2  # neither --user nor --document
