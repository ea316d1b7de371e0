"""``import slo`` of a checkout with the shapes of SLO's full release (tests/slo_checkout.py):
every kerndoelenset at all its niveaus, what the chosen sets reach is validated and nothing
else, one set never blocks another, and the frame keeps what the export needs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import slo_checkout as slo
from conftest import commit_all, git_repo
from test_slo import empty_project, run, snapshot

from leerdoelen.commands.check import check
from leerdoelen.core.model import Kader
from leerdoelen.slo.kaderfile import kader_text

pytestmark = pytest.mark.slow  # SLO imports of the real fixtures


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return slo.release(tmp_path_factory.mktemp("slo") / "curriculum-fo")


def _import(project: Path, source: Path, *args: str) -> tuple[int, str, str]:
    return run("-C", str(project), "import", "slo", str(source), *args)


def _niveaus(title: str) -> list[str]:
    return [a for n in slo.NIVEAUS[title] for a in ("--niveau", n)]


def _kader(project: Path, domein: str) -> Kader:
    result = check(project)
    assert result.ok, [d.message for d in result.diagnostics]
    return result.project.corpus.kaders[domein]


def _codes(kader: Kader) -> list[str]:
    return [
        code
        for s in kader.subdomeinen
        for k in s.kerndoelen
        for code in (k.code, *(z.code for z in k.doelzinnen))
    ]


@pytest.mark.parametrize(
    ("title", "domein"),
    [
        (slo.DG, "digitale-geletterdheid"),
        (slo.MN, "mens-en-natuur"),
        (slo.FDG, "functionele-digitale-geletterdheid"),
    ],
)
def test_every_kerndoelenset_at_all_its_niveaus_into_an_empty_project(
    tmp_path: Path, checkout: Path, title: str, domein: str
) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", title, *_niveaus(title))
    assert code == 0, out + err
    assert f"bijgewerkt: goals/{domein}/kader.yaml" in out.splitlines()
    kader = _kader(project, domein)
    codes = _codes(kader)
    assert len(codes) == len(set(codes))
    # the dangling vakleergebied of the examenprogramma is never reported: nobody chose it
    assert slo.DANGLING_ELSEWHERE not in out
    # the second import changes nothing
    text = (project / "goals" / domein / "kader.yaml").read_bytes()
    assert _import(project, checkout, "--set", title, *_niveaus(title))[0] == 0
    assert (project / "goals" / domein / "kader.yaml").read_bytes() == text


def test_the_functionele_kerndoelen_have_a_code_per_niveau(tmp_path: Path, checkout: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.FDG, *_niveaus(slo.FDG))
    assert code == 0, out + err
    kader = _kader(project, "functionele-digitale-geletterdheid")
    assert kader.afkorting == "FDG"
    kerndoelen = [k.code for s in kader.subdomeinen for k in s.kerndoelen]
    assert kerndoelen[:3] == ["FDG-so-zml-mb-18", "FDG-vso-db-18", "FDG-vso-am-18"]
    # SLO lists a vso db doelzin 20A under the so zml/mb kernzin 20: it keeps its niveau
    assert re.search(r"^data/doelzinnen.json:\d+:0: LD617: .*FDG-so-zml-mb-20Avsodb$", out, re.M)
    assert "FDG-so-zml-mb-20Avsodb" in _codes(kader)


def test_a_dangling_reference_in_a_chosen_set_is_a_warning(tmp_path: Path, checkout: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.DG)
    assert code == 0, out + err
    [line] = [line for line in out.splitlines() if "LD615" in line]
    assert line.startswith("data/sets.json:")
    assert f"set {slo.DG_SET}" in line and slo.DANGLING_BASIS in line
    kader = _kader(project, "digitale-geletterdheid")
    assert kader.slo is not None and slo.DANGLING_BASIS in kader.slo["vakleergebied_id"]


def test_a_kernzin_that_lists_a_missing_doelzin_is_an_error(tmp_path: Path) -> None:
    source = slo.release(tmp_path / "release")
    missing = "0f0f0f0f-0000-4000-8000-000000000000"
    slo.edit(source, "kernzinnen", lambda items: items[0]["fo_doelzin_id"].append(missing))
    project = empty_project(tmp_path / "project")
    code, out, _err = _import(project, source, "--set", slo.DG, "--set", slo.MN)
    assert code == 1
    assert re.search(
        rf"^data/kernzinnen.json:\d+:0: LD604: .*{missing}, maar die bestaat", out, re.M
    )
    assert f"niet geïmporteerd: {slo.DG}" in out.splitlines()
    assert "bijgewerkt: goals/mens-en-natuur/kader.yaml" in out.splitlines()  # MN stands alone
    assert not (project / "goals" / "digitale-geletterdheid").exists()


def test_an_examenprogramma_is_refused_in_one_line_and_the_other_set_imported(
    tmp_path: Path, checkout: Path
) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.EXAMEN, "--set", slo.MN)
    assert code == 1, out + err
    refusals = [line for line in out.splitlines() if "LD606" in line]
    assert len(refusals) == 1 and slo.EXAMEN in refusals[0]
    assert "doelzinnen direct eronder" in refusals[0]
    assert f"niet geïmporteerd: {slo.EXAMEN}" in out.splitlines()
    assert "bijgewerkt: goals/mens-en-natuur/kader.yaml" in out.splitlines()
    assert "1 set geweigerd; de andere sets zijn geïmporteerd" in err
    assert _kader(project, "mens-en-natuur").afkorting == "MN"


def test_a_prefix_of_several_characters_is_part_of_the_code(tmp_path: Path, checkout: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.MN, "--niveau", "ob vo")
    assert code == 0, out + err
    kader = _kader(project, "mens-en-natuur")
    [zin] = [
        z for s in kader.subdomeinen for k in s.kerndoelen for z in k.doelzinnen
        if z.slo_id == slo.HV_DOELZIN
    ]  # fmt: skip
    assert zin.code == "MN-vso-33A3hv"


def test_a_po_kerndoel_is_imported_once_under_po_with_all_its_niveaus(
    tmp_path: Path, checkout: Path
) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.DG, "--niveau", "so")
    assert code == 0, out + err
    kader = _kader(project, "digitale-geletterdheid")
    zinnen = [z for s in kader.subdomeinen for k in s.kerndoelen for z in k.doelzinnen]
    assert [z.code for z in zinnen][:2] == ["DG-po-22A", "DG-po-22B"]
    assert {tuple(u.niveaus) for z in zinnen for u in z.slo_uitwerkingen} == {("po", "so")}
    assert all(u.label is None for z in zinnen for u in z.slo_uitwerkingen)


def test_the_kader_keeps_source_basis_and_replaced_entities(tmp_path: Path) -> None:
    source = slo.release(tmp_path / "curriculum-fo")
    git = ["git", "-C", str(source), "-c", "user.name=SLO", "-c", "user.email=slo@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "Release 2026.52"], check=True)
    subprocess.run([*git, "tag", "2026.52"], check=True)
    project = empty_project(tmp_path / "project")
    assert _import(project, source, "--set", slo.DG)[0] == 0
    kader = _kader(project, "digitale-geletterdheid")
    assert kader.slo_bron is not None
    assert (kader.slo_bron.bron, kader.slo_bron.release) == ("SLO curriculum-fo", "2026.52")
    assert kader.slo_vervangen == [
        {"id": slo.REPLACED_SET, "title": "Kerndoelen digitale geletterdheid (2024)"}
    ]
    basis = kader.slo_basis or []
    titles = [b["title"] for b in basis]
    assert titles.index("po") < titles.index("so") and "Digitale Geletterdheid" in titles
    assert titles[-1] == "Digitale Geletterdheid"  # niveaus first, then the vakleergebied


def test_labels_of_uitwerkingen_are_kept_and_never_made_from_slo(
    tmp_path: Path, checkout: Path
) -> None:
    project = empty_project(tmp_path / "project")
    assert _import(project, checkout, "--set", slo.DG)[0] == 0
    path = project / "goals" / "digitale-geletterdheid" / "kader.yaml"
    data = _kader(project, "digitale-geletterdheid").model_dump()
    first = data["subdomeinen"][0]["kerndoelen"][0]["doelzinnen"][0]["slo_uitwerkingen"][0]
    assert first["label"] is None
    first["label"] = "Apparaten verkennen"
    path.write_text(kader_text(Kader.model_validate(data))[0], encoding="utf-8")
    assert _import(project, checkout, "--set", slo.DG)[0] == 0
    after = _kader(project, "digitale-geletterdheid").model_dump()
    kept = after["subdomeinen"][0]["kerndoelen"][0]["doelzinnen"][0]["slo_uitwerkingen"][0]
    assert (kept["slo_id"], kept["label"]) == (first["slo_id"], "Apparaten verkennen")


def test_two_sets_never_share_a_folder_or_a_prefix(tmp_path: Path, checkout: Path) -> None:
    project = empty_project(tmp_path / "project")
    assert _import(project, checkout, "--set", slo.DG)[0] == 0
    before = snapshot(project)
    args = ("--set", slo.FDG, *_niveaus(slo.FDG))
    code, out, err = _import(project, checkout, *args, "--domein", "digitale-geletterdheid")
    assert code == 1, out + err
    assert re.search(r"^data/sets.json:\d+:0: LD616: .*digitale-geletterdheid", out, re.M)
    assert "niets geïmporteerd" in err and snapshot(project) == before
    code, out, err = _import(project, checkout, *args, "--afkorting", "DG")
    assert code == 1 and "LD616" in out and snapshot(project) == before
    code, out, err = _import(project, checkout, *args, "--domein", "fdg", "--afkorting", "FUNC")
    assert code == 0, out + err
    assert _kader(project, "fdg").subdomeinen[0].kerndoelen[0].code == "FUNC-so-zml-mb-18"


def test_two_sets_of_one_run_that_would_share_an_afkorting_write_nothing(
    tmp_path: Path, checkout: Path
) -> None:
    source = slo.release(tmp_path / "release")
    slo.edit(
        source,
        "sets",
        lambda items: next(i for i in items if i["title"] == slo.MN).update(
            title="Kerndoelen digitale gezondheid"
        ),
    )
    project = empty_project(tmp_path / "project")
    code, out, err = _import(
        project, source, "--set", slo.DG, "--set", "Kerndoelen digitale gezondheid"
    )
    assert code == 1, out + err
    assert "LD616" in out and "afkorting DG" in out
    assert list((project / "goals").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--set", slo.FDG, "--niveau", "so zml"), "niveau 'so zml' komt niet voor"),
        (("--set", slo.DG, "--niveau", "vo"), "beschikbaar: po, so, vso, ob vo, 3 h/v"),
        (("--set", slo.DG, "--set", slo.MN, "--domein", "x"), "precies één --set"),
        (("--set", slo.FDG, "--domein", "Functioneel"), "geen mapnaam"),
        (("--domein", ""), "precies één --set"),
        (("--set", slo.FDG, "--domein", ""), "geen mapnaam"),
        (("--set", slo.FDG, "--afkorting", "fd"), "2 tot 4 hoofdletters"),
    ],
)
def test_usage_errors(tmp_path: Path, checkout: Path, args: tuple[str, ...], message: str) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, *args)
    assert code == 2 and message in err, out + err
    assert "Traceback" not in out + err


def test_a_set_without_po_says_which_niveaus_it_has(tmp_path: Path, checkout: Path) -> None:
    project = empty_project(tmp_path / "project")
    code, out, err = _import(project, checkout, "--set", slo.FDG)
    assert code == 1
    assert "geen kerndoelen voor niveau po; deze set heeft so zml/mb, vso am, vso db" in out
    assert "niets geïmporteerd" in err


def test_an_empty_curriculum_basis_says_how_to_fetch_it(tmp_path: Path) -> None:
    source = slo.merged(tmp_path / "release")
    for path in sorted((source / "curriculum-basis").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    project = empty_project(tmp_path / "project")
    code, out, _err = _import(project, source)
    assert code == 1
    assert out.startswith("curriculum-basis:0:0: LD614: curriculum-basis/ is leeg")
    assert "git submodule update --init" in out and "--recurse-submodules" in out


def test_the_whole_release_goes_round_import_export_import(tmp_path: Path, checkout: Path) -> None:
    """Every kerndoelenset at all its niveaus, from a tagged checkout with the release's
    shapes (dangling ids, deprecated.json, A3hv, an examenprogramma left out): exported
    and imported again, every kader file comes back byte for byte, release included."""
    source = Path(shutil.copytree(checkout, tmp_path / "curriculum-fo"))
    repo = git_repo(source)
    commit_all(repo, "Release 2026.52")
    repo.git.tag("2026.52")
    first = empty_project(tmp_path / "eerste")
    for title in (slo.DG, slo.MN, slo.FDG):
        code, out, err = _import(first, source, "--set", title, *_niveaus(title))
        assert code == 0, out + err
    kaders = {p.relative_to(first).as_posix(): p.read_bytes() for p in first.glob("goals/*/*")}
    assert (len(kaders) == 3 and b"release: '2026.52'" in b"".join(kaders.values())) or all(
        b"2026.52" in text for text in kaders.values()
    )
    code, out, err = run("-C", str(first), "export", "slo", "--out", str(tmp_path / "export"))
    assert code == 0, out + err
    second = empty_project(tmp_path / "tweede")
    for title in (slo.DG, slo.MN, slo.FDG):
        code, out, err = _import(second, tmp_path / "export", "--set", title, *_niveaus(title))
        assert code == 0, out + err
    again = {p.relative_to(second).as_posix(): p.read_bytes() for p in second.glob("goals/*/*")}
    assert again == kaders
    assert check(second).ok
