"""The survey's paths in words, for the designer: "Question 3 is shown when question 1 is 0–6".

One line for each display condition and each answer that ends the survey, in
the order of the questions, so the owner can read every path at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from surveys.branching import Match
from surveys.questions import NONE, OTHER, Question
from ui.designer.draft import Draft
from ui.designer.look import band_name, band_points


def option_words(question: Question, code: str, language: str) -> str:
    """An option as the owner wrote it (or "Other" / "None of these")."""
    if code == OTHER:
        return QCoreApplication.translate("Branching", "Other")
    if code == NONE:
        return QCoreApplication.translate("Branching", "None of these")
    for option in question.options:
        if option.code == code:
            return option.text.get(language, "") or code
    return code


def match_words(question: Question | None, match: Match, language: str) -> str:
    """What an answer must be, in words: “Shop” or “Web”, 0–6, Detractors (0–6)."""
    separator = QCoreApplication.translate("Branching", " or ")
    if match.kind == "codes":
        if question is None:
            return separator.join(match.codes)
        quoted = QCoreApplication.translate("Branching", "“%1”")
        return separator.join(
            quoted.replace("%1", option_words(question, c, language)) for c in match.codes
        )
    if match.kind == "bands":
        points = band_points(question) if question is not None else {}
        return separator.join(band_name(b, points.get(b, "")) for b in match.bands)
    if match.kind == "range":
        low = "" if match.low is None else str(match.low)
        high = "" if match.high is None else str(match.high)
        return (
            QCoreApplication.translate("Branching", "%1–%2").replace("%1", low).replace("%2", high)
        )
    return QCoreApplication.translate("Branching", "(nothing chosen)")


def path_lines(draft: Draft) -> list[str]:
    """Every branch of the draft's survey, one line each, in question order."""
    language = draft.languages[0]
    lines: list[str] = []
    for row, question in enumerate(draft.questions):
        number = str(row + 1)
        condition = question.show_if
        if condition is not None:
            source = draft.question(condition.qid)
            source_number = str(draft.row_of(condition.qid) + 1) if source else "?"
            lines.append(
                QCoreApplication.translate(
                    "Branching", "Question %1 is shown only when question %2 is %3."
                )
                .replace("%1", number)
                .replace("%2", source_number)
                .replace("%3", match_words(source, condition.match, language))
            )
        if question.ends_if is not None:
            lines.append(
                QCoreApplication.translate("Branching", "Question %1: %2 ends the survey.")
                .replace("%1", number)
                .replace("%2", match_words(question, question.ends_if, language))
            )
    return lines
