"""Decoding and format readers: bytes of one source -> (text, title, published, url) records."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from kg.errors import InputError
from kg.ingest.boilerplate import strip_boilerplate
from kg.ingest.dates import ACCEPTED, parse_published

BINARY_SNIFF_BYTES = 8192
MIN_ARTICLE_WORDS = 5
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES


@dataclass(frozen=True)
class RawDocument:
    """One document's text and the metadata its container gave, before cleaning."""

    text: str
    origin: str
    title: str | None = None
    published: dt.date | None = None
    source_url: str | None = None
    lang: str | None = None
    doc_id: str | None = None


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text of ``data``; binary and undecodable input raise ``InputError`` naming ``origin``."""
    head = data[:BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        raise InputError(f"{origin}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{origin}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc
    controls = sum(1 for ch in text[:BINARY_SNIFF_BYTES] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:BINARY_SNIFF_BYTES]) // 100):
        raise InputError(f"{origin}: binary file (control characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff_format(text: str, name: str) -> str:
    lower = name.lower()
    for fmt, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("markdown", MARKDOWN_SUFFIXES),
        ("text", TEXT_SUFFIXES),
    ):
        if lower.endswith(suffixes):
            return fmt
    start = text.lstrip()[:200].lower()
    if start.startswith(("<!doctype html", "<html")) or re.search(r"<(body|article|p|div)\b", start):
        return "html"
    if start.startswith("{"):
        return "jsonl"
    return "text"


def parse_date(value: object, origin: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"{origin}: 'published' must be a date string ({ACCEPTED}), got {value!r}")
    try:
        return parse_published(value)
    except ValueError as exc:
        raise InputError(f"{origin}: 'published' is {exc}") from exc


def read_jsonl_line(line: str, origin: str) -> RawDocument:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{origin}: malformed JSON line ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{origin}: a JSONL line must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{origin}: JSONL object has no string 'text' field")
    fields: dict[str, str | None] = {}
    for key in ("id", "title", "url", "lang"):
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            raise InputError(f"{origin}: JSONL field {key!r} must be a string")
        fields[key] = None if value is None else str(value)
    return RawDocument(
        text=text,
        origin=origin,
        title=fields["title"],
        published=parse_date(record.get("published"), origin),
        source_url=fields["url"],
        lang=fields["lang"],
        doc_id=fields["id"],
    )


def read_html(text: str, origin: str) -> RawDocument:
    """The main text of an HTML page (trafilatura), with its title and date; no article -> error."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        text, include_comments=False, include_tables=False, with_metadata=True, favor_precision=True
    )
    if extracted is None:
        raise InputError(f"{origin}: no article text found in the HTML")
    as_dict = extracted if isinstance(extracted, dict) else extracted.as_dict()
    body = as_dict.get("text") or ""
    # navigation links alone ("Home", "Impressum") are not an article
    if len(strip_boilerplate(body).split()) < MIN_ARTICLE_WORDS:
        raise InputError(f"{origin}: no article text found in the HTML")
    published = None
    date_value = as_dict.get("date")
    if isinstance(date_value, str):
        try:
            published = parse_published(date_value)
        except ValueError:
            published = None
    title = as_dict.get("title") or None
    url = as_dict.get("url") or None
    return RawDocument(text=body, origin=origin, title=title, published=published, source_url=url)


_MD_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^```.*?^```\s*$", re.MULTILINE | re.DOTALL), ""),  # code blocks are not prose
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # links keep their text
    (re.compile(r"^\s{0,3}#{1,6}\s*(.*?)\s*#*\s*$", re.MULTILINE), r"\1"),  # headings
    (re.compile(r"^\s{0,3}>\s?", re.MULTILINE), ""),  # block quotes
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s+", re.MULTILINE), ""),  # list markers
    (re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$", re.MULTILINE), ""),  # rules
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # bold
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # italics
    (re.compile(r"`([^`]+)`"), r"\1"),  # inline code
)


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n---[ \t]*\n", re.DOTALL)


def read_markdown(text: str, origin: str) -> RawDocument:
    """Markdown without its markup; a YAML-style front matter block gives title, date, url, lang."""
    meta: dict[str, str] = {}
    front = FRONT_MATTER.match(text)
    if front is not None:
        for line in front.group("body").splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[front.end() :]
    title_match = re.search(r"^\s{0,3}#\s+(.+?)\s*#*\s*$", text, re.MULTILINE)
    plain = text
    for pattern, replacement in _MD_RULES:
        plain = pattern.sub(replacement, plain)
    return RawDocument(
        text=plain,
        origin=origin,
        title=meta.get("title") or (title_match.group(1) if title_match else None),
        published=parse_date(meta.get("date") or meta.get("published"), origin),
        source_url=meta.get("url") or meta.get("source") or None,
        lang=meta.get("lang") or meta.get("language") or None,
    )


def plain_title(text: str) -> str | None:
    """A plain text's first line is its title when short, unpunctuated and followed by a blank line."""
    lines = text.lstrip().split("\n", 2)
    if len(lines) >= 2 and not lines[1].strip():
        first = lines[0].strip()
        if 0 < len(first.split()) <= 20 and not first.endswith((".", "!", "?", ":", ",", ";")):
            return first
    return None
