"""Helpers for the store, serve, query and push tests: run the kg CLI, start real servers on free ports."""

from __future__ import annotations

import contextlib
import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "store"
NEWS_TRIG = FIXTURES / "news.trig"
SHARED = Path(os.environ.get("KG_SHARED", REPO_ROOT.parent / "shared"))
TOKEN = "test-token-0123456789abcdef"


def kg_command() -> list[str]:
    # KG_TEST_CLI lets a developer point the tests at another entry point; normally `python -m kg.cli`.
    override = os.environ.get("KG_TEST_CLI")
    return shlex.split(override) if override else [sys.executable, "-m", "kg.cli"]


def run_kg(
    *args: str | Path, check: bool = False, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [*kg_command(), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        cwd=REPO_ROOT,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, proc: subprocess.Popen[str], *, limit: float = 60.0, log: Path | None = None) -> None:
    """Poll ``url`` until it answers (any HTTP status) or the process dies."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if proc.poll() is not None:
            out = log.read_text(errors="replace") if log is not None else ""
            raise AssertionError(f"server exited with {proc.returncode}: {out}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not come up")


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT
    proc: subprocess.Popen[str]

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


@contextlib.contextmanager
def kg_serve(store: Path, *extra: str, token: str | None = None) -> Iterator[Server]:
    port = free_port()
    env = {**os.environ}
    if token is not None:
        env["KG_SERVE_TOKEN"] = token
    log = store.with_name(store.name + f"-serve-{port}.log")  # a file, so a chatty server never blocks
    with log.open("w") as err:
        proc = subprocess.Popen(
            [*kg_command(), "serve", "--store", str(store), "--port", str(port), *extra],
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
            env=env,
            cwd=REPO_ROOT,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/health", proc, log=log)
        yield Server(url, proc)
    finally:
        stop(proc)


@contextlib.contextmanager
def oxigraph_serve(location: Path) -> Iterator[str]:
    """A real Oxigraph server (the `oxigraph` PyPI package); yields its base URL."""
    binary = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(binary).exists():
        import pytest

        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    port = free_port()
    log = location.with_name(location.name + f"-oxigraph-{port}.log")
    with log.open("w") as err:
        proc = subprocess.Popen(
            [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=err,
            text=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_for(url + "/query?query=ASK%7B%7D", proc, log=log)
        yield url
    finally:
        stop(proc)


@contextlib.contextmanager
def oxigraph_endpoint(location: Path, turtle: Path) -> Iterator[str]:
    """A real Oxigraph server whose default graph holds ``turtle``; yields its SPARQL query URL."""
    with oxigraph_serve(location) as url:
        status, _, body = http(
            "PUT", url + "/store?default", body=turtle.read_bytes(), headers={"Content-Type": "text/turtle"}
        )
        assert status in (200, 201, 204), body
        yield url + "/query"


def http(
    method: str,
    url: str,
    *,
    body: bytes | str | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 60,
) -> tuple[int, dict[str, str], bytes]:
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def select_json(body: bytes) -> list[dict[str, str]]:
    data = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def load_fixture_store(directory: Path, files: Sequence[Path] = (NEWS_TRIG,)) -> Path:
    run_kg("load", *files, "--store", directory, check=True)
    return directory
