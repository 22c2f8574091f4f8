"""Backups: daily rotation, manual copies, and restore."""

from datetime import date, timedelta

import pytest
from sqlite_utils import Database

from storage import backups
from storage import surveys as survey_store
from tests.conftest import make_survey


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


def test_daily_backups_keep_the_last_seven(workspace):
    start = date(2026, 11, 1)
    for day in range(10):
        assert backups.take_daily(
            workspace.db(), workspace.backup_dir, today=start + timedelta(days=day)
        )
    # a second run the same day takes nothing
    assert (
        backups.take_daily(workspace.db(), workspace.backup_dir, today=start + timedelta(days=9))
        is None
    )
    names = sorted(p.name for p in workspace.backup_dir.glob("daily-*"))
    assert len(names) == 7
    assert names[0].startswith("daily-20261104")
    assert names[-1].startswith("daily-20261110")


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
