"""Settings → Public host and sync: the host's address, its key, Sync now, and how it went.

All the work (keyring, network, database) runs on the sync service's thread
(ui.sync_service); the panel only shows the SyncView it sends back. The key is
never shown: once kept in the keyring the field says so with dots.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from storage.database import from_text
from ui.context import AppContext
from ui.icons import icon
from ui.survey_labels import datetime_text
from ui.sync_service import SyncService, SyncView
from ui.widgets import hint
from web.sync_protocol import major_of

KEY_MASK = "•" * 12


class SyncPanel(QWidget):
    """Connects the desktop to its public host and shows the sync's state in plain words."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert context.sync is not None, "KoeApp sets up the sync service"
        self.service: SyncService = context.sync

        self.explain = hint(
            self.tr(
                "So that customers can answer from anywhere, run Koe's survey site on a public "
                "host (see docs/deploy.md). Koe sends it your surveys and the links of your "
                "invitations, never your contacts, and fetches the answers every five minutes "
                "while it runs."
            )
        )
        self.host_url = QLineEdit()
        self.host_url.setPlaceholderText("https://survey.example.com")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setClearButtonEnabled(True)
        self.keyring_note = hint("")
        self.keyring_note.setVisible(False)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.clicked.connect(self.service.sync_now)
        self.forget_button = QPushButton(self.tr("Stop syncing"))
        self.forget_button.setToolTip(
            self.tr("Forget the host and remove its key from this computer")
        )
        self.forget_button.clicked.connect(self.service.forget)
        self.host_status = _status_label()
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
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        buttons.addWidget(self.forget_button)
        form.addRow("", buttons)
        form.addRow(self.tr("Host"), self.host_status)
        form.addRow(self.tr("Last sync"), self.last_sync)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.explain)
        column.addLayout(form)

        self._shown_url = ""
        self.host_url.textChanged.connect(self._update_buttons)
        self.key.textChanged.connect(self._update_buttons)
        self.service.changed.connect(self.show_view)
        self._paint_icons()
        self.show_view(self.service.view)
        self.service.refresh()

    # -- acting ----------------------------------------------------------------

    def save(self) -> None:
        """Keep the address, and the key when one was typed (in the keyring)."""
        key = self.key.text().strip() or None
        self.service.save(self.host_url.text().strip(), key)
        self.key.clear()

    # -- showing ---------------------------------------------------------------

    def show_view(self, view: SyncView) -> None:
        if view.host_url != self._shown_url or not self.host_url.text():
            self.host_url.setText(view.host_url)
            self._shown_url = view.host_url
        self.key.setEnabled(view.keyring_ok and not view.busy)
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
        self._update_buttons()

    def host_text(self, view: SyncView) -> str:
        """Whether the host answers, and the versions of both sides, in plain words."""
        if view.busy:
            return self.tr("Syncing…")
        if view.message:
            return view.message
        if not view.host_url:
            return self.tr("Not set up.")
        if not view.has_key:
            return self.tr("Enter the host's key to start syncing.")
        if view.last_failed:
            return self.problem_text(view)
        if view.last_success_at:
            return (
                self.tr("Reachable · sync version %1 (this app: %2)")
                .replace("%1", view.host_protocol or "?")
                .replace("%2", view.app_protocol)
            )
        return self.tr("Not synced yet.")

    def problem_text(self, view: SyncView) -> str:
        kind = view.last_error_kind
        if kind == "unreachable":
            return self.tr(
                "Not reachable. Check the address and this computer's internet connection."
            )
        if kind == "tls":
            return self.tr(
                "The host's HTTPS certificate is not trusted. Check the address and the "
                "host's certificate."
            )
        if kind == "auth":
            return self.tr(
                "The host refused the key. Paste the key from the host's key file again."
            )
        if kind == "no_sync":
            return self.tr(
                "That address answers, but does not offer sync: start Koe there with "
                "--sync-key-file."
            )
        if kind == "version":
            host, app = view.host_protocol or "?", view.app_protocol
            newer = (major_of(host) or 0) > (major_of(app) or 0)
            text = (
                self.tr(
                    "The host runs a newer Koe (sync version %1, this app %2): "
                    "update Koe on this computer."
                )
                if newer
                else self.tr(
                    "The host runs an older Koe (sync version %1, this app %2): "
                    "update Koe on the host."
                )
            )
            return text.replace("%1", host).replace("%2", app)
        if kind == "address":
            return self.tr("The address must start with https:// and name the host.")
        return self.tr("The sync did not finish: %1").replace("%1", view.last_error)

    def last_sync_text(self, view: SyncView) -> str:
        moment = from_text(view.last_success_at) if view.last_success_at else None
        if moment is None:
            return self.tr("Never.")
        result = view.last_result
        text = (
            self.tr("%1 · new answers: %2, updated: %3, unsubscribes: %4")
            .replace("%1", _when(moment))
            .replace("%2", str(result.get("new", 0)))
            .replace("%3", str(result.get("updated", 0)))
            .replace("%4", str(result.get("unsubscribes", 0)))
        )
        attempt = from_text(view.last_attempt_at) if view.last_attempt_at else None
        if view.last_failed and attempt is not None and attempt > moment:
            text += " " + self.tr("The last attempt, %1, failed.").replace("%1", _when(attempt))
        return text

    def _update_buttons(self) -> None:
        view: SyncView = getattr(self, "_view", SyncView())
        idle = not view.busy
        typed_url = self.host_url.text().strip()
        changed = typed_url != view.host_url or bool(self.key.text().strip())
        self.save_button.setEnabled(idle and changed and bool(typed_url or view.host_url))
        self.sync_button.setEnabled(idle and view.configured and not changed)
        self.forget_button.setEnabled(idle and bool(view.host_url))

    def _paint_icons(self) -> None:
        self.save_button.setIcon(icon("save", self.palette()))
        self.sync_button.setIcon(icon("redo-2", self.palette()))
        self.forget_button.setIcon(icon("cloud-off", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)


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


def _when(moment: datetime) -> str:
    return datetime_text(moment)
