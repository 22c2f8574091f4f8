"""Channels ready before anything is queued (issue 11): the wizard's review step refuses a
channel that cannot send, a waiting message says why in its row and in the Send page's
banner, and the encrypted secrets file is unlocked at start or from the Send page.

Real peers on 127.0.0.1: the Twilio-compatible server and aiosmtpd; the real sender.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import keyring
import pytest
import shiboken6
from keyring.backends import fail
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWizard

from channels.outbox import Timing
from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import secrets
from storage import settings as settings_store
from storage.workspace import Workspace
from surveys import campaigns as c
from tests.channels.conftest import (  # noqa: F401
    SMTP_PASSWORD,
    SMTP_USER,
    MailSink,
    SmtpPeer,
    smtp,
    start_smtp,
    twilio,
)
from tests.channels.outbox_helpers import queue_invitation
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.twilio_server import AUTH_TOKEN, TwilioServer
from tests.ui.channel_setup import (
    keyring_secrets,
    set_up_email,
    set_up_sms,
    store_secrets,
    type_smtp,
)
from ui import app as app_module
from ui.common.passphrase_dialog import PassphraseDialog
from ui.main_window import MainWindow
from ui.send.page import SendPage
from ui.send.wizard import CampaignWizard
from ui.session import KoeApp

# An offscreen window-modal dialog warns once that it cannot size itself.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PASSPHRASE = "correct horse battery staple"
WRONG = "hunter2-not-it"
PHONE, ADDRESS = "+819012345678", "ann@example.com"
FAST = Timing(idle=0.05, channel_down_wait=0.3, status_every=3600, replies_every=3600)


def noon_zone() -> str:
    """A time zone where it is about noon now: quiet hours hold nothing back there."""
    offset = (12 - datetime.now(UTC).hour + 12) % 24 - 12  # -12 … +11
    return f"Etc/GMT{-offset:+d}" if offset else "Etc/GMT"


@pytest.fixture(autouse=True)
def fast_sender(monkeypatch):
    monkeypatch.setattr(KoeApp, "sender_timing", FAST)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def sms_without_token(workspace, twilio: TwilioServer) -> TwilioServer:  # noqa: F811
    """The account SID and sender saved, the auth token never was."""
    set_up_sms(workspace.db(), twilio)
    return twilio


@pytest.fixture
def sms_ready(workspace, twilio: TwilioServer) -> TwilioServer:  # noqa: F811
    set_up_sms(workspace.db(), twilio)
    keyring_secrets(workspace.folder, email=False)
    return twilio


@pytest.fixture
def email_locked(no_keyring, workspace, smtp: SmtpPeer) -> SmtpPeer:  # noqa: F811
    """SMTP set up and tested; its password in the encrypted secrets file (no keyring)."""
    set_up_email(workspace.db(), smtp)
    store_secrets(secrets.EncryptedFileSecrets(workspace.folder, PASSPHRASE), sms=False)
    return smtp


@pytest.fixture
def locked_app(qtbot, email_locked, workspace):
    """The app as ``run`` starts it on that workspace: sender started, window shown."""
    koe = KoeApp(workspace, port=0)
    koe.start_sender()
    window = koe.build_window()
    qtbot.addWidget(window)
    window.show()
    yield koe, window
    koe.shutdown()


@pytest.fixture
def people(workspace, nps_survey):
    db = workspace.db()
    settings_store.save(db, time_zone=noon_zone(), language="en")
    contact_store.add(db, name="Yamada", phone=PHONE, language="en")
    contact_store.add(db, name="Ann", email=ADDRESS, language="en")


def send_page(qtbot, window: MainWindow, koe_app: KoeApp) -> SendPage:
    window.show_page("send")
    page = window.pages["send"]
    assert isinstance(page, SendPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0 and page.data is not None)
    return page


def to_review(qtbot, koe_app: KoeApp, page: SendPage, mode: str) -> CampaignWizard:
    wizard = page.new_campaign()
    assert wizard is not None
    while wizard.currentId() != CampaignWizard.REVIEW:
        before = wizard.currentId()
        if before == CampaignWizard.CHANNELS:
            (button,) = [
                b for b in wizard.channels_page.group.buttons() if b.property("mode") == mode
            ]
            button.setChecked(True)
        wizard.next()
        qtbot.waitUntil(lambda: wizard.currentId() != before)  # noqa: B023
        qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    check = wizard.review_page.channels
    qtbot.waitUntil(lambda: check.watch.loaded and "Checking" not in check.text.text())
    return wizard


def outbox_count(workspace) -> int:
    return workspace.db().execute("SELECT count(*) FROM outbox").fetchone()[0]


def test_a_campaign_by_sms_without_twilio_credentials_cannot_be_queued(
    qtbot, workspace, people, sms_without_token, koe_app, window
):
    assert koe_app.start_sender() is False  # no channel can send
    page = send_page(qtbot, window, koe_app)
    wizard = to_review(qtbot, koe_app, page, c.SMS)
    check = wizard.review_page.channels
    text = check.text.text()
    assert "The Twilio auth token has not been saved." in text
    assert "✗ Not set up" in text and "✗ Sender not running" in text
    assert "cannot be queued" in text
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()  # even so: nothing is written
    qtbot.wait(200)
    assert wizard.isVisible() and outbox_count(workspace) == 0

    assert check.fix_button.isVisible() and check.fix_button.text() == "Open Settings ▸ Messages…"
    check.fix_button.click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert window.current_page_key() == "settings"
    panel = window.pages["settings"].channels
    qtbot.waitUntil(lambda: not panel.visibleRegion().isEmpty())
    assert outbox_count(workspace) == 0


def test_email_with_smtp_set_but_secrets_locked_is_refused_and_unlocked_there(
    qtbot, email_locked: SmtpPeer, people, locked_app, workspace
):
    koe, window = locked_app
    page = send_page(qtbot, window, koe)
    wizard = to_review(qtbot, koe, page, c.EMAIL)
    check = wizard.review_page.channels
    assert "The encrypted secrets file is locked" in check.text.text()
    assert "✗ Secrets locked" in check.text.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.accept()
    qtbot.wait(200)
    assert outbox_count(workspace) == 0
    assert check.fix_button.text() == "Unlock…"
    check.fix_button.click()
    dialog = check.unlock_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: check.unlock_dialog is None, timeout=10_000)
    # Unlocked: the sender restarts with the password and the review step sees it.
    qtbot.waitUntil(wizard.review_page.isComplete, timeout=10_000)
    assert "✓ Secrets unlocked" in check.text.text()
    assert "✓ Sender running" in check.text.text()
    with qtbot.waitSignal(wizard.created, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: email_locked.sink.count(ADDRESS) == 1, timeout=15_000)


@pytest.fixture
def both_ready(workspace, sms_ready: TwilioServer, smtp: SmtpPeer):  # noqa: F811
    set_up_email(workspace.db(), smtp)
    keyring_secrets(workspace.folder, sms=False)
    return sms_ready, smtp


def test_channels_set_up_and_tested_queue_and_send(
    qtbot, workspace, people, both_ready, koe_app, window
):
    twilio, smtp = both_ready  # noqa: F811
    assert koe_app.start_sender()
    page = send_page(qtbot, window, koe_app)
    wizard = to_review(qtbot, koe_app, page, c.SMS_ELSE_EMAIL)
    check = wizard.review_page.channels
    text = check.text.text()
    assert text.count("✓ Set up") == 2 and text.count("✓ Sender running") == 2
    assert text.count("Tested ") == 2 and "✗" not in text
    assert not check.fix_button.isVisible()
    with qtbot.waitSignal(wizard.created, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: twilio.state.counts()[PHONE] == 1, timeout=15_000)
    qtbot.waitUntil(lambda: smtp.sink.count(ADDRESS) == 1, timeout=15_000)
    assert not page.banner.isVisible()


def queue_one(qtbot, koe_app, page, mode: str) -> tuple[CampaignWizard, int]:
    wizard = to_review(qtbot, koe_app, page, mode)
    assert wizard.review_page.isComplete()
    with qtbot.waitSignal(wizard.created, timeout=10_000) as created:
        wizard.accept()
    return wizard, created.args[0]


def row_details(page: SendPage) -> str:
    model = page.progress.model
    return str(model.index(0, model.COL_ERROR).data())


def test_a_queued_sms_whose_credentials_went_wrong_says_why_until_they_work_again(
    qtbot, workspace, people, sms_ready: TwilioServer, koe_app, window
):
    twilio = sms_ready  # noqa: F811
    assert koe_app.start_sender()
    page = send_page(qtbot, window, koe_app)
    twilio.state.auth_token = "rotated-in-the-console"  # 401, code 20003, Twilio's shape
    queue_one(qtbot, koe_app, page, c.SMS)
    view = page.progress
    qtbot.waitUntil(lambda: "refused the account SID" in row_details(page), timeout=10_000)
    assert row_details(page) == "Waiting: Twilio refused the account SID or auth token."
    # Not sent: it waits (tried again now and then, so "Sending" for a moment).
    assert view.model.index(0, view.model.COL_STATUS).data() in ("Queued", "Sending")
    assert twilio.state.counts()[PHONE] == 0
    qtbot.waitUntil(page.banner.isVisible)
    # The invitation and its reminder, which could not go either.
    assert "SMS: 2 messages waiting. Twilio refused" in page.banner.label.text()
    assert page.banner.fix_button.text() == "Open Settings ▸ Messages…"

    twilio.state.auth_token = AUTH_TOKEN  # the account works again
    qtbot.waitUntil(lambda: twilio.state.counts()[PHONE] == 1, timeout=10_000)
    qtbot.waitUntil(lambda: view.counts["sent"].text() == "1", timeout=10_000)
    qtbot.waitUntil(lambda: row_details(page) == "", timeout=10_000)
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=10_000)


@pytest.fixture
def email_server_down(workspace) -> SmtpPeer:
    """SMTP set up and tested for a port where no server listens (yet)."""
    peer = SmtpPeer(MailSink(), free_port())
    set_up_email(workspace.db(), peer)
    keyring_secrets(workspace.folder, sms=False)
    return peer


def test_a_queued_email_whose_server_went_down_says_why_until_it_is_back(
    qtbot, workspace, people, email_server_down: SmtpPeer, koe_app, window
):
    sink, port = email_server_down.sink, email_server_down.port

    assert koe_app.start_sender()
    page = send_page(qtbot, window, koe_app)
    # Nothing listens on the port: the mail server is down when the email's turn comes.
    queue_one(qtbot, koe_app, page, c.EMAIL)
    qtbot.waitUntil(lambda: "cannot be reached" in row_details(page), timeout=10_000)
    assert row_details(page) == (
        "Waiting: The mail server cannot be reached just now; messages wait until it answers."
    )
    qtbot.waitUntil(page.banner.isVisible)
    assert "Email: 2 messages waiting." in page.banner.label.text()
    row = (
        workspace.db()
        .execute("SELECT status, error FROM outbox WHERE purpose = 'invitation'")
        .fetchone()
    )  # tried again now and then: "sending" for a moment
    assert row[0] in ("queued", "sending") and "Cannot reach the mail server" in row[1]
    assert sink.received == []

    controller = start_smtp(sink, port)  # back up
    try:
        qtbot.waitUntil(lambda: sink.count(ADDRESS) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: page.progress.counts["sent"].text() == "1", timeout=10_000)
        qtbot.waitUntil(lambda: row_details(page) == "", timeout=10_000)
        qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=10_000)
    finally:
        controller.stop()


@pytest.fixture
def before_hours(workspace, people) -> str:
    """Sending hours 08:00–09:00 in the workspace's zone, where it is about noon now."""
    zone = noon_zone()
    settings_store.save(workspace.db(), quiet_start="08:00", quiet_end="09:00", time_zone=zone)
    return zone


def test_a_row_held_for_quiet_hours_says_until_when(
    qtbot, workspace, before_hours, sms_ready: TwilioServer, koe_app, window
):
    twilio = sms_ready  # noqa: F811
    assert koe_app.start_sender()
    page = send_page(qtbot, window, koe_app)
    queue_one(qtbot, koe_app, page, c.SMS)
    qtbot.waitUntil(lambda: "Quiet hours" in row_details(page), timeout=10_000)
    # Tomorrow at 08:00 there (it is about noon there now).
    assert row_details(page).endswith(" 08:00")
    tomorrow = datetime.now(UTC).astimezone(ZoneInfo(before_hours)) + timedelta(days=1)
    assert row_details(page) == f"Quiet hours: waits until {tomorrow.date()} 08:00"
    assert not page.banner.isVisible()  # the channel itself is fine
    assert twilio.state.counts()[PHONE] == 0


def test_the_passphrase_is_asked_at_start_wrong_then_right(
    qtbot, caplog, workspace, nps_survey, people, email_locked: SmtpPeer, locked_app
):
    caplog.set_level(logging.DEBUG)
    koe, window = locked_app
    outbox_id, _ = queue_invitation(workspace.db(), nps_survey.id, "email", ADDRESS)
    assert koe.sender is None  # locked: no channel has what it needs
    dialog = koe.ask_for_passphrase(window)
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "does not open" in dialog.status.text(), timeout=10_000)
    assert dialog.isVisible() and dialog.passphrase.text() == ""
    assert koe.context.secrets is None
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(koe.sender_restarted, timeout=15_000) as restarted:
        dialog.unlock_button.click()
    assert restarted.args == [True, ""]
    assert not shiboken6.isValid(dialog)  # closed (and gone)
    assert koe.context.secrets is not None and koe.context.secrets.kind == "file"
    # The settings page sees it unlocked too; the sender has the password.
    panel = window.pages["settings"].channels
    assert panel.store is koe.context.secrets and not panel.unlock_button.isVisibleTo(panel)
    assert koe.ask_for_passphrase(window) is None  # once per start
    # The sender has the password: the email that waited goes.
    qtbot.waitUntil(lambda: email_locked.sink.count(ADDRESS) == 1, timeout=15_000)
    qtbot.waitUntil(lambda: outbox_store.get(workspace.db(), outbox_id).status == "sent")
    assert PASSPHRASE not in caplog.text and "not the passphrase" not in caplog.text


def test_later_leaves_sending_paused_and_the_send_page_offers_to_unlock(qtbot, people, locked_app):
    koe, window = locked_app
    dialog = koe.ask_for_passphrase(window)
    assert dialog is not None
    dialog.later_button.click()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    page = send_page(qtbot, window, koe)
    qtbot.waitUntil(page.banner.isVisible, timeout=10_000)
    assert "secrets file is locked" in page.banner.label.text()
    assert page.banner.fix_button.isVisible() and page.banner.fix_button.text() == "Unlock…"
    page.banner.fix_button.click()
    unlock = page.unlock_dialog
    assert isinstance(unlock, PassphraseDialog) and unlock.isVisible()
    unlock.passphrase.setText(PASSPHRASE)
    unlock.unlock_button.click()
    qtbot.waitUntil(lambda: not page.banner.isVisible(), timeout=10_000)
    assert koe.context.secrets is not None
    qtbot.waitUntil(lambda: koe.sender is not None and koe.sender.lane_running("email"))


def test_a_test_email_that_went_is_recorded_until_the_settings_change(
    qtbot,
    workspace,
    smtp: SmtpPeer,  # noqa: F811
    koe_app,
    window,
):
    """What the review step calls "tested": a test message went with the current settings."""
    panel = window.pages["settings"].channels
    type_smtp(panel, smtp)
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    assert koe_app.context.settings.email_tested_at == ""
    panel.email_test_to.setText("owner@shop.example")
    with qtbot.waitSignal(koe_app.context.settings_changed, timeout=10_000):
        panel.email_test_button.click()
    tested = settings_store.load(workspace.db()).email_tested_at
    assert datetime.fromisoformat(tested) > datetime.now(UTC) - timedelta(minutes=1)
    assert koe_app.context.settings.email_tested_at == tested
    assert koe_app.context.settings.sms_tested_at == ""  # only the channel that went

    # A failed test records nothing; a new password makes the last test say nothing.
    smtp.sink.refuse["nobody@shop.example"] = "550 No such user"
    panel.email_test_to.setText("nobody@shop.example")
    with qtbot.waitSignal(panel.tested, timeout=10_000) as outcome:
        panel.email_test_button.click()
    assert outcome.args == ["failed"]
    assert settings_store.load(workspace.db()).email_tested_at == tested
    panel.smtp_password.setText("a-new-password")
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    assert settings_store.load(workspace.db()).email_tested_at == ""


def test_run_asks_for_the_passphrase_at_start(qtbot, no_keyring, workspace_dir):
    """``python main.py`` on a workspace whose secrets are in the encrypted file asks for
    its passphrase once the window shows; a wrong one is said, the right one sends."""
    sink, port = MailSink(), free_port()
    controller = start_smtp(sink, port)
    with Workspace.open(workspace_dir) as ws:
        settings_store.save(ws.db(), port=free_port(), language="en")
        set_up_email(ws.db(), SmtpPeer(sink, port))
        store_secrets(secrets.EncryptedFileSecrets(ws.folder, PASSPHRASE), sms=False)
        survey = make_survey(ws)
        queue_invitation(ws.db(), survey.id, "email", ADDRESS)
    seen: list[str] = []

    def dialog() -> PassphraseDialog | None:
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PassphraseDialog)]
        return found[0] if found and found[0].isVisible() else None

    def step() -> None:  # a small script, as a user would type, polled by a timer
        shown = dialog()
        if not seen and shown is not None:
            seen.append("asked")
            shown.passphrase.setText(WRONG)
            shown.unlock_button.click()
        elif seen == ["asked"] and shown is not None and "does not open" in shown.status.text():
            seen.append("refused")
            shown.passphrase.setText(PASSPHRASE)
            shown.unlock_button.click()
        elif seen == ["asked", "refused"] and sink.count(ADDRESS) == 1:
            seen.append("sent")
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow):
                    widget.close()
            return
        if time.monotonic() > give_up:
            QApplication.closeAllWindows()  # never hangs: the assertions below say what failed
            return
        QTimer.singleShot(50, step)

    give_up = time.monotonic() + 30
    QTimer.singleShot(50, step)
    try:
        assert app_module.run(workspace_dir, ["koe"]) == 0
    finally:
        controller.stop()
        root = logging.getLogger()
        for handler in list(root.handlers):
            if getattr(handler, "koe_workspace_log", False):
                root.removeHandler(handler)
                handler.close()
    assert seen == ["asked", "refused", "sent"]
    log_text = (workspace_dir / "logs" / "koe.log").read_text(encoding="utf-8")
    assert "Koe started" in log_text
    assert PASSPHRASE not in log_text and WRONG not in log_text
