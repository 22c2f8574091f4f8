"""A sync cut short by SIGKILL, of the host or of the desktop, resumes and loses nothing.

The host holds a couple of thousand responses; the desktop pulls them ten at a
time, and one side is killed once some pages are stored. After a restart the
next sync finishes, and the desktop's responses are exactly the host's: every
change once, none twice, none missing, the ones changed meanwhile up to date.
"""

from __future__ import annotations

import subprocess
import time

from channels.links import new_token
from storage import responses as response_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.sync.conftest import ROOT, SYNC_TIMEOUT, Desktop, Host, child_env
from tests.sync.test_sync import desktop_responses, host_responses

RESPONSES = 2000
PAGE = "10"


def seed_host(host: Host, desktop: Desktop) -> str:
    """Publish a survey, then give the host RESPONSES answers, a third of them partial."""
    with desktop.open() as workspace:
        survey = make_survey(workspace, "nps", languages=("en", "ja"))
    desktop.sync()
    host.stop()
    with Workspace.open(host.folder) as workspace:
        db = workspace.db()
        published = survey_store.find_by_slug(db, survey.slug)
        assert published is not None
        for n in range(RESPONSES):
            answers = {"nps": n % 11}
            if n % 3:
                answers["reason"] = f"reason {n} – 理由"
            response_store.record(
                db,
                published,
                answers,
                language=("en", "ja")[n % 2],
                source=f"store-{n % 4}",
                resume_token=None if n % 3 else new_token(),
            )
    host.start()
    return survey.slug


def complete_on_the_host(host: Host, slug: str, uids: list[str]) -> None:
    """Finish these partial responses on the host, as their next pages would."""
    host.stop()
    with Workspace.open(host.folder) as workspace:
        db = workspace.db()
        survey = survey_store.find_by_slug(db, slug)
        assert survey is not None
        for uid in uids:
            (response_id,) = db.execute("SELECT id FROM responses WHERE uid = ?", [uid]).fetchone()
            response_store.add_answers(
                db, survey, response_id, {"reason": "finished later"}, complete=True
            )
    host.start()


def start_sync(desktop: Desktop) -> subprocess.Popen[str]:
    return subprocess.Popen(
        desktop.sync_command("--page-size", PAGE),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )


def wait_for_some_pages(desktop: Desktop, sync: subprocess.Popen[str], pages: int = 3) -> int:
    """Wait until the running sync has stored a few pages (its cursor moved); return it."""
    deadline = time.monotonic() + SYNC_TIMEOUT
    while True:
        assert sync.poll() is None, "the sync finished before it could be interrupted"
        cursor = desktop.cursor()
        if cursor >= pages * int(PAGE):
            return cursor
        assert time.monotonic() < deadline, "the sync stored no page"
        time.sleep(0.01)


def test_host_killed_in_the_middle_of_a_sync_then_restarted(host: Host, desktop: Desktop):
    slug = seed_host(host, desktop)
    sync = start_sync(desktop)
    try:
        wait_for_some_pages(desktop, sync)
        host.kill()
        _, errors = sync.communicate(timeout=SYNC_TIMEOUT)
    finally:
        if sync.poll() is None:
            sync.kill()
            sync.communicate()

    assert sync.returncode == 1
    assert "cut off" in errors or "Could not reach" in errors, errors
    assert "Traceback" not in errors
    before = desktop_responses(desktop)
    assert 0 < len(before) < RESPONSES

    host.start()
    # Meanwhile some partial answers the desktop has pulled are finished on the host.
    partial = [uid for uid, response in before.items() if response["completed_at"] is None]
    assert partial
    complete_on_the_host(host, slug, partial)
    finished = desktop.sync("--page-size", PAGE)

    expected = f"pulled {RESPONSES - len(before)} new response(s), {len(partial)} updated"
    assert expected in finished.stdout
    assert "had gone back" not in finished.stdout  # resumed, not started afresh
    assert desktop_responses(desktop) == host_responses(host)
    with desktop.read() as workspace:
        uids = workspace.db().execute("SELECT count(DISTINCT uid), count(*) FROM responses")
        assert uids.fetchone() == (RESPONSES, RESPONSES)


def test_desktop_killed_in_the_middle_of_a_sync_resumes(host: Host, desktop: Desktop):
    seed_host(host, desktop)
    sync = start_sync(desktop)
    try:
        wait_for_some_pages(desktop, sync)
        sync.kill()
        sync.communicate(timeout=SYNC_TIMEOUT)
    finally:
        if sync.poll() is None:
            sync.kill()
            sync.communicate()
    cursor = desktop.cursor()
    stored = len(desktop_responses(desktop))
    assert 0 < stored < RESPONSES

    finished = desktop.sync()

    # What was stored with its cursor is not asked for again; the rest arrives once.
    assert f"pulled {RESPONSES - stored} new response(s), 0 updated" in finished.stdout
    # The page whose answer was lost with the desktop is not taken for a host gone back.
    assert "had gone back" not in finished.stdout
    assert desktop.cursor() > cursor
    assert desktop_responses(desktop) == host_responses(host)


def test_a_desktop_away_for_days_catches_up_in_one_sync(host: Host, desktop: Desktop):
    seed_host(host, desktop)

    caught_up = desktop.sync()

    assert f"pulled {RESPONSES} new response(s)" in caught_up.stdout
    assert desktop_responses(desktop) == host_responses(host)
