"""A public host emails the owners' detractor alerts while the desktop is off: once, overall.

Two real Koe processes over HTTPS on 127.0.0.1 (tests/sync/conftest.py): the
host (``serve`` with a sync key), whose email server its operator wrote into
its encrypted secrets file with ``main.py alert-email``, and the desktop
(``main.py sync``), whose own alerting runs as the window runs it after a sync
(``queue_owner_alerts``, then its sender). Each side has its own real aiosmtpd;
an owner's mail is counted across both.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable, Iterator
from email.header import decode_header, make_header
from email.message import Message
from email.utils import parseaddr
from pathlib import Path

import pytest

from channels.links import new_token
from channels.outbox import Dispatcher, Timing
from channels.owner_alerts import Outcome, queue_owner_alerts
from channels.sender import configured_channels
from storage import alert_claims
from storage import contacts as contact_store
from storage import deliveries as delivery_store
from storage import settings as settings_store
from storage import sync as sync_store
from storage.workspace import Workspace
from surveys.model import Survey
from tests.channels.conftest import SMTP_PASSWORD, SMTP_USER, MailServer
from tests.conftest import make_survey
from tests.helpers import koe_after
from tests.sync.conftest import KEY, ROOT, Desktop, Host, Tls, child_env, koe_command, post_page

PASSPHRASE = "the host's secrets passphrase, for tests"
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
OWNER, SECOND_OWNER = "sato@shop.example", "ken@shop.example"
HOST_FROM, DESKTOP_FROM = "alerts@host.example", "koe@shop.example"
# The customers: none of it may ever be on the host.
CUSTOMERS = [
    ("山田 花子", "hanako.yamada@example.jp", "+819012345678"),
    ("Jonathan Quill", "jonathan.quill@example.com", "+14155550123"),
]
COMMENT = "レジの待ち時間が長すぎました"
FAST = Timing(idle=0.02, channel_down_wait=0.05, retry_base=0.0)
MAIL_TIMEOUT = 20.0
# serve tries a mail server it found down again after channel_down_wait: 30 s in the
# product, RETRY here (channels.host_alerts.TIMING, set before serve starts).
RETRY = 2.0
PACED = koe_after(
    "import channels.host_alerts as h, channels.lane as lane; "
    f"h.TIMING = lane.Timing(channel_down_wait={RETRY})"
)


# --- the two sides ------------------------------------------------------------------


@pytest.fixture
def host_mail() -> Iterator[MailServer]:
    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture
def desktop_mail() -> Iterator[MailServer]:
    server = MailServer().start()
    yield server
    server.stop()


def alert_email_command(folder: Path, work: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """The operator's ``main.py alert-email`` on the host, with no keyring there."""
    passphrase = work / "secrets.passphrase"
    passphrase.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return subprocess.run(
        koe_command(
            "alert-email", "--data-dir", str(folder),
            "--secrets-passphrase-file", str(passphrase), *extra,
        ),
        cwd=ROOT, capture_output=True, text=True, timeout=60, env={**child_env(), **NO_KEYRING},
    )  # fmt: skip


def give_the_host_email(host: Host, mail: MailServer, work: Path, *extra: str) -> str:
    """What an operator does once: the host's own email server, in its secrets file."""
    password = work / "smtp.password"
    password.write_text(SMTP_PASSWORD + "\n", encoding="utf-8")
    done = alert_email_command(
        host.folder, work,
        "--smtp-host", "127.0.0.1", "--smtp-port", str(mail.port), "--security", "none",
        "--user", SMTP_USER, "--password-file", str(password), "--from", HOST_FROM, *extra,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def host(tmp_path: Path, tls: Tls, host_mail: MailServer) -> Iterator[Host]:
    """A public host with an email server for alerts, unlocked by its passphrase file
    (conftest's ``desktop`` syncs with this one)."""
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    host = Host(tmp_path / "host", tls, key_file, tmp_path / "host.log")
    Workspace.open(host.folder).close()  # as serve's first start made it
    saved = give_the_host_email(host, host_mail, tmp_path)
    assert "Restart serve" in saved and SMTP_PASSWORD not in saved
    host.extra = ["--secrets-passphrase-file", str(tmp_path / "secrets.passphrase")]
    host.env = NO_KEYRING
    host.python_prefix = PACED
    host.start()
    try:
        yield host
    finally:
        host.stop()


def prepare(
    desktop: Desktop,
    desktop_mail: MailServer,
    *,
    host_alerts: bool = True,
    owners: tuple[tuple[str, str], ...] = (("佐藤", OWNER),),
) -> tuple[Survey, list[str]]:
    """The owner's settings, an open NPS survey and a personal link for each customer."""
    with desktop.open() as workspace:
        db = workspace.db()
        settings_store.save(
            db,
            language="ja",
            time_zone="Asia/Tokyo",
            business_name="カフェ・コエ",
            owners=[name for name, _ in owners],
            owner_emails=list(owners),
            alert_email=True,
            host_alerts=host_alerts,
            smtp_host="127.0.0.1",
            smtp_port=desktop_mail.port,
            smtp_security="none",
            smtp_from=DESKTOP_FROM,
        )
        survey = make_survey(workspace, "nps", languages=("ja", "en"))
        assert survey.id is not None
        tokens = []
        for name, email, phone in CUSTOMERS:
            contact = contact_store.add(db, name=name, email=email, phone=phone)
            delivery = delivery_store.create(
                db, survey_id=survey.id, token=new_token(), channel="email", contact_id=contact
            )
            tokens.append(delivery.token)
    return survey, tokens


def answer(host: Host, token: str, score: int, comment: str = COMMENT) -> None:
    """A customer answers on the host through their personal link (score and comment)."""
    with host.client() as browser:
        posted = post_page(browser, f"/r/{token}", {"nps": str(score), "reason": comment})
    assert posted.status_code == 303, posted.text[:300]


def desktop_alerts(desktop: Desktop) -> list[Outcome]:
    """What the window does after a sync brought answers: queue the alerts, send them."""
    with desktop.open() as workspace:
        db = workspace.db()
        settings = settings_store.load(db)
        outcomes = queue_owner_alerts(db, settings, 0, "ja")
        channels = configured_channels(settings, lambda name: None)
        Dispatcher(workspace.db_path, channels, timing=FAST).run_until_idle(timeout=10)
    return outcomes


def mail_to(address: str, *servers: MailServer) -> list[Message]:
    return [message for server in servers for to, message in server.sink.received if to == address]


def wait_for(check: Callable[[], bool], what: str, timeout: float = MAIL_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def host_emails(host: Host) -> list[tuple[str, str, str | None]]:
    """The host's outbox: (recipient, status, error) of each row."""
    with host.read() as workspace:
        return [
            tuple(row)
            for row in workspace.db().execute(
                "SELECT recipient, status, error FROM outbox ORDER BY id"
            )
        ]


def alert_outcomes(desktop: Desktop) -> list[str]:
    """The desktop's decision on each answer's owners' alert."""
    with desktop.read() as workspace:
        return [
            row[0]
            for row in workspace.db().execute(
                "SELECT outcome FROM response_messages WHERE purpose = 'owner_alert'"
                " ORDER BY response_id"
            )
        ]


def text_of(message: Message) -> str:
    (plain,) = [part for part in message.walk() if part.get_content_type() == "text/plain"]
    payload = plain.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode(plain.get_content_charset() or "utf-8")


def header(message: Message, name: str) -> str:
    return str(make_header(decode_header(message[name])))


def no_customer_on(host: Host) -> None:
    """Nothing of any customer in any file of the host: database, its journal, backups, logs."""
    blobs = b"".join(path.read_bytes() for path in host.folder.rglob("*") if path.is_file())
    for customer in CUSTOMERS:
        for detail in customer:
            assert detail.encode() not in blobs, detail
    with host.read() as workspace:
        assert workspace.db().execute("SELECT count(*) FROM contacts").fetchone() == (0,)


# --- the tests ---------------------------------------------------------------------


def test_the_host_alerts_a_detractor_once_while_the_desktop_is_off(
    host: Host, desktop: Desktop, host_mail: MailServer, desktop_mail: MailServer
):
    survey, tokens = prepare(desktop, desktop_mail)
    desktop.sync()  # publishes: host alerts on, the owner's address; then the desktop is off
    no_customer_on(host)
    with host.read() as workspace:
        published = settings_store.load(workspace.db())
    assert published.host_alerts and published.alert_recipients() == [OWNER]

    answer(host, tokens[1], 10, "Lovely")  # a promoter first: no alert
    answer(host, tokens[0], 3)

    wait_for(lambda: [s for _, s, _ in host_emails(host)] == ["sent"], "the host's alert to go")
    (message,) = mail_to(OWNER, host_mail, desktop_mail)
    assert parseaddr(message["To"])[1] == OWNER
    assert parseaddr(message["From"])[1] == HOST_FROM
    assert "3/10" in header(message, "Subject")
    body = text_of(message)
    assert "お客様から低い評価の回答がありました。" in body  # the owners' language
    assert "スコア：3/10" in body and COMMENT in body
    assert survey.title.get_for("ja") in body
    assert "(Asia/Tokyo)" in body and "回答日時：" in body
    assert "Koeを開いて" in body  # where to follow it up: the desktop, no link
    assert "http" not in body
    assert "お客様にお送りしています" not in body  # not the customers' footer
    assert "担当者として登録されているため" in body  # why an owner gets it
    assert "Lovely" not in body and len(host_emails(host)) == 1  # the promoter raised nothing
    no_customer_on(host)

    desktop.sync()  # the desktop is back
    assert desktop_alerts(desktop) == []
    assert alert_outcomes(desktop) == [alert_claims.HOST_SENT]
    assert len(mail_to(OWNER, host_mail, desktop_mail)) == 1
    assert desktop_mail.sink.received == []
    desktop.sync()  # and again: still once
    assert desktop_alerts(desktop) == [] and len(mail_to(OWNER, host_mail, desktop_mail)) == 1


def test_with_host_alerts_off_the_host_sends_nothing_and_the_desktop_alerts_once(
    host: Host, desktop: Desktop, host_mail: MailServer, desktop_mail: MailServer
):
    _, tokens = prepare(desktop, desktop_mail, host_alerts=False)
    desktop.sync()
    with host.read() as workspace:
        published = settings_store.load(workspace.db())
    # Switched off, the host does not even keep the owners' addresses.
    assert not published.host_alerts and published.owner_emails == ()
    answer(host, tokens[0], 2)

    desktop.sync()
    (outcome,) = desktop_alerts(desktop)
    assert outcome.outcome == "queued"
    (message,) = mail_to(OWNER, host_mail, desktop_mail)
    assert parseaddr(message["From"])[1] == DESKTOP_FROM
    assert "回答者：山田 花子" in text_of(message)  # the desktop knows its customer
    assert host_emails(host) == [] and host_mail.sink.received == []
    desktop.sync()
    assert desktop_alerts(desktop) == [] and len(mail_to(OWNER, host_mail, desktop_mail)) == 1


def test_a_host_without_an_email_server_leaves_the_alerts_to_the_desktop(
    tmp_path: Path, tls: Tls, desktop_mail: MailServer
):
    key_file = tmp_path / "sync.key"
    key_file.write_text(KEY + "\n", encoding="utf-8")
    bare = Host(tmp_path / "bare", tls, key_file, tmp_path / "bare.log")
    bare.env = NO_KEYRING
    bare.start()
    try:
        desktop = Desktop(tmp_path / "desktop", bare)
        _, tokens = prepare(desktop, desktop_mail)  # the owner asks for alerts from the host
        desktop.sync()
        with desktop.read() as workspace:
            assert sync_store.load_state(workspace.db()).host_alert_email == "none"
        answer(bare, tokens[0], 1)
        desktop.sync()
        assert [o.outcome for o in desktop_alerts(desktop)] == ["queued"]
        assert len(mail_to(OWNER, desktop_mail)) == 1
        assert host_emails(bare) == []
    finally:
        bare.stop()
    assert "Owners' alerts are not emailed from here" in bare.log.read_text()


def test_smtp_down_on_the_host_is_retried_and_the_alert_sent_once(
    host: Host, desktop: Desktop, host_mail: MailServer, desktop_mail: MailServer
):
    _, tokens = prepare(desktop, desktop_mail)
    desktop.sync()
    host_mail.stop()
    answer(host, tokens[0], 4)
    wait_for(
        lambda: any("Cannot reach the mail server" in (e or "") for _, _, e in host_emails(host)),
        "the host to find its mail server down",
    )
    assert [s for _, s, _ in host_emails(host)] == ["queued"]  # kept, to be tried again

    desktop.sync()  # meanwhile the desktop syncs: the host's alert is pending, not its own
    assert desktop_alerts(desktop) == []
    assert alert_outcomes(desktop) == [alert_claims.HOST_PENDING]

    host_mail.start()  # the server is back: the next try (RETRY s after a failure) sends it
    wait_for(lambda: len(mail_to(OWNER, host_mail)) == 1, "the retried alert")
    wait_for(lambda: [s for _, s, _ in host_emails(host)] == ["sent"], "the host to mark it")
    desktop.sync()
    assert desktop_alerts(desktop) == []
    assert alert_outcomes(desktop) == [alert_claims.HOST_SENT]
    assert len(mail_to(OWNER, host_mail, desktop_mail)) == 1


def test_an_owner_the_host_could_not_reach_is_alerted_by_the_desktop(
    host: Host, desktop: Desktop, host_mail: MailServer, desktop_mail: MailServer
):
    _, tokens = prepare(desktop, desktop_mail, owners=(("佐藤", OWNER), ("Ken", SECOND_OWNER)))
    host_mail.sink.refuse[SECOND_OWNER] = "550 5.1.1 No such mailbox here"
    desktop.sync()
    answer(host, tokens[0], 0)
    wait_for(
        lambda: sorted(s for _, s, _ in host_emails(host)) == ["failed", "sent"],
        "the host's two emails to settle",
    )

    desktop.sync()
    (outcome,) = desktop_alerts(desktop)
    assert outcome.outcome == "queued" and len(outcome.outbox_ids) == 1  # only the one missed
    assert len(mail_to(OWNER, host_mail, desktop_mail)) == 1
    assert [parseaddr(m["From"])[1] for m in mail_to(SECOND_OWNER, host_mail, desktop_mail)] == [
        DESKTOP_FROM
    ]
    desktop.sync()
    assert desktop_alerts(desktop) == []
    assert len(mail_to(SECOND_OWNER, host_mail, desktop_mail)) == 1


def test_a_restarted_or_restored_host_never_alerts_twice(
    host: Host, desktop: Desktop, host_mail: MailServer, desktop_mail: MailServer
):
    _, tokens = prepare(desktop, desktop_mail)
    desktop.sync()
    answer(host, tokens[1], 5, "sent by the host")
    wait_for(lambda: len(mail_to(OWNER, host_mail)) == 1, "the host's first alert")
    wait_for(lambda: [s for _, s, _ in host_emails(host)] == ["sent"], "the host to mark it")
    desktop.sync()

    host.stop()
    host_mail.stop()  # (the host's connection from the first alert went with it)
    host.start()
    answer(host, tokens[0], 2, "queued while mail was down")
    wait_for(
        lambda: (
            [(s, "Cannot reach" in (e or "")) for _, s, e in host_emails(host)]
            == [("sent", False), ("queued", True)]
        ),
        "the second alert to wait for the mail server",
    )
    host.stop()
    with Workspace.open(host.folder) as workspace:
        backup = workspace.back_up_now()  # holds the second alert, queued
    host_mail.start()
    host.start()
    # A restart cannot be told from a restore: the queued alert is the desktop's now.
    assert [s for _, s, _ in host_emails(host)] == ["sent", "canceled"]

    desktop.sync()
    assert [o.outcome for o in desktop_alerts(desktop)] == ["queued"]
    assert alert_outcomes(desktop) == [alert_claims.HOST_SENT, "queued"]
    assert len(mail_to(OWNER, host_mail, desktop_mail)) == 2  # each answer once

    host.stop()
    with Workspace.open(host.folder) as workspace:
        workspace.restore(backup)  # the alert is queued again in the host's file
    host.start()
    assert [s for _, s, _ in host_emails(host)] == ["sent", "canceled"]
    result = desktop.sync()
    assert "had gone back" in result.stdout  # the desktop pulled everything again
    assert desktop_alerts(desktop) == []
    assert alert_outcomes(desktop) == [alert_claims.HOST_SENT, "queued"]
    assert len(mail_to(OWNER, host_mail, desktop_mail)) == 2
    assert host_emails(host)[-1][1] == "canceled"
    no_customer_on(host)
