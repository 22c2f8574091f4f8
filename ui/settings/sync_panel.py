"""Settings → Public host: connect the desktop to its public host, and how the sync goes.

Connect checks the host end to end before keeping anything
(web.sync.check.check_host, on a thread of its own with progress and Cancel):
the address, HTTPS and its certificate, the host's protocol version, the key,
a publish and a pull. Only then does the sync service keep the key (in the
keyring) and make the host's address the public address every link is built
on: one setting, not two (the Settings page shows it read-only while a host
is connected). Every problem is said in plain words, in the user's language,
from the error's kind and cause (never the library's text alone).

All the work (keyring, network, database) runs off the GUI thread; the panel
only shows the SyncView the sync service sends back. The key is never shown:
once kept in the keyring the field says so with dots.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channels.reach import Reach, classify
from storage.database import from_text
from storage.settings import Settings
from storage.sync_desktop import site_payload_of
from surveys.times import zone_named
from ui.common.icons import icon
from ui.common.long_job import LongJob, Progress
from ui.common.problem_words import error_text
from ui.common.widgets import hint
from ui.context import AppContext
from ui.sync_service import SyncService, SyncView
from web.sync import client as sync_client
from web.sync.check import CHECK_STEPS, CheckCancelled, HostCheck, check_host
from web.sync.errors import SyncError
from web.sync.host import normalize_host_url
from web.sync.protocol import PROTOCOL_VERSION, major_of, minor_of

KEY_MASK = "•" * 12


class SyncPanel(QWidget):
    """Connects the desktop to its public host and shows the sync's state in plain words."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.sync is not None, "KoeApp sets up the sync service"
        self.context = context
        self.service: SyncService = context.sync
        self.check: LongJob | None = None
        self.disconnect_box: QMessageBox | None = None
        self._checked_url = ""

        self.explain = hint(
            self.tr(
                "So that customers can answer from anywhere (by SMS, email or a printed QR "
                "code), run Koe's survey site on a public host (see docs/deploy.md), then paste "
                "its address and key here. Koe checks the host, then builds every link on its "
                "address. It sends the host your surveys and the links of your invitations, "
                "never your contacts, and fetches the answers every five minutes while it runs."
            )
        )
        self.host_url = QLineEdit()
        self.host_url.setPlaceholderText("https://survey.example.com")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setClearButtonEnabled(True)
        self.keyring_note = hint("")
        self.keyring_note.setVisible(False)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setToolTip(
            self.tr("Check the host end to end, then sync with it and build links on its address")
        )
        self.connect_button.clicked.connect(self.start_check)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_check)
        self.cancel_button.setVisible(False)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.service.sync_now)
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.disconnect_button.setToolTip(
            self.tr("Stop syncing, and forget the host's key and address on this computer")
        )
        self.disconnect_button.clicked.connect(self.ask_disconnect)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(CHECK_STEPS))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.check_status = _status_label()
        self.host_status = _status_label()
        self.links = _status_label()
        self.last_sync = _status_label()

        self.form = form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Host address"), self.host_url)
        key_box = QVBoxLayout()
        key_box.setSpacing(3)
        key_box.addWidget(self.key)
        key_box.addWidget(self.keyring_note)
        form.addRow(self.tr("Sync key"), key_box)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.disconnect_button)
        # No text for these rows' labels: an empty QLabel would make the form give the
        # wrapped status below more height than its text needs.
        form.addRow(QWidget(), buttons)
        form.addRow(QWidget(), self.progress)
        self.check_icon = QLabel()  # beside the check's outcome: a tick or a warning
        self.check_icon.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.check_icon, self.check_status)
        form.addRow(self.tr("Host"), self.host_status)
        form.addRow(self.tr("Links"), self.links)
        form.addRow(self.tr("Last sync"), self.last_sync)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.explain)
        column.addLayout(form)
        form.setRowVisible(self.progress, False)
        form.setRowVisible(self.check_status, False)

        self._shown_url = ""
        self._view = SyncView()
        self.host_url.textChanged.connect(self._update_buttons)
        self.key.textChanged.connect(self._update_buttons)
        self.host_url.returnPressed.connect(self.start_check)
        self.key.returnPressed.connect(self.start_check)
        self.service.changed.connect(self.show_view)
        context.settings_changed.connect(self._on_settings_changed)
        self._paint_icons()
        self.show_view(self.service.view)
        self.service.refresh()

    # -- connecting: the check ---------------------------------------------------

    @property
    def checking(self) -> bool:
        return self.check is not None

    def start_check(self) -> None:
        """Check the typed host end to end off the GUI thread; connect when it passes."""
        if self.checking or not self.connect_button.isEnabled():
            return
        url = self.host_url.text().strip()
        typed_key = self.key.text().strip()
        site = site_payload_of(self.context.settings)
        ca_file = self.service.ca_file

        def work(progress: Progress) -> tuple[HostCheck, str] | SyncError:
            total = len(CHECK_STEPS)
            # The key kept for this host checks it again when none is typed.
            key = typed_key or _kept_key(url)

            def step(name: str) -> bool:
                return progress(CHECK_STEPS.index(name), total)

            try:
                return check_host(url, key, site, ca_file=ca_file, step=step), key
            except SyncError as problem:  # expected: said in the panel, no traceback logged
                return problem

        job = LongJob(self, cancelled_by=(CheckCancelled,))
        job.progressed.connect(self._on_check_progress)
        job.succeeded.connect(self._on_checked)
        job.failed.connect(self._on_check_failed)
        job.cancelled.connect(self._on_check_cancelled)
        self.check = job
        self.progress.setValue(0)
        self.form.setRowVisible(self.progress, True)
        self._say(self.tr("Checking the host…"))
        self._update_buttons()
        job.start(work)

    def cancel_check(self) -> None:
        """Stop checking: nothing is kept, and the panel is free again at once.

        The check's thread may still wait for the network until its timeout; its
        outcome then reaches no one (the job is let go of here).
        """
        job = self._drop_check()
        if job is None:
            return
        job.cancel()
        self._say(self.tr("Cancelled: nothing was changed."))

    def _drop_check(self) -> LongJob | None:
        job, self.check = self.check, None
        if job is not None:
            for signal in (job.progressed, job.succeeded, job.failed, job.cancelled):
                signal.disconnect()
            self.form.setRowVisible(self.progress, False)
            self._update_buttons()
        return job

    def _on_check_progress(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        name = CHECK_STEPS[done] if done < total else ""
        texts = {
            "address": self.tr("Checking the address…"),
            "status": self.tr("Connecting over HTTPS; checking the certificate, version and key…"),
            "publish": self.tr("Publishing to the host…"),
            "pull": self.tr("Pulling from the host…"),
        }
        self._say(
            self.tr("Step %1 of %2: %3")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
            .replace("%3", texts.get(name, ""))
        )

    def _on_checked(self, result: tuple[HostCheck, str] | SyncError) -> None:
        if isinstance(result, SyncError):
            self._on_check_failed(result)
            return
        self._drop_check()
        check, key = result
        self._checked_url = check.url
        self.key.clear()
        self._say(
            self.tr(
                "Checked: HTTPS, the host's protocol (%1), the key, a publish and a pull. "
                "Connecting…"
            ).replace("%1", check.protocol)
        )
        self.service.connect_host(check.url, key)

    def _on_check_failed(self, error: object) -> None:
        self._drop_check()
        url = self.host_url.text().strip()
        if isinstance(error, SyncError):
            text = self.problem_text(
                error.kind, error.cause, url, error.host_protocol, str(error), error.detail
            )
        else:
            text = self.tr("Koe could not check the host: %1").replace("%1", error_text(error))
        self._say(self.tr("Not connected. %1").replace("%1", text), problem=True)

    def _on_check_cancelled(self) -> None:
        self._drop_check()
        self._say(self.tr("Cancelled: nothing was changed."))

    def _say(self, text: str, *, problem: bool = False, done: bool = False) -> None:
        self.check_status.setText(text)
        self._mark = "triangle-alert" if problem else "circle-check" if done else ""
        self._paint_mark()
        self.form.setRowVisible(self.check_status, bool(text))

    def _paint_mark(self) -> None:
        mark = getattr(self, "_mark", "")
        size = self.check_status.fontMetrics().height()
        self.check_icon.setPixmap(icon(mark, self.palette()).pixmap(size) if mark else QPixmap())

    # -- disconnecting -----------------------------------------------------------

    def ask_disconnect(self) -> None:
        """Ask first: disconnecting changes every link Koe gives out from then on."""
        url = self._view.host_url
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Disconnect the public host?"),
            self.tr(
                "Koe will forget the key of %1 on this computer and stop syncing with it. "
                "Links will start with this computer's address again, which customers cannot "
                "open. Answers already here stay here; answers still on the host wait there "
                "until you connect again."
            ).replace("%1", url),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        self.disconnect_box = box
        confirm = box.addButton(self.tr("Disconnect"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def clicked(button: QAbstractButton) -> None:
            if button is confirm:
                self._say("")
                self.service.disconnect_host()

        box.buttonClicked.connect(clicked)
        box.destroyed.connect(lambda: setattr(self, "disconnect_box", None))
        box.open()

    # -- showing -----------------------------------------------------------------

    def show_view(self, view: SyncView) -> None:
        if view.host_url != self._shown_url or not self.host_url.text():
            self.host_url.setText(view.host_url)
            self._shown_url = view.host_url
        self.key.setPlaceholderText(
            self.tr("%1  kept in this computer's keyring").replace("%1", KEY_MASK)
            if view.has_key
            else self.tr("Paste the key from the host's key file")
        )
        self.keyring_note.setText(
            self.tr(
                "This computer has no usable keyring, so Koe cannot keep the sync key safely. "
                "On Linux, install and unlock a keyring service such as GNOME Keyring or KWallet."
            )
        )
        self.keyring_note.setVisible(not view.keyring_ok)
        self.host_status.setText(self.host_text(view))
        self.last_sync.setText(self.last_sync_text(view))
        self._view = view
        self.links.setText(self.links_text())
        if view.configured and not view.busy and view.host_url == self._checked_url:
            self._checked_url = ""
            self._say(self.tr("Connected to %1.").replace("%1", view.host_url), done=True)
        self._update_buttons()

    def _on_settings_changed(self, _settings: Settings) -> None:
        self.links.setText(self.links_text())
        self.last_sync.setText(self.last_sync_text(self._view))

    def host_text(self, view: SyncView) -> str:
        """Whether the host is connected and answers, in plain words."""
        if view.busy:
            return self.tr("Syncing…")
        if view.problem is not None:
            error = view.problem
            return self.problem_text(
                error.kind,
                error.cause,
                view.host_url,
                error.host_protocol,
                str(error),
                error.detail,
            )
        if view.message:
            return view.message
        if not view.host_url:
            return self.tr("Not connected.")
        if not view.has_key:
            return self.tr(
                "The key of this host is not on this computer: paste it, then click Connect."
            )
        if view.last_failed:
            return self.problem_text(
                view.last_error_kind,
                view.last_error_cause,
                view.host_url,
                view.host_protocol,
                view.last_error,
            )
        if view.last_success_at:
            return (
                self.tr("Connected · sync protocol %1 (this app: %2)")
                .replace("%1", view.host_protocol or "?")
                .replace("%2", view.app_protocol)
            )
        return self.tr("Connected; not synced yet.")

    def links_text(self) -> str:
        """Which address every link starts with, and who can open it."""
        base = self.context.base_url()
        host = self._view.host_url
        if self._view.configured and base != host:
            return self.tr(
                "Links start with %1, not with this host's address: click Connect to check "
                "the host and use its address."
            ).replace("%1", base)
        reach = classify(base)
        if reach is Reach.INTERNET:
            return self.tr("Every link Koe gives out starts with %1.").replace("%1", base)
        if reach is Reach.LOCAL_NETWORK:
            return self.tr(
                "Links start with %1, an address on the local network: only phones on that "
                "network can open them, never a customer's phone elsewhere (SMS, email)."
            ).replace("%1", base)
        if self._view.configured:
            return self.tr(
                "Links start with %1, which is this computer: customers' phones cannot open "
                "them. For real use, connect the host by its public address "
                "(https://survey.example.com)."
            ).replace("%1", base)
        return self.tr(
            "Links start with %1, this computer's own address: customers cannot open them "
            "until a public host is connected."
        ).replace("%1", base)

    def problem_text(
        self,
        kind: str,
        cause: str,
        url: str,
        host_protocol: str = "",
        message: str = "",
        detail: str = "",
    ) -> str:
        """What went wrong with the host at ``url``, and what to do, in plain words."""
        name = _host_name(url)
        if kind == "address":
            if cause == "not_https":
                return self.tr(
                    "The address must start with https://: over plain http the key and the "
                    "answers would cross the internet unencrypted."
                )
            if cause == "extra":
                return self.tr("The address must not have a ? or # part.")
            return self.tr("That is not a web address. Write it as https://survey.example.com.")
        if kind == "no_key":
            return self.tr("Paste the key from the host's key file.")
        if kind == "unreachable":
            return self._unreachable_text(cause, url, name)
        if kind == "tls":
            return self._certificate_text(cause, name, detail or message)
        if kind == "auth":
            return self.tr(
                "The key is wrong: the host refused it. Paste the key from the host's key "
                "file (sync.key) again."
            )
        if kind == "version":
            return self._version_text(host_protocol)
        if kind == "no_sync":
            return self.tr(
                "%1 answers, but no Koe host with sync is there (HTTP 404). Check the address: "
                "the host's own, without a path. On the host, Koe must run with a sync key "
                "(--sync-key-file)."
            ).replace("%1", url)
        if kind == "bad_answer" and cause == "redirect":
            return (
                self.tr("%1 sends Koe on to %2: enter that address instead.")
                .replace("%1", url)
                .replace("%2", detail or "?")
            )
        if kind == "bad_answer":
            return (
                self.tr("%1 does not answer as a Koe host does. Check the address. (%2)")
                .replace("%1", url)
                .replace("%2", message)
            )
        if kind == "keyring":
            text = self.tr(
                "This computer has no usable keyring, so Koe cannot keep the sync key safely. "
                "On Linux, install and unlock a keyring service such as GNOME Keyring or "
                "KWallet."
            )
            return f"{text} ({detail})" if detail else text
        if kind == "host_changed":
            return self.tr(
                "The host's data went back or was replaced during the sync (restored from a "
                "backup?). Sync again: everything is then published and pulled afresh."
            )
        if kind == "refused" and cause == "too_large":
            return self.tr("The host refused something too large to publish.")
        if kind == "refused" and detail:
            return self.tr("The host refused what Koe published: %1").replace("%1", detail)
        if kind == "refused":
            return self.tr("The host refused what Koe published.")
        return self.tr("The sync did not finish: %1").replace("%1", message)

    def _unreachable_text(self, cause: str, url: str, name: str) -> str:
        if cause == "no_such_host":
            return self.tr(
                "No computer named %1 was found. Check the address for typos, and that the "
                "name's DNS record points at the host."
            ).replace("%1", name)
        if cause == "refused":
            return self.tr(
                "Nothing answers at %1 (the connection was refused). Check the address and "
                "its port, and that Koe runs on the host."
            ).replace("%1", url)
        if cause == "timeout":
            return self.tr(
                "The host at %1 did not answer in time. Check the address, and this "
                "computer's internet connection."
            ).replace("%1", url)
        if cause == "not_https":
            return self.tr(
                "%1 does not speak HTTPS there. Check the address, and its port if it has one."
            ).replace("%1", url)
        return self.tr(
            "The host at %1 cannot be reached. Check the address, and this computer's "
            "internet connection."
        ).replace("%1", url)

    def _certificate_text(self, cause: str, name: str, reason: str) -> str:
        if cause == "self_signed":
            return self.tr(
                "The host's certificate is self-signed, so this computer cannot tell the host "
                "from an impostor. Give the host a certificate from a public certificate "
                "authority such as Let's Encrypt (Caddy gets one by itself: docs/deploy.md)."
            )
        if cause == "untrusted_issuer":
            return self.tr(
                "The host's certificate comes from a certificate authority this computer does "
                "not trust (a self-signed or private one). Give the host a certificate from a "
                "public authority such as Let's Encrypt (Caddy gets one by itself: "
                "docs/deploy.md)."
            )
        if cause == "expired":
            return self.tr(
                "The host's certificate has expired. Renew it on the host (Caddy and certbot "
                "renew theirs by themselves while they run)."
            )
        if cause == "not_yet_valid":
            return self.tr(
                "The host's certificate is not valid yet. Check the date and time of this "
                "computer and of the host."
            )
        if cause == "wrong_name":
            return self.tr(
                "The host's certificate was made for another name than %1. Use the address "
                "the certificate was made for, or get a certificate for this one."
            ).replace("%1", name)
        return self.tr("The host's HTTPS certificate is not valid (%1).").replace("%1", reason)

    def _version_text(self, host: str) -> str:
        app = PROTOCOL_VERSION
        host_major, app_major = major_of(host), major_of(app)
        if host_major is None:
            text = self.tr(
                "The host did not say which sync protocol it speaks (this app speaks %2). "
                "Update Koe on the host."
            )
        elif app_major is not None and (
            host_major > app_major or (host_major == app_major and minor_of(host) > minor_of(app))
        ):
            text = self.tr(
                "The host runs a newer Koe (protocol %1; this app speaks %2). Update Koe on "
                "this computer."
            )
        else:
            text = self.tr(
                "The host runs an older Koe (protocol %1; this app speaks %2). Update it on "
                "the host (with Docker: git pull && docker compose up -d --build in Koe's "
                "deploy folder; see docs/deploy.md), then click Connect again."
            )
        return text.replace("%1", host or "?").replace("%2", app)

    def last_sync_text(self, view: SyncView) -> str:
        moment = from_text(view.last_success_at) if view.last_success_at else None
        if moment is None:
            return self.tr("Never.")
        result = view.last_result
        text = (
            self.tr("%1 · new answers: %2, updated: %3, unsubscribes: %4")
            .replace("%1", self._when(moment))
            .replace("%2", str(result.get("new", 0)))
            .replace("%3", str(result.get("updated", 0)))
            .replace("%4", str(result.get("unsubscribes", 0)))
        )
        attempt = from_text(view.last_attempt_at) if view.last_attempt_at else None
        if view.last_failed and attempt is not None and attempt >= moment:
            text += " " + self.tr("The last attempt, %1, failed.").replace(
                "%1", self._when(attempt)
            )
        return text

    def _when(self, moment: datetime) -> str:
        """A time in the workspace's time zone, named (the same as the Results tables)."""
        zone_name = self.context.settings.time_zone
        local = moment.astimezone(zone_named(zone_name))
        return f"{local:%Y-%m-%d %H:%M} ({zone_name or 'UTC'})"

    def _update_buttons(self) -> None:
        view = self._view
        idle = not view.busy and not self.checking
        typed_url = self.host_url.text().strip()
        same_host = typed_url.rstrip("/") == view.host_url
        has_key = bool(self.key.text().strip()) or (view.has_key and same_host)
        # A background sync must not take the fields away from someone typing in
        # them (a disabled field loses the keyboard focus): only a check does.
        for field in (self.host_url, self.key):
            field.setEnabled(not self.checking and view.keyring_ok)
        self.connect_button.setEnabled(idle and view.keyring_ok and bool(typed_url) and has_key)
        self.cancel_button.setVisible(self.checking)
        self.sync_button.setEnabled(idle and view.configured and same_host)
        self.disconnect_button.setEnabled(idle and bool(view.host_url))

    def _paint_icons(self) -> None:
        self.connect_button.setIcon(icon("shield-check", self.palette()))
        self.sync_button.setIcon(icon("redo-2", self.palette()))
        self.disconnect_button.setIcon(icon("cloud-off", self.palette()))
        self._paint_mark()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)


def _kept_key(url: str) -> str:
    """The key kept for ``url`` (on the check's thread: the keyring may block)."""
    try:
        return sync_client.load_key(normalize_host_url(url)) or ""
    except SyncError:
        return ""  # the check then says what is wrong with the address or the key


def _host_name(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def align_form_labels(*forms: QFormLayout) -> None:
    """Give the label columns of several forms one width, so that their fields line up."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
        and item.widget() is not None
    ]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def _status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
