"""Backups: daily rotation, manual copies, the second folder, a full disk, and restore."""

import json
import os
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from storage import backups
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.backup_schedule import BackupSchedule
from storage.backups import BackupError
from storage.workspace import Workspace
from tests.clock import FakeClock, local_day
from tests.conftest import make_survey
from tests.damaged_files import flip_table_page
from tests.small_disk import python_on_small_disk


def slugs_in(path):
    db = Database(path)
    try:
        return {row["slug"] for row in db["surveys"].rows}
    finally:
        db.close()


def test_back_up_now_makes_a_readable_copy(workspace):
    survey = make_survey(workspace)
    path = workspace.back_up_now()
    backups.check_backup(path)
    listed = backups.list_backups(workspace.backup_dir)
    assert [b.path for b in listed] == [path]
    assert listed[0].reason == "manual"
    assert slugs_in(path) == {survey.slug}


def dailies(folder):
    return sorted(p.name for p in folder.glob("daily-*.sqlite3"))


def test_daily_backups_keep_the_last_seven_and_never_prune_other_kinds(workspace):
    kept_by_hand = workspace.back_up_now()
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for day in range(10):
        outcome = workspace.take_daily_backup(start + timedelta(days=day))
        assert outcome.path is not None and outcome.path.name.startswith(
            f"daily-{local_day(start + timedelta(days=day))}"
        )
    # a second look the same day takes nothing
    assert workspace.take_daily_backup(start + timedelta(days=9, hours=5)).path is None
    names = dailies(workspace.backup_dir)
    assert len(names) == 7
    assert names[0].startswith(f"daily-{local_day(start + timedelta(days=3))}")
    assert names[-1].startswith(f"daily-{local_day(start + timedelta(days=9))}")
    assert kept_by_hand.is_file()
    assert not list(workspace.backup_dir.glob("*.partial"))


def test_the_schedule_takes_one_backup_a_day_on_its_clock(workspace):
    clock = FakeClock(datetime(2026, 11, 1, 23, 30, tzinfo=UTC))
    schedule = BackupSchedule(workspace, clock=clock)
    first = schedule.check()
    assert first.path is not None
    clock.advance(minutes=20)  # the same local day, or not: at most one a day either way
    again = schedule.check()
    same_day = local_day(clock.now) == local_day(clock.now - timedelta(minutes=20))
    assert (again.path is None) == same_day
    for _ in range(9):
        clock.advance(days=1)
        assert schedule.check().path is not None
    assert len(dailies(workspace.backup_dir)) == 7


def test_the_schedule_thread_looks_at_start_and_stops(workspace):
    seen = []
    schedule = BackupSchedule(workspace, interval=3600, report=lambda o, e: seen.append((o, e)))
    schedule.start()
    schedule.stop()  # waits for the look in progress, then ends the thread
    assert len(seen) == 1 and seen[0][1] is None
    assert seen[0][0].path.is_file()


def test_each_backup_is_copied_to_the_second_folder_which_keeps_seven_dailies(workspace, tmp_path):
    second = tmp_path / "usb"
    second.mkdir()
    (second / "holiday.jpg").write_bytes(b"not ours")
    settings_store.save(workspace.db(), backup_second_folder=str(second))
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for day in range(9):
        outcome = workspace.take_daily_backup(start + timedelta(days=day))
        assert outcome.copy == second / outcome.path.name
        assert outcome.copy.read_bytes() == outcome.path.read_bytes()
        assert outcome.copy_error is None
    manual = workspace.manual_backup()
    assert manual.copy == second / manual.path.name and manual.copy.is_file()
    assert dailies(second) == dailies(workspace.backup_dir) and len(dailies(second)) == 7
    assert (second / "holiday.jpg").read_bytes() == b"not ours"
    assert not list(second.glob("*.partial"))


def test_a_missing_second_folder_is_reported_and_the_backup_is_still_made(workspace, tmp_path):
    usb = tmp_path / "media" / "usb" / "KoeBackups"  # a USB disk that is not plugged in
    settings_store.save(workspace.db(), backup_second_folder=str(usb))
    clock = FakeClock(datetime(2026, 11, 1, 9, 0, tzinfo=UTC))
    outcome = workspace.take_daily_backup(clock())
    assert outcome.path is not None and outcome.path.is_file()
    assert outcome.copy is None
    assert "not there" in str(outcome.copy_error) and str(usb) in str(outcome.copy_error)
    assert not usb.exists()  # never made on this computer's own disk
    # The disk is plugged in again: the next look copies today's backup there.
    usb.mkdir(parents=True)
    clock.advance(hours=1)
    later = workspace.take_daily_backup(clock())
    assert later.path is None  # today's was taken already
    assert later.copy == usb / outcome.path.name and later.copy.is_file()


def test_a_copy_of_a_damaged_workspace_is_dropped_and_the_good_ones_kept(workspace_dir):
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    with Workspace.open(workspace_dir) as ws:
        make_survey(ws)
        for day in range(7):
            ws.take_daily_backup(start + timedelta(days=day))
    good = dailies(workspace_dir / "backups")
    # Damage that only a full read notices: the workspace still opens for writing
    # when it is already open (serve has been running for days).
    ws = Workspace.open(workspace_dir)
    try:
        flip_table_page(ws.db_path, "responses")
        with pytest.raises(BackupError, match="damaged"):
            ws.take_daily_backup(start + timedelta(days=7))
    finally:
        ws.close()
    assert dailies(workspace_dir / "backups") == good  # none pushed out, no bad one added


FULL_DISK_BACKUP = """
import json, os, sys
from pathlib import Path
from storage.backups import BackupError
from storage.workspace import Workspace
folder = Path(sys.argv[1])
workspace = Workspace.open(folder)
try:
    workspace.back_up_now()
    outcome = "written"
except BackupError as error:
    outcome = str(error)
left = sorted(os.listdir(folder / "backups"))
workspace.close()
print(json.dumps({"outcome": outcome, "left": left}))
"""


def test_a_full_disk_is_reported_as_a_full_disk_and_leaves_no_partial(workspace_dir):
    with Workspace.open(workspace_dir) as ws:
        make_survey(ws)
        db = ws.db()
        # Enough data that the copy cannot fit in the 64 KiB disk below.
        db.execute("CREATE TABLE filler (blob BLOB)")
        db.execute("INSERT INTO filler VALUES (zeroblob(300000))")
    (workspace_dir / "backups").mkdir()
    result = python_on_small_disk(
        workspace_dir / "backups", 64, FULL_DISK_BACKUP, str(workspace_dir)
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["outcome"].startswith("The disk is full"), report
    assert "damaged" not in report["outcome"]
    assert report["left"] == []  # no .partial, no journal


def test_a_full_second_disk_is_said_and_leaves_no_partial(workspace, tmp_path):
    second = tmp_path / "usb"
    second.mkdir()
    db = workspace.db()
    db.execute("CREATE TABLE filler (blob BLOB)")
    db.execute("INSERT INTO filler VALUES (zeroblob(300000))")
    backup = workspace.back_up_now()
    code = (
        "import json, os, sys\n"
        "from pathlib import Path\n"
        "from storage.backups import BackupError, copy_to\n"
        "try:\n    copy_to(Path(sys.argv[1]), Path(sys.argv[2])); outcome = 'copied'\n"
        "except BackupError as error:\n    outcome = str(error)\n"
        "print(json.dumps({'outcome': outcome, 'left': os.listdir(sys.argv[2])}))\n"
    )
    result = python_on_small_disk(second, 64, code, str(backup), str(second))
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert "is full" in report["outcome"] and report["left"] == []
    assert os.listdir(second) == []  # the real folder, under the mount, is untouched too


def test_restore_brings_back_the_earlier_state_and_keeps_a_safety_copy(workspace):
    first = make_survey(workspace)
    saved = workspace.back_up_now()
    second = make_survey(workspace, "csat")
    safety = workspace.restore(saved)
    slugs = [s.slug for s in survey_store.list_all(workspace.db())]
    assert slugs == [first.slug]
    assert slugs_in(safety) == {first.slug, second.slug}


def test_restore_refuses_a_file_that_is_not_a_backup(workspace, tmp_path):
    make_survey(workspace)
    bogus = tmp_path / "holiday.sqlite3"
    bogus.write_bytes(b"not sqlite at all" * 200)
    with pytest.raises(ValueError, match="not a readable Koe backup"):
        workspace.restore(bogus)
    assert len(survey_store.list_all(workspace.db())) == 1
