"""``kg validate FILE`` through the real CLI: exit 0 / 1 / 2 and what it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from golden.compare import GOLDEN_DIR

REPO = Path(__file__).resolve().parent.parent


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def test_rdf_validate_cli_conforming_file_exits_0() -> None:
    out = kg("validate", str(GOLDEN_DIR / "german_meeting.trig"))
    assert out.returncode == 0, out.stderr
    assert "conforms" in out.stdout


def test_rdf_validate_cli_lists_violations_and_exits_1(tmp_path: Path) -> None:
    text = (GOLDEN_DIR / "german_meeting.trig").read_text(encoding="utf-8")
    broken = text.replace('nif:anchorOf "Wien"', 'nif:anchorOf "Wein"', 1).replace(
        "kgo:polarity kgo:Negative", "kgo:polarity kgo:Negative, kgo:Positive", 1
    )
    assert broken != text
    path = tmp_path / "broken.trig"
    path.write_text(broken, encoding="utf-8")
    out = kg("validate", str(path))
    assert out.returncode == 1, out.stderr
    # the wrong anchor; two polarities; and, being now also positive and asserted, no plain triple
    assert "3 violation(s)" in out.stdout
    lines = [line for line in out.stdout.splitlines() if line.strip().startswith("- ")]
    assert len(lines) == 3
    assert any("kgs:PlainTripleWritten" in line for line in lines)
    anchor = next(line for line in lines if "kgs:AnchorMatchesContext" in line)
    assert "#char=36,40>" in anchor and "Wein" in anchor  # the focus node and the bad value
    polarity = next(line for line in lines if "kgs:FactPolarity" in line)
    assert "path kgo:polarity" in polarity and "#fact-" in polarity
    assert "Traceback" not in out.stderr
    limited = kg("validate", "--limit", "1", "--engine", "pyshacl", str(path))
    assert limited.returncode == 1
    assert len([line for line in limited.stdout.splitlines() if line.strip().startswith("- ")]) == 1
    assert "and 2 more" in limited.stdout


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad.ttl", '@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b "open\n', 3),
        ("bad.nq", "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n<a> <b> .\n", 2),
        ("bad.jsonld", '{"@id": "http://example.org/a",\n "http://example.org/b": [1,}', 2),
        ("bad.trig", "<http://example.org/g> {\n  <http://example.org/a> <http://example.org/b> .\n}\n", 2),
    ],
)
def test_rdf_validate_cli_malformed_file_exits_2_with_one_line(
    tmp_path: Path, name: str, content: str, line: int
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    out = kg("validate", str(path))
    assert out.returncode == 2
    assert out.stdout == ""
    message = out.stderr.strip().splitlines()
    assert len(message) == 1, out.stderr
    assert f"{path}:{line}:" in message[0]
    assert "Traceback" not in out.stderr


def test_rdf_validate_cli_missing_file_exits_2(tmp_path: Path) -> None:
    out = kg("validate", str(tmp_path / "nothing.ttl"))
    assert out.returncode == 2
    assert "nothing.ttl" in out.stderr and len(out.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("ext", [".trig", ".nq", ".ttl", ".nt", ".jsonld"])
def test_rdf_validate_reads_every_export_format(ext: str, tmp_path: Path) -> None:
    from golden.cases import CASES, RUN

    from kg.rdf import DEFAULT_BASE_IRI, document_quads, validate_file, write_quads

    quads = [q for build in CASES.values() for q in document_quads(build(), RUN, base_iri=DEFAULT_BASE_IRI)]
    report = validate_file(write_quads(quads, tmp_path / f"both{ext}"))
    assert report.conforms, report.describe()
    assert report.graphs == (2 if ext in (".trig", ".nq", ".jsonld") else 1)


def test_rdf_validate_finds_the_ontology_from_kg_ontology_dir(tmp_path: Path, monkeypatch) -> None:
    from kg.rdf.ontology import ontology_dir, ontology_dirs

    for name in ("kg.ttl", "shapes.ttl"):
        (tmp_path / name).write_bytes((REPO / "ontology" / name).read_bytes())
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path))
    assert ontology_dir() == tmp_path
    monkeypatch.setenv("KG_ONTOLOGY_DIR", str(tmp_path / "empty"))  # not there: the next place is used
    assert ontology_dir() != tmp_path / "empty"
    assert (ontology_dir() / "shapes.ttl").read_bytes() == (REPO / "ontology" / "shapes.ttl").read_bytes()
    assert ontology_dirs()[-1] == Path(sys.prefix) / "share" / "kg" / "ontology"
