"""Page generation: escaping of goal text, and what the generated Markdown holds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from leerdoelen.check import check
from leerdoelen.history import History
from leerdoelen.render.pages import goals_csv, render_pages, write_tree
from leerdoelen.render.text import html_text, markdown_block, markdown_inline, markdown_literal

GELDIG = Path(__file__).parent / "golden" / "geldig"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("*nadruk* en **sterk**", "*nadruk* en **sterk**"),
        ("[SLO](https://www.slo.nl/)", "[SLO](https://www.slo.nl/)"),
        ("[mail](mailto:info@example.org)", "[mail](mailto:info@example.org)"),
        ("[x](javascript:alert(1))", "&#91;x&#93;(javascript:alert(1))"),
        ("[x](JAVASCRIPT:alert(1))", "&#91;x&#93;(JAVASCRIPT:alert(1))"),
        ("[x](data:text/html,hoi)", "&#91;x&#93;(data:text/html,hoi)"),
        ("![foto](https://elders.example/x.png)", "!&#91;foto&#93;(https://elders.example/x.png)"),
        ("`code` en {: onclick=x}", "&#96;code&#96; en &#123;: onclick=x&#125;"),
        ("a | b", "a &#124; b"),
        ("# kop", "&#35; kop"),
        ("&lt; blijft &amp;", "&amp;lt; blijft &amp;amp;"),
        ("- een\n- twee", "- een\n- twee"),
        ("tekst\n---", "tekst\n&#45;--"),
        ("tekst\n===", "tekst\n&#61;=="),
        ("1) eerste", "&#49;) eerste"),
        ("    ingesprongen code", "ingesprongen code"),
    ],
)
def test_markdown_block_keeps_a_safe_subset(text: str, expected: str) -> None:
    assert markdown_block(text) == expected


def test_markdown_inline_is_one_line() -> None:
    assert markdown_inline("twee\nregels  <b>") == "twee regels &lt;b&gt;"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        (
            "*geen* **nadruk** _of_ __dit__",
            "&#42;geen&#42; &#42;&#42;nadruk&#42;&#42; &#95;of&#95; &#95;&#95;dit&#95;&#95;",
        ),
        ("[SLO](https://www.slo.nl/)", "&#91;SLO&#93;(https://www.slo.nl/)"),
        ("a | b `c` # d {e} \\f", "a &#124; b &#96;c&#96; &#35; d &#123;e&#125; &#92;f"),
        ("twee\nregels", "twee regels"),
        ("&amp; blijft", "&amp;amp; blijft"),
    ],
)
def test_markdown_literal_passes_nothing(text: str, expected: str) -> None:
    """For text that is not ours to format, such as commit messages."""
    assert markdown_literal(text) == expected


def test_html_text_escapes_quotes_for_attributes() -> None:
    assert html_text('Een "titel" <b>') == "Een &quot;titel&quot; &lt;b&gt;"


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
    assert cells[1:] == [
        '[DG-001](../../doelen/DG-001/index.md "Stappen in de goede volgorde zetten")',
        '[DG-002](../../doelen/DG-002/index.md "Een robotje besturen met instructies")',
        "",
        "",
    ]


def test_only_section_pages_are_listed_for_the_nav(pages: dict[str, str | bytes]) -> None:
    sections = {p for p in pages if p.count("/") == 1 and p.endswith("index.md")}
    assert sections == {
        f"{s}/index.md"
        for s in ("domeinen", "kerndoelen", "doelen", "leerlijnen", "groepen", "meldingen")
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
