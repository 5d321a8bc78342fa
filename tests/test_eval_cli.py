"""`kg eval` end to end: our own JSON gold (tests/fixtures/eval/gold.json) against what `kg extract`
writes for its text, optional items, the strict fact variant, --explain, --format json, --extract,
--write-nif, and one-line errors for malformed gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _store_support import run_kg
from test_cli_errors import _fails

from kg.eval import read_nif_corpus, score_a2kb

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
GOLD = FIXTURES / "gold.json"
BLANK = ("--model", "blank")


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("eval")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    article = folder / "alliance.txt"
    article.write_text(gold["documents"][0]["text"], encoding="utf-8")
    out = folder / "alliance.trig"
    run_kg("extract", article, "--lang", "en", *BLANK, "--no-progress", "-o", out, check=True)
    return out


def _scores(*args: str | Path) -> dict:
    result = run_kg("eval", *args, "--format", "json", check=True)
    return json.loads(result.stdout)


def _gold_variant(tmp_path: Path, change) -> Path:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    change(gold["documents"][0])
    path = tmp_path / "variant.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_json_gold_against_an_output_file(output: Path) -> None:
    scores = _scores(GOLD, output)
    alliance, quiet = scores["documents"]
    assert alliance["output_document"] is not None and quiet["output_document"] is None
    # Q57665 is optional and found: a true positive; '~Someone Absent' is optional and absent: no miss.
    assert (alliance["entities"]["tp"], alliance["entities"]["fp"], alliance["entities"]["fn"]) == (5, 0, 0)
    # The optional negated NATO membership of Finland is not extracted: not a miss either.
    assert (alliance["facts"]["tp"], alliance["facts"]["fn"]) == (2, 0)
    assert alliance["quotations"]["tp"] == 1  # speaker given by label only ('~Stoltenberg')
    # The quiet document has no output document: nothing to find, nothing found (P = R = F1 = 1).
    assert quiet["entities"]["f1"] == 1.0
    assert scores["overall"]["facts"]["per_property"]["P463"]["f1"] == 1.0


def test_optional_items_can_be_only_excused(output: Path) -> None:
    scores = _scores(GOLD, output, "--optional", "ignore")
    assert scores["documents"][0]["entities"]["tp"] == 4


def test_strict_facts_need_the_evidence_offsets_and_the_time(output: Path, tmp_path: Path) -> None:
    def move_evidence(doc: dict) -> None:
        doc["facts"]["required"][1]["evidence"] = [0, 28]  # the first sentence, not the one stating it
        doc["facts"]["required"][0] = {
            "subject": "Q183",
            "property": "P463",
            "object": "Q7184",
            "time": "1990-10-03",
        }

    scores = _scores(_gold_variant(tmp_path, move_evidence), output)
    doc = scores["documents"][0]
    assert (doc["facts"]["tp"], doc["facts"]["fp"], doc["facts"]["fn"]) == (2, 0, 0)
    assert (doc["facts_strict"]["tp"], doc["facts_strict"]["fn"]) == (0, 2)
    assert doc["facts_strict"]["fp"] == 2  # both output facts, now unmatched instances


def test_explain_lists_misses_and_extras_with_their_evidence(output: Path, tmp_path: Path) -> None:
    def change(doc: dict) -> None:
        doc["facts"]["required"] = [["Q183", "P463", "Q458", "+"]]
        doc["facts"]["optional"] = []

    result = run_kg("eval", _gold_variant(tmp_path, change), output, "--explain", check=True)
    assert "facts missed: Q183 P463 Q458" in result.stdout
    extra = [line for line in result.stdout.splitlines() if "facts extra: Q183 P463 Q7184" in line]
    assert extra and "'Germany is a member of NATO.'" in extra[0]
    assert "facts extra: not Q33 P463 Q458" in result.stdout


def test_extract_runs_the_pipeline_on_the_gold_texts(output: Path) -> None:
    extracted = _scores(GOLD, "--extract", *BLANK)
    from_file = _scores(GOLD, output)
    assert extracted["documents"][0]["facts"] == from_file["documents"][0]["facts"]
    assert extracted["documents"][1]["output_document"] is not None  # the quiet text was extracted too


def test_nif_gold_with_extract_and_write_nif(tmp_path: Path) -> None:
    answer = tmp_path / "answer.ttl"
    scores = _scores(FIXTURES / "gold.nif.ttl", "--extract", "--lang", "en", *BLANK, "--write-nif", answer)
    gold = read_nif_corpus(FIXTURES / "gold.nif.ttl")
    written = read_nif_corpus(answer)
    assert [d.uri for d in written] == [d.uri for d in gold]  # GERBIL pairs documents by IRI
    ours = score_a2kb(list(gold), list(written), match="strong").micro
    reported = scores["overall"]["a2kb_strong"]["micro"]
    assert (reported["tp"], reported["fp"], reported["fn"]) == (ours.rtp, ours.fp, ours.fn)
    assert ours.rtp >= 3  # Germany, NATO, Finland at least are found and linked by the blank pipeline


def test_write_nif_converts_an_output_without_gold(output: Path, tmp_path: Path) -> None:
    answer = tmp_path / "answer.ttl"
    result = run_kg("eval", "--write-nif", answer, output, check=True)
    assert result.stdout == ""
    (document,) = read_nif_corpus(answer)
    assert document.uri.endswith(f"#char=0,{len(document.text)}")
    assert "http://www.wikidata.org/entity/Q7184" in {i for a in document.annotations for i in a.identifiers}


def test_errors_are_one_line(output: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    _fails("eval", bad, output, code=2, says="not valid JSON")
    bad.write_text(json.dumps({"documents": [{"text": "x"}]}), encoding="utf-8")
    _fails("eval", bad, output, code=2, says='document 1: has no "id" string')
    bad.write_text(json.dumps({"id": "a", "facts": {"required": [["Q1", "P463"]]}}), encoding="utf-8")
    _fails("eval", bad, output, code=2, says="is not [subject, property, object, polarity?]")
    bad.write_text(
        json.dumps(
            {"id": "a", "facts": [{"subject": "Q1", "property": "P463", "object": "Q2", "evidence": [5, 2]}]}
        ),
        encoding="utf-8",
    )
    _fails("eval", bad, output, code=2, says='"evidence" [5, 2] is not [begin, end] offsets')
    bad.write_text(json.dumps({"id": "a", "entities": ["Q1"]}), encoding="utf-8")
    _fails("eval", bad, "--extract", code=2, says="gold document a carries no text")
    nif = tmp_path / "bad.ttl"
    text = (FIXTURES / "gold.nif.ttl").read_text(encoding="utf-8")
    nif.write_text(text.replace('nif:endIndex "7"', 'nif:endIndex "700"'), encoding="utf-8")
    _fails("eval", nif, output, code=2, says="outside its context's text")
    nif.write_text("<a> <b> .", encoding="utf-8")
    _fails("eval", nif, output, code=2, says="not valid Turtle")
    _fails("eval", tmp_path / "absent.json", output, code=2, says="no such gold file")
    empty = tmp_path / "empty.ttl"
    empty.write_text("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    _fails("eval", GOLD, empty, code=2, says="no document in it")
    _fails("eval", GOLD, code=2, says="one of OUTPUT, --store DIR or --extract")
    _fails("eval", GOLD, tmp_path / "absent.trig", code=2, says="no such output file")


def test_a_store_scores_as_its_file_does(output: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    run_kg("load", output, "--store", store, check=True)
    from_store = _scores(GOLD, "--store", store)
    from_file = _scores(GOLD, output)
    assert from_store["documents"] == from_file["documents"]


@pytest.mark.shared
def test_the_shared_gold_gives_the_shared_scorers_figures(tmp_path: Path) -> None:
    """kg eval reads ../shared's gold as it is; with --optional ignore its figures are score.py's."""
    import subprocess
    import sys

    from _store_support import SHARED

    gold = sorted((SHARED / "eval" / "gold").glob("*.json")) if SHARED.exists() else []
    if not gold or not (SHARED / "eval" / "score.py").exists():
        pytest.skip("needs ../shared/eval (score.py and gold)")
    data = json.loads(gold[0].read_text(encoding="utf-8"))
    out = tmp_path / "out.trig"
    run_kg(
        "extract",
        SHARED / data["text"],
        "--lang",
        data["lang"],
        "--published",
        data["published"],
        "--no-progress",
        "-o",
        out,
        check=True,
    )
    theirs = json.loads(
        subprocess.run(
            [sys.executable, SHARED / "eval" / "score.py", gold[0], out, "--json"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    ours = _scores(gold[0], out, "--optional", "ignore")["documents"][0]
    for category, their_name in (
        ("entities", "entities"),
        ("facts", "facts"),
        ("quotations", "quotes"),
        ("meetings", "meetings"),
    ):
        mine = ours[category]
        expected = tuple(theirs[their_name][k] for k in ("tp", "fp", "fn"))
        assert (mine["tp"], mine["fp"], mine["fn"]) == expected
        assert mine["f1"] == pytest.approx(theirs[their_name]["f1"], abs=5e-4)


def test_json_mentions_are_scored_as_a2kb(output: Path, tmp_path: Path) -> None:
    def add_mentions(doc: dict) -> None:
        doc["mentions"] = [
            {"begin": 0, "end": 7, "entity": "Q183"},
            {"begin": 23, "end": 27, "entity": "Q7184"},
            {"begin": 29, "end": 36, "entity": "NIL"},
        ]  # Finland is Q33: a wrong NIL on purpose

    doc = _scores(_gold_variant(tmp_path, add_mentions), output)["documents"][0]
    strong = doc["a2kb_strong"]
    assert (strong["tp"], strong["fn"]) == (2, 1)
    assert {
        "begin": 29,
        "end": 36,
        "anchor": "Finland",
        "entity": ["http://www.wikidata.org/entity/Q33"],
    } in strong["extra"]
