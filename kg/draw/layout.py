"""Where the entities and facts of a document go: a layered drawing read left to right.

Every fact points from its subject to its object, so the entities fall into columns: an entity is
placed as far right as its facts allow (the objects of facts, such as organisations, offices and
treaty clauses, in the last column; the countries and people that are members, hold offices or are
covered in the one before; a country that borders such a country before that). A cycle is broken
where a depth-first walk finds it, and that fact is drawn pointing back left.

Between two columns runs a lane that holds the facts' labels, one above the other, each on a
straight stretch of its edge, so no label overlaps another label, a node or a foreign edge. A fact
that skips a column passes through it in a gap between the entities (a reserved slot), as in the
usual layered (Sugiyama) drawings. Orders and heights come from a few barycentre sweeps; ties are
broken by label and IRI, so the same document always gives the same picture.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from statistics import fmean

from kg.draw.records import DocumentFacts, Entity, Fact
from kg.draw.styles import edge_label
from kg.draw.svg import fit, num, text_width, wrap

NODE_FONT = 13.0
NODE_SUBTITLE_FONT = 10.5
LABEL_FONT = 11.5
NODE_TEXT_WIDTH = 230.0  # longer names wrap onto a second line
NODE_PAD_X = 11.0
NODE_PAD_Y = 7.0
NODE_LINE = 16.0
NODE_SUBTITLE_LINE = 13.0
NODE_GAP = 14.0
NODE_MIN_WIDTH = 90.0
LABEL_HEIGHT = 20.0
LABEL_PAD_X = 8.0
NOT_ICON = 15.0  # room for the ✗ of a negated fact
PASS_HEIGHT = 4.0  # a fact's slot where it passes a column or lane without its label
SLOT_GAP = 6.0
BEND = 58.0  # horizontal room for an edge's curve between a column and a lane
ARROW = 8.0
PORT_STEP = 10.0  # between the ends of two facts on one side of an entity: more than an arrowhead
PORT_MARGIN = 14.0  # no fact ends this close to an entity's corners
SWEEPS = 4
SETTLE_ROUNDS = 8


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class PlacedEntity:
    entity: Entity
    box: Box
    lines: tuple[str, ...]  # the label, wrapped
    subtitle: str  # wd:Q212, or the kind of an entity not in Wikidata
    column: int

    @property
    def text_top(self) -> float:
        """Where the text starts: centred in a box made taller for its many facts."""
        return self.box.y + (self.box.height - _node_height(list(self.lines))) / 2 + NODE_PAD_Y


@dataclass(frozen=True)
class PlacedFact:
    fact: Fact
    path: str  # SVG path data, subject end to object end (without the arrowhead)
    arrow: tuple[tuple[float, float], ...]  # the arrowhead's triangle, tip first
    label: Box
    text: str  # the words on the label: "not member of"


@dataclass(frozen=True)
class GraphLayout:
    entities: tuple[PlacedEntity, ...]
    facts: tuple[PlacedFact, ...]
    width: float
    height: float


@dataclass(eq=False)
class _Slot:
    """One place in a column (an entity, or a fact passing through) or in a lane (a label or a
    fact passing through). ``y`` is its centre."""

    height: float
    column: int
    entity: Entity | None = None
    width: float = 0.0
    neighbours: list[_Slot] = field(default_factory=list)
    y: float = 0.0


@dataclass(eq=False)
class _Chain:
    """One fact's way from its left end to its right end: the column slots it goes through."""

    index: int
    fact: Fact
    slots: list[_Slot]  # left entity, passes through the columns between, right entity
    object_on_right: bool
    ports: list[float] = field(default_factory=lambda: [0.0, 0.0])  # y where it leaves / enters
    lanes: list[_Slot] = field(default_factory=list)  # one slot per lane it crosses (the first: label)

    @property
    def loop(self) -> bool:
        return len(self.slots) == 1


def layout_graph(document: DocumentFacts) -> GraphLayout:
    """Positions for every fact of ``document`` and the entities at their ends (origin top left)."""
    index = document.entity_index()
    ends = sorted(
        {iri for f in document.facts for iri in (f.subject, f.object)}, key=lambda i: _order(i, index)
    )
    entity_of = {iri: index.get(iri) or Entity(iri=iri, label=iri) for iri in ends}
    column_of = _columns(ends, [(f.subject, f.object) for f in document.facts])
    count = max(column_of.values(), default=0) + 1
    columns: list[list[_Slot]] = [[] for _ in range(count)]
    node: dict[str, _Slot] = {}
    for iri in ends:
        entity = entity_of[iri]
        lines, subtitle = _node_text(entity)
        width = max([text_width(t, NODE_FONT, bold=True) for t in lines] + [_subtitle_width(subtitle)])
        slot = _Slot(_node_height(lines), column_of[iri], entity, width + 2 * NODE_PAD_X)
        node[iri] = slot
        columns[slot.column].append(slot)
    chains = [_chain(i, fact, node, columns) for i, fact in enumerate(document.facts)]
    _make_room_for_ports(chains)
    _order_columns(columns)
    _settle_columns(columns)
    _assign_ports(chains)
    lanes = _fill_lanes(chains, count)
    return _place(columns, lanes, chains)


# --- columns ---------------------------------------------------------------------------------


def _order(iri: str, index: dict[str, Entity]) -> tuple[str, str]:
    entity = index.get(iri)
    return ((entity.label if entity else iri).casefold(), iri)


def _columns(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, int]:
    """A column per entity: the longest way from it to an entity without outgoing facts, counted
    from the right. Cycles are broken where a depth-first walk (in label order) closes them."""
    targets: dict[str, list[str]] = {n: [] for n in nodes}
    for subject, obj in edges:
        if subject != obj and obj not in targets[subject]:
            targets[subject].append(obj)
    rank = {n: i for i, n in enumerate(nodes)}
    dag: dict[str, set[str]] = {n: set() for n in nodes}
    state: dict[str, int] = {}  # 1 on the walk's stack, 2 done
    finished: list[str] = []
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(sorted(targets[root], key=rank.__getitem__)))]
        while stack:
            current, pending = stack[-1]
            following = next(pending, None)
            if following is None:
                state[current] = 2
                finished.append(current)
                stack.pop()
            elif state.get(following) == 1:
                dag[following].add(current)  # closes a cycle: counted the other way round
            else:
                dag[current].add(following)
                if following not in state:
                    state[following] = 1
                    stack.append((following, iter(sorted(targets[following], key=rank.__getitem__))))
    # Every edge of the DAG points from a node finished later to one finished earlier (a reversed
    # cycle edge too), so in finishing order a node's targets have their depth before it.
    depth: dict[str, int] = {}
    for n in finished:
        depth[n] = 1 + max((depth[m] for m in dag[n]), default=-1)
    deepest = max(depth.values(), default=0)
    return {n: deepest - depth[n] for n in nodes}


def _chain(i: int, fact: Fact, node: dict[str, _Slot], columns: list[list[_Slot]]) -> _Chain:
    subject, obj = node[fact.subject], node[fact.object]
    left, right = (subject, obj) if subject.column <= obj.column else (obj, subject)
    slots = [left]
    for column in range(left.column + 1, right.column):
        passing = _Slot(PASS_HEIGHT, column)
        columns[column].append(passing)
        slots.append(passing)
    if right is not left:
        slots.append(right)
    for a, b in pairwise(slots):
        a.neighbours.append(b)
        b.neighbours.append(a)
    return _Chain(i, fact, slots, object_on_right=right is obj and right is not left)


def _order_columns(columns: list[list[_Slot]]) -> None:
    """Barycentre sweeps: each column ordered by where its neighbours stand in the column before
    (rightwards) or after (leftwards). Sorting is stable, so ties keep label order."""

    def position() -> dict[int, float]:
        return {id(s): (i + 0.5) / len(col) for col in columns for i, s in enumerate(col)}

    for sweep in range(SWEEPS):
        forward = sweep % 2 == 0
        for c in range(1, len(columns)) if forward else range(len(columns) - 2, -1, -1):
            side = c - 1 if forward else c + 1
            where = position()

            def barycentre(slot: _Slot, side: int = side, where: dict[int, float] = where) -> float:
                near = [where[id(n)] for n in slot.neighbours if n.column == side]
                return fmean(near) if near else where[id(slot)]

            columns[c].sort(key=barycentre)


def _settle_columns(columns: list[list[_Slot]]) -> None:
    """Heights: every column first stacked; then the others moved towards their neighbours without
    overlaps, while the tallest stays stacked (entities linked only to each other would otherwise
    keep their first place, however far from the rest)."""
    extents = [_extent(col) for col in columns]
    tallest = max(extents, default=0.0)
    for col, extent in zip(columns, extents, strict=True):
        top = (tallest - extent) / 2
        for slot in col:
            slot.y = top + slot.height / 2
            top += slot.height + NODE_GAP
    stacked = extents.index(tallest)
    moving = [col for i, col in enumerate(columns) if i != stacked]
    for _ in range(SETTLE_ROUNDS):
        for col in moving + moving[::-1]:
            wanted = [fmean(n.y for n in s.neighbours) if s.neighbours else s.y for s in col]
            for slot, y in zip(col, spread(wanted, [s.height for s in col], NODE_GAP), strict=True):
                slot.y = y


def _extent(slots: list[_Slot]) -> float:
    return sum(s.height for s in slots) + NODE_GAP * max(len(slots) - 1, 0)


def spread(wanted: list[float], heights: list[float], gap: float) -> list[float]:
    """Centres for boxes kept in their order, ``gap`` apart, as near to ``wanted`` as can be (least
    squares: neighbours that would overlap move as one block to their mean position)."""
    blocks: list[tuple[int, int, float]] = []  # first, last, top

    def best_top(first: int, last: int) -> float:
        offset, shifts = 0.0, []
        for k in range(first, last + 1):
            shifts.append(wanted[k] - offset - heights[k] / 2)
            offset += heights[k] + gap
        return fmean(shifts)

    for i in range(len(wanted)):
        blocks.append((i, i, wanted[i] - heights[i] / 2))
        while len(blocks) > 1:
            (first, last, top), (_, end, next_top) = blocks[-2], blocks[-1]
            bottom = top + sum(heights[first : last + 1]) + gap * (last - first)
            if bottom + gap <= next_top + 1e-9:
                break
            blocks[-2:] = [(first, end, best_top(first, end))]
    centres = []
    for first, last, top in blocks:
        for k in range(first, last + 1):
            centres.append(top + heights[k] / 2)
            top += heights[k] + gap
    return centres


# --- ports and lanes -------------------------------------------------------------------------


def _make_room_for_ports(chains: list[_Chain]) -> None:
    """An entity with many facts on one side grows taller, so their arrowheads do not overlap."""
    ends: dict[tuple[int, int], int] = defaultdict(int)
    slots: dict[int, _Slot] = {}
    for chain in chains:
        first, last = chain.slots[0], chain.slots[-1]
        ends[id(first), 1] += 1
        ends[id(last), 0 if not chain.loop else 1] += 1
        slots[id(first)], slots[id(last)] = first, last
    for (key, _), count in ends.items():
        slots[key].height = max(slots[key].height, PORT_MARGIN + PORT_STEP * (count - 1))


def _assign_ports(chains: list[_Chain]) -> None:
    """Where each fact leaves and enters an entity: spread over the entity's side in the order of
    the other ends, so edges of one entity do not cross at its border."""
    sides: dict[tuple[int, str], tuple[_Slot, list[tuple[float, int, _Chain, int]]]] = {}

    def attach(slot: _Slot, side: str, other_y: float, chain: _Chain, end: int) -> None:
        sides.setdefault((id(slot), side), (slot, []))[1].append((other_y, chain.index, chain, end))

    for chain in chains:
        first, last = chain.slots[0], chain.slots[-1]
        if chain.loop:  # out above, back in below
            attach(first, "right", first.y - 0.5, chain, 0)
            attach(first, "right", first.y + 0.5, chain, 1)
        else:
            attach(first, "right", chain.slots[1].y, chain, 0)
            attach(last, "left", chain.slots[-2].y, chain, 1)
    for slot, entries in sides.values():
        entries.sort(key=lambda e: (e[0], e[1], e[3]))
        step = min(PORT_STEP, (slot.height - PORT_MARGIN) / max(len(entries) - 1, 1))
        for i, (_, _, chain, end) in enumerate(entries):
            chain.ports[end] = slot.y + (i - (len(entries) - 1) / 2) * step


def _fill_lanes(chains: list[_Chain], columns: int) -> list[list[_Slot]]:
    """The slots of each lane (between column c and c + 1, and one after the last column when a fact
    there loops back to its own entity), ordered and spread like the columns."""
    loops_last = any(c.loop and c.slots[0].column == columns - 1 for c in chains)
    lanes: list[list[tuple[float, int, _Slot]]] = [[] for _ in range(columns - 1 + loops_last)]
    for chain in chains:
        first = chain.slots[0].column
        for step in range(max(len(chain.slots) - 1, 1)):
            if chain.loop:
                wanted = chain.slots[0].y
            else:
                left_y = chain.ports[0] if step == 0 else chain.slots[step].y
                right_y = chain.ports[1] if step == len(chain.slots) - 2 else chain.slots[step + 1].y
                wanted = (left_y + right_y) / 2
            labelled = step == 0
            text = edge_label(chain.fact)
            width = _label_width(chain.fact, text) if labelled else 0.0
            slot = _Slot(LABEL_HEIGHT if labelled else PASS_HEIGHT, first + step, width=width)
            chain.lanes.append(slot)
            lanes[first + step].append((wanted, chain.index, slot))
    placed = []
    for lane in lanes:
        lane.sort(key=lambda entry: (entry[0], entry[1]))
        ys = spread([w for w, _, _ in lane], [s.height for _, _, s in lane], SLOT_GAP)
        for (_, _, slot), y in zip(lane, ys, strict=True):
            slot.y = y
        placed.append([slot for _, _, slot in lane])
    return placed


def _label_width(fact: Fact, text: str) -> float:
    return text_width(text, LABEL_FONT) + 2 * LABEL_PAD_X + (NOT_ICON if fact.negative else 0)


# --- coordinates -----------------------------------------------------------------------------


def _place(columns: list[list[_Slot]], lanes: list[list[_Slot]], chains: list[_Chain]) -> GraphLayout:
    widths = [max([NODE_MIN_WIDTH] + [s.width for s in col if s.entity]) for col in columns]
    lane_widths = [max([30.0] + [s.width for s in lane]) for lane in lanes]
    column_x, lane_x = [0.0], []
    for c in range(len(lanes)):
        lane_x.append(column_x[c] + widths[c] + BEND)
        column_x.append(lane_x[c] + lane_widths[c] + BEND)
    every = [s for col in columns for s in col] + [s for lane in lanes for s in lane]
    top = min((s.y - s.height / 2 for s in every), default=0.0)
    bottom = max((s.y + s.height / 2 for s in every), default=0.0)

    def y(value: float) -> float:
        return value - top

    entities = []
    for c, col in enumerate(columns):
        for slot in col:
            if slot.entity is not None:
                lines, subtitle = _node_text(slot.entity)
                box = Box(column_x[c], y(slot.y - slot.height / 2), widths[c], slot.height)
                entities.append(PlacedEntity(slot.entity, box, tuple(lines), subtitle, c))
    facts = []
    for chain in chains:
        first = chain.slots[0].column
        label_slot = chain.lanes[0]
        centre = lane_x[first] + lane_widths[first] / 2
        label = Box(
            centre - label_slot.width / 2, y(label_slot.y - LABEL_HEIGHT / 2), label_slot.width, LABEL_HEIGHT
        )
        if chain.loop:
            path, arrow = _loop_path(column_x[first] + widths[first], label, chain, y)
        else:
            path, arrow = _chain_path(chain, column_x, widths, lane_x, lane_widths, y)
        facts.append(PlacedFact(chain.fact, path, arrow, label, edge_label(chain.fact)))
    width = column_x[-1] + widths[-1] if len(lanes) < len(columns) else lane_x[-1] + lane_widths[-1] + BEND
    entities.sort(key=lambda e: (e.column, e.box.y))
    return GraphLayout(tuple(entities), tuple(facts), width, bottom - top)


Point = tuple[float, float]


def _chain_path(
    chain: _Chain,
    column_x: list[float],
    widths: list[float],
    lane_x: list[float],
    lane_widths: list[float],
    y: Callable[[float], float],
) -> tuple[str, tuple[Point, ...]]:
    """Straight horizontal stretches (through the lanes and the columns passed) joined by S-curves."""
    first = chain.slots[0].column
    stretches: list[tuple[float, float, float]] = []  # x from, x to, y
    start_x = column_x[first] + widths[first]
    stretches.append((start_x, start_x, y(chain.ports[0])))
    for step, lane in enumerate(chain.lanes):
        c = first + step
        stretches.append((lane_x[c], lane_x[c] + lane_widths[c], y(lane.y)))
        if c + 1 < chain.slots[-1].column:
            passing = chain.slots[step + 1]
            stretches.append((column_x[c + 1], column_x[c + 1] + widths[c + 1], y(passing.y)))
    end_x = column_x[chain.slots[-1].column]
    stretches.append((end_x, end_x, y(chain.ports[1])))
    if chain.object_on_right:
        x0, x1, last_y = stretches[-1]
        stretches[-1] = (x0 - ARROW, x1 - ARROW, last_y)
        arrow = _arrow((end_x, last_y), pointing=1)
    else:
        x0, x1, first_y = stretches[0]
        stretches[0] = (x0 + ARROW, x1 + ARROW, first_y)
        arrow = _arrow((start_x, first_y), pointing=-1)
    parts = [f"M{_xy((stretches[0][1], stretches[0][2]))}"]
    for (_, x_from, y_from), (x_to, x_end, y_to) in pairwise(stretches):
        bend = (x_to - x_from) / 2
        parts.append(_curve((x_from + bend, y_from), (x_to - bend, y_to), (x_to, y_to)))
        if x_end > x_to:
            parts.append(f"H{num(x_end)}")
    return " ".join(parts), arrow


def _loop_path(
    right: float, label: Box, chain: _Chain, y: Callable[[float], float]
) -> tuple[str, tuple[Point, ...]]:
    """A fact whose subject is its object: out of the entity's right side to its label and back."""
    out_y, in_y, label_y = y(chain.ports[0]), y(chain.ports[1]), label.cy
    bend = (label.x - right) / 2
    at_label = (label.x, label_y)
    out = _curve((right + bend, out_y), (label.x - bend, label_y), at_label)
    back = _curve((label.x - bend, label_y), (right + bend, in_y), (right + ARROW, in_y))
    return f"M{_xy((right, out_y))} {out} {back}", _arrow((right, in_y), pointing=-1)


def _curve(control_1: Point, control_2: Point, end: Point) -> str:
    return f"C{_xy(control_1)} {_xy(control_2)} {_xy(end)}"


def _xy(point: Point) -> str:
    return f"{num(point[0])} {num(point[1])}"


def _arrow(tip: Point, *, pointing: int) -> tuple[Point, ...]:
    x, y = tip
    return ((x, y), (x - pointing * ARROW, y - ARROW / 2), (x - pointing * ARROW, y + ARROW / 2))


# --- entity boxes ----------------------------------------------------------------------------


def _node_text(entity: Entity) -> tuple[list[str], str]:
    lines = wrap(entity.label, NODE_FONT, NODE_TEXT_WIDTH, max_lines=2, bold=True)
    return lines, fit(entity.short_id, NODE_SUBTITLE_FONT, NODE_TEXT_WIDTH)


def _subtitle_width(subtitle: str) -> float:
    return text_width(subtitle, NODE_SUBTITLE_FONT)


def _node_height(lines: list[str]) -> float:
    return 2 * NODE_PAD_Y + len(lines) * NODE_LINE + NODE_SUBTITLE_LINE
