"""German pattern tables (data only)."""

from __future__ import annotations

import re

from kg.facts.lang.de.meetings import MEETINGS_DE
from kg.facts.lang.de.relations import RELATIONS_DE
from kg.facts.patterns import (
    LanguagePatterns,
    words_re,
)
from kg.model import Modality, Polarity

PATTERNS_DE = LanguagePatterns(
    lang="de",
    say=words_re(
        r"sagt(?:e|en)?",
        r"erklärt(?:e|en)?",
        r"betont(?:e|en)?",
        r"fügt(?:e|en)?\b.{0,60}?\bhinzu",
        r"stellt(?:e|en)?\b.{0,40}?\bfest",
        r"deutet(?:e|en)?\b.{0,40}?\ban",
        r"warnt(?:e|en)?",
        r"sprach",
        r"meinte",
        r"bekräftigt(?:e|en)?",
        r"unterstrich",
        r"versichert(?:e|en)?",
        r"kündigt(?:e|en)?\b.{0,60}?\ban",
        r"räumt(?:e|en)?\b.{0,40}?\bein",
        r"bestand\b.{0,30}?\bdarauf",
        r"beharrt(?:e)?",
        r"mahnt(?:e)?",
        r"forderte",
        r"schrieb",
        r"twitterte",
        r"antwortete",
        # bezeichnete den Schritt als „…“: only right before the quotation (the frame ends at its mark)
        r"(?:bezeichnete|nannte|begrüßte|lobte)\b[^.;:!?„“]{0,40}?\bals(?=\s*$)",
        r"so(?=\s+(?-i:[A-ZÄÖÜ]|von\s|van\s|de\s|der\s|die\s))",
        r"laut",
        r"zufolge",
        r"nach\s+Angaben",  # "nach Angaben von Maia Sandu", "nach Angaben des Kremls"
        r"teilt(?:e|en)?\b.{0,40}?\bmit",
        r"gesagt",
        r"erklärt",
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
        [
            "der",
            "die",
            "das",
            "den",
            "dem",
            "des",
            "ein",
            "eine",
            "einen",
            "einem",
            "einer",
            "eines",
            "und",
            "oder",
            "mit",
            "von",
            "vom",
            "zu",
            "zum",
            "zur",
            "für",
            "auf",
            "an",
            "am",
            "in",
            "im",
            "bei",
            "als",
            "wie",
            "wo",
            "wie",
            "dass",
            "ob",
            "sowie",
            "sagte",
            "sagt",
            "hat",
            "haben",
            "ist",
            "war",
            "wurde",
            "darunter",
        ]
    ),
    genitive_link=frozenset({"der", "des", "für", "von"}),
    org_anaphora=re.compile(
        r"\b(?:Bündnis(?:ses|se)?|Allianz|Militärbündnis(?:ses)?|Verteidigungsbündnis(?:ses)?)\b"
    ),
    coordination=frozenset({"und", "oder", "sowie", ",", "bzw.", "wie", "noch"}),  # noch: weder … noch
    negation=frozenset(
        [
            "nicht",
            "kein",
            "keine",
            "keinen",
            "keinem",
            "keiner",
            "keines",
            "nie",
            "niemals",
            "ohne",
            "weder",
            "nirgends",
            "keinesfalls",
        ]
    ),
    negation_phrases=("nicht mehr", "nicht länger"),
    modality_cues=(
        (
            Modality.POSSIBLE,
            frozenset(
                [
                    "könnte",
                    "könnten",
                    "möglicherweise",
                    "vielleicht",
                    "eventuell",
                    "womöglich",
                    "potenziell",
                    "dürfte",
                    "dürften",
                    "wahrscheinlich",
                    "ob",
                    "erwägt",
                    "erwägen",
                    "erwägten",
                ]
            ),
        ),
        (Modality.INVITED, frozenset(["eingeladen", "einladen", "lädt", "einladung", "einladungen"])),
        (
            Modality.APPLIED,
            frozenset(
                [
                    "beantragt",
                    "beantragen",
                    "beantragte",
                    "beantragten",
                    "bewerben",
                    "beworben",
                    "bewirbt",
                    "bewarb",
                    "antrag",
                    "bat",
                    "bittet",
                    "baten",
                    "ersucht",
                    "ersuchte",
                ]
            ),
        ),
        (
            Modality.DEMANDED,
            frozenset(
                [
                    "fordert",
                    "fordern",
                    "forderte",
                    "forderten",
                    "verlangt",
                    "verlangen",
                    "verlangte",
                    "forderung",
                    "forderungen",
                    "gefordert",
                    "verlangten",
                    "pocht",
                    "pochte",
                    "pochen",
                    "pochten",
                    "drängt",
                    "drängte",
                    "drängen",
                    "drängten",
                    "aufgerufen",  # "hat die EU zu einem raschen Start der Beitrittsgespräche aufgerufen"
                    "aufrufen",
                    "appelliert",
                    "appellierte",
                ]
            ),
        ),
        (
            Modality.INTENDED,
            frozenset(
                [
                    "interesse",  # "hat Interesse an einem Beitritt bekundet"
                    "interessiert",
                    "will",
                    "wollen",
                    "wolle",  # Konjunktiv I of reported speech: "sagte, Schweden wolle beitreten"
                    "wollte",
                    "wollten",
                    "möchte",
                    "möchten",
                    "beabsichtigt",
                    "beabsichtigen",
                    "plant",
                    "planen",
                    "strebt",
                    "streben",
                    "anstreben",
                    "anstrebt",
                    "angestrebt",
                    "hofft",
                    "hoffen",
                    "hoffte",
                    "hofften",
                    "bemüht",
                    "bemühen",
                    "bemühte",
                ]
            ),
        ),
    ),
    denial_cues=frozenset(
        [
            "abgelehnt",
            "lehnte",
            "lehnten",
            "lehnt",
            "ablehnen",
            "verweigert",
            "verweigerte",
            "ausgeschlagen",
            "ausgeschlossen",
            "ausschließen",
            "auszuschließen",
        ]
    ),
    country_anaphora=re.compile(
        r"\b(?:(?P<poss>sein|seine|seinem|seinen|seines|ihr|ihre|ihrem|ihren|ihres)|[Dd]as|[Dd]ieses|[Dd]es|[Dd]em)"
        r"\s+(?:[a-zäöüß]+(?:e|en|es|er|em)\s+)?Land(?:es|s)?\b"
    ),
    abandonment=(
        "aufgeben",
        "aufgegeben",
        "aufzugeben",
        "verzichten",
        "verzichtet",
        "verzichtete",
        "zurückgezogen",
        "aufgehoben",  # "hat ihr Veto aufgehoben"
    ),
    group_anaphora=re.compile(
        r"\b(?:[Bb]eide[rn]?|[Dd](?:ie|er|en)\s+beiden)\s+(?:[a-zäöüß]+(?:en|e|er)\s+)?(?:Länder|Staaten)\b"
    ),
    possessives=frozenset(["seinen", "seine", "seinem", "seiner", "ihren", "ihre", "ihrem", "ihrer"]),
    place_prepositions=frozenset({"in", "im", "nach", "bei"}),
    participant_links=frozenset({"mit", "zwischen"}),
    relations=RELATIONS_DE,
    meetings=MEETINGS_DE,
)

__all__ = ["PATTERNS_DE", "Polarity"]
