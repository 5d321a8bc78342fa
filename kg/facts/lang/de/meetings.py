"""German meeting rules (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import MeetingRule, words_re

MEETINGS_DE = (
    MeetingRule(
        "meet_verb",
        words_re(
            r"trifft",
            r"traf(?:en)?",
            r"zusammentr(?:a|i|e)\w*",
            r"getroffen",
            r"zusammenkommen",
            r"(?:kam|kamen|kommt|kommen)\b[^.;:!?„“]{0,100}?\bzusammen",
            r"empfängt",
            r"empfangen",
            r"zusammen(?:kam|kamen|kommt|kommen|gekommen|treffen|getroffen)",
            r"empfing",
        ),
        verbal=True,
        version="3",
    ),
    # "will er Präsident X treffen": the infinitive, lower case only ("Treffen" is the noun)
    MeetingRule("meet_infinitive", re.compile(r"\btreffen\b"), verbal=True, min_people=2, version="2"),
    MeetingRule(
        # "berieten in Brüssel", "Der Rat tagt in Wien": a body convening
        "confer_verb",
        # lower case only: "Tagen" is days, "Beraten" no verb
        re.compile(r"\b(?:berat(?:en|t)|berät|berieten?|tag(?:t|te|ten|en))\b"),
        verbal=True,
        needs_place=True,
        version="2",
    ),
    MeetingRule(
        # "hatte in Stockholm mit X gesprochen", "sprach in Paris mit Y": talking with someone
        "talk_with",
        re.compile(
            r"\bmit\b(?=[^.;:!?„“”]{0,80}?\b(?:gesprochen|sprechen)\b)"
            r"|\b(?:sprach|sprachen|spricht)\b(?=[^.;:!?„“”]{0,60}?\bmit\b)"
        ),
        verbal=True,
        min_people=2,
        version="2",
    ),
    MeetingRule(
        "visit",
        words_re(r"Besuch(?:s|es)?", r"Staatsbesuch\w*", r"Visite", r"\w+besuch(?:s|es)?"),
        verbal=False,
        visit=True,
        version="3",
    ),
    MeetingRule(
        # "Gastgeber war Kronprinz X", "X begrüßte die Delegationen": those who join a meeting told before
        "host",
        words_re(r"Gastgeber(?:in)?", r"begrüßte", r"begrüßten"),
        verbal=True,
        min_people=2,
        needs_place=True,
        joins=True,
        version="1",
    ),
    MeetingRule(
        "meet_noun",
        words_re(
            r"Treffen\w*",
            r"Gespräch\w*",
            r"Gipfel\w*",
            r"Verhandlung\w*",
            r"Konferenz",
            r"Sitzung\w*",
            r"Termine?",
            r"Beratung\w*",
            r"[\w-]+-Gipfel\w*",
        ),
        verbal=False,
        version="3",
    ),
)
