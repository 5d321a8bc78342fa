"""kg wikidata fetch, kg compare, kg export quickstatements against a real Oxigraph SPARQL server
on 127.0.0.1 loaded with Wikidata-shaped statements (p:/ps:/pq:, ranks, wdno:, somevalue, an ended
membership, a deprecated statement, a single-holder office): one fact per verdict case."""

from __future__ import annotations

import http.server as http_server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from _store_support import REPO_ROOT, free_port, oxigraph_endpoint, run_kg

from kg.wikidata.compare import CONTRADICTED, Verdict
from kg.wikidata.facts import open_dataset, read_facts
from kg.wikidata.quickstatements import commands_for, parse_csv, parse_v1, time_precision, to_csv, to_v1

STATEMENTS = Path(__file__).parent / "fixtures" / "wikidata" / "statements.ttl"
KGO = "https://w3id.org/kg-news/ontology#"
WDT = "http://www.wikidata.org/prop/direct/"

# name: subject, property, object, positive, issued, (time role, date) | None, expected verdict
CASES: dict[str, tuple[str, str, str, bool, str, tuple[str, str] | None, str]] = {
    "plain-confirmed": ("Q34", "P463", "Q458", True, "2023-04-03", None, "confirmed"),
    "ended-membership": ("Q217", "P463", "Q458", True, "2023-04-03", None, "contradicted"),
    "negative-after-end": ("Q217", "P463", "Q458", False, "2023-04-03", None, "confirmed"),
    "year-precision": ("Q217", "P463", "Q458", True, "2023-04-03", ("P585", "2010-06-01"), "confirmed"),
    "deprecated": ("Q33", "P463", "Q1065", True, "2023-04-03", None, "contradicted"),
    "novalue": ("Q212", "P463", "Q7184", True, "2023-04-03", None, "contradicted"),
    "somevalue": ("Q57665", "P463", "Q7184", True, "2023-04-03", None, "no-evidence"),
    "single-holder": ("Q564328", "P39", "Q167662", True, "2023-04-03", None, "contradicted"),
    "holder-confirmed": ("Q57665", "P39", "Q167662", True, "2023-04-03", None, "confirmed"),
    "negative-open": ("Q33", "P463", "Q7184", False, "2023-04-10", None, "contradicted"),
    "negative-before-start": ("Q33", "P463", "Q7184", False, "2022-05-01", None, "confirmed"),
    "start-equal": ("Q33", "P463", "Q7184", True, "2023-04-10", ("P580", "2023-04-04"), "confirmed"),
    "start-differs": ("Q33", "P463", "Q7184", True, "2023-04-10", ("P580", "2023-05-04"), "contradicted"),
    "new": ("Q34", "P463", "Q7184", True, "2023-04-03", None, "new"),
    "negative-absent": ("Q34", "P463", "Q1065", False, "2023-04-03", None, "no-evidence"),
    "no-statements-at-all": ("Q183", "P463", "Q7184", True, "2023-04-03", None, "new"),
}


def facts_trig(cases: dict[str, tuple[str, str, str, bool, str, tuple[str, str] | None, str]]) -> str:
    out = [
        "@prefix kgo: <https://w3id.org/kg-news/ontology#> .",
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
        "@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .",
        "@prefix dcterms: <http://purl.org/dc/terms/> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix wd: <http://www.wikidata.org/entity/> .",
        "@prefix wdt: <http://www.wikidata.org/prop/direct/> .",
    ]
    for name, (s, p, o, positive, issued, time, _) in cases.items():
        doc = f"<https://example.org/id/doc-{name}>"
        sentence = f'Ein "Satz" über {s} und {o}.'
        dated = f' ; wdt:{time[0]} "{time[1]}"^^xsd:date' if time else ""
        out.append(
            f'{doc} {{ <{doc[1:-1]}#context> a nif:Context ; dcterms:language "de" ; '
            f'dcterms:title "Titel {name}"@de ; dcterms:source <https://news.example/{name}> ; '
            f'dcterms:issued "{issued}"^^xsd:date ; nif:isString {json.dumps(sentence)} .\n'
            f"  <{doc[1:-1]}#s> a nif:Sentence ; nif:anchorOf {json.dumps(sentence)} .\n"
            f'  <{doc[1:-1]}#run> prov:startedAtTime "2024-01-02T03:04:05Z"^^xsd:dateTime .\n'
            f"  <{doc[1:-1]}#fact> a kgo:Fact ; rdf:subject wd:{s} ; rdf:predicate wdt:{p} ;"
            f" rdf:object wd:{o} ;"
            f" kgo:polarity kgo:{'Positive' if positive else 'Negative'} ; kgo:modality kgo:Asserted ;"
            f" kgo:confidence 0.9 ; kgo:evidence <{doc[1:-1]}#s> ;"
            f" prov:wasDerivedFrom <{doc[1:-1]}#context> ;"
            f" prov:wasGeneratedBy <{doc[1:-1]}#run>{dated} . }}"
        )
    return "\n".join(out) + "\n"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_endpoint(tmp_path_factory.mktemp("wikidata"), STATEMENTS) as url:
        yield url


@pytest.fixture(scope="module")
def facts_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "facts.trig"
    path.write_text(facts_trig(CASES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def compared(endpoint: str, facts_file: Path) -> tuple[Path, dict[str, dict[str, str]]]:
    snapshot = facts_file.with_name("snapshot.nt")
    fetched = run_kg("wikidata", "fetch", facts_file, "-o", snapshot, "--endpoint", endpoint)
    assert fetched.returncode == 0, fetched.stderr
    out = facts_file.with_name("compared.trig")
    result = run_kg("compare", facts_file, "--snapshot", snapshot, "--format", "json", "-o", out)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["facts"]
    return out, {r["fact"].split("doc-")[1].split("#")[0]: r for r in rows}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_verdict_case(case: str, compared: tuple[Path, dict[str, dict[str, str]]]) -> None:
    _, rows = compared
    assert rows[case]["verdict"] == CASES[case][-1], rows[case]


def test_the_snapshot_has_a_prov_record_and_statements_by_iri(endpoint: str, facts_file: Path) -> None:
    snapshot = facts_file.with_name("snapshot.nt")
    text = snapshot.read_text(encoding="utf-8")
    assert f'<{KGO}endpoint> "{endpoint}"' in text
    assert f'<{KGO}queryHash> "sha256:' in text and "generatedAtTime" in text
    assert "<http://www.wikidata.org/entity/statement/Q217-eu>" in text
    assert "timePrecision" in text
    again = facts_file.with_name("compared-offline.trig")
    offline = run_kg("compare", facts_file, "--snapshot", snapshot, "-o", again)
    assert (
        offline.returncode == 0 and "confirmed: 6  new: 2  contradicted: 6  no-evidence: 2" in offline.stdout
    )


def test_verdicts_are_in_the_graph_with_the_snapshot_provenance(
    compared: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    out, _ = compared
    dataset, _ = open_dataset(out)
    ask = dataset.query(
        "PREFIX kgo: <https://w3id.org/kg-news/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
        "ASK { GRAPH ?g { <https://example.org/id/doc-deprecated#fact> kgo:wikidataVerdict kgo:Contradicted ;"
        " kgo:wikidataStatement <http://www.wikidata.org/entity/statement/Q33-un> ; kgo:comparedIn ?c ."
        " ?c prov:used ?s . ?s kgo:queryHash ?h ; prov:generatedAtTime ?t } }"
    )
    assert bool(ask)


def test_compare_fetches_directly_and_the_store_gets_its_graph(endpoint: str, facts_file: Path) -> None:
    store = facts_file.parent / "store"
    assert run_kg("load", facts_file, "--store", store).returncode == 0
    result = run_kg("compare", store, "--wikidata", endpoint)
    assert result.returncode == 0, result.stderr
    assert "contradicted: 6" in result.stdout
    query = run_kg(
        "query", REPO_ROOT / "queries" / "contradicted-by-wikidata.rq", "--store", store, "--format", "csv"
    )
    assert query.returncode == 0, query.stderr
    assert len(query.stdout.splitlines()) == 1 + 6
    new = run_kg("query", "facts-not-in-wikidata", "--store", store, "--format", "json")
    assert new.returncode == 0, new.stderr
    subjects = {b["subject"]["value"] for b in json.loads(new.stdout)["results"]["bindings"]}
    assert subjects == {"http://www.wikidata.org/entity/Q34", "http://www.wikidata.org/entity/Q183"}


def test_quickstatements_round_trip(compared: tuple[Path, dict[str, dict[str, str]]]) -> None:
    out, _ = compared
    qs = out.with_name("out.qs")
    result = run_kg("export", "quickstatements", out, "-o", qs, "--min-confidence", "0.5")
    assert result.returncode == 0, result.stderr
    text = qs.read_text(encoding="utf-8")
    parsed = parse_v1(text)
    facts = read_facts(open_dataset(out)[0])
    expected = commands_for(
        [Verdict(f, f.verdict or "", "") for f in facts], min_confidence=0.5, summary=parsed[0].summary
    ).commands
    assert parsed == list(expected)
    # new and confirmed positive facts only: never the negative or contradicted ones
    items = {(c.item, c.prop, c.value) for c in parsed}
    assert ("Q34", "P463", "Q7184") in items and ("Q34", "P463", "Q458") in items
    assert ("Q212", "P463", "Q7184") not in items and ("Q564328", "P39", "Q167662") not in items
    for command in parsed:
        assert [k for k, _ in command.references] == ["S854", "S813", "S577", "S1476", "S407", "S1683"]
        refs = dict(command.references)
        assert refs["S407"] == "Q188" and refs["S1476"].startswith('de:"Titel')
        assert time_precision(refs["S813"]) == 11 and time_precision(refs["S577"]) == 11
        assert '"' not in refs["S1683"][4:-1]  # the sentence's own quotes cannot end the value
        assert command.summary.startswith("kg ")
    dated = next(c for c in parsed if c.qualifiers)
    assert dated.qualifiers == (("P580", "+2023-04-04T00:00:00Z/11"),)
    assert all(line.count("\t") >= 14 for line in text.splitlines())
    assert to_v1(expected) == text
    assert parse_csv(to_csv(expected)) == list(expected)


def test_hedged_attributed_and_low_confidence_facts_are_left_out(
    compared: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    out, _ = compared
    facts = read_facts(open_dataset(out)[0])
    new = next(f for f in facts if f.verdict == "New")
    from dataclasses import replace

    for changed in (
        replace(new, asserted=False),
        replace(new, attributed=True),
        replace(new, confidence=0.1),
    ):
        assert commands_for([Verdict(changed, "New", "")], summary="s").commands == ()
    assert commands_for([Verdict(new, CONTRADICTED, "")], summary="s").commands == ()


def _one_line_error(result: object, code: int) -> None:
    assert result.returncode == code, result.stderr  # type: ignore[attr-defined]
    err = result.stderr.strip()  # type: ignore[attr-defined]
    errors = [line for line in err.splitlines() if not line.startswith("kg: WARNING:")]  # retries are logged
    assert len(errors) == 1 and errors[0].startswith("kg: error:") and "Traceback" not in err


def test_unreachable_endpoint(facts_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "snap.nt"
    result = run_kg(
        "wikidata", "fetch", facts_file, "-o", out, "--endpoint", f"http://127.0.0.1:{free_port()}/q"
    )
    _one_line_error(result, 3)
    assert "cannot reach SPARQL endpoint" in result.stderr and not out.exists()


def test_429_storm_honours_retry_after_then_gives_up(facts_file: Path, tmp_path: Path) -> None:
    hits: list[str] = []

    class TooMany(http_server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            hits.append(self.headers.get("User-Agent", ""))
            self.send_response(429)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http_server.ThreadingHTTPServer(("127.0.0.1", 0), TooMany)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out = tmp_path / "snap.nt"
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        result = run_kg("compare", facts_file, "--wikidata", url, "--retries", "2", "-o", tmp_path / "c.trig")
    finally:
        server.shutdown()
        server.server_close()
    _one_line_error(result, 3)
    assert "HTTP 429" in result.stderr and "after 3 attempts" in result.stderr
    assert len(hits) == 3 and all(agent.startswith("kg/") for agent in hits)
    assert not out.exists() and not (tmp_path / "c.trig").exists()


def test_malformed_snapshot(facts_file: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.nt"
    bad.write_text("<http://x> <http://y> oops .\n", encoding="utf-8")
    out = tmp_path / "c.trig"
    result = run_kg("compare", facts_file, "--snapshot", bad, "-o", out)
    _one_line_error(result, 2)
    assert str(bad) in result.stderr and not out.exists()


def test_example_article_with_the_bundled_snapshot(tmp_path: Path) -> None:
    graph = tmp_path / "ex.trig"
    extract = run_kg(
        "extract",
        REPO_ROOT / "examples" / "nato-ministers.de.txt",
        REPO_ROOT / "examples" / "nato-ministers.en.txt",
        "--published",
        "2023-04-03",
        "-o",
        graph,
    )
    assert extract.returncode == 0, extract.stderr
    result = run_kg("compare", graph)
    assert result.returncode == 0, result.stderr
    last = result.stdout.splitlines()[-1]
    assert (
        last.startswith("confirmed: ")
        and "new: " in last
        and "contradicted: " in last
        and "no-evidence: " in last
    )
    assert "new: 0" not in last and "confirmed: 0" not in last
