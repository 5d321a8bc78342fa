"""Reading articles: plain text, Markdown, HTML, JSONL, folders (recursively) and ``-`` for stdin.

``read_documents`` yields a ``Document`` per readable article and an ``IngestFailure`` (one line,
naming the file or ``file:line``) per unreadable one, so a batch goes on past bad input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import InputError
from kg.ingest.boilerplate import strip_boilerplate
from kg.ingest.formats import (
    KNOWN_SUFFIXES,
    RawDocument,
    decode,
    plain_title,
    read_html,
    read_jsonl_line,
    read_markdown,
    sniff_format,
)
from kg.ingest.langid import SUPPORTED_LANGS, detect_language
from kg.model import Document, IngestFailure

__all__ = ["document_from_text", "read_documents", "strip_boilerplate"]

STDIN = "-"


def read_documents(
    inputs: Sequence[str],
    *,
    lang: str = "auto",
    published: dt.date | None = None,
    source_url: str | None = None,
) -> Iterator[Document | IngestFailure]:
    """Every document of ``inputs`` in order; folders are walked recursively in sorted order.

    ``published`` and ``source_url`` fill in what a document does not say itself; ``lang``
    ("auto", "de", "en") is detected per document when "auto" and a JSONL record gives none.
    """
    for name in inputs:
        if name == STDIN:
            yield from _read_source(sys.stdin.buffer.read(), "<stdin>", "", lang, published, source_url)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in KNOWN_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not files:
                yield IngestFailure(str(path), "folder holds no .txt, .md, .html or .jsonl files")
            for file in files:
                yield from _read_path(file, lang, published, source_url)
        else:
            yield from _read_path(path, lang, published, source_url)


def document_from_text(
    text: str,
    *,
    origin: str = "<text>",
    lang: str = "auto",
    published: dt.date | None = None,
    title: str | None = None,
    source_url: str | None = None,
    doc_id: str | None = None,
) -> Document | IngestFailure:
    """One plain-text article given as a string, cleaned and identified as a file's would be."""
    raw = RawDocument(
        text=text,
        origin=origin,
        title=title or plain_title(text),
        published=published,
        source_url=source_url,
        doc_id=doc_id,
    )
    return _finish(raw, lang, None, None)


def _read_path(
    path: Path, lang: str, published: dt.date | None, source_url: str | None
) -> Iterator[Document | IngestFailure]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        yield IngestFailure(str(path), "no such file or folder")
        return
    except OSError as exc:
        yield IngestFailure(str(path), f"cannot be read ({exc.strerror or exc})")
        return
    yield from _read_source(data, str(path), path.name, lang, published, source_url)


def _read_source(
    data: bytes, origin: str, name: str, lang: str, published: dt.date | None, source_url: str | None
) -> Iterator[Document | IngestFailure]:
    try:
        text = decode(data, origin)
    except InputError as exc:
        yield _failure(origin, exc)
        return
    fmt = sniff_format(text, name)
    if fmt == "jsonl":
        any_line = False
        for number, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            any_line = True
            line_origin = f"{origin}:{number}"
            try:
                raw = read_jsonl_line(line, line_origin)
            except InputError as exc:
                yield _failure(line_origin, exc)
                continue
            yield _finish(raw, lang, published, source_url)
        if not any_line:
            yield IngestFailure(origin, "empty document")
        return
    try:
        if fmt == "html":
            raw = read_html(text, origin)
        elif fmt == "markdown":
            raw = read_markdown(text, origin)
        else:
            raw = RawDocument(text=text, origin=origin, title=plain_title(text))
    except InputError as exc:
        yield _failure(origin, exc)
        return
    yield _finish(raw, lang, published, source_url)


def _finish(
    raw: RawDocument, lang: str, published: dt.date | None, source_url: str | None
) -> Document | IngestFailure:
    if not raw.text.strip():
        return IngestFailure(raw.origin, "empty document")
    text = strip_boilerplate(raw.text)
    if not text.strip():
        return IngestFailure(raw.origin, "empty document (nothing left after removing page chrome)")
    doc_lang = raw.lang or (None if lang == "auto" else lang)
    if doc_lang is None:
        detected = detect_language(text)
        if detected is None:
            return IngestFailure(raw.origin, "cannot tell the language; pass --lang de or --lang en")
        doc_lang = detected
    doc_lang = doc_lang.lower()[:2]
    if doc_lang not in SUPPORTED_LANGS:
        return IngestFailure(
            raw.origin,
            f"language {doc_lang!r} is not supported (use {', '.join(SUPPORTED_LANGS)})",
        )
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(
        doc_id=raw.doc_id or f"doc-{content_hash[:16]}",
        text=text,
        lang=doc_lang,
        origin=raw.origin,
        content_hash=content_hash,
        title=raw.title,
        published=raw.published or published,
        source_url=raw.source_url or source_url,
    )


def _failure(origin: str, exc: InputError) -> IngestFailure:
    """The failure record; its message without the origin, which the record (and every report) carries."""
    message = str(exc)
    prefix = f"{origin}: "
    return IngestFailure(origin, message[len(prefix) :] if message.startswith(prefix) else message)
