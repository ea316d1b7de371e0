"""Benchmark: how fast is ``leerdoelen check`` on a large, valid content tree?

For each size N the script writes N synthetic but realistic leerdoelen (plus one
``kader.yaml`` per domain) to a temporary folder, makes sure ``check`` finds no errors
there (so the valid fast path is measured), and then times, over the same files:

1. ``leerdoelen check``: in-process ``leerdoelen.commands.check.check(root)``, the whole project
   (load, validate every file, rules across files);
2. PyYAML C-loader parse: read every ``.yaml`` under ``goals/`` and parse it with
   ``yaml.CSafeLoader``, the raw baseline that no YAML-based check can beat;
3. ``check-jsonschema``: the CLI in a subprocess, once for the leerdoelen and once for
   the kaders, summed; its exit code must be 0, which also proves the files are valid
   against the JSON Schemas in ``schemas/``.

Each timing is the best of ``--repeat`` runs (``time.perf_counter``). The three take
turns, round-robin, with a full garbage collection before each run. The machine may be
noisy, so the ratios matter, not the absolute times: ``check / raw parse`` should be at
most 2.0 and ``check-jsonschema / check`` at least 5.0. ``--profile`` runs cProfile on one
check at the largest N, to find hot spots.

This is a tool for the maintainer, not a test: it is not run in CI.

    python tools/bench_check.py [--sizes 2000 10000] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import random
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from leerdoelen.commands.check import check
from leerdoelen.core.model import GROEPEN

SEED = 20260101
PROJECT = Path(__file__).resolve().parents[1]
SCHEMAS = PROJECT / "schemas"
MAX_PER_DOMEIN = 9999  # leerdoelcodes have at most 4 digits
TARGET_PARSE = 2.0  # check / raw parse: at most
TARGET_JSONSCHEMA = 5.0  # check-jsonschema / check: at least
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
    statussen, gewichten = zip(*STATUSSEN, strict=True)
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


def generate(root: Path, n: int, seed: int = SEED) -> None:
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


# --- the measurements ---------------------------------------------------------------------


def timed(run: Callable[[], object]) -> float:
    """One run of ``run``, in seconds, after a full garbage collection."""
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def best_of(repeat: int, runs: Sequence[Callable[[], object]]) -> list[float]:
    """The fastest of ``repeat`` runs of each of ``runs``, in seconds.

    The runs take turns (round-robin), so that a slow spell of a noisy machine hits all
    of them alike and the ratios between them stay fair.
    """
    best = [float("inf")] * len(runs)
    for _ in range(repeat):
        best = [min(b, timed(run)) for b, run in zip(best, runs, strict=True)]
    return best


def yaml_files(root: Path) -> list[Path]:
    return sorted((root / "goals").rglob("*.yaml"))


def raw_parse(files: list[Path]) -> None:
    for file in files:
        yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def argv_chunks(fixed: list[str], files: list[str]) -> Iterator[list[str]]:
    """Command lines of ``fixed + files`` that each fit comfortably within ARG_MAX."""
    budget = os.sysconf("SC_ARG_MAX") // 2 - sum(len(k) + len(v) + 2 for k, v in os.environ.items())
    chunk: list[str] = []
    size = sum(len(arg) + 1 for arg in fixed)
    for file in files:
        if chunk and size + len(file) + 1 > budget:
            yield fixed + chunk
            chunk, size = [], sum(len(arg) + 1 for arg in fixed)
        chunk.append(file)
        size += len(file) + 1
    if chunk:
        yield fixed + chunk


def jsonschema_commands(root: Path) -> list[list[str]]:
    """check-jsonschema calls for the leerdoelen and for the kaders (paths relative to root)."""
    exe = str(Path(sys.executable).parent / "check-jsonschema")
    files = [f.relative_to(root).as_posix() for f in yaml_files(root)]
    kaders = [f for f in files if f.endswith("/kader.yaml")]
    doelen = [f for f in files if not f.endswith("/kader.yaml")]
    commands = []
    for schema, group in (("leerdoel", doelen), ("kader", kaders)):
        fixed = [exe, "--schemafile", str(SCHEMAS / f"{schema}.schema.json")]
        commands += argv_chunks(fixed, group)
    return commands


def run_jsonschema(root: Path, commands: list[list[str]]) -> None:
    for command in commands:
        done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            output = (done.stdout + done.stderr).strip().splitlines()
            sys.exit(
                f"check-jsonschema faalde (exit {done.returncode}):\n" + "\n".join(output[:20])
            )


def assert_valid(root: Path) -> int:
    """Exit 1 unless check finds no errors; the number of files it checked."""
    result = check(root)
    if not result.ok:
        print(f"check vond {result.errors} fout(en) in de gegenereerde bestanden:")
        for d in result.diagnostics[:10]:
            print(f"  {d.path}:{d.line}:{d.column}: {d.code} {d.message}")
        sys.exit(1)
    if result.warnings:
        print(f"let op: check gaf {result.warnings} waarschuwing(en)")
    return result.files


@dataclass(frozen=True)
class Timings:
    check: float
    parse: float
    jsonschema: float


def measure(root: Path, repeat: int) -> Timings:
    files = yaml_files(root)
    commands = jsonschema_commands(root)
    runs = (lambda: check(root), lambda: raw_parse(files), lambda: run_jsonschema(root, commands))
    return Timings(*best_of(repeat, runs))


def verdict(ratio: float, target: float, at_most: bool) -> str:
    met = ratio <= target if at_most else ratio >= target
    sign = "≤" if at_most else "≥"
    return f"doel {sign} {target:.1f}: {'gehaald' if met else 'niet gehaald'}"


def report(n: int, files: int, repeat: int, t: Timings) -> None:
    print(f"\nN = {n} leerdoelen ({files} bestanden), beste van {repeat}")
    print(f"  {'leerdoelen check':<28}{t.check:>9.3f} s")
    print(f"  {'PyYAML C-loader parse':<28}{t.parse:>9.3f} s")
    print(f"  {'check-jsonschema':<28}{t.jsonschema:>9.3f} s")
    parse_ratio = t.check / t.parse
    schema_ratio = t.jsonschema / t.check
    print(
        f"  {'check / raw parse':<28}{parse_ratio:>9.2f}    "
        + verdict(parse_ratio, TARGET_PARSE, at_most=True)
    )
    print(
        f"  {'check-jsonschema / check':<28}{schema_ratio:>9.2f}    "
        + verdict(schema_ratio, TARGET_JSONSCHEMA, at_most=False)
    )


def profile(root: Path, n: int, top: int = 25) -> None:
    print(f"\ncProfile van één check bij N = {n} (top {top}, cumulatief):")
    profiler = cProfile.Profile()
    profiler.runcall(check, root)
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


def bench(n: int, repeat: int, with_profile: bool) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as folder:
        root = Path(folder)
        generate(root, n)
        files = assert_valid(root)
        report(n, files, repeat, measure(root, repeat))
        if with_profile:
            profile(root, n)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000], metavar="N")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best counts")
    parser.add_argument(
        "--profile", action="store_true", help="cProfile one check at the largest N"
    )
    args = parser.parse_args(argv)
    limit = MAX_PER_DOMEIN * len(DOMEINEN)
    if any(not 1 <= n <= limit for n in args.sizes):
        parser.error(f"--sizes: elke N moet tussen 1 en {limit} liggen")
    if args.repeat < 1:
        parser.error("--repeat: minstens 1")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    for schema in ("leerdoel", "kader"):
        if not (SCHEMAS / f"{schema}.schema.json").is_file():
            sys.exit(f"schema ontbreekt: {SCHEMAS / schema}.schema.json (leerdoelen schemas)")
    largest = args.sizes.index(max(args.sizes))
    for i, n in enumerate(args.sizes):
        bench(n, args.repeat, with_profile=args.profile and i == largest)


if __name__ == "__main__":
    main()
