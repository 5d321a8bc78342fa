"""The Python API: ``kg.Extractor().extract(...)`` and its result's RDF forms; the README's example runs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

import kg
from kg.errors import InputError
from kg.model import Document, Polarity
from kg.rdf.tables import FACT_COLUMNS

REPO = Path(__file__).resolve().parent.parent
GERMAN = "Finnland ist Mitglied der NATO. Die Ukraine ist nicht durch Artikel 5 geschützt."
ENGLISH = "Sweden is a member of NATO. Ukraine is not covered by Article 5, Jens Stoltenberg said."


@pytest.fixture(scope="module")
def extractor() -> kg.Extractor:
    return kg.Extractor(model="blank")


def test_import_kg_is_light() -> None:
    code = (
        "import sys, kg; heavy = [m for m in ('spacy', 'rdflib', 'pyoxigraph', 'kg.api', 'kg.kb') "
        "if m in sys.modules]; print(heavy); assert not heavy; assert kg.Extractor.__module__ == 'kg.api'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_readme_example_runs() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- readme-api-example[^>]*-->\n```python\n(.*?)\n```", readme, re.DOTALL)
    assert match, "README.md lost its Python API example"
    code = match.group(1)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=300
    )
    assert result.returncode == 0, result.stderr
    printed = result.stdout.splitlines()
    # the comments under the loop show what it prints: "# Finnland wdt:P463 NATO Positive Asserted"
    expected = re.findall(r"^# (.+ (?:Positive|Negative) \w+)$", code, re.MULTILINE)
    assert len(expected) == 2
    assert printed == expected


def test_text_result_has_records_rdf_and_table(extractor: kg.Extractor) -> None:
    result = extractor.extract(GERMAN, lang="de", published="Mon, 03 Apr 2023 10:00:00 +0200", doc_id="d1")
    [document] = result.documents
    assert document.document.doc_id == "d1" and document.document.published.isoformat() == "2023-04-03"
    facts = {(f.subject.qid, f.predicate.value.rsplit("/", 1)[-1], f.polarity) for f in result.facts}
    assert ("Q33", "P463", Polarity.POSITIVE) in facts
    assert any(p is Polarity.NEGATIVE for _, _, p in facts)
    table = result.facts_table()
    assert len(table) == len(result.facts) and all(tuple(row) == FACT_COLUMNS for row in table)
    assert {(r["subject"], r["predicate"], r["polarity"]) for r in table} >= {
        ("http://www.wikidata.org/entity/Q33", "wdt:P463", "Positive")
    }
    assert result.facts_csv().splitlines()[0] == ",".join(FACT_COLUMNS)
    # every serialisation is the same graph
    reference = ox.Dataset(result.quads)
    for fmt, parse in (("trig", ox.RdfFormat.TRIG), ("nquads", ox.RdfFormat.N_QUADS)):
        assert ox.Dataset(ox.parse(result.serialize(fmt), format=parse)) == reference
    turtle = rdflib.Graph().parse(data=result.serialize("turtle"), format="turtle")
    assert len(turtle) == len({q.triple for q in result.quads})
    assert len(json.loads(result.serialize("jsonld"))) > 0
    dataset = result.to_rdflib()
    graphs = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert graphs == {q.graph_name.value for q in result.quads}
    store = result.to_store()
    rows = store.select("SELECT ?c WHERE { ?c wdt:P463 wd:Q7184 }")
    assert [r["c"].value for r in rows] == ["http://www.wikidata.org/entity/Q33"]


def test_paths_folders_jsonl_documents_and_failures(extractor: kg.Extractor, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "f1", "text": GERMAN, "lang": "de", "published": "07.01.2022"})
        + "\n"
        + "{broken\n",
        encoding="utf-8",
    )
    by_str = extractor.extract(str(article), lang="en")
    by_path = extractor.extract(article, lang="en")
    assert by_str.serialize("nquads") == by_path.serialize("nquads")
    assert by_str.documents[0].document.origin == str(article)
    both = extractor.extract([article, feed])
    assert [d.document.doc_id for d in both.documents][1] == "f1"
    assert [d.document.lang for d in both.documents] == ["en", "de"]
    assert len(both.failures) == 1 and both.failures[0].origin.endswith("feed.jsonl:2")
    doc = both.documents[1].document
    assert isinstance(doc, Document)
    again = extractor.extract(doc)
    assert again.facts == list(both.documents[1].facts)
    persistent = both.to_store(tmp_path / "store")
    assert persistent.stats().documents == 2
    with pytest.raises(InputError, match="nothing to extract"):
        extractor.extract(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="not a date"):
        extractor.extract(ENGLISH, published="01/02/2022")
