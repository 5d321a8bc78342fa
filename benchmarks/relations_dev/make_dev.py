"""Writes dev.json: the relations dev set (texts and gold of our own; see README.md)."""

from __future__ import annotations

import json
from pathlib import Path

M, P39, P47, P159 = "P463", "P39", "P47", "P159"
CAND, SUSP, SANC = "candidateFor", "suspendedFrom", "imposesSanctionsOn"


def fact(s: str, p: str, o: str, pol: str = "+", time: str | None = None) -> object:
    if time is None:
        return [s, p, o, pol]
    return {"subject": s, "property": p, "object": o, "polarity": pol, "time": time}


DOCS = [
    {
        "id": "rel-en-mercosur",
        "lang": "en",
        "published": "2024-07-09",
        "text": (
            "MONTEVIDEO (Reuters) - Bolivia became the fifth full member of Mercosur on Monday, after "
            "the last of the bloc's parliaments ratified the treaty. The group was founded by Argentina, "
            "Brazil, Paraguay and Uruguay in 1991. Venezuela was suspended from the bloc in 2016 and has "
            "not returned. \"This is a historic day for our region,\" Bolivia's foreign minister told "
            "reporters. The Montevideo-based bloc is still negotiating a trade deal with the European "
            "Union, and Chile, an associate state, said it had no plans to apply for full membership."
        ),
        "facts": {
            "required": [
                fact("Q750", M, "Q4264", time="2024-07-08"),
                fact("Q414", M, "Q4264"),
                fact("Q155", M, "Q4264"),
                fact("Q733", M, "Q4264"),
                fact("Q77", M, "Q4264"),
                fact("Q717", SUSP, "Q4264"),
                fact("Q4264", P159, "Q1335"),
            ],
            "optional": [fact("Q750", CAND, "Q4264"), fact("Q298", CAND, "Q4264", "-")],
        },
    },
    {
        "id": "rel-en-arab-league",
        "lang": "en",
        "published": "2023-05-08",
        "text": (
            "CAIRO (AP) - The Arab League readmitted Syria on Sunday, more than a decade after the "
            "organisation suspended its membership. Foreign ministers meeting at the bloc's headquarters "
            "in Cairo voted to restore the seat. Qatar had opposed the move, diplomats said. Syria shares "
            "borders with Jordan, Lebanon and Iraq, and the three neighbours had pushed for its return."
        ),
        "facts": {
            "required": [
                fact("Q858", M, "Q7172", time="2023-05-07"),
                fact("Q7172", P159, "Q85"),
                fact("Q858", P47, "Q810"),
                fact("Q858", P47, "Q822"),
                fact("Q858", P47, "Q796"),
            ],
            "optional": [fact("Q858", SUSP, "Q7172"), fact("Q858", CAND, "Q7172")],
        },
    },
    {
        "id": "rel-en-efta",
        "lang": "en",
        "published": "2023-12-01",
        "text": (
            "GENEVA (Reuters) - Switzerland and Iceland signed a free trade agreement with Thailand on "
            "Thursday, the European Free Trade Association said. Liechtenstein joined the association "
            "in 1991, while Switzerland was among its founders. Switzerland is not a member of the "
            "European Union. Norway, which also belongs to EFTA, last year joined the Nordic Defence "
            "Cooperation framework, a body that has no link to the trade group."
        ),
        "facts": {
            "required": [
                fact("Q347", M, "Q166546"),
                fact("Q39", M, "Q458", "-"),
                fact("Q20", M, "Q166546"),
            ],
            "optional": [fact("Q39", M, "Q166546")],
        },
    },
    {
        "id": "rel-en-japan-pm",
        "lang": "en",
        "published": "2024-10-02",
        "text": (
            "TOKYO (Reuters) - Shigeru Ishiba took office as Prime Minister of Japan on Tuesday, a week "
            "after winning his party's leadership vote. Former Prime Minister Fumio Kishida, who stepped "
            "down after three years, attended the ceremony. Yoshimasa Hayashi stays on as chief cabinet "
            "secretary. Japan is not a member of the Shanghai Cooperation Organisation, the new premier "
            "told parliament."
        ),
        "facts": {
            "required": [
                fact("Q1335527", P39, "Q274948", time="2024-10-01"),
                fact("Q17", M, "Q485207", "-"),
            ],
            "optional": [fact("Q359480", P39, "Q274948")],
        },
    },
    {
        "id": "rel-en-sco",
        "lang": "en",
        "published": "2024-07-05",
        "text": (
            "ASTANA (Reuters) - Belarus became the tenth member of the Shanghai Cooperation Organisation "
            "on Thursday at a summit in the Kazakh capital. The bloc was founded in 2001 by China, Russia, "
            "Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan. India and Pakistan joined it in 2017. "
            "Belarusian President Alexander Lukashenko called the step historic. Mongolia, which has "
            "observer status, has not applied for membership."
        ),
        "facts": {
            "required": [
                fact("Q184", M, "Q485207", time="2024-07-04"),
                fact("Q148", M, "Q485207"),
                fact("Q159", M, "Q485207"),
                fact("Q232", M, "Q485207"),
                fact("Q813", M, "Q485207"),
                fact("Q863", M, "Q485207"),
                fact("Q265", M, "Q485207"),
                fact("Q668", M, "Q485207"),
                fact("Q843", M, "Q485207"),
                fact("Q2866", P39, "Q1049659"),
                fact("Q711", CAND, "Q485207", "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "rel-en-opec",
        "lang": "en",
        "published": "2023-12-22",
        "text": (
            "LONDON (Reuters) - Angola has left OPEC, its oil minister said on Thursday, ending 16 years "
            "in the producer group. The Vienna-based organisation was founded in 1960 by Iran, Iraq, "
            "Kuwait, Saudi Arabia and Venezuela. Brazil is expected to sign up to the wider OPEC+ "
            "alliance next year but will not become a full member of the cartel, officials said."
        ),
        "facts": {
            "required": [
                fact("Q916", M, "Q7795"),
                fact("Q7795", P159, "Q1741"),
                fact("Q794", M, "Q7795"),
                fact("Q796", M, "Q7795"),
                fact("Q817", M, "Q7795"),
                fact("Q851", M, "Q7795"),
                fact("Q717", M, "Q7795"),
            ],
            "optional": [fact("Q155", M, "Q7795", "-"), fact("Q155", CAND, "Q7795", "-")],
        },
    },
    {
        "id": "rel-en-un-appointments",
        "lang": "en",
        "published": "2024-09-04",
        "text": (
            "UNITED NATIONS (AP) - U.N. Secretary-General Antonio Guterres on Tuesday welcomed the "
            "election of a new head of the Pacific Islands Forum. Fiji, Samoa and Tonga are members of "
            "the Suva-based forum. Tuvalu's prime minister, the forum's current chair, said the group "
            "would not admit observers as full members. Former U.S. President Barack Obama also sent "
            "a message to the meeting."
        ),
        "facts": {
            "required": [
                fact("Q311440", P39, "Q81066"),
                fact("Q712", M, "Q757276"),
                fact("Q683", M, "Q757276"),
                fact("Q678", M, "Q757276"),
                fact("Q757276", P159, "Q38807"),
            ],
            "optional": [fact("Q76", P39, "Q11696")],
        },
    },
    {
        "id": "rel-de-golfrat",
        "lang": "de",
        "published": "2025-03-18",
        "text": (
            "RIAD (dpa) - Die Staaten des Golf-Kooperationsrats haben sich am Montag in Riad auf ein "
            "gemeinsames Touristenvisum geeinigt. Dem 1981 gegründeten Staatenbund gehören Saudi-Arabien, "
            "Kuwait, Katar, Bahrain, Oman und die Vereinigten Arabischen Emirate an. Die Organisation hat "
            "ihren Sitz in Riad. Der Irak ist kein Mitglied des Bündnisses, strebt aber eine engere "
            "Zusammenarbeit an."
        ),
        "facts": {
            "required": [
                fact("Q851", M, "Q217172"),
                fact("Q817", M, "Q217172"),
                fact("Q846", M, "Q217172"),
                fact("Q398", M, "Q217172"),
                fact("Q842", M, "Q217172"),
                fact("Q878", M, "Q217172"),
                fact("Q217172", P159, "Q3692"),
                fact("Q796", M, "Q217172", "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "rel-de-anden",
        "lang": "de",
        "published": "2025-02-12",
        "text": (
            "LIMA (dpa) - Die Andengemeinschaft hat am Dienstag in Lima über eine gemeinsame "
            "Zollunion beraten. Gründungsmitglieder des Staatenbunds sind Bolivien, Kolumbien, Ecuador, "
            "Peru und Chile. Chile trat 1976 wieder aus. Die Gemeinschaft mit Sitz in Lima hat derzeit "
            "vier Mitglieder. Venezuela war 2006 aus der Organisation ausgetreten."
        ),
        "facts": {
            "required": [
                fact("Q750", M, "Q471690"),
                fact("Q739", M, "Q471690"),
                fact("Q736", M, "Q471690"),
                fact("Q419", M, "Q471690"),
                fact("Q298", M, "Q471690"),
                fact("Q471690", P159, "Q2868"),
                fact("Q717", M, "Q471690"),
            ],
            "optional": [],
        },
    },
    {
        "id": "rel-de-mercosur",
        "lang": "de",
        "published": "2024-07-09",
        "text": (
            "ASUNCIÓN (dpa) - Bolivien ist nun Vollmitglied des Mercosur. Brasiliens Präsident Luiz "
            "Inácio Lula da Silva begrüßte den Schritt am Montag beim Gipfel in Asunción. Der "
            "argentinische Präsident Javier Milei blieb dem Treffen fern. Ex-Präsident Jair Bolsonaro "
            "kritisierte die Aufnahme Boliviens. Venezuela ist seit 2016 von dem Bündnis suspendiert."
        ),
        "facts": {
            "required": [
                fact("Q750", M, "Q4264"),
                fact("Q37181", P39, "Q5176750"),
                fact("Q52395487", P39, "Q12969145"),
                fact("Q717", SUSP, "Q4264"),
            ],
            "optional": [fact("Q10304982", P39, "Q5176750"), fact("Q750", CAND, "Q4264")],
        },
    },
    {
        "id": "rel-de-europarat",
        "lang": "de",
        "published": "2025-04-16",
        "text": (
            "STRASSBURG (dpa) - Der Europarat hat im März einen neuen Menschenrechtskommissar gewählt. "
            "Die Organisation mit Sitz in Straßburg zählt 46 Mitgliedstaaten. Belarus ist kein Mitglied. "
            "Die Ukraine trat 1995 bei, Georgien wurde 1999 als 41. Mitglied aufgenommen. Russland "
            "wurde 2022 ausgeschlossen."
        ),
        "facts": {
            "required": [
                fact("Q8908", P159, "Q6602"),
                fact("Q184", M, "Q8908", "-"),
                fact("Q212", M, "Q8908"),
                fact("Q230", M, "Q8908"),
            ],
            "optional": [fact("Q159", M, "Q8908")],
        },
    },
    {
        "id": "rel-de-sanktionen",
        "lang": "de",
        "published": "2024-06-26",
        "text": (
            "BRÜSSEL (dpa) - Die Europäische Union hat am Montag neue Sanktionen gegen Belarus verhängt. "
            "Litauen und Polen, die an Belarus grenzen, hatten schärfere Maßnahmen gefordert. Auch "
            "Kanada und Großbritannien verhängten Sanktionen gegen das Land. Kasachstan, ein Mitglied "
            "der Eurasischen Wirtschaftsunion, schloss sich den Strafmaßnahmen nicht an."
        ),
        "facts": {
            "required": [
                fact("Q458", SANC, "Q184"),
                fact("Q37", P47, "Q184"),
                fact("Q36", P47, "Q184"),
                fact("Q16", SANC, "Q184"),
                fact("Q145", SANC, "Q184"),
                fact("Q232", M, "Q4173083"),
            ],
            "optional": [],
        },
    },
    {
        "id": "rel-de-kanzler",
        "lang": "de",
        "published": "2025-05-07",
        "text": (
            "BERLIN (dpa) - Friedrich Merz ist am Dienstag im zweiten Wahlgang zum Bundeskanzler gewählt "
            "worden. Der CDU-Vorsitzende trat sein Amt noch am Abend an. Ex-Kanzler Olaf Scholz "
            "gratulierte. Die frühere Außenministerin Annalena Baerbock soll im Juni zur Präsidentin der "
            "UN-Generalversammlung gewählt werden. UN-Generalsekretär António Guterres lobte die Wahl."
        ),
        "facts": {
            "required": [
                fact("Q566257", P39, "Q4970706", time="2025-05-06"),
                fact("Q564328", P39, "Q1161813"),
                fact("Q311440", P39, "Q81066"),
            ],
            "optional": [fact("Q61053", P39, "Q4970706"), fact("Q564328", P39, "Q568605")],
        },
    },
    {
        "id": "rel-de-opec",
        "lang": "de",
        "published": "2023-12-22",
        "text": (
            "WIEN (dpa) - Angola ist aus der Opec ausgetreten. Das teilte der Ölminister des Landes am "
            "Donnerstag mit. Das Kartell mit Sitz in Wien wurde 1960 von Iran, Irak, Kuwait, "
            "Saudi-Arabien und Venezuela gegründet. Brasilien will sich dem erweiterten Bündnis Opec+ "
            "anschließen, aber kein Vollmitglied des Kartells werden."
        ),
        "facts": {
            "required": [
                fact("Q916", M, "Q7795"),
                fact("Q7795", P159, "Q1741"),
                fact("Q794", M, "Q7795"),
                fact("Q796", M, "Q7795"),
                fact("Q817", M, "Q7795"),
                fact("Q851", M, "Q7795"),
                fact("Q717", M, "Q7795"),
            ],
            "optional": [fact("Q155", M, "Q7795", "-"), fact("Q155", CAND, "Q7795", "-")],
        },
    },
]


# Written after the rule changes and scored once, untuned: a rough check of how the changes carry over
# to texts they were not made on (still our own texts, so not a held-out measurement either).
FRESH = [
    {
        "id": "fresh-en-csto",
        "lang": "en",
        "published": "2024-02-24",
        "text": (
            "YEREVAN (Reuters) - Armenia has frozen its participation in the Collective Security Treaty "
            "Organization, its prime minister said on Friday. The Moscow-led alliance, founded in 2002 by "
            "Russia, Belarus, Armenia, Kazakhstan, Kyrgyzstan and Tajikistan, had failed to defend the "
            "country, he said. Armenia, which borders Turkey, Georgia, Azerbaijan and Iran, has not "
            "formally left the bloc."
        ),
        "facts": {
            "required": [
                fact("Q159", M, "Q318693"),
                fact("Q184", M, "Q318693"),
                fact("Q399", M, "Q318693"),
                fact("Q232", M, "Q318693"),
                fact("Q813", M, "Q318693"),
                fact("Q863", M, "Q318693"),
                fact("Q399", P47, "Q43"),
                fact("Q399", P47, "Q230"),
                fact("Q399", P47, "Q227"),
                fact("Q399", P47, "Q794"),
            ],
            "optional": [fact("Q399", M, "Q318693", "-")],
        },
    },
    {
        "id": "fresh-de-interpol",
        "lang": "de",
        "published": "2024-11-28",
        "text": (
            "LYON (dpa) - Die internationale Polizeiorganisation Interpol hat am Mittwoch einen neuen "
            "Generalsekretär bestimmt. Die in Lyon ansässige Organisation zählt 196 Mitgliedstaaten. "
            "Russland ist weiterhin Mitglied, obwohl die Ukraine einen Ausschluss gefordert hatte."
        ),
        "facts": {
            "required": [fact("Q8475", P159, "Q456"), fact("Q159", M, "Q8475")],
            "optional": [],
        },
    },
    {
        "id": "fresh-en-caricom",
        "lang": "en",
        "published": "2025-02-20",
        "text": (
            "GEORGETOWN (AP) - Caribbean Community leaders met in Georgetown on Wednesday to discuss "
            "the crisis in Haiti, a full member of the bloc since 2002. Suriname joined the group in "
            "1995. The Georgetown-based organisation was founded in 1973 by Barbados, Guyana, Jamaica "
            "and Trinidad and Tobago. Cuba is not a member."
        ),
        "facts": {
            "required": [
                fact("Q790", M, "Q205995"),
                fact("Q730", M, "Q205995"),
                fact("Q244", M, "Q205995"),
                fact("Q734", M, "Q205995"),
                fact("Q766", M, "Q205995"),
                fact("Q754", M, "Q205995"),
                fact("Q205995", P159, "Q10717"),
                fact("Q241", M, "Q205995", "-"),
            ],
            "optional": [],
        },
    },
    {
        "id": "fresh-de-nordischer-rat",
        "lang": "de",
        "published": "2024-10-30",
        "text": (
            "REYKJAVÍK (dpa) - Die dänische Regierungschefin Mette Frederiksen hat den Nordischen Rat zu "
            "einer engeren Zusammenarbeit in der Verteidigung aufgerufen. Dem Gremium gehören Dänemark, "
            "Finnland, Island, Norwegen und Schweden an. Finnlands Präsident Alexander Stubb sprach sich "
            "für gemeinsame Rüstungsprojekte aus. Die frühere estnische Regierungschefin Kaja Kallas "
            "soll im Dezember das Amt der EU-Außenbeauftragten übernehmen."
        ),
        "facts": {
            "required": [
                fact("Q5015", P39, "Q795477"),
                fact("Q35", M, "Q146165"),
                fact("Q33", M, "Q146165"),
                fact("Q189", M, "Q146165"),
                fact("Q20", M, "Q146165"),
                fact("Q34", M, "Q146165"),
                fact("Q503143", P39, "Q29558"),
            ],
            "optional": [fact("Q11869065", P39, "Q737115"), fact("Q11869065", P39, "Q634291")],
        },
    },
    {
        "id": "fresh-en-oas",
        "lang": "en",
        "published": "2023-11-20",
        "text": (
            "WASHINGTON (Reuters) - Nicaragua completed its withdrawal from the Organization of American "
            "States on Sunday, two years after it announced it would leave the Washington-based body. "
            "Honduras and Belize remain members of the organisation. Cuba, which was suspended in 1962, "
            "never returned."
        ),
        "facts": {
            "required": [
                fact("Q811", M, "Q123759", time="2023-11-19"),
                fact("Q123759", P159, "Q61"),
                fact("Q783", M, "Q123759"),
                fact("Q242", M, "Q123759"),
            ],
            "optional": [fact("Q241", SUSP, "Q123759"), fact("Q241", M, "Q123759", "-")],
        },
    },
    {
        "id": "fresh-de-gus",
        "lang": "de",
        "published": "2024-10-12",
        "text": (
            "MINSK (dpa) - Die Staatschefs der Gemeinschaft Unabhängiger Staaten sind am Freitag in Minsk "
            "zusammengekommen. Georgien war 2009 aus dem Staatenbund ausgetreten. Kasachstan und "
            "Tadschikistan sind Gründungsmitglieder der Gemeinschaft. Der Sitz der Organisation ist in "
            "Minsk."
        ),
        "facts": {
            "required": [
                fact("Q230", M, "Q7779"),
                fact("Q232", M, "Q7779"),
                fact("Q863", M, "Q7779"),
                fact("Q7779", P159, "Q2280"),
            ],
            "optional": [],
        },
    },
]


def main() -> None:
    out = Path(__file__).with_name("dev.json")
    out.write_text(json.dumps({"documents": DOCS}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(DOCS)} documents)")
    fresh = Path(__file__).with_name("fresh.json")
    fresh.write_text(json.dumps({"documents": FRESH}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {fresh} ({len(FRESH)} documents)")


if __name__ == "__main__":
    main()
