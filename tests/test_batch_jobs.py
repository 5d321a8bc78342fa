"""`kg extract --jobs N`: worker processes, N-Quads shards and streamed files give the same graphs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from _batch_support import (
    EPOCH,
    assert_same,
    files_dataset,
    graph_names,
    kg_process,
    make_corpus_module,
    store_dataset,
    write_corpus,
)

from kg.cli import main


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    return write_corpus(tmp_path / "corpus.jsonl", 24)


@pytest.fixture
def one_job_store(corpus: Path, tmp_path: Path) -> Path:
    # A fresh process like the runs it is compared with: they load the code as it is on disk now.
    store = tmp_path / "one-job"
    done = kg_process("extract", str(corpus), "--store", str(store), "--no-progress")
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err
    return store


def test_batch_jobs_two_workers_fill_the_same_store_as_one(corpus: Path, one_job_store: Path, tmp_path: Path):
    two = tmp_path / "two-jobs"
    assert main(["extract", str(corpus), "--store", str(two), "--jobs", "2", "--chunk-size", "5",
                 "--no-progress"]) == 0
    expected = store_dataset(one_job_store)
    assert len(graph_names(expected)) == 24
    assert_same(store_dataset(two), expected)


def test_batch_jobs_shards_hold_every_graph_once(corpus: Path, one_job_store: Path, tmp_path: Path, capsys):
    shards = tmp_path / "shards"
    assert main(["extract", str(corpus), "-o", f"{shards}/", "--jobs", "2", "--chunk-size", "5",
                 "--no-progress"]) == 0
    parts = sorted(shards.glob("part-*.nq"))
    assert len(parts) == 5  # 24 documents in chunks of 5
    assert "(5 shards)" in capsys.readouterr().out
    indexed = [g for p in parts for g in json.loads(p.with_suffix(".index.json").read_text())["graphs"]]
    assert len(indexed) == len(set(indexed)) == 24
    assert not list(shards.glob(".*tmp"))
    assert_same(files_dataset(parts), store_dataset(one_job_store))


def test_batch_jobs_shards_load_into_an_equal_store(corpus: Path, one_job_store: Path, tmp_path: Path):
    shards = tmp_path / "shards"
    assert main(["extract", str(corpus), "-o", f"{shards}/", "--jobs", "2", "--no-progress"]) == 0
    loaded = tmp_path / "loaded"
    assert main(["load", *map(str, sorted(shards.glob("*.nq"))), "--store", str(loaded)]) == 0
    assert_same(store_dataset(loaded), store_dataset(one_job_store))


def test_batch_jobs_output_file_is_streamed_nquads(corpus: Path, one_job_store: Path, tmp_path: Path):
    out = tmp_path / "out" / "all.nq"
    assert main(["extract", str(corpus), "-o", str(out), "--jobs", "2", "--no-progress"]) == 0
    assert sorted(p.name for p in out.parent.iterdir()) == ["all.nq"]  # no temporary file left behind
    assert_same(files_dataset([out]), store_dataset(one_job_store))


def test_batch_jobs_report_counts_documents_and_facts(corpus: Path, tmp_path: Path, capsys):
    assert main(["extract", str(corpus), "--store", str(tmp_path / "s"), "--jobs", "2", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "documents: 24 ok, 0 failed" in out
    from kg.store import Store

    stats = Store.open(tmp_path / "s", read_only=True).stats()
    assert stats.documents == 24
    assert f"facts: {stats.facts}," in out


def test_batch_jobs_standard_output_gets_the_graph(corpus: Path, one_job_store: Path, tmp_path: Path):
    import os
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(corpus), "-o", "-", "--format", "nquads",
         "--jobs", "2"],
        capture_output=True, check=False, env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH),
    )
    assert done.returncode == 0, done.stderr
    assert b"documents: 24 ok" in done.stderr
    lines = done.stdout.splitlines()
    assert lines == sorted(set(lines))  # canonical N-Quads: sorted, no duplicates
    out = tmp_path / "stdout.nq"
    out.write_bytes(done.stdout)
    assert_same(files_dataset([out]), store_dataset(one_job_store))


def test_batch_jobs_folders_are_read_by_the_workers_in_order(tmp_path: Path, monkeypatch, capsys):
    """With --jobs, files are read in the workers: same graphs, same failures, in input order."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    make_corpus = make_corpus_module()
    folder = tmp_path / "in"
    make_corpus.write_folder(make_corpus.generate(14), folder)
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    write_corpus(folder / "zz-more.jsonl", 3, seed=3)
    empty = tmp_path / "empty"
    empty.mkdir()
    inputs = [str(folder), str(empty)]
    runs = {}
    for jobs in ("1", "2"):
        store, failures = tmp_path / f"store-{jobs}", tmp_path / f"failures-{jobs}.jsonl"
        code = main(["extract", *inputs, "--store", str(store), "--failures", str(failures), "--jobs", jobs,
                     "--chunk-size", "4", "--no-progress"])
        assert code == 0
        runs[jobs] = (store_dataset(store), failures.read_text(encoding="utf-8"), capsys.readouterr().out)
    (one, one_failures, one_out), (two, two_failures, two_out) = runs["1"], runs["2"]
    assert len(graph_names(one)) == 17
    assert_same(two, one)
    assert two_failures == one_failures
    assert [json.loads(line)["document"] for line in one_failures.splitlines()] == [
        str(folder / "broken.txt"), str(empty)
    ]
    assert "documents: 17 ok, 2 failed" in one_out and "documents: 17 ok, 2 failed" in two_out


_ORIGIN = """
import datetime as dt, json, os, sys
from kg.batch.engines import ProcessEngine
from kg.batch.worker import PRELOAD_ENV, WorkerConfig, context_origin
config = WorkerConfig(base_iri="https://example.org/", model="blank", kb_files=tuple(sys.argv[1:]),
                      started=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
engine = ProcessEngine(config, 2)
try:
    pid, loaded_in = engine.submit_call(context_origin, config).result(timeout=300)
finally:
    engine.close()
print(json.dumps({"here": os.getpid(), "worker": pid, "loaded_in": loaded_in,
                  "variable_left": PRELOAD_ENV in os.environ}))
"""


def _context_origin(*kb_files: str) -> dict[str, object]:
    # A fresh process: the fork server is one per process, started with the first pool's settings.
    done = subprocess.run([sys.executable, "-c", _ORIGIN, *kb_files], capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_batch_jobs_workers_start_with_the_context_the_fork_server_preloaded():
    origin = _context_origin()
    assert origin["worker"] != origin["here"]
    assert origin["loaded_in"] != origin["worker"]  # loaded once, before the worker was forked
    assert origin["variable_left"] is False  # set for the fork server only, not for other children


def test_batch_jobs_a_user_kb_is_loaded_by_the_workers_themselves(tmp_path: Path):
    kb_file = tmp_path / "extra.ttl"
    kb_file.write_text(
        '<http://www.wikidata.org/entity/Q1> <http://www.w3.org/2000/01/rdf-schema#label> "Eins"@de .\n',
        encoding="utf-8",
    )
    origin = _context_origin(str(kb_file))
    assert origin["loaded_in"] == origin["worker"]  # a file could change between runs: never preloaded


_LINKED_AS = """
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
ASK { GRAPH ?g { ?m nif:anchorOf "%s" ; itsrdf:taIdentRef <http://www.wikidata.org/entity/Q7184> } }
"""


def test_batch_jobs_a_changed_kb_file_is_loaded_again_in_the_same_process(tmp_path: Path, monkeypatch):
    """The worker context (KB, pipelines) is kept between runs in one process only while the KB
    files are unchanged: a user KB edited between two runs gives the second run its new names."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    text = "Der Glimmerbund tagte am Montag in Brüssel. Auch die Quarzallianzgruppe tagte dort."
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "kb-change", "lang": "de", "text": text}) + "\n", encoding="utf-8")
    kb_file = tmp_path / "names.ttl"

    def run_with_label(label: str, out: Path) -> ox.Store:
        kb_file.write_text(
            "@prefix wd: <http://www.wikidata.org/entity/> .\n"
            "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
            f'wd:Q7184 rdfs:label "{label}"@de .\n',
            encoding="utf-8",
        )
        assert main(["extract", str(corpus), "-o", str(out), "--kb", str(kb_file), "--jobs", "1",
                     "--no-progress"]) == 0
        store = ox.Store()
        store.extend(ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS))
        return store

    first = run_with_label("Glimmerbund", tmp_path / "first.nq")
    assert bool(first.query(_LINKED_AS % "Glimmerbund"))
    assert not bool(first.query(_LINKED_AS % "Quarzallianzgruppe"))
    second = run_with_label("Quarzallianzgruppe", tmp_path / "second.nq")
    assert bool(second.query(_LINKED_AS % "Quarzallianzgruppe"))
    assert not bool(second.query(_LINKED_AS % "Glimmerbund"))
