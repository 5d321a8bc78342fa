"""`kg draw`: our example articles go through the real pipeline (`kg extract`), then into pictures.

The SVG is read back with xml.etree: one edge group per fact naming its subject, predicate and object,
negated facts marked, modalities styled, the evidence in each tooltip, no label or box overlapping
another, the same bytes every time, and one-line errors for bad input."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
from _store_support import REPO_ROOT, run_kg
from test_cli_errors import _fails  # one line `kg: error: …`, the exit code, no traceback

from kg.draw.records import DocumentFacts, Entity, Fact, Meeting, Quotation
from kg.draw.render import render_svg
from kg.draw.styles import MODALITY_DASHES, NEGATIVE_COLOUR

SVG = "{http://www.w3.org/2000/svg}"
EXAMPLES = REPO_ROOT / "examples"
KGO = "https://w3id.org/kg-news/ontology#"
WD = "http://www.wikidata.org/entity/"
PREFIXES = f"""
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX kgo: <{KGO}>
"""
NO_FACTS = "The weather in Berlin was mild on Tuesday, and the trains ran on time.\n"


@dataclass(frozen=True)
class Extracted:
    trig: Path
    store: Path
    english: str  # document ids
    german: str
    quiet: str  # the article without facts


def _doc_id(trig: Path, title_start: str) -> str:
    store = pyoxigraph.Store()
    store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    rows = list(
        store.query(
            PREFIXES + "SELECT ?id ?title WHERE { GRAPH ?g { ?c a nif:Context ; dcterms:identifier ?id ."
            " OPTIONAL { ?c dcterms:title ?title } } }"
        )
    )
    found = [
        r["id"].value for r in rows if r["title"] is not None and r["title"].value.startswith(title_start)
    ]
    assert len(found) == 1, rows
    return found[0]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Extracted:
    folder = tmp_path_factory.mktemp("draw")
    articles = folder / "articles"
    articles.mkdir()
    for name in ("nato-ministers.en.txt", "nato-ministers.de.txt"):
        (articles / name).write_text((EXAMPLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "weather.txt").write_text("Mild weather in Berlin\n\n" + NO_FACTS, encoding="utf-8")
    common = ["--published", "2023-04-03", "--model", "blank", "--no-progress"]
    trig = folder / "articles.trig"
    store = folder / "store"
    run_kg("extract", articles, *common, "-o", trig, check=True)
    run_kg("extract", articles, *common, "--store", store, check=True)
    return Extracted(
        trig=trig,
        store=store,
        english=_doc_id(trig, "Foreign ministers meet"),
        german=_doc_id(trig, "Außenminister"),
        quiet=_doc_id(trig, "Mild weather"),
    )


def _draw(*args: str | Path) -> None:
    run_kg("draw", *args, check=True)


@pytest.fixture(scope="module")
def english_svg(extracted: Extracted, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("english") / "english.svg"
    _draw(extracted.trig, "--document", extracted.english, "-o", out)
    return out


def _facts_in_rdf(trig: Path, doc_id: str, lang: str) -> list[dict[str, str]]:
    """The document's facts as the RDF has them, with the subject's and object's labels (in ``lang``
    where there is one, else in English)."""
    store = pyoxigraph.Store()
    store.load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
    query = (
        PREFIXES
        + f"""SELECT ?fact ?p ?s ?o ?sl ?ol ?polarity ?modality ?sentence WHERE {{ GRAPH ?g {{
        ?c a nif:Context ; dcterms:identifier "{doc_id}" .
        ?fact a kgo:Fact ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              kgo:polarity ?polarity ; kgo:modality ?modality ; kgo:evidence/nif:anchorOf ?sentence .
        OPTIONAL {{ ?s rdfs:label ?s1 FILTER(LANG(?s1) = "{lang}") }}
        OPTIONAL {{ ?s rdfs:label ?s2 FILTER(LANG(?s2) = "en") }}
        OPTIONAL {{ ?o rdfs:label ?o1 FILTER(LANG(?o1) = "{lang}") }}
        OPTIONAL {{ ?o rdfs:label ?o2 FILTER(LANG(?o2) = "en") }}
        BIND(COALESCE(?s1, ?s2) AS ?sl) BIND(COALESCE(?o1, ?o2) AS ?ol) }} }}"""
    )
    return [
        {k: row[k].value for k in ("fact", "p", "sl", "ol", "polarity", "modality", "sentence")}
        for row in store.query(query)
    ]


def _fact_groups(svg: Path | str) -> list[ET.Element]:
    root = ET.fromstring(svg.read_bytes() if isinstance(svg, Path) else svg)
    return [g for g in root.iter(f"{SVG}g") if "fact" in g.get("class", "").split()]


def _find(groups: list[ET.Element], subject: str, predicate: str, obj: str) -> ET.Element:
    found = [
        g
        for g in groups
        if (g.get("data-subject"), g.get("data-predicate-iri"), g.get("data-object"))
        == (subject, predicate, obj)
    ]
    assert len(found) == 1, [
        (g.get("data-subject"), g.get("data-predicate"), g.get("data-object")) for g in groups
    ]
    return found[0]


# --- the picture -----------------------------------------------------------------------------


def test_one_edge_per_fact_naming_its_ends_and_predicate(extracted: Extracted, english_svg: Path) -> None:
    facts = _facts_in_rdf(extracted.trig, extracted.english, "en")
    groups = _fact_groups(english_svg)
    assert len(facts) >= 5
    assert len(groups) == len(facts)
    drawn = sorted(
        (g.get("data-fact"), g.get("data-subject"), g.get("data-predicate-iri"), g.get("data-object"))
        for g in groups
    )
    assert drawn == sorted((f["fact"], f["sl"], f["p"], f["ol"]) for f in facts)
    names = {"http://www.wikidata.org/prop/direct/P463": "member of", f"{KGO}partnerOf": "partner of"}
    for group in groups:
        if group.get("data-predicate-iri") in names:
            assert group.get("data-predicate") == names[group.get("data-predicate-iri", "")]
        label = "".join(group.find(f"{SVG}text").itertext())  # type: ignore[union-attr]
        assert group.get("data-predicate", "") in label


def test_a_negated_fact_is_red_with_a_cross_and_says_not(english_svg: Path) -> None:
    groups = _fact_groups(english_svg)
    negated = _find(groups, "Ukraine", "http://www.wikidata.org/prop/direct/P463", "NATO")
    assert negated.get("data-polarity") == "negative"
    assert "negative" in negated.get("class", "").split()
    assert negated.find(f"{SVG}path").get("stroke") == NEGATIVE_COLOUR  # type: ignore[union-attr]
    assert negated.find(f"{SVG}g[@class='not-mark']") is not None
    assert "".join(negated.find(f"{SVG}text").itertext()) == "not member of"  # type: ignore[union-attr]
    partner = _find(groups, "Ukraine", f"{KGO}partnerOf", "NATO")
    assert partner.get("data-polarity") == "positive"
    assert partner.find(f"{SVG}path").get("stroke") != NEGATIVE_COLOUR  # type: ignore[union-attr]
    assert partner.find(f"{SVG}g[@class='not-mark']") is None


def test_a_possible_fact_is_dashed_and_says_so(english_svg: Path) -> None:
    groups = _fact_groups(english_svg)
    possible = _find(groups, "Moldova", f"{KGO}candidateFor", "NATO")
    assert possible.get("data-modality") == "possible"
    assert possible.find(f"{SVG}path").get("stroke-dasharray") == MODALITY_DASHES["Possible"]  # type: ignore[union-attr]
    assert "".join(possible.find(f"{SVG}text").itertext()) == "candidate for (possible)"  # type: ignore[union-attr]
    asserted = [g for g in groups if g.get("data-modality") == "asserted"]
    assert asserted and all(g.find(f"{SVG}path").get("stroke-dasharray") is None for g in asserted)  # type: ignore[union-attr]


def test_each_tooltip_holds_the_evidence_sentence(extracted: Extracted, english_svg: Path) -> None:
    by_fact = {g.get("data-fact"): g for g in _fact_groups(english_svg)}
    for fact in _facts_in_rdf(extracted.trig, extracted.english, "en"):
        title = by_fact[fact["fact"]].find(f"{SVG}title")
        assert title is not None and fact["sentence"] in (title.text or "")
        assert "confidence: " in (title.text or "")
    moldova = _find(list(by_fact.values()), "Moldova", f"{KGO}candidateFor", "NATO").find(f"{SVG}title")
    assert "Moldova may also apply for membership, diplomats said." in (moldova.text or "")  # type: ignore[union-attr]


def test_header_legend_quotations_and_meetings(extracted: Extracted, english_svg: Path) -> None:
    root = ET.parse(english_svg).getroot()
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Foreign ministers meet in Berlin to discuss NATO's eastern flank" in texts
    assert any("published 2023-04-03" in t for t in texts)
    legend = [g.findtext(f"{SVG}text") for g in root.iter(f"{SVG}g") if g.get("class") == "legend-item"]
    assert {"partner of", "position held", "asserted", "possible"} <= set(legend)
    assert "member of" not in legend  # its only fact is negated, so drawn red: no blue to explain
    assert any((t or "").startswith("negated") for t in legend)
    speakers = {
        g.get("data-speaker"): g.get("data-count")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "quotation"
    }
    assert speakers.get("Annalena Baerbock") == "2"
    meetings = ["".join(g.itertext()) for g in root.iter(f"{SVG}g") if g.get("class") == "meeting"]
    assert any("Berlin" in m and "Antony Blinken" in m for m in meetings)


def _boxes(root: ET.Element) -> list[tuple[float, float, float, float]]:
    """The label boxes of facts and the boxes of entities, in picture coordinates."""
    boxes = []
    graph_groups = [g for g in root.iter(f"{SVG}g") if g.get("class") in ("facts", "entities")]
    for group in graph_groups:
        for rect in group.iter(f"{SVG}rect"):
            x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
            boxes.append((x, y, x + float(rect.get("width", 0)), y + float(rect.get("height", 0))))
    return boxes


@pytest.mark.parametrize("which", ["english", "german"])
def test_no_box_overlaps_another(extracted: Extracted, tmp_path: Path, which: str) -> None:
    out = tmp_path / "picture.svg"
    _draw(extracted.trig, "--document", getattr(extracted, which), "-o", out)
    boxes = _boxes(ET.parse(out).getroot())
    assert len(boxes) > 5
    for a, b in itertools.combinations(boxes, 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_the_german_picture_uses_german_labels(extracted: Extracted, tmp_path: Path) -> None:
    out = tmp_path / "de.svg"
    _draw(extracted.trig, "--document", extracted.german, "-o", out)
    facts = _facts_in_rdf(extracted.trig, extracted.german, "de")
    drawn = sorted((g.get("data-subject"), g.get("data-object")) for g in _fact_groups(out))
    assert drawn == sorted((f["sl"], f["ol"]) for f in facts)


def test_same_input_same_bytes_from_a_file_or_the_store(extracted: Extracted, tmp_path: Path) -> None:
    first, second, stored = tmp_path / "1.svg", tmp_path / "2.svg", tmp_path / "store.svg"
    _draw(extracted.trig, "--document", extracted.english, "-o", first)
    _draw(extracted.trig, "--document", extracted.english, "-o", second)
    _draw("--store", extracted.store, "--document", extracted.english, "-o", stored)
    assert first.read_bytes() == second.read_bytes() == stored.read_bytes()
    by_graph = run_kg(
        "draw",
        extracted.trig,
        "--document",
        f"https://w3id.org/kg-news/id/doc/{extracted.english}",
        "-o",
        "-",
    )
    assert by_graph.returncode == 0 and by_graph.stdout.encode() == first.read_bytes()


def test_a_folder_gets_one_picture_per_document(extracted: Extracted, tmp_path: Path) -> None:
    out = tmp_path / "pictures"
    result = run_kg("draw", "--store", extracted.store, "-o", f"{out}/", check=True)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{d}.svg" for d in (extracted.english, extracted.german, extracted.quiet))
    assert "no facts in document" in result.stderr  # the weather report
    for path in out.iterdir():
        ET.parse(path)


def test_a_document_without_facts_shows_what_it_mentions(extracted: Extracted, tmp_path: Path) -> None:
    out = tmp_path / "quiet.svg"
    result = run_kg("draw", extracted.trig, "--document", extracted.quiet, "-o", out, check=True)
    assert f"no facts in document {extracted.quiet}" in result.stderr
    root = ET.parse(out).getroot()
    assert _fact_groups(out) == []
    texts = " ".join("".join(t.itertext()) for t in root.iter(f"{SVG}text"))
    assert "No facts were extracted from this document." in texts and "Berlin" in texts


def test_every_format_kg_writes_draws_the_same_picture(extracted: Extracted, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text((EXAMPLES / "nato-ministers.en.txt").read_text(encoding="utf-8"), encoding="utf-8")
    pictures = []
    for suffix in ("trig", "ttl", "jsonld"):
        rdf = tmp_path / f"article.{suffix}"
        run_kg("extract", article, "--published", "2023-04-03", "--model", "blank", "-o", rdf, check=True)
        _draw(rdf, "-o", tmp_path / f"{suffix}.svg")
        pictures.append((tmp_path / f"{suffix}.svg").read_bytes())
    assert pictures[0] == pictures[1] == pictures[2]


# --- the renderer on its own -----------------------------------------------------------------


def _fact(iri: str, subject: str, obj: str, **kwargs: object) -> Fact:
    values: dict[str, object] = {
        "predicate": "http://example.org/p",
        "predicate_label": "relates to",
        "negative": False,
        "modality": "Asserted",
        "modality_label": "asserted",
    }
    values.update(kwargs)
    return Fact(iri=iri, subject=subject, object=obj, **values)  # type: ignore[arg-type]


def test_text_is_escaped_and_loops_cycles_and_long_edges_are_drawn() -> None:
    a, b, c = "http://example.org/a", "http://example.org/b", "http://example.org/c"
    document = DocumentFacts(
        doc_id="x&y",
        graph=None,
        title='Title with <tags> & "quotes"\x01 and a control character',
        issued="2024-01-02",
        language="en",
        entities=(
            Entity(a, "A <one>"),
            Entity(b, "B & two"),
            Entity(c, "C"),
        ),
        facts=(
            _fact("f1", a, b, evidence='He said "a < b" & left.'),
            _fact("f2", b, a, negative=True),  # closes a cycle with f1
            _fact("f3", b, c, modality="Intended", modality_label="intended"),
            _fact("f4", a, c),  # skips the middle column
            _fact("f5", c, c),  # a loop
        ),
        quotations=(Quotation(a, "Words & <more> words"),),
        meetings=(Meeting((a, b), c, "2024-01-01"),),
    )
    text = render_svg(document)
    root = ET.fromstring(text)
    groups = _fact_groups(text)
    assert sorted(g.get("data-fact") for g in groups) == ["f1", "f2", "f3", "f4", "f5"]
    assert 'Title with <tags> & "quotes" and a control character' in [
        "".join(t.itertext()) for t in root.iter(f"{SVG}text")
    ]
    f1 = next(g for g in groups if g.get("data-fact") == "f1")
    assert 'He said "a < b" & left.' in (f1.find(f"{SVG}title").text or "")  # type: ignore[union-attr]
    assert render_svg(document) == text
    boxes = _boxes(root)
    for one, other in itertools.combinations(boxes, 2):
        assert one[2] <= other[0] or other[2] <= one[0] or one[3] <= other[1] or other[3] <= one[1]
    assert re.search(
        r'stroke-dasharray="[0-9 ]+"',
        ET.tostring(next(g for g in groups if g.get("data-fact") == "f3")).decode(),
    )


# --- errors ----------------------------------------------------------------------------------


def test_a_missing_file_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.trig"
    _fails("draw", missing, "-o", tmp_path / "out.svg", code=2, says=f"{missing}: No such file")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_broken_file_is_one_line_naming_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.trig"
    broken.write_text(
        "<http://example.org/g> {\n  <http://example.org/a> <http://example.org/b> .\n}\n", encoding="utf-8"
    )
    _fails("draw", broken, "-o", tmp_path / "out.svg", code=2, says=f"{broken}:2: not valid TriG")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.trig"]


def test_a_file_that_is_not_kg_output_is_one_line(tmp_path: Path) -> None:
    other = tmp_path / "other.nt"
    other.write_text(
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8"
    )
    _fails("draw", other, "-o", tmp_path / "out.svg", code=2, says=f"{other}: no kg document in it")


def test_an_unknown_document_is_one_line(extracted: Extracted, tmp_path: Path) -> None:
    _fails(
        "draw",
        extracted.trig,
        "--document",
        "no-such-doc",
        "-o",
        tmp_path / "o.svg",
        code=2,
        says="--document no-such-doc: not in",
    )
    _fails(
        "draw",
        "--store",
        extracted.store,
        "--document",
        "no-such-doc",
        "-o",
        tmp_path / "o.svg",
        code=2,
        says="not in",
    )
    assert list(tmp_path.iterdir()) == []


def test_several_documents_into_one_file_is_refused(extracted: Extracted, tmp_path: Path) -> None:
    _fails("draw", extracted.trig, "-o", tmp_path / "all.svg", code=2, says="holds 3 documents")
    assert list(tmp_path.iterdir()) == []


def test_a_file_and_a_store_at_once_or_neither_is_refused(extracted: Extracted, tmp_path: Path) -> None:
    _fails(
        "draw", extracted.trig, "--store", extracted.store, "-o", tmp_path / "o.svg", code=2, says="not both"
    )
    _fails("draw", "-o", tmp_path / "o.svg", code=2, says="either an RDF file")


def test_a_folder_that_is_no_store_is_one_line(tmp_path: Path) -> None:
    _fails("draw", "--store", tmp_path, "-o", tmp_path / "o.svg", code=3, says=f"{tmp_path}: no store here")


def test_an_output_that_cannot_be_written_leaves_nothing(extracted: Extracted, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    _fails(
        "draw",
        extracted.trig,
        "--document",
        extracted.english,
        "-o",
        blocker / "o.svg",
        code=2,
        says=f"cannot write {blocker}",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
