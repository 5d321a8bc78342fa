"""One document's facts as a self-contained SVG: a header, a legend, the graph, and lists of the
quotations and meetings. Pure Python; the same document always gives the same bytes.

Each fact is one ``<g class="fact …">`` carrying ``data-*`` attributes (subject, predicate, object,
polarity, modality) and a ``<title>`` (the tooltip: evidence sentence, speaker, date, confidence).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.draw.layout import (
    LABEL_FONT,
    LABEL_PAD_X,
    NODE_FONT,
    NODE_LINE,
    NODE_SUBTITLE_FONT,
    NOT_ICON,
    Box,
    GraphLayout,
    PlacedEntity,
    PlacedFact,
    layout_graph,
)
from kg.draw.records import WD, DocumentFacts, Entity, Fact, Meeting, Quotation
from kg.draw.styles import MODALITY_ORDER, NEGATIVE_COLOUR, dashes, edge_colour, predicate_colour
from kg.draw.svg import FONT_FAMILY, element, fit, num, start, text_width, wrap

MARGIN = 24.0
MIN_WIDTH = 760.0
TITLE_FONT = 19.0
META_FONT = 12.0
SECTION_FONT = 13.0
LIST_FONT = 12.0
LIST_LINE = 18.0
TEXT = "#222222"
MUTED = "#666666"
NODE_FILL = "#f6f7f9"
NODE_STROKE = "#8a93a0"

_STYLE = (
    ".fact:hover path{stroke-width:3.5}.fact:hover rect{stroke-width:2}.entity:hover rect{stroke:#222222}"
)


@dataclass(frozen=True)
class _Block:
    """A part of the picture laid out at the origin: its elements and its height."""

    lines: tuple[str, ...]
    height: float


def render_svg(document: DocumentFacts) -> str:
    """The SVG text of ``document``'s picture."""
    graph = layout_graph(document) if document.facts else None
    content_width = max(MIN_WIDTH - 2 * MARGIN, graph.width if graph else 0.0)
    blocks = [_header(document, content_width)]
    if graph is not None:
        blocks.append(_legend(document, content_width))
        blocks.append(_graph(document, graph))
    else:
        blocks.append(_no_facts(document, content_width))
    if document.quotations:
        blocks.append(_quotations(document, content_width))
    if document.meetings:
        blocks.append(_meetings(document, content_width))
    width = content_width + 2 * MARGIN
    height = MARGIN + sum(b.height for b in blocks) + 22.0 * (len(blocks) - 1) + MARGIN
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        start(
            "svg",
            {
                "xmlns": "http://www.w3.org/2000/svg",
                "width": num(width),
                "height": num(height),
                "viewBox": f"0 0 {num(width)} {num(height)}",
                "font-family": FONT_FAMILY,
                "font-size": num(LIST_FONT),
                "data-document": document.doc_id,
            },
        ),
        element("title", text=f"{document.title or document.doc_id}: facts extracted by kg"),
        f"<style>{_STYLE}</style>",
        element("rect", {"width": "100%", "height": "100%", "fill": "#ffffff"}),
    ]
    top = MARGIN
    for block in blocks:
        out.append(start("g", {"transform": f"translate({num(MARGIN)} {num(top)})"}))
        out.extend(block.lines)
        out.append("</g>")
        top += block.height + 22.0
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- header and legend -----------------------------------------------------------------------


def _header(document: DocumentFacts, width: float) -> _Block:
    lines = []
    titles = wrap(document.title or document.doc_id, TITLE_FONT, width, max_lines=2, bold=True)
    y = TITLE_FONT
    for title in titles:
        lines.append(
            element(
                "text",
                {"y": num(y), "font-size": num(TITLE_FONT), "font-weight": "bold", "fill": TEXT},
                title,
            )
        )
        y += TITLE_FONT * 1.3
    meta = [f"document {document.doc_id}"]
    if document.issued:
        meta.append(f"published {document.issued}")
    if document.language:
        meta.append(f"language {document.language}")
    meta.append(_count(len(document.facts), "fact"))
    meta.append(_count(len(document.quotations), "quotation"))
    meta.append(_count(len(document.meetings), "meeting"))
    y += 2
    lines.append(
        element(
            "text",
            {"y": num(y), "font-size": num(META_FONT), "fill": MUTED},
            fit(" · ".join(meta), META_FONT, width),
        )
    )
    return _Block(tuple(lines), y + 4)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _legend(document: DocumentFacts, width: float) -> _Block:
    """What the colours, line styles and the ✗ mean: only what this picture uses."""
    others = _other_predicates(document)
    predicates: dict[str, str] = {}  # only colours the picture shows: a negated fact is red
    for fact in sorted(document.facts, key=lambda f: (f.predicate_label, f.predicate)):
        if not fact.negative:
            predicates.setdefault(fact.predicate, fact.predicate_label)
    modalities = {f.modality: f.modality_label for f in document.facts}
    rows: list[list[tuple[str, list[str]]]] = [[], []]
    for predicate, label in predicates.items():
        rows[0].append((label, _swatch(predicate_colour(predicate, others), None)))
    if any(f.negative for f in document.facts):
        rows[0].append(("negated (“not …”)", [*_swatch(NEGATIVE_COLOUR, None), *_not_mark(14.0, 0.0)]))
    for modality in sorted(
        modalities, key=lambda m: (MODALITY_ORDER.index(m) if m in MODALITY_ORDER else 99, m)
    ):
        rows[1].append((modalities[modality], _swatch("#555555", dashes(modality))))
    headings = ("relation", "how firmly the text holds it")
    indent = max(text_width(h + ":", 11) for h in headings) + 14
    lines: list[str] = []
    y = 0.0
    for heading, row in zip(headings, rows, strict=True):
        if not row:
            continue
        y += 16.0
        lines.append(element("text", {"y": num(y + 4), "font-size": "11", "fill": MUTED}, heading + ":"))
        x = indent
        for label, swatch in row:
            item_width = 34 + text_width(label, 11.5) + 18
            if x + item_width > width and x > indent:
                x, y = indent, y + 20.0
            lines.append(start("g", {"class": "legend-item", "transform": f"translate({num(x)} {num(y)})"}))
            lines.extend(swatch)
            lines.append(element("text", {"x": "34", "y": "4", "font-size": "11.5", "fill": TEXT}, label))
            lines.append("</g>")
            x += item_width
        y += 6.0
    return _Block(tuple(lines), y + 4)


def _swatch(colour: str, dash: str | None) -> list[str]:
    return [
        element(
            "line",
            {
                "x1": "0",
                "y1": "0",
                "x2": "28",
                "y2": "0",
                "stroke": colour,
                "stroke-width": "2.5",
                "stroke-dasharray": dash,
            },
        )
    ]


def _not_mark(cx: float, cy: float) -> list[str]:
    """A ✗ in a red disc, drawn as lines (no font has to have the glyph)."""
    r, a = 6.0, 2.6
    down = f"M{num(cx - a)} {num(cy - a)} L{num(cx + a)} {num(cy + a)}"
    up = f"M{num(cx + a)} {num(cy - a)} L{num(cx - a)} {num(cy + a)}"
    cross = f"{down} {up}"
    return [
        start("g", {"class": "not-mark"}),
        element("circle", {"cx": num(cx), "cy": num(cy), "r": num(r), "fill": NEGATIVE_COLOUR}),
        element("path", {"d": cross, "stroke": "#ffffff", "stroke-width": "1.8", "stroke-linecap": "round"}),
        "</g>",
    ]


# --- the graph -------------------------------------------------------------------------------


def _graph(document: DocumentFacts, graph: GraphLayout) -> _Block:
    index = document.entity_index()
    others = _other_predicates(document)
    lines = [start("g", {"class": "facts"})]
    for placed in graph.facts:
        lines.extend(_fact(placed, index, others))
    lines.append("</g>")
    lines.append(start("g", {"class": "entities"}))
    for entity in graph.entities:
        lines.extend(_entity(entity))
    lines.append("</g>")
    return _Block(tuple(lines), graph.height)


def _fact(placed: PlacedFact, index: dict[str, Entity], others: tuple[str, ...]) -> list[str]:
    fact = placed.fact
    colour = edge_colour(fact, others)
    subject, obj = _label(fact.subject, index), _label(fact.object, index)
    box = placed.label
    attrs = {
        "class": f"fact {'negative' if fact.negative else 'positive'} modality-{fact.modality.lower()}",
        "data-fact": fact.iri,
        "data-subject": subject,
        "data-subject-iri": fact.subject,
        "data-predicate": fact.predicate_label,
        "data-predicate-iri": fact.predicate,
        "data-object": obj,
        "data-object-iri": fact.object,
        "data-polarity": "negative" if fact.negative else "positive",
        "data-modality": fact.modality.lower(),
        "data-confidence": None if fact.confidence is None else f"{fact.confidence:.3g}",
    }
    text_x = box.cx + (NOT_ICON / 2 if fact.negative else 0.0)
    out = [
        start("g", attrs),
        element("title", text=_tooltip(fact, subject, obj, index)),
        element(
            "path",
            {
                "d": placed.path,
                "fill": "none",
                "stroke": colour,
                "stroke-width": "2",
                "stroke-dasharray": dashes(fact.modality),
            },
        ),
        element(
            "polygon", {"points": " ".join(f"{num(x)},{num(y)}" for x, y in placed.arrow), "fill": colour}
        ),
        _rect(box, rounded=10, fill="#ffffff", stroke=colour),
    ]
    if fact.negative:
        out.extend(_not_mark(box.x + LABEL_PAD_X + 5, box.cy))
    out.append(
        element(
            "text",
            {
                "x": num(text_x),
                "y": num(box.cy + LABEL_FONT * 0.35),
                "font-size": num(LABEL_FONT),
                "fill": colour,
                "text-anchor": "middle",
                "font-weight": "bold" if fact.negative else None,
            },
            placed.text,
        )
    )
    out.append("</g>")
    return out


def _rect(box: Box, *, rounded: float, fill: str, stroke: str) -> str:
    return element(
        "rect",
        {
            "x": num(box.x),
            "y": num(box.y),
            "width": num(box.width),
            "height": num(box.height),
            "rx": num(rounded),
            "fill": fill,
            "stroke": stroke,
            "stroke-width": "1.2",
        },
    )


def _tooltip(fact: Fact, subject: str, obj: str, index: dict[str, Entity]) -> str:
    relation = ("not " if fact.negative else "") + fact.predicate_label
    lines = [f"{subject} — {relation} → {obj}"]
    if fact.evidence:
        lines.append(f"“{' '.join(fact.evidence.split())}”")
    if fact.attributed_to:
        lines.append("according to: " + ", ".join(_label(s, index) for s in fact.attributed_to))
    for time in fact.times:
        lines.append(f"{time.role}: {time.date}")
    details = [f"modality: {fact.modality_label}"]
    if fact.confidence is not None:
        details.append(f"confidence: {fact.confidence:.2f}")
    lines.append(" · ".join(details))
    return "\n".join(lines)


def _entity(placed: PlacedEntity) -> list[str]:
    entity, box = placed.entity, placed.box
    tooltip = "\n".join([entity.label, placed.subtitle, entity.iri])
    out = [start("g", {"class": "entity", "data-iri": entity.iri, "data-label": entity.label})]
    out.append(element("title", text=tooltip))
    if entity.iri.startswith(WD):
        out.append(start("a", {"href": entity.iri, "target": "_blank"}))
    out.append(_rect(box, rounded=6, fill=NODE_FILL, stroke=NODE_STROKE))
    y = placed.text_top + NODE_FONT
    for line in placed.lines:
        out.append(
            element(
                "text",
                {
                    "x": num(box.cx),
                    "y": num(y),
                    "font-size": num(NODE_FONT),
                    "font-weight": "bold",
                    "fill": TEXT,
                    "text-anchor": "middle",
                },
                line,
            )
        )
        y += NODE_LINE
    out.append(
        element(
            "text",
            {
                "x": num(box.cx),
                "y": num(y - 1),
                "font-size": num(NODE_SUBTITLE_FONT),
                "fill": MUTED,
                "text-anchor": "middle",
            },
            placed.subtitle,
        )
    )
    if entity.iri.startswith(WD):
        out.append("</a>")
    out.append("</g>")
    return out


# --- lists below the graph -------------------------------------------------------------------


def _no_facts(document: DocumentFacts, width: float) -> _Block:
    """A document without facts still shows what it mentions, so an empty picture is not mistaken
    for a failed drawing."""
    index = document.entity_index()
    lines = [
        element(
            "text",
            {"y": "16", "font-size": num(SECTION_FONT), "font-weight": "bold", "fill": TEXT},
            "No facts were extracted from this document.",
        )
    ]
    names = sorted({_label(iri, index) for iri in document.mentioned}, key=str.casefold)
    text = "Entities it mentions: " + ", ".join(names) if names else "It mentions no entity kg knows."
    y = 16.0
    for line in wrap(text, LIST_FONT, width, max_lines=12):
        y += LIST_LINE
        lines.append(element("text", {"y": num(y), "fill": MUTED}, line))
    return _Block(tuple([start("g", {"class": "no-facts"}), *lines, "</g>"]), y + 4)


def _quotations(document: DocumentFacts, width: float) -> _Block:
    index = document.entity_index()
    by_speaker: dict[str, list[Quotation]] = defaultdict(list)
    for quotation in document.quotations:
        by_speaker[_label(quotation.speaker, index) if quotation.speaker else "(speaker not known)"].append(
            quotation
        )
    rows = []
    for speaker in sorted(by_speaker, key=str.casefold):
        quotes = by_speaker[speaker]
        first = " ".join(quotes[0].text.split())
        summary = f"{speaker} ({len(quotes)}): “{first}”" + (" …" if len(quotes) > 1 else "")
        tooltip = "\n".join(
            f"“{' '.join(q.text.split())}”" + (f" ({q.date})" if q.date else "") for q in quotes
        )
        rows.append(
            (
                {"class": "quotation", "data-speaker": speaker, "data-count": str(len(quotes))},
                summary,
                tooltip,
            )
        )
    return _list("Quotations by speaker", rows, width)


def _meetings(document: DocumentFacts, width: float) -> _Block:
    index = document.entity_index()
    rows = []
    for meeting in document.meetings:
        rows.append(({"class": "meeting"}, _meeting_line(meeting, index), meeting.evidence or ""))
    return _list("Meetings", rows, width)


def _meeting_line(meeting: Meeting, index: dict[str, Entity]) -> str:
    parts = [meeting.date or "date not given"]
    if meeting.place:
        parts.append("in " + _label(meeting.place, index))
    who = ", ".join(sorted((_label(p, index) for p in meeting.participants), key=str.casefold))
    parts.append(who or "participants not named")
    return " · ".join(parts)


def _list(heading: str, rows: list[tuple[dict[str, str], str, str]], width: float) -> _Block:
    lines = [
        start("g", {"class": heading.split()[0].lower()}),
        element(
            "text", {"y": "14", "font-size": num(SECTION_FONT), "font-weight": "bold", "fill": TEXT}, heading
        ),
    ]
    y = 14.0
    for attrs, text, tooltip in rows:
        y += LIST_LINE
        lines.append(start("g", attrs))
        if tooltip:
            lines.append(element("title", text=tooltip))
        lines.append(
            element("text", {"x": "10", "y": num(y), "fill": TEXT}, fit(text, LIST_FONT, width - 10))
        )
        lines.append("</g>")
    lines.append("</g>")
    return _Block(tuple(lines), y + 5)


# --- helpers ---------------------------------------------------------------------------------


def _label(iri: str, index: dict[str, Entity]) -> str:
    entity = index.get(iri)
    return entity.label if entity else iri


def _other_predicates(document: DocumentFacts) -> tuple[str, ...]:
    return tuple(sorted({f.predicate for f in document.facts}))
