"""Changed words marked in a diff: ``~~oud~~ **nieuw**`` in the PR summary, ``<del>`` and
``<ins>`` on the "Wat is er veranderd" page; whole texts when most words changed."""

from __future__ import annotations

import markdown as md

from leerdoelen.render.diff import _field_lines, _text, markdown
from leerdoelen.render.woorden import HTML, MARKDOWN, marked, pairs
from leerdoelen.versions.diff import Change, Diff, FieldChange
from leerdoelen.versions.review import Summary
from leerdoelen.versions.revisions import Revision

OUD = "De leerling beoordeelt gevonden informatie kritisch en noemt twee bronnen."
NIEUW = "De leerling beoordeelt gevonden informatie zorgvuldig en noemt drie betrouwbare bronnen."


def test_a_changed_text_is_shown_once_with_its_words_marked() -> None:
    assert _field_lines(FieldChange("omschrijving", OUD, NIEUW)) == [
        "- omschrijving: De leerling beoordeelt gevonden informatie ~~kritisch~~ **zorgvuldig** "
        "en noemt ~~twee~~ **drie betrouwbare** bronnen."
    ]


def test_on_the_site_the_words_are_del_and_ins() -> None:
    assert _field_lines(FieldChange("omschrijving", OUD, NIEUW), HTML) == [
        "- omschrijving: De leerling beoordeelt gevonden informatie <del>kritisch</del> "
        "<ins>zorgvuldig</ins> en noemt <del>twee</del> <ins>drie betrouwbare</ins> bronnen."
    ]


def test_a_short_text_is_marked_too() -> None:
    field = FieldChange("titel", "Bronnen beoordelen", "Bronnen kritisch beoordelen")
    assert _field_lines(field) == ["- titel: Bronnen **kritisch** beoordelen"]


def test_white_space_is_normalised_and_punctuation_stays_with_its_word() -> None:
    old, new = "Een  tekst\nover de klas.", "Een tekst over de klas, echt."
    assert marked(old, new, _text, MARKDOWN) == "Een tekst over de ~~klas.~~ **klas, echt.**"
    assert marked(old, "Een tekst   over\tde klas.", _text, MARKDOWN) is None


def test_when_most_words_changed_old_and_new_are_shown_whole() -> None:
    old = "De leerling noemt twee apparaten in de klas en zegt waarvoor ze dienen."
    new = "Kinderen bedenken samen regels voor veilig chatten met vreemden online."
    assert _field_lines(FieldChange("omschrijving", old, new)) == [
        "- omschrijving:",
        f"    - oud: {old}",
        f"    - nieuw: {new}",
    ]
    # 3 of 5 words kept in both: 4 of 10 changed, marked; 2 of 5 kept: 6 of 10, marked;
    # 1 of 4 kept: 6 of 8 changed, whole.
    assert marked("a b c d e", "a b c x y", _text, MARKDOWN) == "a b c ~~d e~~ **x y**"
    assert marked("a b c d e", "a b x y z", _text, MARKDOWN) == "a b ~~c d e~~ **x y z**"
    assert marked("a b c d", "a x y z", _text, MARKDOWN) is None


def test_one_word_values_are_not_marked() -> None:
    assert _field_lines(FieldChange("doelzin", "DG-po-22B", "DG-po-23B")) == [
        "- doelzin: DG-po-22B → DG-po-23B"
    ]


def test_a_reworded_list_item_is_one_item_with_its_words_marked() -> None:
    old = ["Controleert informatie in minstens één andere bron.", "Noteert de bronnen."]
    new = ["Noteert de bronnen.", "Controleert informatie in minstens twee andere bronnen."]
    new += ["Vergelijkt twee zoekmachines."]
    assert _field_lines(FieldChange("uitwerkingen", old, new)) == [
        "- uitwerkingen:",
        "    - nieuw: Vergelijkt twee zoekmachines.",
        "    - gewijzigd: Controleert informatie in minstens ~~één~~ **twee** andere "
        "~~bron.~~ **bronnen.**",
    ]


def test_items_that_share_few_words_stay_nieuw_and_weg() -> None:
    field = FieldChange("uitwerkingen", ["Noemt drie apparaten."], ["Bouwt een robot na."])
    assert _field_lines(field) == [
        "- uitwerkingen:",
        "    - nieuw: Bouwt een robot na.",
        "    - weg: Noemt drie apparaten.",
    ]


def test_each_removed_item_pairs_with_the_closest_added_item() -> None:
    removed = ["Noemt de delen van een computer.", "Tekent een plattegrond van de klas."]
    added = ["Tekent een plattegrond van de school.", "Noemt de delen van een tablet."]
    assert pairs(removed, added) == [(removed[0], added[1]), (removed[1], added[0])]
    assert pairs(["Een twee drie vier"], ["Een vijf zes zeven"]) == []


HOSTILE_OUD = "Kies een ~~bron~~ of **app** <b>nu</b> en [klik](https://x.nl) @iemand #12"
HOSTILE_NIEUW = (
    "Kies een ~~website~~ of **app** </del><script>x</script> en [klik](https://x.nl) @iemand #12"
)


def test_hostile_words_are_text_and_cannot_close_a_mark() -> None:
    [line] = _field_lines(FieldChange("omschrijving", HOSTILE_OUD, HOSTILE_NIEUW))
    assert line == (
        "- omschrijving: Kies een ~~&#126;&#126;bron&#126;&#126;~~ "
        "**&#126;&#126;website&#126;&#126;** of &#42;&#42;app&#42;&#42; "
        "~~&lt;b&gt;nu&lt;/b&gt;~~ **&lt;/del&gt;&lt;script&gt;x&lt;/script&gt;** en "
        "&#91;klik&#93;(https:&#8203;//x.nl) @&#8203;iemand &#35;&#8203;12"
    )
    [site] = _field_lines(FieldChange("omschrijving", HOSTILE_OUD, HOSTILE_NIEUW), HTML)
    html = md.markdown(site.removeprefix("- "))
    assert html == (
        "<p>omschrijving: Kies een <del>&#126;&#126;bron&#126;&#126;</del> "
        "<ins>&#126;&#126;website&#126;&#126;</ins> of &#42;&#42;app&#42;&#42; "
        "<del>&lt;b&gt;nu&lt;/b&gt;</del> <ins>&lt;/del&gt;&lt;script&gt;x&lt;/script&gt;</ins> "
        "en &#91;klik&#93;(https:&#8203;//x.nl) @&#8203;iemand &#35;&#8203;12</p>"
    )


def _summary() -> Summary:
    fields = (FieldChange("omschrijving", OUD, NIEUW),)
    change = Change("leerdoel", "DG-010", "changed", "Bronnen", "a.yaml", "a.yaml", fields)
    return Summary(Diff([change]), [], Revision("v1", "a" * 40), Revision("v2", "b" * 40))


def test_the_summary_marks_words_in_markdown_and_the_site_in_html() -> None:
    summary = _summary()
    assert markdown(summary).endswith(
        "- **DG-010** Bronnen\n"
        "    - omschrijving: De leerling beoordeelt gevonden informatie ~~kritisch~~ "
        "**zorgvuldig** en noemt ~~twee~~ **drie betrouwbare** bronnen.\n"
    )
    assert markdown(summary, marks=HTML).endswith(
        "- **DG-010** Bronnen\n"
        "    - omschrijving: De leerling beoordeelt gevonden informatie <del>kritisch</del> "
        "<ins>zorgvuldig</ins> en noemt <del>twee</del> <ins>drie betrouwbare</ins> bronnen.\n"
    )
