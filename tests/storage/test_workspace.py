"""The workspace file: created, reopened, migrated with a backup, never damaged."""

import hashlib
import shutil
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from storage import schema
from storage import surveys as survey_store
from storage import sync as sync_store
from storage.workspace import (
    Workspace,
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceMissing,
    WorkspaceTooNew,
    resolve_data_dir,
    restore_backup,
)
from tests.conftest import make_survey
from tests.damaged_files import DAMAGE_KINDS, damage
from tests.damaged_files import digest as file_digest
from tests.small_disk import python_on_small_disk

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fresh_workspace_has_the_schema_in_wal_mode(workspace):
    db = workspace.db()
    assert {
        "surveys",
        "questions",
        "contacts",
        "campaigns",
        "deliveries",
        "outbox",
        "responses",
        "answers",
        "settings",
    } <= set(db.table_names())
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_keeps_the_data_and_takes_no_backup(workspace_dir):
    with Workspace.open(workspace_dir) as ws:
        survey = make_survey(ws)
    with Workspace.open(workspace_dir) as ws:
        assert survey_store.get(ws.db(), survey.id).slug == survey.slug
        assert not list(ws.backup_dir.glob("before-migration-*"))


def test_foreign_keys_protect_answers(workspace, nps_survey):
    with pytest.raises(sqlite3.IntegrityError):
        workspace.db().execute(
            "INSERT INTO answers (response_id, question_id, value_num) VALUES (999, 1, 5)"
        )


def test_a_workspace_opened_on_one_thread_is_let_go_on_another(workspace_dir):
    # The desktop opens its workspace off the GUI thread and closes it on the GUI thread.
    opened: list[Workspace] = []
    opener = threading.Thread(target=lambda: opened.append(Workspace.open(workspace_dir)))
    opener.start()
    opener.join()
    with pytest.raises(WorkspaceLocked):  # held for the whole process, not one thread
        Workspace.open(workspace_dir)
    opened[0].close()
    Workspace.open(workspace_dir).close()  # the lock was released


def test_the_lock_refuses_a_second_writer(workspace_dir):
    with Workspace.open(workspace_dir):
        with pytest.raises(WorkspaceLocked, match="Another Koe"):
            Workspace.open(workspace_dir)
        # and from another process, as a second app or `serve` would be
        code = (
            "import sys; from pathlib import Path; from storage.workspace import Workspace\n"
            "try:\n    Workspace.open(Path(sys.argv[1]))\n"
            "except Exception as e:\n    print(type(e).__name__); sys.exit(3)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code, str(workspace_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 3, result.stderr
        assert result.stdout.strip() == "WorkspaceLocked"
    # released when the first one closes
    Workspace.open(workspace_dir).close()


def test_read_only_opens_beside_a_writer(workspace_dir):
    with Workspace.open(workspace_dir) as writer:
        make_survey(writer)
        reader = Workspace.open_read_only(workspace_dir)
        assert len(survey_store.list_all(reader.db())) == 1
        with pytest.raises(sqlite3.OperationalError):
            reader.db().execute("DELETE FROM surveys")
        reader.close()


def test_read_only_refuses_a_missing_workspace(tmp_path):
    with pytest.raises(WorkspaceMissing):
        Workspace.open_read_only(tmp_path / "nothing")


def test_a_newer_file_is_refused_and_left_untouched(workspace_dir):
    with Workspace.open(workspace_dir) as ws:
        make_survey(ws)
        ws.db().execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
            " VALUES ('koe', '9999_from_the_future', '2030-01-01')"
        )
    db_file = workspace_dir / "koe.sqlite3"
    before = digest(db_file)
    with pytest.raises(WorkspaceTooNew, match="newer version of Koe"):
        Workspace.open(workspace_dir)
    with pytest.raises(WorkspaceTooNew):
        Workspace.open_read_only(workspace_dir)
    assert digest(db_file) == before


def test_a_file_that_is_not_a_database_is_refused(workspace_dir):
    workspace_dir.mkdir()
    (workspace_dir / "koe.sqlite3").write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(WorkspaceError, match="not a SQLite database"):
        Workspace.open(workspace_dir)
    assert (workspace_dir / "koe.sqlite3").read_bytes().startswith(b"this is a spreadsheet")


def backup_instance_id(path: Path) -> str:
    db = Database(path)
    try:
        return sync_store.instance_id(db)
    finally:
        db.close()


def damaged_workspace_with_backups(folder: Path, kind: str) -> tuple[Path, Path, int]:
    """A workspace with a survey and a good backup, a newer backup that is itself
    damaged, then its file damaged in ``kind``; returns (file, the good backup, survey id)."""
    with Workspace.open(folder) as ws:
        survey = make_survey(ws)
        sync_store.instance_id(ws.db())
        good = ws.back_up_now()
    later = datetime.now() + timedelta(hours=1)
    bad = good.with_name(f"manual-{later:%Y%m%d-%H%M%S}.sqlite3")
    shutil.copyfile(good, bad)
    bad.write_bytes(bad.read_bytes()[:5000])  # a copy cut short: not "good"
    path = folder / "koe.sqlite3"
    damage(path, kind)
    return path, good, survey.id


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_a_damaged_file_is_refused_untouched_naming_the_newest_good_backup(workspace_dir, kind):
    path, good, _ = damaged_workspace_with_backups(workspace_dir, kind)
    before = file_digest(path)
    for opening in (Workspace.open, Workspace.open_read_only):
        with pytest.raises(WorkspaceDamaged) as refused:
            opening(workspace_dir)
        sentence = str(refused.value)
        assert "\n" not in sentence
        assert str(path) in sentence and "left it as it is" in sentence
        assert f"the newest good backup is {good}" in sentence
        assert f"main.py backups restore --data-dir {workspace_dir}" in sentence
        assert refused.value.backup.path == good
    assert file_digest(path) == before  # untouched, and no new workspace made over it
    assert not (workspace_dir / "koe.sqlite3.new").exists()


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_restoring_over_a_damaged_file_keeps_it_and_brings_the_data_back(workspace_dir, kind):
    path, good, survey_id = damaged_workspace_with_backups(workspace_dir, kind)
    before = file_digest(path)
    restored = restore_backup(workspace_dir)
    assert restored.backup == good
    assert restored.kept.name.startswith("koe.sqlite3.damaged-")
    assert file_digest(restored.kept) == before  # set aside, never deleted
    with Workspace.open(workspace_dir) as ws:
        assert survey_store.get(ws.db(), survey_id).id == survey_id
        # Its change numbers went back: a desktop synced with it must start afresh.
        assert sync_store.instance_id(ws.db()) != backup_instance_id(good)


def test_without_a_good_backup_the_sentence_says_how_to_restore_a_copy_kept_elsewhere(
    workspace_dir,
):
    workspace_dir.mkdir()
    (workspace_dir / "koe.sqlite3").write_bytes(b"")
    with pytest.raises(WorkspaceDamaged) as refused:
        Workspace.open(workspace_dir)
    assert "is empty (0 bytes)" in str(refused.value)
    assert "no good backup" in str(refused.value)
    assert "backups restore --data-dir" in str(refused.value) and "FILE" in str(refused.value)
    assert (workspace_dir / "koe.sqlite3").read_bytes() == b""


def test_a_new_workspace_is_made_whole_or_not_at_all(workspace_dir):
    with Workspace.open(workspace_dir) as ws:
        assert "surveys" in ws.db().table_names()
    assert sorted(p.name for p in workspace_dir.iterdir() if p.name.startswith("koe.sqlite3")) == [
        "koe.sqlite3"
    ]


NEW_WORKSPACE_ON_A_FULL_DISK = """
import os, sys
from pathlib import Path
from storage.workspace import Workspace, WorkspaceError
folder = Path(sys.argv[1]) / "workspace"
try:
    Workspace.open(folder).close()
    print("opened")
except WorkspaceError as error:
    print(error)
print(sorted(os.listdir(folder)))
"""


def test_a_full_disk_when_making_a_workspace_is_said_and_leaves_no_empty_file(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    result = python_on_small_disk(disk, 32, NEW_WORKSPACE_ON_A_FULL_DISK, str(disk))
    assert result.returncode == 0, result.stderr
    message, listing = result.stdout.strip().splitlines()
    assert message.startswith("The disk is full"), message
    assert "damaged" not in message
    assert "koe.sqlite3" not in listing  # nothing a later open would take for a workspace


def test_a_foreign_database_is_refused(workspace_dir):
    workspace_dir.mkdir()
    foreign = Database(workspace_dir / "koe.sqlite3")
    foreign["invoices"].insert({"id": 1, "total": 100})
    foreign.close()
    with pytest.raises(WorkspaceError, match="tables Koe did not make"):
        Workspace.open(workspace_dir)


def test_a_migration_backs_the_file_up_first(workspace_dir, monkeypatch):
    with Workspace.open(workspace_dir) as ws:
        survey = make_survey(ws)

    def add_note_column(db):
        db.execute("ALTER TABLE surveys ADD COLUMN note TEXT")

    future = schema.migrations._Migration("0002_test_note", add_note_column)
    monkeypatch.setattr(schema.migrations, "_migrations", [*schema.migrations._migrations, future])

    with Workspace.open(workspace_dir) as ws:
        assert "note" in ws.db()["surveys"].columns_dict
        last = schema.known_migrations()[-2]  # the newest before the one added here
        backups = list(ws.backup_dir.glob(f"before-migration-{last}-*.sqlite3"))
        assert len(backups) == 1
        # The backup is the file as it was: the old schema, with the data.
        old = Database(backups[0])
        assert "note" not in old["surveys"].columns_dict
        assert [r["slug"] for r in old["surveys"].rows] == [survey.slug]
        old.close()


def test_a_failing_migration_changes_nothing(workspace_dir, monkeypatch):
    with Workspace.open(workspace_dir) as ws:
        make_survey(ws)

    def broken(db):
        db.execute("ALTER TABLE surveys ADD COLUMN half_done TEXT")
        raise RuntimeError("disk full halfway")

    future = schema.migrations._Migration("0002_broken", broken)
    monkeypatch.setattr(schema.migrations, "_migrations", [*schema.migrations._migrations, future])
    with pytest.raises(RuntimeError):
        Workspace.open(workspace_dir)
    monkeypatch.undo()
    with Workspace.open(workspace_dir) as ws:
        assert "half_done" not in ws.db()["surveys"].columns_dict
        assert len(survey_store.list_all(ws.db())) == 1


def test_data_dir_comes_from_the_option_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("KOE_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv("KOE_DATA_DIR")
    assert resolve_data_dir(None).name == "Koe"
