"""The query page in a real headless browser (Debian's chromium driven by Playwright): load the page,
pick a library query, run it, see its result rows. Skipped when chromium or Playwright is missing."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from _store_support import Server, kg_serve, load_fixture_store

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = load_fixture_store(tmp_path_factory.mktemp("ui") / "store")
    with kg_serve(store) as srv:
        yield srv


@pytest.fixture
def page() -> Iterator[Any]:
    """A fresh page of a headless chromium."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


def test_page_runs_a_library_query_and_shows_rows(server: Server, page: Any) -> None:
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server.url) else None)
    page.goto(server.url + "/", wait_until="load")
    page.wait_for_selector("#library[data-loaded='true']", timeout=30_000)
    page.select_option("#library", "office-holders")
    editor_text = page.evaluate("() => window.kgYasgui.getTab().getQuery()")
    assert "wdt:P39" in editor_text
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    rows = page.locator(".yasr table tbody tr")
    assert rows.count() == 2
    text = page.locator(".yasr table tbody").inner_text()
    assert "Olaf Scholz" in text and "Mark Rutte" in text
    assert outside == [], f"the page fetched from outside the endpoint: {outside}"


def test_page_fills_in_a_parameter_and_runs_the_query(server: Server, page: Any) -> None:
    page.goto(server.url + "/", wait_until="load")
    page.wait_for_selector("#library[data-loaded='true']", timeout=30_000)
    page.select_option("#library", "entity")
    page.fill("#params input[name='entity']", "wd:Q3874799")
    page.click("#params button")
    page.wait_for_function(
        "() => window.kgYasgui.getTab().getQuery().includes('<http://www.wikidata.org/entity/Q3874799>')",
        timeout=30_000,
    )
    page.click(".yasqe_queryButton")
    page.wait_for_selector(".yasr table tbody tr", timeout=30_000)
    text = page.locator(".yasr table tbody").inner_text()
    assert "speaker of quotation" in text and "participant of meeting" in text
