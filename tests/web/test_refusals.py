"""What the site refuses, kindly: unknown links, closed surveys, malformed and oversized posts.

Every refusal must store nothing.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest

from channels.links import new_token
from storage import deliveries as delivery_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey, SurveyStatus
from tests.conftest import make_survey
from tests.web.conftest import Site, answer, checked, form_action, stored, textarea
from web.middleware import DRAIN_BYTES

COMMENT = "待ち時間が長かったです — the wait was long"


@pytest.mark.parametrize("slug", ["NoSuchSurvey1", "abc", "x" * 80, "%3Cscript%3E"])
def test_unknown_public_link_gets_a_friendly_404(site: Site, slug: str):
    page = site.client.get(f"/s/{slug}")

    assert page.status_code == 404
    assert "Survey not found" in page.text
    assert "check the link" in page.text


def test_not_found_page_speaks_the_browser_language(site: Site):
    page = site.client.get("/s/NoSuchSurvey1", headers={"accept-language": "ja-JP"})

    assert page.status_code == 404
    assert '<html lang="ja">' in page.text
    assert "アンケートが見つかりません" in page.text


def test_unknown_and_tampered_tokens_get_a_friendly_404(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    assert nps_survey.id is not None
    token = new_token()
    delivery_store.create(workspace.db(), survey_id=nps_survey.id, token=token, channel="sms")
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    for link in (f"/r/{new_token()}", f"/r/{tampered}", "/r/short", f"/r/{token}!"):
        page = site.client.get(link)
        assert page.status_code == 404, link
        assert "Survey not found" in page.text
    posted = site.client.post(f"/r/{tampered}", data={"nps": "9"})
    assert posted.status_code == 404
    assert stored(workspace, nps_survey) == []


def test_draft_survey_is_not_found(site: Site, workspace: Workspace):
    draft = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)

    assert site.client.get(f"/s/{draft.slug}").status_code == 404
    assert site.client.post(f"/s/{draft.slug}", data={"nps": "9"}).status_code == 404
    assert stored(workspace, draft) == []


def test_closed_survey_says_so_and_stores_nothing(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("ja", "en"), status=SurveyStatus.CLOSED)

    page = site.client.get(f"/s/{survey.slug}")
    posted = site.client.post(f"/s/{survey.slug}", data={"nps": "9"})

    assert page.status_code == 410
    assert "このアンケートは終了しました" in page.text
    assert "<form" not in page.text
    assert posted.status_code == 410
    assert stored(workspace, survey) == []


def test_survey_past_its_end_date_is_closed(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    assert survey.id is not None
    yesterday = datetime.now(UTC) - timedelta(days=1)
    survey_store.set_status(workspace.db(), survey.id, SurveyStatus.OPEN, closes_at=yesterday)

    page = site.client.get(f"/s/{survey.slug}")
    posted = site.client.post(f"/s/{survey.slug}?lang=en", data={"nps": "9"})

    assert page.status_code == 410
    assert "This survey has closed" in page.text
    assert posted.status_code == 410
    assert stored(workspace, survey) == []


def test_survey_before_its_end_date_is_open(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", status=SurveyStatus.DRAFT)
    assert survey.id is not None
    tomorrow = datetime.now(UTC) + timedelta(days=1)
    survey_store.set_status(workspace.db(), survey.id, SurveyStatus.OPEN, closes_at=tomorrow)

    assert answer(site.client, f"/s/{survey.slug}", {"nps": "9"}).status_code == 303


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"nps": "11", "reason": COMMENT}, "Please choose one of the numbers shown."),
        ({"nps": "-1", "reason": COMMENT}, "Please choose one of the numbers shown."),
        ({"nps": "abc", "reason": COMMENT}, "Please choose one of the numbers shown."),
        ({"nps": "9.5", "reason": COMMENT}, "Please choose one of the numbers shown."),
        ({"reason": COMMENT}, "Please choose a score."),
        ({"nps": "", "reason": COMMENT}, "Please choose a score."),
        ({"nps": "9", "reason": COMMENT, "admin": "1"}, "something we did not expect"),
        ({"nps": "9", "reason": COMMENT * 100}, "2000 characters or fewer"),
    ],
    ids=["eleven", "negative", "letters", "fraction", "missing", "blank", "unknown", "too-long"],
)
def test_malformed_answer_is_refused_and_the_comment_kept(
    site: Site, workspace: Workspace, nps_survey: Survey, fields: dict[str, str], message: str
):
    posted = answer(site.client, f"/s/{nps_survey.slug}", fields)

    assert posted.status_code == 400
    assert message in posted.text
    assert textarea(posted.text, "reason") == fields["reason"]
    assert "<form" in posted.text  # answer again on the same page
    assert stored(workspace, nps_survey) == []


def test_refused_answer_keeps_the_chosen_score(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps")
    # The score is fine, the comment too long: the score must not have to be chosen again.
    posted = answer(site.client, f"/s/{survey.slug}", {"nps": "7", "reason": "x" * 2001})

    assert posted.status_code == 400
    assert checked(posted.text, "nps") == ["7"]


def test_error_is_in_the_page_language(site: Site, workspace: Workspace):
    survey = make_survey(workspace, "nps", languages=("ja",))

    posted = answer(site.client, f"/s/{survey.slug}", {"nps": "99", "reason": COMMENT})

    assert posted.status_code == 400
    assert "表示されている数字からお選びください。" in posted.text


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        (json.dumps({"nps": 9, "reason": COMMENT}), "application/json"),
        ("nps=9&reason=%FF%FE", "application/x-www-form-urlencoded"),
        ("\x00\x01garbage;;==&&", "application/x-www-form-urlencoded"),
        ("nps=9&nps=3", "application/x-www-form-urlencoded"),
        ("nps=9", "text/plain"),
        ("nps=9", "application/x-www-form-urlencoded; charset=shift_jis"),
    ],
    ids=["json", "bad-utf8", "garbage", "twice", "text-plain", "other-charset"],
)
def test_unreadable_post_is_refused(
    site: Site, workspace: Workspace, nps_survey: Survey, content: str, content_type: str
):
    page = site.client.get(f"/s/{nps_survey.slug}")

    posted = site.client.post(
        form_action(page.text), content=content, headers={"content-type": content_type}
    )

    assert posted.status_code == 400
    assert "We could not read your answer" in posted.text
    assert stored(workspace, nps_survey) == []


def test_multipart_post_is_refused(site: Site, workspace: Workspace, nps_survey: Survey):
    posted = site.client.post(
        f"/s/{nps_survey.slug}", data={"nps": "9"}, files={"reason": ("a.txt", b"file")}
    )

    assert posted.status_code == 400
    assert stored(workspace, nps_survey) == []


def test_oversized_body_is_refused(site: Site, workspace: Workspace, nps_survey: Survey):
    body = "nps=9&reason=" + "a" * (70 * 1024)

    posted = site.client.post(
        f"/s/{nps_survey.slug}",
        content=body,
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert posted.status_code == 413
    assert "Your answer is too long" in posted.text
    assert posted.headers["x-content-type-options"] == "nosniff"
    assert stored(workspace, nps_survey) == []


def _exchange(
    url: str, request: bytes, body_chunks: Iterator[bytes]
) -> tuple[bytes, socket.socket]:
    """Sends a request the way a browser on a slow line does and reads the first response."""
    address = urlsplit(url)
    conn = socket.create_connection((address.hostname, address.port), timeout=10)
    conn.sendall(request)
    for chunk in body_chunks:
        conn.sendall(chunk)
    received = b""
    while b"</html>" not in received:
        data = conn.recv(65536)
        if not data:
            break
        received += data
    return received, conn


def test_a_3_mb_answer_gets_the_whole_page_and_the_connection_lives_on(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    # Closing while the phone (or Caddy) still sends makes it show a reset or a 502
    # instead of the page: the server reads the rest first.
    body = b"nps=9&reason=" + "待".encode() * 1_000_000
    head = (
        f"POST /s/{nps_survey.slug} HTTP/1.1\r\nHost: shop\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode()
    chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))
    received, conn = _exchange(site.url, head, chunks)
    with conn:
        assert received.startswith(b"HTTP/1.1 413")
        assert b"Your answer is too long" in received
        assert b"connection: close" not in received.lower()
        conn.sendall(f"GET /s/{nps_survey.slug} HTTP/1.1\r\nHost: shop\r\n\r\n".encode())
        assert conn.recv(65536).startswith(b"HTTP/1.1 200")
    assert stored(workspace, nps_survey) == []


def test_a_body_beyond_what_is_worth_reading_is_cut_off_at_once(site: Site, nps_survey: Survey):
    head = (
        f"POST /s/{nps_survey.slug} HTTP/1.1\r\nHost: shop\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {DRAIN_BYTES + 1}\r\n\r\n"
    ).encode()
    received, conn = _exchange(site.url, head, iter([b"nps=9&reason="]))
    with conn:
        assert received.startswith(b"HTTP/1.1 413")
        assert b"connection: close" in received.lower()


def test_oversized_body_without_length_is_refused(
    site: Site, workspace: Workspace, nps_survey: Survey
):
    def chunks() -> Iterator[bytes]:
        yield b"nps=9&reason="
        for _ in range(20):
            yield b"b" * 4096

    posted = site.client.post(
        f"/s/{nps_survey.slug}",
        content=chunks(),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert "content-length" not in posted.request.headers
    assert posted.status_code == 413
    assert stored(workspace, nps_survey) == []
