"""``kg kb pull`` against a real SPARQL server (oxigraph) on 127.0.0.1, through a small proxy of
our own that records requests and can answer 503 first."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.cli import main
from kg.kb import load_knowledge_base

FIXTURE = Path(__file__).parent / "fixtures" / "kb" / "wikidata-sample.ttl"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def sparql_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real oxigraph SPARQL server loaded with the fixture; yields its query URL."""
    # The server comes with the test extra, in the same environment as this Python.
    beside = Path(sys.executable).parent / "oxigraph"
    oxigraph = shutil.which("oxigraph") or (str(beside) if beside.exists() else None)
    if oxigraph is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run(
        [oxigraph, "load", "--location", str(location), "--file", str(FIXTURE)],
        check=True,
        capture_output=True,
    )
    port = free_port()
    proc = subprocess.Popen(
        [oxigraph, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(url + "?query=" + urllib.parse.quote("ASK {}"), timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("oxigraph server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@dataclass
class Recorder:
    upstream: str
    fail_first: int = 0  # answer this many requests with 503 before forwarding
    requests: list[tuple[str, str]] = field(default_factory=list)  # (user agent, query)


@pytest.fixture
def proxy(sparql_server: str) -> Iterator[tuple[str, Recorder]]:
    """A forwarding HTTP proxy in front of the SPARQL server that records each request."""
    recorder = Recorder(sparql_server)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            query = urllib.parse.parse_qs(body.decode()).get("query", [""])[0]
            recorder.requests.append((self.headers.get("User-Agent", ""), query))
            if recorder.fail_first > 0:
                recorder.fail_first -= 1
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            forward = urllib.request.Request(recorder.upstream, data=body, method="POST")
            for header in ("Content-Type", "Accept"):
                if self.headers.get(header):
                    forward.add_header(header, self.headers[header])
            with urllib.request.urlopen(forward, timeout=30) as answer:
                data = answer.read()
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.headers.get("Content-Type", "text/turtle"))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # keep the test output quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/query", recorder
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_pull_items_in_batches_with_user_agent(
    proxy: tuple[str, Recorder], capsys: pytest.CaptureFixture[str]
) -> None:
    url, recorder = proxy
    before = load_knowledge_base().version
    code = main(["kb", "pull", "--endpoint", url, "--items", "Q34,Q33,Q212", "--batch-size", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert "pulled 3 items in 2 batches" in out
    assert len(recorder.requests) == 2
    assert all(agent.startswith("kg/") for agent, _ in recorder.requests)
    assert "wd:Q34 wd:Q33" in recorder.requests[0][1] and "wd:Q212" not in recorder.requests[0][1]
    assert "wd:Q212" in recorder.requests[1][1]

    kb = load_knowledge_base()
    assert kb.version != before
    sweden = kb.item("Q34")
    assert sweden is not None
    assert "Republik Schweden" in sweden.aliases["de"]
    assert "sv" not in sweden.aliases  # only German and English names are pulled
    assert "P2046" not in sweden.claims  # properties the KB does not keep are dropped
    assert [c.target for c in kb.lookup("Republik Schweden", lang="de")] == ["Q34"]


def test_pull_retries_after_503(proxy: tuple[str, Recorder], capsys: pytest.CaptureFixture[str]) -> None:
    url, recorder = proxy
    recorder.fail_first = 1
    code = main(["kb", "pull", "--endpoint", url, "--items", "Q57665,Q167662"])
    out = capsys.readouterr().out
    assert code == 0
    assert "pulled 2 items in 1 batches (1 requests, 1 retries)" in out
    assert len(recorder.requests) == 2  # the refused one and the retry
    kb = load_knowledge_base()
    stoltenberg = kb.item("Q57665")
    assert stoltenberg is not None and "Q167662" in stoltenberg.positions


def test_pull_gives_up_after_the_retries(
    proxy: tuple[str, Recorder], capsys: pytest.CaptureFixture[str]
) -> None:
    url, recorder = proxy
    recorder.fail_first = 5
    code = main(["kb", "pull", "--endpoint", url, "--items", "Q34", "--retries", "2"])
    err = capsys.readouterr().err
    assert code == 3
    assert len(recorder.requests) == 3
    assert "answered HTTP 503" in err and "after 3 attempts" in err
    assert len(err.strip().splitlines()) == 1


def test_pull_select_query_and_preset(
    sparql_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "members.rq"
    query.write_text(
        "PREFIX wd: <http://www.wikidata.org/entity/>\nPREFIX wdt: <http://www.wikidata.org/prop/direct/>\n"
        "SELECT ?item WHERE { ?item wdt:P463 wd:Q458 }\n",
        encoding="utf-8",
    )
    assert main(["kb", "pull", "--endpoint", sparql_server, "--query", str(query)]) == 0
    assert "pulled 4 items" in capsys.readouterr().out  # Sweden, Finland, France, Germany
    assert main(["kb", "pull", "--endpoint", sparql_server, "--preset", "nato-members"]) == 0
    assert "pulled 2 items" in capsys.readouterr().out  # France, Germany
    names = {s.name for s in load_knowledge_base().sources}
    assert len(names) == 3  # the bundled KB and two pulls


def test_pull_construct_query(sparql_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = tmp_path / "nato.rq"
    query.write_text(
        "PREFIX wd: <http://www.wikidata.org/entity/>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "CONSTRUCT { wd:Q7184 rdfs:label ?l } WHERE { wd:Q7184 rdfs:label ?l }\n",
        encoding="utf-8",
    )
    assert main(["kb", "pull", "--endpoint", sparql_server, "--query", str(query)]) == 0
    assert "pulled 1 items" in capsys.readouterr().out
    nato = load_knowledge_base().item("Q7184")
    assert nato is not None and nato.labels["fr"] == "OTAN"


def test_pull_offline_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()  # nothing listens there
    code = main(["kb", "pull", "--endpoint", f"http://127.0.0.1:{port}/sparql", "--items", "Q34"])
    err = capsys.readouterr().err
    assert code == 3
    assert err.startswith("kg: error: cannot reach SPARQL endpoint http://127.0.0.1:")
    assert "offline" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_pull_rejects_bad_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "pull", "--endpoint", "http://127.0.0.1:9/sparql", "--items", "Q34,P31,x"]) == 3
    assert "not Wikidata item ids: P31, x" in capsys.readouterr().err


def test_pull_with_related_items(sparql_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "pull", "--endpoint", sparql_server, "--items", "Q57665", "--with-related"]) == 0
    # Stoltenberg, then the office he holds (P39); the office's own links are not followed
    assert "pulled 2 items in 2 batches" in capsys.readouterr().out
    pulled = [s for s in load_knowledge_base().sources if s.name.startswith("pull-")]
    assert [s.items for s in pulled] == [2]


def test_pull_times_out_on_a_silent_server(capsys: pytest.CaptureFixture[str]) -> None:
    # a server that accepts the connection and never answers
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        port = silent.getsockname()[1]
        url = f"http://127.0.0.1:{port}/sparql"
        code = main(["kb", "pull", "--endpoint", url, "--items", "Q34", "--timeout", "1", "--retries", "1"])
    err = capsys.readouterr().err
    assert code == 3
    assert f"SPARQL endpoint {url} did not answer within 1 s" in err
    assert len(err.strip().splitlines()) == 1
