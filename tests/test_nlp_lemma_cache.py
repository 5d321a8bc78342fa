"""The lookup-lemma tables through their SQLite cache: the same lemma as the whole table gives, the cache
written once (atomically) and used by later processes, and the whole table read where it cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.nlp.lemmas import LemmaTable, lemma_table

# Inflected forms, words the table lacks (the word itself is the lemma) and odd ones
WORDS = ["trafen", "Länder", "Ministerinnen", "Häusern", "reisten", "Quarzallianzgruppe", "Oslo", "", "-",
         "1990"]


def _table(cache: Path | None) -> LemmaTable:
    table = lemma_table("de", cache)
    if table is None:
        pytest.skip("spacy-lookups-data has no German lemma table here")
    return table


def test_lemma_cache_gives_the_lemmas_of_the_whole_table(tmp_path: Path) -> None:
    whole = _table(None)  # no cache: the table is read whole
    expected = [whole[w] for w in WORDS]
    assert expected[:4] == ["treffen", "Land", "Ministerin", "Haus"]
    assert expected[5] == "Quarzallianzgruppe"

    first = _table(tmp_path / "cache")  # writes the cache, answers from the table it read
    assert [first[w] for w in WORDS] == expected
    cache_file = first.cache_file()
    assert cache_file is not None and cache_file.is_file()
    assert not [p for p in cache_file.parent.iterdir() if p.name.endswith(".tmp")]

    again = _table(tmp_path / "cache")  # reads the cache file, word by word
    assert [again[w] for w in WORDS] == expected
    assert again._table is None and again._db is not None


def test_lemma_cache_is_rebuilt_when_damaged_and_skipped_when_unwritable(tmp_path: Path) -> None:
    expected = [_table(None)[w] for w in WORDS]
    damaged = _table(tmp_path / "cache")
    cache_file = damaged.cache_file()
    assert cache_file is not None
    cache_file.parent.mkdir(parents=True)
    cache_file.write_bytes(b"not a database")
    assert [damaged[w] for w in WORDS] == expected
    assert [_table(tmp_path / "cache")[w] for w in WORDS] == expected  # rewritten: readable again

    blocked = tmp_path / "file-not-dir"
    blocked.write_text("x", encoding="utf-8")  # the cache "directory" cannot be made
    unwritable = _table(blocked / "cache")
    assert [unwritable[w] for w in WORDS] == expected


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_lemma_cache_is_shared_by_processes(tmp_path: Path) -> None:
    """A second process finds the cache the first wrote (the extraction's workers and later runs)."""
    code = (
        "import sys; from pathlib import Path; from kg.nlp.lemmas import lemma_table\n"
        "t = lemma_table('de', Path(sys.argv[1]))\n"
        "print(t['trafen'], t._table is None)\n"
    )
    if lemma_table("de", None) is None:
        pytest.skip("spacy-lookups-data has no German lemma table here")
    runs = [
        subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True,
                       check=True)
        for _ in range(2)
    ]
    assert [r.stdout.split() for r in runs] == [["treffen", "False"], ["treffen", "True"]]
