"""Prepared start-up objects (the loaded knowledge base, the linker's name trie) kept as pickles in
``$KG_HOME/cache/``, so that a process starts without building them again (0.2 s of every start-up).

A cache file is named after everything the object is built from: the source files' resolved paths,
sizes and modification times, and the code that builds it (the source of ``kg/kb/``, ``kg/link/``
and ``kg/model.py``, so an upgrade or an edit builds afresh). It is written under a temporary name
and renamed into place, so concurrent workers never read a half-written one; a file that does not
load is ignored and rewritten; where the folder cannot be written the object is simply built.

Every upgrade, edit or new KB file names a new entry, so the folder is pruned as it is written: of
each kind, the ``KEEP`` entries used most recently stay (a hit marks its entry used), older ones go.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import logging
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from kg.kb.files import kg_home

log = logging.getLogger(__name__)

T = TypeVar("T")
FORMAT = "1"  # part of every cache file's name
KEEP = 6  # entries of one kind kept: a few KB file sets or installs may share one $KG_HOME
_DIGEST_LENGTH = 24
_PACKAGE = Path(__file__).resolve().parent.parent  # kg/


def cache_dir() -> Path:
    return kg_home() / "cache"


@functools.cache
def code_digest() -> str:
    """A hash of the code that builds the cached objects (read once per process)."""
    digest = hashlib.sha256(FORMAT.encode())
    files = [_PACKAGE / "model.py", *sorted((_PACKAGE / "kb").glob("*.py"))]
    files += sorted((_PACKAGE / "link").glob("*.py"))
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def cached(kind: str, identity: Sequence[object], expected: type[T], build: Callable[[], T]) -> T:
    """The object ``build()`` gives for ``identity``, from the cache when it holds one."""
    path = _path(kind, identity)
    if path is not None and path.is_file():
        loaded = _read(path)
        if isinstance(loaded, expected):
            with contextlib.suppress(OSError):
                os.utime(path)  # used now: pruning keeps the entries used most recently
            return loaded
    built = build()
    if path is not None and _write(path, built):
        prune(kind, keep=KEEP)
    return built


def prune(kind: str, *, keep: int) -> list[Path]:
    """Delete all but the ``keep`` most recently used entries of ``kind``; the deleted ones."""
    try:
        entries = [p for p in cache_dir().glob(f"{kind}-*.pickle") if _is_entry(p.name, kind)]
        entries.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return []
    removed = []
    for path in entries[keep:]:
        # A process that still reads one has it open (POSIX keeps the data), and one that finds it
        # gone builds the object: a cache entry is never needed.
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    if removed:
        log.debug("cache: %d old %s entries removed", len(removed), kind)
    return removed


def _is_entry(name: str, kind: str) -> bool:
    digest = name[len(kind) + 1 : -len(".pickle")]
    return len(digest) == _DIGEST_LENGTH and all(c in "0123456789abcdef" for c in digest)


def _path(kind: str, identity: Sequence[object]) -> Path | None:
    try:
        key = repr((FORMAT, code_digest(), tuple(identity)))
    except Exception:  # an identity that cannot be put into words: do not cache
        return None
    return cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:_DIGEST_LENGTH]}.pickle"


def _read(path: Path) -> object:
    enabled = gc.isenabled()
    gc.disable()  # unpickling builds many small objects: the collector would walk them repeatedly
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except Exception:  # damaged, truncated, or from other code: built again and rewritten
        log.debug("cache %s unusable", path, exc_info=True)
        return None
    finally:
        if enabled:
            gc.enable()


def _write(path: Path, value: object) -> bool:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        # no fsync: the rename is what keeps readers from a half-written file, and a file a crash
        # left damaged does not load and is built again
        os.replace(tmp, path)
        return True
    except Exception:  # not writable, or an object that does not pickle: it is only a cache
        log.debug("cache %s not written", path, exc_info=True)
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False
