"""The catalogue of diagnostic codes: each code's Dutch text, an example and the fix.

Codes are stable forever: a code is never renumbered or reused. LD1xx are about the
file and its YAML, LD2xx about the shape of one file (the schema), LD3xx about rules
across files, LD4xx about adoption, LD5xx about identity between two versions of the content
(``diff``, ``check --base``): a code is a promise to every school that tracks it; LD6xx
about importing and exporting SLO data. The site renders this catalogue as the error-code
reference.

Longer than 350 lines: it is one table, one entry per code, kept whole so that every code
is numbered and read in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class Entry:
    titel: str
    bericht: str  # str.format template for the message
    voorbeeld: str
    oplossing: str
    severity: Literal["error", "warning"] = "error"


CATALOGUE: dict[str, Entry] = {
    # -- the file and its YAML ------------------------------------------------------------
    "LD101": Entry(
        "bestand te groot",
        "bestand is {size} bytes; de grens is {limit} bytes",
        "Een leerdoel van 2 MB doordat er per ongeluk een afbeelding in geplakt is.",
        "Houd één leerdoel per bestand en zet geen binaire inhoud in YAML.",
    ),
    "LD102": Entry(
        "geen UTF-8",
        "bestand is geen geldige UTF-8-tekst (byte {byte} op positie {offset})",
        "Een bestand dat in Windows-1252 is opgeslagen, met een é als byte 0xE9.",
        "Sla het bestand op als UTF-8 (zonder BOM).",
    ),
    "LD103": Entry(
        "BOM aan het begin",
        "bestand begint met een byte-order-mark (BOM)",
        "Een bestand dat Kladblok opsloeg als 'UTF-8 met BOM'.",
        "Sla het bestand op als UTF-8 zonder BOM.",
    ),
    "LD104": Entry(
        "leeg bestand",
        "bestand is leeg",
        "Een nieuw leerdoelbestand zonder inhoud.",
        "Vul het bestand in, of verwijder het. Een doel dat verdwijnt, laat je vervallen.",
    ),
    "LD105": Entry(
        "ongeldig teken",
        "ongeldig teken {char} in het bestand",
        "Binaire inhoud of een stuurteken (zoals NUL) in de tekst.",
        "Verwijder het teken; YAML-bestanden bevatten alleen leesbare tekst.",
    ),
    "LD106": Entry(
        "tab als inspringing",
        "inspringen met een tab is niet toegestaan; gebruik spaties",
        "Een regel die met een tab begint in plaats van met twee spaties.",
        "Vervang de tab door spaties (twee per niveau).",
    ),
    "LD107": Entry(
        "YAML-fout",
        "YAML klopt niet: {probleem}",
        "Een dubbele punt in een titel zonder aanhalingstekens: `titel: Let op: stroom`.",
        "Zet de tekst tussen aanhalingstekens, of kijk naar de inspringing van de regel.",
    ),
    "LD108": Entry(
        "dubbele sleutel",
        "sleutel '{sleutel}' komt twee keer voor (eerder op regel {eerder})",
        "Twee keer `titel:` in één leerdoel.",
        "Houd één van de twee over; YAML zou de eerste stilzwijgend weggooien.",
    ),
    "LD109": Entry(
        "anker of alias",
        "ankers (&) en aliassen (*) zijn niet toegestaan",
        "`voorkennis: *basis` om een lijst te hergebruiken.",
        "Schrijf de waarde uit. Ankers maken bestanden moeilijk te lezen en kunnen "
        "misbruikt worden (een 'alias-bom').",
    ),
    "LD110": Entry(
        "tag niet toegestaan",
        "de tag '{tag}' is niet toegestaan",
        "`titel: !!python/object ...` of `groepen: !!set`.",
        "Verwijder de tag; gewone tekst, getallen, lijsten en mappings zijn genoeg.",
    ),
    "LD111": Entry(
        "dubbelzinnige waarde",
        "'{waarde}' is dubbelzinnig: YAML leest dit als {als}; zet het tussen "
        "aanhalingstekens als tekst bedoeld is",
        "`titel: no` (wordt false), `code: 010` (wordt 8), `duur: 1:30` (wordt 90).",
        'Zet de waarde tussen aanhalingstekens, zoals `titel: "no"`.',
    ),
    "LD112": Entry(
        "datum buiten datumveld",
        "'{waarde}' is een datum; een datum mag alleen in een datumveld. Zet tekst tussen "
        "aanhalingstekens",
        "`titel: 2025-01-01`.",
        "Zet de waarde tussen aanhalingstekens, of gebruik het juiste veld.",
    ),
    "LD113": Entry(
        "schema-regel ontbreekt",
        "eerste regel moet '# yaml-language-server: $schema={schema}' zijn, zodat je "
        "editor meekijkt",
        "Een nieuw bestand dat direct met `code:` begint.",
        "Zet de regel `# yaml-language-server: $schema=...` bovenaan het bestand.",
        "warning",
    ),
    "LD114": Entry(
        "geen gewoon bestand",
        "dit is {soort}, geen gewoon bestand: het wordt niet gevolgd en niet gelezen",
        "`goals/digitale-geletterdheid/DG-050.yaml` als symlink naar een bestand buiten de "
        "repository, of een named pipe (FIFO) in `adoptie/scholen/`.",
        "Zet het bestand zelf in de map in plaats van een koppeling, en haal pipes, sockets en "
        "apparaatbestanden weg. Een symlink kan overal naar wijzen, ook naar geheimen op de "
        "bouwserver: daarom volgt de tool hem nooit, niet in de werkmap en niet in git.",
    ),
    "LD117": Entry(
        "opgevouwen lijstitem",
        "deze regel begint met '- ', maar YAML leest hem als vervolg van de tekst erboven: "
        "'{tekst}'",
        "Een tweede `- ` onder `uitwerkingen:` dat drie spaties inspringt in plaats van twee: "
        "YAML maakt er één item van.",
        "Zet elk streepje van een lijst recht onder het vorige. Hoort het streepje echt bij de "
        "tekst, zet de tekst dan tussen aanhalingstekens.",
        "warning",
    ),
    "LD118": Entry(
        "sleutel in tekst",
        "'{sleutel}:' lijkt een sleutel, maar YAML leest het als tekst van de waarde erboven: "
        "'{tekst}'",
        "`groepen: [5, 6]` dat na een `omschrijving: >` even ver inspringt als die tekst.",
        "Zet de sleutel even ver in als de sleutels naast die tekst. Is het echt tekst, "
        "herschrijf de regel dan of zet de tekst tussen aanhalingstekens.",
        "warning",
    ),
    "LD119": Entry(
        "wisselende inspringing in een lijst",
        "dit lijstitem begint {breedte} spaties na het streepje, het item op regel {regel} "
        "na {eerder}; YAML leest ze nog als één lijst, maar een sleutel die je later toevoegt "
        "valt er zo snel naast",
        "`- titel: A` en daaronder `-   titel: B` in dezelfde lijst.",
        "Laat elk item van een lijst even ver na het streepje beginnen (één spatie).",
        "warning",
    ),
    # -- the shape of one file ------------------------------------------------------------
    "LD201": Entry(
        "onbekende sleutel",
        "onbekende sleutel '{sleutel}'{suggestie}",
        "`omschrijvng:` in plaats van `omschrijving:`.",
        "Verbeter de schrijfwijze; de toegestane sleutels staan in het schema.",
    ),
    "LD202": Entry(
        "verplichte sleutel ontbreekt",
        "verplichte sleutel '{sleutel}' ontbreekt",
        "Een leerdoel zonder `doelzin:`.",
        "Voeg de sleutel toe.",
    ),
    "LD203": Entry(
        "verkeerd soort waarde",
        "'{veld}' moet {verwacht} zijn, niet {gekregen}",
        "`groepen: 5-6` (tekst) waar een lijst hoort: `groepen: [5-6]`.",
        "Geef de waarde in de vorm die het schema vraagt.",
    ),
    "LD204": Entry(
        "ongeldige waarde",
        "'{veld}': {waarde} is niet toegestaan; {toegestaan}",
        "`status: klaar` of `groepen: [9-10]`.",
        "Kies een van de toegestane waarden.",
    ),
    "LD205": Entry(
        "lege waarde",
        "'{veld}' mag niet leeg zijn",
        "`groepen: []` of `titel: ''`.",
        "Vul de waarde in.",
    ),
    "LD206": Entry(
        "dubbele waarde in lijst",
        "'{veld}' bevat '{waarde}' meer dan eens",
        "`groepen: [3-4, 3-4]`.",
        "Haal de dubbele waarde weg.",
    ),
    # -- rules across files ---------------------------------------------------------------
    "LD301": Entry(
        "dubbele code",
        "code '{code}' wordt ook gebruikt in {elders}",
        "Twee bestanden met `code: DG-014`.",
        "Geef het nieuwe doel de volgende vrije code. Een code wordt nooit hergebruikt.",
    ),
    "LD302": Entry(
        "bestandsnaam past niet bij code",
        "bestandsnaam '{naam}' past niet bij code '{code}'; {voorstel}",
        "Bestand `DG-014.yaml` met `code: DG-041`.",
        "Hernoem het bestand naar de code, of verbeter de code.",
    ),
    "LD303": Entry(
        "onbekende verwijzing",
        "{veld}: {soort} '{doel}' bestaat niet{suggestie}",
        "`voorkennis: [DG-999]` terwijl er geen DG-999 is.",
        "Verbeter de code, of voeg het ontbrekende doel toe.",
    ),
    "LD304": Entry(
        "voorkennis in een kring",
        "voorkennis vormt een kring: {kring}",
        "DG-003 bouwt voort op DG-005, en DG-005 op DG-003.",
        "Haal één verwijzing uit de kring: voorkennis loopt altijd van eerder naar later.",
    ),
    "LD305": Entry(
        "voorkennis komt later",
        "voorkennis '{voorkennis}' begint in groep {band_voorkennis}, later dan dit doel "
        "(groep {band})",
        "Een doel voor groep 3-4 dat voortbouwt op een doel dat pas in groep 5-6 begint.",
        "Pas de groepen aan, of haal de verwijzing weg.",
    ),
    "LD306": Entry(
        "vervallen zonder vervanger of reden",
        "een vervallen doel heeft 'vervangen_door' of 'reden' nodig",
        "`status: vervallen` zonder verdere uitleg.",
        "Noem de vervangende doelen in `vervangen_door`, of leg in `reden` uit waarom "
        "het doel verviel.",
    ),
    "LD307": Entry(
        "vervanger of reden bij een geldig doel",
        "'{veld}' hoort alleen bij een vervallen doel (status is '{status}')",
        "`vervangen_door:` bij een doel met `status: vastgesteld`.",
        "Haal de sleutel weg, of zet de status op `vervallen`.",
    ),
    "LD308": Entry(
        "code past niet bij domein",
        "code '{code}' hoort niet in domein '{domein}'; codes hier beginnen met '{prefix}'",
        "`code: MN-003` in de map `goals/digitale-geletterdheid/`.",
        "Verplaats het bestand naar de juiste domeinmap, of verbeter de code.",
    ),
    "LD309": Entry(
        "kader ontbreekt",
        "domeinmap '{domein}' heeft geen kader.yaml",
        "Een map `goals/nieuw-domein/` met alleen leerdoelen.",
        "Voeg `kader.yaml` toe met de subdomeinen, kerndoelen en doelzinnen.",
    ),
    "LD310": Entry(
        "kadercode past niet",
        "{soort} '{code}' moet beginnen met '{prefix}'",
        "Doelzin `DG-po-23A` onder kerndoel `DG-po-22`.",
        "Geef de code het voorvoegsel van het niveau erboven.",
    ),
    "LD311": Entry(
        "verwijzing naar vervallen doel",
        "{veld} verwijst naar '{doel}', dat vervallen is{vervangers}",
        "`voorkennis: [DG-004]` terwijl DG-004 vervallen is.",
        "Verwijs naar het doel dat het vervallen doel vervangt.",
        "warning",
    ),
    "LD312": Entry(
        "domein past niet bij map",
        "domein '{domein}' past niet bij de map '{map}'",
        "`domein: mens-en-natuur` in `goals/digitale-geletterdheid/kader.yaml`.",
        "Maak de naam van de map gelijk aan `domein`.",
    ),
    "LD314": Entry(
        "SLO-uitwerking van een andere doelzin",
        "slo_uitwerkingen: '{id}' is een uitwerking van doelzin {elders}, niet van "
        "{doelzinnen}; voeg {elders} toe aan ook_bij, of kies een uitwerking van {doelzinnen}",
        "Een leerdoel bij DG-po-22A dat een uitwerking van DG-po-23B noemt.",
        "Noem alleen uitwerkingen van de eigen doelzin of van een doelzin in `ook_bij`; "
        "dient het leerdoel ook die andere doelzin, zet die dan in `ook_bij`.",
    ),
    "LD315": Entry(
        "onbekende SLO-uitwerking",
        "slo_uitwerkingen: '{id}' is onbekend: geen doelzin in het kader heeft die "
        "uitwerking{suggestie}",
        "Een `slo_uitwerkingen`-id met een tikfout, of van een uitwerking die SLO schrapte.",
        "Kopieer het id uit `slo_uitwerkingen` van de doelzin in `kader.yaml`.",
    ),
    "LD316": Entry(
        "dubbele SLO-uitwerking in het kader",
        "slo_id '{id}' staat al bij doelzin {elders} (regel {regel})",
        "Dezelfde uitwerking twee keer onder één doelzin.",
        "Noem de uitwerking één keer bij die doelzin (SLO zelf zet een uitwerking soms "
        "onder twee doelzinnen: dat mag).",
    ),
    "LD317": Entry(
        "lesmateriaal voor een andere groep",
        "{doel}: lesmateriaal '{titel}' noemt groep {groep}, maar het leerdoel is voor "
        "groep {groepen}",
        "Een leerdoel voor groep 5-6 met lesmateriaal voor `groepen: [3-4]`.",
        "Noem alleen groepen van het leerdoel zelf, of laat `groepen` van het materiaal weg "
        "(dan past het bij alle groepen van het leerdoel).",
    ),
    "LD318": Entry(
        "dubbel lesmateriaal",
        "{doel}: lesmateriaal '{titel}' linkt naar {url}, net als '{eerder}' (regel {regel})",
        "Twee items onder `lesmateriaal:` met dezelfde `url`.",
        "Voeg de twee samen tot één item en noem daarin alle groepen waarvoor het past.",
        "warning",
    ),
    "LD319": Entry(
        "sjabloontekst niet vervangen",
        "{veld} bevat nog de sjabloontekst '{marker} …' van 'leerdoelen new'; vervang die "
        "door eigen tekst",
        "`titel: INVULLEN – korte titel van het leerdoel`, zoals `leerdoelen new` het schreef.",
        "Schrijf de tekst van het leerdoel in plaats van de regel met INVULLEN; een lijstitem "
        "dat je niet nodig hebt, haal je weg.",
        "warning",
    ),
    "LD401": Entry(
        "onbekend leerdoel in registratie",
        "school {school}, {code}: registratie voor een leerdoel dat niet bestaat{suggestie}",
        "`- code: DG-999` in een schoolbestand, terwijl er geen DG-999 is.",
        "Verbeter de code, of haal de registratie weg.",
    ),
    "LD402": Entry(
        "registratie voor vervallen leerdoel",
        "school {school}, {code}: het leerdoel is vervallen{vervangers}; laat "
        "'leerdoelen school sync' het record archiveren",
        "Een school houdt `DG-042` bij nadat het leerdoel verviel.",
        "Draai `leerdoelen school sync`: het oude record blijft bewaard (gearchiveerd) en de "
        "vervangers worden toegevoegd.",
    ),
    "LD403": Entry(
        "datum in de toekomst",
        "school {school}, {code}: datum {datum} ligt na vandaag ({vandaag}); alleen bij "
        "status 'gepland' mag de datum (de geplande start) in de toekomst liggen, niet bij "
        "'{status}'",
        "`datum: 2031-01-01` bij een registratie met `status: bezig`.",
        "Vul de datum in waarop de stand echt zo was. Is de start gepland, zet dan "
        "`status: gepland` met de geplande startdatum.",
    ),
    "LD404": Entry(
        "onbekend netwerk",
        "school {school}: netwerk '{netwerk}' bestaat niet in adoptie/netwerken/{suggestie}",
        "`netwerken: [noord-techniek]` zonder `adoptie/netwerken/noord-techniek.yaml`.",
        "Verbeter de naam, of voeg het netwerk toe.",
    ),
    "LD405": Entry(
        "dubbele registratie",
        "school {school}, {code}: staat al eerder in dit bestand (regel {eerder})",
        "Twee records met `code: DG-014` in één schoolbestand.",
        "Voeg de twee records samen tot één.",
    ),
    "LD406": Entry(
        "bestandsnaam past niet bij BRIN",
        "bestandsnaam '{naam}' past niet bij brin '{brin}'; verwacht '{verwacht}'",
        "Bestand `12AB.yaml` met `brin: 12AC`.",
        "Hernoem het bestand naar de BRIN-code, of verbeter de code.",
    ),
    "LD407": Entry(
        "contact lijkt persoonlijk",
        "contact '{contact}' lijkt een persoonlijk adres; gebruik een functieadres zoals info@…",
        "`contact: jan.jansen@netwerk.nl`.",
        "Gebruik een adres dat bij de rol hoort en blijft als mensen wisselen.",
        "warning",
    ),
    "LD408": Entry(
        "doelstelling zonder geldig bereik",
        "doelstelling '{titel}': {probleem}",
        "Een doelstelling met zowel `kerndoel:` als `domein:`, of met een onbekend kerndoel.",
        "Geef precies één van `kerndoel`, `domein` of `leerdoelen`, met codes die bestaan.",
    ),
    "LD313": Entry(
        "onbekend bestand",
        "dit bestand hoort niet in goals/: verwacht kader.yaml of <CODE>.yaml in een domeinmap",
        "`goals/notities.yaml` of `goals/digitale-geletterdheid/oud/DG-001.yaml`.",
        "Verplaats of verwijder het bestand.",
        "warning",
    ),
    "LD409": Entry(
        "onbekend bestand in adoptie",
        "dit bestand hoort niet in adoptie/: verwacht netwerken/<naam>.yaml of scholen/<BRIN>.yaml",
        "`adoptie/scholen/oud/12AB.yaml` of `adoptie/lijst.csv`.",
        "Verplaats of verwijder het bestand.",
        "warning",
    ),
    "LD410": Entry(
        "ongeldige bestandsnaam",
        "bestandsnaam '{naam}' kan geen adres op de site worden: {probleem}",
        "`adoptie/netwerken/.yaml`, `adoptie/netwerken/Techniek Noord.yaml` of "
        "`adoptie/scholen/12ab.yaml`.",
        "Noem een netwerk naar zijn korte naam: kleine letters, cijfers en streepjes, zoals "
        "`techniek-noord.yaml`. Noem een school naar haar BRIN-code, zoals `12AB.yaml` of "
        "`12AB01.yaml`. De naam wordt het adres van de pagina op de site.",
    ),
    # -- school import: a checklist workbook or CSV read back (LD420-LD439) ----------------
    "LD420": Entry(
        "werkmap of CSV niet te lezen",
        "{bestand}: {probleem}",
        "`leerdoelen school import lijst.pdf`, of een .xlsx die geen werkmap is.",
        "Lees een checklist in zoals de site die geeft: de .xlsx-werkmap of de .csv, "
        "eventueel opnieuw opgeslagen in Excel of LibreOffice.",
    ),
    "LD421": Entry(
        "kolom ontbreekt",
        "{plek}: kolom '{kolom}' ontbreekt in de kopregel (rij 1)",
        "Een blad waarvan de kopregel is weggehaald, of waarin 'status' is hernoemd.",
        "Zet de kopregel terug zoals de download hem geeft: code, …, status, groepen, datum, "
        "toelichting, bewijs. De volgorde van de kolommen doet er niet toe.",
    ),
    "LD422": Entry(
        "onbekende school in het blad",
        "{plek}: geen school '{brin}': {bestand} bestaat niet{suggestie}",
        "Een blad '99AB' in de werkmap, terwijl er geen adoptie/scholen/99AB.yaml is.",
        "Meld de school eerst aan met `leerdoelen school add`, of verbeter de naam van het "
        "blad (de BRIN-code van de school).",
    ),
    "LD423": Entry(
        "onbekende status in het blad",
        "{plek} {doel}: onbekende status '{waarde}' (kies uit: {keuzes})",
        "`klaar` in de kolom status.",
        "Kies een van de statussen uit de keuzelijst.",
    ),
    "LD424": Entry(
        "onbekende groep in het blad",
        "{plek} {doel}: onbekende groep '{waarde}' (kies uit: {keuzes}; scheid met komma's)",
        "`groep 3` of `3` in de kolom groepen.",
        "Noem groepen zoals `1-2, 3-4`.",
    ),
    "LD425": Entry(
        "onleesbare datum in het blad",
        "{plek} {doel}: '{waarde}' is geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ",
        "`maart 2026` of `31-02-2026` in de kolom datum.",
        "Vul een datum in, zoals `2026-03-01` of `01-03-2026`.",
    ),
    "LD426": Entry(
        "datum in de toekomst in het blad",
        "{plek} {doel}: datum {datum} ligt na vandaag ({vandaag}); alleen bij status "
        "'gepland' mag de datum in de toekomst liggen, niet bij '{status}'",
        "`2031-01-01` bij status `bezig`.",
        "Vul de datum in waarop de stand echt zo was, of zet de status op `gepland`.",
    ),
    "LD427": Entry(
        "onbekend leerdoel in het blad",
        "{plek}: onbekend leerdoel '{waarde}'{suggestie}",
        "`DG-999` in de kolom code, terwijl er geen DG-999 is.",
        "Verbeter de code, of haal de rij weg.",
    ),
    "LD428": Entry(
        "leerdoel twee keer in het blad",
        "{plek} {doel}: staat al in {eerder}",
        "Twee rijen met `DG-014` in één schoolblad.",
        "Houd één rij per leerdoel.",
    ),
    "LD429": Entry(
        "bewijs is geen https-link",
        "{plek} {doel}: bewijs '{waarde}' is geen link die begint met https://",
        "`lesplan.docx` of `http://…` in de kolom bewijs.",
        "Zet een https-link naar het lesplan of verslag in de kolom, of laat de cel leeg.",
    ),
    "LD430": Entry(
        "vervallen leerdoel in het blad",
        "{plek} {doel}: het leerdoel is vervallen{vervangers}; een wijziging wordt niet ingelezen",
        "Een blad van vóór een nieuwe versie van de leerdoelen, met een nieuwe status bij "
        "een doel dat sindsdien verviel.",
        "Download de checklist opnieuw en vul de stand in bij de vervangende leerdoelen.",
    ),
    "LD431": Entry(
        "rij zonder leerdoelcode",
        "{plek}: rij zonder code",
        "Een rij met een status maar met een lege cel in de kolom code.",
        "Vul de code van het leerdoel in, of haal de rij weg.",
    ),
    # -- identity between two versions (diff, check --base) --------------------------------
    "LD501": Entry(
        "leerdoel verwijderd",
        "leerdoel {code} ({titel}) is verwijderd; een code die bestond, blijft bestaan: "
        "zet het terug met status: vervallen en vervangen_door of reden",
        "Het bestand `DG-003.yaml` is weggegooid omdat het doel niet meer nodig is.",
        "Zet het bestand terug en laat het doel vervallen: `status: vervallen`, met "
        "`vervangen_door: [DG-…]` of een `reden`. Scholen die het doel volgen, zien zo wat "
        "ervoor in de plaats komt.",
    ),
    "LD502": Entry(
        "vervallen code weer actief",
        "leerdoel {code} was vervallen en heeft nu status '{status}'; een vervallen code komt "
        "niet terug: geef het doel een nieuwe code",
        "`DG-003` was vervallen en staat weer op `status: concept` met een nieuwe tekst.",
        "Laat `DG-003` vervallen en maak een nieuw bestand met een nieuwe code; verwijs er "
        "vanuit `vervangen_door` naar.",
    ),
    "LD503": Entry(
        "doelzin naar ander kerndoel",
        "de doelzin van {code} ging van {oud} (kerndoel {kern_oud}) naar {nieuw} "
        "(kerndoel {kern_nieuw}); dat is een ander doel: geef het een nieuwe code en laat "
        "{code} vervallen",
        "`DG-010` werkte doelzin `DG-po-22B` uit en staat nu onder `DG-po-24A`.",
        "Zet de doelzin van het oude doel terug en laat het vervallen, met `vervangen_door` "
        "naar een nieuw doel onder het andere kerndoel. Binnen hetzelfde kerndoel mag de "
        "doelzin wel wisselen.",
    ),
    "LD504": Entry(
        "kerndoel of doelzin verdwenen",
        "{soort} {code} ({titel}) staat niet meer in het kader",
        "SLO heeft doelzin `DG-po-22D` geschrapt en die is uit `kader.yaml` gehaald.",
        "Controleer dat het zo bedoeld is, en dat geen leerdoel er nog naar verwijst.",
        "warning",
    ),
    "LD505": Entry(
        "vastgesteld doel inhoudelijk gewijzigd",
        "{code} is vastgesteld en {wijziging}; scholen werken al met dit doel",
        "De groepen van het vastgestelde `DG-001` gaan van `[1-2]` naar `[1-2, 3-4]`.",
        "Mag, maar vermeld de wijziging in de pull request en bij de release, zodat scholen "
        "hun planning kunnen bijwerken.",
        "warning",
    ),
    # -- importing and exporting SLO's curriculum-fo (leerdoelen import/export) --------------
    "LD601": Entry(
        "SLO-bestand ontbreekt",
        "{bestand} ontbreekt in de SLO-map",
        "`leerdoelen import slo ../curriculum-fo` zonder `data/doelzinnen.json`.",
        "Wijs een volledige checkout van SLO's curriculum-fo aan, met `context.json`, "
        "`data/` en `curriculum-basis/` (voor `niveaus.json`).",
    ),
    "LD602": Entry(
        "SLO-bestand is geen geldige JSON",
        "geen geldige JSON: {probleem}",
        "Een komma te veel achter het laatste element van `data/kernzinnen.json`.",
        "Herstel het bestand, of haal het opnieuw uit SLO's repository.",
    ),
    "LD603": Entry(
        "SLO-gegevens voldoen niet aan context.json",
        "{wat}: {probleem}",
        "Een doelzin zonder `status`, of met `soort: leerdoel`.",
        "SLO's eigen schema (`context.json`) zegt wat er mag; herstel de gegevens of haal "
        "een geldige release op.",
    ),
    "LD604": Entry(
        "SLO-verwijzing klopt niet",
        "{wat}: {probleem}",
        "Een kernzin waarvan `fo_doelzin_id` een id noemt die geen doelzin is of niet bestaat.",
        "Elke id in een `<type>_id`-lijst moet bestaan en van dat type zijn "
        "(SLO's `itemTypeReference`). Alleen `replaces` mag naar elders wijzen.",
    ),
    "LD605": Entry(
        "dubbele SLO-id",
        "{soort} {id} komt al voor in {elders}",
        "Dezelfde UUID bij twee doelzinnen.",
        "Elke SLO-entiteit heeft een eigen UUID; herstel de gegevens.",
    ),
    "LD606": Entry(
        "SLO-set past niet in het kader",
        "{wat}: {probleem}",
        "Een domein met `fo_subdomein_id` of doelzinnen zonder kernzin.",
        "Het kader kent domein → subdomein → kerndoel → doelzin; importeer alleen "
        "kerndoelensets met die opbouw.",
    ),
    "LD607": Entry(
        "code niet af te leiden",
        "{wat}: {probleem}",
        'Een kernzin met `prefix: "22a"` of twee doelzinnen met prefix `A` onder één kerndoel.',
        "Codes komen uit SLO's nummering (`prefix`): een kerndoel heeft een getal, een "
        "doelzin een hoofdletter met eventueel letters en cijfers erachter (`A`, `A3hv`).",
    ),
    "LD608": Entry(
        "bestaand kader niet bij te werken",
        "{probleem}",
        "Een `kader.yaml` met een YAML-fout: de eigen titels zouden verloren gaan.",
        "Draai `leerdoelen check`, los de fouten in het kader op en importeer opnieuw.",
    ),
    "LD609": Entry(
        "leerdoel wijst naar vervangen doelzin",
        "{code} wijst naar doelzin {oud} ({veld}); SLO verving die door {nieuw}: "
        "wijs naar {nieuwe_code}",
        "DG-014 hoort bij DG-po-22C, en SLO's nieuwe release vervangt die doelzin.",
        "Lees de nieuwe doelzin en pas `doelzin` of `ook_bij` van het leerdoel aan.",
        "warning",
    ),
    "LD610": Entry(
        "leerdoel wijst naar verdwenen doelzin",
        "{code} wijst naar doelzin {oud} ({veld}), die niet meer in SLO's release staat",
        "Een doelzin die SLO schrapte zonder opvolger.",
        "Kies een andere doelzin voor het leerdoel, of laat het vervallen.",
        "warning",
    ),
    "LD611": Entry(
        "export voldoet niet aan het schema",
        "{wat}: {probleem}",
        "Een kader met een eigen SLO-veld dat niet in SLO's `context.json` past.",
        "Herstel het veld onder `slo:` in het kader; de export schrijft niets zolang hij "
        "niet klopt.",
    ),
    "LD612": Entry(
        "SLO-bestand te diep genest",
        "JSON is dieper genest dan {grens} niveaus; SLO's gegevens zijn nooit zo diep",
        "Een `data/doelzinnen.json` met honderdduizend geneste haken: `[[[[…]]]]`.",
        "Haal het bestand opnieuw uit SLO's repository; daarin nesten de gegevens "
        "hooguit een paar niveaus.",
    ),
    "LD613": Entry(
        "SLO-schema recursief of te diep",
        "met elke $ref ingevuld is het schema dieper dan {grens} niveaus (bij $ref {ref}); "
        "verwijst een $ref naar zichzelf?",
        "Een definitie in `context.json` die via `$ref` naar zichzelf verwijst.",
        "SLO's schema's zijn niet recursief: gebruik de `context.json` uit SLO's repository.",
    ),
    "LD614": Entry(
        "curriculum-basis is leeg",
        "{map}/ is leeg: de git-submodule is niet opgehaald; haal hem op met "
        "'git submodule update --init' in de SLO-map, of clone met --recurse-submodules",
        "Een `git clone` van SLO's curriculum-fo zonder `--recurse-submodules`.",
        "Draai `git submodule update --init` in de checkout (of clone opnieuw met "
        "`git clone --recurse-submodules`) en importeer opnieuw.",
    ),
    "LD615": Entry(
        "SLO-verwijzing naar iets dat ontbreekt",
        "{wat}: {probleem}",
        "Een set waarvan `vakleergebied_id` een id noemt die niet in curriculum-basis staat "
        "(dat komt voor in SLO's eigen release).",
        "Het kader wordt toch gemaakt; de verwijzing blijft bewaard zoals SLO hem heeft. "
        "Meld het bij SLO, of haal een nieuwere curriculum-basis op.",
        "warning",
    ),
    "LD616": Entry(
        "twee sets in één map of met één afkorting",
        "{probleem}",
        "'Functionele kerndoelen digitale geletterdheid' met `--domein "
        "digitale-geletterdheid`, waar het kader van 'Kerndoelen digitale geletterdheid' staat.",
        "Geef de set een eigen map en afkorting: importeer hem alleen (één `--set`) met "
        "`--domein SLUG` en `--afkorting XX`.",
    ),
    "LD617": Entry(
        "doelzin van een ander niveau dan zijn kerndoel",
        "{wat}: {probleem}",
        "Een kernzin voor 'so zml/mb' die ook de doelzin 20A voor 'vso db' noemt.",
        "De code van zo'n doelzin krijgt zijn eigen niveau achter de letter "
        "(`FDG-so-zml-mb-20Avsodb`), zodat codes uniek blijven; meld het bij SLO.",
        "warning",
    ),
}
