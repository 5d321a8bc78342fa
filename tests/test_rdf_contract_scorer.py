"""The evaluation's own reader (../shared/eval/score.py) finds what the mapping writes.

Runs the scorer's graph readers -- not its gold files -- on the golden output, in every format.
Skipped when ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from golden.cases import CASES, RUN

from kg.rdf import DEFAULT_BASE_IRI, document_quads, write_quads

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))
SCORER = SHARED / "eval" / "score.py"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SCORER.exists(), reason="needs ../shared/eval/score.py"),
]


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("kg_test_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("ext", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_rdf_contract_scorer_reads_entities_facts_quotes_meetings(scorer, ext: str, tmp_path: Path) -> None:
    quads = document_quads(CASES["german_meeting"](), RUN, base_iri=DEFAULT_BASE_IRI)
    graph = scorer.load(write_quads(quads, tmp_path / f"out{ext}"))

    assert {"Q564328", "Q1741", "Q167662", "Q57665", "Q183", "Q7184", "Q212"} == scorer.graph_entities(graph)

    facts = {f["show"] for f in scorer.graph_facts(graph)}
    assert ("Q183", "P463", "Q7184", "+") in facts
    assert ("Q57665", "P39", "Q167662", "+") in facts
    negated = [f for f in scorer.graph_facts(graph) if f["p"] == "coveredBy"]
    assert len(negated) == 1 and negated[0]["polarity"] == "-" and negated[0]["s"]["key"] == "Q212"
    assert "artikel 5" in negated[0]["o"]["names"]  # the NIL clause is found by its label
    assert len(facts) == 4

    quotes = scorer.graph_quotes(graph)
    assert [(q[0]["key"], q[1]) for q in quotes] == [
        ("Q564328", "Wir stehen fest an der Seite unserer Partner")
    ]

    (meeting,) = scorer.graph_meetings(graph)
    assert meeting == {"location": {"Q1741"}, "participants": {"Q564328", "Q57665"}, "date": {"2024-01-15"}}
