"""A campaign's progress: counts by status, one row per recipient, pause / resume / cancel.

Re-queries through the worker while it is shown (a poll that asks the database
only when its file changed), so statuses move as the dispatcher sends. An email
whose fate a crash hid ('unknown') is never resent by Koe: "Send again…" on its
row puts it back in the queue once the user has read that it may arrive twice.
A message that waits says why in its row (``set_states``: the channels' readiness,
``channels.readiness.waiting_reason``); the reason goes once it no longer holds.

Signals:
    changed(int): the campaign with this id was paused, resumed or cancelled.
    resent(int): emails of the campaign with this id were queued again ("Send again").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from channels import readiness
from channels.readiness import ChannelState
from storage import campaigns as campaign_store
from storage import outbox as outbox_store
from storage.campaigns import PROGRESS_KEYS, Progress, RecipientStatus
from storage.database import change_stamp
from surveys.times import zone_named
from ui.common.problem_words import problems_text
from ui.common.widgets import heading
from ui.context import AppContext
from ui.send.labels import channel_name, status_name
from ui.send.readiness_words import waiting_text

_Index = QModelIndex | QPersistentModelIndex
POLL_MS = 1500


class RecipientTableModel(QAbstractTableModel):
    """One row per recipient: name, channel, address, status, and the provider's error
    or, while the message waits, why (``set_reason``)."""

    COL_NAME = 0
    COL_CHANNEL = 1
    COL_RECIPIENT = 2
    COL_STATUS = 3
    COL_ERROR = 4
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RecipientStatus] = []
        self._reason: Callable[[RecipientStatus], str | None] | None = None

    def set_reason(self, reason: Callable[[RecipientStatus], str | None] | None) -> None:
        """``reason(row)``: why a waiting row waits (None: it does not)."""
        self._reason = reason
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.COL_ERROR), self.index(len(self._rows) - 1, self.COL_ERROR)
            )

    def details(self, row: RecipientStatus) -> str:
        """Why a waiting message waits; else the provider's error (an old one is not shown
        for a message still to go: it may go now)."""
        if row.status in ("queued", "sending"):
            reason = self._reason(row) if self._reason is not None else None
            return reason or ""
        return problems_text(row.problems, row.error)

    def set_rows(self, rows: list[RecipientStatus]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else self.COLUMNS

    def recipient(self, row: int) -> RecipientStatus | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COL_ERROR:
            return self.details(row) or None  # the whole reason, when the column cuts it
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.COL_NAME: row.name,
            self.COL_CHANNEL: channel_name(row.channel),
            self.COL_RECIPIENT: row.recipient,
            self.COL_STATUS: status_name(row.status),
            self.COL_ERROR: self.details(row),
        }[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Name"),
            self.tr("Channel"),
            self.tr("Sent to"),
            self.tr("Status"),
            self.tr("Details"),
        )[section]


class ProgressView(QWidget):
    """Shows one campaign's progress. See the module docstring for its signals."""

    changed = Signal(int)
    resent = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.campaign_id: int | None = None
        self.progress: Progress | None = None
        self._stamp: tuple[int, ...] = ()
        self.title = heading("")
        self.status = QLabel()
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        for column, key in enumerate(PROGRESS_KEYS):
            number = QLabel("0")
            number.setObjectName(f"count_{key}")
            number.setFont(heading("").font())
            number.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            caption = QLabel(self._count_caption(key))
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            grid.addWidget(number, 0, column)
            grid.addWidget(caption, 1, column)
            self.counts[key] = number
        self.pause_button = QPushButton(self.tr("Pause"))
        self.resume_button = QPushButton(self.tr("Resume"))
        self.cancel_button = QPushButton(self.tr("Cancel campaign"))
        self.pause_button.clicked.connect(lambda: self._act(campaign_store.pause))
        self.resume_button.clicked.connect(lambda: self._act(campaign_store.resume))
        self.cancel_button.clicked.connect(self._confirm_cancel)
        self.resend_button = QPushButton(self.tr("Send again…"))
        self.resend_button.setToolTip(
            self.tr("Send again an email whose fate is unknown (select its row).")
        )
        self.resend_button.clicked.connect(self.confirm_resend)
        self.resend_box: QMessageBox | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (
            self.resend_button,
            self.pause_button,
            self.resume_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        self.model = RecipientTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(
            RecipientTableModel.COL_ERROR, QHeaderView.ResizeMode.Stretch
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self._update_buttons()

    def set_states(self, states: dict[str, ChannelState]) -> None:
        """The channels' readiness, for the reasons waiting rows give."""
        settings = self.context.settings

        def reason(row: RecipientStatus) -> str | None:
            zone, now = zone_named(settings.time_zone), datetime.now(UTC)
            waiting = readiness.waiting_reason(
                status=row.status,
                not_before=row.not_before,
                error=row.error,
                error_code=row.error_code,
                state=states.get(row.channel),
                quiet_start=settings.quiet_start,
                zone=zone,
                now=now,
            )
            if waiting is None:
                return None
            if waiting.detail:  # the last try's error, in the window's language
                waiting = replace(waiting, detail=problems_text(row.problems, row.error))
            return waiting_text(waiting, row.channel, zone, now)

        self.model.set_reason(reason)

    def _count_caption(self, key: str) -> str:
        if key == "skipped":
            # Left out when its turn came: the contact opted out or was deleted.
            return self.tr("Not sent (opted out or deleted)")
        return status_name(key)

    def show_campaign(self, campaign_id: int | None) -> None:
        self.campaign_id = campaign_id
        self.refresh()
        if campaign_id is None or not self.isVisible():
            self.timer.stop()
        else:
            self.timer.start()

    def _poll(self) -> None:
        stamp = change_stamp(self.context.workspace.db_path)
        if stamp != self._stamp:
            self.refresh()

    def refresh(self) -> None:
        """Re-query the campaign's progress through the worker."""
        campaign_id = self.campaign_id
        if campaign_id is None:
            self._show(None)
            return
        self._stamp = change_stamp(self.context.workspace.db_path)

        def done(progress: Progress | None) -> None:
            if campaign_id == self.campaign_id:
                self._show(progress)

        self.context.worker.submit(
            lambda db: campaign_store.progress(db, campaign_id),  # type: ignore[arg-type]
            done,
        )

    def _show(self, progress: Progress | None) -> None:
        self.progress = progress
        if progress is None:
            self.title.setText("")
            self.status.setText("")
            for label in self.counts.values():
                label.setText("0")
            self.model.set_rows([])
        else:
            self.title.setText(progress.campaign.name)
            self.status.setText(
                self.tr(
                    "Status: {status} · %n recipient(s)", "", progress.campaign.recipients
                ).format(status=status_name(progress.campaign.status))
            )
            for key, label in self.counts.items():
                label.setText(str(progress.counts[key]))
            selected = self.selected_recipient()
            self.model.set_rows(progress.recipients)
            if selected is not None:  # the re-query keeps the row the user chose
                for row, recipient in enumerate(progress.recipients):
                    if recipient.delivery_id == selected.delivery_id:
                        self.table.selectRow(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = self.progress.campaign.status if self.progress else ""
        self.pause_button.setVisible(status == campaign_store.ACTIVE)
        self.resume_button.setVisible(status == campaign_store.PAUSED)
        self.cancel_button.setEnabled(status in (campaign_store.ACTIVE, campaign_store.PAUSED))
        self.cancel_button.setVisible(bool(status))
        selected = self.selected_recipient()
        self.resend_button.setVisible(
            self.progress is not None and self.progress.counts.get("unknown", 0) > 0
        )
        self.resend_button.setEnabled(selected is not None and bool(selected.unknown_ids))

    def selected_recipient(self) -> RecipientStatus | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.recipient(rows[0].row()) if rows else None

    def confirm_resend(self) -> None:
        """Ask before an 'unknown' email goes again: it may already have arrived."""
        recipient = self.selected_recipient()
        if recipient is None or not recipient.unknown_ids:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Send again?"),
            self.tr(
                "Koe was interrupted while this email to {address} was being sent, and the "
                "mail server cannot be asked whether it arrived."
            ).format(address=recipient.recipient or recipient.name),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "If it did arrive, sending it again means {who} gets the same email twice. "
                "If you can, check with them first."
            ).format(who=recipient.name or recipient.recipient)
        )
        send = box.addButton(self.tr("Send again"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        ids = recipient.unknown_ids

        def answered() -> None:
            self.resend_box = None
            if box.clickedButton() is send:
                self._act(lambda db, _: outbox_store.resend_all_unknown(db, ids), self.resent)

        box.finished.connect(answered)
        self.resend_box = box
        box.open()

    def _confirm_cancel(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Cancel campaign"),
            self.tr(
                "Cancel this campaign? Messages not yet sent will not be sent. "
                "This cannot be undone."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(campaign_store.cancel)

    def _act(self, action: Any, then: Any = None) -> None:
        """``action(db, campaign id)`` on the worker; then ``then`` (``changed``) is emitted."""
        campaign_id = self.campaign_id
        if campaign_id is None:
            return
        signal = then if then is not None else self.changed

        def done(_: object) -> None:
            signal.emit(campaign_id)
            self.refresh()

        self.context.worker.submit(lambda db: action(db, campaign_id), done)
