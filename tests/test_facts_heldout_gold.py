"""The frozen held-out fact set's gold is well-formed and names only QIDs of the bundled KB."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_facts_heldout.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_facts_heldout", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_facts_heldout"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", ["de", "en"])
def test_heldout_gold_is_well_formed(lang: str) -> None:
    bench = _bench()
    assert bench.check_gold(lang, bench.bundled_qids()) == []


def test_heldout_set_size() -> None:
    import json

    here = ROOT / "benchmarks" / "facts_heldout"
    docs = [json.loads((here / f"gold-{lang}.json").read_text(encoding="utf-8")) for lang in ["de", "en"]]
    assert all(len(d) >= 12 for d in docs)
    for lang_docs in docs:
        for doc in lang_docs:
            words = len((here / doc["text"]).read_text(encoding="utf-8").split())
            assert 150 <= words <= 400, doc["id"]
