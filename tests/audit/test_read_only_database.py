"""The audit database going read-only fails requests closed: no answer without its row (issue 15, faults).

PostgreSQL is made read-only for real (``default_transaction_read_only`` on the database, sessions ended so the
pool reconnects under it); every audited route then answers 500 ``audit_failed`` and nothing else: no answer, no
stream, no masked text. Writable again, the gateway carries on and the chain verifies.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.support import Gateway

pytestmark = pytest.mark.postgres

CHAT = {"messages": [{"role": "user", "content": "Is Maria Garcia's card blocked?"}], "max_tokens": 4}


def set_read_only(admin_url: str, database: str, on: bool) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{database}" SET default_transaction_read_only = {"on" if on else "off"}'))
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": database})
    admin.dispose()


def test_a_read_only_audit_database_fails_every_audited_request_closed(
    gateway_factory: Callable[..., Gateway], pg_url: str, postgres_server: str
) -> None:
    gateway = gateway_factory(database_url=pg_url)
    client, teller = gateway.client, gateway.auth("teller")
    assert client.post("/v1/chat/completions", json=CHAT, headers=teller).status_code == 200
    database = make_url(pg_url).database
    assert database
    set_read_only(postgres_server, database, True)
    try:
        plain = client.post("/v1/chat/completions", json=CHAT, headers=teller)
        assert plain.status_code == 500 and plain.json()["error"]["code"] == "audit_failed"
        assert "choices" not in plain.json()
        with client.stream("POST", "/v1/chat/completions", json={**CHAT, "stream": True}, headers=teller) as r:
            streamed_status, streamed = r.status_code, r.read().decode()
        assert streamed_status == 500 and "audit_failed" in streamed and "data:" not in streamed  # no stream began
        masked = client.post("/v1/mask", json={"text": "Call Maria Garcia."}, headers=teller)
        assert masked.status_code == 500 and "Maria" not in masked.text and "PERSON" not in masked.text
        searched = client.post("/v1/search", json={"query": "card"}, headers=teller)
        assert searched.status_code == 500
        denied = client.get("/metrics", headers=teller)  # a denial that cannot be recorded is not answered 403
        assert denied.status_code == 500
        assert gateway.services.chat.queue.depth == 0  # nothing left waiting on the model
    finally:
        set_read_only(postgres_server, database, False)
    assert client.post("/v1/chat/completions", json=CHAT, headers=teller).status_code == 200
    verify = client.get("/v1/audit/verify", headers=gateway.auth("compliance_officer")).json()
    assert verify["intact"] is True
