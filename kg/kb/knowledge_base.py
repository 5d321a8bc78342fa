"""The loaded knowledge base: items by QID, a name index, positions by jurisdiction."""

from __future__ import annotations

import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KnowledgeBaseError
from kg.kb.files import (
    BUNDLED_FILE,
    DATA_DIR,
    KbFile,
    file_digest,
    lexicon_paths,
    read_kb,
    user_kb_files,
)
from kg.kb.items import KbItem, item_from_json, merge_records
from kg.kb.lexicon import Lexicon, NilTarget, load_lexicon
from kg.kb.names import final_forms, is_acronym, name_pieces, normalise
from kg.kb.short_forms import short_forms
from kg.kb.wikidata_rdf import FORMATS, records_from_file
from kg.model import Entity, EntityKind

LABEL_PRIOR = 1.0
ALIAS_PRIOR = 0.85
SHORT_FORM_PRIOR = 0.8
POSITION_THRESHOLD = 0.6
_POSITION_STOPWORDS = frozenset(
    {"of", "the", "for", "and", "der", "des", "die", "das", "für", "und", "von", "in", "de", "du", "la", "le"}
)
_DEPUTY_WORDS = ("deputy", "vice", "stellvertret", "vize", "assistant", "under")


@dataclass(frozen=True)
class NameEntry:
    """One name of one target in the name index."""

    target: str  # a QID or a NIL key ("NIL:TreatyClause:…")
    form: str  # the name as written in the source
    lang: str  # "de", "en", … or "*"
    source: str  # "label" | "alias" | "variant" | "demonym"
    prior: float  # how much this name alone suggests this target, in [0, 1]
    context: tuple[str, ...] = ()  # QIDs one of which the document must mention


@dataclass(frozen=True)
class Candidate:
    """A name-only candidate from ``KnowledgeBase.lookup``."""

    target: str
    label: str
    kind: EntityKind
    score: float
    entry: NameEntry


@dataclass(frozen=True)
class KbSource:
    name: str
    path: str
    source: str
    items: int


class KnowledgeBase:
    """Immutable after construction; build it with ``load_knowledge_base``."""

    def __init__(self, files: Sequence[KbFile], lexicon: Lexicon, version: str) -> None:
        records: dict[str, dict[str, Any]] = {}
        for kb_file in files:
            for record in kb_file.records:
                qid = record["id"]
                records[qid] = merge_records(records[qid], record) if qid in records else dict(record)
        for qid, kind in lexicon.kinds.items():
            if qid in records:
                records[qid]["kind"] = kind.value
        self.version = version
        self.sources = tuple(KbSource(f.name, str(f.path), f.source, len(f.records)) for f in files)
        self.lexicon = lexicon
        self._items: dict[str, KbItem] = {q: item_from_json(r) for q, r in records.items()}
        self._names: dict[str, list[NameEntry]] = defaultdict(list)
        self._by_jurisdiction: dict[str, list[str]] = defaultdict(list)
        self._entities: dict[tuple[str, str], Entity] = {}
        self._build_indexes()

    # -- items ------------------------------------------------------------------------------
    def __contains__(self, qid: object) -> bool:
        return qid in self._items

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[KbItem]:
        return iter(self._items.values())

    def item(self, qid: str) -> KbItem | None:
        return self._items.get(qid)

    def kind(self, target: str) -> EntityKind:
        item = self._items.get(target)
        if item is not None:
            return item.kind
        nil = self.lexicon.nil_targets.get(target)
        return nil.kind if nil is not None else EntityKind.OTHER

    def label(self, target: str, lang: str = "en") -> str:
        item = self._items.get(target)
        if item is not None:
            return item.label(lang)
        nil = self.lexicon.nil_targets.get(target)
        return nil.label if nil is not None else target

    def entity(self, target: str, lang: str = "en") -> Entity:
        """The ``kg.model.Entity`` of a QID or of a lexicon NIL key (one record per target and
        language: the linker asks for it for every mention, and the KB never changes)."""
        key = (target, lang)
        entity = self._entities.get(key)
        if entity is None:
            entity = self._entities[key] = self._new_entity(target, lang)
        return entity

    def _new_entity(self, target: str, lang: str) -> Entity:
        item = self._items.get(target)
        if item is not None:
            return Entity(
                label=item.label(lang),
                kind=item.kind,
                qid=item.qid,
                label_lang=item.label_lang(lang),
                description=item.description("en"),
            )
        nil = self.lexicon.nil_targets.get(target)
        if nil is not None:
            return Entity(label=nil.label, kind=nil.kind, qid=None, label_lang="en")
        raise KeyError(target)

    def nil_target(self, key: str) -> NilTarget | None:
        return self.lexicon.nil_targets.get(key)

    def counts_by_kind(self) -> dict[EntityKind, int]:
        counts: dict[EntityKind, int] = defaultdict(int)
        for item in self._items.values():
            counts[item.kind] += 1
        return dict(counts)

    # -- names ------------------------------------------------------------------------------
    def name_entries(self) -> Iterator[tuple[str, NameEntry]]:
        """(normalised name, entry) for every indexed name — what the linker's matcher is built from."""
        for key, entries in self._names.items():
            for entry in entries:
                yield key, entry

    def lookup(self, name: str, *, lang: str | None = None) -> list[Candidate]:
        """Candidates for a name (case-insensitive; a genitive or possessive ending is tried off
        when the name itself is unknown), best first, scored by the name's prior and the item's
        prominence alone — no document context."""
        key = name_key(name)
        entries = self._names.get(key, [])
        penalty = 0.0
        if not entries and key:
            pieces = key.split(" ")
            for form, _inflected in final_forms(
                pieces[-1], capitalised=name[:1].isupper(), in_phrase=len(pieces) > 1
            )[1:]:
                entries = self._names.get(" ".join([*pieces[:-1], form]), [])
                if entries:
                    penalty = 0.02
                    break
        candidates: dict[str, Candidate] = {}
        for entry in entries:
            score = round(self.name_score(entry, lang) - penalty, 4)
            best = candidates.get(entry.target)
            if best is None or score > best.score:
                candidates[entry.target] = Candidate(
                    entry.target,
                    self.label(entry.target, lang or "en"),
                    self.kind(entry.target),
                    score,
                    entry,
                )
        return sorted(candidates.values(), key=lambda c: (-c.score, c.target))

    def name_score(self, entry: NameEntry, lang: str | None) -> float:
        item = self._items.get(entry.target)
        prominence = item.prominence if item is not None else 0.7
        score = 0.65 * entry.prior + 0.35 * prominence
        if lang and entry.lang not in ("*", lang) and entry.source == "label":
            score -= 0.03  # a label of another language is a little weaker evidence
        return round(max(0.0, min(1.0, score)), 4)

    def is_given_name(self, word: str) -> bool:
        return normalise(word) in self._given_names

    # -- positions --------------------------------------------------------------------------
    def positions_of(self, jurisdiction: str) -> tuple[KbItem, ...]:
        """Position items whose jurisdiction (P1001, or the name in their label) is ``jurisdiction``."""
        return tuple(self._items[q] for q in self._by_jurisdiction.get(jurisdiction, ()))

    def find_position(
        self, title_words: str | Sequence[str], jurisdiction: str | None = None
    ) -> KbItem | None:
        """The position item for a title in a jurisdiction, e.g. ("Secretary General", Q7184) or
        ("Generalsekretär", Q7184) -> Secretary General of NATO; None unless one fits well."""
        ranked = self.rank_positions(title_words, jurisdiction)
        return ranked[0][1] if ranked and ranked[0][0] >= POSITION_THRESHOLD else None

    def rank_positions(
        self, title_words: str | Sequence[str], jurisdiction: str | None = None
    ) -> list[tuple[float, KbItem]]:
        text = title_words if isinstance(title_words, str) else " ".join(title_words)
        queries = self._title_queries(text)
        if jurisdiction is not None:
            pool = self.positions_of(jurisdiction)
            place_words = self._jurisdiction_words(jurisdiction)
        else:
            pool = self._positions
            place_words = set()
        query_words = [(q, _is_deputy(q)) for q in (query - place_words for query in queries) if q]
        ranked: list[tuple[float, KbItem]] = []
        for item in pool:
            best = 0.0
            for name_words in self._position_words[item.qid]:
                role = name_words - place_words if place_words else name_words
                if not role:
                    continue
                role_is_deputy = _is_deputy(role)
                for q, q_is_deputy in query_words:
                    if q_is_deputy != role_is_deputy:
                        continue
                    best = max(best, len(q & role) / len(q | role))
            if best > 0:
                ranked.append((round(best, 4), item))
        ranked.sort(key=lambda pair: (-pair[0], pair[1].qid))
        return ranked

    def _title_queries(self, text: str) -> list[set[str]]:
        """The title's words, and the same with a German title word put into English."""
        words = _words(text)
        queries = [words]
        for word in sorted(words):
            title = self.lexicon.title_of(word)
            if title is not None:
                # "Vizeaußenminister" is found as "Außenminister": its English stays a deputy's title
                deputy = {"deputy"} if _is_deputy({word}) else set()
                queries.extend((words - {word}) | _words(alt) | deputy for alt in title.english)
        return queries

    def _jurisdiction_words(self, qid: str) -> set[str]:
        words: set[str] = set()
        item = self._items.get(qid)
        if item is not None:
            for name, _lang, _is_label in item.names():
                words |= _words(name)
        for entry in self.lexicon.entries:
            if entry.target == qid and entry.source == "demonym":
                words |= _words(entry.name)
        return words - _POSITION_STOPWORDS

    # -- construction -----------------------------------------------------------------------
    def _build_indexes(self) -> None:
        blocked = self.lexicon.blocked
        for item in self._items.values():
            for full_name, lang, is_label in item.names():
                name = _without_article(full_name)
                key = name_key(name)
                if not key or key in blocked or _unusable_name(name):
                    continue
                prior = LABEL_PRIOR if is_label else ALIAS_PRIOR
                self._add_name(key, NameEntry(item.qid, name, lang, "label" if is_label else "alias", prior))
        for short in short_forms(self._items.values()):  # "UN Security Council", "EU-Gerichtshof"
            key = name_key(short.name)
            if key and key not in blocked:
                entry = NameEntry(short.target, short.name, short.lang, "alias", SHORT_FORM_PRIOR)
                self._add_name(key, entry)
        for lex in self.lexicon.entries:
            if lex.target not in self._items and lex.target not in self.lexicon.nil_targets:
                continue  # a variant of an item this KB does not hold
            key = name_key(lex.name)
            self._add_name(key, NameEntry(lex.target, lex.name, lex.lang, lex.source, lex.prior, lex.context))
        given = set(self.lexicon.given_names)
        for item in self._items.values():
            if item.kind is EntityKind.PERSON:
                for name, _lang, is_label in item.names():
                    pieces = name_pieces(name)
                    if is_label and len(pieces) >= 2 and pieces[0][:1].isupper() and len(pieces[0]) > 2:
                        given.add(normalise(pieces[0]))
        self._given_names = frozenset(given)
        self._positions = tuple(i for i in self._items.values() if i.kind is EntityKind.POSITION)
        self._position_words = {i.qid: [_words(name) for name, _l, _b in i.names()] for i in self._positions}
        for item in self._positions:
            targets = set(item.jurisdiction)
            if not targets:
                targets = self._jurisdictions_named_in(item)
            for target in sorted(targets):
                self._by_jurisdiction[target].append(item.qid)

    def _add_name(self, key: str, entry: NameEntry) -> None:
        entries = self._names[key]
        for i, old in enumerate(entries):
            if old.target == entry.target and old.form == entry.form:
                if entry.prior > old.prior:
                    entries[i] = entry
                return
        entries.append(entry)

    def _jurisdictions_named_in(self, item: KbItem) -> set[str]:
        """Countries and organisations named in an office's label ("President of Albania",
        "US Deputy Secretary of State"), for offices without P1001."""
        found: set[str] = set()
        for name in item.labels.values():
            pieces = [normalise(p) for p in name_pieces(name)]
            for size in range(1, min(4, len(pieces)) + 1):
                for start in range(len(pieces) - size + 1):
                    key = " ".join(pieces[start : start + size])
                    for entry in self._names.get(key, ()):
                        target = self._items.get(entry.target)
                        if (
                            target is not None
                            and entry.source in ("label", "alias")
                            and target.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
                        ):
                            found.add(target.qid)
        return found


def name_key(name: str) -> str:
    return " ".join(normalise(p) for p in name_pieces(name))


_ARTICLES = ("the ", "der ", "die ", "das ", "le ", "la ", "les ")


def _without_article(name: str) -> str:
    """ "the Kremlin" -> "Kremlin": the article is not part of the mention."""
    for article in _ARTICLES:
        if name.startswith(article) and len(name) > len(article) + 2:
            return name[len(article) :]
    return name


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", normalise(text)) if w not in _POSITION_STOPWORDS}


def _is_deputy(words: set[str]) -> bool:
    return any(w.startswith(_DEPUTY_WORDS) for w in words)


def _unusable_name(name: str) -> bool:
    """Names that would match noise: one letter, digits only (but "G20", "G7" are names)."""
    letters = [c for c in name if c.isalpha()]
    if len(letters) == 1 and is_acronym(name) and len(name) >= 2:
        return False
    return len(letters) < 2 or (len(letters) == 2 and not is_acronym(name))


# -- loading -------------------------------------------------------------------------------------
def bundled_kb_version() -> str:
    """Version id of the bundled KB and lexicon alone (what ``kg version`` prints)."""
    return _version([file_digest(BUNDLED_FILE), *(file_digest(p) for p in lexicon_paths())])


def load_knowledge_base(*, extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The bundled KB, extended by the user KB (``$KG_HOME/kb``) and ``extra_files`` (KB files
    or Wikidata-shaped RDF). Cached per process by the files' paths and modification times."""
    key = _kb_files_key(extra_files)
    lexicon_key = tuple(_stat_key(p) for p in lexicon_paths())
    return _load(key, tuple(Path(p) for p in extra_files), lexicon_key)


def knowledge_base_key(extra_files: Sequence[Path] = ()) -> tuple[tuple[str, int, int], ...]:
    """What identifies the KB ``load_knowledge_base(extra_files=…)`` gives now: (resolved path,
    mtime_ns, size) of every file it reads. A file changed or added since gives a different key."""
    keys = _kb_files_key(extra_files) + tuple(_stat_key(p) for p in lexicon_paths())
    return tuple((str(Path(path).resolve()), mtime, size) for path, mtime, size in keys)


def _kb_files_key(extra_files: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    paths = [BUNDLED_FILE, *user_kb_files()]
    return tuple(_stat_key(p) for p in paths) + tuple(_stat_key(Path(p)) for p in extra_files)


def _stat_key(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError as exc:
        raise KnowledgeBaseError(
            f"{path}: cannot read the knowledge base file: {exc.strerror or exc}"
        ) from exc
    return (str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=8)
def _load(
    key: tuple[tuple[str, int, int], ...], extra_files: tuple[Path, ...], lexicon_key: tuple[Any, ...]
) -> KnowledgeBase:
    from kg.kb.cache import cached

    identity = tuple((str(Path(path).resolve()), mtime, size) for path, mtime, size in key + lexicon_key)
    return cached("kb", identity, KnowledgeBase, lambda: _build(key, extra_files))


def _build(key: tuple[tuple[str, int, int], ...], extra_files: tuple[Path, ...]) -> KnowledgeBase:
    kb_paths = [Path(k[0]) for k in key[: len(key) - len(extra_files)]]
    files = [read_kb(p) for p in kb_paths]
    for path in extra_files:
        files.append(_read_extra(path))
    lexicon = load_lexicon(DATA_DIR)
    digests = [f.digest for f in files] + [file_digest(p) for p in lexicon_paths()]
    return KnowledgeBase(files, lexicon, _version(digests))


def _read_extra(path: Path) -> KbFile:
    if path.name.endswith(".json.gz"):
        return read_kb(path)
    if path.suffix.lower() not in FORMATS:
        raise KnowledgeBaseError(
            f"{path}: not a knowledge base file (.json.gz) nor RDF ({', '.join(FORMATS)})"
        )
    records = records_from_file(path)
    digest = file_digest(path)
    return KbFile(path, path.stem, str(path), tuple(records.values()), digest)


def _version(digests: Sequence[str]) -> str:
    return "kb-" + hashlib.sha256("\n".join(digests).encode()).hexdigest()[:12]
