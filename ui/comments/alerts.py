"""Detractor alerts: a banner in the window and a system notification.

Each stored response (``responses_changed``, fired by the embedded web server
or the sync) makes the worker claim the detractor responses not alerted yet
(``storage.follow_up.claim_new_detractors``: once per response, ever). Only
responses newer than those in the workspace when the window opened alert, so
an old backlog never floods the screen. The same look queues the automatic
follow-ups by category (``channels.follow_ups``) when the setting is on, and
the owners' alert emails (``channels.owner_alerts``) and the escalation rules'
follow-up tasks (``channels.escalation``); the sender sends them at
its next look at the outbox (about a second when idle). Which responses alert
is the settings' threshold per kind (``alert_threshold_*``). A timer looks
again every ``RECHECK_MS``: an alert email waits for a partial response's
comment, and must still leave within a minute when no other answer arrives.

Signals:
    raised(str): an alert was shown with this text.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from sqlite_utils import Database

from storage import follow_up
from storage import responses as response_store
from surveys.questions import SCALES, QuestionType
from ui.common.i18n import resolve_language
from ui.common.icons import icon
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import guarded
from ui.context import AppContext

RECHECK_MS = 15_000
# The kinds of scale whose low band has one name (surveys.band_names): the wording group.
_GROUPS = {
    QuestionType.NPS: "nps",
    QuestionType.CSAT: "satisfaction",
    QuestionType.STAR: "satisfaction",
    QuestionType.SMILEY: "satisfaction",
    QuestionType.CES: "effort",
    QuestionType.THUMBS: "thumbs",
}


class DetractorAlerts(QObject):
    raised = Signal(str)

    def __init__(self, context: AppContext, bar: NoticeBar, parent: QObject | None = None):
        super().__init__(parent)
        self.context = context
        self.bar = bar
        self._after: int | None = None
        self._caught_up = False  # escalation looked back to each rule's cut-off once
        self._tray: QSystemTrayIcon | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.check)
        context.worker.submit(response_store.latest_id, guarded(self, self._start))

    def _start(self, latest: int) -> None:
        self._after = latest
        self.context.responses_changed.connect(self.check)
        self._timer.start()

    def check(self, _survey_id: int = 0) -> None:
        after = self._after
        if after is None:
            return

        settings = self.context.settings
        language = resolve_language(settings.language)
        caught_up, self._caught_up = self._caught_up, True

        def job(db: Database) -> tuple[int, list[follow_up.Detractor]]:
            # Loaded on the worker's thread at the first look (it brings the channels'
            # libraries), not when the window opens.
            from channels.answer_watch import react_to_answers

            # The follow-ups, the owners' emails, the chats and the escalation rules ride
            # on the same look; the first reaches back to each rule's cut-off (answers
            # that came while the window was closed).
            react_to_answers(db, settings, after, language, reach_back=not caught_up)
            found = follow_up.claim_new_detractors(
                db, after, thresholds=settings.alert_thresholds()
            )
            return response_store.latest_id(db), found

        self.context.worker.submit(job, guarded(self, self._show))

    def _show(self, result: tuple[int, list[follow_up.Detractor]]) -> None:
        latest, found = result
        # Partial responses (a score before its comment) keep their id: look again
        # from the same place, the claim keeps each alert single.
        self._after = max(self._after or 0, latest - 50)
        if not found:
            return
        newest = found[-1]
        text = self.headline(found)
        if newest.comment:
            text = self._then(text, self.tr("“%1”").replace("%1", newest.comment[:120]))
        text = self._then(text, self.tr("See them on the Comments page.", "", len(found)))
        self.bar.show_error(text)
        self._notify(text)
        self.raised.emit(text)

    def _then(self, first: str, second: str) -> str:
        # Two sentences: English puts a space between them, Japanese none.
        return (
            self.tr("%1 %2", "one sentence after another")
            .replace("%1", first)
            .replace("%2", second)
        )

    def headline(self, found: list[follow_up.Detractor]) -> str:
        """What came in, named as the scale names its low band (surveys.band_names): a
        detractor for NPS, a dissatisfied answer for CSAT, a difficult one for CES."""
        groups = {_GROUPS.get(detractor.kind, "") for detractor in found}
        group = groups.pop() if len(groups) == 1 else ""
        count = len(found)
        if count > 1:
            return {
                "nps": self.tr("%n detractor(s) answered.", "", count),
                "satisfaction": self.tr("%n dissatisfied answer(s) came in.", "", count),
                "effort": self.tr("%n answer(s) found it difficult.", "", count),
                "thumbs": self.tr("%n thumbs-down answer(s) came in.", "", count),
            }.get(group) or self.tr("%n answer(s) with a low score came in.", "", count)
        score = found[0].score
        scale = SCALES.get(QuestionType(found[0].kind)) if group and group != "thumbs" else None
        if scale is None:
            return {
                "satisfaction": self.tr("A dissatisfied answer came in."),
                "thumbs": self.tr("A thumbs-down answer came in."),
            }.get(group) or self.tr("An answer with a low score came in.")
        words = {
            "nps": self.tr("A detractor answered: %1 out of %2."),
            "satisfaction": self.tr("A dissatisfied answer came in: %1 out of %2."),
            "effort": self.tr("An answer found it difficult: %1 out of %2."),
        }[group]
        return words.replace("%1", str(score)).replace("%2", str(scale.maximum))

    def _notify(self, text: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            self._tray = QSystemTrayIcon(icon("message-square-text", QApplication.palette()), self)
            self._tray.show()
        self._tray.showMessage(self.tr("Koe: a low score came in"), text)
