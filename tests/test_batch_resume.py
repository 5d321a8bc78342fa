"""Resumable, incremental runs: unchanged documents are skipped, changed ones replaced."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from _batch_support import EPOCH, assert_same, files_dataset, store_dataset, write_corpus

from kg.cli import main

KGO = "https://w3id.org/kg-news/ontology#"


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def _change_article(corpus: Path, index: int, new_text: str) -> None:
    lines = corpus.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[index])
    record["text"] = new_text
    lines[index] = json.dumps(record, ensure_ascii=False)
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")


NEW_TEXT = "Olaf Scholz traf sich am Montag in Berlin mit Emmanuel Macron. Polen ist Mitglied der NATO."


def test_batch_resume_rerun_skips_every_unchanged_document(tmp_path: Path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    store = tmp_path / "store"
    assert main(["extract", str(corpus), "--store", str(store), "--no-progress"]) == 0
    before = store_dataset(store)
    capsys.readouterr()
    assert main(["extract", str(corpus), "--store", str(store), "--jobs", "2", "--no-progress"]) == 0
    assert "documents: 0 ok, 0 failed, 12 unchanged (skipped)" in capsys.readouterr().out
    assert_same(store_dataset(store), before)


def test_batch_resume_graph_records_the_content_hash(tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    store = tmp_path / "store"
    assert main(["extract", str(corpus), "--store", str(store), "--no-progress"]) == 0
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    rows = ox.Store.read_only(str(store)).query(
        f"SELECT ?g ?h ?text WHERE {{ GRAPH ?g {{ ?c <{KGO}contentHash> ?h ; <{KGO}extractionKey> ?key ;"
        f" <{nif}isString> ?text }} }}"
    )
    found = {row["g"].value: (row["h"].value, row["text"].value) for row in rows}
    assert len(found) == 6
    for content_hash, text in found.values():  # the hash of the text as analysed
        assert content_hash == hashlib.sha256(text.encode()).hexdigest()


def test_batch_resume_changed_document_is_replaced(tmp_path: Path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    store = tmp_path / "store"
    assert main(["extract", str(corpus), "--store", str(store), "--no-progress"]) == 0
    _change_article(corpus, 3, NEW_TEXT)
    capsys.readouterr()
    assert main(["extract", str(corpus), "--store", str(store), "--jobs", "2", "--no-progress"]) == 0
    assert "documents: 1 ok, 0 failed, 11 unchanged (skipped)" in capsys.readouterr().out

    clean = tmp_path / "clean"
    assert main(["extract", str(corpus), "--store", str(clean), "--no-progress"]) == 0
    assert_same(store_dataset(store), store_dataset(clean))
    changed = [q.object.value for q in store_dataset(store)
               if q.predicate.value.endswith("#isString") and q.graph_name.value.endswith("/bench-0000003")]
    assert len(changed) == 1 and changed[0].strip() == NEW_TEXT


def test_batch_resume_shard_directory_drops_the_old_version(tmp_path: Path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 12)
    shards = tmp_path / "shards"
    args = ["extract", str(corpus), "-o", f"{shards}/", "--chunk-size", "4", "--no-progress"]
    assert main(args) == 0
    _change_article(corpus, 5, NEW_TEXT)
    capsys.readouterr()
    assert main(args) == 0
    assert "documents: 1 ok, 0 failed, 11 unchanged (skipped)" in capsys.readouterr().out

    clean = tmp_path / "clean"
    assert main(["extract", str(corpus), "-o", f"{clean}/", "--chunk-size", "4", "--no-progress"]) == 0
    assert_same(files_dataset(sorted(shards.glob("*.nq"))), files_dataset(sorted(clean.glob("*.nq"))))
    indexes = [json.loads(p.with_suffix(".index.json").read_text()) for p in shards.glob("*.nq")]
    indexed = [g for index in indexes for g in index["graphs"]]
    assert len(indexed) == len(set(indexed)) == 12


def test_batch_resume_no_resume_extracts_everything_again(tmp_path: Path, capsys):
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    store = tmp_path / "store"
    assert main(["extract", str(corpus), "--store", str(store), "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["extract", str(corpus), "--store", str(store), "--no-resume", "--no-progress"]) == 0
    assert "documents: 4 ok, 0 failed" in capsys.readouterr().out
