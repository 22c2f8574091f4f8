"""The Send page: the campaign wizard end to end, and the progress view."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QMessageBox, QWizard

from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import opt_outs
from storage.database import to_text
from surveys import campaigns as c
from tests.channels.conftest import SmtpPeer, smtp, twilio  # noqa: F401
from tests.twilio_server import TwilioServer
from tests.ui.channel_setup import keyring_secrets, set_up_email, set_up_sms
from tests.ui.closing import (
    CLOSED_MIDWAY,
    Gate,
    after_each_outcome,
    assert_closed_cleanly,
    close_ways,
    full_disk,
    held,
    the_user_reads,
    under_the_app_error_hook,
)
from tests.ui.seen import set_up_button, words_in
from ui.main_window import MainWindow
from ui.send.page import SendPage
from ui.send.wizard import CampaignWizard
from ui.session import KoeApp

START = datetime(2030, 1, 15, 5, 0, tzinfo=UTC)  # 14:00 in Tokyo, 00:00 in New York
PUBLIC_URL = "https://survey.example.jp"


@pytest.fixture
def people(workspace):
    db = workspace.db()
    ids = {
        "yamada": contact_store.add(db, name="山田", phone="+819012345678", language="ja"),
        "ann": contact_store.add(
            db,
            name="Ann",
            email="ann@example.com",
            language="en",
            attributes={"time zone": "America/New_York"},
        ),
        "bob": contact_store.add(db, name="Bob", phone="+81312345678", language="en"),
        "carol": contact_store.add(db, name="Carol", phone="+819011112222", language="en"),
    }
    opt_outs.opt_out(db, ids["carol"], "sms")
    return ids


@pytest.fixture
def channels_ready(workspace, twilio: TwilioServer, smtp: SmtpPeer) -> None:  # noqa: F811
    """SMS and email set up, tested and their secrets in the keyring (the wizard checks)."""
    set_up_sms(workspace.db(), twilio)
    set_up_email(workspace.db(), smtp)
    keyring_secrets(workspace.folder)


@pytest.fixture
def send_page(qtbot, window: MainWindow, koe_app: KoeApp, nps_survey, people) -> SendPage:
    """The Send page of a workspace as it comes: no public address (links on this computer)."""
    window.show_page("send")
    send = window.pages["send"]
    assert isinstance(send, SendPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and send.data is not None)
    return send


def set_public_url(qtbot, koe_app: KoeApp, url: str) -> None:
    with qtbot.waitSignal(koe_app.context.settings_changed):
        koe_app.context.save_settings(public_url=url)


@pytest.fixture
def page(qtbot, channels_ready, send_page: SendPage, koe_app: KoeApp) -> SendPage:
    """The Send page once a public host's address is set and SMS and email are ready."""
    assert koe_app.start_sender()  # campaigns here start in 2030: nothing goes
    set_public_url(qtbot, koe_app, PUBLIC_URL)
    return send_page


def settle(qtbot, koe_app: KoeApp) -> None:
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)


def walk_to(qtbot, koe_app, wizard: CampaignWizard, page_id: int) -> None:
    """Next, next… to ``page_id``; on the way the campaign is set to start in 2030."""
    while wizard.currentId() != page_id:
        before = wizard.currentId()
        if before == CampaignWizard.SCHEDULE and not wizard.schedule_page.later.isChecked():
            schedule = wizard.schedule_page
            schedule.later.setChecked(True)
            schedule.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(START.timestamp())))
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() != before)  # noqa: B023
        settle(qtbot, koe_app)
    if page_id == CampaignWizard.REVIEW:
        qtbot.waitUntil(wizard.review_page.isComplete)  # the channels were checked


def test_the_wizard_creates_a_campaign_with_queued_messages(qtbot, page, koe_app, workspace):
    assert page.stack.currentWidget() is page.empty  # no campaign yet: it offers to start one
    wizard = page.new_campaign()
    assert wizard is not None
    assert wizard.survey_page.survey.count() == 1

    walk_to(qtbot, koe_app, wizard, CampaignWizard.AUDIENCE)
    assert "4" in wizard.audience_page.count.text()

    walk_to(qtbot, koe_app, wizard, CampaignWizard.CHANNELS)
    channels = wizard.channels_page
    table = channels.excluded
    why = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert why == {
        "Bob": "Landline: cannot receive SMS; No usable email address",
        "Carol": "Opted out of SMS; No usable email address",
    }
    assert "2 of 4" in channels.summary.text()
    assert channels.japan.isVisibleTo(wizard)
    assert set_up_button(channels) is None  # a public host: SMS and email may go
    assert "need a public host" not in words_in(channels)

    walk_to(qtbot, koe_app, wizard, CampaignWizard.MESSAGES)
    messages = wizard.messages_page
    messages.language.setCurrentIndex(messages.language.findData("en"))
    messages.sms.setPlainText("Hi {name}! {company} asks: {link}")
    assert messages.sms_preview.text().startswith("Hi Alexandra! ")
    assert "GSM-7" in messages.sms_figures.text()
    messages.language.setCurrentIndex(messages.language.findData("ja"))
    assert "UCS-2" in messages.sms_figures.text()
    assert "?score=10" in messages.email_preview.toHtml()

    walk_to(qtbot, koe_app, wizard, CampaignWizard.SCHEDULE)
    schedule = wizard.schedule_page
    schedule.later.setChecked(True)
    schedule.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(START.timestamp())))
    schedule.reminders.setValue(1)
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    assert "Recipients: 2" in wizard.review_page.summary.text()

    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.accept()
    campaign_id = blocker.args[0]
    db = workspace.db()
    rows = campaign_store.outbox_rows(db, campaign_id)
    by = {(r["recipient"], r["purpose"]): r for r in rows}
    assert len(rows) == 4 and {r["status"] for r in rows} == {"queued"}
    yamada = by[("+819012345678", "invitation")]
    token = db.execute(
        "SELECT token FROM deliveries WHERE id = ?", [yamada["delivery_id"]]
    ).fetchone()[0]
    # No business name yet: the text without one, never a stand-in (当店, "us").
    assert yamada["body"].startswith("アンケートのお願い\n")
    assert f"/r/{token}" in yamada["body"] and f"/u/{token}" in yamada["body"]
    assert yamada["not_before"] == to_text(START)
    ann = by[("ann@example.com", "invitation")]
    assert ann["channel"] == "email"
    assert ann["subject"] == "A quick question about your experience"
    assert ann["not_before"] == "2030-01-15T14:00:00+00:00"  # 09:00 in New York
    assert by[("ann@example.com", "reminder")]["not_before"] == "2030-01-18T14:00:00+00:00"
    qtbot.waitUntil(lambda: page.progress.campaign_id == campaign_id)


# -- links that would not reach customers ------------------------------------------------------


def campaigns_and_outbox(workspace) -> tuple[int, int]:
    db = workspace.db()
    return (
        db.execute("SELECT count(*) FROM campaigns").fetchone()[0],
        db.execute("SELECT count(*) FROM outbox").fetchone()[0],
    )


def choose_mode(wizard: CampaignWizard, mode: str) -> None:
    (button,) = [b for b in wizard.channels_page.group.buttons() if b.property("mode") == mode]
    button.setChecked(True)


@pytest.mark.parametrize(
    ("public_url", "why"),
    [
        ("", "would point to this computer (http://127.0.0.1:"),
        (
            "http://192.168.1.23:8765",
            "would only open on your shop's Wi-Fi (http://192.168.1.23:8765)",
        ),
    ],
)
def test_sms_and_email_campaigns_are_refused_while_links_would_not_reach_customers(
    qtbot, send_page, window, koe_app, workspace, public_url, why
):
    if public_url:
        set_public_url(qtbot, koe_app, public_url)
    wizard = send_page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.CHANNELS)
    channels = wizard.channels_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    for mode in (c.SMS, c.EMAIL, c.SMS_ELSE_EMAIL):
        choose_mode(wizard, mode)
        assert not next_button.isEnabled()
        wizard.next()  # even asked for, the wizard does not move on
        settle(qtbot, koe_app)
        assert wizard.currentId() == CampaignWizard.CHANNELS
        said = words_in(channels)
        assert "SMS and email campaigns need a public host." in said and why in said
        assert "nothing can be queued yet" in said
    assert campaigns_and_outbox(workspace) == (0, 0)

    # The fix: the wizard closes (nothing was queued) and Settings shows the public host.
    fix = set_up_button(channels)
    assert fix is not None
    with qtbot.waitSignal(wizard.destroyed):
        fix.click()
    assert send_page.wizard is None
    qtbot.waitUntil(lambda: window.current_page_key() == "settings")
    settings = window.pages["settings"]
    qtbot.waitUntil(lambda: not settings.sync_panel.host_url.visibleRegion().isEmpty())
    assert campaigns_and_outbox(workspace) == (0, 0)
    # The closed wizard is gone: a later change of address must not reach its pages.
    set_public_url(qtbot, koe_app, PUBLIC_URL)


def test_a_public_host_set_up_meanwhile_lets_the_campaign_go(
    qtbot, channels_ready, send_page, koe_app, workspace
):
    assert koe_app.start_sender()  # campaigns here start in 2030: nothing goes
    set_public_url(qtbot, koe_app, "")  # the channels are ready, the public host is not
    wizard = send_page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.CHANNELS)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled() and set_up_button(wizard.channels_page) is not None
    set_public_url(qtbot, koe_app, PUBLIC_URL)
    assert next_button.isEnabled() and set_up_button(wizard.channels_page) is None
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.accept()
    rows = campaign_store.outbox_rows(workspace.db(), blocker.args[0])
    assert rows and all(f"{PUBLIC_URL}/r/" in r["body"] for r in rows)


def test_an_address_changed_before_create_is_refused_at_the_review(qtbot, page, koe_app, workspace):
    wizard = page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    set_public_url(qtbot, koe_app, "")  # e.g. the public host was removed meanwhile
    wizard.accept()
    settle(qtbot, koe_app)
    assert "SMS and email campaigns need a public host." in wizard.review_page.error.text()
    assert wizard.isVisible() and campaigns_and_outbox(workspace) == (0, 0)


def test_progress_counts_and_pause_resume_cancel(qtbot, page, koe_app, workspace, monkeypatch):
    wizard = page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.accept()
    campaign_id = blocker.args[0]
    view = page.progress
    qtbot.waitUntil(lambda: view.progress is not None and view.campaign_id == campaign_id)
    assert view.counts["queued"].text() == "2"

    db = workspace.db()
    db.execute(
        "UPDATE outbox SET status = 'failed', error = 'Unreachable handset (30003)'"
        " WHERE channel = 'sms' AND purpose = 'invitation'"
    )
    db.conn.commit()
    qtbot.waitUntil(lambda: view.counts["failed"].text() == "1", timeout=5000)
    assert view.counts["queued"].text() == "1"
    errors = [view.model.index(r, view.model.COL_ERROR).data() for r in range(2)]
    assert "Unreachable handset (30003)" in errors

    def statuses():
        return sorted(r["status"] for r in campaign_store.outbox_rows(db, campaign_id))

    view.pause_button.click()
    qtbot.waitUntil(lambda: campaign_store.get(db, campaign_id).status == "paused")
    # The failed SMS invitation took its SMS reminder with it (skipped).
    assert statuses() == ["failed", "paused", "paused", "skipped"]
    qtbot.waitUntil(lambda: view.resume_button.isVisibleTo(view))
    view.resume_button.click()
    qtbot.waitUntil(lambda: campaign_store.get(db, campaign_id).status == "active")
    assert statuses() == ["failed", "queued", "queued", "skipped"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.waitUntil(lambda: view.cancel_button.isEnabled())
    view.cancel_button.click()
    qtbot.waitUntil(lambda: campaign_store.get(db, campaign_id).status == "canceled")
    assert statuses() == ["canceled", "canceled", "failed", "skipped"]
    qtbot.waitUntil(lambda: not view.cancel_button.isEnabled())


def test_no_open_survey_points_to_the_surveys_page(qtbot, window, koe_app, people):
    window.show_page("send")
    send = window.pages["send"]
    qtbot.waitUntil(lambda: send.data is not None and koe_app.worker.pending == 0)
    assert send.stack.currentWidget() is send.empty
    assert send.empty.button.text() == "Go to Surveys"
    send.empty.button.click()
    assert window.current_page_key() == "surveys"


def test_a_new_campaign_wakes_the_sender(qtbot, page, koe_app, monkeypatch):
    woken = []

    class Sender:
        def wake(self) -> None:
            woken.append(True)

        def stop(self) -> None:
            pass

    monkeypatch.setattr(koe_app, "sender", Sender())
    page.campaign_created.emit(1)
    assert woken == [True]


def test_no_campaigns_yet_says_what_to_do_and_starts_one(qtbot, page):
    send = page
    assert send.stack.currentWidget() is send.empty
    assert send.empty.button.text() == "New campaign…"
    send.empty.button.click()
    assert send.wizard is not None and send.wizard.isVisible()
    send.wizard.reject()


def test_progress_counts_skipped_and_shows_the_campaign_done(qtbot, page, koe_app, workspace):
    from PySide6.QtWidgets import QLabel

    wizard = page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    with qtbot.waitSignal(wizard.created) as blocker:
        wizard.accept()
    campaign_id = blocker.args[0]
    view = page.progress
    qtbot.waitUntil(lambda: view.progress is not None and view.campaign_id == campaign_id)
    captions = [label.text() for label in view.findChildren(QLabel)]
    assert "Not sent (opted out or deleted)" in captions
    assert view.counts["skipped"].text() == "0"
    assert campaign_store.get(workspace.db(), campaign_id).status == "active"

    db = workspace.db()
    # The SMS contact opted out before their turn; the email went out.
    db.execute("UPDATE outbox SET status = 'skipped' WHERE channel = 'sms'")
    db.execute("UPDATE outbox SET status = 'sent' WHERE channel = 'email' AND status = 'queued'")
    db.execute("UPDATE outbox SET status = 'skipped' WHERE channel = 'email' AND status != 'sent'")
    db.conn.commit()
    qtbot.waitUntil(lambda: view.counts["skipped"].text() == "1", timeout=5000)
    assert view.counts["queued"].text() == "0" and view.counts["sent"].text() == "1"
    qtbot.waitUntil(lambda: "Done" in view.status.text(), timeout=5000)
    assert campaign_store.get(db, campaign_id).status == "done"
    assert not view.cancel_button.isEnabled() and not view.pause_button.isVisibleTo(view)


# -- closing and opening again after each outcome -------------------------------------

CLOSES = close_ways(lambda wizard: wizard.button(QWizard.WizardButton.CancelButton))


@pytest.fixture
def audience_gate(monkeypatch) -> Gate:
    """Holds the audience query on the worker (tens of thousands of contacts)."""
    gate = held(monkeypatch, campaign_store, "audience")
    gate.set()  # open unless a test shuts it
    return gate


def create_campaign(qtbot, koe_app, wizard: CampaignWizard) -> int:
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    with qtbot.waitSignal(wizard.created, timeout=10_000) as blocker:
        wizard.accept()
    return blocker.args[0]


@under_the_app_error_hook
@after_each_outcome(CLOSES)
def test_the_wizard_closes_and_opens_again_after_each_outcome(
    qtbot, page, koe_app, workspace, audience_gate, monkeypatch, unexpected_errors, outcome, close
):
    wizard = page.new_campaign()
    if outcome == "success":
        create_campaign(qtbot, koe_app, wizard)  # it closes itself
    elif outcome == "failure":
        walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
        with monkeypatch.context() as patch:
            patch.setattr(campaign_store, "create", full_disk)
            wizard.accept()
            settle(qtbot, koe_app)
        assert "The campaign was not created" in wizard.review_page.error.text()
        the_user_reads(qtbot)
        CLOSES[close](wizard)
    else:  # closed while the audience is still being counted
        audience_gate.shut()
        wizard.next()
        qtbot.waitUntil(audience_gate.reached.is_set)
        CLOSES[close](wizard)
        audience_gate.set()
        settle(qtbot, koe_app)
    assert_closed_cleanly(qtbot, wizard, unexpected_errors)

    again = page.new_campaign()
    assert again is not None and again is not wizard
    campaign_id = create_campaign(qtbot, koe_app, again)
    assert_closed_cleanly(qtbot, again, unexpected_errors)
    names = [c.id for c in campaign_store.list_all(workspace.db())]
    assert campaign_id in names and len(names) == (2 if outcome == "success" else 1)


@under_the_app_error_hook
@CLOSED_MIDWAY
def test_the_wizard_stays_until_the_campaign_is_written(
    qtbot, page, koe_app, workspace, monkeypatch, unexpected_errors, close
):
    gate = held(monkeypatch, campaign_store, "create")
    wizard = page.new_campaign()
    walk_to(qtbot, koe_app, wizard, CampaignWizard.REVIEW)
    wizard.accept()
    qtbot.waitUntil(gate.reached.is_set)
    close(wizard)
    assert wizard.isVisible()  # the page must learn of the campaign: it wakes the sender
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    with qtbot.waitSignal(page.campaign_created, timeout=10_000):
        gate.set()
    assert_closed_cleanly(qtbot, wizard, unexpected_errors)
