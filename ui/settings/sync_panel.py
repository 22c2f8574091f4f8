"""Settings → Public host: connect the desktop to its public host, and how the sync goes.

Connect checks the host end to end before keeping anything
(web.sync.check.check_host, on a thread of its own with progress and Cancel):
the address, HTTPS and its certificate, the host's protocol version, the key,
a publish and a pull. Only then does the sync service keep the key (in the
keyring) and make the host's address the public address every link is built
on: one setting, not two (the Settings page shows it read-only while a host
is connected). Every problem is said in plain words, in the user's language,
from the error's kind and cause (never the library's text alone; ui.settings.sync_words).

All the work (keyring, network, database) runs off the GUI thread; the panel
only shows the SyncView the sync service sends back. The key is never shown:
once kept in the keyring the field says so with dots.
"""

from __future__ import annotations

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

from storage.settings import Settings
from storage.sync_desktop import site_payload_of
from ui.common.icons import icon
from ui.common.long_job import LongJob, Progress
from ui.common.problem_words import error_text
from ui.common.widgets import hint
from ui.context import AppContext
from ui.settings.sync_words import (
    host_problem_text,
    host_state_text,
    last_sync_text,
    links_text,
)
from ui.sync_service import SyncService, SyncView
from web.sync import client as sync_client
from web.sync.check import CHECK_STEPS, CheckCancelled, HostCheck, check_host
from web.sync.errors import SyncError
from web.sync.host import normalize_host_url

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
            text = host_problem_text(
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
        self.host_status.setText(host_state_text(view))
        self.last_sync.setText(last_sync_text(view, self.context.settings.time_zone))
        self._view = view
        self.links.setText(links_text(self.context.base_url(), self._view))
        if view.configured and not view.busy and view.host_url == self._checked_url:
            self._checked_url = ""
            self._say(self.tr("Connected to %1.").replace("%1", view.host_url), done=True)
        self._update_buttons()

    def _on_settings_changed(self, _settings: Settings) -> None:
        self.links.setText(links_text(self.context.base_url(), self._view))
        self.last_sync.setText(last_sync_text(self._view, self.context.settings.time_zone))

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


def _status_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
