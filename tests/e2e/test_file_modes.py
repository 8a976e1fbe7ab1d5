"""Every key and data file the running gateway creates is private to its user (issue 15, finding 8)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_the_server_keeps_every_key_and_data_file_private_and_the_doctor_says_where_keys_are(
    server_factory,  # type: ignore[no-untyped-def]
) -> None:
    server = server_factory(("teller", "admin", "compliance_officer"))
    auth = {role: {"Authorization": f"Bearer {key}"} for role, key in server.keys.items()}
    doc = {"title": "Card fees", "text": "Replacing a lost debit card costs 10 EUR.", "collection": "retail-products",
           "classification": "internal"}
    assert httpx.post(f"{server.base_url}/v1/documents", json=doc, headers=auth["admin"], timeout=60).status_code == 201
    chat = {"messages": [{"role": "user", "content": "What does a lost card cost?"}], "max_tokens": 4}
    assert httpx.post(f"{server.base_url}/v1/chat/completions", json=chat, headers=auth["teller"],
                      timeout=60).status_code == 200
    assert httpx.get(f"{server.base_url}/v1/audit/verify", headers=auth["compliance_officer"]).json()["intact"]

    created = sorted(server.data_dir.rglob("*"))
    names = {p.name for p in created}
    assert {"gateway.db", "pii.key", "kb-master.key", "audit-signing.key", "audit-mac.key"} <= names
    loose = [f"{p} {stat.S_IMODE(p.stat().st_mode):04o}" for p in created if stat.S_IMODE(p.stat().st_mode) & 0o077]
    assert loose == []
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o700 for p in created if p.is_dir())

    env = {**os.environ, "GATEWAY_DATA_DIR": str(server.data_dir)}
    doctor = subprocess.run([sys.executable, "-m", "gateway", "doctor"], env=env, capture_output=True, text=True,
                            timeout=120)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert "warn: pii.key_file" in doctor.stdout and "fail:" not in doctor.stdout
    assert "insecure" not in server.log() and "inside the data directory" in server.log()  # start-up said so too
