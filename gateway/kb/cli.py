"""``gateway kb``: bulk ingestion with a progress bar, and a search to check what a role would retrieve."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import click

from gateway.errors import GatewayError
from gateway.kb.documents import IngestOutcome
from gateway.kb.service import KnowledgeBase
from gateway.kb.sources import FORMATS, classification, read_paths

LEVELS = click.Choice(["public", "internal", "confidential", "restricted"])


def _open(*, subjects: bool = False) -> tuple[KnowledgeBase, Any]:
    """The knowledge base as configured; ``subjects`` loads the PII detector to index data subjects (ingestion)."""
    from gateway.db.session import Database
    from gateway.kb.service import build_knowledge_base
    from gateway.llm.embedder import LlamaCppEmbedder
    from gateway.policy.policy_set import load_policy_set
    from gateway.settings import load_settings

    settings = load_settings()
    policy = load_policy_set(settings.policy_file)
    embedder = LlamaCppEmbedder(settings.embedding_model_path,
                                n_threads=settings.embedding.n_threads or os.cpu_count())
    db = Database(settings.sqlalchemy_url)
    detector = None
    if subjects:
        from gateway.pii.detector import PiiDetector

        detector = PiiDetector.create(spacy_model=settings.spacy_model)
    return build_knowledge_base(settings, embedder, db, collections=policy.decl.collections,
                                detector=detector), policy


def _files(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in {*FORMATS, ".jsonl"}))
        else:
            found.append(path)
    return found


@click.group()
def kb() -> None:
    """The knowledge base: ingest documents, try a search."""


@kb.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--collection", "-c", default=None, help="Collection for files (and JSONL lines without one).")
@click.option("--classification", "-l", "level", type=LEVELS, default=None,
              help="Classification for files (and JSONL lines without one).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
def ingest(paths: tuple[Path, ...], collection: str | None, level: str | None, progress: bool) -> None:
    """Ingest files (.txt .md .html .pdf .docx), folders of them, and JSONL bulk files.

    Bad files or lines are reported by name and skipped; the rest is stored. Exit status 1 if any was rejected."""
    from tqdm import tqdm

    try:
        knowledge, _ = _open(subjects=True)
    except GatewayError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    files = _files(paths)
    bar = tqdm(total=sum(p.stat().st_size for p in files), unit="B", unit_scale=True, disable=not progress,
               file=sys.stderr)
    limit = knowledge.settings.max_document_bytes
    chosen = classification(level) if level else None

    def show(outcome: IngestOutcome) -> None:
        if outcome.status == "rejected":
            bar.write(f"rejected: {outcome.error}", file=sys.stderr)

    started = time.perf_counter()
    try:
        report = knowledge.ingest_many(
            read_paths(files, collection=collection, level=chosen, max_bytes=limit, on_bytes=bar.update),
            on_outcome=show,
        )
    except GatewayError as exc:
        bar.close()
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    bar.close()
    elapsed = time.perf_counter() - started
    click.echo(f"added {report.count('added')}, updated {report.count('updated')}, "
               f"unchanged {report.count('unchanged')}, rejected {report.count('rejected')}; "
               f"{report.chunks} chunks in {elapsed:.1f} s ({report.chunks / max(elapsed, 1e-9):.0f} chunks/s)")
    if report.rejected:
        sys.exit(1)


@kb.command("search")
@click.argument("query")
@click.option("--role", "roles", multiple=True, required=True, help="Search with this role's rights (repeatable).")
@click.option("--top-k", "-k", type=int, default=None)
def search(query: str, roles: tuple[str, ...], top_k: int | None) -> None:
    """Show what a role would retrieve (titles and scores; passage text is not printed)."""
    try:
        knowledge, policy = _open()
        for n, hit in enumerate(knowledge.search(query, policy.rights(roles), top_k), start=1):
            click.echo(f"[{n}] {hit.score:.4f} sim={hit.similarity:.3f} {hit.collection}/{hit.classification} "
                       f"{hit.document_id} v{hit.version} {hit.title}")
    except GatewayError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)


@kb.command("purge")
@click.argument("target")
@click.option("--collection", "whole_collection", is_flag=True,
              help="TARGET is a collection: purge all its documents and destroy its key.")
@click.option("--actor", default=None, help="Who asked for it (recorded in the receipt); default: the OS user.")
def purge(target: str, whole_collection: bool, actor: str | None) -> None:
    """Purge a document (TARGET = document id) or a collection for good, and print the signed receipt (JSON).

    Stop the server first: the purge deletes every older version of the table, which a running writer may need."""
    import getpass
    import json

    from gateway.audit.trail import AuditTrail
    from gateway.db.session import Database
    from gateway.kb.purge_receipt import purge_event
    from gateway.settings import load_settings

    try:
        knowledge, policy = _open()
        settings = load_settings()
        audit = AuditTrail.from_settings(Database(settings.sqlalchemy_url), settings)
        signer = audit.signer()
        who = actor or f"cli:{getpass.getuser()}"
        receipt = (knowledge.purge_collection(target, who, signer) if whole_collection
                   else knowledge.purge_document(target, who, signer))
        audit.append(purge_event(receipt, request_id=f"cli-purge-{receipt.id}", user=who[:128], roles=(),
                                 policy_version=policy.version, http_status=None))
        audit.close()
    except GatewayError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    click.echo(json.dumps(receipt.as_json(), indent=2, sort_keys=True))


@kb.command("rotate-master-key")
@click.option("--new-key-env", default=None,
              help="kb.key_provider=env: the variable holding the new base64 master key.")
def rotate_master_key(new_key_env: str | None) -> None:
    """Re-wrap the knowledge base's keys under a new master key (no document is re-encrypted).

    File provider: a new key file replaces the old one once the key store opens with it. Stop the gateway first;
    run again if interrupted. Audited (key fingerprints only)."""
    from gateway.audit.events import Actions
    from gateway.cli.main import audit_admin
    from gateway.db.session import Database
    from gateway.kb.rotation import rotate_master_key as rotate
    from gateway.settings import load_settings

    settings = load_settings()
    try:
        done = rotate(settings.kb, settings.data_dir, Database(settings.sqlalchemy_url), new_env=new_key_env)
    except GatewayError as exc:
        click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    audit_admin(Actions.KB_MASTER_KEY_ROTATE, {"old_key_id": done.old_key_id, "new_key_id": done.new_key_id,
                                                "keys_rewrapped": done.keys_rewrapped})
    click.echo(f"re-wrapped {done.keys_rewrapped} keys under master key {done.new_key_id} "
               f"(was {done.old_key_id})")
    if done.key_file is not None:
        click.echo(f"the new master key is in {done.key_file}; back it up now, and destroy old copies of the previous"
                   " one")
    else:
        click.echo(f"now set {settings.kb.master_key_env} to the value of {new_key_env} and restart the gateway")
