"""The console in a real browser: Debian's chromium driven by Playwright (never a browser Playwright downloads).

One gateway (the real app factory, models, PII engine, SQLite and LanceDB) served by uvicorn in a thread, and one
chromium for the module; each test gets a fresh browser context (its own cookies). Screenshots of the main pages
go to ``var/test-artifacts/console/`` (``CONSOLE_ARTIFACTS`` to put them elsewhere; the README's are made so).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from playwright.sync_api import Browser, Page, expect, sync_playwright

from gateway.app import Engines, create_app
from gateway.audit.events import AuditEvent
from gateway.db.migrate import upgrade
from gateway.db.session import Database
from gateway.kb.service import open_knowledge_base
from gateway.kb.sources import text_document
from gateway.llm.embedder import LlamaCppEmbedder
from gateway.llm.protocol import ChatModel
from gateway.paths import PROJECT_ROOT
from gateway.pii.masker import Masker
from gateway.policy.policy_set import load_policy_set
from gateway.policy.principal import Principal
from gateway.policy.schema import Classification
from gateway.policy.users import UserStore
from gateway.purge.receipts import receipt_message
from gateway.services import Services
from tests.support import make_settings

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("CONSOLE_ARTIFACTS", PROJECT_ROOT / "var" / "test-artifacts" / "console"))
HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
PAGES = ("/console/dashboard", "/console/audit", "/console/audit/verify", "/console/audit/export", "/console/holds",
         "/console/quality", "/console/documents", "/console/users", "/console/policy")


@dataclass
class Live:
    base: str
    keys: dict[str, str]
    services: Services
    chat_seq: int
    hostile_seq: int

    def url(self, path: str) -> str:
        return self.base + path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, models_dir: Path, chat_model: ChatModel,
         embedder: LlamaCppEmbedder, masker: Masker) -> Iterator[Live]:
    settings = make_settings(tmp_path_factory.mktemp("console"), models_dir, llm={"max_tokens_cap": 8})
    upgrade(settings.sqlalchemy_url)
    db = Database(settings.sqlalchemy_url)
    policy = load_policy_set(settings.policy_file)
    users = UserStore(db)
    keys = {role: users.add_user(role, [role])[1] for role in policy.role_names}
    kb = open_knowledge_base(settings.kb, data_dir=settings.data_dir, kb_uri=settings.kb_uri, db=db,
                             embedder=embedder, collections=policy.decl.collections, detector=masker.detector)
    kb.ingest(text_document("# Lost cards\n\nA lost debit card is blocked at once and replaced for 10 EUR. "
                            "Call the card desk to report it.", title="Lost card procedure",
                            collection="retail-products",
                            level=Classification.internal, metadata={"version_label": "2026-02",
                                                                     "effective_date": "2026-02-01"},
                            source="lost-card", label="seed", max_bytes=1 << 20))
    app = create_app(settings, Engines(db=db, policy=policy, chat_model=chat_model, embedder=embedder,
                                       masker=masker, kb=kb))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the gateway did not start"
    base = f"http://127.0.0.1:{port}"
    answer = httpx.post(f"{base}/v1/chat/completions", timeout=120,
                        headers={"Authorization": f"Bearer {keys['teller']}"},
                        json={"model": settings.llm.model_name, "max_tokens": 8,
                              "messages": [{"role": "user", "content": "What does replacing a lost card cost?"}]})
    assert answer.status_code == 200, answer.text
    services: Services = app.state["services"]
    from gateway.audit.query import AuditFilter

    chat = services.audit.find(AuditFilter(action="chat"), limit=1).records[0]
    assert chat.event.citations, "the seeded chat cited nothing"
    hostile = services.audit.append(AuditEvent(action="chat", outcome="ok", request_id="hostile-1", user="teller",
                                               roles=("teller",), policy_version=policy.version, http_status=200,
                                               masked_query=HOSTILE, masked_answer=HOSTILE))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    yield Live(base, keys, services, chat.seq, hostile.seq)
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"no chromium at {CHROMIUM}: run `make browser` (Debian's chromium package), or set CHROMIUM")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", timezone_id="Europe/Zurich", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    yield opened
    context.close()
    assert not errors, errors  # no script error, no CSP violation on any page


def sign_in(page: Page, live: Live, role: str) -> None:
    page.goto(live.url("/console/login"))
    page.get_by_label("API key or access token").fill(live.keys[role])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_officer_filters_the_trail_opens_an_event_reveals_a_passage_verifies_and_exports(page: Page,
                                                                                          live: Live) -> None:
    sign_in(page, live, "compliance_officer")
    expect(page).to_have_url(live.url("/console/audit"))
    page.get_by_label("Action").select_option("chat")
    page.get_by_label("User", exact=True).fill("teller")
    page.get_by_role("search").get_by_role("button", name="Apply").click()
    page.wait_for_url(lambda url: "action=chat" in url and "user=teller" in url)
    rows = page.locator("table.data tbody tr")
    expect(rows).to_have_count(2)  # the seeded answer and the hostile one, nothing else
    shot(page, "audit-trail")
    page.get_by_role("link", name=f"Open event {live.chat_seq}", exact=True).click()
    expect(page.locator("h1")).to_have_text(f"Audit event #{live.chat_seq}")
    expect(page.locator("#masked-question")).to_contain_text("lost card")
    page.get_by_role("button", name="Show the cited passages").click()
    expect(page.locator("blockquote.passage").first).to_contain_text("blocked at once")
    shot(page, "audit-event")
    assert [r.event.action for r in live.services.audit.find(_filter("audit.passages"), limit=5).records]
    page.get_by_role("link", name="Verification").click()
    page.get_by_role("button", name="Verify the chain now").click()
    expect(page.locator("#verify-result")).to_contain_text("The audit trail is intact.")
    expect(page.locator("#latest-checkpoint")).to_contain_text("signature")
    shot(page, "verification")
    page.get_by_role("link", name="Export").click()
    page.get_by_label("JSONL").check()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download").click()
    lines = Path(download.value.path()).read_text().splitlines()
    assert json.loads(lines[-1])["type"] == "verification" and json.loads(lines[-1])["intact"] is True
    assert any(json.loads(line).get("seq") == live.chat_seq for line in lines[:-1])


def _filter(action: str) -> Any:
    from gateway.audit.query import AuditFilter

    return AuditFilter(action=action)


def test_admin_uploads_a_document_finds_it_purges_it_and_checks_the_receipt(page: Page, live: Live,
                                                                          tmp_path: Path) -> None:
    sign_in(page, live, "admin")
    expect(page).to_have_url(live.url("/console/dashboard"))
    shot(page, "dashboard")
    page.get_by_role("link", name="Documents").click()
    upload = tmp_path / "overdraft.md"
    upload.write_text("---\ntitle: Overdraft limits for students\nversion_label: 2026-03\n---\n\n"
                      "# Limits\n\nStudents may overdraw up to 500 EUR.\n")
    page.get_by_label("File").set_input_files(str(upload))
    page.get_by_label("Collection", exact=True).first.select_option("retail-products")
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(lambda url: "uploaded=1" in url)
    expect(page.locator("#upload-done")).to_be_visible()
    page.get_by_role("link", name="Documents").first.click()
    page.get_by_label("Search by title").fill("overdraft")
    page.get_by_role("button", name="Search").click()
    found = page.locator("#documents tbody tr")
    expect(found).to_have_count(1)
    expect(found).to_contain_text("Overdraft limits for students")
    expect(found).to_contain_text("2026-03")
    shot(page, "documents")
    found.get_by_role("link").click()
    doc_id = page.locator("#doc-id").inner_text()
    button = page.get_by_role("button", name="Purge the document")
    expect(button).to_be_disabled()  # until the confirmation is typed
    page.get_by_label(f"Type {doc_id[:8]} to confirm").fill(doc_id[:8])
    expect(button).to_be_enabled()
    button.click()
    page.wait_for_url(lambda url: "/console/receipts/" in url)
    expect(page.locator("#receipt-verified")).to_contain_text("Signature verified by the gateway")
    expect(page.locator("#receipt-browser-check")).to_have_attribute("data-result", "valid")
    shot(page, "receipt")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the receipt (JSON)").click()
    receipt = json.loads(Path(download.value.path()).read_text())
    assert receipt["receipt"]["target"] == doc_id
    key = Ed25519PublicKey.from_public_bytes(base64.b64decode(receipt["public_key_ed25519"]))
    key.verify(base64.b64decode(receipt["signature"]), receipt_message(receipt["receipt"]))  # raises if forged
    page.goto(live.url("/console/documents?q=overdraft"))
    expect(page.locator("#documents tbody tr")).to_contain_text("No documents.")


def test_admin_creates_a_user_and_sees_its_key_once(page: Page, live: Live) -> None:
    sign_in(page, live, "admin")
    page.get_by_role("link", name="Users and keys").click()
    page.get_by_label("Name").fill("erin")
    page.get_by_role("checkbox", name="relationship_manager").check()
    page.get_by_role("button", name="Create the user").click()
    key = page.get_by_label("New API key").input_value()
    assert key.startswith("gwk_")
    shot(page, "users-key-once")
    assert httpx.get(live.url("/v1/models"), headers={"Authorization": f"Bearer {key}"}).status_code == 200
    page.reload()  # the form is not resubmitted by a fresh GET: the key is gone
    page.goto(live.url("/console/users"))
    assert key not in page.content()
    expect(page.locator("#users")).to_contain_text("erin")


def test_switching_to_chinese_shows_the_pages_in_chinese_and_persists(page: Page, live: Live) -> None:
    sign_in(page, live, "admin")
    page.get_by_label("Language").select_option("zh")  # submits by itself (the Apply button remains without JS)
    page.wait_for_function("document.documentElement.lang === 'zh-CN'")
    expect(page.locator("h1")).to_have_text("仪表盘")
    shot(page, "dashboard-zh")
    for path, heading in (("/console/documents", "文档"), ("/console/users", "用户与 API 密钥"),
                          ("/console/policy", "策略集")):
        page.goto(live.url(path))
        expect(page.locator("h1")).to_have_text(heading)
        expect(page.get_by_role("navigation", name="控制台栏目")).to_be_visible()
    expect(page.get_by_role("button", name="退出登录")).to_be_visible()
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("button", name="登录")).to_be_visible()  # the choice outlives the session


def test_a_teller_is_refused_every_console_page(page: Page, live: Live) -> None:
    page.goto(live.url("/console/login"))
    page.get_by_label("API key or access token").fill(live.keys["teller"])
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Not permitted")
    shot(page, "teller-refused")
    for path in PAGES:  # no session was opened: every page sends the browser back to sign in
        page.goto(live.url(path))
        expect(page).to_have_url(live.url("/console/login"))
    sessions = live.services.sessions
    assert sessions is not None
    token, _ = sessions.open(Principal("teller", ("teller",)), key_id=None)
    page.context.add_cookies([{"name": "gw_session", "value": token, "url": live.url("/console")}])
    for path in ("/console", *PAGES, f"/console/audit/{live.chat_seq}"):
        response = page.goto(live.url(path))
        assert response is not None and response.status == 403, path
        expect(page.locator("h1")).to_have_text("Not permitted")


def test_an_answer_containing_script_renders_as_text(page: Page, live: Live) -> None:
    sign_in(page, live, "compliance_officer")
    page.goto(live.url(f"/console/audit/{live.hostile_seq}"))
    expect(page.locator("#masked-answer")).to_have_text(HOSTILE)
    assert page.evaluate("window.__pwned === undefined")
    assert page.locator("main script, main img").count() == 0
    page.goto(live.url("/console/audit"))
    assert page.evaluate("window.__pwned === undefined")


def test_keyboard_alone_signs_in_and_every_field_is_labelled(page: Page, live: Live) -> None:
    page.goto(live.url("/console/login"))
    expect(page.get_by_label("API key or access token")).to_be_focused()  # the one field a visitor needs
    page.keyboard.type(live.keys["admin"])
    page.keyboard.press("Enter")
    page.wait_for_url(live.url("/console/dashboard"))
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()  # the first stop skips the menu
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Period")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Sign out")).to_be_focused()  # backwards into the header
    unlabelled = "Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))" \
                 ".filter(el => !el.labels.length && !el.getAttribute('aria-label')).map(el => el.name || el.id)"
    for path in ("/console/login", *PAGES):
        page.goto(live.url(path))
        assert page.evaluate(unlabelled) == [], path
    page.goto(live.url("/console/policy"))
    shot(page, "policy")
