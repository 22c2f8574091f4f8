"""The Send page: campaigns, the wizard that makes them, and each one's progress.

A banner at the top says why messages wait when a channel cannot send (not set
up, secrets locked, wrong credentials, the server down: ``channels.readiness``),
with the button that fixes it; the same states give each waiting row its reason.

Signals:
    navigate_requested(str): the user asked for another page (contacts, surveys).
    campaign_created(int): the wizard wrote a campaign with this id.
    messages_queued(): messages were put back in the queue ("Send again"): wake the sender.
    channels_requested(): the user asked for Settings ▸ Messages (a channel to fix).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from channels import readiness
from storage import campaigns as campaign_store
from storage import contacts as contact_store
from storage import outbox as outbox_store
from storage import programmes as programme_store
from storage import surveys as survey_store
from storage.campaigns import CampaignSummary
from storage.outbox import SmsReply
from storage.surveys import SurveySummary
from surveys.model import SurveyStatus
from ui.common.empty_state import EmptyState
from ui.common.notice_bar import NoticeBar
from ui.common.passphrase_dialog import PassphraseDialog
from ui.common.widgets import heading
from ui.context import AppContext
from ui.send import readiness_words as words
from ui.send.labels import status_name
from ui.send.programmes_view import ProgrammesView
from ui.send.progress import ProgressView
from ui.send.readiness_watch import ReadinessWatch
from ui.send.replies_view import RepliesView
from ui.send.wizard import CampaignWizard


@dataclass(frozen=True)
class SendData:
    surveys: list[SurveySummary]
    segments: list[tuple[int, str]]
    contacts: int
    campaigns: list[CampaignSummary]
    replies: list[SmsReply] = field(default_factory=list)
    programmes: int = 0

    @property
    def open_surveys(self) -> int:
        return sum(1 for s in self.surveys if s.status is SurveyStatus.OPEN)


def _load(db: object) -> SendData:
    return SendData(
        survey_store.list_all(db),  # type: ignore[arg-type]
        campaign_store.segment_choices(db),  # type: ignore[arg-type]
        contact_store.count(db),  # type: ignore[arg-type]
        campaign_store.list_all(db),  # type: ignore[arg-type]
        outbox_store.sms_replies(db),  # type: ignore[arg-type]
        len(programme_store.list_all(db)),  # type: ignore[arg-type]
    )


class SendPage(QWidget):
    """Lists campaigns with their progress; "New campaign" opens the wizard."""

    navigate_requested = Signal(str)
    campaign_created = Signal(int)
    messages_queued = Signal()
    channels_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: SendData | None = None
        self.wizard: CampaignWizard | None = None

        self.new_button = QPushButton(self.tr("New campaign…"))
        self.new_button.clicked.connect(self.new_campaign)
        self.campaigns = QListWidget()
        self.campaigns.currentItemChanged.connect(self._select)
        self.progress = ProgressView(context)
        self.progress.changed.connect(lambda _id: self.reload())
        self.progress.resent.connect(lambda _id: self.messages_queued.emit())
        self.banner = NoticeBar()
        self.unlock_dialog: PassphraseDialog | None = None
        self._banner_fix = ""
        self.readiness = ReadinessWatch(context, self)
        self.readiness.changed.connect(self._show_readiness)

        self.empty = EmptyState("send", self.tr("Go to Contacts"), big=True)
        assert self.empty.button is not None
        self.empty.button.clicked.connect(self._empty_action)
        # With contacts and an open survey, a programme is the other way to start.
        self.programme_action = self.empty.add_second_action(
            self.tr("Or set up a programme that sends by itself…")
        )
        self.programme_action.clicked.connect(self._first_programme)
        self._empty_target = "contacts"

        self.replies = RepliesView()
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.campaigns)
        left.addWidget(self.replies)
        left.setSizes([400, 200])
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.progress)
        split.setStretchFactor(1, 3)
        split.setSizes([260, 700])
        main = QWidget()
        column = QVBoxLayout(main)
        column.setContentsMargins(24, 20, 24, 24)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Send"), scale=1.5), 1)
        top.addWidget(self.new_button)
        column.addLayout(top)
        # Campaigns go once; programmes send by themselves (docs/programmes.md).
        self.programmes = ProgrammesView(context)
        self.programmes.messages_queued.connect(self.messages_queued)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, self.tr("Campaigns"))
        self.tabs.addTab(self.programmes, self.tr("Programmes"))
        column.addWidget(self.tabs, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(main)
        self.main = main
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.banner)
        outer.addWidget(self.stack, 1)
        context.surveys_changed.connect(self.reload)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
        self.readiness.refresh()
        self.readiness.timer.start()
        if self.progress.campaign_id is not None:
            self.progress.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # No polling for progress while another page is shown.
        self.progress.timer.stop()
        self.readiness.timer.stop()
        super().hideEvent(event)

    # -- why messages wait ---------------------------------------------------------

    def _show_readiness(self) -> None:
        """The banner: each channel whose messages wait for something the user can see to."""
        watch = self.readiness
        self.progress.set_states(watch.states)
        lines, fix, shown = [], "", set()
        for channel, state in watch.states.items():
            count = watch.waiting.get(channel, 0)
            if count and not state.ready:
                lines.append(words.channel_waiting_text(state, count))
                fix = fix or words.fix_of(state)
                shown.add(state.problem)
        # "Later" at start: sending stays paused until the file is unlocked, even with
        # nothing queued yet.
        if self.context.secrets_locked() and readiness.SECRETS_LOCKED not in shown:
            lines.append(
                self.tr(
                    "Sending is paused for the channels that need a password: the encrypted "
                    "secrets file is locked."
                )
            )
            fix = fix or words.FIX_UNLOCK
        if not lines:
            self.banner.hide()
            return
        self._banner_fix = fix
        self.banner.show_error("\n".join(lines), (words.fix_label(fix), self._fix) if fix else None)

    def _fix(self) -> None:
        fix = self._banner_fix
        if fix == words.FIX_SETTINGS:
            self.channels_requested.emit()
        elif fix == words.FIX_UNLOCK:
            self.unlock()
        elif fix == words.FIX_RESTART:
            self.context.channels_saved.emit(None)  # KoeApp restarts the sender

    def unlock(self) -> PassphraseDialog:
        """Ask for the passphrase of the encrypted secrets file (the banner's "Unlock…")."""
        dialog = PassphraseDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "unlock_dialog", None))
        self.unlock_dialog = dialog
        dialog.open()
        return dialog

    def reload(self) -> None:
        """Re-read surveys, contacts and campaigns through the worker."""
        self.context.worker.submit(_load, self._loaded)
        self.programmes.reload()

    def _loaded(self, data: SendData) -> None:
        self.data = data
        self.replies.show_replies(data.replies)
        if data.contacts == 0 and not data.campaigns:
            self._show_empty(
                "contacts",
                self.tr("No contacts yet"),
                self.tr(
                    "Campaigns send a survey to your contacts by SMS or email. Add or import "
                    "your contacts on the Contacts page first."
                ),
                self.tr("Go to Contacts"),
            )
            return
        if data.open_surveys == 0 and not data.campaigns:
            self._show_empty(
                "surveys",
                self.tr("No open survey"),
                self.tr("Only an open survey can be sent. Open one on the Surveys page."),
                self.tr("Go to Surveys"),
            )
            return
        if not data.campaigns and not data.replies and not data.programmes:
            self._show_empty(
                "new",
                self.tr("No campaigns yet"),
                self.tr(
                    "A campaign sends an open survey to your contacts by SMS or email, "
                    "respecting opt-outs, consent and quiet hours. Start one here."
                ),
                self.tr("New campaign…"),
            )
            return
        self.stack.setCurrentWidget(self.main)
        if self.isVisible() and self.progress.campaign_id is not None:
            # The progress view was hidden behind the empty state when its campaign
            # was chosen: start following it now that it shows.
            self.progress.timer.start()
        self.new_button.setEnabled(data.contacts > 0 and data.open_surveys > 0)
        current = self.progress.campaign_id
        self.campaigns.blockSignals(True)
        self.campaigns.clear()
        for campaign in data.campaigns:
            item = QListWidgetItem(
                f"{campaign.name}\n{status_name(campaign.status)} · "
                + self.tr("%n recipient(s)", "", campaign.recipients)
            )
            item.setData(Qt.ItemDataRole.UserRole, campaign.id)
            self.campaigns.addItem(item)
            if campaign.id == current:
                self.campaigns.setCurrentItem(item)
        self.campaigns.blockSignals(False)
        if self.campaigns.currentItem() is None and self.campaigns.count():
            self.campaigns.setCurrentRow(0)
        elif not self.campaigns.count():
            self.progress.show_campaign(None)

    def _show_empty(self, target: str, title: str, text: str, button: str) -> None:
        self._empty_target = target
        self.programme_action.setVisible(target == "new")
        self.empty.set_text(title, text)
        assert self.empty.button is not None
        self.empty.button.setText(button)
        self.stack.setCurrentWidget(self.empty)

    def _first_programme(self) -> None:
        self.stack.setCurrentWidget(self.main)
        self.tabs.setCurrentWidget(self.programmes)
        self.programmes.edit(None)

    def _empty_action(self) -> None:
        if self._empty_target == "new":
            self.new_campaign()
        else:
            self.navigate_requested.emit(self._empty_target)

    def _select(self, item: QListWidgetItem | None) -> None:
        campaign_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.progress.show_campaign(campaign_id)

    def select_campaign(self, campaign_id: int) -> None:
        self.progress.show_campaign(campaign_id)
        self.reload()

    def view_state(self) -> int | None:
        """What a page built again keeps (MainWindow.rebuild_pages): the campaign shown."""
        return self.progress.campaign_id

    def restore_view(self, campaign_id: int | None) -> None:
        if campaign_id is not None:
            self.select_campaign(campaign_id)

    def new_campaign(self) -> CampaignWizard | None:
        """Open the wizard (non-blocking); returns it so tests can drive it."""
        data = self.data
        if data is None:
            return None
        wizard = CampaignWizard(self.context, data.surveys, data.segments, self)
        wizard.created.connect(self._created)
        wizard.channels_requested.connect(self.channels_requested)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.wizard = wizard
        wizard.finished.connect(self._wizard_closed)
        wizard.open()
        return wizard

    def _wizard_closed(self) -> None:
        self.wizard = None

    def _created(self, campaign_id: int) -> None:
        self.campaign_created.emit(campaign_id)
        self.select_campaign(campaign_id)
