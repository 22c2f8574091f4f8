"""The Send page's programmes: each one's state, response rate, next sends and history,
with the editor and pause/resume (docs/programmes.md).

Everything is read and written through the worker. Pausing holds the programme's
messages not yet sent; resuming releases them into the contacts' sending windows
(``channels.programmes.resume``) and asks for the sender to be woken
(``messages_queued``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from channels import programmes as runner
from storage import campaigns as campaign_store
from storage import contact_events
from storage import contacts as contact_store
from storage import programmes as store
from storage import settings as settings_store
from storage import surveys as survey_store
from storage.database import utc_now
from storage.surveys import SurveySummary
from surveys import programmes as p
from surveys.model import SurveyStatus
from surveys.times import minute_text
from ui.common.reach_notice import ReachNotice
from ui.common.widgets import heading
from ui.context import AppContext
from ui.send.events_folder_row import EventsFolderRow
from ui.send.programme_dialog import ProgrammeDialog


@dataclass(frozen=True)
class Detail:
    programme: p.Programme
    stats: store.Stats
    upcoming: list[tuple[str, datetime]]  # contact name, due
    history: list[store.LedgerRow]


@dataclass
class ProgrammesData:
    programmes: list[tuple[p.Programme, store.Stats]]
    surveys: list[SurveySummary]
    segments: list[tuple[int, str]]
    date_fields: list[str]
    event_names: list[str]
    zone: object = None
    detail: Detail | None = None
    chosen: int | None = field(default=None)


def _load(db: object, chosen: int | None, now: datetime) -> ProgrammesData:
    programmes = [(item, store.stats(db, item.id)) for item in store.list_all(db)]  # type: ignore[arg-type]
    data = ProgrammesData(
        programmes,
        survey_store.list_all(db),  # type: ignore[arg-type]
        campaign_store.segment_choices(db),  # type: ignore[arg-type]
        contact_store.attribute_names(db),  # type: ignore[arg-type]
        contact_events.names(db),  # type: ignore[arg-type]
        settings_store.workspace_zone(db),  # type: ignore[arg-type]
    )
    ids = [item.id for item, _ in programmes]
    data.chosen = chosen if chosen in ids else (ids[0] if ids else None)
    if data.chosen is not None:
        programme = store.get(db, data.chosen)  # type: ignore[arg-type]
        assert programme is not None
        coming = runner.next_sends(db, programme, now, limit=20)  # type: ignore[arg-type]
        names = contact_store.get_many(db, [due.contact_id for due in coming])  # type: ignore[arg-type]
        data.detail = Detail(
            programme,
            store.stats(db, programme.id),  # type: ignore[arg-type]
            [(names[d.contact_id].name if d.contact_id in names else "", d.due_at) for d in coming],
            store.history(db, programme.id, limit=100),  # type: ignore[arg-type]
        )
    return data


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)  # the table's width filled, never a blank strip
    return table


class ProgrammesView(QWidget):
    """The programmes list and the chosen one's details."""

    messages_queued = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = utc_now
        self.data: ProgrammesData | None = None
        self.dialog: ProgrammeDialog | None = None
        self.new_button = QPushButton(self.tr("New programme…"))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.list = QListWidget()
        self.list.currentItemChanged.connect(self._chosen)
        self.title = heading("", scale=1.2)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._edit_chosen)
        self.pause_button = QPushButton()
        self.pause_button.clicked.connect(self._toggle_pause)
        self.upcoming = _table([self.tr("Contact"), self.tr("Due")])
        self.history = _table(
            [self.tr("Contact"), self.tr("When"), self.tr("Status"), self.tr("Answered")]
        )
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.new_button)
        left.addWidget(self.list, 1)
        self.events_folder = EventsFolderRow(context)
        left.addWidget(self.events_folder)
        left_box = QWidget()
        left_box.setLayout(left)
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.pause_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addLayout(buttons)
        right.addWidget(self.summary)
        right.addWidget(QLabel(self.tr("Next sends")))
        right.addWidget(self.upcoming, 1)
        right.addWidget(QLabel(self.tr("History")))
        right.addWidget(self.history, 2)
        self.detail_box = QWidget()
        self.detail_box.setLayout(right)
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(self.detail_box)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 700])
        # Programmes send links, which must reach the customer: the same notice the
        # Send wizard shows, for as long as the address cannot (the runner waits).
        self.reach_notice = ReachNotice(context)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reach_notice)
        layout.addWidget(split)
        context.settings_changed.connect(self._show_reach)
        self._show_reach()

    def _show_reach(self, *_args: object) -> None:
        self.reach_notice.show_campaign(self.context.base_url())

    def reload(self, chosen: int | None = None) -> None:
        if chosen is None and self.data is not None:
            chosen = self.data.chosen
        now = self.clock()
        self.context.worker.submit(lambda db: _load(db, chosen, now), self._loaded)
        self.events_folder.reload()

    def kind_text(self, programme: p.Programme) -> str:
        if programme.kind == p.RECURRING:
            return self.tr("Every %n day(s)", "", programme.every_days)
        if programme.kind == p.DATE:
            names = {p.BIRTHDAY: self.tr("the birthday"), p.LAST_VISIT: self.tr("the last visit")}
            date = names.get(programme.date_field, f"“{programme.date_field}”")
            days = abs(programme.offset_days)
            if programme.offset_days < 0:
                return self.tr("%n day(s) before {date}", "", days).format(date=date)
            return self.tr("%n day(s) after {date}", "", days).format(date=date)
        return self.tr("After “{event}”").format(event=programme.event_name)

    def _loaded(self, data: ProgrammesData) -> None:
        self.data = data
        self.list.blockSignals(True)
        self.list.clear()
        for programme, stats in data.programmes:
            state = self.tr("Paused") if programme.paused else self.tr("Active")
            item = QListWidgetItem(
                f"{programme.name}\n{self.kind_text(programme)} · {state} · {self._rate(stats)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, programme.id)
            self.list.addItem(item)
            if programme.id == data.chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.detail_box.setVisible(data.detail is not None)
        if data.detail is not None:
            self._show_detail(data.detail, data.zone)

    def _rate(self, stats: store.Stats) -> str:
        rate = stats.response_rate
        if rate is None:
            return self.tr("nothing sent yet")
        return self.tr("response rate {rate}%").format(rate=round(rate * 100))

    def _show_detail(self, detail: Detail, zone: object) -> None:
        programme, stats = detail.programme, detail.stats
        self.title.setText(programme.name)
        self.pause_button.setText(self.tr("Resume") if programme.paused else self.tr("Pause"))
        parts = [
            self.kind_text(programme),
            self.tr("%n sent", "", stats.sent),
            self.tr("%n answered", "", stats.answered),
            self._rate(stats),
        ]
        if stats.capped:
            parts.append(self.tr("%n waiting for the frequency cap", "", stats.capped))
        if programme.paused:
            parts.append(self.tr("paused: nothing is sent until you resume"))
        self.summary.setText(" · ".join(parts))
        self.upcoming.setRowCount(len(detail.upcoming))
        for row, (name, due) in enumerate(detail.upcoming):
            self.upcoming.setItem(row, 0, QTableWidgetItem(name))
            self.upcoming.setItem(row, 1, QTableWidgetItem(minute_text(due, zone)))  # type: ignore[arg-type]
        self.history.setRowCount(len(detail.history))
        for row, sent in enumerate(detail.history):
            when = sent.sent_at or sent.due_at
            cells = (sent.contact_name, minute_text(when, zone), self._status(sent),  # type: ignore[arg-type]
                     self.tr("Yes") if sent.answered else "")  # fmt: skip
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))

    def _status(self, sent: store.LedgerRow) -> str:
        if sent.status == store.QUEUED:
            return self.tr("Sent")
        if sent.status == store.CAPPED:
            return self.tr("Waiting for the frequency cap")
        if "opted_out" in sent.reason:
            return self.tr("Skipped: opted out")
        if "no_consent" in sent.reason:
            return self.tr("Skipped: no consent")
        return self.tr("Skipped: no usable phone or email")

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.reload(item.data(Qt.ItemDataRole.UserRole))

    def _edit_chosen(self) -> None:
        if self.data is not None and self.data.detail is not None:
            self.edit(self.data.detail.programme)

    def edit(self, programme: p.Programme | None) -> ProgrammeDialog | None:
        """Open the editor (non-blocking); returns it so tests can drive it."""
        data = self.data
        if data is None:
            return None
        surveys = [
            s for s in data.surveys
            if s.status is SurveyStatus.OPEN or (programme and s.id == programme.survey_id)
        ]  # fmt: skip
        dialog = ProgrammeDialog(
            surveys, data.segments, data.date_fields, data.event_names, programme, self
        )
        dialog.accepted.connect(lambda: self._save(dialog.programme()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save(self, programme: p.Programme) -> None:
        def job(db: object) -> int:
            if programme.id:
                return store.update(db, programme).id  # type: ignore[arg-type]
            return store.create(db, programme).id  # type: ignore[arg-type]

        self.context.worker.submit(job, self.reload)

    def _toggle_pause(self) -> None:
        if self.data is None or self.data.detail is None:
            return
        programme, now = self.data.detail.programme, self.clock()

        def job(db: object) -> bool:
            if programme.paused:
                return runner.resume(db, programme.id, now)  # type: ignore[arg-type]
            return store.pause(db, programme.id)  # type: ignore[arg-type]

        def done(_changed: bool) -> None:
            if programme.paused:
                self.messages_queued.emit()
            self.reload(programme.id)

        self.context.worker.submit(job, done)
