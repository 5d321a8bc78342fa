"""The start-up cache of prepared objects (kg.kb.cache): the KB and name trie from it are those built
afresh, a changed source gives a new entry, and a damaged or unwritable cache is never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.kb import knowledge_base as kb_module
from kg.kb import load_knowledge_base
from kg.kb.cache import cache_dir, cached
from kg.link import linker


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_HOME", str(tmp_path / "home"))
    kb_module._load.cache_clear()  # the per-process cache would answer without the file cache
    yield tmp_path / "home"
    kb_module._load.cache_clear()


def _names(kb: kb_module.KnowledgeBase) -> list[tuple[str, kb_module.NameEntry]]:
    return sorted(kb.name_entries(), key=lambda pair: (pair[0], pair[1].target, pair[1].form, pair[1].source))


def test_kb_cache_gives_the_kb_and_trie_built_afresh(home: Path) -> None:
    built = load_knowledge_base()  # builds and writes the cache
    trie = linker.lexicon_trie(built)  # the same
    files = sorted(p.name.split("-")[0] for p in cache_dir().iterdir())
    assert files == ["kb", "name"]  # kb-….pickle, name-trie-….pickle
    kb_module._load.cache_clear()
    loaded = load_knowledge_base()  # read from the cache
    assert loaded is not built
    assert loaded.version == built.version and len(loaded) == len(built)
    assert _names(loaded) == _names(built)
    assert [c.target for c in loaded.lookup("Nato", lang="de")] == [
        c.target for c in built.lookup("Nato", lang="de")
    ]
    cached_trie = linker.lexicon_trie(loaded)
    assert cached_trie is not trie and cached_trie.size == trie.size


def test_kb_cache_entry_follows_the_source_files(home: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.ttl"
    extra.write_text('<http://www.wikidata.org/entity/Q7184> <http://www.w3.org/2000/01/rdf-schema#label> '
                     '"Glimmerbund"@de .\n', encoding="utf-8")
    first = load_knowledge_base(extra_files=(extra,))
    assert [c.target for c in first.lookup("Glimmerbund")] == ["Q7184"]
    extra.write_text('<http://www.wikidata.org/entity/Q7184> <http://www.w3.org/2000/01/rdf-schema#label> '
                     '"Quarzallianzgruppe"@de .\n', encoding="utf-8")
    kb_module._load.cache_clear()
    second = load_knowledge_base(extra_files=(extra,))
    assert [c.target for c in second.lookup("Quarzallianzgruppe")] == ["Q7184"]
    assert not second.lookup("Glimmerbund")


def test_kb_cache_damaged_or_unwritable_is_built_instead(home: Path, tmp_path: Path, monkeypatch) -> None:
    calls: list[int] = []

    def build() -> list[int]:
        calls.append(1)
        return [1, 2, 3]

    assert cached("probe", ("a",), list, build) == [1, 2, 3]
    assert cached("probe", ("a",), list, build) == [1, 2, 3]
    assert len(calls) == 1  # the second came from the file
    (entry,) = cache_dir().glob("probe-*.pickle")
    entry.write_bytes(b"\x80\x05 truncated")
    assert cached("probe", ("a",), list, build) == [1, 2, 3] and len(calls) == 2
    assert cached("probe", ("a",), list, build) == [1, 2, 3] and len(calls) == 2  # rewritten whole
    assert cached("probe", ("a",), dict, lambda: {"other": "type"}) == {"other": "type"}  # wrong type: built

    blocked = tmp_path / "a-file"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("KG_HOME", str(blocked))  # $KG_HOME/cache cannot be made
    assert cached("probe", ("b",), list, build) == [1, 2, 3] and len(calls) == 3



def test_kb_cache_keeps_only_the_entries_used_most_recently(home: Path, monkeypatch) -> None:
    import os

    from kg.kb import cache

    monkeypatch.setattr(cache, "KEEP", 3)
    built: list[str] = []

    def version(name: str) -> list[str]:
        return cached("probe", (name,), list, lambda: built.append(name) or [name])

    def entry(name: str) -> Path:
        path = cache._path("probe", (name,))
        assert path is not None
        return path

    for name in ("v0", "v1", "v2"):
        version(name)
    for age, name in enumerate(("v0", "v1", "v2")):  # written long ago, v0 first
        os.utime(entry(name), (1_000_000 + age, 1_000_000 + age))
    not_an_entry = cache_dir() / "probe-notadigest.pickle"
    other_kind = cache_dir() / "other-0123456789abcdef01234567.pickle"
    for path in (not_an_entry, other_kind):
        path.write_bytes(b"x")
    assert version("v0") == ["v0"] and built == ["v0", "v1", "v2"]  # a hit: v0 is used now
    version("v3")  # a new entry: the least recently used one (v1) goes
    assert [entry(n).exists() for n in ("v0", "v1", "v2", "v3")] == [True, False, True, True]
    assert not_an_entry.exists() and other_kind.exists()
    assert version("v1") == ["v1"] and built[-1] == "v1"  # built again, and v2 (oldest now) goes
    assert not entry("v2").exists()
