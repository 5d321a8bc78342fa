"""The progress bar: documents/s and ETA on a terminal, nothing when stderr is not a terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
from _batch_support import write_corpus


def test_batch_progress_quiet_when_not_a_terminal(tmp_path: Path):
    corpus = write_corpus(tmp_path / "c.jsonl", 4)
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(corpus), "--store", str(tmp_path / "s")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "documents: 4 ok" in done.stdout


@pytest.mark.parametrize("columns", [120, 0], ids=["sized", "unsized"])
def test_batch_progress_bar_on_a_terminal(tmp_path: Path, columns: int):
    corpus = write_corpus(tmp_path / "c.jsonl", 6)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40 if columns else 0, columns, 0, 0))
    done = subprocess.run(
        [sys.executable, "-m", "kg.cli", "extract", str(corpus), "--store", str(tmp_path / "s")],
        stdout=subprocess.PIPE, stderr=follower, text=True, check=False,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: all read
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    bar = b"".join(chunks).decode(errors="replace")
    assert done.returncode == 0
    assert "6/6" in bar and "doc/s" in bar


def test_batch_progress_total_counts_what_ingest_reads(tmp_path: Path):
    from kg.batch.progress import estimate_documents
    from kg.ingest import read_documents

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    (folder / "a.txt").write_text("Olaf Scholz traf am Montag in Berlin Emmanuel Macron.\n", "utf-8")
    (folder / "sub" / "b.md").write_text("# Talks\n\nFinland is a member of NATO since 2023.\n", "utf-8")
    (folder / ".hidden" / "c.txt").write_text("Not read: hidden folders are skipped by ingest.\n", "utf-8")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n")
    lines = [
        '{"id": "j1", "lang": "en", "text": "Sweden joined NATO in March 2024 after a long wait."}',
        "",
        '{"id": "j2", "lang": "de", "text": "Polen ist Mitglied der NATO und der Europäischen Union."}',
    ]
    (folder / "sub" / "more.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    read = list(read_documents([str(folder)], lang="auto", published=None, source_url=None))
    assert estimate_documents([str(folder)]) == len(read) == 4
    assert estimate_documents([str(folder), "-"]) is None
