"""An interrupted batch run (Ctrl-C or kill) resumes with nothing duplicated and nothing half-written."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from _batch_support import assert_same, files_dataset, graph_names, kg_process, store_dataset, write_corpus

ARTICLES = 60


def _graph(dataset: ox.Dataset, name: str) -> set[ox.Quad]:
    return {q for q in dataset if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == name}


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_batch_interrupt_then_resume_equals_a_clean_run(tmp_path: Path, signum: signal.Signals):
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    clean = tmp_path / "clean"
    done = kg_process("extract", str(corpus), "--store", str(clean), "--jobs", "2", "--no-progress")
    out, err = done.communicate(timeout=600)
    assert done.returncode == 0, err
    expected = store_dataset(clean)
    assert len(graph_names(expected)) == ARTICLES

    store, shards = tmp_path / "store", tmp_path / "shards"
    command = ["extract", str(corpus), "--store", str(store), "-o", f"{shards}/", "--jobs", "2",
               "--chunk-size", "3", "--no-progress"]
    first = kg_process(*command)
    # Wait until the workers have written a few chunks (shards are renamed into place when complete).
    deadline = time.monotonic() + 600
    while len(list(shards.glob("part-*.nq"))) < 2 and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert first.poll() is None, "the run ended before it could be interrupted"
    first.send_signal(signum)
    out, err = first.communicate(timeout=120)
    assert first.returncode == 130, err
    assert "interrupted" in err

    # Nothing half-written: every graph in the interrupted store is exactly the clean run's graph.
    partial = store_dataset(store)
    done_graphs = graph_names(partial)
    assert 0 < len(done_graphs) < ARTICLES
    for name in done_graphs:
        assert _graph(partial, name) == _graph(expected, name), name

    second = kg_process(*command)
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert "unchanged (skipped)" in out
    assert_same(store_dataset(store), expected)
    assert_same(files_dataset(sorted(shards.glob("part-*.nq"))), expected)
