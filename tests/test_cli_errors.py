"""Bad input on the command line: one line `kg: error: …` naming the problem, a non-zero exit, no
traceback, and nothing written where nothing should be."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from _store_support import NEWS_TRIG, kg_command, load_fixture_store, run_kg


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return load_fixture_store(tmp_path_factory.mktemp("cli-errors") / "store")


def _fails(*args: str | Path, code: int, says: str, env: dict[str, str] | None = None) -> None:
    result = run_kg(*args, timeout=120, env=env)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error: ")]
    assert len(errors) == 1, result.stderr
    assert says in errors[0], result.stderr


def _a_folder_of_the_user(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("buy milk\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "command", [["stats"], ["query", "meetings"], ["push", "--to", "http://127.0.0.1:9/s"]]
)
def test_reading_commands_do_not_turn_a_folder_into_a_store(tmp_path: Path, command: list[str]) -> None:
    folder = _a_folder_of_the_user(tmp_path)
    empty = tmp_path / "empty"
    empty.mkdir()
    _fails(*command, "--store", folder, code=3, says=f"{folder}: no store here")
    _fails(*command, "--store", empty, code=3, says=f"{empty}: no store here")
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]
    assert list(empty.iterdir()) == []


def test_load_refuses_a_folder_that_is_not_a_store(tmp_path: Path) -> None:
    folder = _a_folder_of_the_user(tmp_path)
    _fails("load", NEWS_TRIG, "--store", folder, code=3, says="not a store and not empty")
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]


def test_load_names_a_directory_given_as_a_file(tmp_path: Path) -> None:
    _fails("load", tmp_path, "--store", tmp_path / "store", code=2, says=f"{tmp_path}: is a directory")
    assert not (tmp_path / "store").exists()


def test_load_graph_must_be_an_absolute_iri(tmp_path: Path) -> None:
    _fails(
        "load", NEWS_TRIG, "--store", tmp_path / "s", "--graph", "my-graph", code=2, says="--graph 'my-graph'"
    )
    assert not (tmp_path / "s").exists()


def test_query_endpoint_must_be_an_http_url() -> None:
    _fails("query", "meetings", "--endpoint", "localhost-7878", code=2, says="--endpoint localhost-7878")


def test_push_names_a_graph_that_is_not_an_iri(store: Path) -> None:
    _fails(
        "push", "--store", store, "--to", "http://127.0.0.1:9/store", "--graph", "doc1", code=1, says="'doc1'"
    )


def test_serve_on_a_port_in_use_says_so(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        _fails(
            "serve", "--store", store, "--port", str(port), code=1, says=f"cannot listen on 127.0.0.1:{port}"
        )


def test_serve_port_out_of_range(store: Path) -> None:
    _fails("serve", "--store", store, "--port", "70000", code=2, says="--port 70000")


def test_serve_allowed_service_must_be_an_http_url(store: Path) -> None:
    _fails(
        "serve",
        "--store",
        store,
        "--port",
        "0",
        "--allow-service",
        "wikidata",
        code=2,
        says="--allow-service",
    )


def test_query_errors_name_the_query_file(store: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT * WHERE { ?s ?p }\n", encoding="utf-8")
    _fails("query", broken, "--store", store, code=1, says="broken.rq: bad query")
    folder = tmp_path / "mine.rq"
    folder.mkdir()
    _fails("query", folder, "--store", store, code=1, says=f"{folder}: is a directory")


def test_kb_import_names_a_directory_given_as_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    _fails("kb", "import", tmp_path, code=3, says=f"{tmp_path}: is a directory", env={"KG_HOME": str(home)})
    assert not home.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", [["version"], ["stats", "--store"], ["query", "meetings", "--store"]])
def test_output_to_a_full_disk_is_one_line(store: Path, command: list[str]) -> None:
    args = [*command, str(store)] if command[-1] == "--store" else command
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*kg_command(), *args], stdout=full, stderr=subprocess.PIPE, text=True, timeout=120
        )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == "kg: error: cannot write the output: No space left on device"


def test_kb_pull_endpoint_must_be_an_http_url(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"KG_HOME": str(home)}
    _fails(
        "kb", "pull", "--endpoint", "wikidata", "--items", "Q212", code=2, says="--endpoint wikidata", env=env
    )
    assert not home.exists()


def test_kb_import_into_a_kg_home_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("not a folder\n", encoding="utf-8")
    sample = Path(__file__).parent / "fixtures" / "store" / "wikidata-sample.ttl"
    _fails(
        "kb",
        "import",
        sample,
        code=3,
        says="cannot write the knowledge base file",
        env={"KG_HOME": str(home)},
    )
    assert home.read_text(encoding="utf-8") == "not a folder\n"


def test_validate_error_without_a_line_number_names_just_the_file(tmp_path: Path) -> None:
    remote = tmp_path / "remote.jsonld"
    remote.write_text(
        '{"@context": "http://example.org/ctx", "@id": "http://example.org/a"}', encoding="utf-8"
    )
    _fails("validate", remote, code=2, says=f"kg: error: {remote}: not valid JSON-LD")


@pytest.mark.parametrize("option", ["-o", "--failures"])
def test_extract_into_a_path_under_a_file_is_one_line(tmp_path: Path, option: str) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The council met in Brussels on Tuesday.\n", encoding="utf-8")
    args = ["extract", article, "--lang", "en", "--no-progress", option, article / "out.ttl"]
    if option != "-o":
        args += ["-o", tmp_path / "out.ttl"]
    result = run_kg(*args, timeout=300)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("kg: error: ")]
    assert len(errors) == 1 and str(article) in errors[0], result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]


def test_validate_refuses_shapes_without_shapes_and_a_negative_limit(tmp_path: Path) -> None:
    data = tmp_path / "data.nt"
    data.write_text(
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8"
    )
    _fails("validate", data, "--shapes", data, code=2, says=f"no SHACL shapes in {data}")
    _fails("validate", data, "--limit", "-1", code=2, says="--limit -1")


def _without_root_powers() -> list[str]:
    """A command prefix under which file permissions apply (root ignores them unless it drops them)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.parametrize("command", [["stats"], ["load", str(NEWS_TRIG)]])
def test_an_unreadable_store_is_one_line(tmp_path: Path, command: list[str]) -> None:
    store = load_fixture_store(tmp_path / "store")
    prefix = _without_root_powers()
    store.chmod(0)
    try:
        result = subprocess.run(
            [*prefix, *kg_command(), *command, "--store", str(store)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        store.chmod(0o755)
    assert result.returncode == 3 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"kg: error: {store}: cannot open store: Permission denied"


def test_a_query_file_that_is_not_utf8_is_one_line(store: Path, tmp_path: Path) -> None:
    latin = tmp_path / "latin.rq"
    latin.write_bytes('SELECT * WHERE { ?s ?p "Zürich" }\n'.encode("latin-1"))
    _fails("query", latin, "--store", store, code=1, says=f"{latin}: cannot read query: not UTF-8")


@pytest.mark.parametrize("timeout", ["0", "-1"])
def test_push_timeout_must_be_positive(store: Path, timeout: str) -> None:
    _fails(
        "push",
        "--store",
        store,
        "--to",
        "http://127.0.0.1:9/store",
        "--timeout",
        timeout,
        code=2,
        says="--timeout",
    )


def test_query_gives_up_on_an_endpoint_that_never_answers() -> None:
    with socket.socket() as silent:  # accepts connections (the kernel does) but never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        _fails("query", "meetings", "--endpoint", url, "--timeout", "1", code=1, says=f"{url}: ")


def test_query_endpoint_answering_json_that_is_not_results_is_one_line(tmp_path: Path) -> None:
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = b'{"status": "ok"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        _fails("query", "meetings", "--endpoint", url, code=1, says="the answer is not SPARQL JSON results")
    finally:
        server.shutdown()
        server.server_close()
