"""Master-key rotation: the key store is re-wrapped under the new key, every passage still reads, the old key no
longer opens anything, and a rotation interrupted half-way finishes when run again."""

from __future__ import annotations

import base64
import os
import secrets
from pathlib import Path

import pytest
from sqlalchemy import select

from gateway.db.session import Database
from gateway.db.tables import KbKey
from gateway.errors import ConfigurationError
from gateway.kb.keyring import KeyRing
from gateway.kb.keys import env_key_provider, file_key_provider
from gateway.kb.rotation import rotate_master_key
from gateway.kb.settings import KbSettings
from gateway.policy.policy_set import PolicySet
from tests.kb.conftest import KbFactory, doc

FEES = "Replacing a lost debit card costs ten euros at any branch."
AUDIT = "Internal audit found the vault log unsigned on two Fridays in March."


def wrapped_by(db_url: str) -> dict[str, str]:
    with Database(db_url).session() as session:
        return {row.id: row.wrapped_by for row in session.scalars(select(KbKey))}


def test_rotation_rewraps_only_master_wrapped_keys_and_every_passage_still_reads(
    kb_factory: KbFactory, bank: PolicySet, tmp_path: Path, kb_db_url: str
) -> None:
    kb = kb_factory(bank)
    kb.ingest(doc(FEES, title="Card fees", collection="retail-products"))
    kb.ingest(doc(AUDIT, title="Vault log", collection="internal-audit", level="restricted"))
    key_file = tmp_path / "data" / "keys" / "kb-master.key"
    old_key = key_file.read_bytes()
    before = wrapped_by(kb_db_url)

    done = rotate_master_key(KbSettings(), tmp_path / "data", Database(kb_db_url))

    after = wrapped_by(kb_db_url)
    master_wrapped = [k for k in before if not before[k].startswith("collection:")]
    assert done.keys_rewrapped == len(master_wrapped) == 3  # the index key and two collection keys
    assert {after[k] for k in master_wrapped} == {done.new_key_id} != {done.old_key_id}
    assert {k: v for k, v in after.items() if v.startswith("collection:")} == \
        {k: v for k, v in before.items() if v.startswith("collection:")}  # document keys untouched
    assert key_file.read_bytes() != old_key and oct(key_file.stat().st_mode & 0o777) == "0o600"
    assert not key_file.with_name("kb-master.key.new").exists()

    reopened = kb_factory(bank)
    admin = bank.rights(("admin",))
    assert [h.text for h in reopened.search("lost debit card", admin, top_k=1)] == [FEES]
    assert [h.text for h in reopened.search("vault log unsigned", admin, top_k=1)] == [AUDIT]
    stale = tmp_path / "old.key"
    stale.write_bytes(old_key)
    stale.chmod(0o600)
    with pytest.raises(ConfigurationError, match="does not open the key store"):
        KeyRing(Database(kb_db_url), file_key_provider(stale, create=False)).verify()


def test_an_interrupted_rotation_is_finished_by_running_it_again(
    kb_factory: KbFactory, bank: PolicySet, tmp_path: Path, kb_db_url: str
) -> None:
    kb_factory(bank).ingest(doc(FEES, title="Card fees", collection="retail-products"))
    key_file = tmp_path / "data" / "keys" / "kb-master.key"
    pending = key_file.with_name("kb-master.key.new")
    # Killed after the key store was re-wrapped, before the new key file replaced the old one:
    KeyRing(Database(kb_db_url), file_key_provider(key_file, create=False)).rewrap_master(
        file_key_provider(pending, create=True))
    with pytest.raises(ConfigurationError, match="rotate-master-key"):
        kb_factory(bank)

    done = rotate_master_key(KbSettings(), tmp_path / "data", Database(kb_db_url))

    assert done.keys_rewrapped == 0 and not pending.exists()
    assert [h.text for h in kb_factory(bank).search("lost debit card", bank.rights(("admin",)), top_k=1)] == [FEES]


def test_environment_provider_rotates_to_another_variable(
    kb_factory: KbFactory, bank: PolicySet, tmp_path: Path, kb_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KB_MASTER_KEY", base64.b64encode(secrets.token_bytes(32)).decode())
    settings = KbSettings(key_provider="env")
    kb_factory(bank, key_provider="env").ingest(doc(FEES, title="Card fees", collection="retail-products"))
    with pytest.raises(ConfigurationError, match="--new-key-env"):
        rotate_master_key(settings, tmp_path / "data", Database(kb_db_url))
    monkeypatch.setenv("KB_MASTER_KEY_NEXT", base64.b64encode(secrets.token_bytes(32)).decode())

    done = rotate_master_key(settings, tmp_path / "data", Database(kb_db_url), new_env="KB_MASTER_KEY_NEXT")

    assert done.new_key_id == env_key_provider("KB_MASTER_KEY_NEXT").key_id and done.key_file is None
    monkeypatch.setenv("KB_MASTER_KEY", os.environ["KB_MASTER_KEY_NEXT"])
    reopened = kb_factory(bank, key_provider="env")
    assert [h.text for h in reopened.search("lost debit card", bank.rights(("admin",)), top_k=1)] == [FEES]
