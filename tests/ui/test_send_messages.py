"""The Send wizard's Messages step: the text it previews and counts is the text that goes.

The preview is read from the wizard as a person reads it; the SMS that goes is
read from the local Twilio-compatible server the real ``twilio`` client talks to.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from channels.outbox import Dispatcher, Timing
from channels.sms import TwilioSettings, TwilioSms
from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import surveys as survey_store
from storage.workspace import Workspace
from surveys.model import Survey
from surveys.sms import sms_segments
from surveys.text import LocalText
from tests.twilio_server import ACCOUNT_SID, AUTH_TOKEN, TwilioServer
from ui.main_window import MainWindow
from ui.send.wizard import CampaignWizard
from ui.session import KoeApp

PUBLIC_URL = "https://survey.example-shop.jp"  # a realistic public address: 30 characters
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0, status_every=0.0)
TOKEN = re.compile(r"/([ru])/[A-Za-z0-9_-]{22}")


@pytest.fixture
def people(workspace: Workspace) -> dict[str, str]:
    db = workspace.db()
    contact_store.add(db, name="山田", phone="+819012345678", language="ja")
    contact_store.add(db, name="Dan", phone="+14155550123", language="en")
    contact_store.add(db, name="Ken", phone="+819087654321", language="en")
    return {"山田": "+819012345678", "Dan": "+14155550123", "Ken": "+819087654321"}


LANGUAGE = {"山田": "ja", "Dan": "en", "Ken": "en"}


def open_wizard(qtbot, window: MainWindow, koe_app: KoeApp) -> CampaignWizard:
    with qtbot.waitSignal(koe_app.context.settings_changed):
        koe_app.context.save_settings(public_url=PUBLIC_URL)
    window.show_page("send")
    send = window.pages["send"]
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and send.data is not None)
    wizard = send.new_campaign()
    assert wizard is not None
    while wizard.currentId() != CampaignWizard.MESSAGES:
        before = wizard.currentId()
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() != before)  # noqa: B023
        qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return wizard


def show_language(wizard: CampaignWizard, language: str) -> tuple[str, str]:
    """The SMS preview and its figures, as the page shows them for ``language``."""
    page = wizard.messages_page
    page.language.setCurrentIndex(page.language.findData(language))
    return page.sms_preview.text(), page.sms_figures.text()


def sent_by_twilio(workspace: Workspace, wizard: CampaignWizard) -> dict[str, str]:
    """Write the campaign the wizard plans (what Create writes), make it due, and send it
    through the real twilio client to the local server: recipient → body received."""
    db = workspace.db()
    survey = wizard.state.survey
    assert survey is not None and survey.id is not None
    campaign_store.create(
        db, survey_id=survey.id, name="test", settings={}, deliveries=wizard.plan()
    )
    # Quiet hours may hold the invitations to the morning: let that time pass.
    past = (datetime.now(UTC) - timedelta(minutes=1)).isoformat()
    db.execute("UPDATE outbox SET not_before = ? WHERE purpose = 'invitation'", [past])
    with TwilioServer() as server:
        settings = TwilioSettings(
            ACCOUNT_SID,
            AUTH_TOKEN,
            from_number="+15005550006",
            base_url=server.base_url,
            timeout=5.0,
            settle_margin=0.0,
            rate_per_second=100.0,
        )
        Dispatcher(workspace.db_path, {"sms": TwilioSms(settings)}, timing=FAST).run_until_idle()
        return {m.to: m.body for m in server.state.outbound()}


def tokens_hidden(text: str) -> str:
    """A text with each delivery token as the preview writes it (22 x's)."""
    return TOKEN.sub(lambda found: f"/{found.group(1)}/" + "x" * 22, text)


def test_the_preview_is_the_sms_that_goes_to_a_japanese_and_a_us_number(
    qtbot, window, koe_app, workspace, nps_survey: Survey, people
):
    """English is sent to a US and a Japanese number: the preview shows both endings."""
    wizard = open_wizard(qtbot, window, koe_app)
    previews = {lang: show_language(wizard, lang) for lang in ("ja", "en")}
    sent = sent_by_twilio(workspace, wizard)
    assert set(sent) == set(people.values())
    hidden = {name: tokens_hidden(sent[phone]) for name, phone in people.items()}
    assert previews["ja"][0] == hidden["山田"]
    assert previews["en"][0] == (
        f"To Japanese numbers:\n{hidden['Ken']}\n\nTo other numbers:\n{hidden['Dan']}"
    )
    for name, phone in people.items():
        count = sms_segments(sent[phone])
        assert (
            f"{count.characters} characters: {count.segments} segment"
            in previews[LANGUAGE[name]][1]
        )
    ja = sent[people["山田"]]
    assert ja.count("配信停止") == 1 and "/u/" in ja.splitlines()[-1]
    assert sms_segments(ja).segments == 2  # the default Japanese invitation with its opt-out link
    assert sent[people["Dan"]].endswith("\nReply STOP to opt out")
    assert "\nOpt out: https://survey.example-shop.jp/u/" in sent[people["Ken"]]


def test_with_no_japanese_contact_the_preview_is_written_to_a_japanese_number(
    qtbot, window, koe_app, workspace, nps_survey: Survey
):
    contact_store.add(workspace.db(), name="Dan", phone="+14155550123", language="en")
    wizard = open_wizard(qtbot, window, koe_app)
    preview, figures = show_language(wizard, "ja")
    assert preview.endswith(f"\n配信停止 {PUBLIC_URL}/u/" + "x" * 22)
    count = sms_segments(preview)
    assert count.segments == 2 and f"{count.characters} characters: 2 segment" in figures


def test_the_wizard_starts_from_the_invitation_written_in_the_designer(
    qtbot, window, koe_app, workspace, nps_survey: Survey, people
):
    db = workspace.db()
    nps_survey.invitation = LocalText(
        ja="【珈琲こえ】ご来店ありがとうございました\n{link}",
        en="Thanks for visiting Cafe Koe, {name}! Two taps: {link}",
    )
    survey_store.update(db, nps_survey)
    wizard = open_wizard(qtbot, window, koe_app)
    page = wizard.messages_page
    show_language(wizard, "ja")
    assert page.sms.toPlainText() == "【珈琲こえ】ご来店ありがとうございました\n{link}"
    assert page.email.toPlainText() == "【珈琲こえ】ご来店ありがとうございました\n{link}"
    preview, _ = show_language(wizard, "en")
    assert page.sms.toPlainText() == "Thanks for visiting Cafe Koe, {name}! Two taps: {link}"
    assert "Thanks for visiting Cafe Koe, Dan! Two taps: https://" in preview
    # An edit in the wizard is kept when the owner steps back and forth.
    page.sms.setPlainText("Edited here: {link}")
    wizard.back()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == CampaignWizard.MESSAGES)
    show_language(wizard, "en")
    assert page.sms.toPlainText() == "Edited here: {link}"
    sent = sent_by_twilio(workspace, wizard)
    assert sent[people["山田"]].startswith("【珈琲こえ】ご来店ありがとうございました\nhttps://")
    assert sent[people["Dan"]].startswith("Edited here: https://")
