"""``gateway kb``: bulk ingestion with a progress bar, folder mirroring (``sync``), listing, a search to check what
a role would retrieve, purges and master-key rotation."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gateway.cli.common import audit_trail, cli_actor, command_auditor, fails_cleanly, settings
from gateway.kb.documents import IngestOutcome
from gateway.kb.sources import FORMATS, classification, read_paths

if TYPE_CHECKING:
    from gateway.kb.service import KnowledgeBase
    from gateway.policy.policy_set import PolicySet

LEVELS = click.Choice(["public", "internal", "confidential", "restricted"])


def _open(*, subjects: bool = False, reembed: bool = False) -> tuple[KnowledgeBase, PolicySet]:
    """The knowledge base as configured; ``subjects`` loads the PII detector to index data subjects (ingestion);
    ``reembed`` opens a table built by another embedding model, to re-embed it."""
    from gateway.db.session import Database
    from gateway.kb.service import open_knowledge_base
    from gateway.llm.embedder import LlamaCppEmbedder
    from gateway.policy.pii_rules import detection_floor
    from gateway.policy.policy_set import load_policy_set

    config = settings()
    policy = load_policy_set(config.policy_file)
    embedder = LlamaCppEmbedder(config.embedding_model_path, n_threads=config.embedding.n_threads or os.cpu_count(),
                                model=config.embedding.model)
    detector = config.pii_engine.detector() if subjects else None
    knowledge = open_knowledge_base(config.kb, data_dir=config.data_dir, kb_uri=config.kb_uri,
                                    db=Database(config.sqlalchemy_url), embedder=embedder,
                                    collections=policy.decl.collections, detector=detector,
                                    detection_floor=detection_floor(policy), reembed=reembed)
    return knowledge, policy


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
@click.option("--collection", "-c", default=None,
              help="Collection for files (and JSONL lines) that do not name one in their front matter (fields).")
@click.option("--classification", "-l", "level", type=LEVELS, default=None,
              help="Classification for files (and JSONL lines) that do not name one in their front matter (fields).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar.")
@fails_cleanly
def ingest(paths: tuple[Path, ...], collection: str | None, level: str | None, progress: bool) -> None:
    """Ingest files (.txt .md .html .pdf .docx), folders of them, and JSONL bulk files.

    Markdown front matter (title, source_id, collection, classification, other keys as metadata) is read; a given
    collection or classification that a file's front matter contradicts rejects that file. Bad files or lines are
    reported by name and skipped; the rest is stored. Exit status 1 if any was rejected."""
    from tqdm import tqdm

    knowledge, _ = _open(subjects=True)
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
    finally:
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
@fails_cleanly
def search(query: str, roles: tuple[str, ...], top_k: int | None) -> None:
    """Show what a role would retrieve (titles and scores; passage text is not printed)."""
    knowledge, policy = _open()
    for n, hit in enumerate(knowledge.search(query, policy.rights(roles), top_k), start=1):
        click.echo(f"[{n}] {hit.score:.4f} sim={hit.similarity:.3f} {hit.collection}/{hit.classification} "
                   f"{hit.document_id} v{hit.version} {hit.title}")


@kb.command("list")
@click.option("--role", "roles", multiple=True, required=True,
              help="List what this role may read (repeatable); titles are masked under its PII rules.")
@click.option("--collection", "-c", default=None, help="Only this collection.")
@click.option("--classification", "-l", "level", type=LEVELS, default=None, help="Only documents of this level.")
@click.option("--validity", type=click.Choice(["current", "expired", "pending"]), default=None,
              help="Only documents in force now, expired ones, or ones not yet in force.")
@click.option("--limit", type=click.IntRange(1, 5000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document instead of a table.")
@fails_cleanly
def list_documents(roles: tuple[str, ...], collection: str | None, level: str | None, validity: str | None,
                   limit: int, offset: int, as_json: bool) -> None:
    """List the documents a role may read, newest first: id (what `gateway kb purge` takes), masked title,
    collection, classification, served version and versions, chunks, when it went live, validity (current,
    expired, pending)."""
    import json
    from functools import partial

    from gateway.kb.listing import DocumentQuery
    from gateway.pii.service import MaskingService
    from gateway.pii.vault import PseudonymVault
    from gateway.policy.pii_rules import pii_rules_for
    from gateway.policy.schema import Classification

    knowledge, policy = _open()
    query = DocumentQuery(collection=collection, classification=int(classification(level)) if level else None,
                          validity=validity, limit=limit, offset=offset)  # type: ignore[arg-type]
    documents = knowledge.list_documents(policy.rights(roles, "documents:read"), query=query)
    masking = MaskingService(settings().pii_engine.masker(), partial(pii_rules_for, policy))
    rules = masking.rules_for(roles)
    vault = PseudonymVault()  # titles masked from the spans found at ingestion where they have them, as the API does
    titles = masking.mask_found_now([(d.title or "", d.found.title if d.found else None) for d in documents], rules,
                                    [vault] * len(documents))
    for document, masked in zip(documents, titles, strict=True):
        title = masked.text
        when = document.ingested_at.isoformat(timespec="seconds") if document.ingested_at else "-"
        level_name = Classification(document.classification).name
        if as_json:
            click.echo(json.dumps({"id": document.id, "title": title, "collection": document.collection,
                                   "classification": level_name, "active_version": document.active_version,
                                   "versions": document.versions, "chunks": document.chunks, "ingested_at": when,
                                   "validity": document.validity(),
                                   "valid_from": document.valid_from.isoformat() if document.valid_from else None,
                                   "valid_until": document.valid_until.isoformat() if document.valid_until else None},
                                  ensure_ascii=False))
        else:
            served = f"v{document.active_version}" if document.active_version else "-"
            click.echo(f"{document.id}  {document.collection}/{level_name}  {served} of {document.versions}  "
                       f"{document.chunks} chunks  {when}  {document.validity()}  {title}")
    if not documents and not as_json:
        click.echo("no documents", err=True)


@kb.command("redetect")
@click.option("--check", is_flag=True, help="Only count the chunks that need it; change nothing.")
@fails_cleanly
def redetect(check: bool) -> None:
    """Detect personal data again in the chunks whose stored spans the running PII engine would not use (after an
    upgrade of the engine, or a policy threshold below the one they were found at). Until then those chunks are
    detected afresh on every read; the gateway also does this in the background at start-up."""
    knowledge, _ = _open(subjects=True)
    assert knowledge.redetector is not None
    if check:
        checked, stale = knowledge.redetector.stale()
        click.echo(f"{len(stale)} of {checked} served chunks need re-detection")
        return
    report = knowledge.redetector.run()
    click.echo(f"re-detected {report.redetected} of {report.stale} stale chunks ({report.checked} served)")


@kb.command("reembed")
@click.option("--progress/--no-progress", default=True, help="Print rows done as it goes (to stderr).")
@fails_cleanly
def reembed(progress: bool) -> None:
    """Move the knowledge base to the configured embedding model (``embedding.model``) in place: every passage is
    decrypted, embedded again and its vector rewritten, then the vector index is retrained. Stop the gateway first:
    while this runs the knowledge base opens for nothing else. An interrupted run is finished by running it again.
    Audited (model names and counts)."""
    from gateway.audit.events import Actions
    from gateway.cli.common import audit_admin

    knowledge, _ = _open(reembed=True)
    before = knowledge.store.built_by().get("model", "?")

    def report_progress(done: int, total: int) -> None:
        if progress:
            click.echo(f"\r{done}/{total} rows", nl=False, err=True)

    report = knowledge.reembed(report_progress)
    if progress and report.rows:
        click.echo(err=True)
    after = knowledge.ingestor.embedder.identity.get("model", "?")
    audit_admin(Actions.KB_REEMBED, {"from_model": before, "to_model": after, "rows": report.rows,
                                     "reembedded": report.reembedded, "shredded": report.shredded})
    shredded = f"; {report.shredded} rows of purged documents left unreadable as they were" if report.shredded else ""
    click.echo(f"re-embedded {report.reembedded} of {report.rows} rows with {after} (was {before}){shredded}")


@kb.command("sync")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--collection", "-c", required=True, help="The collection the folder is mirrored into.")
@click.option("--classification", "-l", "level", type=LEVELS, required=True,
              help="The classification of its documents (a file whose front matter says otherwise is rejected).")
@click.option("--watch", is_flag=True, help="Keep mirroring: sync again every --interval seconds until stopped.")
@click.option("--interval", type=click.FloatRange(0.1, 3600), default=10.0, show_default=True,
              help="Seconds between rounds with --watch.")
@click.option("--rounds", type=click.IntRange(1), default=None, hidden=True,
              help="Stop after this many rounds (with --watch).")
@click.option("--actor", default=None, help="Who runs the mirror (recorded in purge receipts); default: the OS user.")
@fails_cleanly
def sync(folder: Path, collection: str, level: str, watch: bool, interval: float, rounds: int | None,
         actor: str | None) -> None:
    """Mirror FOLDER into a collection: new and changed files are ingested as new versions, unchanged ones are
    left alone, and the documents of files that are gone are purged, each with a signed receipt (printed as one
    JSON line). Run it again at any time; with --watch, a changed file is searchable within one interval plus its
    ingestion. Purges delete older table versions (as `gateway kb purge` does): run the mirror as the one writer."""
    import json

    from gateway.audit.events import Actions
    from gateway.kb.mirror import FolderMirror
    from gateway.purge.service import purge_service_for

    knowledge, policy = _open(subjects=True)
    mirror = FolderMirror(knowledge, folder, collection=collection, level=classification(level))
    audit = audit_trail(settings())
    purges = purge_service_for(knowledge, audit.signer)
    who = actor or cli_actor()
    done = 0
    try:
        while True:
            this = mirror.sync(on_outcome=lambda o: click.echo(f"rejected: {o.error}", err=True)
                               if o.status == "rejected" else None)
            for doc_id in this.gone:
                receipt = purges.purge_document(doc_id, who)
                auditor = command_auditor(audit, policy.version, user=who[:128], request_id=f"cli-sync-{receipt.id}")
                auditor.record_now(Actions.DOCUMENT_PURGE, http_status=None, **receipt.audit_fields())
                click.echo(json.dumps(receipt.as_json(), sort_keys=True))
            report = this.report
            if not watch or report.count("added") or report.count("updated") or report.rejected or this.gone:
                click.echo(f"added {report.count('added')}, updated {report.count('updated')}, "
                           f"unchanged {report.count('unchanged') + this.skipped}, "
                           f"rejected {report.count('rejected')}, purged {len(this.gone)}", err=True)
            done += 1
            if not watch or (rounds is not None and done >= rounds):
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        pass
    finally:
        audit.close()
    if not watch and report.rejected:
        sys.exit(1)


@kb.command("purge")
@click.argument("target")
@click.option("--collection", "whole_collection", is_flag=True,
              help="TARGET is a collection: purge all its documents and destroy its key.")
@click.option("--actor", default=None, help="Who asked for it (recorded in the receipt); default: the OS user.")
@fails_cleanly
def purge(target: str, whole_collection: bool, actor: str | None) -> None:
    """Purge a document (TARGET = document id) or a collection for good, and print the signed receipt (JSON).

    Stop the server first: the purge deletes every older version of the table, which a running writer may need."""
    import json

    from gateway.audit.events import Actions
    from gateway.purge.service import purge_service_for

    knowledge, policy = _open()
    audit = audit_trail(settings())
    purges = purge_service_for(knowledge, audit.signer)
    who = actor or cli_actor()
    receipt = purges.purge_collection(target, who) if whole_collection else purges.purge_document(target, who)
    auditor = command_auditor(audit, policy.version, user=who[:128], request_id=f"cli-purge-{receipt.id}")
    auditor.record_now(Actions.DOCUMENT_PURGE, http_status=None, **receipt.audit_fields())
    audit.close()
    click.echo(json.dumps(receipt.as_json(), indent=2, sort_keys=True))


@kb.command("rotate-master-key")
@click.option("--new-key-env", default=None,
              help="kb.key_provider=env: the variable holding the new base64 master key.")
@fails_cleanly
def rotate_master_key(new_key_env: str | None) -> None:
    """Re-wrap the knowledge base's keys under a new master key (no document is re-encrypted).

    File provider: a new key file replaces the old one once the key store opens with it. Stop the gateway first;
    run again if interrupted. Audited (key fingerprints only)."""
    from gateway.audit.events import Actions
    from gateway.cli.common import audit_admin
    from gateway.db.session import Database
    from gateway.kb.rotation import rotate_master_key as rotate

    config = settings()
    done = rotate(config.kb, config.data_dir, Database(config.sqlalchemy_url), new_env=new_key_env)
    audit_admin(Actions.KB_MASTER_KEY_ROTATE, {"old_key_id": done.old_key_id, "new_key_id": done.new_key_id,
                                                "keys_rewrapped": done.keys_rewrapped})
    click.echo(f"re-wrapped {done.keys_rewrapped} keys under master key {done.new_key_id} "
               f"(was {done.old_key_id})")
    if done.key_file is not None:
        click.echo(f"the new master key is in {done.key_file}; back it up now, and destroy old copies of the previous"
                   " one")
    else:
        click.echo(f"now set {config.kb.master_key_env} to the value of {new_key_env} and restart the gateway")
