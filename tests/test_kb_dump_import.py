"""``kg kb import`` on Wikidata dump slices: JSON (one entity per line, gzip/bz2) and truthy
N-Triples, filtered by --types / --instance-of, provenance naming the dump date and filters.
Items are Wikidata-shaped with ids of the bundled KB (Q5 human, Q183 Germany, Q64 Berlin,
Q61053 Olaf Scholz, Q1726 Munich); the names of the made-up people are our own."""

from __future__ import annotations

import bz2
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.kb import load_knowledge_base
from kg.kb.files import user_kb_files


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def snak(prop: str, value: object, rank: str = "normal") -> dict[str, object]:
    datavalue = {"value": {"id": value} if isinstance(value, str) and value[:1] == "Q" else value}
    return {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue}, "rank": rank}


def entity(qid: str, label: str, claims: dict[str, list[object]], modified: str) -> dict[str, object]:
    return {
        "id": qid,
        "type": "item",
        "modified": modified,
        "labels": {"de": {"language": "de", "value": label}, "en": {"language": "en", "value": label}},
        "aliases": {"de": [{"language": "de", "value": label.split()[-1]}]},
        "claims": {p: [s for s in v] for p, v in claims.items()},
    }


ITEMS = [
    entity(
        "Q61053",
        "Olaf Scholz",
        {"P31": [snak("P31", "Q5")], "P39": [snak("P39", "Q4970706")]},
        "2024-03-01T10:00:00Z",
    ),
    entity(
        "Q64", "Berlin", {"P31": [snak("P31", "Q515")], "P17": [snak("P17", "Q183")]}, "2024-04-02T09:00:00Z"
    ),
    entity(
        "Q1726",
        "München",
        {"P17": [snak("P17", "Q183"), snak("P17", "Q30", rank="deprecated")]},
        "2024-01-05T00:00:00Z",
    ),
]


def write_json_dump(path: Path, opener: object) -> None:
    lines = ["[", *[json.dumps(e) + "," for e in ITEMS[:-1]], json.dumps(ITEMS[-1]), "]"]
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        out.write("\n".join(lines) + "\n")


@pytest.mark.parametrize("suffix,opener", [(".json.gz", gzip.open), (".json.bz2", bz2.open)])
def test_json_dump_slice_filtered_by_preset(
    tmp_path: Path, suffix: str, opener: object, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / f"slice{suffix}"
    write_json_dump(dump, opener)
    assert main(["kb", "import", str(dump), "--types", "humans-with-position", "--name", "people"]) == 0
    assert "3 entities read, 1 kept" in capsys.readouterr().err
    kb = load_knowledge_base()
    source = next(s for s in kb.sources if s.name == "people")
    assert "2024-03-01" in source.source and "humans-with-position" in source.source
    assert source.items == 1


def test_json_dump_truthy_claims_and_instance_of(tmp_path: Path) -> None:
    dump = tmp_path / "slice.json"
    write_json_dump(dump, open)
    assert main(["kb", "import", str(dump), "--types", "with-country", "--name", "places"]) == 0
    records = json.loads(gzip.decompress(user_kb_files()[0].read_bytes()))["items"]
    munich = next(r for r in records if r["id"] == "Q1726")
    assert munich["claims"]["P17"] == ["Q183"]  # the deprecated statement is not truthy
    assert {r["id"] for r in records} == {"Q64", "Q1726"}


def test_unknown_preset_and_broken_line_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "slice.json"
    write_json_dump(dump, open)
    assert main(["kb", "import", str(dump), "--types", "companies-of-mars"]) != 0
    broken = tmp_path / "broken.json"
    broken.write_text('[\n{"id": "Q64", \n]\n', encoding="utf-8")
    assert main(["kb", "import", str(broken)]) != 0
    err = capsys.readouterr().err
    assert "companies-of-mars" in err and "broken.json:2" in err and "Traceback" not in err


def test_truthy_ntriples_slice(tmp_path: Path) -> None:
    dump = tmp_path / "truthy.nt.gz"
    lines = [
        '<http://www.wikidata.org/entity/Q64> <http://www.w3.org/2000/01/rdf-schema#label> "Berlin"@de .',
        "<http://www.wikidata.org/entity/Q64> <http://www.wikidata.org/prop/direct/P17> "
        "<http://www.wikidata.org/entity/Q183> .",
        "<http://www.wikidata.org/entity/Q61053> <http://www.w3.org/2000/01/rdf-schema#label> "
        '"Olaf Scholz"@de .',
        "<http://www.wikidata.org/entity/Q61053> <http://www.wikidata.org/prop/direct/P31> "
        "<http://www.wikidata.org/entity/Q5> .",
    ]
    with gzip.open(dump, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    assert main(["kb", "import", str(dump), "--instance-of", "Q5", "--name", "nt"]) == 0
    records = json.loads(gzip.decompress(user_kb_files()[0].read_bytes()))["items"]
    assert [r["id"] for r in records] == ["Q61053"]


def test_every_output_names_the_dump_slice(tmp_path: Path) -> None:
    dump = tmp_path / "slice.json.gz"
    write_json_dump(dump, gzip.open)
    assert main(["kb", "import", str(dump), "--types", "with-country", "--name", "places"]) == 0
    article = tmp_path / "a.txt"
    article.write_text("Der Bürgermeister von Berlin besuchte am Montag München.", encoding="utf-8")
    out = tmp_path / "out.trig"
    # a fresh process: the run's KB is the one under this test's KG_HOME
    kg = Path(sys.executable).with_name("kg")
    done = subprocess.run([str(kg), "extract", str(article), "--lang", "de", "-o", str(out)], check=False)
    assert done.returncode == 0
    import pyoxigraph as ox

    store = ox.Store()
    store.load(out.read_bytes(), format=ox.RdfFormat.TRIG)
    rows = list(
        store.query("SELECT ?s WHERE { GRAPH ?g { ?run <https://w3id.org/kg-news/ontology#kbSource> ?s } }")
    )
    assert rows and "modified up to 2024-04-02" in rows[0]["s"].value and "with-country" in rows[0]["s"].value
