"""Offices (``wdt:P39``) from titles next to a person's name.

Three shapes, per language tables in ``patterns_*``:
  A  title before the name:  Nato-Generalsekretär Jens Stoltenberg; Indian Prime Minister Narendra Modi
  B  title, then the name:   die Präsidentin der Europäischen Kommission, Ursula von der Leyen
  C  name, then the title:   Jens Stoltenberg, the Secretary General of the Alliance,
The object is the KB's position item when a linked position mention lies in the title or the KB can
compose it from the title and the country/organisation named in it; else a NIL position labelled
with the title as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.facts.context import DocContext, OfficeIndex
from kg.facts.kbview import position_country, position_for, position_held
from kg.model import Entity, EntityKind, Extractor, Fact, Mention, Modality, Predicate

OFFICE_SHAPES = ("title_before_name", "title_apposition_before", "title_apposition_after")
SHAPE_NAMES = {
    "before": "title_before_name",
    "apposition_before": "title_apposition_before",
    "apposition_after": "title_apposition_after",
}


def office_extractor(lang: str, shape: str) -> Extractor:
    # v2: a designated office holder ("der designierte Kanzler") is Intended, not Asserted
    # v3: a former holder ("former President X", "Ex-Kanzler X") holds it no longer: an ended fact
    return Extractor(f"kg.facts.{lang}.offices.{shape}", "3")


MAX_TITLE_WORDS = 8
PUNCT = set(',;:.!?()[]–—"„“”»«')


@dataclass(frozen=True)
class TitlePhrase:
    begin: int
    end: int
    head: str  # the word that heads the title


def extract_offices(ctx: DocContext) -> tuple[list[Fact], OfficeIndex]:
    """Office facts, and the index of titles and countries the later passes read."""
    titles: dict[str, list[str]] = {}
    person_country: dict[str, Entity] = {}
    facts: list[Fact] = []
    seen: set[tuple[str, str]] = set()
    persons = [m for m in ctx.mentions if m.entity.kind is EntityKind.PERSON]
    for person in persons:
        for shape, phrase in _titles_of(ctx, person):
            position = _position(ctx, phrase, person)
            if position is None:
                continue
            key = (person.entity.key, position.key)
            if key in seen:
                continue
            seen.add(key)
            titles.setdefault(person.entity.key, []).append(ctx.text[phrase.begin : phrase.end])
            country = _title_country(ctx, phrase, position)
            if country is not None:
                person_country.setdefault(person.entity.key, country)
            sentence_index = ctx.sentence_at(person.span.begin)
            sentence = ctx.sentence(sentence_index)
            facts.append(
                Fact(
                    subject=person.entity,
                    predicate=Predicate.HOLDS_POSITION,
                    object=position,
                    evidence=sentence.span,
                    sentence=sentence_index,
                    extractor=office_extractor(ctx.lang, SHAPE_NAMES[shape]),
                    confidence=round((0.9 if position.qid else 0.75) * min(1.0, person.score + 0.1), 3),
                    modality=title_modality(ctx, phrase.begin, phrase.end),
                    ended=title_ended(ctx, phrase.begin, phrase.end),
                )
            )
    _counterparts(ctx, person_country)
    return facts, OfficeIndex.of(titles, person_country)


def _counterparts(ctx: DocContext, person_country: dict[str, Entity]) -> None:
    """ "ihren ukrainischen Kollegen Dmytro Kuleba", "his Ukrainian counterpart Dmytro Kuleba": no
    office to state, but the person's country (for "sein Land" and candidacies spoken for it)."""
    for person in ctx.mentions:
        if person.entity.kind is not EntityKind.PERSON or person.entity.key in person_country:
            continue
        before = ctx.words(max(0, person.span.begin - 60), person.span.begin)[-2:]
        if len(before) == 2 and ctx.vocab.counterpart.fullmatch(before[1][2]):
            country = [
                m.entity
                for m in ctx.mentions_overlapping(before[0][0], before[0][1])
                if m.entity.kind is EntityKind.COUNTRY
            ]
            if country:
                person_country[person.entity.key] = country[0]


def _titles_of(ctx: DocContext, person: Mention) -> list[tuple[str, TitlePhrase]]:
    sentence = ctx.sentence(ctx.sentence_at(person.span.begin)).span
    before = ctx.words(sentence.begin, person.span.begin)
    after = ctx.words(person.span.end, sentence.end)
    found: list[tuple[str, TitlePhrase]] = []
    phrase = _title_ending_at(ctx, before, len(before))
    if phrase is not None:
        found.append(("before", phrase))
    elif before and before[-1][2] == ",":
        phrase = _title_ending_at(ctx, before, len(before) - 1, allow_complement=True)
        if phrase is not None and not _governed_title(ctx, before, phrase):
            found.append(("apposition_before", phrase))
    if after and after[0][2] == ",":
        phrase = _title_starting_at(ctx, after, 1)
        if phrase is not None:
            found.append(("apposition_after", phrase))
    return found


def _title_country(ctx: DocContext, phrase: TitlePhrase, position: Entity) -> Entity | None:
    """The country whose office a title names: a country (or its adjective) inside the title
    ("der ukrainische Präsident", "Polish Prime Minister"), else the KB office's jurisdiction."""
    inside = [
        m.entity
        for m in ctx.mentions_overlapping(phrase.begin, phrase.end)
        if m.entity.kind is EntityKind.COUNTRY
    ]
    if inside:
        return inside[-1]
    return position_country(ctx.kb, position, ctx.lang)


def _governed_title(ctx: DocContext, words: list[tuple[int, int, str]], phrase: TitlePhrase) -> bool:
    """ "According to a government spokesperson, Scholz …", "Laut einem Sprecher, …": the title belongs to
    a phrase of its own (a preposition or an indefinite article before it), not to the name after it."""
    for _, _, w in reversed([x for x in words if x[0] < phrase.begin][-3:]):
        if w.lower() in ctx.vocab.governing_words:
            return True
        if not w[:1].islower():  # "a government spokesperson": look back over lower-case modifiers only
            return False
    return False


def _is_head(ctx: DocContext, word: str) -> bool:
    if ctx.grammar.nouns_capitalised and not word[:1].isupper():
        return False
    return ctx.patterns.title_head.fullmatch(word) is not None


def _is_modifier(ctx: DocContext, word: str, at: int) -> bool:
    low = word.lower()
    if low in ctx.vocab.possessive_clitics:  # Ukraine's President …: the possessive joins country and title
        return bool(ctx.mentions_overlapping(at - 2, at))
    if low in ctx.patterns.title_stop or word in PUNCT:
        return False
    if ctx.mentions_overlapping(at, at + len(word)):
        kinds = {m.entity.kind for m in ctx.mentions_overlapping(at, at + len(word))}
        return not kinds & {EntityKind.PERSON, EntityKind.PLACE}
    if ctx.grammar.nouns_capitalised and not word[:1].islower():
        return False
    modifier = ctx.patterns.title_modifier.fullmatch(word) is not None
    return modifier or (ctx.grammar.title_modifiers_are_heads and _is_head(ctx, word))


def _title_ending_at(
    ctx: DocContext, words: list[tuple[int, int, str]], stop: int, *, allow_complement: bool = False
) -> TitlePhrase | None:
    """A title whose last word is ``words[stop-1]`` (shape A), or which ends there with a genitive
    complement (shape B: "Präsidentin der Europäischen Kommission")."""
    if stop <= 0:
        return None
    head_index = stop - 1
    multiword = _multiword_title_before(ctx, words, stop)
    if multiword is not None:  # "Secretary of State Antony Blinken"
        head_index = multiword
    elif not _is_head(ctx, words[head_index][2]):
        if not allow_complement:
            return None
        # walk back over the complement to its head: "… Präsidentin der Europäischen Kommission"
        head_index = -1
        for i in range(stop - 1, max(-1, stop - 1 - MAX_TITLE_WORDS), -1):
            word = words[i][2]
            if word in PUNCT:
                return None
            if _is_head(ctx, word) and i + 1 < stop and words[i + 1][2].lower() in ctx.patterns.genitive_link:
                head_index = i
                break
        if head_index < 0:
            return None
    begin_index = head_index
    while begin_index > 0 and head_index - begin_index < MAX_TITLE_WORDS:
        at, _, word = words[begin_index - 1]
        glued_hyphen = word == "-" and begin_index >= 2 and words[begin_index - 2][1] == at
        if _is_modifier(ctx, word, at) or glued_hyphen:  # "Secretary-General" is three tokens
            begin_index -= 1
        else:
            break
    # English titles are capitalised before a name; "of" or "the" cannot start one
    if ctx.grammar.title_leading_drop:
        while begin_index < head_index and words[begin_index][2].lower() in ctx.grammar.title_leading_drop:
            begin_index += 1
    return TitlePhrase(words[begin_index][0], words[stop - 1][1], words[head_index][2])


def _multiword_title_before(ctx: DocContext, words: list[tuple[int, int, str]], stop: int) -> int | None:
    """The index of the first word of a several-word title ("secretary of state") ending at ``stop``."""
    lowered = [w.lower() for _, _, w in words[:stop]]
    for title in ctx.patterns.title_multiword:
        parts = title.split()
        if len(parts) > 1 and lowered[-len(parts) :] == parts:
            return stop - len(parts)
    return None


def _title_starting_at(ctx: DocContext, words: list[tuple[int, int, str]], start: int) -> TitlePhrase | None:
    """Shape C: ", der Generalsekretär des Bündnisses," / ", the Secretary General of NATO,"."""
    i = start
    if i < len(words) and words[i][2].lower() in ctx.vocab.apposition_articles:
        i += 1
    first = i
    head = -1
    j = i
    while j < len(words) and j - first < MAX_TITLE_WORDS:
        at, _, word = words[j]
        if word in PUNCT:
            break
        if _is_head(ctx, word):
            head = j
        elif (
            head < 0
            and not _is_modifier(ctx, word, at)
            and word.lower() not in ctx.grammar.title_inner_modifiers
        ):
            if not (
                ctx.grammar.lowercase_title_lookahead and word[:1].islower() and _head_ahead(ctx, words, j)
            ):
                return None
        elif (
            head >= 0
            and word.lower() not in ctx.patterns.genitive_link
            and not word[:1].isupper()
            and not ctx.mentions_overlapping(at, at + len(word))
            and not word.endswith(("en", "er", "es"))
        ):
            return None
        j += 1
    if head < 0 or j >= len(words) or words[j][2] not in (",", ".", ";", "–", "—", ")"):
        return None
    return TitlePhrase(words[first][0], words[j - 1][1], words[head][2])


def _head_ahead(ctx: DocContext, words: list[tuple[int, int, str]], j: int) -> bool:
    return any(_is_head(ctx, w) for _, _, w in words[j + 1 : j + 3])


def _position(ctx: DocContext, phrase: TitlePhrase, person: Mention) -> Entity | None:
    written = ctx.text[phrase.begin : phrase.end]
    inside = [
        m for m in ctx.mentions_overlapping(phrase.begin, phrase.end) if m.entity.kind is EntityKind.POSITION
    ]
    jurisdiction = None
    places = [
        m
        for m in ctx.mentions_overlapping(phrase.begin, phrase.end)
        if m.entity.kind in (EntityKind.COUNTRY, EntityKind.ORGANISATION)
    ]
    if places:
        # "Präsidentin der EU-Kommission": the longest of overlapping names (the Commission, not the EU)
        jurisdiction = max(places, key=lambda m: (m.span.end, m.span.end - m.span.begin)).entity
    else:
        orgs = ctx.organisations_in(phrase.begin, phrase.end)
        if orgs:
            jurisdiction = orgs[-1][2]
    if inside and jurisdiction is None:
        # "Bundeskanzler Karl Nehammer": the linked title names Germany's chancellor; the office the KB
        # knows this person held under that title (Austria's) is the one meant
        if person.entity.qid is not None:
            held = position_held(ctx.kb, written, person.entity.qid, ctx.lang)
            if held is not None:
                return held
        return inside[0].entity
    if inside:
        # "Indian Prime Minister": the linked title may be the generic office; the country makes it specific
        composed = position_for(ctx.kb, written, jurisdiction, ctx.lang)
        return composed or inside[0].entity
    # A deputy or former office is a different office: never fall back from it to the plain title.
    titles: tuple[str, ...] = (
        (written,)
        if ctx.vocab.qualified_title.search(written)
        else (written, _core_title(ctx, phrase), phrase.head)
    )
    # office names are masculine in the KB: Kommissionspräsidentin -> Kommissionspräsident
    feminine = ctx.grammar.feminine_title
    titles += tuple(feminine.sub("", t) for t in titles if feminine.search(t))
    titles += tuple(_title_variants(ctx, titles))
    if jurisdiction is None and person.entity.qid is not None:
        # "Präsident Wladimir Putin": the title names no country; the KB knows which presidency
        # this person is known for (it names the office; the fact itself is the text's)
        for title in dict.fromkeys(titles):
            found = position_held(ctx.kb, title, person.entity.qid, ctx.lang)
            if found is not None:
                return found
    mentioned = frozenset(m.entity.qid for m in ctx.mentions if m.entity.qid)
    for title in dict.fromkeys(titles):
        found = position_for(ctx.kb, title, jurisdiction, ctx.lang, mentioned=mentioned)
        if found is not None:
            return found
    if jurisdiction is not None and jurisdiction.kind is EntityKind.ORGANISATION:
        # "EU-Kommissionspräsidentin": the office is of an organ of the organisation the title names
        # (the Commission's, not the EU's); taken only when the title itself names that organ
        for title in dict.fromkeys(titles):
            found = position_for(ctx.kb, title, None, ctx.lang)
            if found is not None:
                return found
    if jurisdiction is None:
        # "Secretary General Jens Stoltenberg told reporters" in a text about NATO: an organisation
        # of this or the two sentences before (never a country: "President X met Macron in France")
        for org in _nearby_organisations(ctx, phrase.begin):
            for title in dict.fromkeys(titles[1:] or titles):
                found = position_for(ctx.kb, title, org, ctx.lang)
                if found is not None:
                    return found
    if (
        jurisdiction is not None
        and jurisdiction.kind is EntityKind.ORGANISATION
        and ctx.vocab.generic_head.search(written)
    ):
        # "NATO chief", "der oberste Vertreter des Bündnisses": the organisation's one executive office
        found_heads = {
            e.key: e
            for title in ctx.vocab.executive_titles
            if (e := position_for(ctx.kb, title, jurisdiction, ctx.lang)) is not None
        }
        if len(found_heads) == 1:
            return next(iter(found_heads.values()))
    if jurisdiction is not None and person.entity.qid is not None:
        # "German Foreign Minister Annalena Baerbock": the KB's name for the office differs (Federal
        # Minister for Foreign Affairs); an office the person held, of that same country, is the one
        for title in dict.fromkeys(titles):
            found = position_held(ctx.kb, title, person.entity.qid, ctx.lang)
            if found is not None and jurisdiction.qid in _jurisdictions(ctx, found):
                return found
    return Entity(label=written, kind=EntityKind.POSITION, label_lang=ctx.lang)


def _jurisdictions(ctx: DocContext, position: Entity) -> tuple[str, ...]:
    item = ctx.kb.item(position.qid) if position.qid and hasattr(ctx.kb, "item") else None
    return tuple(getattr(item, "jurisdiction", ())) if item is not None else ()


def _core_title(ctx: DocContext, phrase: TitlePhrase) -> str:
    """The title's run of head words ("Prime Minister", "Secretary General"), no country or complement."""
    words = ctx.words(phrase.begin, phrase.end)
    heads = [
        i
        for i, (_, _, w) in enumerate(words)
        if _is_head(ctx, w) or w.lower() in ctx.grammar.title_inner_modifiers
    ]
    if not heads:
        return phrase.head
    last = max(i for i, (_, _, w) in enumerate(words) if _is_head(ctx, w))
    first = last
    while first - 1 in heads:
        first -= 1
    return ctx.text[words[first][0] : words[last][1]]


def _nearby_organisations(ctx: DocContext, offset: int) -> list[Entity]:
    sentence = ctx.sentence_at(offset)
    first = ctx.sentence(max(0, sentence - 2)).span.begin
    last = ctx.sentence(sentence).span.end
    found: dict[str, Entity] = {}
    # this sentence first, then back
    ordered = sorted(
        ctx.organisations_in(first, last), key=lambda o: (ctx.sentence_at(o[0]) != sentence, -o[0])
    )
    for _, _, org in ordered:
        if org.qid is not None:
            found.setdefault(org.key, org)
    return list(found.values())


def _title_variants(ctx: DocContext, titles: tuple[str, ...]) -> list[str]:
    """Inflected adjectival titles in their KB form (Außenbeauftragte -> Außenbeauftragter) and synonyms
    (Kommissionschef -> Kommissionspräsident, not "Chef der EU-Außenpolitik")."""
    grammar = ctx.grammar
    out: list[str] = []
    for title in titles:
        if grammar.adjectival_title.search(title):
            out.append(
                grammar.adjectival_title_ending.sub(grammar.adjectival_title_kb_ending, title, count=1)
            )
        for word, synonym in grammar.title_synonyms:
            if title.lower().endswith(word) and not grammar.title_synonym_exception.search(title):
                out.append(title[: -len(word)] + synonym)
                break
    return [t for t in out if t not in titles]


# --- appointments and elections (relation rules with ObjectSource.OFFICE_AFTER) -------------------


def appointed_office(ctx: DocContext, person: Mention, begin: int, end: int) -> Entity | None:
    """The office named after an appointment verb, between ``begin`` and ``end``: "(elected) prime
    minister of Poland", "(appointed) as Secretary General of NATO", "(zum) Bundeskanzler (gewählt)".
    Resolved as the offices pass resolves a title next to the person's name (``_position``)."""
    words = ctx.words(begin, end)
    i = 0
    while i < len(words) and words[i][2].lower() in ctx.vocab.appointment_links:
        i += 1
    phrase = _appointed_title(ctx, words, i)
    if phrase is None:
        # "wählte Olaf Scholz im Dezember 2021 zum Bundeskanzler": a date may stand before the link
        link = next(
            (
                j
                for j in range(i, min(len(words), i + 5))
                if words[j][2].lower() in ctx.vocab.appointment_links
            ),
            None,
        )
        while (
            link is not None and link < len(words) and words[link][2].lower() in ctx.vocab.appointment_links
        ):
            link += 1
        phrase = _appointed_title(ctx, words, link) if link is not None else None
    if phrase is None:
        return _title_of_the_named(ctx, person, words)
    return _position(ctx, phrase, person)


def _title_of_the_named(ctx: DocContext, person: Mention, words: list[tuple[int, int, str]]) -> Entity | None:
    """ "Prime Minister X was sworn in on Tuesday", "Der neue Kanzler X wurde vereidigt": no office
    after the verb, only a date or the sentence's end — the office is the title the person is named
    with (not a former one)."""
    first = words[0][2].lower() if words else ""
    if first[:1].isalnum() and not first[:1].isdigit() and first not in _date_openers(ctx):
        return None  # "was elected party leader": the verb names another office
    for shape, phrase in _titles_of(ctx, person):
        if shape != "apposition_after" and not title_ended(ctx, phrase.begin, phrase.end):
            return _position(ctx, phrase, person)
    return None


def _date_openers(ctx: DocContext) -> frozenset[str]:
    return (
        ctx.vocab.time_links
        | frozenset(w.split()[0] for w in ctx.vocab.weekday_openers)
        | frozenset(w.split()[0] for w in ctx.vocab.month_openers)
        | frozenset(w.split()[0] for w in ctx.vocab.year_openers)
    )


def _appointed_title(ctx: DocContext, words: list[tuple[int, int, str]], first: int) -> TitlePhrase | None:
    """The title that begins at ``words[first]``: modifiers, heads and a genitive complement, up to the
    first word that is none of them (a participle, punctuation, a date)."""
    head = -1
    last = -1
    j = first
    while j < len(words) and j - first < MAX_TITLE_WORDS:
        at, _, word = words[j]
        if word in PUNCT or word[:1].isdigit():
            break
        if _is_head(ctx, word):
            head = last = j
        elif head >= 0 and word.lower() in ctx.patterns.genitive_link:
            pass  # "of", "der": a complement may follow
        elif ctx.organisations_in(at, at + len(word)) or any(
            m.entity.kind is EntityKind.COUNTRY for m in ctx.mentions_overlapping(at, at + len(word))
        ):
            last = j
        elif head < 0 and (_is_modifier(ctx, word, at) or word.lower() in ctx.grammar.title_inner_modifiers):
            pass
        else:
            break
        j += 1
    if head < 0:
        return None
    return TitlePhrase(words[first][0], words[last][1], words[head][2])


def title_modality(ctx: DocContext, begin: int, end: int) -> Modality:
    """ "der designierte Bundeskanzler", "President-elect", "incoming prime minister": chosen, not yet in
    office (Intended); "interim", "kommissarisch" hold the office (Asserted)."""
    if ctx.vocab.designate_title.search(ctx.text, max(0, begin - 1), min(len(ctx.text), end + 1)):
        return Modality.INTENDED
    return Modality.ASSERTED


def title_ended(ctx: DocContext, begin: int, end: int) -> bool:
    """ "former President X", "Ex-Kanzler X", "die frühere Außenministerin X": the holder no longer
    holds the office (an ended fact, no current P39)."""
    before = ctx.text[max(0, begin - 30) : begin]
    first = ctx.text[begin:end].split(" ", 1)[0]
    lead = first[: first.index("-") + 1] if "-" in first else first + " "
    return bool(ctx.vocab.former_titles.search(before) or ctx.vocab.former_titles.search(lead))
