"""Unreadable documents become one-line failures naming the document; the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest import read_documents
from kg.model import Document, IngestFailure

GOOD = "The ministers met in Brussels on Tuesday and agreed to continue their talks in the spring.\n"


def run(paths: list[Path]) -> tuple[list[Document], list[IngestFailure]]:
    items = list(read_documents([str(p) for p in paths], lang="en"))
    return [d for d in items if isinstance(d, Document)], [f for f in items if isinstance(f, IngestFailure)]


def test_each_bad_input_is_reported_and_the_rest_goes_through(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00" * 20)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Die Gespräche in Genf".encode("latin-1"))
    no_article = tmp_path / "empty.html"
    no_article.write_text(
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.txt"
    docs, failures = run([binary, empty, latin1, no_article, missing, good])
    assert [d.origin for d in docs] == [str(good)]
    by_origin = {f.origin: f.message for f in failures}
    assert "binary file" in by_origin[str(binary)]
    assert "empty document" in by_origin[str(empty)]
    assert "not valid UTF-8 (byte 0xe4 at offset 9)" in by_origin[str(latin1)]
    assert "no article text" in by_origin[str(no_article)]
    assert "no such file" in by_origin[str(missing)]
    for message in by_origin.values():
        assert "\n" not in message and message


def test_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        json.dumps({"text": GOOD})
        + "\n"
        + '{"text": "unterminated\n'
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps({"text": GOOD, "published": "yesterday"})
        + "\n"
        + json.dumps({"text": GOOD, "id": "ok-4"})
        + "\n",
        encoding="utf-8",
    )
    docs, failures = run([path])
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:5"]
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:4"]
    assert "malformed JSON line" in failures[0].message
    assert "no string 'text' field" in failures[1].message
    assert "not a date" in failures[2].message


def test_unsupported_language_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_text(
        "Les ministres se sont réunis mardi à Bruxelles pour discuter de la situation à l'est "
        "et des pays qui pourraient être admis dans les années à venir.\n",
        encoding="utf-8",
    )
    items = list(read_documents([str(path)]))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert "'fr' is not supported" in items[0].message
