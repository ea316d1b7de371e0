"""``import slo`` edits an existing ``kader.yaml`` in place, as ``school sync`` edits school
files: comments, key order, quoting and hand-wrapped texts stay; only what changed changes.

Everything runs on the bundled, hand-written kaders and the real SLO fixtures
(``tests/fixtures/``), through the CLI. A new release is a copy of a fixture, edited as SLO
would edit it.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT, copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_slo import run

from leerdoelen.commands.check import check
from leerdoelen.core.model import Kader
from leerdoelen.load import yamledit
from leerdoelen.load.project import load_project
from leerdoelen.load.yamlfile import compose, parse_yaml
from leerdoelen.slo.frame import build_frames
from leerdoelen.slo.kaderfile import _Folded, kader_text
from leerdoelen.slo.source import read_checkout

pytestmark = pytest.mark.slow  # SLO imports of the real fixture, and a hypothesis run

FIXTURES = ROOT / "tests" / "fixtures"
DG_SLICE = FIXTURES / "slo-curriculum-fo-dg"
MN_SLICE = FIXTURES / "slo-curriculum-fo-mn"
DG = "goals/digitale-geletterdheid/kader.yaml"
MN = "goals/mens-en-natuur/kader.yaml"
ID_22A = "ce50e801-b592-4d0b-bbd3-d3bb8d6316c4"  # doelzin 22A (po)
ID_22 = "36170412-b370-497d-9c50-17ab4748971a"  # kernzin 22 (po)
ID_22C = "8d046216-3c30-4a99-8980-ea6a593d804a"
ID_22E = "0b7f1d52-6a0c-4c8e-9f43-2d6e3c1a9b10"

# Comments of every kind, each placed before the line that matches (at its indentation),
# or behind it ("  # ..." at the end of the line).
COMMENTS = [
    (r"^domein: ", "# Het kader van digitale geletterdheid, met de hand bijgehouden."),
    (r"^afkorting: DG$", "  # vast: staat in alle codes"),
    (r"^  - code: DG-SD2$", "# Het tweede subdomein."),
    (r"^ +- code: DG-po-22B$", "# 22B: zie ook DG-014 en DG-015."),
    (r"^ +slo_id: af6e4525-", "# (de slo_id van 22D)"),
    (r"^ +titel: Werken met data$", "  # onze eigen titel"),
]


def _import(project: Path, source: Path) -> str:
    code, out, err = run("-C", str(project), "import", "slo", str(source))
    assert code == 0, (out, err)
    assert "Traceback" not in out + err
    return out


def _with_comments(text: str) -> tuple[str, list[str]]:
    """``text`` with COMMENTS added; and the comment lines as they now read."""
    lines = text.splitlines(keepends=True)
    added = []
    for pattern, comment in COMMENTS:
        [i] = [i for i, line in enumerate(lines) if re.match(pattern, line.rstrip("\n"))]
        if comment.startswith("#"):
            indent = len(lines[i]) - len(lines[i].lstrip(" "))
            lines.insert(i, " " * indent + comment + "\n")
            added.append(lines[i].rstrip("\n"))
        else:
            lines[i] = lines[i].rstrip("\n") + comment + "\n"
            added.append(lines[i].rstrip("\n"))
    return "".join(lines) + "\n# Einde van het kader.\n", [*added, "# Einde van het kader."]


def _commented_project(tmp_path: Path) -> tuple[Path, list[str]]:
    project = copy_project(tmp_path / "project")
    text, comments = _with_comments((project / DG).read_text(encoding="utf-8"))
    (project / DG).write_text(text, encoding="utf-8")
    assert check(project).ok
    return project, comments


def _release(tmp_path: Path, change: dict[str, Any]) -> Path:
    """A copy of the DG slice with ``change`` made: {file name: function over its items}."""
    folder = Path(shutil.copytree(DG_SLICE, tmp_path / "release"))
    for name, edit in change.items():
        path = folder / "data" / f"{name}.json"
        items = json.loads(path.read_text(encoding="utf-8"))
        edit(items)
        path.write_text(json.dumps(items, ensure_ascii=False, indent="\t"), encoding="utf-8")
    return folder


def _inserted_runs(before: list[str], after: list[str]) -> list[tuple[int, list[str]]]:
    """``after`` as ``before`` with runs of lines inserted: (index in before, lines)."""
    runs: list[tuple[int, list[str]]] = []
    i = 0
    for line in after:
        if i < len(before) and line == before[i]:
            i += 1
        elif runs and runs[-1][0] == i:
            runs[-1][1].append(line)
        else:
            runs.append((i, [line]))
    assert i == len(before), "lines of the old text are missing or moved"
    return runs


def _changed(before: str, after: str) -> tuple[list[str], list[str]]:
    """The removed and the added lines of a unified diff."""
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0))
    removed = [line[1:] for line in diff if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in diff if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def _line_of(text: str, slo_id: str, *path: str) -> int:
    """The line (0-based) of the value at ``path`` in the entity whose slo_id is given."""
    stack = [compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            fields = {k.value: v for k, v in node.value}
            if getattr(fields.get("slo_id"), "value", None) == slo_id:
                for step in path:
                    node = next(v for k, v in node.value if k.value == step)
                return node.start_mark.line
            stack.extend(v for _k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    raise AssertionError(f"geen entiteit met slo_id {slo_id}")


# --- The first import into a hand-written kader ------------------------------------------


def test_the_first_import_only_adds_the_slo_fields_and_keeps_every_comment(
    tmp_path: Path,
) -> None:
    project, comments = _commented_project(tmp_path)
    before = (project / DG).read_text(encoding="utf-8")
    assert f"bijgewerkt: {DG}" in _import(project, DG_SLICE).splitlines()
    after = (project / DG).read_text(encoding="utf-8")

    runs = _inserted_runs(before.splitlines(), after.splitlines())
    assert runs  # every line of the hand-written text is still there, in order
    *runs, (last, lines) = runs
    # SLO's basis entities come last, after the subdomeinen
    split = lines.index("slo_basis:")
    basis = lines[split:]
    runs += [(last, lines[:split])] if split else []
    assert all(not line.strip() or line.startswith("#") for line in before.splitlines()[last:])
    assert all(line.startswith(("  ", "- ")) for line in basis[1:])
    for index, lines in runs:  # each run is SLO's fields, behind a slo_id, or behind our
        # label in an uitwerking the frame lists already (a doelzin's `slo` follows its list)
        anchor = before.splitlines()[index - 1]
        found = re.match(r"^( *)(?:- )?(?:slo_id|label): ", anchor)
        assert found, (anchor, lines[0])
        # (an uitwerking's `slo` and its doelzin's `slo` can follow each other: one run)
        indent = " " * min(len(line) - len(line.lstrip(" ")) for line in lines if line.strip())
        assert len(indent) <= len(found[1]) + 2, (anchor, lines[0])
        keys = [
            line[len(indent) :]
            for line in lines
            if line.startswith(indent) and line[len(indent) :][:1] not in (" ", "-", "")
        ]
        assert keys and {k.partition(":")[0] for k in keys} <= {
            "slo_bron",
            "slo_uitwerkingen",
            "slo",
        }, keys
    assert all(comment in after.splitlines() for comment in comments)
    assert check(project).ok

    # a second import of the same release changes nothing
    assert f"ongewijzigd: {DG}" in _import(project, DG_SLICE).splitlines()
    assert (project / DG).read_text(encoding="utf-8") == after


def test_a_new_release_changes_only_the_lines_whose_values_changed(tmp_path: Path) -> None:
    project, comments = _commented_project(tmp_path)
    _import(project, DG_SLICE)
    before = (project / DG).read_text(encoding="utf-8")

    def doelzinnen(items: list[dict[str, Any]]) -> None:
        next(i for i in items if i["id"] == ID_22A)["description"] = "Nieuw: 22A, herzien."

    def kernzinnen(items: list[dict[str, Any]]) -> None:
        next(i for i in items if i["id"] == ID_22)["title"] = "Kerndoel 22 (herzien)"

    release = _release(tmp_path, {"doelzinnen": doelzinnen, "kernzinnen": kernzinnen})
    _import(project, release)
    after = (project / DG).read_text(encoding="utf-8")

    lines = before.splitlines()
    old = [lines[_line_of(before, ID_22, "slo", "title")]]
    old.append(lines[_line_of(before, ID_22A, "slo", "description")])
    removed, added = _changed(before, after)
    assert removed == old
    assert added == [
        re.sub(r": .*", ": Kerndoel 22 (herzien)", old[0]),
        re.sub(r": .*", ": 'Nieuw: 22A, herzien.'", old[1]),
    ]
    assert all(comment in after.splitlines() for comment in comments)


def test_a_replaced_doelzin_leaves_with_its_lines_and_its_successor_takes_its_place(
    tmp_path: Path,
) -> None:
    project, comments = _commented_project(tmp_path)
    _import(project, DG_SLICE)
    before = (project / DG).read_text(encoding="utf-8")

    def doelzinnen(items: list[dict[str, Any]]) -> None:  # SLO's 22C is now 22E
        old = next(i for i in items if i["id"] == ID_22C)
        items[items.index(old)] = dict(old, id=ID_22E, replaces=[ID_22C], prefix="E")

    def kernzinnen(items: list[dict[str, Any]]) -> None:
        for item in items:
            item["fo_doelzin_id"] = [ID_22E if i == ID_22C else i for i in item["fo_doelzin_id"]]

    release = _release(tmp_path, {"doelzinnen": doelzinnen, "kernzinnen": kernzinnen})
    _import(project, release)
    after = (project / DG).read_text(encoding="utf-8")

    lines = before.splitlines()
    start = lines.index("          - code: DG-po-22C")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("          - "))
    id_line = next(i for i, line in enumerate(lines) if line.endswith(f"- {ID_22C}"))
    new = after.splitlines()
    # 22C's lines are gone; the new doelzin's stand in their place, 22D follows as before
    new_end = new.index("          - code: DG-po-22D")
    expected = list(lines[:start])
    expected[id_line] = lines[id_line].replace(ID_22C, ID_22E)  # in the kernzin's list
    assert new[:start] == expected
    assert new[new_end:] == lines[end:]
    block = new[start:new_end]
    # written as the writer writes a new entity, at the list's indentation; our own title
    # went along (`replaces`), the comment behind 22C's title left with 22C's lines
    assert block[:2] == ["          - code: DG-po-22E", "            titel: Werken met data"]
    assert all(line.startswith("            ") for line in block[1:])
    assert f"slo_id: {ID_22E}" in after and ID_22C in "".join(block)  # in `replaces`
    assert check(project).project.corpus.doelzinnen["DG-po-22E"].doelzin.slo_id == ID_22E
    assert [c for c in comments if c not in new] == [
        "            titel: Werken met data  # onze eigen titel"
    ]


# --- An odd but valid layout ---------------------------------------------------------------


def _odd(text: str) -> str:
    """The imported DG kader written differently, all valid YAML: flow lists, quoted texts,
    a plain text over two lines, comments between entries, a `>` block."""

    def flow(match: re.Match[str]) -> str:
        ids = re.findall(r"- (\S+)", match[3])
        return f"{match[1]}{match[2]}: [{', '.join(ids)}]\n"

    # block lists of ids → flow lists
    text = re.sub(r"^( +)(fo_\w+_id|replaces):\n((?:\1(?:  )?- \S+\n)+)", flow, text, flags=re.M)
    text = text.replace("titel: Digitale geletterdheid\n", 'titel: "Digitale geletterdheid"\n')
    text = text.replace(
        "    titel: Ontwerpen en maken\n", "    titel: 'Ontwerpen en maken'   # enkel\n"
    )
    text = text.replace(
        "            titel: Digitale apparaten en software doelgericht gebruiken\n",
        "            titel: Digitale apparaten en software\n              doelgericht gebruiken\n",
    )
    text = text.replace(
        "  - code: DG-SD3\n", "\n  # ---- derde subdomein ----\n\n  - code: DG-SD3\n"
    )
    text = re.sub(r"(\n +omschrijving: )>-\n", r"\1>\n", text, count=1)
    return text


def test_an_odd_layout_keeps_its_layout(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _import(project, DG_SLICE)
    before = _odd((project / DG).read_text(encoding="utf-8"))
    assert before.count(": [") > 20 and "doelgericht gebruiken\n" in before
    assert "omschrijving: >\n" in before
    (project / DG).write_text(before, encoding="utf-8")
    old_data = parse_yaml(before.encode(), DG).data
    assert old_data["titel"] == "Digitale geletterdheid"
    assert check(project).ok

    # the same release: nothing changes, not a byte
    assert f"ongewijzigd: {DG}" in _import(project, DG_SLICE).splitlines()
    assert (project / DG).read_text(encoding="utf-8") == before

    # a release that changes a flow list rewrites that list, in flow style, and only it
    def replaces(items: list[dict[str, Any]]) -> None:
        next(i for i in items if i["id"] == ID_22)["replaces"].append(ID_22E)

    _import(project, _release(tmp_path / "1", {"kernzinnen": replaces}))
    after = (project / DG).read_text(encoding="utf-8")
    removed, added = _changed(before, after)
    assert len(removed) == 1 and removed[0].lstrip().startswith("replaces: [")
    assert added[0].startswith(removed[0][:-1] + ", ") and added[-1].endswith(f"{ID_22E}]")

    # one that reorders the doelzinnen of kerndoel 22 moves them with their own text
    def reorder(items: list[dict[str, Any]]) -> None:
        item = next(i for i in items if i["id"] == ID_22)
        item["fo_doelzin_id"] = item["fo_doelzin_id"][::-1]

    def both(items: list[dict[str, Any]]) -> None:
        replaces(items)
        reorder(items)

    _import(project, _release(tmp_path / "2", {"kernzinnen": both}))
    moved = (project / DG).read_text(encoding="utf-8")
    gone = Counter(after.splitlines()) - Counter(moved.splitlines())
    came = Counter(moved.splitlines()) - Counter(after.splitlines())
    assert list(gone) == [line for line in after.splitlines() if f"_id: [{ID_22A}" in line]
    new_list = "\n".join(line for line in moved.splitlines() if line in came)
    assert yaml.safe_load(new_list)["fo_doelzin_id"][-1] == ID_22A  # only the list changed
    codes = [line.strip() for line in moved.splitlines() if re.search(r"code: DG-po-22\w$", line)]
    assert codes == [f"- code: DG-po-22{letter}" for letter in "DCBA"]


def test_a_layout_that_cannot_be_edited_in_place_is_written_whole_and_said_so(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    text = (project / DG).read_text(encoding="utf-8")
    odd = text.replace(
        "          - code: DG-po-22A\n", "          - # eerste\n            code: DG-po-22A\n"
    )
    (project / DG).write_text(odd, encoding="utf-8")
    assert odd != text and check(project).ok
    out = _import(project, DG_SLICE)
    assert f"bijgewerkt: {DG} (helemaal opnieuw geschreven" in out
    written = (project / DG).read_text(encoding="utf-8")
    assert "# eerste" not in written  # the price: the file is the writer's own text
    [(kader, _old)] = _frames(project, DG_SLICE, ["po"])
    assert written == kader_text(kader)[0]
    assert check(project).ok


def test_the_m_en_n_slice_goes_into_the_hand_written_m_en_n_kader_by_adding_lines(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    before = (project / MN).read_text(encoding="utf-8")
    assert f"bijgewerkt: {MN}" in _import(project, MN_SLICE).splitlines()
    after = (project / MN).read_text(encoding="utf-8")
    runs = _inserted_runs(before.splitlines(), after.splitlines())
    new_keys = {re.sub(r"^ *(\w+):.*", r"\1", lines[0]) for _i, lines in runs}
    # the frame was matched on titles and codes: its ids are added, with SLO's fields
    assert "slo_id" in new_keys
    assert new_keys <= {"slo_id", "slo_uitwerkingen", "slo", "slo_basis"}
    assert check(project).ok
    assert f"ongewijzigd: {MN}" in _import(project, MN_SLICE).splitlines()


# --- The invariant: the edited text reads as exactly what the writer would write ----------


def _frames(project: Path, source: Path, niveaus: list[str]) -> list[tuple[Kader, str]]:
    """The kaders that an import would write, each with the text it would edit."""
    data, problems = read_checkout(source)
    assert not problems
    corpus = load_project(project).corpus
    plan = build_frames(data, list(data.of("fo_set")), niveaus, dict(corpus.kaders))
    assert not plan.problems and plan.kaders
    return [(kader, corpus.sources[kader.domein].text) for kader in plan.kaders]


def _assert_reads_as_the_writers(kader: Kader, old: str) -> str:
    text, kept = kader_text(kader, old)
    assert kept  # edited in place, not written anew
    fresh, _ = kader_text(kader)  # the writer's own text, as before in-place editing
    edited, written = parse_yaml(text.encode(), DG), parse_yaml(fresh.encode(), DG)
    assert edited.ok and written.ok
    assert yamledit.same(edited.data, written.data)
    assert Kader.model_validate(edited.data) == kader
    return text


@pytest.mark.parametrize(
    ("layout", "source", "niveaus"),
    [
        ("bundled", DG_SLICE, ["po"]),
        ("bundled", DG_SLICE, ["po", "ob vo"]),  # new kerndoelen inserted among ours
        ("commented", DG_SLICE, ["po"]),
        ("odd", DG_SLICE, ["po", "ob vo"]),
        ("bundled", MN_SLICE, ["po"]),
        ("bundled", MN_SLICE, ["ob vo"]),  # every kerndoel replaced
    ],
)
def test_the_edited_kader_reads_as_exactly_what_the_writer_would_write(
    tmp_path: Path, layout: str, source: Path, niveaus: list[str]
) -> None:
    project = copy_project(tmp_path / "project")
    if layout == "commented":
        project, _comments = _commented_project(tmp_path / "c")
    elif layout == "odd":
        _import(project, DG_SLICE)
        (project / DG).write_text(_odd((project / DG).read_text(encoding="utf-8")), "utf-8")
    for kader, old in _frames(project, source, niveaus):
        text = _assert_reads_as_the_writers(kader, old)
        assert kader_text(kader, text) == (text, True)  # and again: the same bytes


TEXT = st.lists(
    st.sampled_from(["De", "leerling", "werkt", "met", "data:", "#1", "'s", "en", "ja", "é"]),
    min_size=1,
    max_size=40,
).map(" ".join)


@st.composite
def _changed_kader(draw: st.DrawFn, kader: Kader) -> Kader:
    """The kader with a few random changes: texts, removed and added doelzinnen and
    kerndoelen, changed or removed SLO fields."""
    data = kader.model_dump()
    for _ in range(draw(st.integers(1, 4))):
        sub = draw(st.sampled_from(data["subdomeinen"]))
        kern = draw(st.sampled_from(sub["kerndoelen"]))
        zinnen = kern["doelzinnen"]
        entity = draw(st.sampled_from([data, sub, kern, *zinnen]))
        action = draw(st.sampled_from(["text", "remove", "add", "slo"]))
        if action == "text":
            entity[draw(st.sampled_from(["titel", "omschrijving"]))] = draw(TEXT)
        elif action == "remove" and len(zinnen) > 1:
            zinnen.remove(draw(st.sampled_from(zinnen)))
        elif action == "add":
            letters = {z["code"][-1] for z in zinnen}
            letter = draw(st.sampled_from([c for c in "VWXYZ" if c not in letters] or ["A"]))
            if letter not in letters:
                new = dict(draw(st.sampled_from(zinnen)), code=kern["code"] + letter)
                new.update(slo_id=None, slo=None, titel=draw(TEXT))
                zinnen.insert(draw(st.integers(0, len(zinnen))), new)
        elif entity.get("slo"):
            slo = dict(entity["slo"])
            field = draw(st.sampled_from(sorted(slo)))
            if draw(st.booleans()):
                del slo[field]
            else:
                slo[field] = draw(st.one_of(TEXT, st.lists(TEXT, max_size=3)))
            entity["slo"] = slo
    return Kader.model_validate(data)


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The commented DG kader after the first import."""
    project, _comments = _commented_project(tmp_path_factory.mktemp("kader"))
    _import(project, DG_SLICE)
    return (project / DG).read_text(encoding="utf-8")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_random_changes_to_an_imported_kader_read_as_the_writers(
    imported: str, data: st.DataObject
) -> None:
    text = imported
    kader = Kader.model_validate(parse_yaml(text.encode(), DG).data)
    changed = data.draw(_changed_kader(kader))
    edited = _assert_reads_as_the_writers(changed, text)
    assert kader_text(changed, edited) == (edited, True)


def test_a_comment_behind_a_text_that_becomes_a_folded_block_stays_a_comment() -> None:
    """Behind a block scalar's last line a comment would be text: it moves behind the key
    or the block's header, and the text is still edited in place."""
    long = _Folded(" ".join(["De leerling werkt met data"] * 5))
    text = "a:\n  titel: kort  # redactie\n  b: 1\nc:\n- kort # twee\n- x\nd: kort # drie\n"
    data = {"a": {"titel": long, "b": 1}, "c": [long, "x"], "d": {"e": long}}
    edited = yamledit.edit(text, data, 80)
    assert yamledit.same(yaml.safe_load(edited), data)
    assert "  titel: >-  # redactie\n" in edited
    assert "- >- # twee\n" in edited
    assert "d: # drie\n" in edited
