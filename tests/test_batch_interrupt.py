"""An interrupted batch run (Ctrl-C or kill) resumes with nothing duplicated and nothing half-written."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from _batch_support import (
    EPOCH,
    assert_same,
    files_dataset,
    graph_names,
    kg_process,
    store_dataset,
    terminal_module,
    write_corpus,
)

Terminal = terminal_module().Terminal

ARTICLES = 200  # enough for a few seconds of work after start-up, to interrupt in


def _graph(dataset: ox.Dataset, name: str) -> set[ox.Quad]:
    return {q for q in dataset if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == name}


def _terminal(args: list[str]) -> Terminal:
    """``kg ARGS`` with its stderr on a terminal (so it draws the bar we read) and the fixed run time."""
    return Terminal([sys.executable, "-m", "kg.cli", *args], dict(os.environ, SOURCE_DATE_EPOCH=EPOCH))


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_batch_interrupt_then_resume_equals_a_clean_run(tmp_path: Path, signum: signal.Signals):
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    clean = tmp_path / "clean"
    done = kg_process("extract", str(corpus), "--store", str(clean), "--jobs", "2", "--no-progress")
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err
    expected = store_dataset(clean)
    assert len(graph_names(expected)) == ARTICLES

    store, shards = tmp_path / "store", tmp_path / "shards"
    command = ["extract", str(corpus), "--store", str(store), "-o", f"{shards}/", "--jobs", "2",
               "--chunk-size", "4"]
    first = _terminal(command)
    # Wait until the bar says some chunks are in (the bar moves after a chunk is in every output).
    deadline = time.monotonic() + 600
    while first.done(ARTICLES) < 8 and first.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert first.process.poll() is None, "the run ended before it could be interrupted"
    first.process.send_signal(signum)
    code, out, err = first.finish(timeout=300)
    assert code == 130, err
    assert "interrupted" in err and "run the same command again to resume" in err

    # Nothing half-written: every graph in the interrupted store is exactly the clean run's graph.
    partial = store_dataset(store)
    done_graphs = graph_names(partial)
    assert 8 <= len(done_graphs) < ARTICLES
    for name in done_graphs:
        assert _graph(partial, name) == _graph(expected, name), name
    assert done_graphs <= graph_names(files_dataset(sorted(shards.glob("part-*.nq"))))

    second = kg_process(*command, "--no-progress")
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    skipped = int(re.search(r"(\d+) unchanged \(skipped\)", out).group(1))  # type: ignore[union-attr]
    assert skipped >= len(done_graphs)
    assert_same(store_dataset(store), expected)
    assert_same(files_dataset(sorted(shards.glob("part-*.nq"))), expected)


def _children(pid: int) -> list[int]:
    ps = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True, check=True)
    table = ps.stdout
    return [int(p) for p, parent in (line.split() for line in table.splitlines()) if int(parent) == pid]


@pytest.mark.slow
def test_batch_interrupt_killed_worker_is_replaced(tmp_path: Path):
    """A worker process that dies (kill -9, out of memory) is replaced; its chunk runs again; all lands."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", ARTICLES)
    clean = tmp_path / "clean"
    done = kg_process("extract", str(corpus), "--store", str(clean), "--no-progress")
    _, err = done.communicate(timeout=600)
    assert done.returncode == 0, err

    store = tmp_path / "store"
    run = _terminal(["extract", str(corpus), "--store", str(store), "--jobs", "2", "--chunk-size", "4"])
    deadline = time.monotonic() + 600
    while run.done(ARTICLES) < 8 and run.process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    # kg → fork server → workers: the workers are the grandchildren.
    workers = [w for child in _children(run.process.pid) for w in _children(child)]
    assert workers and run.process.poll() is None
    os.kill(workers[0], signal.SIGKILL)
    code, out, err = run.finish(timeout=300)
    assert code == 0, err
    assert f"documents: {ARTICLES} ok, 0 failed" in out
    assert_same(store_dataset(store), store_dataset(clean))
