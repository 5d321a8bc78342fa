"""German meeting rules (data only)."""

from __future__ import annotations

import re

from kg.facts.patterns import MeetingExample, MeetingRule, words_re

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
            r"versammel(?:t|te|ten)",
        ),
        verbal=True,
        version="5",
        tests=(
            MeetingExample(
                "Der britische Premierminister Keir Starmer ist am Mittwoch zu seinem Antrittsbesuch in "
                "Berlin eingetroffen. Bundeskanzler Olaf Scholz empfing seinen Gast vor dem Kanzleramt.",
                frozenset({("Q64", "2024-02-28", frozenset({"Q61053"}))}),
            ),
            MeetingExample("Olaf Scholz traf am Montag Vertreter der Industrie.", frozenset()),
            MeetingExample(
                "Bundeskanzler Olaf Scholz traf am Mittwoch in Rom die italienische Ministerpräsidentin "
                "Giorgia Meloni.",
                frozenset({("Q220", "2024-02-28", frozenset({"Q61053", "Q451791"}))}),
            ),
            MeetingExample(
                "Die Spitzen der Europäischen Union sind am Mittwoch in Brüssel zu einem Gipfel "
                "zusammengekommen. Am Rande des Gipfels traf Ursula von der Leyen den irischen "
                "Regierungschef Simon Harris.",
                frozenset({("Q239", "2024-02-28", frozenset({"Q458", "Q60772", "Q7518922"}))}),
            ),
        ),
    ),
    # "will er Präsident X treffen": the infinitive, lower case only ("Treffen" is the noun)
    MeetingRule(
        "meet_infinitive",
        re.compile(r"\btreffen\b"),
        verbal=True,
        min_people=2,
        version="5",
        tests=(
            MeetingExample(
                "Der spanische Regierungschef Pedro Sánchez will Emmanuel Macron am Freitag in Madrid "
                "treffen.",
                frozenset({("Q2807", "2024-03-01", frozenset({"Q6070218", "Q3052772"}))}),
            ),
        ),
    ),
    MeetingRule(
        # "berieten in Brüssel", "Der Rat tagt in Wien": a body convening
        "confer_verb",
        # lower case only: "Tagen" is days, "Beraten" no verb
        re.compile(r"\b(?:berat(?:en|t)|berät|berieten?|tag(?:t|te|ten|en))\b"),
        verbal=True,
        needs_place=True,
        version="5",
        tests=(
            MeetingExample(
                "Die Staats- und Regierungschefs der G20 berieten am Montag in Neu-Delhi.",
                frozenset({("Q987", "2024-02-26", frozenset({"Q19771"}))}),
            ),
        ),
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
        version="5",
        tests=(
            MeetingExample(
                "Am Donnerstag sprach Emmanuel Macron in Paris mit Olaf Scholz.",
                frozenset({("Q90", "2024-02-29", frozenset({"Q3052772", "Q61053"}))}),
            ),
        ),
    ),
    MeetingRule(
        "visit",
        words_re(r"Besuch(?:s|es)?", r"Staatsbesuch\w*", r"Visite", r"\w+besuch(?:s|es)?"),
        verbal=False,
        visit=True,
        version="4",
        tests=(
            MeetingExample(
                "Der polnische Präsident Andrzej Duda ist am Montag zu einem Arbeitsbesuch in Vilnius "
                "eingetroffen. Dort traf er Präsident Gitanas Nausėda.",
                frozenset({("Q216", "2024-02-26", frozenset({"Q9151911", "Q9268379"}))}),
            ),
        ),
    ),
    MeetingRule(
        # "Gastgeber war Kronprinz X", "X begrüßte die Delegationen": those who join a meeting told before
        "host",
        words_re(
            r"Gastgeber(?:in)?",
            r"begrüßte",
            r"begrüßten",
            r"Teilnehmer(?:innen)?",
            r"(?:nahm|nahmen)\b[^.;:!?„“]{0,80}?\bteil",
        ),
        verbal=True,
        min_people=2,
        needs_place=True,
        joins=True,
        version="3",
        tests=(
            MeetingExample(
                "Die Staats- und Regierungschefs der Afrikanischen Union versammelten sich am Samstag in "
                "Addis Abeba. Teilnehmer waren unter anderen Cyril Ramaphosa und Abiy Ahmed.",
                frozenset({("Q3624", "2024-02-24", frozenset({"Q7159", "Q1148669", "Q50365049"}))}),
            ),
            MeetingExample(
                "Die Außenminister der G7 trafen sich am Mittwoch in Tokio. Annalena Baerbock nahm "
                "ebenfalls teil.",
                frozenset({("Q1490", "2024-02-28", frozenset({"Q1764511", "Q564328"}))}),
            ),
            MeetingExample("Olaf Scholz nahm am Montag an einer Gedenkfeier teil.", frozenset()),
            MeetingExample(
                "Die Außenminister der Arabischen Liga kamen am Dienstag in Kairo zusammen. Gastgeber "
                "war der ägyptische Präsident Abdel Fattah el-Sisi.",
                frozenset({("Q85", "2024-02-27", frozenset({"Q7172", "Q307871"}))}),
            ),
            MeetingExample(
                "Die Außenministerin Annalena Baerbock begrüßte den Beschluss.",
                frozenset(),
            ),
        ),
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
            # compounds: "Sondergipfel", "Außenministertreffen", "Jahrestagung" (not "Vertagung")
            r"\w+gipfel\w*",
            r"\w+treffen",
            r"Tagung(?:en)?",
            r"(?!Vertagung)\w+tagung(?:en)?",
        ),
        verbal=False,
        version="5",
        tests=(
            MeetingExample(
                "Die Außenminister der EU kamen am Montag in Luxemburg zu einem Sondertreffen zusammen. Die "
                "Vertagung der Entscheidung sorgte für Kritik.",
                frozenset({("Q1842", "2024-02-26", frozenset({"Q458"}))}),
            ),
            MeetingExample(
                "Die Staats- und Regierungschefs der Westafrikanischen Wirtschaftsgemeinschaft kamen am "
                "Samstag in Accra zu einem Sondergipfel zusammen. An dem Treffen nahmen die Präsidenten "
                "Nigerias, Senegals und der Elfenbeinküste teil.",
                frozenset({("Q3761", "2024-02-24", frozenset({"Q193272", "Q1033", "Q1041", "Q1008"}))}),
            ),
            MeetingExample(
                "Der Gipfel der Afrikanischen Union hat am Sonntag in Addis Abeba begonnen. An dem "
                "Treffen nahmen auch Cyril Ramaphosa und António Guterres teil.",
                frozenset({("Q3624", "2024-02-25", frozenset({"Q7159", "Q1148669", "Q311440"}))}),
            ),
            MeetingExample(
                "Gespräche zwischen Wang Yi und Sergej Lawrow fanden am Dienstag in Peking statt.",
                frozenset({("Q956", "2024-02-27", frozenset({"Q701801", "Q58217"}))}),
            ),
            # abgesagt, verschoben: kein Treffen; "für Dienstag geplant" ist der kommende Dienstag
            MeetingExample(
                "Der für Dienstag geplante Gipfel der Afrikanischen Union in Addis Abeba wurde abgesagt.",
                frozenset(),
            ),
            MeetingExample(
                "Das Treffen der Außenminister der G7 in Tokio ist auf April verschoben worden.",
                frozenset(),
            ),
            MeetingExample(
                "Der für Dienstag geplante Gipfel der Afrikanischen Union in Addis Abeba soll trotz der "
                "Proteste stattfinden.",
                frozenset({("Q3624", "2024-03-05", frozenset({"Q7159"}))}),
            ),
        ),
    ),
)
