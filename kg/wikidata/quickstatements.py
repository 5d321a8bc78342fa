"""QuickStatements V1 (TAB-separated) and its CSV variant for facts Wikidata lacks, and a reader of both.

Each command adds one statement ``ITEM <TAB> PROPERTY <TAB> VALUE`` with qualifiers (P580/P582/P585 when
the fact is dated) and one full reference group: S854 source URL, S813 retrieved, S577 publication date,
S1476 title, S407 language of the article, S1683 the evidence sentence; the line ends with an edit
summary ``/* … */`` naming kg's version. Dates always carry their precision (``/11`` day, ``/10`` month,
``/9`` year): without one QuickStatements takes year precision.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.errors import InputError
from kg.kb.files import DATA_DIR
from kg.wikidata.compare import CONFIRMED, NEW, Verdict
from kg.wikidata.facts import FactRecord
from kg.wikidata.statements import WikidataTime

MAX_TEXT = 1500  # Wikidata's limit for a string or monolingual text value
REFERENCE_ORDER = ("S854", "S813", "S577", "S1476", "S407", "S1683")


@dataclass(frozen=True)
class Command:
    item: str  # a QID or LAST
    prop: str
    value: str  # V1 syntax
    qualifiers: tuple[tuple[str, str], ...]
    references: tuple[tuple[str, str], ...]
    summary: str = ""

    def v1(self) -> str:
        cells = [self.item, self.prop, self.value]
        for key, value in (*self.qualifiers, *self.references):
            cells += [key, value]
        if self.summary:
            cells.append(f"/* {self.summary} */")
        return "\t".join(cells)


@dataclass(frozen=True)
class Export:
    commands: tuple[Command, ...]
    skipped: dict[str, int]


@lru_cache(maxsize=1)
def language_items() -> dict[str, str]:
    lines = (DATA_DIR / "wikidata-languages.tsv").read_text(encoding="utf-8").splitlines()
    return {
        cells[0]: cells[1]
        for cells in (line.split("\t") for line in lines if line and not line.startswith("#"))
    }


def _text(value: str) -> str:
    # V1 strings have no escapes: a double quote or a TAB inside would end the cell
    clean = " ".join(value.replace('"', "'").split())
    return clean[:MAX_TEXT]


def _string(value: str) -> str:
    return f'"{_text(value)}"'


def _monolingual(value: str, lang: str) -> str:
    return f'{lang}:"{_text(value)}"'


def references(fact: FactRecord) -> tuple[tuple[str, str], ...]:
    refs: list[tuple[str, str]] = [("S854", _string(fact.source_url))]
    if fact.retrieved is not None:
        refs.append(("S813", WikidataTime(fact.retrieved.date, 11).quickstatements()))
    if fact.issued is not None:
        refs.append(("S577", fact.issued.quickstatements()))
    if fact.title:
        refs.append(("S1476", _monolingual(fact.title, fact.lang or "und")))
    language = language_items().get(fact.lang)
    if language:
        refs.append(("S407", language))
    if fact.sentence:
        refs.append(("S1683", _monolingual(fact.sentence, fact.lang or "und")))
    return tuple(refs)


def commands_for(
    verdicts: Iterable[Verdict],
    *,
    min_confidence: float = 0.8,
    include_confirmed: bool = True,
    summary: str,
    create: bool = False,
    labels: dict[str, tuple[str, str]] | None = None,
) -> Export:
    """Commands for positive, asserted, unattributed facts above ``min_confidence`` whose verdict is new
    (or, as reference-only additions, confirmed). A subject not in Wikidata is left out, or with
    ``create`` made with CREATE and a label (``labels``: IRI -> (text, lang)) and given as LAST."""
    out: list[Command] = []
    skipped: dict[str, int] = {}

    def skip(why: str) -> None:
        skipped[why] = skipped.get(why, 0) + 1

    seen: set[tuple[str, ...]] = set()
    for verdict in verdicts:
        fact = verdict.fact
        wanted = {NEW} | ({CONFIRMED} if include_confirmed else set())
        if verdict.verdict not in wanted:
            skip(f"verdict {verdict.verdict}")
        elif not fact.positive:
            skip("negative")
        elif not fact.asserted:
            skip("hedged (not asserted)")
        elif fact.attributed:
            skip("attributed to a speaker")
        elif fact.confidence < min_confidence:
            skip("below the confidence threshold")
        elif not fact.source_url:
            skip("document without a source URL")
        elif not (fact.prop[:1] == "P" and fact.prop[1:].isdigit()) or not _is_qid(fact.obj):
            skip("no Wikidata property or object")
        elif not _is_qid(fact.subject) and not (create and labels and fact.subject in labels):
            skip("subject not in Wikidata")
        else:
            qualifiers: tuple[tuple[str, str], ...] = ()
            if fact.time is not None and fact.time_role:
                qualifiers = ((fact.time_role, fact.time.quickstatements()),)
            item = fact.subject
            if not _is_qid(item):
                assert labels is not None
                text, lang = labels[item]
                out.append(Command("CREATE", "", "", (), ()))
                out.append(Command("LAST", f"L{lang}", _string(text), (), ()))
                item = "LAST"
            key = (
                item,
                fact.prop,
                fact.obj,
                *(part for pair in qualifiers for part in pair),
                fact.source_url,
            )
            if key in seen and item != "LAST":
                skip("duplicate")
                continue
            seen.add(key)
            out.append(Command(item, fact.prop, fact.obj, qualifiers, references(fact), summary))
    return Export(tuple(out), skipped)


def _is_qid(value: str) -> bool:
    return value[:1] == "Q" and value[1:].isdigit()


def to_v1(commands: Sequence[Command]) -> str:
    return "".join(_v1_line(c) + "\n" for c in commands)


def _v1_line(command: Command) -> str:
    if command.item == "CREATE":
        return "CREATE"
    if command.prop.startswith("L"):
        return f"{command.item}\t{command.prop}\t{command.value}"
    return command.v1()


def to_csv(commands: Sequence[Command]) -> str:
    """The CSV variant: ``qid`` then one block per (property, qualifiers) combination
    (``P463``, ``qal580`` …, ``S854`` …), a row per command with the other blocks empty, and ``#``
    for the edit summary. Items to create are not supported in CSV (their rows are left out)."""
    blocks: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for c in commands:
        if c.item in ("CREATE", "LAST"):
            continue
        block = (c.prop, tuple(q for q, _ in c.qualifiers), tuple(s for s, _ in c.references))
        if block not in blocks:
            blocks.append(block)
    header = ["qid"]
    for prop, quals, refs in blocks:
        header += [prop, *("qal" + q[1:] for q in quals), *refs]
    header.append("#")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for c in commands:
        if c.item in ("CREATE", "LAST"):
            continue
        row = [c.item]
        block = (c.prop, tuple(q for q, _ in c.qualifiers), tuple(s for s, _ in c.references))
        for candidate in blocks:
            width = 1 + len(candidate[1]) + len(candidate[2])
            if candidate == block:
                row += [c.value, *(v for _, v in c.qualifiers), *(v for _, v in c.references)]
            else:
                row += [""] * width
        row.append(c.summary)
        writer.writerow(row)
    return buffer.getvalue()


# --- reading back ------------------------------------------------------------------------------

_ITEM = re.compile(r"^(Q\d+|LAST)$")
_PROP = re.compile(r"^P\d+$")
_TIME = re.compile(r"^[+-]\d{1,16}-\d\d-\d\dT\d\d:\d\d:\d\dZ/(\d{1,2})$")
_VALUE = re.compile(
    r'^(Q\d+|"[^"\t]*"|[a-z][a-z-]*:"[^"\t]*"|[+-]\d{1,16}-\d\d-\d\dT\d\d:\d\d:\d\dZ/\d{1,2}|[+-]?\d+(\.\d+)?)$'
)


def parse_value(text: str, where: str) -> str:
    if not _VALUE.match(text):
        raise InputError(f"{where}: not a QuickStatements value: {text!r}")
    return text


def parse_v1(text: str) -> list[Command]:
    """Commands of QuickStatements V1 text (the subset kg writes: CREATE, LAST, labels, statements with
    qualifier pairs ``Pn value``, source pairs ``Sn value`` and a trailing ``/* summary */``)."""
    commands: list[Command] = []
    for number, line in enumerate(text.splitlines(), 1):
        where = f"line {number}"
        if not line.strip():
            continue
        if line == "CREATE":
            commands.append(Command("CREATE", "", "", (), ()))
            continue
        cells = line.split("\t")
        summary = ""
        if cells[-1].startswith("/*") and cells[-1].endswith("*/"):
            summary = cells.pop()[2:-2].strip()
        if len(cells) < 3 or not _ITEM.match(cells[0]):
            raise InputError(f"{where}: want ITEM<TAB>PROPERTY<TAB>VALUE, got {line[:60]!r}")
        item, prop, value = cells[:3]
        if re.fullmatch(r"L[a-z-]+", prop):
            commands.append(Command(item, prop, parse_value(value, where), (), ()))
            continue
        if not _PROP.match(prop):
            raise InputError(f"{where}: not a property id: {prop!r}")
        rest = cells[3:]
        if len(rest) % 2:
            raise InputError(f"{where}: a qualifier or source without a value")
        qualifiers: list[tuple[str, str]] = []
        refs: list[tuple[str, str]] = []
        for key, val in zip(rest[::2], rest[1::2], strict=True):
            parse_value(val, where)
            if _PROP.match(key):
                if refs:
                    raise InputError(f"{where}: qualifier {key} after the sources")
                qualifiers.append((key, val))
            elif re.fullmatch(r"S\d+", key):
                refs.append((key, val))
            else:
                raise InputError(f"{where}: not a qualifier or source property: {key!r}")
        commands.append(
            Command(item, prop, parse_value(value, where), tuple(qualifiers), tuple(refs), summary)
        )
    return commands


def parse_csv(text: str) -> list[Command]:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or rows[0][0] != "qid":
        raise InputError("line 1: a QuickStatements CSV starts with the column qid")
    header = rows[0]
    commands = []
    for number, row in enumerate(rows[1:], 2):
        prop = ""
        value = ""
        quals: list[tuple[str, str]] = []
        refs: list[tuple[str, str]] = []
        summary = ""
        for column, cell in zip(header[1:], row[1:], strict=True):
            if not cell:
                continue
            if column == "#":
                summary = cell
            elif _PROP.match(column):
                prop, value = column, parse_value(cell, f"line {number}")
            elif column.startswith("qal"):
                quals.append(("P" + column[3:], parse_value(cell, f"line {number}")))
            elif re.fullmatch(r"S\d+", column):
                refs.append((column, parse_value(cell, f"line {number}")))
        commands.append(Command(row[0], prop, value, tuple(quals), tuple(refs), summary))
    return commands


def time_precision(value: str) -> int | None:
    match = _TIME.match(value)
    return int(match.group(1)) if match else None
