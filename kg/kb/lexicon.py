"""The hand-written part of the knowledge base (``kg/data/``): name variants, NIL entries,
blocked names, kind overrides, given names and titles.

``variants.tsv`` — tab-separated ``name, lang, target, type[, options]``; ``#`` starts a comment:

* ``alias``   — one more name for ``target`` (a QID of the KB, or ``NIL:<Kind>:<label>`` for a
  well-known thing Wikidata-in-the-KB lacks, e.g. Article 5 of the North Atlantic Treaty);
* ``demonym`` — an adjective of a country or place; for German the name is the stem
  (``russisch``) and the inflected forms are generated; English forms are listed as they are;
* ``block``   — a name that never links on its own (a KB alias that is also a common word);
  with a language, only in text of that language (German *Island* = Iceland, not in English);
  hand-written variants and demonyms apply only in text of their language (or ``*``);
* ``kind``    — ``target`` is the kind of the item named in the first column (items without P31).

Options, ``;``-separated: ``prior=0.9``; ``context=Q7184,Q…`` — the entry applies only in a
document that also mentions one of these items (Article 5 means NATO's only next to NATO).

``given_names.txt`` — one given name a line: a capitalised name after one of these is a person.
``titles.tsv`` — ``stem, lang, English equivalents (|-separated)[, weak]``: words that put a person's
name after them (``Außenminister`` also matches *Außenministerin*, *Außenministers*,
*Bundesaußenminister*); the equivalents let ``find_position`` map German titles to offices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KnowledgeBaseError
from kg.kb.names import normalise
from kg.model import EntityKind

GERMAN_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")
TITLE_SUFFIXES = ("", "in", "innen", "s", "n", "en", "es", "e", "r", "ern", "nen")


@dataclass(frozen=True)
class NilTarget:
    """A named thing with no Wikidata id in the KB: the linker makes a NIL entity of it."""

    kind: EntityKind
    label: str

    @property
    def key(self) -> str:
        return f"NIL:{self.kind.value}:{self.label}"


@dataclass(frozen=True)
class LexiconEntry:
    name: str
    lang: str  # "de", "en", or "*" for any
    target: str  # a QID or a NilTarget key
    source: str  # "variant" | "demonym"
    prior: float
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class Title:
    stem: str  # as written, e.g. "Außenminister"
    lang: str
    english: tuple[str, ...]  # e.g. ("minister of foreign affairs", "foreign minister")
    weak: bool = False  # also an ordinary word: needs two name words after it


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[LexiconEntry, ...] = ()
    nil_targets: dict[str, NilTarget] = field(default_factory=dict)
    blocked: frozenset[str] = frozenset()  # normalised names, never linked
    kinds: dict[str, EntityKind] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()  # normalised
    titles: tuple[Title, ...] = ()
    blocked_in: frozenset[tuple[str, str]] = frozenset()  # (normalised name, lang): not in that language

    def __post_init__(self) -> None:
        object.__setattr__(self, "_title_index", {normalise(t.stem): t for t in self.titles})
        object.__setattr__(self, "_title_memo", {})

    def title_of(self, word: str) -> Title | None:
        """The title a word is an inflection or compound of: *Außenministerin* -> Außenminister,
        *Bundeskanzler* -> Kanzler; None for other words."""
        memo: dict[str, Title | None] = self._title_memo  # type: ignore[attr-defined]
        if word not in memo:
            if len(memo) > 100_000:  # a pure cache; bounded so a long run cannot grow it forever
                memo.clear()
            memo[word] = self._find_title(word)
        return memo[word]

    def _find_title(self, word: str) -> Title | None:
        index: dict[str, Title] = self._title_index  # type: ignore[attr-defined]
        key = normalise(word).rstrip(".")  # "Mr.", "Dr."
        for suffix in TITLE_SUFFIXES:
            if suffix and not key.endswith(suffix):
                continue
            base = key[: len(key) - len(suffix)] if suffix else key
            if base in index:
                return index[base]
            # German compounds: the head is the last part (Verteidigungsminister, Bundeskanzler).
            for cut in range(1, len(base) - 4):
                tail = base[cut:]
                if tail in index and len(tail) >= 6:
                    return index[tail]
        return None


def load_lexicon(directory: Path) -> Lexicon:
    variants = directory / "variants.tsv"
    entries: list[LexiconEntry] = []
    nil_targets: dict[str, NilTarget] = {}
    blocked: set[str] = set()
    blocked_in: set[tuple[str, str]] = set()
    kinds: dict[str, EntityKind] = {}
    for line_no, fields in _rows(variants):
        if len(fields) < 4:
            raise KnowledgeBaseError(f"{variants}:{line_no}: expected name, lang, target, type")
        name, lang, target, kind_of_row = fields[:4]
        options = _options(fields[4] if len(fields) > 4 else "", variants, line_no)
        if kind_of_row == "block":
            if lang == "*":
                blocked.add(normalise(name))
            else:
                blocked_in.add((normalise(name), lang))
            continue
        if kind_of_row == "kind":
            kinds[name] = _kind(target, variants, line_no)
            continue
        if target.startswith("NIL:"):
            parts = target.split(":", 2)
            if len(parts) != 3:
                raise KnowledgeBaseError(f"{variants}:{line_no}: NIL target must be NIL:<Kind>:<label>")
            nil = NilTarget(_kind(parts[1], variants, line_no), parts[2])
            nil_targets[nil.key] = nil
            target = nil.key
        elif not (target.startswith("Q") and target[1:].isdigit()):
            raise KnowledgeBaseError(f"{variants}:{line_no}: target {target!r} is neither a QID nor NIL:…")
        context = tuple(q for q in options.get("context", "").split(",") if q)
        if kind_of_row == "alias":
            prior = float(options.get("prior", "0.9"))
            entries.append(LexiconEntry(name, lang, target, "variant", prior, context))
        elif kind_of_row == "demonym":
            prior = float(options.get("prior", "0.8"))
            forms = [name + e for e in GERMAN_ADJECTIVE_ENDINGS] if lang == "de" else [name]
            entries.extend(LexiconEntry(f, lang, target, "demonym", prior, context) for f in forms)
        else:
            raise KnowledgeBaseError(f"{variants}:{line_no}: unknown row type {kind_of_row!r}")
    given = frozenset(normalise(fields[0]) for _, fields in _rows(directory / "given_names.txt") if fields[0])
    titles = tuple(
        Title(
            fields[0],
            fields[1] if len(fields) > 1 else "*",
            tuple(e.strip() for e in fields[2].split("|") if e.strip()) if len(fields) > 2 else (),
            weak=len(fields) > 3 and "weak" in fields[3].split(","),
        )
        for _, fields in _rows(directory / "titles.tsv")
    )
    return Lexicon(
        tuple(entries), nil_targets, frozenset(blocked), kinds, given, titles, frozenset(blocked_in)
    )


def _rows(path: Path) -> Iterable[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    for line_no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield line_no, [f.strip() for f in line.split("\t")]


def _options(text: str, path: Path, line_no: int) -> dict[str, str]:
    options: dict[str, str] = {}
    for part in text.split(";"):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        if not sep:
            raise KnowledgeBaseError(f"{path}:{line_no}: option {part!r} is not key=value")
        options[key.strip()] = value.strip()
    return options


def _kind(value: str, path: Path, line_no: int) -> EntityKind:
    try:
        return EntityKind(value)
    except ValueError:
        raise KnowledgeBaseError(f"{path}:{line_no}: unknown entity kind {value!r}") from None
