"""The frozen held-out fact sets' gold is well-formed and names only QIDs of the bundled KB."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_facts_heldout.py"
# set folder -> (documents per language at least, words per text)
SETS = {"facts_heldout": (12, (150, 400)), "facts_heldout2": (10, (150, 220))}


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_facts_heldout", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_facts_heldout"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_heldout_gold_is_well_formed(name: str, lang: str) -> None:
    bench = _bench()
    assert bench.check_gold(lang, bench.bundled_qids(), ROOT / "benchmarks" / name) == []


@pytest.mark.parametrize("name", sorted(SETS))
def test_heldout_set_size(name: str) -> None:
    here = ROOT / "benchmarks" / name
    least, (low, high) = SETS[name]
    docs = [json.loads((here / f"gold-{lang}.json").read_text(encoding="utf-8")) for lang in ["de", "en"]]
    assert all(len(d) >= least for d in docs)
    for lang_docs in docs:
        for doc in lang_docs:
            words = len((here / doc["text"]).read_text(encoding="utf-8").split())
            assert low <= words <= high, doc["id"]


def test_the_script_knows_every_set() -> None:
    assert sorted(p.name for p in _bench().SETS) == sorted(SETS)


def test_second_set_has_no_overlap_with_the_first() -> None:
    ids = [
        doc["id"]
        for name in SETS
        for lang in ["de", "en"]
        for doc in json.loads((ROOT / "benchmarks" / name / f"gold-{lang}.json").read_text(encoding="utf-8"))
    ]
    assert len(ids) == len(set(ids))
