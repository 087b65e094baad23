"""Shared fixtures. Tests that need ../shared skip when it is absent, and fail under CI=true."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = ROOT / "articles"


def require_shared(*parts: str) -> Path:
    """Path inside ../shared; skip with a clear message when missing (fail under CI)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing, and CI=true requires it")
        pytest.skip(f"{path} is not present (evaluation data lives in ../shared beside the checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    from generator.parse import load_nlp

    return load_nlp()


@pytest.fixture
def extract_text(nlp):
    """Extract a Brief from a text written in the test."""
    from generator.extract import extract
    from generator.model import Article

    def run(text: str, title: str = "Test", **options):
        return extract(nlp(text), Article(path="test.txt", id="test", title=title, text=text), **options)

    return run


def speakers_by_text(brief) -> dict:
    """Each claim's text -> its speaker's name (None when unattributed): what the speaker tests
    of the extractor compare."""
    by_id = {s.id: s.name for s in brief.speakers}
    return {c.text: by_id.get(c.speaker) for c in brief.claims}


@pytest.fixture
def evidence(monkeypatch):
    """Records what each claim's confidence weighed (confidence.features) while extracting; call
    the fixture with a claim to get its features: which rule named the speaker, which found the span."""
    from generator.extract import claims, confidence

    seen: list[tuple[int, int, dict]] = []
    original = claims.confidence

    def recording(cand, how, name, cast, place=False, kind="indirect"):
        seen.append((cand.start, cand.end, confidence.features(cand, how, name, cast, kind, place)))
        return original(cand, how, name, cast, place=place, kind=kind)

    monkeypatch.setattr(claims, "confidence", recording)

    def of(claim) -> dict:
        return [f for s, e, f in seen if s <= claim.start < max(e, s + 1)][-1]

    return of


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site built once per test session from articles/ with mkdocs build --strict."""
    work = tmp_path_factory.mktemp("site")
    site = work / "site"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site




def make_build(base_dir: Path, **values):
    """A Build whose relative paths start at `base_dir` (as if its mkdocs.yml were there).

    `articles` defaults to base_dir itself and `cache_dir` to no cache."""
    from generator import options
    from generator.build import Build

    values.setdefault("articles", str(base_dir))
    values.setdefault("cache_dir", "")
    opts = options.load(values, Path(base_dir) / "mkdocs.yml")
    return Build(opts, base_dir=Path(base_dir))


def project_build():
    """The Build of this repository's own site: the options of its mkdocs.yml."""
    from generator import options
    from generator.build import Build

    config = ROOT / "mkdocs.yml"
    return Build(options.load(options.from_mkdocs_yml(config), config), base_dir=ROOT)


# ---------------------------------------------------------------- the browser tests' shared pieces

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


def require_browser() -> None:
    """Skip with a message when chromium or playwright is missing; under CI=true that is a failure."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (pip install -e '.[test]')"
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run: {missing}, and CI=true requires them")
        pytest.skip(f"browser tests skipped: {missing}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(folder: Path):
    """A folder over HTTP on 127.0.0.1 at a free port; yields its URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class Watch:
    """Console errors, page errors and requests to any host but 127.0.0.1, seen by one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        self.foreign: list[str] = []
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(f"{page.url}: {msg.text}"))
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))
        page.on("request", self._request)

    def _request(self, request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.foreign.append(request.url)


@contextlib.contextmanager
def open_page(browser, **context_options):
    """A page in a context of its own (1280x900 unless told) whose `watch` records errors; anything
    bound for another host is recorded and aborted, so it never leaves the machine."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    context.route(re.compile(r"^(?!https?://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
    page = context.new_page()
    page.watch = Watch(page)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright, one per test module."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    with open_page(browser) as p:
        yield p


@pytest.fixture(scope="module")
def site_url(built_site):
    """The sample site over HTTP on 127.0.0.1, for one module's tests."""
    with serve_folder(built_site) as url:
        yield url
