"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium; no browser download) against a
desk served in this process on a store ingested from examples/ plus one hostile article.

Without Chromium or Playwright the tests are skipped locally; under CI (CI=true) they fail, so a CI machine
that lost its browser cannot pass silently. Screenshots go to $WIRECODER_ARTIFACTS (default artifacts/browser).
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("WIRECODER_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
TOKEN = "browser-test-token-0123456789"
# a second outlet's telling of the Ogossagou attack in examples/: the two reports make one incident
SECOND_TELLING = {
    "id": "second-telling", "published": "2024-03-11", "source": "Second Wire", "title": "Attack on Ogossagou",
    "text": ("MOPTI, March 11 - Gunmen attacked the village of Ogossagou in central Mali on Sunday, killing 16 "
             "civilians, the army said in a statement.\n\nResidents said the attackers arrived on motorbikes."),
}
HOSTILE = {
    "id": "hostile-<b>markup</b>",
    "title": "<img src=x onerror=\"window.__pwned='title'\">Gunmen attack <script>window.__pwned='title2'</script>",
    "source": "<svg onload=\"window.__pwned='source'\"></svg>Wire",
    "published": "2024-03-12",
    "text": ("<script>window.__pwned = 'script'</script><img src=x onerror=\"window.__pwned='img'\"> "
             "BAMAKO, March 12 - Unidentified gunmen on motorbikes attacked the village of Ogossagou in central "
             "Mali on Sunday, killing 14 civilians <iframe src=\"javascript:window.__pwned='iframe'\"></iframe>, "
             "a local official said.\n\n\"They came at dawn <b onmouseover=\"window.__pwned='b'\">and shot</b> at "
             "everyone,\" said Amadou Cisse, the mayor of the commune."),
}


def _need(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what}: CI must run the browser tests (`.ci/run` installs chromium)")
    pytest.skip(f"{what}; install it with `apt-get install chromium` to run the browser tests")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    path = Path(os.environ.get("WIRECODER_ARTIFACTS", ROOT / "artifacts" / "browser"))
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def desk_db(tmp_path_factory, coder) -> Path:
    """The example articles (examples/articles.jsonl, mixed/, incident/; not watch/, a site to poll) and two
    more articles ingested as `wirecoder ingest` does, coded by the suite's one Coder (a
    forked worker shares it: no second model load)."""
    from wirecoder.cli.serve import ensure_token
    from wirecoder.ingest import IngestOptions, SourceReader, ingest
    from wirecoder.store import Database

    folder = tmp_path_factory.mktemp("browser")
    extra = folder / "extra.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n" + json.dumps(SECOND_TELLING) + "\n", encoding="utf-8")
    db = folder / "desk.sqlite"
    with Database(db) as store:
        inputs = [str(ROOT / "examples" / name) for name in ("articles.jsonl", "mixed", "incident")]
        summary = ingest(SourceReader().read([*inputs, str(extra)]), db=store,
                         coder_factory=lambda: coder, options=IngestOptions(workers=1, start_method="fork"))
    assert summary.coded >= 7 and not summary.failed, summary.as_dict()
    ensure_token(db, token=TOKEN)
    return db


@pytest.fixture(scope="session")
def desk_url(desk_db):
    import uvicorn

    from wirecoder.api import DeskSettings, create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(DeskSettings(db=desk_db)), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the desk did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        _need(f"there is no Chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("Playwright is not installed")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, desk_url):
    context = browser.new_context(viewport={"width": 1400, "height": 850}, base_url=desk_url)
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda err: opened.errors.append(str(err)))
    yield opened
    context.close()


def open_desk(page, path: str = "/") -> None:
    page.goto(path)
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
