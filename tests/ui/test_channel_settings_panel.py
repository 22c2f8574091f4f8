"""Settings ▸ Messages: settings persist, secrets land in the keyring (or the encrypted
file when there is none), never in SQLite."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import fail

from storage import secrets
from storage import settings as settings_store
from storage.workspace import Workspace
from tests.channels.conftest import SMTP_PASSWORD, SMTP_USER, smtp  # noqa: F401
from tests.conftest import MemoryKeyring
from tests.ui.channel_setup import type_smtp
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.channel_checks import sender_problem
from ui.settings.channels_panel import ChannelSettingsPanel
from ui.settings.page import SettingsPage

SID = "AC" + "0123456789abcdef" * 2
TOKEN = "auth-token-5f2b9c"
PASSWORD = "smtp-password-7d1e"


def database_text(workspace: Workspace) -> str:
    return "\n".join(workspace.db().conn.iterdump())


@pytest.fixture
def panel(qtbot, window: MainWindow, koe_app: KoeApp) -> ChannelSettingsPanel:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return page.channels


@pytest.mark.parametrize(
    ("sender", "ok"),
    [
        ("+15551234567", True),
        ("Sakura", True),
        ("MG" + "a" * 32, True),
        ("", True),
        ("0312345678", False),
        ("TwelveLetters", False),
        ("12345", False),
    ],
)
def test_sender_kinds(sender, ok):
    assert (sender_problem(sender) == "") is ok


def test_settings_persist_and_secrets_go_to_the_keyring(
    qtbot, panel, koe_app, workspace, memory_keyring: MemoryKeyring
):
    panel.account_sid.setText(SID)
    panel.auth_token.setText(TOKEN)
    panel.sender.setText("+15551234567")
    panel.price.setText("0.0079")
    panel.smtp_host.setText("smtp.example.com")
    panel.smtp_password.setText(PASSWORD)
    panel.smtp_from.setText("survey@example.com")
    panel.postal_address.setPlainText("1-2-3 Shibuya, Tokyo")
    panel.consent.setChecked(True)
    panel.cap_answer.setValue(60)
    panel.time_zone.setCurrentText("America/New_York")
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    stored = settings_store.load(workspace.db())
    assert (stored.twilio_account_sid, stored.twilio_sender, stored.smtp_host) == (
        SID,
        "+15551234567",
        "smtp.example.com",
    )
    assert (stored.consent_required, stored.cap_answer_days, stored.time_zone) == (
        True,
        60,
        "America/New_York",
    )
    assert sorted(memory_keyring.passwords.values()) == sorted([TOKEN, PASSWORD])
    text = database_text(workspace)
    assert TOKEN not in text and PASSWORD not in text
    assert panel.auth_token.text() == ""
    qtbot.waitUntil(lambda: "Stored" in panel.auth_token.placeholderText())


def test_problems_are_said_in_plain_words(qtbot, panel):
    panel.account_sid.setText("nope")
    panel.sender.setText("0312345678")
    panel.price.setText("cheap")
    panel.save_button.click()
    assert "AC" in panel.status.text() and "+15551234567" in panel.status.text()
    assert "0.0079" in panel.status.text()


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_keyring_secrets_go_to_an_encrypted_file(
    qtbot, no_keyring, koe_app: KoeApp, workspace
):
    window = koe_app.build_window()
    qtbot.addWidget(window)
    page = window.pages["settings"]
    panel = page.channels
    assert "no usable keyring" in panel.keyring_status.text()
    panel.smtp_password.setText(PASSWORD)
    panel.save_button.click()
    assert "Unlock" in panel.status.text()
    panel.passphrase.setText("correct horse battery")
    panel.unlock_button.click()
    qtbot.waitUntil(lambda: panel.store is not None)
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    path = workspace.folder / secrets.FALLBACK_FILE
    assert PASSWORD.encode() not in path.read_bytes()
    assert PASSWORD not in database_text(workspace)
    reopened = secrets.EncryptedFileSecrets(workspace.folder, "correct horse battery")
    assert reopened.get(secrets.SMTP_PASSWORD) == PASSWORD


def test_send_a_test_email_through_the_outbox(qtbot, panel, workspace, smtp):  # noqa: F811
    type_smtp(panel, smtp)
    panel.email_test_to.setText("owner@shop.example")
    panel.email_test_button.click()
    assert "Save the settings first" in panel.test_status.text()
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    with qtbot.waitSignal(panel.tested, timeout=10000) as blocker:
        panel.email_test_button.click()
    assert blocker.args == ["sent"], panel.test_status.text()
    assert "was sent to owner@shop.example" in panel.test_status.text()
    assert smtp.sink.count("owner@shop.example") == 1
    purposes = [r[0] for r in workspace.db().execute("SELECT purpose FROM outbox").fetchall()]
    assert purposes == ["test"]


def test_a_test_sms_without_settings_says_what_to_fill_in(qtbot, panel):
    panel.sms_test_to.setText("+819012345678")
    with qtbot.waitSignal(panel.tested) as blocker:
        panel.sms_test_button.click()
    assert blocker.args == ["failed"]
    assert "Fill in the account SID" in panel.test_status.text()


def test_saving_smtp_settings_restarts_the_sender(qtbot, panel, koe_app, nps_survey, smtp):  # noqa: F811
    """A queued email goes out once SMTP is saved in Settings, without restarting Koe."""
    workspace = koe_app.workspace
    from storage import outbox as outbox_store
    from tests.channels.outbox_helpers import PUBLIC_URL, queue_invitation

    db = workspace.db()
    assert nps_survey.id is not None
    settings_store.save(db, public_url=PUBLIC_URL)
    outbox_id, _ = queue_invitation(db, nps_survey.id, "email", "restart@example.jp")
    assert koe_app.start_sender() is False  # nothing configured yet: nothing sends
    type_smtp(panel, smtp)
    panel.postal_address.setPlainText("1-2-3 Shibuya, Tokyo")
    with qtbot.waitSignal(koe_app.sender_restarted, timeout=15000) as restarted:
        panel.save_button.click()
    assert restarted.args == [True, ""]
    assert koe_app.sender is not None and koe_app.sender.running

    def sent() -> bool:
        row = outbox_store.get(db, outbox_id)
        return row is not None and row.status == "sent"

    qtbot.waitUntil(sent, timeout=10000)
    assert smtp.sink.count("restart@example.jp") == 1


def test_a_restart_keeps_the_gui_thread_free(qtbot, koe_app, monkeypatch):
    """Stopping a sender mid-send can take seconds: the GUI thread never waits for it."""
    import threading

    release = threading.Event()

    class SlowSender:
        running = True

        def stop(self) -> None:
            release.wait(10)
            self.running = False

    old = SlowSender()
    koe_app._sending = True
    koe_app.sender = old  # type: ignore[assignment]
    monkeypatch.setattr("ui.sender_restart.start_sender", lambda workspace, **_: None)
    koe_app.context.channels_saved.emit(None)  # returns at once although stop() blocks
    assert old.running and koe_app.sender is None
    with qtbot.waitSignal(koe_app.sender_restarted, timeout=5000) as restarted:
        release.set()
    assert restarted.args == [False, ""] and not old.running
