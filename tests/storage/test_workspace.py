"""The workspace file: created, reopened, migrated with a backup, never damaged."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from storage import schema
from storage import surveys as survey_store
from storage.workspace import (
    Workspace,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceMissing,
    WorkspaceTooNew,
    resolve_data_dir,
)
from tests.conftest import make_survey

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
    with pytest.raises(WorkspaceError, match="damaged or is not a Koe workspace"):
        Workspace.open(workspace_dir)
    assert (workspace_dir / "koe.sqlite3").read_bytes().startswith(b"this is a spreadsheet")


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
