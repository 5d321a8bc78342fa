"""Where knowledge-base files live and their compact on-disk form (gzipped JSON).

A KB file: ``{"format": "kg-kb/1", "name": …, "source": …, "items": [record, …]}`` with the
records of ``kg.kb.items`` sorted by QID number; written byte-for-byte reproducibly (gzip mtime 0).
The bundled file ships in ``kg/data/``; ``kg kb import`` and ``kg kb pull`` write user files into
``$KG_HOME/kb/`` (default ``~/.local/share/kg/kb``), which extend the bundled one.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KnowledgeBaseError

FORMAT = "kg-kb/1"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
BUNDLED_FILE = DATA_DIR / "kb-wikidata-geo.json.gz"
LEXICON_FILES = ("variants.tsv", "given_names.txt", "titles.tsv")


def kg_home() -> Path:
    value = os.environ.get("KG_HOME")
    return Path(value).expanduser() if value else Path.home() / ".local" / "share" / "kg"


def user_kb_dir() -> Path:
    return kg_home() / "kb"


def user_kb_files() -> list[Path]:
    directory = user_kb_dir()
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.endswith(".json.gz"))


@dataclass(frozen=True)
class KbFile:
    """One loaded KB file: its records and where they came from."""

    path: Path
    name: str
    source: str
    records: tuple[dict[str, Any], ...]
    digest: str  # sha256 of the file bytes


def qid_number(qid: str) -> int:
    return int(qid[1:]) if qid[1:].isdigit() else 0


def encode_kb(name: str, source: str, records: dict[str, dict[str, Any]]) -> bytes:
    """The file bytes; the same records always give the same bytes."""
    document = {
        "format": FORMAT,
        "name": name,
        "source": source,
        "items": [_sorted_record(records[q]) for q in sorted(records, key=qid_number)],
    }
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()


def _sorted_record(record: dict[str, Any]) -> dict[str, Any]:
    out = dict(record)
    for key in ("aliases", "claims"):
        if key in out:
            out[key] = {k: list(v) for k, v in sorted(out[key].items())}
    return out


def write_kb(path: Path, name: str, source: str, records: dict[str, dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(encode_kb(name, source, records))
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise KnowledgeBaseError(
            f"{path}: cannot write the knowledge base file: {exc.strerror or exc}"
        ) from exc


def read_kb(path: Path) -> KbFile:
    try:
        raw = path.read_bytes()
        document = json.loads(gzip.decompress(raw).decode("utf-8"))
    except OSError as exc:
        raise KnowledgeBaseError(
            f"{path}: cannot read the knowledge base file: {exc.strerror or exc}"
        ) from exc
    except (ValueError, EOFError) as exc:  # gzip.BadGzipFile is an OSError subclass, caught above
        raise KnowledgeBaseError(f"{path}: not a kg knowledge base file ({exc})") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise KnowledgeBaseError(f"{path}: not a kg knowledge base file (format is not {FORMAT})")
    records = tuple(r for r in document.get("items", []) if isinstance(r, dict) and "id" in r)
    return KbFile(
        path,
        str(document.get("name", path.stem)),
        str(document.get("source", "")),
        records,
        hashlib.sha256(raw).hexdigest(),
    )


def file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def lexicon_paths() -> list[Path]:
    return [DATA_DIR / name for name in LEXICON_FILES]
