"""The live preview: a real `leerdoelen serve` process picks up a saved change."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

from leerdoelen.commands.build import generate

pytestmark = pytest.mark.slow  # real servers and regenerations

ROOT = Path(__file__).parents[1]
GOAL = Path("goals/digitale-geletterdheid/DG-001.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 45) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = _get(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} verscheen niet op {url}")


def test_generate_writes_nothing_when_nothing_changed(project: Path) -> None:
    result, first = generate(project)
    assert result.ok and "doelen/DG-001/index.md" in first
    assert generate(project)[1] == []  # no change, no write: no rebuild loop
    goal = project / GOAL
    goal.write_text(goal.read_text().replace("titel: ", "titel: Nieuw ", 1))
    assert "doelen/DG-001/index.md" in generate(project)[1]


def test_the_watcher_sees_files_below_folders_nested_deeper_than_the_stack(
    project: Path,
) -> None:
    from leerdoelen.commands.serve import _snapshot

    folder = project / "goals" / "digitale-geletterdheid"
    chain = [folder := folder / "a" for _ in range(1200)]  # made one by one: no recursion
    for path in chain:
        path.mkdir()
    (chain[-1] / "x.yaml").write_text("titel: diep\n", encoding="utf-8")
    try:
        assert str(chain[-1] / "x.yaml") in _snapshot(project)
    finally:
        (chain[-1] / "x.yaml").unlink()
        for path in reversed(chain):
            path.rmdir()


def test_serve_regenerates_a_page_on_save(project: Path) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/doelen/DG-001/"
    exe = Path(sys.executable).with_name("leerdoelen")
    server = subprocess.Popen(
        [str(exe), "-C", str(project), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(url, "DG-001")
        goal = project / GOAL
        goal.write_text(goal.read_text().replace("titel: ", "titel: Voorbeeldwijziging ", 1))
        assert "Voorbeeldwijziging" in _wait_for(url, "Voorbeeldwijziging")
        goal.write_text("titel: no\n")  # a broken save: the preview keeps the last good page
        time.sleep(1.5)
        assert "Voorbeeldwijziging" in _get(url)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "LD111" in err or "LD113" in err, err


def _serve(project: Path, dev_addr: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("leerdoelen")
    return subprocess.run(
        [str(exe), "-C", str(project), "serve", "--dev-addr", dev_addr],
        capture_output=True,
        text=True,
        timeout=120,  # a preview that starts anyway would run until this
    )


@pytest.mark.parametrize(
    ("dev_addr", "message"),
    [
        ("127.0.0.1:99999", "'99999' is geen poort; kies een getal van 1 tot en met 65535"),
        ("127.0.0.1:0", "'0' is geen poort; kies een getal van 1 tot en met 65535"),
        ("foo", "'foo' is geen adres; gebruik ADRES:POORT, zoals 127.0.0.1:8000"),
        ("foo:8000", "'foo' is geen IP-adres; gebruik bijvoorbeeld 127.0.0.1 of localhost"),
        ("192.0.2.1:8000", "op 192.0.2.1:8000: dat adres hoort niet bij deze computer"),
    ],
)
def test_an_impossible_address_is_a_usage_error(project: Path, dev_addr: str, message: str) -> None:
    done = _serve(project, dev_addr)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("leerdoelen: fout: ") and message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert not (project / "build").exists()  # refused before anything was built


def test_a_busy_port_is_a_usage_error(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = _serve(project, f"127.0.0.1:{port}")
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"leerdoelen: fout: de preview kan niet luisteren op 127.0.0.1:{port}: "
        "dat adres is al in gebruik; kies een andere poort\n"
    )
