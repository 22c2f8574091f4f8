"""A response the owner deletes on the desktop (a customer's request) never comes back from the
public host: the host is told to delete its copy at the next sync, and a pull skips it whatever
the host still holds (a host too old to delete it, a full pull from the start)."""

from __future__ import annotations

import sys
from pathlib import Path

from storage import responses
from storage import sync as sync_store
from tests.sync.conftest import KEY, Desktop, Host, Tls, post_page
from tests.sync.test_sync import desktop_responses, host_responses, prepare

# `main.py serve` as a Koe whose sync protocol is 1.1: it knows no deleting.
HOST_OF_VERSION_1_1 = (
    "import sys; import web.sync.protocol as p; p.PROTOCOL_VERSION = '1.1'; "
    "from main import main; sys.exit(main(['main.py', *sys.argv[1:]]))"
)
ASKED = "Please delete my answer"


def answer_twice(host: Host, tokens: list[str]) -> None:
    with host.client() as browser:
        post_page(browser, f"/r/{tokens[0]}", {"nps": "2", "reason": ASKED})
        post_page(browser, f"/r/{tokens[1]}", {"nps": "9", "reason": "Lovely"})


def delete_the_detractor(desktop: Desktop) -> str:
    with desktop.open() as workspace:
        db = workspace.db()
        rid, uid = db.execute(
            "SELECT r.id, r.uid FROM responses r JOIN answers a ON a.response_id = r.id"
            " WHERE a.value_text = ?",
            [ASKED],
        ).fetchone()
        responses.delete(db, rid)
    return uid


def pull_everything_again(desktop: Desktop) -> None:
    with desktop.open() as workspace:
        sync_store.save_state(workspace.db(), cursor=0)


def texts(found: dict[str, dict]) -> set[str]:
    return {r["answers"]["reason"][1] for r in found.values()}


def test_the_host_deletes_it_too_and_no_pull_brings_it_back(host: Host, desktop: Desktop):
    _survey, tokens = prepare(desktop)
    desktop.sync()
    answer_twice(host, tokens)
    desktop.sync()
    assert texts(desktop_responses(desktop)) == {ASKED, "Lovely"}

    uid = delete_the_detractor(desktop)
    told = desktop.sync()

    assert "1 response(s) deleted here were deleted on the host too" in told.stdout
    assert uid not in host_responses(host)
    assert texts(host_responses(host)) == texts(desktop_responses(desktop)) == {"Lovely"}
    pull_everything_again(desktop)
    again = desktop.sync()
    assert "deleted on the host too" not in again.stdout  # told once
    assert texts(desktop_responses(desktop)) == {"Lovely"}


def test_a_host_too_old_to_delete_keeps_it_but_the_desktop_never_takes_it_back(
    tmp_path: Path, tls: Tls
):
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY, encoding="utf-8")
    old = Host(tmp_path / "host", tls, key_file, tmp_path / "host.log")
    old.python_prefix = [sys.executable, "-c", HOST_OF_VERSION_1_1]
    old.start()
    try:
        desktop = Desktop(tmp_path / "desktop", old)
        _survey, tokens = prepare(desktop)
        desktop.sync()
        answer_twice(old, tokens)
        desktop.sync()
        uid = delete_the_detractor(desktop)

        synced = desktop.sync()
        pull_everything_again(desktop)
        pulled_again = desktop.sync()

        assert "older Koe that cannot delete the responses deleted here" in synced.stdout
        assert "Update Koe on the host" in synced.stdout
        assert uid in host_responses(old)  # still there: the host could not be told
        assert "pulled 0 new response(s)" in pulled_again.stdout
        assert texts(desktop_responses(desktop)) == {"Lovely"}
    finally:
        old.stop()


def test_answers_given_on_the_host_are_tied_to_the_wording_they_were_given_to(
    host: Host, desktop: Desktop
):
    from storage import surveys as survey_store
    from surveys.text import LocalText

    survey, tokens = prepare(desktop)
    desktop.sync()
    with host.client() as browser:
        post_page(browser, f"/r/{tokens[0]}", {"nps": "8"})
    desktop.sync()
    with desktop.open() as workspace:  # a correction, now that the question has answers
        db = workspace.db()
        corrected = survey_store.get(db, survey.id)
        text = (
            corrected.questions[0]
            .text["en"]
            .replace("friend or colleague", "friend or a colleague")
        )
        corrected.questions[0].text = LocalText(corrected.questions[0].text, en=text)
        survey_store.update(db, corrected)
    desktop.sync()  # publishes the new wording
    with host.client() as browser:
        page = browser.get(f"/r/{tokens[1]}")
        assert "friend or a colleague" in page.text
        post_page(browser, f"/r/{tokens[1]}", {"nps": "6"})
    desktop.sync()

    with desktop.read() as workspace:
        rows = (
            workspace.db()
            .execute(
                "SELECT a.value_num, a.wording FROM answers a JOIN questions q"
                " ON q.id = a.question_id WHERE q.qid = 'nps' ORDER BY a.value_num"
            )
            .fetchall()
        )
    assert rows == [(6, 2), (8, 1)]
