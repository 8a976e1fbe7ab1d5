"""The user store on real SQLite and PostgreSQL: users, roles, API keys; only salted hashes are ever stored."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from gateway.db.session import Database
from gateway.db.tables import ApiKey, User
from gateway.errors import Conflict, InvalidInput, NotFound, Unauthenticated
from gateway.policy import api_keys
from gateway.policy.users import UserStore


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    yield database
    database.dispose()


@pytest.fixture
def users(db: Database) -> UserStore:
    return UserStore(db)


def key_id_of(key: str) -> str:
    parsed = api_keys.parse(key)
    assert parsed is not None
    return parsed[0]


def secret_of(key: str) -> str:
    parsed = api_keys.parse(key)
    assert parsed is not None
    return parsed[1]


def test_new_users_key_authenticates_to_that_user_with_their_roles(users: UserStore) -> None:
    created, key = users.add_user("  alice ", ["teller", "relationship_manager", "teller"])
    assert key.startswith("gwk_")
    assert created.name == "alice"
    assert created.roles == ("relationship_manager", "teller")
    users.add_user("bob", ["admin"])

    principal = users.authenticate(key)
    assert principal.name == "alice"
    assert principal.roles == ("relationship_manager", "teller")
    assert principal.user_id == created.user_id
    assert principal.auth_method == "api_key"


def test_wrong_secret_is_refused(users: UserStore) -> None:
    _, key = users.add_user("alice", ["teller"])
    secret = secret_of(key)
    wrong = key[: -len(secret)] + ("A" if secret[0] != "A" else "B") + secret[1:]
    with pytest.raises(Unauthenticated, match=r"^invalid API key$"):
        users.authenticate(wrong)


def test_unknown_key_id_is_refused(users: UserStore) -> None:
    _, key = users.add_user("alice", ["teller"])
    with pytest.raises(Unauthenticated, match=r"^invalid API key$"):
        users.authenticate(key.replace(key_id_of(key), "0123456789abcdef"))


@pytest.mark.parametrize(
    "presented",
    [
        "",
        "gwk_",
        "gwk_0123456789abcdef",
        "gwk_0123456789abcdef_short",
        "gwk_XYZ3456789abcdef_" + "a" * 43,
        "Bearer gwk_0123456789abcdef_" + "a" * 43,
    ],
    ids=["empty", "prefix-only", "no-secret", "short-secret", "bad-key-id", "with-scheme"],
)
def test_malformed_key_is_refused_without_echoing_it(users: UserStore, presented: str) -> None:
    users.add_user("alice", ["teller"])
    with pytest.raises(Unauthenticated) as caught:
        users.authenticate(presented)
    assert caught.value.message == "invalid API key"


def test_revoked_key_is_refused_and_revoking_again_is_harmless(users: UserStore) -> None:
    _, key = users.add_user("alice", ["teller"])
    users.revoke_key(key_id_of(key))
    with pytest.raises(Unauthenticated):
        users.authenticate(key)
    users.revoke_key(key_id_of(key))
    with pytest.raises(NotFound):
        users.revoke_key("0123456789abcdef")


def test_disabled_users_keys_are_refused(users: UserStore, db: Database) -> None:
    _, key = users.add_user("alice", ["teller"])
    with db.session() as session:
        session.scalars(select(User).where(User.name == "alice")).one().disabled = True
    with pytest.raises(Unauthenticated, match=r"^invalid API key$"):
        users.authenticate(key)


def test_duplicate_user_name_is_a_conflict(users: UserStore) -> None:
    users.add_user("alice", ["teller"])
    with pytest.raises(Conflict) as caught:
        users.add_user(" alice", ["admin"])
    assert caught.value.param == "name"


@pytest.mark.parametrize(
    ("name", "roles", "param"),
    [("", ["teller"], "name"), ("   ", ["teller"], "name"), ("x" * 129, ["teller"], "name"), ("alice", [], "roles")],
    ids=["empty-name", "blank-name", "name-too-long", "no-roles"],
)
def test_invalid_user_is_refused(users: UserStore, name: str, roles: list[str], param: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        users.add_user(name, roles)
    assert caught.value.param == param
    assert users.list_users() == []


def test_second_key_works_and_revoking_one_leaves_the_other(users: UserStore) -> None:
    _, first = users.add_user("alice", ["teller"])
    second = users.issue_key("alice")
    assert key_id_of(first) != key_id_of(second)
    assert users.authenticate(second).name == "alice"

    users.revoke_key(key_id_of(first))
    with pytest.raises(Unauthenticated):
        users.authenticate(first)
    assert users.authenticate(second).name == "alice"


def test_issuing_a_key_for_an_unknown_user_is_not_found(users: UserStore) -> None:
    with pytest.raises(NotFound):
        users.issue_key("nobody")


def test_list_users_returns_names_and_roles_in_order(users: UserStore) -> None:
    users.add_user("zoe", ["admin"])
    users.add_user("alice", ["teller", "compliance_officer"])
    assert [(p.name, p.roles) for p in users.list_users()] == [
        ("alice", ("compliance_officer", "teller")),
        ("zoe", ("admin",)),
    ]


def _stored_bytes(db: Database, db_url: str) -> bytes:
    """Everything the database holds that could contain the key: the SQLite files, or every api_keys column."""
    db.dispose()  # let SQLite checkpoint; the -wal file is scanned as well in case it did not
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite":
        path = Path(url.database or "")
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        return b"".join(f.read_bytes() for f in files if f.exists())
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM api_keys")).all()
    return b"".join(
        bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode() for row in rows for value in row
    )


def test_key_secret_is_never_stored_only_its_salted_hash(users: UserStore, db: Database, db_url: str) -> None:
    _, key = users.add_user("alice", ["teller"])
    second = users.issue_key("alice")
    stored = _stored_bytes(db, db_url)

    for presented in (key, second):
        secret = secret_of(presented)
        assert presented.encode() not in stored
        assert secret.encode() not in stored
        assert hashlib.sha256(secret.encode()).digest() not in stored  # unsalted hash would be a lookup table
        assert key_id_of(presented).encode() in stored  # the scan does see what is stored

    with db.session() as session:
        row = session.get(ApiKey, key_id_of(key))
        assert row is not None
        assert row.secret_hash == hashlib.sha256(row.salt + secret_of(key).encode()).digest()


def test_every_key_gets_its_own_salt(users: UserStore, db: Database) -> None:
    keys = [users.add_user(name, ["teller"])[1] for name in ("alice", "bob")]
    keys.append(users.issue_key("alice"))
    with db.session() as session:
        rows = [session.get(ApiKey, key_id_of(k)) for k in keys]
        salts = {row.salt for row in rows if row is not None}
        hashes = {row.secret_hash for row in rows if row is not None}
    assert len(salts) == len(hashes) == 3
    assert all(len(salt) == 16 for salt in salts)
