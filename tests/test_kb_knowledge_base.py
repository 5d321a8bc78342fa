"""The bundled knowledge base, its lexicon, name lookup, positions, import and info."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.kb import bundled_kb_version, load_knowledge_base
from kg.kb.files import BUNDLED_FILE, DATA_DIR, encode_kb
from kg.kb.lexicon import load_lexicon
from kg.kb.wikidata_rdf import records_from_file
from kg.model import EntityKind

FIXTURE = Path(__file__).parent / "fixtures" / "kb" / "wikidata-sample.ttl"


@pytest.fixture(autouse=True)
def kg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def test_bundled_kb_items_kinds_and_claims() -> None:
    kb = load_knowledge_base()
    assert len(kb) > 2000
    assert kb.version == bundled_kb_version()
    assert kb.version.startswith("kb-") and len(kb.version) == 15
    nato = kb.item("Q7184")
    assert nato is not None and nato.kind is EntityKind.ORGANISATION
    assert nato.label("de") == "NATO" and "Nato" in nato.aliases["de"]
    russia = kb.item("Q159")
    assert russia is not None and russia.kind is EntityKind.COUNTRY and "Q81299" in russia.member_of
    putin = kb.item("Q7747")
    assert putin is not None and putin.kind is EntityKind.PERSON and putin.positions == ("Q218295",)
    office = kb.item("Q167662")
    assert office is not None and office.kind is EntityKind.POSITION and office.jurisdiction == ("Q7184",)
    geneva = kb.item("Q71")
    assert geneva is not None and geneva.kind is EntityKind.PLACE and geneva.country == ("Q39",)
    # items without P31 get their kind from the lexicon
    kremlin = kb.item("Q133274")
    assert kremlin is not None and kremlin.kind is EntityKind.PLACE


def test_every_lexicon_qid_is_an_item_of_the_bundled_kb() -> None:
    kb = load_knowledge_base()
    lexicon = load_lexicon(DATA_DIR)
    targets = {e.target for e in lexicon.entries if not e.target.startswith("NIL:")}
    targets |= {q for e in lexicon.entries for q in e.context} | set(lexicon.kinds)
    missing = sorted(q for q in targets if q not in kb)
    assert missing == []


def test_lookup_ranks_candidates() -> None:
    kb = load_knowledge_base()
    brussels = kb.lookup("Brüssel", lang="de")
    assert [c.target for c in brussels] == ["Q239", "Q240"]  # the city before the region
    assert brussels[0].score > brussels[1].score
    assert [c.target for c in kb.lookup("russischen", lang="de")] == ["Q159"]
    assert [c.target for c in kb.lookup("U.S.", lang="en")] == ["Q30"]
    article5 = kb.lookup("Artikel 5", lang="de")
    assert article5[0].target == "NIL:TreatyClause:Article 5 of the North Atlantic Treaty"
    assert article5[0].kind is EntityKind.TREATY_CLAUSE
    assert kb.lookup("Malte") == []  # blocked: a common word
    assert [c.target for c in kb.lookup("Russlands", lang="de")] == ["Q159"]  # genitive
    assert [c.target for c in kb.lookup("NATO's", lang="en")] == ["Q7184"]  # possessive
    assert kb.lookup("Russlands")[0].score < kb.lookup("Russland")[0].score


@pytest.mark.parametrize(
    ("title", "jurisdiction", "expected"),
    [
        ("Secretary General", "Q7184", "Q167662"),
        ("Generalsekretär", "Q7184", "Q167662"),
        (["Präsident"], "Q142", "Q191954"),
        ("Präsidentin", "Q8880", "Q8882"),
        ("Außenminister", "Q159", "Q1418873"),
        ("stellvertretende Außenministerin", "Q30", "Q2301213"),  # office without P1001: "US" in its label
        ("Deputy Secretary of State", None, "Q2301213"),
    ],
)
def test_find_position(title: str | list[str], jurisdiction: str | None, expected: str) -> None:
    item = load_knowledge_base().find_position(title, jurisdiction)
    assert item is not None and item.qid == expected


def test_find_position_rejects_what_does_not_fit() -> None:
    kb = load_knowledge_base()
    assert kb.find_position("Bürgermeister", "Q7184") is None
    # a deputy title does not match the office itself, nor the other way round
    deputy = kb.find_position("stellvertretender Generalsekretär", "Q7184")
    assert deputy is None or deputy.qid != "Q167662"
    assert kb.find_position("Secretary of State", "Q30") is not None
    assert kb.find_position("Secretary of State", "Q30").qid != "Q2301213"  # type: ignore[union-attr]


def test_given_names_and_titles() -> None:
    kb = load_knowledge_base()
    assert kb.is_given_name("Wendy") and kb.is_given_name("Sergej")
    assert kb.is_given_name("Emmanuel")  # first names of KB persons count too
    assert not kb.is_given_name("Russland")
    assert kb.lexicon.title_of("Außenministerin") is not None
    assert kb.lexicon.title_of("Verteidigungsministers") is not None
    assert kb.lexicon.title_of("Ukraine") is None


def test_build_is_reproducible() -> None:
    records = records_from_file(FIXTURE)
    assert encode_kb("x", "y", records) == encode_kb("x", "y", dict(reversed(list(records.items()))))
    document = json.loads(gzip.decompress(BUNDLED_FILE.read_bytes()))
    assert document["format"] == "kg-kb/1" and len(document["items"]) == len(load_knowledge_base())


def test_import_extends_the_bundled_kb(kg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = load_knowledge_base()
    assert before.lookup("Nordatlantikpakt-Organisation") == []
    assert main(["kb", "import", str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert "imported 8 items" in out
    assert len(list((kg_home / "kb").glob("*.json.gz"))) == 1
    after = load_knowledge_base()
    assert after.version != before.version
    assert [c.target for c in after.lookup("Nordatlantikpakt-Organisation")] == ["Q7184"]
    nato = after.item("Q7184")
    assert nato is not None and "Nato" in nato.aliases["de"]  # bundled names stay
    assert nato.values("P159") == ("Q239",)
    assert len(after) == len(before)  # the same items, more names

    assert main(["kb", "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["version"] == after.version
    assert [s["items"] for s in info["sources"]] == [len(before), 8]
    assert info["by_type"]["Country"] > 200


def test_extra_files_extend_one_load_only(tmp_path: Path) -> None:
    kb = load_knowledge_base(extra_files=[FIXTURE])
    assert [c.target for c in kb.lookup("Republik Schweden")] == ["Q34"]
    assert load_knowledge_base().lookup("Republik Schweden") == []


def test_import_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("wd:Q1 rdfs:label .\n", encoding="utf-8")
    assert main(["kb", "import", str(bad)]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {bad}: not readable as") and len(err.strip().splitlines()) == 1
    csv = tmp_path / "items.csv"
    csv.write_text("Q1,x\n", encoding="utf-8")
    assert main(["kb", "import", str(csv)]) == 3
    assert "cannot tell the RDF format" in capsys.readouterr().err
    empty = tmp_path / "empty.ttl"
    empty.write_text("<http://example.org/a> <http://example.org/b> 1 .\n", encoding="utf-8")
    assert main(["kb", "import", str(empty)]) == 3
    assert "no Wikidata items" in capsys.readouterr().err


def test_lookup_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "lookup", "Georgien", "--lang", "de"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[:4] == ["Q230", first[1], "Country", "Georgien"] and 0.5 < float(first[1]) <= 1.0
    assert main(["kb", "lookup", "Xyzzyland"]) == 1
    assert "no candidates" in capsys.readouterr().out


def test_version_command_prints_the_bundled_kb_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert bundled_kb_version() in capsys.readouterr().out


def test_a_broken_user_kb_file_is_one_clear_error(kg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kg_home / "kb").mkdir(parents=True)
    broken = kg_home / "kb" / "broken.json.gz"
    broken.write_bytes(b"not gzip at all")
    assert main(["kb", "info"]) == 3
    err = capsys.readouterr().err
    assert err.startswith(f"kg: error: {broken}:") and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("claims", "descriptions", "kind"),
    [
        ({"P31": ["Q5119", "Q515"]}, {}, EntityKind.PLACE),  # a capital is a place, not a country
        ({"P31": ["Q6256", "Q3624078"]}, {}, EntityKind.COUNTRY),
        ({"P39": ["Q167662"]}, {}, EntityKind.PERSON),  # holds an office
        ({"P1001": ["Q7184"]}, {}, EntityKind.POSITION),  # has a jurisdiction
        ({}, {"de": "politische Partei in Deutschland"}, EntityKind.ORGANISATION),
        ({}, {"en": "armed conflict between two states"}, EntityKind.EVENT),
        (
            {"P17": ["Q30"], "P1082": ["1000"]},
            {"en": "state of the United States of America"},
            EntityKind.PLACE,
        ),
        ({}, {}, EntityKind.OTHER),
    ],
)
def test_kind_of_items_pulled_without_a_known_class(
    claims: dict[str, list[str]], descriptions: dict[str, str], kind: EntityKind
) -> None:
    from kg.kb.items import kind_of

    assert kind_of(claims, descriptions) is kind


def test_remove_a_user_kb_file(kg_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundled = load_knowledge_base().version
    assert main(["kb", "import", str(FIXTURE), "--name", "sample"]) == 0
    assert load_knowledge_base().version != bundled
    capsys.readouterr()
    assert main(["kb", "remove", "nonesuch"]) == 3
    assert "no user knowledge-base file 'nonesuch' (user files: sample)" in capsys.readouterr().err
    assert main(["kb", "remove", "sample"]) == 0
    assert load_knowledge_base().version == bundled
    assert list((kg_home / "kb").glob("*.json.gz")) == []


def test_import_json_ld(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "Q34.jsonld"
    doc.write_text(
        '{"@id": "http://www.wikidata.org/entity/Q34",'
        ' "http://www.w3.org/2004/02/skos/core#altLabel": {"@value": "Konungariket", "@language": "de"}}',
        encoding="utf-8",
    )
    assert main(["kb", "import", str(doc)]) == 0
    assert [c.target for c in load_knowledge_base().lookup("Konungariket")] == ["Q34"]
