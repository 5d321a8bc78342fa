"""The HTTP side: SPARQL 1.1 Protocol, Graph Store Protocol (read; writes with a token), UI, health.

Routes::

    GET  /                       the query page (YASGUI, bundled assets, query library as examples)
    GET  /assets/…               the page's JS/CSS
    GET  /queries.json           the query library
    GET  /queries/NAME.rq?k=v    one library query, parameters filled in
    GET  /health                 {"status": "ok", …}
    GET  /draw                   the documents of the store, each linked to its picture
    GET  /draw?graph=IRI         one document's facts drawn as SVG (``kg draw``)
    GET|POST /sparql  (/query)   SPARQL query; GET without a query: the service description
    POST /sparql  (/update)      SPARQL update (only with --allow-update and the bearer token)
    GET|HEAD /store?graph=IRI    Graph Store Protocol: one graph (``?default``: the default graph the
                                 queries see, the union of all graphs; no parameter: the whole
                                 dataset as TriG/N-Quads)
    PUT|POST|DELETE /store?graph=IRI   graph writes (only with --allow-update and the bearer token)
"""

from __future__ import annotations

import contextlib
import json
import logging
import mimetypes
import socket
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pyoxigraph as ox

import kg
from kg.errors import KgError, QueryError
from kg.serve.auth import authorise_write
from kg.serve.describe import service_description
from kg.serve.documents import DRAW_LIST_LIMIT, document_index
from kg.serve.engine import Busy, EngineConfig, QueryEngine, Refused, TimedOut, TooManyRows
from kg.serve.formats import HTML, choose, format_hint, wants_html
from kg.serve.httputil import ChunkedWriter, HttpError, single_param, with_charset
from kg.serve.results import DATASET_TYPES, GRAPH_ANSWER_TYPES, GRAPH_TYPES, Outcome, write
from kg.store import Store
from kg.store.sparql_text import add_using

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"
MAX_BODY = 16 * 1024 * 1024
QUERY_PATHS = ("/sparql", "/sparql/", "/query")
UPDATE_PATHS = ("/update",)
STORE_PATHS = ("/store", "/store/")

GRAPH_OFFER = list(GRAPH_TYPES)


@dataclass(frozen=True)
class ServerConfig:
    allow_update: bool = False
    token: str | None = None  # required for updates and graph writes when allow_update
    engine: EngineConfig = field(default_factory=EngineConfig)


class KgHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], store: Store, config: ServerConfig) -> None:
        # Set up before binding: when the bind fails, socketserver calls server_close at once.
        self.store = store
        self.config = config
        self.engine = QueryEngine(store, config.engine)
        self.library_json = _library_json()
        super().__init__(address, Handler)

    def server_close(self) -> None:
        super().server_close()
        self.engine.shutdown()

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"


def _library_json() -> bytes:
    from kg.store.library import library

    try:
        queries = [q.as_json() for q in library()]
    except KgError as exc:  # a broken library must not stop the endpoint
        log.warning("query library not available: %s", exc)
        queries = []
    return json.dumps(queries, ensure_ascii=False).encode()


class Handler(BaseHTTPRequestHandler):
    server: KgHttpServer
    protocol_version = "HTTP/1.1"
    server_version = f"kg/{kg.__version__}"

    # ---- plumbing ----------------------------------------------------------------------------------

    def setup(self) -> None:
        super().setup()
        # Small answers go out at once, not after the peer's delayed ACK (Nagle).
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)

    def _dispatch(self, method: str) -> None:
        self._body = None  # one handler serves every request of a keep-alive connection
        try:
            url = urllib.parse.urlsplit(self.path)
            params = urllib.parse.parse_qs(url.query, keep_blank_values=True)
            route = self._route(method, url.path)
            route(params)
        except HttpError as exc:
            self._error(exc.status, exc.message, exc.headers)
        except Refused as exc:
            self._error(HTTPStatus.FORBIDDEN, str(exc))
        except TimedOut as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc))
        except Busy as exc:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(exc), {"Retry-After": "5"})
        except TooManyRows as exc:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, str(exc))
        except QueryError as exc:
            self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except KgError as exc:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc))
        except (BrokenPipeError, ConnectionResetError):
            pass
        except Exception as exc:  # keep serving; answer with one line
            log.exception("internal error on %s %s", method, self.path)
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, f"internal error: {type(exc).__name__}: {exc}")

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_HEAD(self) -> None:
        self._dispatch("HEAD")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_PUT(self) -> None:
        self._dispatch("PUT")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def do_PATCH(self) -> None:
        self._dispatch("PATCH")

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self._cors()
        self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _route(self, method: str, path: str) -> Callable[[dict[str, list[str]]], None]:
        if path in QUERY_PATHS:
            if method in ("GET", "HEAD"):
                return self._query_get
            if method == "POST":
                return self._sparql_post
            raise HttpError(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{method} is not allowed on {path}: use GET or POST",
                {"Allow": "GET, POST, HEAD, OPTIONS"},
            )
        if path in UPDATE_PATHS:
            if method == "POST":
                return self._sparql_post
            raise HttpError(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{method} is not allowed on {path}: use POST",
                {"Allow": "POST, OPTIONS"},
            )
        if path in STORE_PATHS:
            return lambda params: self._graph_store(method, params)
        if method not in ("GET", "HEAD"):
            raise HttpError(HTTPStatus.METHOD_NOT_ALLOWED, f"{method} is not allowed on {path}")
        if path == "/health":
            return self._health
        if path == "/draw":
            return self._draw
        if path == "/favicon.ico":
            return lambda params: self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon")
        if path in ("/", "/index.html"):
            return lambda params: self._asset("index.html")
        if path == "/queries.json":
            return lambda params: self._send(HTTPStatus.OK, self.server.library_json, "application/json")
        if path.startswith("/queries/") and path.endswith(".rq"):
            return lambda params: self._library_query(path[len("/queries/") : -len(".rq")], params)
        if path.startswith("/assets/"):
            return lambda params: self._asset(path[len("/assets/") :])
        raise HttpError(HTTPStatus.NOT_FOUND, f"no such page: {path} (the SPARQL endpoint is /sparql)")

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._cors()
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        # end_headers() and the body in one write: one segment for small answers
        buffer: list[bytes] = self._headers_buffer  # type: ignore[attr-defined]
        buffer.append(b"\r\n")
        if self.command != "HEAD":
            buffer.append(body)
        self.flush_headers()

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")

    def _error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        # Drain an unread body so a keep-alive connection stays in step.
        try:
            self._read_body()
        except HttpError:
            self.close_connection = True
        body = (message.rstrip() + "\n").encode()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._send(status, body, "text/plain; charset=utf-8", headers)

    _body: bytes | None = None

    def _read_body(self) -> bytes:
        if self._body is not None:
            return self._body
        length_header = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self._body = self._read_chunked()
            return self._body
        try:
            length = int(length_header or 0)
        except ValueError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, "bad Content-Length") from exc
        if length > MAX_BODY:
            self._body = b""
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        self._body = self.rfile.read(length) if length > 0 else b""
        return self._body

    def _read_chunked(self) -> bytes:
        chunks = []
        total = 0
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                break
            total += size
            if total > MAX_BODY:
                raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        return b"".join(chunks)

    def _content_type(self) -> tuple[str, dict[str, str]]:
        raw = self.headers.get("Content-Type")
        if raw is None:
            return "", {}
        parts = [p.strip() for p in raw.split(";")]
        params = {}
        for p in parts[1:]:
            key, _, value = p.partition("=")
            params[key.strip().lower()] = value.strip().strip('"')
        return parts[0].lower(), params

    def _text_body(self) -> str:
        _media, params = self._content_type()
        charset = params.get("charset", "utf-8").lower()
        if charset not in ("utf-8", "utf8"):
            raise HttpError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"charset {charset} is not supported: send UTF-8"
            )
        try:
            return self._read_body().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, "the request body is not valid UTF-8") from exc

    # ---- SPARQL protocol ---------------------------------------------------------------------------

    def _query_get(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            raise HttpError(HTTPStatus.BAD_REQUEST, "SPARQL update must be sent by POST, not GET")
        if "query" not in params:
            if wants_html(self.headers.get("Accept")) and format_hint("graph", params) is None:
                # a browser opening the endpoint's address: the query page, not RDF/XML
                self._send(HTTPStatus.SEE_OTHER, b"", "text/plain", {"Location": "/"})
                return
            self._service_description(params)
            return
        self._run_query(single_param(params, "query"), params)

    def _sparql_post(self, params: dict[str, list[str]]) -> None:
        media, _ = self._content_type()
        if media == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(self._text_body(), keep_blank_values=True)
            if "query" in form and "update" in form:
                raise HttpError(HTTPStatus.BAD_REQUEST, "send either query= or update=, not both")
            merged = {**params, **{k: v for k, v in form.items() if k not in ("query", "update")}}
            for key in ("default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"):
                if key in params and key in form:
                    merged[key] = params[key] + form[key]
            if "query" in form:
                self._run_query(single_param(form, "query"), merged)
            elif "update" in form:
                self._run_update(single_param(form, "update"), merged)
            else:
                raise HttpError(HTTPStatus.BAD_REQUEST, "the form has neither query= nor update=")
        elif media == "application/sparql-query":
            self._run_query(self._text_body(), params)
        elif media == "application/sparql-update":
            self._run_update(self._text_body(), params)
        elif not media:
            raise HttpError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                "POST needs a Content-Type: application/sparql-query, application/sparql-update "
                "or application/x-www-form-urlencoded",
            )
        else:
            raise HttpError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"Content-Type {media} is not supported: use application/sparql-query, "
                "application/sparql-update or application/x-www-form-urlencoded",
            )

    def _choose(self, kind: str, params: dict[str, list[str]], *, html: bool = False) -> str:
        return choose(kind, params, self.headers.get("Accept"), html=html)

    def _run_query(self, sparql: str, params: dict[str, list[str]]) -> None:
        default_graphs = params.get("default-graph-uri")
        named_graphs = params.get("named-graph-uri")
        dataset = default_graphs is not None or named_graphs is not None
        outcome = self.server.engine.run(
            sparql,
            default_graph=(default_graphs or []) if dataset else None,
            named_graphs=named_graphs if dataset else None,
            base_iri=self.server.base_url + "/sparql",
        )
        media = self._choose(outcome.kind, params, html=True)
        if media == HTML:
            from kg.serve.html import results_page

            page = results_page(sparql, outcome, urllib.parse.urlsplit(self.path).path)
            self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8", {"Vary": "Accept"})
            return
        body = write(outcome, media)
        self._send(HTTPStatus.OK, body, with_charset(media), {"Vary": "Accept"})

    def _authorise_write(self) -> None:
        config = self.server.config
        authorise_write(
            allow_update=config.allow_update,
            token=config.token,
            authorization=self.headers.get("Authorization", ""),
        )

    def _run_update(self, sparql: str, params: dict[str, list[str]]) -> None:
        self._authorise_write()
        sparql = add_using(sparql, params.get("using-graph-uri", []), params.get("using-named-graph-uri", []))
        self.server.engine.update(sparql, base_iri=self.server.base_url + "/sparql/")
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def _service_description(self, params: dict[str, list[str]]) -> None:
        media = self._choose("graph", params)
        triples = service_description(
            self.server.base_url + "/sparql", update=self.server.config.allow_update
        )
        body = write(Outcome("graph", triples=triples), media)
        self._send(HTTPStatus.OK, body, with_charset(media), {"Vary": "Accept"})

    # ---- Graph Store Protocol ----------------------------------------------------------------------

    def _graph_target(self, params: dict[str, list[str]]) -> tuple[bool, str | None]:
        """(whole dataset?, graph IRI or None for the default graph)."""
        if "graph" in params and "default" in params:
            raise HttpError(HTTPStatus.BAD_REQUEST, "give either ?graph=IRI or ?default, not both")
        if "graph" in params:
            iri = single_param(params, "graph")
            if not iri or any(c in iri for c in '<>" {}|\\^`'):
                raise HttpError(HTTPStatus.BAD_REQUEST, f"not a valid graph IRI: {iri!r}")
            return False, iri
        if "default" in params:
            return False, None
        return True, None

    def _graph_store(self, method: str, params: dict[str, list[str]]) -> None:
        whole, graph = self._graph_target(params)
        store = self.server.store
        if method in ("GET", "HEAD"):
            if whole:
                self._stream(self._choose("dataset", params), dataset=True)
                return
            media = self._choose("graph", params)
            if graph is None:
                # ?default is the default graph the queries see: the union of all graphs.
                self._stream(media, dataset=False)
                return
            if not store.contains_graph(graph):
                raise HttpError(HTTPStatus.NOT_FOUND, f"no graph <{graph}> in this store")
            triples = [q.triple for q in store.graph_quads(graph)]
            body = write(Outcome("graph", triples=triples), media)
            self._send(HTTPStatus.OK, body, with_charset(media), {"Vary": "Accept"})
            return
        if method not in ("PUT", "POST", "DELETE"):
            raise HttpError(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{method} is not allowed on /store",
                {"Allow": "GET, HEAD, PUT, POST, DELETE"},
            )
        self._authorise_write()
        if whole:
            raise HttpError(HTTPStatus.BAD_REQUEST, "name the graph: ?graph=IRI or ?default")
        target = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
        with self.server.engine.write_lock():
            existed = graph is None or store.contains_graph(graph)
            if method == "DELETE":
                if graph is not None and not existed:
                    raise HttpError(HTTPStatus.NOT_FOUND, f"no graph <{graph}> in this store")
                if graph is None:
                    store.oxigraph.clear_graph(ox.DefaultGraph())
                else:
                    store.remove_document(graph)
                self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")
                return
            quads = self._parse_graph_body(target)
            if method == "PUT":
                if graph is None:
                    store.oxigraph.clear_graph(ox.DefaultGraph())
                    store.oxigraph.extend(quads)
                else:
                    store.replace_document(graph, quads)
            else:
                store.oxigraph.extend(quads)
                if graph is not None:
                    store.oxigraph.add_graph(target)
        self._send(HTTPStatus.NO_CONTENT if existed else HTTPStatus.CREATED, b"", "text/plain")

    def _stream(self, media: str, *, dataset: bool) -> None:
        """The whole store (``dataset``) or the union of its graphs as one graph, serialized as it is
        read and sent in chunks: it may not fit in memory. A triple several graphs hold comes once per
        graph in the union (a bag, as queries see it); any RDF parser reads it as one."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", with_charset(media))
        self.send_header("Vary", "Accept")
        self._cors()
        if self.command == "HEAD":
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        writer = ChunkedWriter(self.wfile)
        quads = self.server.store.oxigraph.quads_for_pattern(None, None, None, None)
        items = quads if dataset else (q.triple for q in quads)
        fmt = DATASET_TYPES[media] if dataset else GRAPH_ANSWER_TYPES[media]
        ox.serialize(items, writer, fmt)  # type: ignore[arg-type]  # any .write(bytes) will do
        writer.close()

    def _parse_graph_body(self, target: ox.NamedNode | ox.DefaultGraph) -> list[ox.Quad]:
        media, _ = self._content_type()
        fmt = GRAPH_TYPES.get(media) or (ox.RdfFormat.N_TRIPLES if media == "application/n-triples" else None)
        if fmt is None:
            raise HttpError(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                f"Content-Type {media or '(none)'} is not an RDF graph format: use {', '.join(GRAPH_OFFER)}",
            )
        body = self._read_body()
        try:
            return [
                ox.Quad(t.subject, t.predicate, t.object, target)
                for t in ox.parse(body, format=fmt, without_named_graphs=True, rename_blank_nodes=True)
            ]
        except SyntaxError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"the graph is not valid {fmt.name}: {exc}") from exc

    # ---- the rest ----------------------------------------------------------------------------------

    def _health(self, params: dict[str, list[str]]) -> None:
        body = {
            "status": "ok",
            "version": kg.__version__,
            "triples": len(self.server.store),
            "update": self.server.config.allow_update,
        }
        self._send(HTTPStatus.OK, json.dumps(body).encode(), "application/json")

    def _draw(self, params: dict[str, list[str]]) -> None:
        """``?graph=IRI``: that document's picture (SVG); without it, the list of documents."""
        from kg.draw import render_svg
        from kg.draw.read import document_list, read_graph
        from kg.errors import ConfigError, InputError

        dataset = self.server.store.oxigraph
        graph = single_param(params, "graph") if "graph" in params else None
        if graph is None:
            rows = document_list(dataset, limit=DRAW_LIST_LIMIT)
            self._send(HTTPStatus.OK, document_index(rows).encode(), "text/html; charset=utf-8")
            return
        try:
            document = read_graph(dataset, graph, source="the store")
        except ConfigError as exc:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(exc)) from exc
        except InputError as exc:
            raise HttpError(HTTPStatus.NOT_FOUND, str(exc)) from exc
        self._send(HTTPStatus.OK, render_svg(document).encode(), "image/svg+xml; charset=utf-8")

    def _library_query(self, name: str, params: dict[str, list[str]]) -> None:
        """A library query with its parameters filled in (validated as terms): ``?entity=wd:Q183``."""
        from kg.store.library import find_query, queries_dir

        if not name or "/" in name or name.startswith("."):
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such library query: {name}")
        try:
            query = find_query(name, queries_dir())
        except QueryError as exc:
            raise HttpError(HTTPStatus.NOT_FOUND, str(exc)) from exc
        text = query.render({key: values[-1] for key, values in params.items()})
        self._send(HTTPStatus.OK, text.encode(), "application/sparql-query; charset=utf-8")

    def _asset(self, name: str) -> None:
        path = (ASSETS / name).resolve()
        if ASSETS.resolve() not in path.parents or not path.is_file():
            raise HttpError(HTTPStatus.NOT_FOUND, f"no such asset: {name}")
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith("text/") or media in ("application/javascript", "application/json"):
            media += "; charset=utf-8"
        self._send(HTTPStatus.OK, path.read_bytes(), media, {"Cache-Control": "max-age=3600"})


def make_server(store: Store, host: str, port: int, config: ServerConfig) -> KgHttpServer:
    try:
        return KgHttpServer((host, port), store, config)
    except OSError as exc:
        raise QueryError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def serve(
    store: Store,
    host: str = "127.0.0.1",
    port: int = 7878,
    config: ServerConfig | None = None,
    ready: Callable[[KgHttpServer], None] | None = None,
) -> None:
    """Serve until interrupted."""
    server = make_server(store, host, port, config or ServerConfig())
    if ready is not None:
        ready(server)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
