"""Every error a Japanese owner meets is said in Japanese.

The window is in Japanese (the workspace's language setting, the translator
installed as at start) and each error is caused for real: an SMTP server
(aiosmtpd) that refuses an address or the login, the Twilio-compatible server
refusing a number, a port another program holds, a damaged workspace file, a
file that is not a backup, a CSV that is not in the encoding chosen, a public
host that does not answer, a campaign SMS that Twilio refuses. What the window
then shows is read as the owner reads it, and may hold no English words but the
names of things (Koe, Twilio, SMTP…) and what came from elsewhere as it came:
the mail server's own reply, an address, a file name.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from channels.links import new_token
from channels.outbox import Dispatcher, Timing
from channels.sms import TwilioSms
from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import responses as response_store
from storage import segments as segment_store
from storage import settings as settings_store
from storage.segments import Condition
from storage.workspace import Workspace, WorkspaceError
from surveys.campaign_plan import PlannedDelivery, PlannedMessage
from surveys.model import Survey
from tests.channels.conftest import (  # noqa: F401 (the smtp and twilio fixtures)
    SMTP_PASSWORD,
    SMTP_USER,
    SmtpPeer,
    smtp,
    twilio,
    twilio_settings,
)
from tests.conftest import make_survey
from tests.helpers import free_port
from tests.twilio_server import AUTH_TOKEN, TwilioServer
from tests.ui.channel_setup import PUBLIC_URL, set_up_sms, type_smtp
from tests.ui.closing import full_disk
from ui.common import i18n
from ui.contacts.import_dialog import STEP_MAPPING, STEP_REPORT
from ui.main_window import MainWindow
from ui.session import KoeApp
from ui.settings.page import SettingsPage
from ui.startup import startup_error_text

# Names Koe's Japanese keeps in Latin letters, as Japanese apps do.
NAMES = {
    "Koe", "Twilio", "SMS", "SMTP", "STARTTLS", "SID", "ID", "Messaging", "Service",
    "CSV", "Excel", "SQLite", "STOP", "NUL", "ESC", "HTTPS", "HTTP", "URL", "DNS",
}  # fmt: skip
TIMEOUT = 15_000
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0, status_every=0.0)


def english_in(text: str, *as_it_came: str) -> list[str]:
    """The English words in ``text`` once the words that came from elsewhere (a server's
    reply, an address, a path) are taken out; names of things are not English."""
    for outside in sorted(as_it_came, key=len, reverse=True):  # a path before its folder
        text = text.replace(outside, " ")
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in NAMES]


def assert_japanese(text: str, *as_it_came: str) -> None:
    assert text.strip(), "nothing was shown"
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), text
    assert english_in(text, *as_it_came) == [], text


@pytest.fixture
def japanese(qapp, workspace: Workspace) -> Iterator[None]:
    """The workspace set to Japanese and its catalogue installed, as ``ui.app.run`` does."""
    settings_store.save(workspace.db(), language="ja")
    i18n.install_translator(qapp, "ja")
    yield
    i18n.install_translator(qapp, "en")


@pytest.fixture
def ja_window(qtbot, japanese, koe_app: KoeApp) -> MainWindow:
    koe_app.start_server()
    window = koe_app.build_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def settings_page(qtbot, window: MainWindow, koe_app: KoeApp) -> SettingsPage:
    window.show_page("settings")
    page = window.pages["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0)
    return page


def send_test(qtbot, panel, button, to_field, to: str) -> str:
    to_field.setText(to)
    with qtbot.waitSignal(panel.tested, timeout=TIMEOUT):
        button.click()
    return panel.test_status.text()


# -- messages ------------------------------------------------------------------------


def test_smtp_refusals_are_japanese(qtbot, ja_window, koe_app, smtp: SmtpPeer):  # noqa: F811
    refusal = "550 5.1.1 <nobody@shop.example>: Recipient address rejected"
    smtp.sink.refuse["nobody@shop.example"] = refusal
    panel = settings_page(qtbot, ja_window, koe_app).channels
    type_smtp(panel, smtp)
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()

    refused = send_test(
        qtbot, panel, panel.email_test_button, panel.email_test_to, "nobody@shop.example"
    )
    assert_japanese(refused, refusal.removeprefix("550 "), "nobody@shop.example", "550")

    panel.smtp_password.setText("not-the-password")
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    login = send_test(
        qtbot, panel, panel.email_test_button, panel.email_test_to, "owner@shop.example"
    )
    assert_japanese(login, f"127.0.0.1:{smtp.port}", "owner@shop.example", "535")
    assert "ユーザー名またはパスワード" in login


def test_twilio_refusals_are_japanese(qtbot, ja_window, koe_app, twilio: TwilioServer):  # noqa: F811
    twilio.state.landlines.add("+81312345678")
    set_up_sms(koe_app.workspace.db(), twilio, tested=False)  # the address of the local Twilio
    koe_app.context.adopt_settings(settings_store.load(koe_app.workspace.db()))
    panel = settings_page(qtbot, ja_window, koe_app).channels
    panel.load(koe_app.context.settings)
    panel.auth_token.setText(AUTH_TOKEN)
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()

    landline = send_test(qtbot, panel, panel.sms_test_button, panel.sms_test_to, "+81312345678")
    assert_japanese(landline, "+81312345678", "21614")
    assert "固定電話" in landline

    panel.auth_token.setText("wrong-token")
    with qtbot.waitSignal(panel.saved):
        panel.save_button.click()
    refused = send_test(qtbot, panel, panel.sms_test_button, panel.sms_test_to, "+819012345678")
    assert_japanese(refused, "+819012345678", "20003")
    assert "認証トークン" in refused


def test_a_campaign_sms_twilio_refused_is_japanese_in_its_progress(
    qtbot,
    ja_window,
    koe_app,
    workspace,
    nps_survey: Survey,
    twilio: TwilioServer,  # noqa: F811
):
    db = workspace.db()
    settings_store.save(db, public_url=PUBLIC_URL)
    landline = contact_store.add(db, name="山田", phone="+81312345678", language="ja")
    token = new_token()
    invitation = PlannedMessage(
        purpose="invitation",
        channel="sms",
        recipient="+81312345678",
        subject=None,
        body=f"ご意見をお聞かせください {PUBLIC_URL}/r/{token}",
        not_before=datetime.now(UTC) - timedelta(minutes=1),
    )
    campaign_id = campaign_store.create(
        db,
        survey_id=nps_survey.id or 0,
        name="春",
        settings={},
        deliveries=[PlannedDelivery(landline, "sms", token, "ja", (invitation,))],
    )
    twilio.state.landlines.add("+81312345678")
    sms = TwilioSms(twilio_settings(twilio))
    Dispatcher(workspace.db_path, {"sms": sms}, timing=FAST).run_until_idle()

    ja_window.show_page("send")
    send = ja_window.pages["send"]
    qtbot.waitUntil(lambda: send.data is not None, timeout=TIMEOUT)
    send.select_campaign(campaign_id)
    view = send.progress
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=TIMEOUT)
    shown = [
        str(view.model.index(0, column).data() or "") for column in range(view.model.columnCount())
    ]
    assert_japanese(" ".join(shown), "+81312345678", "21614")


# -- the site, the workspace, backups --------------------------------------------------


def test_a_busy_port_is_said_in_japanese(qtbot, japanese, workspace):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        koe = KoeApp(workspace, port=port)
        try:
            assert not koe.start_server()
            window = koe.build_window()
            qtbot.addWidget(window)
            shown = window.server_label.text()
        finally:
            koe.shutdown()
    assert_japanese(shown, "127.0.0.1", str(port))
    assert str(port) in shown


def test_a_damaged_workspace_is_said_in_japanese(japanese, tmp_path: Path):
    folder = tmp_path / "damaged"
    Workspace.open(folder).close()
    (folder / "koe.sqlite3").write_bytes(b"")
    with pytest.raises(WorkspaceError) as refused:
        Workspace.open(folder)
    shown = startup_error_text(refused.value)
    assert_japanese(
        shown,
        str(folder / "koe.sqlite3"),
        str(folder / "backups"),
        str(folder),
        "main.py backups restore --data-dir",
        "FILE",
    )


def test_restoring_a_file_that_is_not_a_backup_is_said_in_japanese(
    qtbot, ja_window, koe_app, tmp_path: Path
):
    page = settings_page(qtbot, ja_window, koe_app)
    not_a_backup = tmp_path / "notes.sqlite3"
    not_a_backup.write_bytes(b"hello")
    panel = page.backups
    panel.restore(not_a_backup)
    qtbot.waitUntil(lambda: not panel._busy, timeout=TIMEOUT)
    assert_japanese(panel.status.text(), "notes.sqlite3")


def test_a_host_that_does_not_answer_is_said_in_japanese(qtbot, ja_window, koe_app):
    panel = settings_page(qtbot, ja_window, koe_app).sync_panel
    url = f"http://127.0.0.1:{free_port()}"
    panel.host_url.setText(url)
    panel.key.setText("ui-test-sync-key-" + "Qw3r" * 6)
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "127.0.0.1" in panel.check_status.text(), timeout=TIMEOUT)
    assert_japanese(panel.check_status.text(), url)


def test_import_problems_are_said_in_japanese(qtbot, ja_window, koe_app, tmp_path):
    ja_window.show_page("contacts")
    contacts = ja_window.pages["contacts"]
    empty = tmp_path / "空.csv"
    empty.write_bytes(b"")
    refused = contacts.import_file(empty)
    qtbot.waitUntil(lambda: refused.step == STEP_REPORT, timeout=TIMEOUT)
    assert_japanese(refused.summary.text(), "空.csv")
    refused.reject()

    table = tmp_path / "顧客.csv"
    table.write_bytes("名前,電話\n山田,09012345678\n".encode("cp932"))
    dialog = contacts.import_file(table)
    qtbot.waitUntil(lambda: dialog.step == STEP_MAPPING, timeout=TIMEOUT)
    encoding = dialog.mapping.encoding
    utf8 = encoding.findData("utf-8")
    encoding.setCurrentIndex(utf8)
    encoding.activated.emit(utf8)
    qtbot.waitUntil(lambda: dialog.mapping.error.isVisible(), timeout=TIMEOUT)
    assert_japanese(dialog.mapping.error.text(), "顧客.csv", "utf-8", "0x96", "0x8e")
    dialog.reject()


# -- the rest: a full disk, a typed address, the detractor banner ------------------------


def test_a_full_disk_on_save_is_said_in_japanese(qtbot, ja_window, koe_app, monkeypatch):
    page = settings_page(qtbot, ja_window, koe_app)
    monkeypatch.setattr(settings_store, "save", full_disk)
    page.business_name.setText("さくらベーカリー")
    page.save_button.click()
    qtbot.waitUntil(lambda: "ディスク" in page.save_status.text(), timeout=TIMEOUT)
    assert_japanese(page.save_status.text())


def test_a_mistyped_email_address_is_said_in_japanese(qtbot, ja_window, koe_app):
    ja_window.show_page("contacts")
    contacts = ja_window.pages["contacts"]
    dialog = contacts.add_contact()
    dialog.name.setText("山田")
    for typed in ("yamada.example.com", "yamada@", "yamada..k@example.com", "yamada@example"):
        dialog.email.setText(typed)
        dialog.check_and_accept()
        assert dialog.error.isVisible() and dialog.isVisible()
        assert_japanese(dialog.error.text(), typed, "example.com")
    dialog.reject()


def test_a_segment_name_taken_is_said_in_japanese(qtbot, ja_window, koe_app, workspace):
    segment_store.save(workspace.db(), "常連", [Condition("plan", segment_store.OP_IN, ("gold",))])
    ja_window.show_page("contacts")
    contacts = ja_window.pages["contacts"]
    qtbot.waitUntil(lambda: koe_app.worker.pending == 0, timeout=TIMEOUT)
    contacts.segment.setCurrentIndex(contacts.segment.findData(None))
    contacts.edit_segment()
    qtbot.waitUntil(lambda: contacts.segment_dialog is not None, timeout=TIMEOUT)
    dialog = contacts.segment_dialog
    dialog.name.setText("常連")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=TIMEOUT)
    assert "常連" in dialog.error.text()
    assert_japanese(dialog.error.text())
    dialog.reject()


def alerts_shown(qtbot, window: MainWindow, workspace: Workspace, survey: Survey, scores) -> str:
    """The banner once answers with ``scores`` came in (as the site stores them)."""
    alerts = window.alerts
    qtbot.waitUntil(lambda: alerts._after is not None, timeout=TIMEOUT)
    qid = survey.headline_question.qid
    for score in scores:
        response_store.record(workspace.db(), survey, {qid: score}, language="ja")
    with qtbot.waitSignal(alerts.raised, timeout=TIMEOUT):
        window.context.responses_changed.emit(survey.id)
    return window.alert_bar.text()


def test_the_detractor_banner_counts_in_japanese(qtbot, ja_window, workspace):
    survey = make_survey(workspace, "nps", languages=("ja",))
    shown = alerts_shown(qtbot, ja_window, workspace, survey, (2, 3))
    assert shown.startswith("批判者の回答が 2 件ありました。コメントのページ"), shown
    assert_japanese(shown)


def test_a_low_csat_is_not_called_a_detractor(qtbot, ja_window, workspace):
    survey = make_survey(workspace, "csat", languages=("ja",))
    shown = alerts_shown(qtbot, ja_window, workspace, survey, (1,))
    assert shown.startswith("不満の回答がありました（5 点中 1 点）。"), shown
    assert "批判者" not in shown
    assert_japanese(shown)
