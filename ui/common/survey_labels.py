"""How surveys read in the UI: kind, status and score names, dates, the UI language.

Shared by the Surveys and Results pages and the survey table model, so that a
survey is called the same thing everywhere. Strings live here as
QT_TRANSLATE_NOOP in the "SurveyLabels" context and are translated when used.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale

from surveys.model import SurveyKind, SurveyStatus
from surveys.questions import QuestionType
from ui.common.i18n import resolve_language
from ui.context import AppContext

_CONTEXT = "SurveyLabels"

_KIND_NAMES = {
    SurveyKind.NPS: QT_TRANSLATE_NOOP("SurveyLabels", "NPS"),
    SurveyKind.CSAT: QT_TRANSLATE_NOOP("SurveyLabels", "CSAT"),
    SurveyKind.CES: QT_TRANSLATE_NOOP("SurveyLabels", "CES"),
    SurveyKind.CUSTOM: QT_TRANSLATE_NOOP("SurveyLabels", "Custom"),
}

_STATUS_NAMES = {
    SurveyStatus.DRAFT: QT_TRANSLATE_NOOP("SurveyLabels", "Draft"),
    SurveyStatus.OPEN: QT_TRANSLATE_NOOP("SurveyLabels", "Open"),
    SurveyStatus.CLOSED: QT_TRANSLATE_NOOP("SurveyLabels", "Closed"),
}

_ARCHIVED = QT_TRANSLATE_NOOP("SurveyLabels", "Archived")

_SCORE_NAMES = {
    QuestionType.NPS: QT_TRANSLATE_NOOP("SurveyLabels", "NPS"),
    QuestionType.CSAT: QT_TRANSLATE_NOOP("SurveyLabels", "CSAT (% satisfied)"),
    QuestionType.CES: QT_TRANSLATE_NOOP("SurveyLabels", "CES (mean effort, 1–7)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def ui_language(context: AppContext) -> str:
    """ "ja" or "en": the language survey titles and questions are shown in."""
    return resolve_language(context.settings.language)


def kind_name(kind: SurveyKind) -> str:
    return _tr(_KIND_NAMES[kind])


def status_name(status: SurveyStatus) -> str:
    return _tr(_STATUS_NAMES[status])


def archived_name() -> str:
    """How an archived survey's status reads (it is closed and hidden from the lists)."""
    return _tr(_ARCHIVED)


def score_name(kind: QuestionType) -> str:
    """The headline score's name, e.g. "CSAT (% satisfied)"."""
    return _tr(_SCORE_NAMES.get(kind, kind.value.upper()))


def _local(moment: datetime) -> QDateTime:
    # Stored times are UTC; the user reads them in the machine's time zone.
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


def date_text(moment: datetime) -> str:
    """A date in the user's locale, short form (2025/06/30, 6/30/25)."""
    local = _local(moment).date()
    return QLocale().toString(QDate(local), QLocale.FormatType.ShortFormat)


def datetime_text(moment: datetime) -> str:
    """A date and time in the user's locale, short form."""
    return QLocale().toString(_local(moment), QLocale.FormatType.ShortFormat)


def status_text(
    status: SurveyStatus, closes_at: datetime | None, now: datetime | None = None
) -> str:
    """The status as the survey list shows it: "Open until 30/06/2025 18:00"."""
    if status is SurveyStatus.OPEN and closes_at is not None:
        if closes_at <= (now or datetime.now(UTC)):
            # Past its end date the site no longer takes answers, even before
            # anything has marked it closed.
            text = QCoreApplication.translate("SurveyLabels", "Open, ended %1")
        else:
            text = QCoreApplication.translate("SurveyLabels", "Open until %1")
        return text.replace("%1", datetime_text(closes_at))
    return status_name(status)


_UNSAFE_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def file_stem(title: str, fallback: str = "survey") -> str:
    """``title`` made safe as a file name on every platform (Japanese kept)."""
    stem = _UNSAFE_FILE_CHARS.sub(" ", title).strip(" .")
    return re.sub(r"\s+", " ", stem)[:80] or fallback
