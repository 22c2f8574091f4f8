"""The invitation email as a customer reads it: sent through the outbox to a real SMTP
server (aiosmtpd), parsed with ``email.parser``, and drawn by Chromium in light and dark.

It asks the survey's own headline question in the recipient's language, with the
survey's own end labels, above its score buttons and before the sign-off; its plain
text part carries every link.
"""

from __future__ import annotations

import re
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from channels.links import new_token, personal_link, unsubscribe_link
from channels.outbox import Dispatcher, Timing
from storage import contacts as contact_store
from storage import deliveries
from storage import outbox as store
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys.campaign_plan import message_for
from surveys.campaigns import EMAIL, INVITATION, Contact, Decision
from surveys.messages import Templates
from surveys.model import Survey
from tests.channels.conftest import SmtpPeer
from tests.conftest import make_survey
from tests.web.conftest import browser  # noqa: F401 (the module's Chromium, a fixture)

PUBLIC_URL = "https://survey.example-shop.jp"
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0, status_every=0.0)
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "email"
# The end labels Koe used to print on every survey, whatever its scale said.
FIXED = ("Not at all likely", "Extremely likely", "まったくそう思わない", "非常にそう思う")


def invite_by_email(workspace: Workspace, survey: Survey, language: str) -> str:
    """Queue one invitation as a campaign writes it; returns the delivery's token."""
    db = workspace.db()
    settings_store.save(db, public_url=PUBLIC_URL, business_name="Cafe Koe")
    name = "山田花子" if language == "ja" else "Ann"
    address = f"{language}@example.jp"
    contact_id = contact_store.add(db, name=name, email=address, language=language)
    token = new_token()
    delivery = deliveries.create(
        db, survey_id=survey.id, token=token, channel="email", contact_id=contact_id
    )
    _, subject, body = message_for(
        Decision(Contact(contact_id, name, email=address, language=language), EMAIL, address),
        purpose=INVITATION,
        templates=Templates.defaults(),
        survey_languages=survey.languages,
        company="Cafe Koe",
        link=personal_link(PUBLIC_URL, token),
        unsubscribe=unsubscribe_link(PUBLIC_URL, token),
    )
    store.enqueue(
        db,
        channel="email",
        recipient=address,
        body=body,
        subject=subject,
        purpose="invitation",
        delivery_id=delivery.id,
    )
    return token


def send_all(workspace: Workspace, smtp: SmtpPeer) -> dict[str, Message]:
    Dispatcher(workspace.db_path, {"email": smtp.channel()}, timing=FAST).run_until_idle()
    return dict(smtp.sink.received)


def parts(mail: Message) -> tuple[str, str]:
    plain, html = (part.get_payload(decode=True).decode() for part in mail.get_payload())
    return plain.replace("\r\n", "\n"), html


class Buttons(HTMLParser):
    """The score buttons of an HTML email: (href, inline style, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self._open: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and "?score=" in (values.get("href") or ""):
            self._open = (values["href"] or "", values.get("style") or "")

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.found.append((*self._open, data))
            self._open = None


def pixels(style: str, name: str) -> int:
    found = re.search(rf"(?:^|;){name}:(\d+)px", style)
    assert found, f"no {name} in {style}"
    return int(found.group(1))


@pytest.mark.parametrize(
    ("kind", "language", "low", "high"),
    [
        ("csat", "en", "Very unsatisfied", "Very satisfied"),
        ("csat", "ja", "とても不満", "とても満足"),
        ("nps", "ja", "まったく薦めない", "ぜひ薦めたい"),
        ("ces", "en", "Strongly disagree", "Strongly agree"),
    ],
)
def test_the_email_asks_the_surveys_question_with_its_own_end_labels(
    workspace: Workspace, smtp: SmtpPeer, kind: str, language: str, low: str, high: str
) -> None:
    survey = make_survey(workspace, kind, languages=("en", "ja"), company="Cafe Koe")
    headline = survey.headline_question
    assert headline is not None and headline.scale is not None
    assert (headline.low_label[language], headline.high_label[language]) == (low, high)
    token = invite_by_email(workspace, survey, language)
    plain, html = parts(send_all(workspace, smtp)[f"{language}@example.jp"])
    question = headline.text[language]
    assert f'<html lang="{language}">' in html
    # The question, in the recipient's language, then its ends, then the buttons,
    # all before the sign-off (the body's last paragraph, the business's name).
    sign_off = html.rindex("Cafe Koe</p>", 0, html.index("<hr"))
    asked, ends = html.index(question), html.index(low)
    first_button = html.index("?score=")
    assert asked < ends < first_button < sign_off
    assert high in html
    assert not any(fixed in html or fixed in plain for fixed in FIXED if fixed not in (low, high))
    # One button per point of the scale, each at least 44 × 44 pixels.
    buttons = Buttons()
    buttons.feed(html)
    points = list(headline.scale.points)
    assert [text for _, _, text in buttons.found] == [str(n) for n in points]
    for _, style, _ in buttons.found:
        assert pixels(style, "min-width") >= 44 and pixels(style, "height") >= 44
    # The plain text part: the question, its ends, every link.
    link = f"{PUBLIC_URL}/r/{token}"
    assert question in plain and low in plain and high in plain
    for n in points:
        assert f"{link}?score={n}" in plain
    assert link in plain and f"{PUBLIC_URL}/u/{token}" in plain
    assert plain.index(question) < plain.rindex("Cafe Koe\n\n--")


def test_an_email_without_a_scale_has_no_buttons_and_says_no_ends(
    workspace: Workspace, smtp: SmtpPeer
) -> None:
    survey = make_survey(workspace, "churn_exit", languages=("en",))
    assert survey.headline_question is None
    token = invite_by_email(workspace, survey, "en")
    plain, html = parts(send_all(workspace, smtp)["en@example.jp"])
    assert "?score=" not in html and "?score=" not in plain
    assert f"{PUBLIC_URL}/r/{token}" in plain and f'href="{PUBLIC_URL}/r/{token}"' in html
    assert not any(fixed in html for fixed in FIXED)


# --- drawn by Chromium ----------------------------------------------------------------------


def luminance(colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", colour)[:3])
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_email_reads_in_light_and_dark_mail_clients(
    workspace: Workspace,
    smtp: SmtpPeer,
    browser: Browser,  # noqa: F811
    language: str,
    scheme: str,
) -> None:
    survey = make_survey(workspace, "nps", languages=("en", "ja"), company="Cafe Koe")
    invite_by_email(workspace, survey, language)
    _, html = parts(send_all(workspace, smtp)[f"{language}@example.jp"])
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, locale="ja-JP"
    )
    try:
        page = context.new_page()
        page.set_content(html)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"invitation-{language}-{scheme}.png"), full_page=True)
        question = survey.headline_question.text[language]  # type: ignore[union-attr]
        shown = page.get_by_text(question, exact=True)
        assert shown.is_visible()
        text = shown.evaluate("e => getComputedStyle(e).color")
        ground = page.evaluate("getComputedStyle(document.body).backgroundColor")
        if scheme == "dark":
            assert luminance(ground) < 0.2 and luminance(text) > 0.7
        else:
            assert luminance(ground) > 0.9 and luminance(text) < 0.3
        boxes = [b.bounding_box() for b in page.locator("a[href*='?score=']").all()]
        assert len(boxes) == 11
        assert all(box and box["width"] >= 44 and box["height"] >= 44 for box in boxes)
        # Every button inside the phone's width: they wrap rather than run off the side.
        assert all(box and box["x"] + box["width"] <= 390 for box in boxes)
    finally:
        context.close()
