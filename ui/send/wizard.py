"""The campaign wizard: survey → audience → channels → messages → schedule → review.

All database work goes through the worker: the survey and the audience are
loaded when their page is reached, and Finish writes the whole campaign in one
transaction (``storage.campaigns.create``) before anything is sent. The
decisions, the preview and the plan are pure functions (``surveys``), worked
out on the GUI thread from what was loaded.

The wizard can be closed whenever it is loading (the late result is dropped).
While the campaign is being written it stays open, its buttons disabled, for
the moment the transaction takes (``WritesBeforeClosing``): the page must
learn of the campaign to wake the sender, and a failure must be shown.

The review step checks that every channel the campaign uses can send
(``ui.send.channel_check``); until then the campaign cannot be created.

Signals:
    created(int): the campaign with this id was written.
    channels_requested(): the user asked for Settings ▸ Messages to fix a channel
        (the wizard closes: nothing was written).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from channels import links
from storage import campaigns as campaign_store
from storage.surveys import SurveySummary
from surveys import campaigns as c
from surveys.campaign_plan import Links, PlannedDelivery, plan
from surveys.campaigns import Contact, Decision, Rules
from surveys.messages import Templates
from surveys.model import Survey
from ui.common.page_jobs import WritesBeforeClosing
from ui.common.problem_words import error_text
from ui.common.reach_notice import campaign_refusal
from ui.context import AppContext
from ui.send.messages_page import MessagesPage
from ui.send.wizard_pages import (
    AudiencePage,
    ChannelsPage,
    ReviewPage,
    SchedulePage,
    SurveyPage,
)


@dataclass
class WizardState:
    """What the pages have chosen so far."""

    surveys: list[SurveySummary]
    segments: list[tuple[int, str]]
    survey: Survey | None = None
    segment_id: int | None = None
    contacts: list[Contact] = field(default_factory=list)
    mode: str = c.SMS_ELSE_EMAIL
    templates: Templates = field(default_factory=Templates.defaults)
    start: datetime | None = None  # None: now
    reminders: int = 1
    reminder_after_days: int = 3


class CampaignWizard(WritesBeforeClosing, QWizard):
    """Builds and writes one campaign. See the module docstring for its signals."""

    created = Signal(int)
    channels_requested = Signal()

    SURVEY, AUDIENCE, CHANNELS, MESSAGES, SCHEDULE, REVIEW = range(6)

    def __init__(
        self,
        context: AppContext,
        surveys: list[SurveySummary],
        segments: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.state = WizardState(surveys, segments)
        self.setWindowTitle(self.tr("New campaign"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create campaign"))
        self.setMinimumSize(760, 560)
        self.survey_page = SurveyPage(self)
        self.audience_page = AudiencePage(self)
        self.channels_page = ChannelsPage(self)
        self.messages_page = MessagesPage(self)
        self.schedule_page = SchedulePage(self)
        self.review_page = ReviewPage(self)
        for key, page in enumerate(
            (
                self.survey_page,
                self.audience_page,
                self.channels_page,
                self.messages_page,
                self.schedule_page,
                self.review_page,
            )
        ):
            self.setPage(key, page)
        self.review_page.channels.settings_requested.connect(self._to_channel_settings)
        self.error = ""
        self._decisions: list[Decision] = []
        self._decisions_key: tuple[object, ...] = ()

    # -- what the pages share --------------------------------------------------------

    def rules(self) -> Rules:
        return campaign_store.rules_from_settings(
            self.context.settings,
            reminders=self.state.reminders,
            after_days=self.state.reminder_after_days,
        )

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0)

    def decisions(self) -> list[Decision]:
        """Who gets what, for the audience and mode chosen (kept until either changes:
        parsing tens of thousands of phone numbers is not free)."""
        rules = self.rules()
        key = (id(self.state.contacts), len(self.state.contacts), self.state.mode, rules)
        if key != self._decisions_key:
            self._decisions = c.decide_all(self.state.contacts, self.state.mode, rules, self.now())
            self._decisions_key = key
        return self._decisions

    def company(self) -> str:
        return self.context.settings.business_name

    def base_url(self) -> str:
        return self.context.base_url()

    def reach_problem(self) -> str:
        """Why the campaign cannot be queued with links on the current address ("" when
        it can): SMS and email are read anywhere, so their links need a public host."""
        return campaign_refusal(self.base_url())

    def plan(self) -> list[PlannedDelivery]:
        survey = self.state.survey
        assert survey is not None
        base = self.base_url()
        return plan(
            self.decisions(),
            templates=self.state.templates,
            survey_languages=survey.languages,
            company=self.company(),
            rules=self.rules(),
            start=self.state.start or self.now(),
            new_token=links.new_token,
            links=Links(
                lambda token: links.personal_link(base, token),
                lambda token: links.unsubscribe_link(base, token),
            ),
        )

    def campaign_name(self) -> str:
        survey = self.state.survey
        title = survey.title.get_for(survey.default_language) if survey else ""
        return f"{title} — {(self.state.start or self.now()).astimezone().strftime('%Y-%m-%d')}"

    # -- finishing --------------------------------------------------------------------

    def accept(self) -> None:
        """Write the campaign through the worker; the dialog closes once it is stored."""
        if self.writing or self.state.survey is None:
            return
        problem = self.reach_problem()  # the address may have changed since Channels
        if problem:
            self.review_page.show_error(problem)
            return
        if not self.review_page.isComplete():
            return  # a channel cannot send: the review step says why
        planned = self.plan()
        survey_id = self.state.survey.id
        assert survey_id is not None
        settings = {
            "mode": self.state.mode,
            "segment_id": self.state.segment_id,
            "templates": self.state.templates.to_json(),
            "reminders": self.state.reminders,
            "reminder_after_days": self.state.reminder_after_days,
            "start": self.state.start.isoformat() if self.state.start else None,
        }
        name = self.campaign_name()

        def job(db: object) -> int:
            return campaign_store.create(
                db,  # type: ignore[arg-type]
                survey_id=survey_id,
                name=name,
                settings=settings,
                deliveries=planned,
            )

        self.write(self.context.worker, job, self._written, self._failed)

    def _to_channel_settings(self) -> None:
        self.reject()
        self.channels_requested.emit()

    def _written(self, campaign_id: int) -> None:
        self.created.emit(campaign_id)
        super().accept()

    def _failed(self, error: Exception) -> None:
        self.error = str(error)
        self.review_page.show_error(
            self.tr("The campaign was not created: {error}").format(error=error_text(error))
        )
