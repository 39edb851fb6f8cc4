"""The site in a real browser: Debian's headless Chromium, driven by Playwright (never its own
downloaded browsers). Opened from disk (file://) and from a web server: follow links to a
meeting, search, every local link and asset loads, no private name, screenshots at phone and
desktop widths."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from typer.testing import CliRunner

from kpss_cli.commands.cli import app

from .publicarchive import PRIVATE_STEMS, public_archive

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).is_file() and not shutil.which("chromium"),
    reason=f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; .ci/run installs it)",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("browser")
    archive = public_archive(base / "archive")
    out = base / "web"
    result = CliRunner().invoke(app, ["site", str(out), "-a", str(archive), "--as-of", "2026-12-04"])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        executable = CHROMIUM if Path(CHROMIUM).is_file() else shutil.which("chromium")
        launched = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site on a web server on localhost (a real one: http.server), at a sub-path."""
    root = site.parent
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/{site.name}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _visit(page: Any, url: str, failed: list[str]) -> None:
    page.goto(url)
    assert not failed, failed


def _watch(page: Any) -> list[str]:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("pageerror", lambda error: failed.append(f"script error: {error}"))
    return failed


@pytest.mark.parametrize("origin", ["file", "http"])
def test_follow_links_to_a_meeting_and_search(browser: Any, site: Path, server: str, origin: str) -> None:
    start = (site / "index.html").as_uri() if origin == "file" else server + "index.html"
    page = browser.new_page()
    failed = _watch(page)
    _visit(page, start, failed)
    assert page.locator("html").get_attribute("lang") == "cs"
    page.get_by_role("link", name="Pracovní skupina Senioři").click()
    assert page.locator("h1").inner_text() == "Pracovní skupina Senioři"
    page.locator("ul.meetings").get_by_role("link", name="12. listopadu 2026").click()
    assert page.locator("h1").inner_text() == "Zápis z jednání – Pracovní skupina Senioři"
    assert "KONCEPT" in page.locator("body").inner_text()
    page.get_by_role("link", name="Přehled skupin").click()
    page.locator("#q").fill("senior taxi")
    results = page.locator("#results a")
    results.first.wait_for()
    assert results.count() >= 1
    results.first.click()
    page.wait_for_load_state()
    assert "Senior taxi" in page.locator("body").inner_text()
    page.goto(start)
    page.locator("#q").fill("slovo-ktere-nikde-neni")
    assert page.locator("#results li").inner_text() == "Nic nenalezeno."
    assert not failed, failed
    page.close()


def test_every_local_link_and_asset_loads_and_no_private_name(browser: Any, site: Path, server: str) -> None:
    """Every page, style sheet, script and calendar the site links to, fetched through the
    browser from the web server; the pages the first test opened are also rendered there."""
    page = browser.new_page()
    seen: set[str] = set()
    queue = [server + "index.html"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        assert response.ok and response.body(), url
        if not url.endswith(".html"):
            continue
        text = response.text()
        for stem in PRIVATE_STEMS:
            assert stem not in text, (url, stem)
        for link in re.findall(r'(?:href|src)="([^"]*)"', text):
            absolute = urljoin(url, link)
            assert absolute.startswith(server) and not link.startswith("/"), (url, link)  # relative, inside
            queue.append(absolute.split("#")[0])
    assert len(seen) > 35
    page.close()


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_meeting_page_at_phone_and_desktop_widths(browser: Any, site: Path, tmp_path: Path) -> None:
    url = (site / "seniori" / "2026-11-12.html").as_uri()
    shots = {}
    for name, width, height in (("phone", 390, 844), ("desktop", 1280, 900)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        # Readable on a phone: nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        data = page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
        page.close()
        shot_width, shot_height = _png_size(data)
        assert shot_width == width and shot_height > height, name  # a long page, not a blank one
        assert len(data) > 30_000, name  # text and tables drawn, not an empty canvas
        shots[name] = data
    assert shots["phone"] != shots["desktop"]
