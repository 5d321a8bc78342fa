"""Bad input in a batch: reported with a reason in the JSON-lines failures file; the rest still lands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _batch_support import EPOCH, graph_names, store_dataset

from kg.cli import main

GOOD = [
    {"id": "a1", "lang": "de", "text": "Annalena Baerbock traf am Dienstag in Wien Sergej Lawrow."},
    {"id": "a2", "lang": "en", "text": "Finland is a member of NATO. Emmanuel Macron met Olaf Scholz."},
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_failures_are_listed_and_the_rest_is_loaded(tmp_path: Path, monkeypatch, capsys, jobs: str):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    corpus = tmp_path / "mixed.jsonl"
    no_text = json.dumps({"id": "x", "title": "no text"})
    lines = [json.dumps(GOOD[0]), "{not json", no_text, json.dumps(GOOD[1])]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    failures = tmp_path / "failures.jsonl"
    store = tmp_path / "store"
    code = main(["extract", str(corpus), "--store", str(store), "--failures", str(failures), "--jobs", jobs,
                 "--no-progress"])
    assert code == 0
    out, err = capsys.readouterr()
    assert "documents: 2 ok, 2 failed" in out
    records = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert [r["document"] for r in records] == [f"{corpus}:2", f"{corpus}:3"]
    assert all(r["reason"] for r in records)
    assert "malformed JSON" in records[0]["reason"]
    assert f"skipped {corpus}:2" in err
    assert len(graph_names(store_dataset(store))) == 2


def test_batch_failures_only_failures_exit_1(tmp_path: Path, capsys):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text("{not json\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--store", str(tmp_path / "s"), "--no-progress"]) == 1
    assert "documents: 0 ok, 1 failed" in capsys.readouterr().out


def test_batch_failures_bad_option_is_a_config_error(tmp_path: Path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps(GOOD[0]) + "\n", encoding="utf-8")
    code = main(["extract", str(corpus), "-o", f"{tmp_path}/dir/", "--format", "turtle", "--no-progress"])
    assert code == 2
    assert "directory gets N-Quads shards" in capsys.readouterr().err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_failures_bad_kb_stops_the_run_cleanly(tmp_path: Path, capsys, jobs: str):
    """An error of the whole run (here a broken KB file, met by the workers) stops it with its exit code."""
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(g) for g in GOOD) + "\n", encoding="utf-8")
    bad_kb = tmp_path / "bad.ttl"
    bad_kb.write_text("this is not turtle {{{\n", encoding="utf-8")
    out = tmp_path / "out" / "graph.nq"
    code = main(["extract", str(corpus), "-o", str(out), "--kb", str(bad_kb), "--jobs", jobs,
                 "--no-progress"])
    assert code == 3
    assert f"{bad_kb}: not readable" in capsys.readouterr().err
    assert not out.parent.exists() or list(out.parent.iterdir()) == []  # no partial or temporary file
