"""Helpers shared by the batch and Dask tests: generated corpora, store snapshots, graph comparison."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pyoxigraph as ox

REPO_ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1767225600"  # SOURCE_DATE_EPOCH for every compared run: the run's time is then the same


def _benchmarks_module(name: str) -> ModuleType:
    """A module of ``benchmarks/`` (not a package: they run as scripts), loaded once."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def make_corpus_module() -> ModuleType:
    return _benchmarks_module("make_corpus")


def terminal_module() -> ModuleType:
    """``benchmarks/pty_terminal.py``: a child with its stderr on a terminal (shared with resume_check)."""
    return _benchmarks_module("pty_terminal")


def write_corpus(path: Path, count: int, *, seed: int = 7) -> Path:
    corpus = make_corpus_module()
    corpus.write_jsonl(corpus.generate(count, seed=seed), path)
    return path


def store_dataset(path: Path) -> ox.Dataset:
    """Every quad of a store, canonicalised (blank nodes relabelled), so == is graph isomorphism."""
    store = ox.Store.read_only(str(path))
    dataset = ox.Dataset(store.quads_for_pattern(None, None, None, None))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def files_dataset(paths: list[Path]) -> ox.Dataset:
    """The quads of N-Quads files as a store holds them.

    They pass through an (in-memory) Oxigraph store because the store normalises some literals, e.g.
    ``"5"^^xsd:nonNegativeInteger`` comes back as ``"5"^^xsd:integer``: compared with a store, files
    must be seen the same way.
    """
    store = ox.Store()
    for path in paths:
        store.extend(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
    dataset = ox.Dataset(store.quads_for_pattern(None, None, None, None))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def assert_same(actual: ox.Dataset, expected: ox.Dataset) -> None:
    """Equal datasets, or a readable diff of the first differing quads."""
    if actual == expected:
        return
    missing = [q for q in expected if q not in actual]
    extra = [q for q in actual if q not in expected]
    lines = [f"datasets differ: {len(missing)} quads missing, {len(extra)} unexpected"]
    lines += [f"  - {q}" for q in missing[:8]] + [f"  + {q}" for q in extra[:8]]
    raise AssertionError("\n".join(lines))


def graph_names(dataset: ox.Dataset) -> set[str]:
    return {q.graph_name.value for q in dataset if isinstance(q.graph_name, ox.NamedNode)}


def kg_process(*args: str, **popen: object) -> subprocess.Popen[str]:
    """``kg ARGS`` as a child process with the fixed run time."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,  # type: ignore[call-overload]
    )
