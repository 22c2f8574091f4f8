"""Many respondents at once: every page of every answer is stored, none sees an error page.

A busy Saturday: 64 people answer the same two-page survey (the score, then
the comment worded by it) at the same moment, each with their own browser
session, against the real uvicorn server. SQLite has one writer at a time;
every write transaction takes the write lock at its start and waits its
turn, so no post is refused with "database is locked".
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import sqlite3
from collections import Counter

import httpx
import pytest

from storage import database, logfile
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import writing
from storage.workspace import Workspace
from tests.conftest import make_survey
from tests.web.conftest import BUSINESS, Site, form_action, form_token, stored

RESPONDENTS = 64


async def _respond(base: str, slug: str, number: int, statuses: Counter[int]) -> None:
    """One person: open the link, post a score, then the comment on the next page."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        page = await client.get(f"/s/{slug}")
        statuses[page.status_code] += 1
        first = await client.post(
            form_action(page.text),
            data={"nps": str(number % 11), "_csrf": form_token(page.text)},
        )
        statuses[first.status_code] += 1
        if first.status_code != 303:
            return
        second_page = await client.get(first.headers["location"])
        statuses[second_page.status_code] += 1
        second = await client.post(
            form_action(second_page.text),
            data={"reason": f"comment {number}", "_csrf": form_token(second_page.text)},
        )
        statuses[second.status_code] += 1


async def _crowd(base: str, slug: str) -> Counter[int]:
    statuses: Counter[int] = Counter()
    await asyncio.gather(*(_respond(base, slug, n, statuses) for n in range(RESPONDENTS)))
    return statuses


def test_64_respondents_posting_both_pages_at_once_all_stored(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", company=BUSINESS)
    # Everyone comes from 127.0.0.1 here; a real crowd comes from many addresses.
    settings_store.save(workspace.db(), rate_limit_per_minute=10_000)

    statuses = asyncio.run(_crowd(site.url, survey.slug))

    failed = {status: n for status, n in statuses.items() if not 200 <= status < 400}
    assert failed == {}, f"responses that were not 2xx/3xx: {failed}"
    rows = stored(workspace, survey)
    assert len(rows) == RESPONDENTS
    assert sorted(row["reason"] for row in rows) == sorted(
        f"comment {n}" for n in range(RESPONDENTS)
    )
    assert all(row["completed_at"] for row in rows)


def test_a_post_that_cannot_be_stored_keeps_what_was_typed(
    site: Site, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
):
    """The file stays locked longer than the busy timeout: a kind page, the comment kept."""
    # The server's connections are made on first use, after this: they wait 0.3 s, not 10.
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    survey = make_survey(workspace, "nps", company=BUSINESS)
    page = site.client.get(f"/s/{survey.slug}")
    blocker = sqlite3.connect(str(workspace.db_path))
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        posted = site.client.post(
            form_action(page.text),
            data={
                "nps": "3",
                "reason": "The queue was too long & slow",
                "_all": "1",
                "_csrf": form_token(page.text),
            },
            timeout=60,
        )
    finally:
        blocker.rollback()
        blocker.close()

    assert posted.status_code == 503
    assert posted.headers["retry-after"]
    assert "could not be saved" in posted.text
    assert "Server error" not in posted.text
    shown = re.search(r'<textarea[^>]*name="reason"[^>]*>(.*?)</textarea>', posted.text, re.S)
    assert shown and html.unescape(shown.group(1)) == "The queue was too long & slow"
    assert re.search(r'name="nps" value="3" checked', posted.text)
    assert stored(workspace, survey) == []

    # Sent again once the file is free, the same page stores the answer.
    again = site.client.post(
        form_action(posted.text),
        data={
            "nps": "3",
            "reason": "The queue was too long & slow",
            "_all": "1",
            "_csrf": form_token(posted.text),
        },
    )
    assert again.status_code == 303
    assert [row["reason"] for row in stored(workspace, survey)] == ["The queue was too long & slow"]


def test_writing_waits_for_the_lock_instead_of_failing(workspace: Workspace):
    """A transaction that reads then writes is not refused when another writer committed."""
    db = workspace.db()
    other = sqlite3.connect(str(workspace.db_path), timeout=10)
    try:
        with writing(db):
            db.execute("SELECT count(*) FROM settings").fetchall()
            # Another connection cannot slip a commit in between: it waits for us.
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("PRAGMA busy_timeout = 50")
                other.execute("BEGIN IMMEDIATE")
            settings_store.save(db, business_name="Inside")
    finally:
        other.close()
    assert settings_store.load(db).business_name == "Inside"


def test_an_unhandled_error_is_logged_with_its_traceback(
    site: Site, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
):
    """The respondent sees a plain page; support finds the traceback in logs/koe.log."""
    log_path = logfile.configure(workspace.log_dir)
    survey = make_survey(workspace, "nps", company=BUSINESS)

    def broken(*_args: object) -> None:
        raise RuntimeError("the survey table is unreadable")

    monkeypatch.setattr(survey_store, "find_by_slug", broken)
    try:
        page = site.client.get(f"/s/{survey.slug}")
    finally:
        logging.getLogger().handlers[-1].flush()

    assert page.status_code == 500
    assert "Traceback" not in page.text and "unreadable" not in page.text
    # The test's own HTTP client logs the URL it asked for; the site's lines are the rest.
    logged = "\n".join(
        line for line in log_path.read_text(encoding="utf-8").splitlines() if "httpx" not in line
    )
    assert "Traceback (most recent call last)" in logged
    assert "RuntimeError: the survey table is unreadable" in logged
    assert f"GET /s/{survey.slug[:4]}…" in logged
    assert survey.slug not in logged  # a link's token is never logged whole
