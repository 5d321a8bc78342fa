"""Where `kg extract` writes: nothing when nothing succeeded, one-line errors naming the user's path,
canonical (sorted) N-Quads whatever the number of workers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _batch_support import EPOCH, kg_process, write_corpus

from kg.batch.sinks import _write_sorted

GOOD_TEXT = "Olaf Scholz traf am Montag in Berlin Emmanuel Macron.\n"
KEPT = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n"


def _kg(cwd: Path, *args: str) -> tuple[int, str, str]:
    process = kg_process(*args, "--no-progress", cwd=str(cwd))
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b"" for p in folder.rglob("*")}


def test_batch_outputs_all_inputs_failed_leaves_the_existing_output(tmp_path: Path):
    (tmp_path / "keep.ttl").write_text(KEPT, encoding="utf-8")
    before = _listing(tmp_path)
    code, out, err = _kg(tmp_path, "extract", "typo.txt", "-o", "keep.ttl")
    assert code == 1
    assert err.splitlines() == ["kg: skipped typo.txt: no such file or folder"]
    assert "nothing written" in out and "documents: 0 ok, 1 failed" in out
    assert _listing(tmp_path) == before  # the good file as it was, no temporary file left


@pytest.mark.parametrize("output", ["new/deeper/out.nq", "new/deeper/shards/"])
def test_batch_outputs_all_inputs_failed_creates_no_file_or_folder(tmp_path: Path, output: str):
    code, out, err = _kg(tmp_path, "extract", "typo.txt", "-o", output)
    assert code == 1
    assert "kg: error" not in err and "nothing written" in out
    assert list(tmp_path.iterdir()) == []


def test_batch_outputs_unknown_model_stops_before_anything_runs(tmp_path: Path):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (tmp_path / "keep.ttl").write_text(KEPT, encoding="utf-8")
    before = _listing(tmp_path)
    code, out, err = _kg(tmp_path, "extract", "a.txt", "-o", "keep.ttl", "--model", "nosuch",
                         "--failures", "failures.jsonl")
    assert code == 2
    assert err.splitlines() == [
        "kg: error: --model nosuch: no such spaCy pipeline is installed "
        "(a package, a pipeline folder or 'blank')"
    ]
    assert out == ""
    assert _listing(tmp_path) == before  # no failures file, the output untouched


@pytest.mark.parametrize(
    ("option", "path"),
    [
        ("-o", "a.txt/out.ttl"),
        ("-o", "a.txt/deeper/out.nq"),
        ("-o", "a.txt/shards"),
        ("--failures", "a.txt/failures.jsonl"),
    ],
)
def test_batch_outputs_path_under_a_file_is_a_config_error(tmp_path: Path, option: str, path: str):
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    args = ["extract", "a.txt", option, path]
    if option == "--failures":
        args += ["-o", "out.nq"]
    code, _, err = _kg(tmp_path, *args)
    assert code == 2
    assert err.splitlines() == [f"kg: error: cannot write {path}: a.txt is a file, not a folder"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # nothing written, not even -o


def _without_root_powers() -> list[str]:
    """A prefix running the command without root's permission override (as tests/test_cli_errors.py)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.parametrize("output", ["rodir/out.ttl", "rodir/out.nq", "rodir/new/out.nq"])
def test_batch_outputs_unwritable_folder_names_the_output(tmp_path: Path, output: str):
    prefix = _without_root_powers()
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    rodir = tmp_path / "rodir"
    rodir.mkdir()
    rodir.chmod(0o555)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-m", "kg.cli", "extract", "a.txt", "-o", output, "--no-progress"],
            cwd=tmp_path, capture_output=True, text=True, timeout=300,
            env=dict(os.environ, SOURCE_DATE_EPOCH=EPOCH),
        )
    finally:
        rodir.chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"kg: error: cannot write {output}: Permission denied"]
    assert list(rodir.iterdir()) == []


def test_batch_outputs_nquads_file_is_canonical_whatever_the_jobs(tmp_path: Path):
    """Two runs (fixed SOURCE_DATE_EPOCH), --jobs 1 and --jobs 2: byte-identical, sorted N-Quads, the same
    bytes kg writes for ``-o - --format nquads`` (kg.rdf.write_quads)."""
    corpus = write_corpus(tmp_path / "corpus.jsonl", 12)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"jobs-{jobs}.nq"
        code, _, err = _kg(tmp_path, "extract", str(corpus), "-o", str(out), "--jobs", jobs,
                           "--chunk-size", "4")
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    lines = outputs[0].splitlines(keepends=True)
    assert len(lines) > 1000
    assert lines == sorted(set(lines))
    code, stdout, err = _kg(tmp_path, "extract", str(corpus), "-o", "-", "--format", "nquads")
    assert code == 0, err
    assert stdout.encode("utf-8") == outputs[0]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_batch_outputs_external_sort_merges_runs(tmp_path: Path):
    """Sorted in runs on disk (here a few lines each) and merged: distinct lines in byte order."""
    lines = [f"<urn:x:{(i * 7919) % 101:03d}> <urn:p> \"ü{i % 13}\" <urn:g:{i % 3}> .\n" for i in range(300)]
    source = tmp_path / "in.nq"
    source.write_bytes("".join(lines).rstrip("\n").encode("utf-8"))  # the last line without its newline
    out = tmp_path / "out.nq"
    _write_sorted(source, out, chunk_bytes=200)
    expected = sorted({line.encode("utf-8") for line in lines})
    assert out.read_bytes() == b"".join(expected)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.nq", "out.nq"]


def test_batch_outputs_trailing_slash_means_a_folder_of_shards(tmp_path: Path):
    """``-o DIR/`` is a folder of shards even when its name has a dot (``shards.v2/``)."""
    (tmp_path / "a.txt").write_text(GOOD_TEXT, encoding="utf-8")
    code, out, err = _kg(tmp_path, "extract", "a.txt", "-o", "shards.v2/")
    assert code == 0, err
    assert "wrote shards.v2 (1 shards)" in out
    assert len(list((tmp_path / "shards.v2").glob("part-*.nq"))) == 1
