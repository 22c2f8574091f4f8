"""The campaign wizard's six pages (see ui/send/wizard.py). Each reads and writes the
wizard's ``state``; database work goes through the worker, and its result is
dropped if the wizard was closed meanwhile (``guarded``)."""

from __future__ import annotations

from datetime import UTC, timedelta
from decimal import Decimal, InvalidOperation
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from storage import campaigns as campaign_store
from storage import surveys as survey_store
from surveys import campaigns as c
from surveys.campaigns import Contact
from surveys.messages import sms_estimate
from surveys.model import SurveyStatus
from ui.common.page_jobs import guarded
from ui.common.reach_notice import ReachNotice
from ui.common.widgets import hint
from ui.send.channel_check import ChannelCheck
from ui.send.labels import channel_name, reason_text

if TYPE_CHECKING:
    from ui.send.wizard import CampaignWizard


class _Page(QWizardPage):
    def wiz(self) -> CampaignWizard:
        return self.wizard()  # type: ignore[return-value]


class SurveyPage(_Page):
    """Which open survey to send."""

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Survey"))
        self.setSubTitle(self.tr("Choose the survey to send. Only open surveys can be sent."))
        self.survey = QComboBox()
        for summary in wizard.state.surveys:
            if summary.status is SurveyStatus.OPEN:
                self.survey.addItem(summary.title.get_for(summary.languages[0]), summary.id)
        self.empty = hint(
            self.tr("No survey is open. Open one on the Surveys page, then come back here.")
        )
        self.empty.setVisible(self.survey.count() == 0)
        self.loading = False
        layout = QFormLayout(self)
        layout.addRow(self.tr("Survey"), self.survey)
        layout.addRow(self.empty)

    def isComplete(self) -> bool:
        return self.survey.count() > 0 and not self.loading

    def validatePage(self) -> bool:
        wizard = self.wiz()
        survey_id = self.survey.currentData()
        if wizard.state.survey is not None and wizard.state.survey.id == survey_id:
            return True
        # The page moves on once the survey is loaded.
        self.loading = True
        self.completeChanged.emit()

        def loaded(survey: object) -> None:
            self.loading = False
            wizard.state.survey = survey  # type: ignore[assignment]
            self.completeChanged.emit()
            wizard.next()

        wizard.context.worker.submit(
            lambda db: survey_store.get(db, survey_id), guarded(self, loaded)
        )
        return False


class AudiencePage(_Page):
    """Everyone, or a saved segment of the contacts."""

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Audience"))
        self.setSubTitle(self.tr("Who should get the survey?"))
        self.segment = QComboBox()
        self.segment.addItem(self.tr("Everyone"), None)
        for segment_id, name in wizard.state.segments:
            self.segment.addItem(name, segment_id)
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.loading = False
        layout = QFormLayout(self)
        layout.addRow(self.tr("Send to"), self.segment)
        layout.addRow(self.count)
        layout.addRow(
            hint(
                self.tr(
                    "Segments are saved filters on contact attributes; make them on the "
                    "Contacts page. The next step shows who is left out and why."
                )
            )
        )
        self.segment.currentIndexChanged.connect(self.reload)

    def initializePage(self) -> None:
        self.reload()

    def reload(self) -> None:
        wizard = self.wiz()
        segment_id = self.segment.currentData()
        wizard.state.segment_id = segment_id
        self.loading = True
        self.count.setText(self.tr("Counting contacts…"))
        self.completeChanged.emit()

        def job(db: object) -> list[Contact]:
            ids = None if segment_id is None else campaign_store.segment_members(db, segment_id)  # type: ignore[arg-type]
            return campaign_store.audience(db, ids)  # type: ignore[arg-type]

        def done(contacts: list[Contact]) -> None:
            if segment_id != self.segment.currentData():
                return  # a later choice is on its way
            self.loading = False
            wizard.state.contacts = contacts
            if contacts:
                self.count.setText(self.tr("%n contact(s) in this audience.", "", len(contacts)))
            else:
                self.count.setText(
                    self.tr("No contacts here yet. Add or import contacts on the Contacts page.")
                )
            self.completeChanged.emit()

        wizard.context.worker.submit(job, guarded(self, done))

    def isComplete(self) -> bool:
        return not self.loading and bool(self.wiz().state.contacts)


class ChannelsPage(_Page):
    """SMS, email or "SMS, else email", and who is left out and why.

    ``reach_notice`` says why nothing can be queued while the links would not reach
    customers (then the page does not move on); its button closes the wizard and
    shows Settings ▸ Public host.
    """

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Channels"))
        self.setSubTitle(self.tr("How should the survey reach people?"))
        self.group = QButtonGroup(self)
        row = QHBoxLayout()
        for mode in (c.SMS_ELSE_EMAIL, c.SMS, c.EMAIL):
            button = QRadioButton(channel_name(mode))
            button.setProperty("mode", mode)
            self.group.addButton(button)
            row.addWidget(button)
            if mode == wizard.state.mode:
                button.setChecked(True)
        row.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.japan = hint(
            self.tr(
                "SMS replies are not available for Japanese numbers: their messages carry "
                "an opt-out link instead of 'reply STOP'."
            )
        )
        self.excluded = QTableWidget(0, 2)
        self.excluded.setHorizontalHeaderLabels([self.tr("Left out"), self.tr("Why")])
        self.excluded.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.excluded.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.excluded.verticalHeader().setVisible(False)
        self.reach_notice = ReachNotice(wizard.context, wizard.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reach_notice)
        layout.addLayout(row)
        layout.addWidget(
            hint(self.tr("'SMS, else email' sends email to those without a usable mobile number."))
        )
        layout.addWidget(self.summary)
        layout.addWidget(self.japan)
        layout.addWidget(self.excluded, 1)
        self.group.buttonToggled.connect(self._toggled)
        # A public host set up meanwhile (or a change of address) lifts or brings the refusal.
        wizard.context.settings_changed.connect(self._check_reach)
        wizard.context.lan_changed.connect(self._check_reach)

    def _check_reach(self, *_changed: object) -> None:
        self.reach_notice.show_campaign(self.wiz().base_url())
        self.completeChanged.emit()

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.wiz().state.mode = str(button.property("mode"))
            self.refresh()

    def initializePage(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        decisions = self.wiz().decisions()
        included = [d for d in decisions if d.included]
        left_out = [d for d in decisions if not d.included]
        by_channel = {ch: sum(1 for d in included if d.channel == ch) for ch in (c.SMS, c.EMAIL)}
        self.summary.setText(
            self.tr(
                "{included} of {total} will get the survey ({sms} by SMS, {email} by email); "
                "{left} left out."
            ).format(
                included=len(included),
                total=len(decisions),
                sms=by_channel[c.SMS],
                email=by_channel[c.EMAIL],
                left=len(left_out),
            )
        )
        self.japan.setVisible(
            any(d.channel == c.SMS and c.is_japanese_number(d.recipient) for d in included)
        )
        self.excluded.setRowCount(len(left_out))
        for row, decision in enumerate(left_out):
            name = decision.contact.name or decision.contact.email or decision.contact.phone or ""
            self.excluded.setItem(row, 0, QTableWidgetItem(name))
            why = "; ".join(reason_text(reason) for reason in decision.reasons)
            self.excluded.setItem(row, 1, QTableWidgetItem(why))
        self.excluded.resizeColumnToContents(0)
        self._check_reach()

    def isComplete(self) -> bool:
        wizard = self.wiz()
        return not wizard.reach_problem() and any(d.included for d in wizard.decisions())

    def validatePage(self) -> bool:
        # Next is greyed out then, but QWizard.next() does not ask isComplete.
        return not self.wiz().reach_problem()


class SchedulePage(_Page):
    """Now or later, and reminders; quiet hours always apply."""

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Schedule"))
        self.setSubTitle(self.tr("When should the invitations go?"))
        self.now = QRadioButton(self.tr("Now"))
        self.later = QRadioButton(self.tr("Later"))
        self.now.setChecked(True)
        self.when = QDateTimeEdit(QDateTime.currentDateTime().addSecs(3600))
        self.when.setCalendarPopup(True)
        self.when.setEnabled(False)
        self.reminders = QSpinBox()
        self.reminders.setRange(0, c.MAX_REMINDERS)
        self.reminders.setValue(1)
        self.after = QSpinBox()
        self.after.setRange(1, 14)
        self.after.setValue(3)
        self.after.setSuffix(self.tr(" days"))
        for spin in (self.reminders, self.after):
            spin.setMaximumWidth(120)
        settings = wizard.context.settings
        self.quiet = hint(
            self.tr(
                "Messages go only between {start} and {end} in each contact's time zone (their "
                "time zone attribute, else {zone}); the rest wait for the morning."
            ).format(start=settings.quiet_start, end=settings.quiet_end, zone=settings.time_zone)
        )
        row = QHBoxLayout()
        row.addWidget(self.now)
        row.addWidget(self.later)
        row.addWidget(self.when)
        row.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.tr("Send"), row)
        form.addRow(self.quiet)
        form.addRow(self.tr("Reminders"), self.reminders)
        form.addRow(self.tr("Remind after"), self.after)
        form.addRow(
            hint(
                self.tr(
                    "Reminders go only to people who have not answered, with the same link, "
                    "and count towards the frequency cap."
                )
            )
        )
        self.later.toggled.connect(self.when.setEnabled)
        for signal in (
            self.later.toggled,
            self.when.dateTimeChanged,
            self.reminders.valueChanged,
            self.after.valueChanged,
        ):
            signal.connect(self._store)

    def _store(self) -> None:
        state = self.wiz().state
        if self.later.isChecked():
            state.start = self.when.dateTime().toPython().astimezone(UTC)  # type: ignore[union-attr]
        else:
            state.start = None
        state.reminders = self.reminders.value()
        state.reminder_after_days = self.after.value()

    def initializePage(self) -> None:
        self._store()


class ReviewPage(_Page):
    """What will happen, before it is written."""

    def __init__(self, wizard: CampaignWizard) -> None:
        super().__init__(wizard)
        self.setTitle(self.tr("Review"))
        self.setSubTitle(
            self.tr("Check the campaign. Creating it queues the messages; nothing is sent before.")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.channels = ChannelCheck(wizard.context, self)
        self.channels.changed.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.channels)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self.wiz()
        planned = wizard.plan()
        messages = [m for p in planned for m in p.messages]
        invitations = [m for m in messages if m.purpose == c.INVITATION and not m.held]
        start = wizard.state.start or wizard.now()
        held = sum(1 for m in invitations if m.not_before > start + timedelta(minutes=1))
        try:
            price = Decimal(wizard.context.settings.sms_price_per_segment or "0")
        except InvalidOperation:
            price = Decimal(0)
        cost = sum(
            (sms_estimate(m.body, price).cost for m in messages if m.channel == c.SMS),
            Decimal(0),
        )
        sms = sum(1 for p in planned if p.channel == c.SMS)
        survey = wizard.state.survey
        title = survey.title.get_for(survey.default_language) if survey else ""
        first = min((m.not_before for m in invitations), default=start)
        lines = [
            self.tr("Survey: {title}").format(title=escape(title)),
            self.tr("Recipients: {n} ({sms} by SMS, {email} by email)").format(
                n=len(planned), sms=sms, email=len(planned) - sms
            ),
            self.tr("Messages to queue: {n} (invitations and reminders)").format(n=len(messages)),
            self.tr("First invitation: {when} (this computer's time)").format(
                when=first.astimezone().strftime("%Y-%m-%d %H:%M")
            ),
            self.tr("Held for quiet hours: {n}").format(n=held),
            self.tr("SMS cost estimate, reminders included: {cost}").format(
                cost=f"{cost.normalize():f}"
            ),
        ]
        self.summary.setText("<br>".join(lines))
        self.error.clear()
        self.channels.check(
            {m.channel for m in messages if not m.held}, {m.channel for m in messages if m.held}
        )

    def isComplete(self) -> bool:
        # Nothing is queued to a channel that cannot send (channels.readiness).
        return self.channels.can_queue()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
