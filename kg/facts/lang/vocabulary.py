"""The shape of a language's word lists and grammar settings (the data is in ``lang/<code>/words.py``).

The fact stage is language-neutral: every word it looks for, and every way a language differs (German
capitalises nouns and ends a clause with its verb), is a field here, filled by the language's folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from kg.model import EntityKind

NEVER = re.compile(r"$^")  # a pattern that matches nothing: the language has no such form


@dataclass(frozen=True)
class Grammar:
    """How the language differs, as settings the engine reads instead of testing the language code."""

    nouns_capitalised: bool  # German: a capitalised word may be any noun; a lower-case one is no title
    verb_final: bool  # German: the verb ends the clause ("… Mitglied der NATO werden")
    polite_pronoun: str  # "Sie" capitalised mid-sentence addresses someone, it names no one ("" = none)
    plural_verb_suffix: str  # sagten, erklärten: a plural verb of saying ("" = not told by the suffix)
    plural_noun_suffix: str  # "the diplomats said": a plural description ("" = not told by the suffix)
    genitive_s: bool  # "Schwedens Beitritt": a name with -s before the noun is a possessive
    genitive_endings: tuple[str, ...]  # endings stripped from a name as written (Polens -> Polen)
    zu_infinitive: re.Pattern[str]  # "…, die Ukraine aufzunehmen": a clause governed like a "dass" clause
    article_label: str  # how "Art. 5" is written out ("Artikel ", "Article ")
    title_modifiers_are_heads: bool  # English: "Foreign Minister" — a head may modify another head
    title_leading_drop: frozenset[str]  # words a title cannot start with ("of", "the")
    title_inner_modifiers: frozenset[str]  # lower-case words inside a title before a name (deputy, vice)
    lowercase_title_lookahead: bool  # English: a lower-case word may precede a head further on
    feminine_title: re.Pattern[str]  # Präsidentin -> Präsident (office names are masculine in the KB)
    title_synonyms: tuple[tuple[str, str], ...]  # (as written, as the KB names it): chef -> präsident
    title_synonym_exception: re.Pattern[str]  # titles whose word is no synonym: "Chef der EU-Außenpolitik"
    adjectival_title: re.Pattern[str]  # a title inflected as an adjective (die Außenbeauftragte)
    adjectival_title_ending: re.Pattern[str]  # its ending as written …
    adjectival_title_kb_ending: str  # … and as the KB writes it (Außenbeauftragter)
    perfect_participle: re.Pattern[str]  # fullmatch on one lower-case word
    participle_next_word_only: bool  # English: the participle follows the auxiliary at once
    capitalised_relative_days: frozenset[str]  # "Morgen" capitalised is a noun, not "tomorrow"
    weak_past_suffixes: tuple[str, ...]  # -ed, -te: a guess at the past tense
    weak_past_min_length: int


@dataclass(frozen=True)
class Vocabulary:
    """Every word list of one language, by what it is for."""

    # attribution and quotations
    next_clause: re.Pattern[str]
    source_phrase: re.Pattern[str]
    subordinators: frozenset[str]
    role_heads: tuple[str, ...]
    definite_articles: tuple[str, ...]
    spokesperson_for: re.Pattern[str]
    institution_articles: frozenset[str]
    frame_openers: frozenset[str]
    other_clause: re.Pattern[str]
    # factuality
    complement_words: frozenset[str]
    correlative_negations: frozenset[str]
    clause_breaks_after: frozenset[str]
    contrast_clause_openers: frozenset[str]
    contrast_adverbs: frozenset[str]
    condition_openers: frozenset[str]
    articles: frozenset[str]
    indefinite_genitive: frozenset[str]
    pending: re.Pattern[str]
    opposition_nouns: frozenset[str]
    passive_auxiliaries: frozenset[str]
    passive_agent_links: frozenset[str]
    complementisers: frozenset[str]
    # the words between a subject and its predicate
    predicative_gap: frozenset[str]
    opposing: frozenset[str]
    # verbs by which a party acts on someone else's candidacy (besides opposing it): its subject is no
    # candidate ("Hungary has delayed a vote on the accession", "hat den Beitritt nicht ratifiziert")
    acting_on_candidacy: frozenset[str]
    time_links: frozenset[str]
    modal_or_receiving: frozenset[str]
    adjective_like: re.Pattern[str]
    relative_openers: frozenset[str]
    # knowledge base view
    generic_place_words: frozenset[str]
    # meetings and participants
    negotiation_noun: re.Pattern[str]
    negotiation_stage: re.Pattern[str]
    saying_to_date: re.Pattern[str]
    dateline: re.Pattern[str]
    back_references: frozenset[str]
    existential_after_there: frozenset[str]
    inviting_verbs: frozenset[str]
    gerund_openers: frozenset[str]
    description_articles: tuple[str, ...]
    plural_endings: tuple[str, ...]
    description_end: frozenset[str]
    support_verbs: frozenset[str]
    clause_openers: frozenset[str]
    # a meeting told across sentences: determiners that make a meeting noun refer back to one told before
    # ("the summit", "an dem Treffen"); words that tie a sentence to the meeting just told ("hosted",
    # "Gastgeber", "anschließend"); object pronouns standing for a person named before ("received him");
    # nouns of those who attend, with the words that link the country or organisation they come from
    # ("leaders of Mercosur", "delegations from Iraq", "die Außenminister der ASEAN"); nouns that stand
    # between a preposition and the city they name ("in Samoas Hauptstadt Apia")
    meeting_back_determiners: frozenset[str]
    meeting_follow_ups: frozenset[str]
    object_pronouns: frozenset[str]
    delegation_nouns: re.Pattern[str]
    delegation_links: frozenset[str]
    place_heads: frozenset[str]
    # "am Abend", "later that day": a meeting elsewhere on the day just told
    same_day: re.Pattern[str]
    # "has been postponed", "wurde abgesagt": a meeting noun or verb whose clause says it will not take
    # place (as planned); ``cancelled_before`` the same as a word right before the noun ("der abgesagte
    # Gipfel", "the cancelled summit")
    called_off: re.Pattern[str]
    cancelled_before: re.Pattern[str]
    # objects
    contrast: frozenset[str]
    # the words between a negated object and the one that corrects it ("nicht der EU, sondern der EFTA")
    correction: re.Pattern[str]
    organ_words: re.Pattern[str]
    org_glue: frozenset[str]
    # offices
    generic_head: re.Pattern[str]
    executive_titles: tuple[str, ...]
    qualified_title: re.Pattern[str]
    counterpart: re.Pattern[str]
    governing_words: frozenset[str]
    # relations
    becoming: frozenset[str]
    conditional: frozenset[str]
    complement_links: frozenset[str]
    guest_words: frozenset[str]
    join_verbs: frozenset[str]
    comitative: tuple[str, ...]
    comitative_after: re.Pattern[str]  # right after the object, also "ebenso wie"/"wie auch"
    comitative_inside: re.Pattern[str]  # inside the trigger's clause, the co-subject phrases
    membership_words: re.Pattern[str]
    invitation_words: re.Pattern[str]
    membership_nouns: frozenset[str]
    perfect_auxiliaries: frozenset[str]
    candidacy_process: re.Pattern[str]
    membership_complement_openers: frozenset[str]
    # subjects
    non_personal_possessives: frozenset[str]  # "its membership": a thing's, never a person's country
    country_plurals: re.Pattern[str]  # "die Aufnahme der beiden Länder": countries, not what is joined
    # organisations a text means without naming them
    bloc_anaphora: re.Pattern[str]  # "the bloc": a union of states, more often the EU than NATO
    military_modifier: re.Pattern[str]  # "the military bloc": the alliance after all (at the end of text)
    genitive_links: frozenset[str]
    group_glue: frozenset[str]
    predicate_conjunctions: frozenset[str]
    copulas: frozenset[str]
    subject_pronouns: frozenset[str]
    talk_nouns: tuple[str, ...]
    clause_opening_articles: frozenset[str]
    attributive_heads: frozenset[str]
    place_links: frozenset[str]
    relative_pronouns: frozenset[str]
    postposed_source: frozenset[str]  # a source phrase after its source (X zufolge)
    start_links: frozenset[str]  # a date after these is when a fact began (seit, since)
    end_links: frozenset[str]  # a date after these is when a fact ended (bis, until)
    infinitive_markers: frozenset[str]  # to, zu: the verb after them is governed
    place_articles: frozenset[str]  # articles between a place preposition and a country
    name_articles: frozenset[str]  # articles that are no place name after a preposition
    name_genitive_links: frozenset[str]  # a meeting named by the body after it (Sitzung des Rates)
    object_links: frozenset[str]  # words linking a trigger noun to its organisation (partner of, Partner der)
    apposition_articles: frozenset[str]  # articles opening a title in apposition
    group_quantifiers: frozenset[str]  # both, beider: no organisation name
    invitation_articles: frozenset[str]  # the invitation: the one to join named before
    as_links: frozenset[str]  # invited as a guest
    to_links: frozenset[str]  # invited to the summit
    event_articles: frozenset[str]  # invited to the summit: an article before the event
    talk_links: frozenset[str]  # accession talks with X
    # time
    weekdays: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]
    weekday_openers: tuple[str, ...]  # am, on, next …: words a weekday expression may start with
    weekday_suffixes: tuple[str, ...]  # Montagabend, Mondays
    ordinal_suffixes: tuple[str, ...]  # 3rd
    weekday_date_glue: tuple[str, ...]  # "am Mittwoch, den 3. April"
    past_markers: tuple[str, ...]  # vergangenen, last: a weekday before publication
    next_markers: tuple[str, ...]  # next, kommenden: a weekday after publication
    # "für Donnerstag geplant", "planned for Saturday": a weekday so opened is the next one (or the day)
    schedule_openers: tuple[str, ...]
    time_clause_break: re.Pattern[str]
    past_words: frozenset[str]
    future_words: frozenset[str]
    strong_past: tuple[str, ...]
    perfect_auxiliaries_time: frozenset[str]
    time_participle: re.Pattern[str]
    not_past: frozenset[str]
    # a year or month alone dates a fact of a rule with a ``time_role`` ("joined in 2023", "trat im
    # vergangenen Jahr bei"): phrases of a year relative to publication, and words before a year
    relative_years: dict[str, int]
    year_openers: tuple[str, ...]  # im Jahr, in: part of the expression "im Jahr 2023"
    # appointments: words between an appointment verb and the office ("as", "zum"), and the title
    # words of someone chosen but not yet in office ("designiert", "President-elect")
    appointment_links: frozenset[str]
    designate_title: re.Pattern[str]
    # an organisation named by a description ("the group", "die Organisation", "der Staatenbund"): the
    # organisation last named in the sentences before (beside ``org_anaphora``, "the Alliance")
    organisation_descriptions: re.Pattern[str]
    # ordinal numbers between a subject and its noun ("the tenth member", "38th member")
    ordinals: re.Pattern[str]
    # words before a title that say its holder no longer holds it ("former", "Ex-", "ehemalige")
    former_titles: re.Pattern[str]
    # words before a month given without a year ("in March", "im März"): dated against publication
    month_openers: tuple[str, ...]
    # articles before a noun phrase that names what is joined ("dem Schengen-Raum", "der Allianz …")
    object_articles: frozenset[str]
    # a pronoun object of a verb of joining or leaving standing for an organisation ("joined it")
    organisation_pronouns: frozenset[str]
    # the possessive clitic as its own token ("Ukraine's"); German text quotes English names with it too
    possessive_clitics: frozenset[str] = frozenset()
    # prepositions of an agent ("sanctioned by", "von"): a description of sanction targets stops there
    agent_prepositions: frozenset[str] = frozenset()
    capitalised_nouns: bool = False  # German: a description of targets may hold nouns ("den Unternehmer")
    # nouns that say what the unlinked name right after them is ("the oligarch X", "die Reederei X"):
    # a NIL person or organisation; name particles may stand inside such a name ("Luz del Carmen")
    target_nouns: Mapping[str, EntityKind] = field(default_factory=dict)
    name_particles: frozenset[str] = frozenset()
    # a question left open after a negation ("has not confirmed whether", "hat nicht entschieden, ob"):
    # no candidacy is stated, neither way
    open_question: frozenset[str] = frozenset()
    # an accession stated as done ("Costa Rica's accession was completed", "der Beitritt ist
    # abgeschlossen"): a membership, not a candidacy
    completion_words: frozenset[str] = frozenset()
    # verbs of leaving before a purpose "to join" ("left EFTA to join the EU"): the joining happened
    leaving_to_join: frozenset[str] = frozenset()
