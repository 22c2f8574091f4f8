"""A public host restored from its backup: the desktop still ends with every response once.

The restored host numbers its next changes again from where its backup
stopped, numbers the desktop's cursor already went past. It is restored in the
three ways it happens: Koe's own restore, an operator copying a backup file
over ``koe.sqlite3`` while ``serve`` is stopped, and a machine's snapshot
rolled back (the whole workspace folder, files beside the database included).
Each time the desktop must notice, publish again what the host lost, and pull
from the start without counting anything twice, replacing a newer answer by
an older one, or opting out again a customer the owner has opted back in.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import opt_outs
from storage import responses as response_store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.workspace import DB_NAME, Workspace
from tests.helpers import lift_opt_outs
from tests.sync.conftest import Desktop, Host, post_page
from tests.sync.test_sync import desktop_responses, host_responses, prepare
from web.sync.protocol import CHECKPOINT_HEADER, DESKTOP_HEADER

FINISHED_LATER = "Finished after the backup"


def record_on_the_host(host: Host, slug: str, label: str, count: int) -> None:
    """``count`` complete answers, each with its own comment, stored while the host is stopped."""
    with Workspace.open(host.folder) as workspace:
        db = workspace.db()
        survey = survey_store.find_by_slug(db, slug)
        assert survey is not None
        for n in range(count):
            response_store.record(
                db, survey, {"nps": n % 11, "reason": f"{label} {n}"}, language="en"
            )


def opt_outs_of(desktop: Desktop) -> list[tuple[str, str]]:
    """The opt-outs in force on the desktop: (contact's name, channel)."""
    with desktop.read() as workspace:
        db = workspace.db()
        return [
            (row["name"], channel)
            for row in db.query("SELECT id, name FROM contacts ORDER BY name")
            for channel in ("email", "sms")
            if opt_outs.is_opted_out(db, row["id"], channel)
        ]


# --- the three ways a host goes back: each takes a backup, and later restores it ---------


def koe_restore(host: Host) -> Callable[[], None]:
    with Workspace.open(host.folder) as workspace:
        backup = workspace.back_up_now()

    def restore() -> None:
        with Workspace.open(host.folder) as workspace:
            workspace.restore(backup)

    return restore


def file_copied_by_hand(host: Host) -> Callable[[], None]:
    with Workspace.open(host.folder) as workspace:
        backup = workspace.back_up_now()

    def restore() -> None:
        live = host.folder / DB_NAME
        for leftover in (Path(f"{live}-wal"), Path(f"{live}-shm")):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, live)

    return restore


def snapshot_rolled_back(host: Host) -> Callable[[], None]:
    snapshot = host.folder.with_name("snapshot")
    shutil.copytree(host.folder, snapshot)

    def restore() -> None:
        shutil.rmtree(host.folder)
        shutil.copytree(snapshot, host.folder)

    return restore


@pytest.mark.parametrize("going_back", [koe_restore, file_copied_by_hand, snapshot_rolled_back])
def test_every_response_once_after_the_host_is_restored_from_its_backup(
    host: Host, desktop: Desktop, going_back: Callable[[Host], Callable[[], None]]
):
    survey, tokens = prepare(desktop, people=2)
    desktop.sync()
    with host.client() as browser:
        unsubscribed = post_page(browser, f"/u/{tokens[0]}", {})
        assert unsubscribed.status_code in (200, 303)
        scored = post_page(browser, f"/r/{tokens[1]}", {"nps": "3"})
        assert scored.status_code == 303
    host.stop()
    record_on_the_host(host, survey.slug, "before the backup", 30)
    host.start()
    desktop.sync()
    assert opt_outs_of(desktop) == [("Customer 0", "email")]

    host.stop()
    restore = going_back(host)
    record_on_the_host(host, survey.slug, "after the backup", 20)
    host.start()
    with host.client() as browser:
        # The partial answer of before the backup is finished now.
        finished = post_page(browser, scored.headers["location"], {"reason": FINISHED_LATER})
        assert finished.status_code == 303
    with desktop.open() as workspace:
        db = workspace.db()
        (customer,) = db.execute("SELECT id FROM contacts WHERE name = 'Customer 0'").fetchone()
        lift_opt_outs(db, customer)
        assert survey.id is not None
        late = delivery_store.create(
            db, survey_id=survey.id, token=new_token(), channel="email"
        ).token
    synced = desktop.sync()
    assert "1 delivery token(s)" in synced.stdout
    assert "pulled 20 new response(s), 1 updated" in synced.stdout
    seen_before_restore = host_responses(host)
    assert len(seen_before_restore) == 51

    host.stop()
    restore()
    # The restored host numbers its new changes again from where its backup stopped.
    record_on_the_host(host, survey.slug, "after the restore", 40)
    host.start()
    restored = host_responses(host)
    assert len(restored) == 71
    with host.client() as browser:
        assert browser.get(f"/r/{late}").status_code == 404  # the host lost it

    result = desktop.sync()

    assert "had gone back" in result.stdout
    assert "pulled 40 new response(s), 0 updated" in result.stdout
    pulled = desktop_responses(desktop)
    # Every response once: the 51 seen before the restore, as they were last seen
    # (the finished answer too, though the restored host has it unfinished), and
    # the 40 new ones.
    assert pulled == {**restored, **seen_before_restore}
    assert len(pulled) == 91
    with desktop.read() as workspace:
        counts = workspace.db().execute("SELECT count(*), count(DISTINCT uid) FROM responses")
        assert counts.fetchone() == (91, 91)
    (finished_answer,) = [r for r in pulled.values() if r["channel"] == "email"]
    assert finished_answer["answers"] == {
        "nps": (3, None, None),
        "reason": (None, FINISHED_LATER, None),
    }
    assert finished_answer["completed_at"] is not None
    # The unsubscribe the restored host hands out again does not undo the owner's choice.
    assert opt_outs_of(desktop) == []
    # What the host lost was published again: the late customer's link works.
    with host.client() as browser:
        assert browser.get(f"/r/{late}").status_code == 200

    again = desktop.sync()
    assert "pulled 0 new response(s), 0 updated, 0 unsubscribe(s)" in again.stdout
    assert "had gone back" not in again.stdout
    assert desktop_responses(desktop) == pulled


def test_a_step_showing_a_checkpoint_the_host_does_not_hold_is_refused(host: Host):
    """What a host answers a desktop whose last checkpoint its file does not hold."""
    desktop_id, unknown = "d" * 32, "0" * 32
    with host.client() as client:
        first = client.get(
            "/api/sync/v1/changes", headers={**host.headers(), DESKTOP_HEADER: desktop_id}
        )
        handed = first.json()["checkpoint"]
        shown = {**host.headers(), DESKTOP_HEADER: desktop_id, CHECKPOINT_HEADER: handed}
        known = client.get("/api/sync/v1/status", headers=shown)
        stale = {**shown, CHECKPOINT_HEADER: unknown}
        status = client.get("/api/sync/v1/status", headers=stale)
        refused = client.put("/api/sync/v1/site", json={"business_name": "Later"}, headers=stale)
        malformed = client.get(
            "/api/sync/v1/status", headers={**host.headers(), DESKTOP_HEADER: "me"}
        )

    assert first.status_code == 200 and len(handed) == 32
    assert known.json()["checkpoint_known"] is True
    assert status.status_code == 200 and status.json()["checkpoint_known"] is False
    assert refused.status_code == 409 and refused.json()["error"] == "checkpoint"
    assert malformed.status_code == 400 and malformed.json()["error"] == "bad_request"
    with host.read() as workspace:
        assert settings_store.load(workspace.db()).business_name != "Later"  # nothing done
