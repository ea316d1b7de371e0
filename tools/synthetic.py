"""Synthetic content for the benchmarks: leerdoelen with their frames, schools, networks.

Longer than most files on purpose: most of it is data (the frames and the Dutch word
lists), and the benchmarks share this one generator so that they measure the same content.
Every generator is seeded, so a run writes the same files every time.

- ``write_goals``: ``n`` valid leerdoelen spread over two domains, plus a ``kader.yaml``
  per domain, as editors write them (flow lists, folded long texts, schema hints);
- ``site_project``: those goals plus a copy of this project's ``site/``, ``schemas/`` and
  ``mkdocs.yml``, so that ``leerdoelen build`` can run on them;
- ``adoptie_project``: a site project plus networks and schools, each school with a record
  for every goal on its checklist;
- ``make_bare_site``: the baseline, a bare MkDocs-material site with one one-line page per
  path.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import string
import sys
import textwrap
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from leerdoelen.adoptie.progress import checklist_goals, counted_goals
from leerdoelen.commands.check import check
from leerdoelen.core.adoptie import ADOPTIE_STATUSSEN
from leerdoelen.core.corpus import Corpus
from leerdoelen.core.model import GROEPEN

PROJECT = Path(__file__).resolve().parents[1]
SEED = 20260101  # the goals
MAX_PER_DOMEIN = 9999  # leerdoelcodes have at most 4 digits
WRAP = 90  # line length of the generated YAML
HINT = "# yaml-language-server: $schema=../../schemas/{schema}.schema.json"

# --- the frames -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kerndoel:
    nummer: int
    titel: str
    omschrijving: str
    doelzinnen: tuple[tuple[str, str], ...]  # (titel, omschrijving), lettered A, B, ...


@dataclass(frozen=True)
class Subdomein:
    titel: str
    omschrijving: str
    kerndoelen: tuple[Kerndoel, ...]


@dataclass(frozen=True)
class Domein:
    naam: str
    afkorting: str
    titel: str
    omschrijving: str
    subdomeinen: tuple[Subdomein, ...]

    def doelzincodes(self) -> list[str]:
        return [
            f"{self.afkorting}-po-{kern.nummer}{chr(ord('A') + d)}"
            for sub in self.subdomeinen
            for kern in sub.kerndoelen
            for d in range(len(kern.doelzinnen))
        ]


DOMEINEN = (
    Domein(
        "digitale-geletterdheid",
        "DG",
        "Digitale geletterdheid",
        "Leerlingen leren digitale middelen begrijpen, gebruiken en maken.",
        (
            Subdomein(
                "Digitale systemen",
                "Begrijpen hoe computers, netwerken en apparaten werken.",
                (
                    Kerndoel(
                        21,
                        "Werking van digitale systemen",
                        "De leerling beschrijft hoe digitale apparaten gegevens verwerken.",
                        (
                            ("Invoer en uitvoer", "Herkennen wat een apparaat opneemt en geeft."),
                            ("Netwerken", "Uitleggen hoe apparaten met elkaar verbonden zijn."),
                        ),
                    ),
                    Kerndoel(
                        22,
                        "Gegevens en informatie",
                        "De leerling ordent en bewaart gegevens met digitale middelen.",
                        (
                            ("Gegevens ordenen", "Gegevens sorteren, groeperen en tellen."),
                            ("Gegevens bewaren", "Bestanden opslaan en terugvinden."),
                            ("Gegevens tonen", "Gegevens laten zien in een tabel of grafiek."),
                        ),
                    ),
                ),
            ),
            Subdomein(
                "Ontwerpen en maken",
                "Zelf iets digitaals bedenken, bouwen en verbeteren.",
                (
                    Kerndoel(
                        23,
                        "Digitaal ontwerpen en programmeren",
                        "De leerling ontwerpt en programmeert eenvoudige digitale producten.",
                        (
                            ("Programmeren", "Stappen bedenken en een computer laten uitvoeren."),
                            ("Ontwerpen", "Een digitaal product bedenken, maken en testen."),
                        ),
                    ),
                    Kerndoel(
                        24,
                        "Computationeel denken",
                        "De leerling lost problemen op door ze in stappen op te delen.",
                        (
                            ("Patronen", "Herhalingen en regels in een probleem herkennen."),
                            ("Abstractie", "Hoofdzaken van bijzaken scheiden."),
                        ),
                    ),
                ),
            ),
            Subdomein(
                "Mediawijsheid",
                "Bewust en kritisch omgaan met media en informatie.",
                (
                    Kerndoel(
                        25,
                        "Informatie zoeken en beoordelen",
                        "De leerling zoekt informatie en beoordeelt of die betrouwbaar is.",
                        (
                            ("Zoeken", "Een zoekvraag stellen en resultaten vergelijken."),
                            ("Beoordelen", "Bronnen op betrouwbaarheid beoordelen."),
                        ),
                    ),
                    Kerndoel(
                        26,
                        "Veilig en bewust online",
                        "De leerling gaat veilig en respectvol om met anderen online.",
                        (
                            ("Privacy", "Weten welke gegevens je deelt en met wie."),
                            ("Omgangsvormen", "Respectvol reageren in een online omgeving."),
                        ),
                    ),
                ),
            ),
        ),
    ),
    Domein(
        "mens-en-natuur",
        "MN",
        "Mens en natuur",
        "Leerlingen onderzoeken de levende en niet-levende natuur om hen heen.",
        (
            Subdomein(
                "Levende natuur",
                "Planten, dieren en mensen en hoe ze samenleven.",
                (
                    Kerndoel(
                        40,
                        "Bouw en functie van organismen",
                        "De leerling beschrijft hoe planten en dieren gebouwd zijn.",
                        (
                            ("Planten", "Delen van een plant benoemen en hun functie."),
                            ("Dieren", "Lichaamsdelen van dieren vergelijken."),
                            ("Het menselijk lichaam", "Organen en zintuigen benoemen."),
                        ),
                    ),
                    Kerndoel(
                        41,
                        "Ecosystemen",
                        "De leerling legt relaties tussen organismen en hun omgeving.",
                        (
                            ("Voedselketens", "Wie eet wie in een leefgebied."),
                            ("Kringlopen", "Hoe stoffen en energie rondgaan in de natuur."),
                        ),
                    ),
                ),
            ),
            Subdomein(
                "Materialen en verschijnselen",
                "Eigenschappen van stoffen en natuurkundige verschijnselen.",
                (
                    Kerndoel(
                        42,
                        "Materialen en stoffen",
                        "De leerling onderzoekt eigenschappen van materialen.",
                        (
                            ("Eigenschappen", "Materialen vergelijken op hardheid en gewicht."),
                            ("Veranderingen", "Smelten, stollen en oplossen waarnemen."),
                        ),
                    ),
                    Kerndoel(
                        43,
                        "Krachten en energie",
                        "De leerling onderzoekt krachten, beweging, licht en geluid.",
                        (
                            ("Krachten", "Duwen, trekken en zwaartekracht waarnemen."),
                            ("Licht en geluid", "Hoe licht en geluid zich verplaatsen."),
                            ("Energie", "Vormen van energie en hun omzetting herkennen."),
                        ),
                    ),
                ),
            ),
            Subdomein(
                "Aarde en heelal",
                "Het weer, de seizoenen en de plaats van de aarde in het heelal.",
                (
                    Kerndoel(
                        44,
                        "Weer en klimaat",
                        "De leerling beschrijft het weer en de seizoenen.",
                        (
                            ("Weer", "Temperatuur, neerslag en wind meten."),
                            ("Seizoenen", "Veranderingen door het jaar heen verklaren."),
                        ),
                    ),
                ),
            ),
        ),
    ),
)
MAX_GOALS = MAX_PER_DOMEIN * len(DOMEINEN)  # the most write_goals can write


# --- Dutch-looking text -------------------------------------------------------------------
# Kept free of '&', '*' and '!', which send a file down the loader's slower event check.

WERKWOORDEN = (
    "beschrijft",
    "onderzoekt",
    "vergelijkt",
    "ordent",
    "benoemt",
    "verklaart",
    "ontwerpt",
    "test",
    "verbetert",
    "presenteert",
    "herkent",
    "meet",
    "voorspelt",
    "bespreekt",
)
INFINITIEVEN = (
    "Beschrijven",
    "Onderzoeken",
    "Vergelijken",
    "Ordenen",
    "Benoemen",
    "Verklaren",
    "Ontwerpen",
    "Testen",
    "Verbeteren",
    "Presenteren",
    "Herkennen",
    "Meten",
    "Voorspellen",
)
ONDERWERPEN = {
    "DG": (
        "de stappen van een algoritme",
        "een reeks instructies voor een vloerrobot",
        "de onderdelen van een computer",
        "gegevens in een tabel",
        "een eenvoudig spel in een blokkentaal",
        "de route van een bericht over het internet",
        "de betrouwbaarheid van een website",
        "wachtwoorden en persoonlijke gegevens",
        "een digitale poster",
        "herhalingen in een programma",
        "een zoekvraag met goede zoekwoorden",
        "reclame in een filmpje",
        "een stroomschema van een dagelijkse handeling",
        "sensoren in apparaten om ons heen",
    ),
    "MN": (
        "de delen van een bloeiende plant",
        "de levenscyclus van een vlinder",
        "een voedselketen in de sloot",
        "het drijven en zinken van voorwerpen",
        "de schaduw van een stok door de dag",
        "het smelten van ijs",
        "de kracht van een magneet",
        "de temperatuur in de klas",
        "de seizoenen in het schoolplein",
        "het geluid van een snaar",
        "de schijngestalten van de maan",
        "het verteren van voedsel",
        "de groei van tuinkers",
        "de eigenschappen van hout en metaal",
    ),
}
CONTEXTEN = (
    "met een klasgenoot",
    "in een klein onderzoek",
    "aan de hand van een stappenplan",
    "met behulp van eigen tekeningen",
    "in de eigen omgeving",
    "met eenvoudige materialen",
    "aan de hand van een voorbeeld van de leerkracht",
    "in een kort verslag",
    "door vragen te stellen",
    "met een zelfgemaakte tabel",
)
TOEVOEGINGEN = (
    "Daarbij gebruikt de leerling passende begrippen.",
    "De leerling legt uit waarom de gekozen aanpak werkt.",
    "Hierbij let de leerling op nauwkeurigheid en volgorde.",
    "De leerling trekt een eenvoudige conclusie uit wat er gebeurt.",
    "De leerling vertelt wat er anders kan en waarom.",
    "Zo ontstaat begrip van oorzaak en gevolg.",
)
TREFWOORDEN = {
    "DG": (
        "volgorde",
        "algoritme",
        "robot",
        "programmeren",
        "gegevens",
        "tabel",
        "internet",
        "privacy",
        "bronnen",
        "ontwerpen",
        "media",
        "sensoren",
    ),
    "MN": (
        "planten",
        "dieren",
        "materialen",
        "magnetisme",
        "licht",
        "geluid",
        "weer",
        "seizoenen",
        "energie",
        "onderzoek",
        "meten",
        "waarnemen",
    ),
}
STATUSSEN = (("vastgesteld", 55), ("concept", 25), ("ter consultatie", 17), ("vervallen", 3))
NABESPREKINGEN = (
    "bespreekt de klas wat opviel",
    "vergelijken de groepjes hun uitkomsten",
    "vertelt elke leerling wat hij of zij heeft ontdekt",
    "maakt de klas samen een overzicht op het bord",
)
REDENEN = (
    "Opgegaan in een breder leerdoel over dezelfde doelzin.",
    "Na consultatie geschrapt omdat het te weinig oplevert.",
    "Dubbel met een leerdoel in een ander subdomein.",
)

# --- the leerdoelen -----------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What is fixed about a leerdoel before its text is written."""

    code: str
    groepen: tuple[str, ...]
    status: str

    @property
    def laagste(self) -> int:
        return GROEPEN.index(self.groepen[0])


def plan_domein(rng: random.Random, afkorting: str, count: int) -> list[Plan]:
    statussen, gewichten = [s for s, _ in STATUSSEN], [w for _, w in STATUSSEN]
    plans = []
    for i in range(1, count + 1):
        start = rng.randrange(len(GROEPEN))
        width = rng.choice((1, 1, 2, 2, 3))
        groepen = GROEPEN[start : start + width]
        status = rng.choices(statussen, gewichten)[0]
        plans.append(Plan(f"{afkorting}-{i:04d}", groepen, status))
    return plans


def sentence(rng: random.Random, onderwerp: str) -> str:
    return f"De leerling {rng.choice(WERKWOORDEN)} {onderwerp} {rng.choice(CONTEXTEN)}."


def uitwerking(rng: random.Random, afkorting: str) -> str:
    werkwoord = rng.choice(WERKWOORDEN).capitalize()
    return f"{werkwoord} {rng.choice(ONDERWERPEN[afkorting])} {rng.choice(CONTEXTEN)}."


def voorbeeld(rng: random.Random, afkorting: str) -> str:
    onderwerp = rng.choice(ONDERWERPEN[afkorting])
    return (
        f"{rng.choice(INFINITIEVEN)} van {onderwerp} {rng.choice(CONTEXTEN)}; "
        f"daarna {rng.choice(NABESPREKINGEN)}."
    )


def distinct(count: int, make: Callable[[], str]) -> list[str]:
    """``count`` different results of ``make``, in the order first made."""
    found: dict[str, None] = {}
    while len(found) < count:
        found[make()] = None
    return list(found)


def flow(items: Sequence[str]) -> str:
    return "[" + ", ".join(items) + "]"


def block(key: str, items: Sequence[str]) -> list[str]:
    return [f"{key}:", *(f"  - {item}" for item in items)] if items else []


def folded(key: str, text: str) -> list[str]:
    """``key: text``, or a folded block (``>-``) for a long text, as editors write it."""
    if len(key) + len(text) + 2 <= WRAP:
        return [f"{key}: {text}"]
    return [f"{key}: >-", *(f"  {line}" for line in textwrap.wrap(text, WRAP - 2))]


def voorkennis(rng: random.Random, plans: list[Plan], index: int) -> list[str]:
    """0-2 earlier, non-vervallen goals that start in the same band or an earlier one."""
    plan = plans[index]
    window = plans[max(0, index - 40) : index]
    fits = [p.code for p in window if p.status != "vervallen" and p.laagste <= plan.laagste]
    return rng.sample(fits, min(len(fits), rng.choice((0, 1, 1, 2))))


def gerelateerd(rng: random.Random, all_plans: dict[str, list[Plan]], code: str) -> list[str]:
    """0-2 other non-vervallen goals, mostly of the same domain, sometimes of another."""
    own = code.partition("-")[0]
    found = []
    for _ in range(rng.choice((0, 0, 1, 1, 2))):
        other = [a for a in all_plans if a != own and all_plans[a]]
        afkorting = rng.choice(other) if other and rng.random() < 0.2 else own
        pick = rng.choice(all_plans[afkorting])
        if pick.code != code and pick.status != "vervallen" and pick.code not in found:
            found.append(pick.code)
    return found


def leerdoel_text(
    rng: random.Random, domein: Domein, all_plans: dict[str, list[Plan]], index: int
) -> str:
    afk = domein.afkorting
    plans = all_plans[afk]
    plan = plans[index]
    zinnen = domein.doelzincodes()
    doelzin = rng.choice(zinnen)
    onderwerp = rng.choice(ONDERWERPEN[afk])
    sentences = [sentence(rng, onderwerp), *rng.sample(TOEVOEGINGEN, rng.randint(1, 3))]
    lines = [
        HINT.format(schema="leerdoel"),
        f"code: {plan.code}",
        f"titel: {rng.choice(INFINITIEVEN)} van {onderwerp}",
        *folded("omschrijving", " ".join(sentences)),
        f"doelzin: {doelzin}",
    ]
    if rng.random() < 0.15:
        lines.append(f"ook_bij: {flow([rng.choice([z for z in zinnen if z != doelzin])])}")
    lines.append(f"groepen: {flow(plan.groepen)}")
    lines += block("uitwerkingen", distinct(rng.randint(2, 4), lambda: uitwerking(rng, afk)))
    lines += block("voorbeelden", distinct(rng.randint(1, 2), lambda: voorbeeld(rng, afk)))
    if codes := voorkennis(rng, plans, index):
        lines.append(f"voorkennis: {flow(codes)}")
    if codes := gerelateerd(rng, all_plans, plan.code):
        lines.append(f"gerelateerd: {flow(codes)}")
    lines.append(f"status: {plan.status}")
    if plan.status == "vervallen":
        lines.append(f"reden: {rng.choice(REDENEN)}")
    lines.append(f"trefwoorden: {flow(rng.sample(TREFWOORDEN[afk], rng.randint(1, 4)))}")
    return "\n".join(lines) + "\n"


def kader_text(rng: random.Random, domein: Domein) -> str:
    afk = domein.afkorting
    lines = [
        HINT.format(schema="kader"),
        f"domein: {domein.naam}",
        f"afkorting: {afk}",
        f"titel: {domein.titel}",
        f"omschrijving: {domein.omschrijving}",
        f"slo_id: {uuid.UUID(int=rng.getrandbits(128), version=4)}",
        "subdomeinen:",
    ]
    for s, sub in enumerate(domein.subdomeinen, start=1):
        lines += [
            f"  - code: {afk}-SD{s}",
            f"    titel: {sub.titel}",
            f"    omschrijving: {sub.omschrijving}",
            "    kerndoelen:",
        ]
        for kern in sub.kerndoelen:
            lines += [
                f"      - code: {afk}-po-{kern.nummer}",
                f"        titel: {kern.titel}",
                f"        omschrijving: {kern.omschrijving}",
                "        doelzinnen:",
            ]
            for d, (titel, omschrijving) in enumerate(kern.doelzinnen):
                lines += [
                    f"          - code: {afk}-po-{kern.nummer}{chr(ord('A') + d)}",
                    f"            titel: {titel}",
                    f"            omschrijving: {omschrijving}",
                ]
    return "\n".join(lines) + "\n"


def split(n: int, parts: int) -> list[int]:
    return [n // parts + (i < n % parts) for i in range(parts)]


def write_goals(root: Path, n: int, seed: int = SEED) -> None:
    """Write a valid project with ``n`` leerdoelen, spread evenly over the domains."""
    rng = random.Random(seed)
    counts = split(n, len(DOMEINEN))
    all_plans = {
        d.afkorting: plan_domein(rng, d.afkorting, count)
        for d, count in zip(DOMEINEN, counts, strict=True)
    }
    for domein in DOMEINEN:
        folder = root / "goals" / domein.naam
        folder.mkdir(parents=True)
        (folder / "kader.yaml").write_text(kader_text(rng, domein), encoding="utf-8")
        for index, plan in enumerate(all_plans[domein.afkorting]):
            text = leerdoel_text(rng, domein, all_plans, index)
            (folder / f"{plan.code}.yaml").write_text(text, encoding="utf-8")


# --- a project that builds ----------------------------------------------------------------

COPIED = ("site", "schemas")  # folders of the real project that the build needs


def site_project(root: Path, n: int) -> None:
    """A content project with ``n`` synthetic goals and this project's site set-up."""
    write_goals(root, n)
    for name in COPIED:
        shutil.copytree(PROJECT / name, root / name)
    shutil.copy(PROJECT / "mkdocs.yml", root / "mkdocs.yml")


# --- the baseline: a bare MkDocs site -----------------------------------------------------


def markdown_pages(docs: Path) -> list[str]:
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def our_nav() -> object:
    with (PROJECT / "mkdocs.yml").open(encoding="utf-8") as file:
        return yaml.safe_load(file)["nav"]


def make_bare_site(folder: Path, pages: Sequence[str]) -> Path:
    """A bare MkDocs-material site with one one-line page per path; its mkdocs.yml."""
    docs = folder / "docs"
    for i, relative in enumerate(pages):
        path = docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Pagina {i}.\n", encoding="utf-8")
    config = {
        "site_name": "Kale MkDocs",
        "docs_dir": "docs",
        "use_directory_urls": True,
        "theme": {"name": "material", "language": "nl", "font": False},
        "plugins": [{"search": {"lang": "nl"}}],
        "nav": our_nav(),
        "validation": {"nav": {"omitted_files": "ignore"}},
    }
    config_file = folder / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return config_file


# --- schools and networks ----------------------------------------------------------------

ADOPTIE_SEED = 20261129
VANDAAG = dt.date(2026, 11, 29)  # no record is dated later; the benchmark sets this "today"
EERSTE_DATUM = dt.date(2025, 1, 1)
SCHOLEN_PER_NETWERK = 100
SCHOOL_HINT = HINT.format(schema="school")
NETWERK_HINT = HINT.format(schema="netwerk")

BRINS = [
    f"{d:02d}{a}{b}"
    for d in range(10, 100)
    for a in string.ascii_uppercase
    for b in string.ascii_uppercase
]
RIO_LETTERS = string.ascii_uppercase.replace("E", "")  # 123E456 would read as a number
STATUS_GEWICHTEN = (20, 15, 15, 20, 30)  # niet gestart, verkend, gepland, bezig, ingevoerd
SOORTEN = (("bao", 85), ("sbo", 10), ("so", 5))
NETWERK_SOORTEN = ("regionaal netwerk", "schoolbestuur", "samenwerkingsverband")
VOORVOEGSELS = ("OBS", "CBS", "KBS", "PCBS", "IKC", "Basisschool")
NAMEN = (
    "De Klimboom",
    "Het Kompas",
    "De Vlieger",
    "De Regenboog",
    "Het Anker",
    "De Wilgenhoek",
    "De Zonnewijzer",
    "Sint-Jozef",
    "De Springplank",
    "Het Palet",
    "De Windroos",
    "De Horizon",
    "Het Mozaïek",
    "De Toermalijn",
    "De Fontein",
    "Het Startpunt",
)
PLAATSEN = (
    "Maasoever",
    "Wilgendaal",
    "Zandvoorde",
    "Beekveld",
    "Hoogwoud",
    "Lindenhout",
    "Brugkerk",
    "Kleidijk",
    "Oosterweide",
    "Molenrade",
)
REGIO_S = ("Maasdelta", "Veenland", "Kustregio", "Heuvelland", "Rivierenland", "Stedendriehoek")
TOELICHTINGEN = (
    "Verkend tijdens een studiedag; we kijken welke methode hierbij past.",
    "Gekoppeld aan het thema van de onderbouw, samen met de bibliotheek.",
    "Loopt als project in de techniekweek, met ouders als begeleiders.",
    "Eerst in een groep geprobeerd, daarna schoolbreed ingevoerd.",
)


@dataclass(frozen=True)
class Frame:
    """What the adoption generator needs to know of the synthetic goals."""

    checklist: list[tuple[str, tuple[str, ...]]]  # (code, groepen) per checklist goal
    kerndoelen: list[str]  # kerndoelen with at least one counted goal
    domeinen: list[tuple[str, str]]  # (naam, titel)


def frame_of(corpus: Corpus) -> Frame:
    kerndoelen: dict[str, None] = {}
    for goal in counted_goals(corpus):
        if (plek := corpus.plek(goal)) is not None:
            kerndoelen[plek.kerndoel.code] = None
    return Frame(
        [(d.code, tuple(d.groepen)) for d in checklist_goals(corpus)],
        sorted(kerndoelen),
        sorted((naam, kader.titel) for naam, kader in corpus.kaders.items()),
    )


def netwerk_slugs(schools: int) -> list[str]:
    count = max(1, round(schools / SCHOLEN_PER_NETWERK))
    return [f"netwerk-{i:04d}" for i in range(1, count + 1)]


def datum(rng: random.Random) -> dt.date:
    return EERSTE_DATUM + dt.timedelta(days=rng.randrange((VANDAAG - EERSTE_DATUM).days + 1))


def netwerk_text(rng: random.Random, slug: str, frame: Frame) -> str:
    soort = rng.choice(NETWERK_SOORTEN)
    lines = [
        NETWERK_HINT,
        f"naam: {soort.capitalize()} {rng.choice(REGIO_S)} {slug.rpartition('-')[2]}",
        f"soort: {soort}",
        f"contact: info@{slug}.example",
        "publiceren: true",
        "doelstellingen:",
    ]
    for _ in range(rng.choice((1, 2))):
        status = rng.choice(ADOPTIE_STATUSSEN[1:])
        if frame.kerndoelen and rng.random() < 0.6:
            kerndoel = rng.choice(frame.kerndoelen)
            lines += [f"  - titel: Kerndoel {kerndoel} {status}", f"    kerndoel: {kerndoel}"]
        else:
            naam, titel = rng.choice(frame.domeinen)
            lines += [f"  - titel: {titel} {status} op alle scholen", f"    domein: {naam}"]
        lines += [
            f"    status: {status}",
            f"    aandeel: {rng.choice((25, 40, 50, 75, 90))}",
            f"    uiterlijk: {rng.choice(('2026-07-17', '2027-01-29', '2027-07-16'))}",
        ]
    return "\n".join(lines) + "\n"


def record_lines(rng: random.Random, brin: str, code: str, groepen: tuple[str, ...]) -> list[str]:
    status = rng.choices(ADOPTIE_STATUSSEN, STATUS_GEWICHTEN)[0]
    if status == "niet gestart":
        chosen: list[str] = []
    else:
        low = 0 if status == "verkend" else 1
        picked = set(rng.sample(groepen, rng.randint(low, len(groepen))))
        chosen = [g for g in groepen if g in picked]
    lines = [
        f"  - code: {code}",
        f"    status: {status}",
        f"    groepen: [{', '.join(chosen)}]",
        f"    datum: {datum(rng).isoformat()}",
    ]
    if status != "niet gestart" and rng.random() < 0.05:
        lines.append(f"    toelichting: {rng.choice(TOELICHTINGEN)}")
    if status in ("bezig", "ingevoerd") and rng.random() < 0.03:
        lines.append(f"    bewijs: https://school-{brin.lower()}.example/lesplannen/{code.lower()}")
    return lines


def school_text(rng: random.Random, brin: str, netwerk: str, frame: Frame) -> str:
    soorten, gewichten = [s for s, _ in SOORTEN], [w for _, w in SOORTEN]
    lines = [
        SCHOOL_HINT,
        f"brin: {brin}",
        f"rio: {rng.randrange(100, 1000)}{rng.choice(RIO_LETTERS)}{rng.randrange(100, 1000)}",
        f"naam: {rng.choice(VOORVOEGSELS)} {rng.choice(NAMEN)}",
        f"plaats: {rng.choice(PLAATSEN)}",
        f"soort: {rng.choices(soorten, gewichten)[0]}",
        f"netwerken: [{netwerk}]",
        "doelen:",
    ]
    for code, groepen in frame.checklist:
        lines += record_lines(rng, brin, code, groepen)
    return "\n".join(lines) + "\n"


def adoptie_project(root: Path, goals: int, schools: int, seed: int = ADOPTIE_SEED) -> Frame:
    """Goals, site set-up, networks and schools; the frame the schools were written for."""
    site_project(root, goals)
    goals_only = check(root)
    if not goals_only.ok:
        sys.exit(f"check vond {goals_only.errors} fout(en) in de synthetische leerdoelen")
    frame = frame_of(goals_only.project.corpus)
    del goals_only
    rng = random.Random(seed)
    slugs = netwerk_slugs(schools)
    netwerken = root / "adoptie" / "netwerken"
    netwerken.mkdir(parents=True)
    for slug in slugs:
        (netwerken / f"{slug}.yaml").write_text(netwerk_text(rng, slug, frame), encoding="utf-8")
    scholen = root / "adoptie" / "scholen"
    scholen.mkdir(parents=True)
    for i, brin in enumerate(rng.sample(BRINS, schools)):
        text = school_text(rng, brin, slugs[i % len(slugs)], frame)
        (scholen / f"{brin}.yaml").write_text(text, encoding="utf-8")
    return frame
