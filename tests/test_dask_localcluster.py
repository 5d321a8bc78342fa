"""`kg extract --dask`: the same extraction on a Dask cluster gives the same graph as the local run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _batch_support import EPOCH, assert_same, files_dataset, graph_names, store_dataset, write_corpus

from kg.cli import main

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local_cluster:
        yield local_cluster


@pytest.mark.slow
def test_dask_localcluster_gives_the_local_graph(tmp_path: Path, monkeypatch, cluster, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    corpus = write_corpus(tmp_path / "corpus.jsonl", 20)
    local = tmp_path / "local"
    assert main(["extract", str(corpus), "--store", str(local), "--no-progress"]) == 0
    expected = store_dataset(local)
    assert len(graph_names(expected)) == 20

    shards = tmp_path / "shards"
    assert main(["extract", str(corpus), "-o", f"{shards}/", "--dask", cluster.scheduler_address,
                 "--chunk-size", "4", "--no-progress"]) == 0
    parts = sorted(shards.glob("part-*.nq"))
    assert len(parts) == 5
    assert_same(files_dataset(parts), expected)

    store = tmp_path / "dask-store"
    assert main(["extract", str(corpus), "--store", str(store), "--dask", cluster.scheduler_address,
                 "--no-progress"]) == 0
    assert_same(store_dataset(store), expected)
    assert "documents: 20 ok, 0 failed" in capsys.readouterr().out

    loaded = tmp_path / "loaded"
    assert main(["load", *map(str, parts), "--store", str(loaded)]) == 0
    assert_same(store_dataset(loaded), expected)

    single = tmp_path / "all.nq"  # results come back to the client, which streams them to one file
    assert main(["extract", str(corpus), "-o", str(single), "--dask", cluster.scheduler_address,
                 "--no-progress"]) == 0
    assert_same(files_dataset([single]), expected)


def _context_ids() -> list[int]:
    from kg.batch import worker

    return [id(context) for context in worker._CONTEXTS.values()]


@pytest.mark.slow
def test_dask_localcluster_workers_load_the_pipeline_once(tmp_path: Path, cluster):
    """Each worker process builds its KB + pipeline context once and keeps it for every later task."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    address = cluster.scheduler_address
    with distributed.Client(address) as client:
        assert main(["extract", str(corpus), "-o", f"{tmp_path}/a/", "--dask", address, "--chunk-size", "2",
                     "--no-progress"]) == 0
        after_first = client.run(_context_ids)
        assert sorted(len(ids) for ids in after_first.values()) == [1, 1]
        assert main(["extract", str(corpus), "-o", f"{tmp_path}/b/", "--dask", address, "--chunk-size", "2",
                     "--no-progress"]) == 0
        assert client.run(_context_ids) == after_first
    indexes = [json.loads(p.read_text()) for p in (tmp_path / "b").glob("*.index.json")]
    assert sum(len(index["graphs"]) for index in indexes) == 12


@pytest.mark.slow
def test_dask_unreachable_scheduler_is_a_config_error(tmp_path: Path, capsys):
    corpus = write_corpus(tmp_path / "corpus.jsonl", 2)
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):  # Dask's setting, which kg follows
        code = main(["extract", str(corpus), "-o", str(tmp_path / "out.nq"), "--dask", "tcp://127.0.0.1:9",
                     "--no-progress"])
    assert code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "out.nq").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.jsonl"]  # no temporary file left
