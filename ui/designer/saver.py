"""Saving that never loses work: the draft goes to the database a moment after each change.

The save runs on the database worker (``storage.surveys.update``); the draft
stays in memory whatever happens, so a refused save (``EditRefused``: the
change would corrupt collected answers) loses nothing: the reason is shown
and the next change tries again.
"""

from __future__ import annotations

import copy
import re
from enum import StrEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QTimer, Signal
from sqlite_utils import Database

from storage import surveys as survey_store
from surveys.editing import NO_QUESTIONS_OPEN, EditRefused
from surveys.model import Survey
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.worker import DbWorker
from ui.designer.draft import Draft

DELAY_MS = 800


class SaveState(StrEnum):
    SAVED = "saved"
    PENDING = "pending"  # changed, waiting for the pause in typing
    SAVING = "saving"
    REFUSED = "refused"  # EditRefused: the change would corrupt collected answers
    FAILED = "failed"  # anything else (disk full, database locked…)


_PATTERNS = (
    (re.compile(r"^(\S+) has answers and cannot be deleted$"),
     QT_TRANSLATE_NOOP("AutoSaver", "“%1” has answers, so it cannot be deleted.")),
    (re.compile(r"^(\S+) has answers: its type cannot change$"),
     QT_TRANSLATE_NOOP("AutoSaver", "“%1” has answers, so its type cannot change.")),
    (re.compile(r"^(\S+) has answers: its scale cannot change$"),
     QT_TRANSLATE_NOOP("AutoSaver", "“%1” has answers, so its scale cannot change.")),
    (re.compile(r"^(\S+) has answers: options (.+) must stay$"),
     QT_TRANSLATE_NOOP("AutoSaver", "“%1” has answers, so its options (%2) must stay.")),
    (re.compile(r'^(\S+) has answers: its "Other" option must stay$'),
     QT_TRANSLATE_NOOP("AutoSaver", "“%1” has answers, so its “Other” option must stay.")),
    (re.compile(r'^(\S+) has answers: its "None of these" option must stay$'),
     QT_TRANSLATE_NOOP("AutoSaver",
                       "“%1” has answers, so its “None of these” option must stay.")),
    (re.compile(r"^(\S+) has answers: its new wording changes its meaning$"),
     QT_TRANSLATE_NOOP("AutoSaver",
                       "“%1” has answers, and the new wording asks something else: "
                       "add it as a new question instead.")),
    (re.compile("^" + re.escape(NO_QUESTIONS_OPEN) + "$"),
     QT_TRANSLATE_NOOP("AutoSaver",
                       "An open survey needs at least one question: add one, or close the "
                       "survey first.")),
)  # fmt: skip


def refusal_text(problems: list[str], draft: Draft) -> str:
    """EditRefused's problems in plain words, naming questions by their wording."""
    language = draft.languages[0]

    def name(qid: str) -> str:
        # As saved: a refused new wording must not name the question it is refused for.
        question = draft.question(qid) or draft.baseline.get(qid)
        text = draft.stored_texts.get(qid) or (question.text if question else None)
        wording = " ".join(text.get_for(language).split()) if text else ""
        if len(wording) > 80:
            wording = wording[:79] + "…"
        return wording or qid

    sentences = []
    for problem in problems:
        for pattern, source in _PATTERNS:
            match = pattern.match(problem)
            if match:
                text = QCoreApplication.translate("AutoSaver", source)
                if match.lastindex:
                    text = text.replace("%1", name(match.group(1)))
                if match.lastindex and match.lastindex > 1:
                    text = text.replace("%2", match.group(2))
                sentences.append(text)
                break
        else:
            sentences.append(problem)
    return " ".join(sentences)


class AutoSaver(QObject):
    """Saves the draft ``DELAY_MS`` after the last change, or at once with ``save_now``.

    Signals:
        state_changed(str, str): the SaveState's value and, when not saved, why.
        saved(object): the Survey as stored by the last successful save.
        settled(): a save attempt finished (well or not) and none is running.
    """

    state_changed = Signal(str, str)
    saved = Signal(object)
    settled = Signal()

    def __init__(self, draft: Draft, worker: DbWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.worker = worker
        self.saved_revision = 0
        self.state = SaveState.SAVED
        self.reason = ""
        self._running: int | None = None  # the revision being saved
        self._again = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        draft.changed.connect(self._on_changed)
        draft.loaded.connect(self._on_loaded)

    @property
    def dirty(self) -> bool:
        """True while the draft holds changes the database does not."""
        return self.draft.revision != self.saved_revision

    @property
    def running(self) -> bool:
        return self._running is not None

    def _on_loaded(self) -> None:
        self.saved_revision = self.draft.revision
        self._set(SaveState.SAVED)

    def _on_changed(self) -> None:
        if not self.dirty:
            return
        if not self.running:
            self._set(SaveState.PENDING)
        self._timer.start()

    def save_now(self) -> None:
        """Save the draft now (or right after the save that is running)."""
        self._timer.stop()
        if self.running:
            self._again = True
            return
        if not self.dirty or self.draft.survey is None:
            if not self.dirty:
                self._set(SaveState.SAVED)
            self.settled.emit()
            return
        revision = self.draft.revision
        survey = copy.deepcopy(self.draft.survey)  # the worker gets its own copy

        def job(db: Database) -> Survey:
            return survey_store.update(db, survey)

        self._running = revision
        self._set(SaveState.SAVING)
        self.worker.submit(
            job,
            guarded(self, lambda stored: self._done(revision, stored)),
            guarded(self, self._failed),
        )

    def _done(self, revision: int, stored: Survey) -> None:
        self._running = None
        self.saved_revision = revision
        self.saved.emit(stored)
        self._finish()

    def _failed(self, error: Exception) -> None:
        self._running = None
        if isinstance(error, EditRefused):
            self._set(SaveState.REFUSED, refusal_text(error.problems, self.draft))
        else:
            self._set(SaveState.FAILED, error_text(error))
        self._again = False  # retried at the next change, not in a loop
        self.settled.emit()

    def _finish(self) -> None:
        if self._again:
            self._again = False
            self.save_now()
            return
        if self.dirty:
            self._set(SaveState.PENDING)  # the timer, restarted by the change, saves it
        else:
            self._set(SaveState.SAVED)
        self.settled.emit()

    def _set(self, state: SaveState, reason: str = "") -> None:
        if (state, reason) != (self.state, self.reason):
            self.state = state
            self.reason = reason
            self.state_changed.emit(state.value, reason)
