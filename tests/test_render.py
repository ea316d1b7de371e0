"""Page generation: escaping of goal text, and what the generated Markdown holds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from leerdoelen.commands.check import check
from leerdoelen.commands.tree import write_tree
from leerdoelen.export.tables import goals_csv
from leerdoelen.render.pages import render_pages
from leerdoelen.render.text import block, inline, label, plain
from leerdoelen.versions.log import History

GELDIG = Path(__file__).parent / "golden" / "geldig"


A = '<a href="https://www.slo.nl/" rel="nofollow noopener">SLO</a>'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;</p>"),
        ("*nadruk* en **sterk**", "<p><em>nadruk</em> en <strong>sterk</strong></p>"),
        ("[SLO](https://www.slo.nl/)", f"<p>{A}</p>"),
        (
            "[mail](mailto:info@example.org)",
            '<p><a href="mailto:info@example.org" rel="nofollow noopener">mail</a></p>',
        ),
        ("[x](javascript:alert(1))", "<p>&#91;x&#93;&#40;javascript:alert&#40;1&#41;&#41;</p>"),
        ("[x](JAVASCRIPT:alert(1))", "<p>&#91;x&#93;&#40;JAVASCRIPT:alert&#40;1&#41;&#41;</p>"),
        ("[x](data:text/html,hoi)", "<p>&#91;x&#93;&#40;data:text/html,hoi&#41;</p>"),
        ("[x](&#106;avascript:1)", "<p>&#91;x&#93;&#40;&amp;&#35;106;avascript:1&#41;</p>"),
        ("[x](/pad)", "<p>&#91;x&#93;&#40;/pad&#41;</p>"),
        (
            "![foto](https://elders.example/x.png)",
            "<p>&#33;&#91;foto&#93;&#40;https://elders.example/x.png&#41;</p>",
        ),
        ("`code` en {: onclick=x}", "<p>&#96;code&#96; en &#123;: onclick=x&#125;</p>"),
        (
            '*x*{: onmouseover="alert(1)" }',
            "<p><em>x</em>&#123;: onmouseover=&quot;alert&#40;1&#41;&quot; &#125;</p>",
        ),
        ("a | b", "<p>a &#124; b</p>"),
        ("# kop", "<p>&#35; kop</p>"),
        ("&lt; blijft &amp;", "<p>&amp;lt; blijft &amp;amp;</p>"),
        ("<!-- x --> <b>", "<p>&lt;&#33;-- x --&gt; &lt;b&gt;</p>"),
        ("[a]: https://x.example\n[a]", "<p>&#91;a&#93;: https://x.example &#91;a&#93;</p>"),
        ("<https://x.example>", "<p>&lt;https://x.example&gt;</p>"),
        ("- een\n- twee", "<ul> <li>een</li> <li>twee</li> </ul>"),
        ("1. een\n2. twee", "<ol> <li>een</li> <li>twee</li> </ol>"),
        ("alinea\n\n- punt", "<p>alinea</p>\n<ul> <li>punt</li> </ul>"),
        ("tekst\n---", "<p>tekst ---</p>"),
        ("tekst\n===", "<p>tekst ===</p>"),
        ("> citaat", "<p>&gt; citaat</p>"),
        ("1) eerste", "<p>1&#41; eerste</p>"),
        ("    ingesprongen code", "<p>ingesprongen code</p>"),
    ],
)
def test_block_renders_a_safe_subset_and_the_rest_as_text(text: str, expected: str) -> None:
    assert block(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twee\nregels  <b>", "twee regels &lt;b&gt;"),
        ("*nadruk* en [SLO](https://www.slo.nl/)", f"<em>nadruk</em> en {A}"),
        ("- geen lijst", "&#45; geen lijst"),
        ("1. geen lijst", "&#49;. geen lijst"),
        ("# geen kop", "&#35; geen kop"),
        ("*a*{: onclick=x}", "<em>a</em>&#123;: onclick=x&#125;"),
    ],
)
def test_inline_is_one_line_with_emphasis_and_links(text: str, expected: str) -> None:
    assert inline(text) == expected


def test_label_is_inline_without_links_for_the_text_of_a_link() -> None:
    assert label("*Nadruk* en [SLO](https://www.slo.nl/)") == "<em>Nadruk</em> en SLO"
    assert label("Gewoon") == inline("Gewoon") == "Gewoon"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert&#40;1&#41;&lt;/script&gt;"),
        (
            "*geen* **nadruk** _of_ __dit__",
            "&#42;geen&#42; &#42;&#42;nadruk&#42;&#42; &#95;of&#95; &#95;&#95;dit&#95;&#95;",
        ),
        ("[SLO](https://www.slo.nl/)", "&#91;SLO&#93;&#40;https://www.slo.nl/&#41;"),
        ("a | b `c` # d {e} \\f", "a &#124; b &#96;c&#96; &#35; d &#123;e&#125; &#92;f"),
        ("twee\nregels", "twee regels"),
        ("&amp; blijft", "&amp;amp; blijft"),
        ('Een "titel" <b>', "Een &quot;titel&quot; &lt;b&gt;"),
        ("nul\x00teken", "nul\ufffdteken"),
    ],
)
def test_plain_passes_nothing(text: str, expected: str) -> None:
    """For text that is not ours to format (commit messages) and for attributes."""
    assert plain(text) == expected


@pytest.fixture(scope="module")
def pages() -> dict[str, str | bytes]:
    result = check(GELDIG)
    assert result.ok
    return render_pages(result.project.corpus, History("outside git"))


def test_every_goal_gets_a_page_at_its_code(pages: dict[str, str | bytes]) -> None:
    assert {"doelen/DG-001/index.md", "doelen/DG-002/index.md", "doelen/DG-003/index.md"} <= set(
        pages
    )


def test_voorkennis_shows_in_both_directions(pages: dict[str, str | bytes]) -> None:
    basis, vervolg = pages["doelen/DG-001/index.md"], pages["doelen/DG-002/index.md"]
    assert isinstance(basis, str) and isinstance(vervolg, str)
    assert "## Is voorkennis voor\n\n- [DG-002](../../doelen/DG-002/index.md)" in basis
    assert "## Bouwt voort op\n\n- [DG-001](../../doelen/DG-001/index.md)" in vervolg


def test_a_replacement_links_back_to_the_goal_it_replaces(pages: dict[str, str | bytes]) -> None:
    page = pages["doelen/DG-002/index.md"]
    assert isinstance(page, str)
    assert "## Vervangt\n\n- [DG-003](../../doelen/DG-003/index.md) Een route tekenen" in page


def test_vervallen_goal_keeps_its_page_with_a_banner(pages: dict[str, str | bytes]) -> None:
    page = pages["doelen/DG-003/index.md"]
    assert isinstance(page, str)
    assert '!!! warning "Vervallen"' in page
    assert "[DG-002](../../doelen/DG-002/index.md)" in page


def test_leerlijn_cells_link_goals_by_band(pages: dict[str, str | bytes]) -> None:
    page = pages["leerlijnen/digitale-geletterdheid/index.md"]
    assert isinstance(page, str)
    row = next(line for line in page.splitlines() if line.startswith("| DG-po-23A"))
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    # Each goal with its code (linked) and its title; the band named for a narrow screen.
    assert cells[1:] == [
        '<span class="ld-band">Groep 1-2</span><span class="ld-cel-doel">'
        "[DG-001](../../doelen/DG-001/index.md) Stappen in de goede volgorde zetten</span>",
        '<span class="ld-band">Groep 3-4</span><span class="ld-cel-doel">'
        "[DG-002](../../doelen/DG-002/index.md) Een robotje besturen met instructies</span>",
        "",
        "",
    ]


def test_only_section_pages_are_listed_for_the_nav(pages: dict[str, str | bytes]) -> None:
    sections = {p for p in pages if p.count("/") == 1 and p.endswith("index.md")}
    assert sections == {
        f"{s}/index.md"
        for s in (
            "domeinen",
            "kerndoelen",
            "doelen",
            "leerlijnen",
            "groepen",
            "meldingen",
            "dekking",
        )
    }


def test_groep_csv_guards_against_formulas() -> None:
    result = check(GELDIG)
    goal = result.project.corpus.leerdoelen["DG-001"]
    risky = goal.model_copy(update={"titel": '=HYPERLINK("http://x")'})
    rows = list(
        csv.reader(
            io.StringIO(goals_csv([risky], result.project.corpus).decode("utf-8-sig")),
            delimiter=";",
        )
    )
    assert rows[0][:2] == ["code", "titel"]
    assert rows[1][1] == '\'=HYPERLINK("http://x")'


def test_write_tree_writes_only_changes_and_removes_stale_files(tmp_path: Path) -> None:
    assert sorted(write_tree(tmp_path, {"a/index.md": "een", "b.csv": b"x"})) == [
        "a/index.md",
        "b.csv",
    ]
    assert write_tree(tmp_path, {"a/index.md": "een", "b.csv": b"x"}) == []
    assert write_tree(tmp_path, {"a/index.md": "twee"}) == ["a/index.md", "b.csv"]
    assert not (tmp_path / "b.csv").exists()


def test_write_tree_takes_a_stream_as_the_schools_come(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.html": "een", "b.csv": b"x", "c/d.xlsx": b"y"})
    stream = ((name, content) for name, content in [("a.html", "een"), ("c/d.xlsx", b"z")])
    assert write_tree(tmp_path, stream) == ["c/d.xlsx", "b.csv"]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.html", "d.xlsx"]
