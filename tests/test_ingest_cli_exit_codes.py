"""`kg extract` over bad input, as a user runs it: each bad document is named on stderr with its
reason, the good ones still land in the output graph, and the exit code says whether any did."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph

GOOD = "The foreign ministers met in Brussels on Tuesday and agreed to continue their talks in the spring.\n"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def kg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def write_bad_inputs(folder: Path) -> dict[str, str]:
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" * 64)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Die Gespräche in Genf beginnen am Montag.".encode("latin-1"))
    (folder / "page.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "j-1", "text": GOOD}) + "\n{not json\n", encoding="utf-8"
    )
    return {
        "binary.txt": "binary file",
        "empty.txt": "empty document",
        "latin1.txt": "not valid UTF-8",
        "page.html": "no article text",
        "batch.jsonl:2": "malformed JSON line",
    }


def test_bad_documents_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    expected = write_bad_inputs(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    names = ["binary.txt", "empty.txt", "latin1.txt", "page.html", "batch.jsonl", "good.txt"]
    done = kg("extract", *names, "--lang", "en", "-o", "out.trig", "--failures", "failed.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    for origin, reason in expected.items():
        [line] = [ln for ln in done.stderr.splitlines() if f"skipped {origin}:" in ln]
        assert reason in line
    assert "2 ok, 5 failed" in done.stdout
    failed = [
        json.loads(line) for line in (tmp_path / "failed.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert sorted(f["document"] for f in failed) == sorted(expected)
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "out.trig"), format=pyoxigraph.RdfFormat.TRIG)
    texts = {r["s"].value for r in store.query(f"SELECT ?s WHERE {{ GRAPH ?g {{ ?c <{NIF}isString> ?s }} }}")}
    assert texts == {GOOD}


def test_only_bad_documents_exit_non_zero(tmp_path: Path) -> None:
    write_bad_inputs(tmp_path)
    done = kg("extract", "binary.txt", "empty.txt", "--lang", "en", "-o", "out.trig", cwd=tmp_path)
    assert done.returncode == 1
    assert "0 ok, 2 failed" in done.stdout and "Traceback" not in done.stderr


def test_stdin_dash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", "-", "--lang", "en", "-o", "out.trig"],
        cwd=tmp_path,
        input=GOOD,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "1 ok, 0 failed" in done.stdout
