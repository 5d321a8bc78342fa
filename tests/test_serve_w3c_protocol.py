"""The W3C SPARQL 1.1 Protocol tests (../shared/w3c/sparql11/protocol/manifest.ttl) against `kg serve`.

Each manifest entry's requests are replayed in order against a server started with --allow-update (every
request carries the bearer token; the manifest assumes an open endpoint). Before each entry the store is
cleared and the entry's ut:graphData loaded. Skipped when ../shared is absent.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest
from _store_support import SHARED, TOKEN, Server, kg_serve

from kg.store import Store

PROTOCOL = SHARED / "w3c" / "sparql11" / "protocol"
MANIFEST = PROTOCOL / "manifest.ttl"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not MANIFEST.is_file(), reason=f"{MANIFEST} not found (../shared absent)"),
]

MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
HT = "http://www.w3.org/2011/http#"
CNT = "http://www.w3.org/2011/content#"
UT = "http://www.w3.org/2009/sparql/tests/test-update#"
HTS = "http://www.w3.org/2011/http-statusCodes#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"

TABULAR = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "application/json",
    "application/xml",
)
RDF_TYPES = (
    "application/rdf+xml",
    "text/turtle",
    "application/n-triples",
    "text/plain",
    "application/ld+json",
)


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: str | None
    statuses: tuple[str, ...]  # "2xx", "3xx", "4xx"
    boolean: bool | None
    fmt: str | None


@dataclass
class Case:
    name: str
    label: str
    graph_data: list[tuple[Path, str]]
    requests: list[Request]


def _manifest() -> list[Case]:
    if not MANIFEST.is_file():
        return []
    store = ox.Store()
    store.load(path=str(MANIFEST), format=ox.RdfFormat.TURTLE, base_iri=MANIFEST.as_uri())
    triples = list(store.quads_for_pattern(None, None, None))

    def objects(subject: object, predicate: str) -> list[object]:
        return [q.object for q in triples if q.subject == subject and q.predicate == ox.NamedNode(predicate)]

    def one(subject: object, predicate: str) -> object | None:
        found = objects(subject, predicate)
        return found[0] if found else None

    def rdf_list(head: object) -> list[object]:
        items = []
        while head is not None and head != ox.NamedNode(RDF + "nil"):
            items.append(one(head, RDF + "first"))
            head = one(head, RDF + "rest")
        return items

    manifest = next(q.subject for q in triples if q.object == ox.NamedNode(MF + "Manifest"))
    cases = []
    for entry in rdf_list(one(manifest, MF + "entries")):
        name = str(getattr(entry, "value", entry)).rsplit("#", 1)[-1]
        label = str(getattr(one(entry, MF + "name"), "value", name))
        graph_data = []
        for gd in objects(entry, UT + "graphData"):
            file_iri = one(gd, UT + "graph")
            graph_label = one(gd, RDFS + "label")
            assert isinstance(file_iri, ox.NamedNode) and isinstance(graph_label, ox.Literal)
            graph_data.append((Path(urllib.parse.urlparse(file_iri.value).path), graph_label.value))
        action = one(entry, MF + "action")
        requests = []
        for req in rdf_list(one(action, HT + "requests")):
            body_node = one(req, HT + "body")
            chars = one(body_node, CNT + "chars") if body_node is not None else None
            headers = {}
            for header in rdf_list(one(req, HT + "headers")):
                headers[str(one(header, HT + "fieldName").value)] = str(one(header, HT + "fieldValue").value)  # type: ignore[union-attr]
            resp = one(req, HT + "resp")
            statuses = tuple(
                str(s.value).removeprefix(HTS + "StatusCode").lower()  # type: ignore[union-attr]
                for s in objects(resp, MF + "expectedStatus")
            )
            boolean = one(resp, MF + "expectedBoolean")
            fmt = one(resp, MF + "expectedFormat")
            requests.append(
                Request(
                    method=str(one(req, HT + "methodName").value),  # type: ignore[union-attr]
                    path=str(one(req, HT + "absolutePath").value),  # type: ignore[union-attr]
                    headers=headers,
                    body=str(chars.value) if chars is not None else None,  # type: ignore[union-attr]
                    statuses=statuses,
                    boolean=None if boolean is None else boolean.value == "true",  # type: ignore[union-attr]
                    fmt=None if fmt is None else str(fmt.value),  # type: ignore[union-attr]
                )
            )
        cases.append(Case(name, label, graph_data, requests))
    return cases


CASES = _manifest()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    store = tmp_path_factory.mktemp("w3c") / "store"
    Store.open(store)  # an empty store
    with kg_serve(store, "--allow-update", token=TOKEN) as srv:
        yield srv


def _send(
    server: Server, method: str, path: str, headers: dict[str, str], body: bytes | None
) -> tuple[int, str, bytes]:
    """http.client, so no header is added that the test did not ask for (urllib adds a form type)."""
    parts = urllib.parse.urlsplit(server.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for key, value in {**headers, "Authorization": f"Bearer {TOKEN}"}.items():
            conn.putheader(key, value)
        conn.putheader("Content-Length", str(len(body or b"")))
        conn.endheaders(body or b"")
        response = conn.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        conn.close()


def _reset(server: Server, case: Case) -> None:
    status, _, body = _send(
        server, "POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL"
    )
    assert status == 204, body
    for file, graph in case.graph_data:
        data = (PROTOCOL / file.name).read_bytes()
        path = "/store?graph=" + urllib.parse.quote(graph, safe="")
        status, _, body = _send(server, "PUT", path, {"Content-Type": "application/n-triples"}, data)
        assert status in (201, 204), body


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_w3c_protocol(server: Server, case: Case) -> None:
    _reset(server, case)
    assert case.requests and all(r.statuses for r in case.requests), "manifest not understood"
    for request in case.requests:
        headers = dict(request.headers)
        charset = "utf-16" if "utf-16" in headers.get("content-type", "").lower() else "utf-8"
        body = request.body.encode(charset) if request.body is not None else None
        path = "/sparql/" + request.path.removeprefix("/sparql/")
        status, content_type, answer = _send(server, request.method, path, headers, body)
        assert f"{status // 100}xx" in request.statuses, f"{case.label}: HTTP {status}: {answer[:300]!r}"
        media = content_type.split(";")[0].strip().lower()
        if request.fmt in ("boolean", "tabular"):
            assert media in TABULAR, f"{case.label}: {media}"
        elif request.fmt == "RDF":
            assert media in RDF_TYPES, f"{case.label}: {media}"
        if request.boolean is not None:
            if "json" in media:
                value = json.loads(answer)["boolean"]
            else:
                value = bool(ox.parse_query_results(answer, format=ox.QueryResultsFormat.XML))
            assert value is request.boolean, f"{case.label}: ASK gave {value}"
