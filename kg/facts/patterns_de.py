"""German pattern tables."""

from __future__ import annotations

import re

from kg.facts.patterns import LanguagePatterns, MeetingRule, ObjectSource, RelationRule, Scope, words_re
from kg.model import Modality, Polarity, Predicate

TREATY_DE = re.compile(r"\b(?:Artikel|Art\.)\s*\d+\b|\bBeistands(?:klausel|pflicht|verpflichtung)\b", re.I)

PATTERNS_DE = LanguagePatterns(
    lang="de",
    say=words_re(
        r"sagt(?:e|en)?", r"erklärt(?:e|en)?", r"betont(?:e|en)?", r"fügt(?:e|en)?\b.{0,60}?\bhinzu",
        r"stellt(?:e|en)?\b.{0,40}?\bfest", r"deutet(?:e|en)?\b.{0,40}?\ban", r"warnt(?:e|en)?",
        r"sprach", r"meinte", r"bekräftigt(?:e|en)?", r"unterstrich", r"versichert(?:e|en)?",
        r"kündigt(?:e|en)?\b.{0,60}?\ban", r"räumt(?:e|en)?\b.{0,40}?\bein", r"bestand\b.{0,30}?\bdarauf",
        r"beharrt(?:e)?", r"mahnt(?:e)?", r"forderte", r"schrieb", r"twitterte", r"antwortete", r"so",
        r"laut", r"zufolge", r"teilt(?:e|en)?\b.{0,40}?\bmit", r"gesagt", r"erklärt",
    ),
    pronouns=frozenset({"er", "sie"}),
    role_nouns=re.compile(
        r"\b(?:der|die|den|dem)\s+((?:[a-zäöüß]+\s+)?[\w-]*(?:generalsekretär(?:in)?|präsident(?:in)?|"
        r"kanzler(?:in)?|minister(?:in)?|chef(?:in)?|sprecher(?:in)?|botschafter(?:in)?|"
        r"vorsitzende[rn]?|regierungschef(?:in)?|beauftragte[rn]?))\b",
        re.I,
    ),
    title_head=re.compile(
        r"(?:[\w]+-)?[\w]*(?:generalsekretär|präsident|kanzler|minister|chef|führer|leiter|sprecher|"
        r"botschafter|beauftragte|vertreter|vorsitzende|kommissar|könig|premier|staatssekretär|"
        r"bürgermeister|gouverneur|direktor|admiral|general|oberbefehlshaber)(?:in|innen|s|en|n|r|e)?",
        re.I,
    ),
    title_modifier=re.compile(r"(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)|[A-ZÄÖÜ]{2,}-?\w*|ehemalige\w*|vize\w*)"),
    title_multiword=(),
    title_stop=frozenset(
        """der die das den dem des ein eine einen einem einer eines und oder mit von vom zu zum zur für auf
        an am in im bei als wie wo wie dass ob sowie sagte sagt hat haben ist war wurde darunter""".split()
    ),
    genitive_link=frozenset({"der", "des", "für", "von"}),
    org_anaphora=re.compile(r"\b(?:Bündnis(?:ses|se)?|Allianz|Militärbündnis(?:ses)?|Verteidigungsbündnis(?:ses)?)\b"),
    coordination=frozenset({"und", "oder", "sowie", ",", "bzw.", "wie"}),
    negation=frozenset(
        "nicht kein keine keinen keinem keiner keines nie niemals ohne weder nirgends keinesfalls".split()
    ),
    negation_phrases=("nicht mehr", "nicht länger"),
    modality_cues=(
        (Modality.POSSIBLE, frozenset(
            """könnte könnten möglicherweise vielleicht eventuell womöglich potenziell dürfte dürften
            wahrscheinlich ob erwägt erwägen erwägten""".split())),
        (Modality.INVITED, frozenset("eingeladen einladen lädt einladung einladungen".split())),
        (Modality.APPLIED, frozenset(
            "beantragt beantragen beantragte beantragten bewerben beworben bewirbt bewarb antrag".split())),
        (Modality.DEMANDED, frozenset(
            "fordert fordern forderte forderten verlangt verlangen verlangte forderung forderungen".split())),
        (Modality.INTENDED, frozenset(
            """will wollen wollte wollten möchte möchten beabsichtigt beabsichtigen plant planen strebt
            streben anstreben anstrebt angestrebt""".split())),
    ),
    denial_cues=frozenset("abgelehnt lehnte lehnten lehnt ablehnen verweigert verweigerte ausgeschlagen".split()),
    place_prepositions=frozenset({"in", "im", "nach", "bei"}),
    participant_links=frozenset({"mit", "zwischen"}),
    relations=(
        RelationRule("partner_compound", re.compile(r"\b(?P<org>[\w]+)-Partner(?:n|s|in|innen|staat\w*|land|länder\w*)?\b"),
                     Predicate.PARTNER_OF, ObjectSource.IN_TRIGGER, Scope.LOCAL, confidence=0.85),
        RelationRule("partner_of", re.compile(r"\bPartner(?:n|s|in|land|staat)?\s+(?:der|des|von)\b"),
                     Predicate.PARTNER_OF, ObjectSource.NEAR, Scope.LOCAL, confidence=0.8),
        RelationRule("member_compound", re.compile(r"\b(?P<org>[\w]+)-Mitglied(?:er|s|staat\w*)?\b|"
                                                   r"\b(?P<org2>[\w]+)-Mitgliedsl(?:a|ä)nd\w*\b"),
                     Predicate.MEMBER_OF, ObjectSource.IN_TRIGGER, Scope.LOCAL, confidence=0.8),
        RelationRule("member_of", re.compile(r"\bMitglied(?:er|s)?\s+(?:der|des|von|im|in)\b"),
                     Predicate.MEMBER_OF, ObjectSource.NEAR, Scope.LOCAL, confidence=0.8),
        RelationRule("admit_as_member", re.compile(r"\bals\s+Mitglied(?:er)?\s+(?:aufzunehmen|aufnehmen|aufnimmt|"
                                                   r"aufgenommen|aufnahm)\b"),
                     Predicate.MEMBER_OF, ObjectSource.BEFORE_SUBJECT, Scope.CLAUSE, confidence=0.7),
        RelationRule("joined", re.compile(r"\bbeigetreten\b|\btrat(?:en)?\b(?:\s+\S+){1,6}?\s+bei\b"),
                     Predicate.MEMBER_OF, ObjectSource.NEAR, Scope.CLAUSE, confidence=0.75),
        RelationRule("join", re.compile(r"\bbei(?:zu)?treten\b|\bbeiträten\b|\bbeitreten\w*|\bBeitritt\w*"),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.CLAUSE, confidence=0.75),
        RelationRule("membership", re.compile(r"\bMitgliedschaft\b|\bMitgliedsantrag\w*|\bBeitrittsantrag\w*"),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.CLAUSE, confidence=0.75),
        RelationRule("candidate", re.compile(r"\b(?:Beitritts)?[Kk]andidat(?:en)?(?:status)?\b"),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.LOCAL, confidence=0.75),
        RelationRule("invitation", re.compile(r"\bEinladung\w*|\beingeladen\b"),
                     Predicate.CANDIDATE_FOR, ObjectSource.NEAR, Scope.CLAUSE, modality=Modality.INVITED,
                     confidence=0.75),
        RelationRule("covered", re.compile(r"\b(?:geschützt|abgedeckt|erfasst|schützt)\b"),
                     Predicate.COVERED_BY, ObjectSource.TREATY, Scope.CLAUSE, requires=TREATY_DE, confidence=0.8),
        RelationRule("applies_to", re.compile(r"\b(?:gilt|gelten|greift|greifen)\b"),
                     Predicate.COVERED_BY, ObjectSource.TREATY, Scope.CLAUSE, requires=TREATY_DE,
                     subject_after=re.compile(r"\bfür\b"), confidence=0.7),
    ),
    meetings=(
        MeetingRule("meet_verb", words_re(r"trifft", r"traf(?:en)?", r"zusammentr(?:a|i|e)\w*", r"getroffen",
                                          r"zusammenkommen", r"kam(?:en)?\b.{0,40}?\bzusammen",
                                          r"empfängt", r"empfing"), verbal=True),
        MeetingRule("meet_noun", words_re(r"Treffen\w*", r"Gespräch\w*", r"Gipfel\w*", r"Verhandlung\w*",
                                          r"Konferenz", r"Sitzung\w*", r"Termine?", r"Beratung\w*",
                                          r"[\w-]+-Gipfel\w*", r"[\w-]+-Rat(?:es|s)?"), verbal=False),
    ),
)

__all__ = ["PATTERNS_DE", "Polarity"]
