"""Write N news-like German and English articles from our own templates, for benchmarks and scale tests.

    python benchmarks/make_corpus.py 2000 -o corpus.jsonl            # one JSONL file
    python benchmarks/make_corpus.py 200 -o corpus/ --folder         # one .txt file per article
    python benchmarks/make_corpus.py 10 --check-kb ../shared/kb/wikidata-geo.ttl   # names all in the KB?

The names are people, countries, cities, organisations and offices that the knowledge base holds
(labels of ``wikidata-geo.ttl``, German and English); the sentences exercise what kg extracts: offices,
memberships and candidacies, partnerships, negations, quotations, meetings with places and dates.
The output is a function of N and --seed only: the same command writes the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

# (German label, English label) — each a label or alias in the knowledge base (see --check-kb).
PEOPLE = [
    ("Olaf Scholz", "Olaf Scholz"), ("Annalena Baerbock", "Annalena Baerbock"),
    ("Emmanuel Macron", "Emmanuel Macron"), ("Jens Stoltenberg", "Jens Stoltenberg"),
    ("Mark Rutte", "Mark Rutte"), ("Ursula von der Leyen", "Ursula von der Leyen"),
    ("Wolodymyr Selenskyj", "Volodymyr Zelenskyy"), ("Wladimir Putin", "Vladimir Putin"),
    ("Sergej Lawrow", "Sergey Lavrov"), ("Joe Biden", "Joe Biden"), ("Antony Blinken", "Antony Blinken"),
    ("Donald Tusk", "Donald Tusk"), ("Andrzej Duda", "Andrzej Duda"), ("Giorgia Meloni", "Giorgia Meloni"),
    ("Pedro Sánchez", "Pedro Sánchez"), ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"),
    ("Viktor Orbán", "Viktor Orbán"), ("Sanna Marin", "Sanna Marin"), ("Ulf Kristersson", "Ulf Kristersson"),
    ("Kaja Kallas", "Kaja Kallas"), ("Maia Sandu", "Maia Sandu"), ("António Guterres", "António Guterres"),
    ("Xi Jinping", "Xi Jinping"), ("Narendra Modi", "Narendra Modi"), ("Justin Trudeau", "Justin Trudeau"),
    ("Dmytro Kuleba", "Dmytro Kuleba"), ("Josep Borrell", "Josep Borrell"),
    ("Friedrich Merz", "Friedrich Merz"),
    ("Keir Starmer", "Keir Starmer"), ("Fumio Kishida", "Fumio Kishida"),
]
COUNTRIES = [
    ("Deutschland", "Germany"), ("Frankreich", "France"), ("Polen", "Poland"), ("Ukraine", "Ukraine"),
    ("Russland", "Russia"), ("Vereinigte Staaten", "United States"), ("China", "China"), ("Japan", "Japan"),
    ("Italien", "Italy"), ("Spanien", "Spain"), ("Schweden", "Sweden"), ("Finnland", "Finland"),
    ("Norwegen", "Norway"), ("Türkei", "Turkey"), ("Georgien", "Georgia"), ("Moldau", "Moldova"),
    ("Österreich", "Austria"), ("Schweiz", "Switzerland"), ("Kanada", "Canada"), ("Indien", "India"),
    ("Ungarn", "Hungary"), ("Litauen", "Lithuania"), ("Estland", "Estonia"), ("Rumänien", "Romania"),
]
CITIES = [
    ("Berlin", "Berlin"), ("Paris", "Paris"), ("Warschau", "Warsaw"), ("Kiew", "Kyiv"), ("Moskau", "Moscow"),
    ("Peking", "Beijing"), ("Rom", "Rome"), ("Madrid", "Madrid"), ("Stockholm", "Stockholm"),
    ("Helsinki", "Helsinki"), ("Oslo", "Oslo"), ("Ankara", "Ankara"), ("Wien", "Vienna"), ("Genf", "Geneva"),
    ("Vilnius", "Vilnius"), ("München", "Munich"), ("London", "London"),
]
ORGANISATIONS = [
    ("NATO", "NATO"), ("Europäische Union", "European Union"), ("Vereinte Nationen", "United Nations"),
    ("G7", "G7"), ("Welthandelsorganisation", "World Trade Organization"), ("OSZE", "OSCE"),
    ("Europarat", "Council of Europe"), ("Weltgesundheitsorganisation", "World Health Organization"),
]
# Offices have English labels in the KB; German articles name them in running text.
OFFICES = [
    ("NATO-Generalsekretär", "Secretary General of NATO"),
    ("Präsident der Europäischen Kommission", "President of the European Commission"),
    ("UN-Generalsekretär", "Secretary-General of the United Nations"),
    ("Präsident der Vereinigten Staaten", "President of the United States"),
    ("Präsident Frankreichs", "President of France"),
    ("Präsident der Ukraine", "President of Ukraine"),
]
KB_LABEL_COLUMNS = {"PEOPLE": (0, 1), "COUNTRIES": (0, 1), "CITIES": (0, 1), "ORGANISATIONS": (0, 1),
                    "OFFICES": (1,)}

DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
             "Oktober", "November", "Dezember"]
DE_WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# Templates: {p}/{q} people, {c}/{d} countries, {city}, {o} organisation, {office}, {date}, {day}, {quote}
DE_SENTENCES = [
    "{p} ist seit Jahren {office}.",
    "{c} ist Mitglied der {o}.",
    "{c} ist kein Mitglied der {o}, arbeitet aber eng mit dem Bündnis zusammen.",
    "{c} strebt eine Mitgliedschaft in der {o} an.",
    "{c} hat offiziell den Beitritt zur {o} beantragt.",
    "Die {o} hat {c} zu Beitrittsgesprächen eingeladen.",
    "{c} ist ein Partner der {o}, aber kein Mitglied.",
    "{c} könnte nach Ansicht von Diplomaten bald der {o} beitreten.",
    "{c} grenzt an {d}.",
    "{p} traf sich am {day} in {city} mit {q}.",
    "Am {date} kamen {p} und {q} in {city} zu Gesprächen zusammen.",
    "„{quote}“, sagte {p} am {day} in {city}.",
    "{p} sagte: „{quote}.“",
    "Nach Angaben von {p} ist {c} nicht durch Artikel 5 geschützt.",
    "{p} forderte, dass {c} der {o} beitritt.",
    "Die Regierung in {city} wies Berichte zurück, {c} wolle die {o} verlassen.",
    "Der Sitz der {o} befindet sich in {city}.",
    "Beobachter in {city} erwarten keine schnelle Einigung.",
    "Die Gespräche sollen im {month} fortgesetzt werden.",
]
EN_SENTENCES = [
    "{p} has served as {office} since taking office.",
    "{c} is a member of the {o}.",
    "{c} is not a member of the {o}, but it works closely with the alliance.",
    "{c} hopes to join the {o}.",
    "{c} formally applied to join the {o}.",
    "The {o} invited {c} to start accession talks.",
    "{c} is a partner of the {o} but not a member.",
    "Diplomats say {c} could join the {o} soon.",
    "{c} borders {d}.",
    "{p} met {q} in {city} on {day}.",
    "On {date}, {p} and {q} held talks in {city}.",
    "\"{quote}\", {p} said in {city} on {day}.",
    "{p} said: \"{quote}.\"",
    "According to {p}, {c} is not covered by Article 5.",
    "{p} demanded that {c} join the {o}.",
    "Officials in {city} denied reports that {c} wants to leave the {o}.",
    "The {o} has its headquarters in {city}.",
    "Observers in {city} do not expect a quick agreement.",
    "The talks are expected to continue in {month}.",
]
DE_QUOTES = [
    "Wir stehen fest an der Seite unserer Partner", "Die Tür bleibt offen",
    "Niemand wird uns spalten", "Wir brauchen mehr Zusammenarbeit, nicht weniger",
    "Diese Entscheidung ist ein Fehler", "Wir werden die Gespräche fortsetzen",
]
EN_QUOTES = [
    "We stand firmly with our partners", "The door remains open", "Nobody will divide us",
    "We need more cooperation, not less", "This decision is a mistake", "We will continue the talks",
]
DE_TITLES = ["Gespräche in {city}", "{p} zu Besuch in {city}", "Streit um die {o}", "{c} und die {o}"]
EN_TITLES = ["Talks in {city}", "{p} visits {city}", "Dispute over the {o}", "{c} and the {o}"]


@dataclass(frozen=True)
class Article:
    doc_id: str
    lang: str
    title: str
    published: dt.date
    text: str

    def as_json(self) -> str:
        return json.dumps(
            {"id": self.doc_id, "lang": self.lang, "title": self.title,
             "published": self.published.isoformat(), "text": self.text},
            ensure_ascii=False,
        )


def make_article(index: int, rng: random.Random, *, sentences: tuple[int, int] = (8, 16)) -> Article:
    lang = "de" if index % 2 == 0 else "en"
    col = 0 if lang == "de" else 1
    published = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(0, 3 * 365))

    def pick(table: list[tuple[str, str]]) -> str:
        return rng.choice(table)[col]

    def fill(template: str) -> str:
        p, q = rng.sample(PEOPLE, 2)
        c, d = rng.sample(COUNTRIES, 2)
        when = published - dt.timedelta(days=rng.randrange(0, 6))
        values = {
            "p": p[col], "q": q[col], "c": c[col], "d": d[col], "city": pick(CITIES),
            "o": pick(ORGANISATIONS), "office": pick(OFFICES),
            "quote": rng.choice(DE_QUOTES if lang == "de" else EN_QUOTES),
            "day": (DE_WEEKDAYS if lang == "de" else EN_WEEKDAYS)[when.weekday()],
            "date": (f"{when.day}. {DE_MONTHS[when.month - 1]} {when.year}" if lang == "de"
                     else when.strftime("%B %-d, %Y")),
            "month": DE_MONTHS[rng.randrange(12)] if lang == "de" else dt.date(2000, rng.randrange(1, 13), 1)
            .strftime("%B"),
        }
        return template.format(**values)

    templates = DE_SENTENCES if lang == "de" else EN_SENTENCES
    count = rng.randint(*sentences)
    paragraphs = []
    body = [fill(rng.choice(templates)) for _ in range(count)]
    for start in range(0, len(body), 4):
        paragraphs.append(" ".join(body[start : start + 4]))
    title = fill(rng.choice(DE_TITLES if lang == "de" else EN_TITLES))
    return Article(f"bench-{index:07d}", lang, title, published, "\n\n".join(paragraphs))


def generate(count: int, *, seed: int = 7, scale_text: int = 1) -> list[Article]:
    rng = random.Random(seed)
    return [make_article(i, rng, sentences=(8 * scale_text, 16 * scale_text)) for i in range(count)]


def write_jsonl(articles: list[Article], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(article.as_json() + "\n")


def write_folder(articles: list[Article], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (directory / f"{article.doc_id}.{article.lang}.txt").write_text(
            article.title + "\n\n" + article.text + "\n", encoding="utf-8"
        )


def check_kb(path: Path) -> list[str]:
    """Names of the tables above that are no label or alias in a Wikidata-shaped Turtle file."""
    import pyoxigraph as ox

    labels: set[tuple[str, str]] = set()
    wanted = {"http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#altLabel"}
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if triple.predicate.value in wanted and isinstance(triple.object, ox.Literal):
            labels.add((triple.object.value, triple.object.language or ""))
    missing = []
    tables = {"PEOPLE": PEOPLE, "COUNTRIES": COUNTRIES, "CITIES": CITIES, "ORGANISATIONS": ORGANISATIONS,
              "OFFICES": OFFICES}
    for name, table in tables.items():
        for row in table:
            for col in KB_LABEL_COLUMNS[name]:
                lang = ("de", "en")[col]
                if (row[col], lang) not in labels:
                    missing.append(f"{name}: {row[col]!r}@{lang}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("count", type=int, help="number of articles (half German, half English)")
    parser.add_argument("-o", "--output", type=Path, help="JSONL file, or a directory with --folder")
    parser.add_argument("--folder", action="store_true", help="one .txt file per article")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--check-kb", type=Path, help="verify every name is a label in this Turtle KB")
    args = parser.parse_args(argv)
    if args.check_kb:
        missing = check_kb(args.check_kb)
        for line in missing:
            print(f"not in the KB: {line}", file=sys.stderr)
        if missing:
            return 1
        print("every name is a label or alias in", args.check_kb)
    if args.output is None:
        return 0
    articles = generate(args.count, seed=args.seed)
    if args.folder:
        write_folder(articles, args.output)
    else:
        write_jsonl(articles, args.output)
    words = sum(len(a.text.split()) for a in articles)
    print(f"wrote {len(articles)} articles ({words} words) to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
