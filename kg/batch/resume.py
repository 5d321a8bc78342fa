"""Resumable, incremental runs: which documents are already done, with the same text and settings.

Every document graph carries ``<context> kgo:contentHash "sha256 of the text"`` (the RDF mapping) and
``<context> kgo:extractionKey "…"`` (added by the worker), ``<context>`` being its ``nif:Context``.
The extraction key hashes the text, the document's metadata and everything else that shapes the
graph: kg's version, the knowledge base, the spaCy pipeline, the extractors and the base IRI. A
document whose graph already holds its current key is skipped; a changed one is extracted again and
its graph replaced. Because the key is written in the same transaction (store) or the same renamed
file (shards) as the data, an interrupted run can never leave a key without its graph or a graph with
a wrong key.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from kg.batch.worker import EXTRACTION_KEY, INDEX_SUFFIX, SHARD_SUFFIX
from kg.errors import ConfigError
from kg.model import Document

if TYPE_CHECKING:
    from kg.store import Store

log = logging.getLogger(__name__)


def settings_fingerprint(*, base_iri: str, model: str | None, kb_files: Sequence[Path]) -> str:
    """A hash of everything besides the document that decides its graph (cheap: loads no model)."""
    import kg

    parts: dict[str, object] = {
        "kg": kg.__version__,
        "kb": _bundled_kb_version(),
        "kb_files": [_file_digest(p) for p in kb_files],
        "model": model or "auto",
        "pipelines": _installed_pipelines(model),
        "spacy": _version("spacy"),
        "base_iri": base_iri,
        "extractors": _extractor_ids(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def document_key(document: Document, fingerprint: str) -> str:
    fields = [
        fingerprint,
        document.doc_id,
        document.content_hash,
        document.lang,
        document.title or "",
        document.published.isoformat() if document.published else "",
        document.source_url or "",
    ]
    return hashlib.sha256("\x1f".join(fields).encode()).hexdigest()


def _bundled_kb_version() -> str:
    try:
        from kg.kb import bundled_kb_version

        return str(bundled_kb_version())
    except ImportError:  # the KB module without a version: the extractors' versions still count
        return ""


def _file_digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read knowledge-base file: {exc.strerror or exc}") from exc


def _installed_pipelines(model: str | None) -> dict[str, str]:
    from kg.nlp.pipeline import SUPPORTED_LANGS, installed_pipeline

    found: dict[str, str] = {}
    for lang in SUPPORTED_LANGS:
        name = model if model not in (None, "auto") else installed_pipeline(lang)
        if name and name != "blank":
            found[lang] = f"{name}=={_version(name)}"
    return found


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return ""


def _extractor_ids() -> list[str]:
    ids: list[str] = []
    try:
        from kg.link import LINKERS

        ids += [e.id for e in LINKERS]
    except ImportError:
        pass
    try:
        from kg.facts import EXTRACTORS

        ids += [e.id for e in EXTRACTORS]
    except ImportError:
        pass
    return sorted(ids)


# ---- the store ---------------------------------------------------------------------------------


def stored_keys(store: Store, graph_iris: Sequence[str]) -> dict[str, str]:
    """The extraction key each of these graphs holds in the store (absent: not there)."""
    if not graph_iris:
        return {}
    values = " ".join(f"<{g}>" for g in dict.fromkeys(graph_iris))
    sparql = f"SELECT ?g ?key WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?c <{EXTRACTION_KEY}> ?key }} }}"
    return {row["g"].value: row["key"].value for row in store.select(sparql)}


# ---- a directory of shards -------------------------------------------------------------------


@dataclass
class ShardIndex:
    """Which graphs the shards in a directory hold, with which key; prunes superseded versions."""

    directory: Path
    # graph → shard → key, and shard → graphs it holds in a superseded version
    holders: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    stale: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @classmethod
    def scan(cls, directory: Path) -> ShardIndex:
        index = cls(directory)
        if not directory.is_dir():
            return index
        for leftover in directory.glob(".part-*.tmp"):  # from a run killed while writing
            leftover.unlink(missing_ok=True)
        for shard in sorted(directory.glob("part-*" + SHARD_SUFFIX)):
            sidecar = shard.with_name(shard.name[: -len(SHARD_SUFFIX)] + INDEX_SUFFIX)
            try:
                graphs = json.loads(sidecar.read_text(encoding="utf-8"))["graphs"]
            except (OSError, ValueError, KeyError):
                log.warning("%s: no readable index; its documents will be extracted again", shard)
                continue
            for graph, key in graphs.items():
                index.holders[graph][shard.name] = key
        return index

    def is_done(self, graph_iri: str, key: str) -> bool:
        """True when some shard holds this graph with this key; other versions are marked stale."""
        holders = self.holders.get(graph_iri, {})
        for shard, held in holders.items():
            if held != key:
                self.stale[shard].add(graph_iri)
        return key in holders.values()

    def record(self, graph_iri: str, shard: str, key: str) -> None:
        for other, held in self.holders.get(graph_iri, {}).items():
            if other != shard and held != key:
                self.stale[other].add(graph_iri)
        self.holders[graph_iri][shard] = key

    def prune(self) -> int:
        """Rewrite shards without their superseded graphs; returns how many shards changed."""
        from kg.batch.worker import _atomic_write

        changed = 0
        for name, graphs in self.stale.items():
            shard = self.directory / name
            sidecar = shard.with_name(name[: -len(SHARD_SUFFIX)] + INDEX_SUFFIX)
            if not shard.exists() or not graphs:
                continue
            endings = tuple(f"<{g}> .".encode() for g in graphs)
            kept = [
                line
                for line in shard.read_bytes().splitlines(keepends=True)
                if not line.rstrip().endswith(endings)
            ]
            held = json.loads(sidecar.read_text(encoding="utf-8"))["graphs"]
            remaining = {g: k for g, k in held.items() if g not in graphs}
            if remaining:
                # Shard first: killed in between, the index still names the dropped graph, so the
                # next scan marks it stale again, and pruning twice is harmless.
                _atomic_write(shard, b"".join(kept))
                _atomic_write(sidecar, json.dumps({"graphs": remaining}, sort_keys=True).encode())
            else:
                shard.unlink()
                sidecar.unlink(missing_ok=True)
            for g in graphs:
                self.holders.get(g, {}).pop(name, None)
            changed += 1
        self.stale.clear()
        return changed
