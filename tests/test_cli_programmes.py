"""``contacts events import`` and ``programmes list`` run as a user or a script would."""

from __future__ import annotations

from datetime import UTC, datetime

from storage import contact_events
from storage import contacts as contact_store
from storage import programmes as store
from storage.workspace import Workspace
from surveys.programmes import Programme
from tests.conftest import make_survey
from tests.test_cli import koe

EVENTS = (
    "電話番号,イベント,日時\r\n"
    "090-1234-5678,サポート完了,2026/11/30 15:20\r\n"
    "taro@example.jp,purchase,2026-11-29\r\n"
)


def _workspace(folder) -> None:
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        contact_store.add(db, name="山田 太郎", phone="+819012345678", email="taro@example.jp")
        survey = make_survey(workspace, "csat")
        store.create(
            db,
            Programme(
                survey_id=survey.id,
                name="After support",
                kind="event",
                event_name="サポート完了",
                delay_hours=2,
                starts_at=datetime(2026, 11, 1, tzinfo=UTC),
            ),
        )


def test_events_import_then_programmes_list(tmp_path):
    folder = tmp_path / "ws"
    _workspace(folder)
    source = tmp_path / "events.csv"
    source.write_bytes(EVENTS.encode("cp932"))
    result = koe("contacts", "events", "import", "--data-dir", str(folder), str(source))
    # The phone column holds an email on row 3: no contact has that phone number.
    assert result.stdout == "1 events added, 0 already known, 1 rows name no contact\n"
    assert result.stderr == "row 3: no contact with this phone, email or customer id\n"
    again = koe("contacts", "events", "import", "--data-dir", str(folder), str(source))
    assert again.stdout == "0 events added, 1 already known, 1 rows name no contact\n"
    with Workspace.open(folder) as workspace:
        stored = contact_events.named(
            workspace.db(), "サポート完了", datetime(2026, 1, 1, tzinfo=UTC)
        )
        assert [e.occurred_at for e in stored] == [datetime(2026, 11, 30, 6, 20, tzinfo=UTC)]

    listed = koe("programmes", "list", "--data-dir", str(folder)).stdout.splitlines()
    # Not sent yet (no sender ran): its next send is two hours after the event.
    assert listed == ["1\tevent\tactive\tAfter support\t0\t0\t-\t0\t2026-11-30T08:20:00+00:00"]


def test_a_file_with_bad_rows_stores_nothing(tmp_path):
    folder = tmp_path / "ws"
    _workspace(folder)
    source = tmp_path / "events.csv"
    source.write_text(
        "email,event,date\n"
        "taro@example.jp,purchase,2026-11-29\n"
        "taro@example.jp,,2026-11-29\n"
        "nobody@example.jp,purchase,yesterday\n",
        encoding="utf-8",
    )
    result = koe(
        "contacts", "events", "import", "--data-dir", str(folder), str(source), check=False
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "row 3: no event name",
        "row 4: not a date: 'yesterday'",
        "events.csv: nothing imported: 2 bad rows",
    ]
    with Workspace.open(folder) as workspace:
        assert contact_events.names(workspace.db()) == []


def test_a_file_without_the_columns_is_refused_in_one_line(tmp_path):
    folder = tmp_path / "ws"
    _workspace(folder)
    source = tmp_path / "list.csv"
    source.write_text("name,notes\nTaro,hello\n", encoding="utf-8")
    result = koe(
        "contacts", "events", "import", "--data-dir", str(folder), str(source), check=False
    )
    assert result.returncode == 1
    assert result.stderr == (
        "koe: list.csv: The header lacks a contact column (phone, email or customer id),"
        " an event column and a date column.\n"
    )
