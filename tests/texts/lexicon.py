"""Hand-built mentions and a tiny knowledge base for the facts tests, so that they do not depend on
the linker. Every id here is taken from ../shared/kb/wikidata-geo.ttl."""

from __future__ import annotations

import re

from kg.model import Entity, EntityKind, Extractor, Mention, Span

P, C, ORG, PL, POS = (
    EntityKind.PERSON,
    EntityKind.COUNTRY,
    EntityKind.ORGANISATION,
    EntityKind.PLACE,
    EntityKind.POSITION,
)

NATO = Entity("NATO", ORG, "Q7184")
EU = Entity("European Union", ORG, "Q458")
UN = Entity("United Nations", ORG, "Q1065")
EU_COMMISSION = Entity("European Commission", ORG, "Q8880")
STOLTENBERG = Entity("Jens Stoltenberg", P, "Q57665")
MACRON = Entity("Emmanuel Macron", P, "Q3052772")
VON_DER_LEYEN = Entity("Ursula von der Leyen", P, "Q60772")
SCHOLZ = Entity("Olaf Scholz", P, "Q61053")
MODI = Entity("Narendra Modi", P, "Q1058")
BORRELL = Entity("Josep Borrell", P, "Q312901")
SHERMAN = Entity("Wendy Sherman", P, "Q4169153")
PUTIN = Entity("Vladimir Putin", P, "Q7747")
UKRAINE = Entity("Ukraine", C, "Q212")
FINLAND = Entity("Finland", C, "Q33")
SWEDEN = Entity("Sweden", C, "Q34")
GEORGIA = Entity("Georgia", C, "Q230")
NORWAY = Entity("Norway", C, "Q20")
POLAND = Entity("Poland", C, "Q36")
FRANCE = Entity("France", C, "Q142")
INDIA = Entity("India", C, "Q668")
RUSSIA = Entity("Russia", C, "Q159")
USA = Entity("United States", C, "Q30")
BERLIN = Entity("Berlin", PL, "Q64")
PARIS = Entity("Paris", PL, "Q90")
GENEVA = Entity("Geneva", PL, "Q71")
BRUSSELS = Entity("Brussels", PL, "Q239")
VIENNA = Entity("Vienna", PL, "Q1741")
MADRID = Entity("Madrid", PL, "Q2807")
NATO_SG = Entity("Secretary General of NATO", POS, "Q167662")
PRESIDENT_FRANCE = Entity("President of the French Republic", POS, "Q191954")
PRESIDENT_EC = Entity("President of the European Commission", POS, "Q8882")
PM_INDIA = Entity("Prime Minister of India", POS, "Q192711")
US_DEPUTY_SECSTATE = Entity("US Deputy Secretary of State", POS, "Q2301213")

NATO_RUSSIA_COUNCIL = Entity("Russland-NATO-Rat", ORG, label_lang="de")  # a NIL organisation
HAND_LINKER = Extractor("tests.hand", "1")

# surface form -> entity, as a linker would find them (German and English forms)
SURFACES: dict[str, Entity] = {
    "NATO": NATO,
    "EU": EU,
    "UN": UN,
    "Nato": NATO,
    "Europäischen Kommission": EU_COMMISSION,
    "European Commission": EU_COMMISSION,
    "Jens Stoltenberg": STOLTENBERG,
    "Stoltenberg": STOLTENBERG,
    "Stoltenbergs": STOLTENBERG,
    "Emmanuel Macron": MACRON,
    "Macron": MACRON,
    "Ursula von der Leyen": VON_DER_LEYEN,
    "von der Leyen": VON_DER_LEYEN,
    "Olaf Scholz": SCHOLZ,
    "Scholz": SCHOLZ,
    "Narendra Modi": MODI,
    "Modi": MODI,
    "Josep Borrell": BORRELL,
    "Borrell": BORRELL,
    "Wendy Sherman": SHERMAN,
    "Sherman": SHERMAN,
    "Wladimir Putin": PUTIN,
    "Vladimir Putin": PUTIN,
    "Putin": PUTIN,
    "Ukraine": UKRAINE,
    "Finnland": FINLAND,
    "Finnlands": FINLAND,
    "Schwedens": SWEDEN,
    "Finland": FINLAND,
    "Schweden": SWEDEN,
    "Sweden": SWEDEN,
    "Georgien": GEORGIA,
    "Georgia": GEORGIA,
    "Norwegen": NORWAY,
    "Norway": NORWAY,
    "Polen": POLAND,
    "Poland": POLAND,
    "Frankreich": FRANCE,
    "France": FRANCE,
    "französische": FRANCE,
    "French": FRANCE,
    "Indian": INDIA,
    "India": INDIA,
    "Indien": INDIA,
    "Russland": RUSSIA,
    "Russia": RUSSIA,
    "russische": RUSSIA,
    "Russian": RUSSIA,
    "USA": USA,
    "US": USA,
    "Berlin": BERLIN,
    "Paris": PARIS,
    "Genf": GENEVA,
    "Geneva": GENEVA,
    "Brüssel": BRUSSELS,
    "Brussels": BRUSSELS,
    "Wien": VIENNA,
    "Vienna": VIENNA,
    "Madrid": MADRID,
    "Nato-Generalsekretär": NATO_SG,
    "Russland-NATO-Rates": NATO_RUSSIA_COUNCIL,
}


def hand_mentions(text: str, surfaces: dict[str, Entity] | None = None) -> tuple[Mention, ...]:
    """Every occurrence of a known surface form (longest first, no overlaps), as a linker would give."""
    table = surfaces or SURFACES
    taken: list[tuple[int, int]] = []
    out: list[Mention] = []
    for surface in sorted(table, key=len, reverse=True):
        for m in re.finditer(r"(?<![\w-])" + re.escape(surface) + r"(?=[\W]|$)", text):
            b, e = m.start(), m.end()
            if any(b < te and tb < e for tb, te in taken):
                continue
            # inside a hyphen compound (NATO-Partner) a linker still marks the name part
            taken.append((b, e))
            out.append(Mention(Span(b, e, text[b:e]), 0, table[surface], 0.95, HAND_LINKER))
    for m in re.finditer(r"(?<=[\s(])(NATO|Nato|US|EU)-", text):  # compound prefixes
        b, e = m.start(1), m.end(1)
        if not any(b < te and tb < e for tb, te in taken) and m.group(1) in table:
            taken.append((b, e))
            out.append(Mention(Span(b, e, text[b:e]), 0, table[m.group(1)], 0.9, HAND_LINKER))
    return tuple(sorted(out, key=lambda m: m.span.begin))


class TinyKb:
    """The one question the facts stage asks: which position item is a title of a jurisdiction."""

    version = "test"
    POSITIONS: tuple[tuple[str, str | None, Entity], ...] = (
        ("generalsekretär", "Q7184", NATO_SG),
        ("secretary general", "Q7184", NATO_SG),
        ("präsident", "Q142", PRESIDENT_FRANCE),
        ("president", "Q142", PRESIDENT_FRANCE),
        ("präsidentin", "Q8880", PRESIDENT_EC),
        ("präsident", "Q8880", PRESIDENT_EC),
        ("president", "Q8880", PRESIDENT_EC),
        ("prime minister", "Q668", PM_INDIA),
    )

    def find_position(self, title: str, jurisdiction: str | None = None) -> Entity | None:
        words = title.lower().replace("-", " ")
        for head, juris, entity in self.POSITIONS:
            if juris == jurisdiction and (
                words == head or words.endswith(" " + head) or words.startswith(head)
            ):
                return entity
        return None


def facts_graph(result: object) -> object:
    """The document's quads (the real RDF mapping) in an in-memory pyoxigraph store, for SPARQL asserts."""
    import datetime as dt

    import pyoxigraph

    from kg.facts import EXTRACTORS
    from kg.model import RunProvenance
    from kg.rdf import DEFAULT_BASE_IRI, document_quads

    run = RunProvenance("test", "test", "blank", "0", dt.datetime(2022, 1, 1, tzinfo=dt.UTC), EXTRACTORS)
    store = pyoxigraph.Store()
    store.extend(document_quads(result, run, base_iri=DEFAULT_BASE_IRI))  # type: ignore[arg-type]
    return store
