"""The command line on a damaged workspace, a full disk, a closed pipe; `serve`'s daily
backup; `backups restore`. Each run as a user or a script would: a real process."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from channels.links import new_slug
from storage import contacts
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.templates import survey_from_template
from tests.conftest import make_survey
from tests.damaged_files import DAMAGE_KINDS, damage, digest
from tests.helpers import free_port
from tests.small_disk import run_on_small_disk

ROOT = Path(__file__).resolve().parents[1]
MAIN = str(ROOT / "main.py")


def koe(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, MAIN, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "KOE_DATA_DIR": ""},
    )


def small_workspace(folder: Path) -> Path:
    """A workspace with two surveys, a few contacts and a good backup; returns the backup."""
    with Workspace.open(folder) as ws:
        make_survey(ws, "nps")
        make_survey(ws, "csat")
        for i in range(5):
            contacts.add(ws.db(), name=f"Customer {i}", email=f"c{i}@example.com")
        return ws.back_up_now()


def commands_on(folder: Path, tmp_path: Path) -> dict[str, list[str]]:
    contacts_file = tmp_path / "new-contacts.csv"
    contacts_file.write_text("name,email\nSato,sato@example.com\n", encoding="utf-8")
    data = ["--data-dir", str(folder)]
    return {
        "surveys list": ["surveys", "list", *data],
        "export csv": ["export", *data, "--survey", "1", "--format", "csv"],
        "export xlsx": [
            "export",
            *data,
            "--survey",
            "1",
            "--format",
            "xlsx",
            "--out",
            str(tmp_path / "out.xlsx"),
        ],
        "contacts export": ["contacts", "export", *data],
        "contacts import": ["contacts", "import", *data, str(contacts_file)],
        "serve": ["serve", *data, "--port", str(free_port())],
        "demo": ["demo", *data],
        "sync": ["sync", *data, "--host", "https://127.0.0.1:9"],
    }


def assert_one_plain_line(result: subprocess.CompletedProcess[str], *expected: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_every_command_refuses_a_damaged_workspace_in_one_line_and_leaves_it_untouched(
    tmp_path, kind
):
    folder = tmp_path / "shop"
    good = small_workspace(folder)
    path = folder / "koe.sqlite3"
    damage(path, kind)
    before = digest(path)
    for name, args in commands_on(folder, tmp_path).items():
        result = koe(*args)
        assert_one_plain_line(result, str(path), "left it as it is", str(good), "backups restore")
        assert digest(path) == before, f"{name} changed the file"
    assert not (tmp_path / "out.xlsx").exists()


def test_backups_restore_brings_a_damaged_workspace_back(tmp_path):
    folder = tmp_path / "shop"
    good = small_workspace(folder)
    damage(folder / "koe.sqlite3", "flipped_bytes")
    restored = koe("backups", "restore", "--data-dir", str(folder))
    assert restored.returncode == 0, restored.stderr
    assert str(good) in restored.stdout and "koe.sqlite3.damaged-" in restored.stdout
    listed = koe("surveys", "list", "--data-dir", str(folder))
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[1] for line in listed.stdout.splitlines()] == ["csat", "nps"]
    # A restore of a whole workspace backs its present state up first, as Settings does.
    again = koe("backups", "restore", "--data-dir", str(folder), str(good))
    assert again.returncode == 0, again.stderr
    assert "before-restore-" in again.stdout
    # Nothing to restore from: one line, non-zero.
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "koe.sqlite3").write_bytes(b"")
    assert_one_plain_line(koe("backups", "restore", "--data-dir", str(empty)), "no good backup")


def test_a_full_disk_is_said_in_one_line_not_as_damage(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    # 1 MiB holds a new workspace but not the demo's 2,000 responses.
    result = run_on_small_disk(
        disk, 1024, sys.executable, MAIN, "demo", "--data-dir", str(disk / "ws")
    )
    assert_one_plain_line(result, "disk is full")
    assert "damaged" not in result.stderr


@pytest.mark.parametrize("command", ["surveys", "contacts"])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, command):
    folder = tmp_path / "shop"
    with Workspace.open(folder) as ws:
        # Well over a pipe's 64 KiB, so the command is still writing when head has gone.
        for i in range(60):
            survey = survey_from_template("nps", languages=("en",))
            survey.title["en"] = f"{i} {'a survey with a very long title ' * 60}"
            survey.slug = new_slug()
            survey_store.create(ws.db(), survey)
            contacts.add(ws.db(), name=f"{i} {'long name ' * 200}", email=f"c{i}@example.com")
    args = "surveys list" if command == "surveys" else "contacts export"
    result = subprocess.run(
        [
            "sh",
            "-c",
            f'"$0" "$1" {args} --data-dir "$2" | head -1',
            sys.executable,
            MAIN,
            str(folder),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1


def lines_of(stream) -> queue.Queue[str]:  # type: ignore[no-untyped-def]
    """Each line a process prints, as it prints it (read on a thread)."""
    found: queue.Queue[str] = queue.Queue()

    def read() -> None:
        for line in stream:
            found.put(line)
        found.put("")

    threading.Thread(target=read, daemon=True).start()
    return found


def test_serve_takes_the_daily_backup_and_copies_it_to_the_second_folder(tmp_path):
    folder = tmp_path / "host"
    with Workspace.open(folder) as ws:
        make_survey(ws)
    second = tmp_path / "usb"
    second.mkdir()
    errors = tmp_path / "serve.err"
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [
                sys.executable,
                MAIN,
                "serve",
                "--data-dir",
                str(folder),
                "--port",
                str(free_port()),
                "--backup-copy-to",
                str(second),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as server,
    ):
        try:
            printed = lines_of(server.stdout)
            while not (line := printed.get(timeout=60)).startswith("Daily backup written to"):
                assert line, errors.read_text()  # serve ended without a backup
        finally:
            server.terminate()
            server.wait(timeout=30)
    taken = sorted((folder / "backups").glob("daily-*.sqlite3"))
    assert len(taken) == 1 and str(taken[0]) in line and str(second) in line
    assert (second / taken[0].name).read_bytes() == taken[0].read_bytes()
