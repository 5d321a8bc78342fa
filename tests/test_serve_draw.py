"""kg serve draws the documents of its store: /draw lists them, /draw?graph=IRI is one picture (SVG),
the same picture `kg draw` makes. Real HTTP against a store made by `kg extract` from our examples."""

from __future__ import annotations

import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from _store_support import REPO_ROOT, Server, http, kg_serve, run_kg

EXAMPLES = REPO_ROOT / "examples"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("draw") / "store"
    run_kg("extract", EXAMPLES / "nato-ministers.en.txt", "--lang", "en", "--published", "2023-04-03",
           "--model", "blank", "--store", store, "--no-progress", check=True)
    return store


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[Server]:
    with kg_serve(store) as srv:
        yield srv


def _graphs(html: str) -> list[str]:
    return [urllib.parse.unquote(g) for g in re.findall(r'href="/draw\?graph=([^"]+)"', html)]


def test_draw_lists_the_documents_with_links_to_their_pictures(server: Server) -> None:
    status, headers, body = http("GET", server.url + "/draw")
    assert status == 200 and headers["content-type"].startswith("text/html")
    html = body.decode()
    assert "Foreign ministers meet in Berlin" in html  # the article's title
    assert _graphs(html) == [g for g in _graphs(html) if g.startswith("https://w3id.org/kg-news/id/doc/")]
    assert len(_graphs(html)) == 1


def test_a_document_is_drawn_as_the_svg_kg_draw_makes(server: Server, tmp_path: Path) -> None:
    status, _, body = http("GET", server.url + "/draw")
    graph = _graphs(body.decode())[0]
    status, headers, picture = http("GET", server.url + "/draw?" + urllib.parse.urlencode({"graph": graph}))
    assert status == 200 and headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(picture)
    facts = [g for g in root.iter(SVG + "g") if "fact" in (g.get("class") or "").split()]
    assert any(g.get("data-polarity") == "negative" for g in facts)  # Ukraine is not a NATO member
    # the command line draws the same bytes from the graph as the Graph Store Protocol gives it
    status, _, turtle = http("GET", server.url + "/store?" + urllib.parse.urlencode({"graph": graph}),
                             headers={"Accept": "text/turtle"})
    assert status == 200
    export, drawn = tmp_path / "graph.ttl", tmp_path / "picture.svg"
    export.write_bytes(turtle)
    run_kg("draw", export, "-o", drawn, check=True)
    assert drawn.read_bytes() == picture


def test_unknown_graphs_and_bad_iris_are_clear_http_errors(server: Server) -> None:
    missing = http("GET", server.url + "/draw?graph=" + urllib.parse.quote("https://example.org/none"))
    assert missing[0] == 404 and b"no kg document" in missing[2]
    bad = http("GET", server.url + "/draw?graph=not%20an%20iri")
    assert bad[0] == 400


def test_the_query_page_links_to_the_drawings(server: Server) -> None:
    status, _, body = http("GET", server.url + "/")
    assert status == 200 and b'href="draw"' in body
