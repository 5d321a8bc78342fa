"""Lemmas from spaCy's lookup tables (spacy-lookups-data), without reading a whole table per process.

The blank pipelines lemmatise by table lookup. Reading the German table (355,000 entries of JSON)
was a fifth of ``kg extract``'s start-up (0.5 s of 2.7 s, measured), for the few thousand distinct
words a run meets. So the first process to need a table copies it into an SQLite file in the user
cache (``$KG_HOME/cache/``, named after the source file's path, size and modification time: a new
spacy-lookups-data gives a new file), and later processes look each distinct word up there once.

The file is written under a temporary name and renamed into place, so concurrent workers never see a
half-written one; where the cache cannot be written (a read-only home) the table is read whole, as
before. Either way the lemma of a word is the same: the table's entry, else the word itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import threading
from pathlib import Path

log = logging.getLogger(__name__)

CACHE_FORMAT = "1"  # part of the cache file's name: bump when the file's layout changes


class LemmaTable:
    """A word's lemma (``table[word]``), the word itself when the table has none. Every answer is
    kept in ``known``, which callers may read directly (it is the fast path)."""

    def __init__(self, lang: str, source: Path, cache_dir: Path | None) -> None:
        self.lang = lang
        self.source = source
        self.cache_dir = cache_dir
        self.known: dict[str, str] = {}
        self._table: dict[str, object] | None = None  # the whole table, when read whole
        self._db: sqlite3.Connection | None = None
        self._db_pid = 0  # a connection is not carried across fork: reopened in the child
        self._lock = threading.Lock()

    @classmethod
    def from_dict(cls, lang: str, table: dict[str, object]) -> LemmaTable:
        lemmas = cls(lang, Path(), None)
        lemmas._table = table
        return lemmas

    def __getitem__(self, word: str) -> str:
        lemma = self.known.get(word)
        if lemma is None:
            lemma = self.known[word] = self._look_up(word)
        return lemma

    def _look_up(self, word: str) -> str:
        with self._lock:
            if self._table is None and (self._db is None or self._db_pid != os.getpid()):
                self._open()
        if self._table is not None:
            lemma = self._table.get(word, word)
            return lemma if type(lemma) is str else word
        assert self._db is not None
        row = self._db.execute("SELECT lemma FROM lemmas WHERE word = ?", (word,)).fetchone()
        return str(row[0]) if row is not None else word

    def cache_file(self) -> Path | None:
        if self.cache_dir is None:
            return None
        try:
            stat = self.source.stat()
        except OSError:
            return None
        identity = f"{CACHE_FORMAT}\n{self.source.resolve()}\n{stat.st_size}\n{stat.st_mtime_ns}"
        digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
        return self.cache_dir / f"lemmas-{self.lang}-{digest}.sqlite"

    def _open(self) -> None:
        cache = self.cache_file()
        if cache is not None and cache.is_file():
            try:
                self._db = _connect(cache)
                self._db_pid = os.getpid()
                return
            except sqlite3.Error:  # unreadable or damaged: read the table instead (and rewrite it)
                log.debug("lemma cache %s unusable", cache, exc_info=True)
        self._table = _read_table(self.source)
        if cache is not None:
            _write_cache(cache, self._table)


def lemma_table(lang: str, cache_dir: Path | None) -> LemmaTable | None:
    """The lookup table spaCy's lookup lemmatizer would use for ``lang``; None when spacy-lookups-data
    has none (lemmas are then the words themselves). Nothing is read until the first lookup."""
    from spacy.util import registry

    try:
        source = registry.lookups.get(lang)["lemma_lookup"]
    except (KeyError, OSError, ImportError, ValueError, TypeError):  # no lookups package, or none for lang
        return None
    if not isinstance(source, str | os.PathLike):
        return None
    path = Path(source)
    if not path.is_file():  # spaCy's load_language_data reads the gzipped file then
        path = path.with_name(path.name + ".gz")
        if not path.is_file():
            return None
    return LemmaTable(lang, path, cache_dir)


def _read_table(source: Path) -> dict[str, object]:
    from spacy.util import load_language_data

    table = load_language_data(source.with_suffix("") if source.suffix == ".gz" else source)
    return table if isinstance(table, dict) else {}


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)
    db.execute("SELECT lemma FROM lemmas WHERE word = ''").fetchone()  # a damaged file fails here
    return db


def _write_cache(path: Path, table: dict[str, object]) -> None:
    """The table as an SQLite file at ``path``, atomically; quietly nothing when it cannot be written."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(tmp)) as db:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("CREATE TABLE lemmas (word TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID")
            db.executemany(
                "INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                ((w, v) for w, v in table.items() if isinstance(w, str) and type(v) is str),
            )
            db.commit()
        with tmp.open("rb") as written:  # on disk before it is renamed into place
            os.fsync(written.fileno())
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        log.debug("lemma cache %s not written", path, exc_info=True)
        with contextlib.suppress(OSError):
            tmp.unlink()
