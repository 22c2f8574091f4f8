"""What went wrong, in the window's language.

Code outside ``ui/`` says what went wrong as a ``surveys.problems.Problem``: an
English wording marked for lupdate (context "Problems") and the values that fill
it. This module is the one place that translates them: a cause inside a problem
is translated too, a provider's own words and an address are kept as they came
(the address checker's English, which the window knows, is said in its language).
An error without a Problem (an older outbox row, a system error) is shown as it
is, unless its whole text is a wording the catalogue knows.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication

from storage.integrity import is_disk_full
from surveys.problems import CONTEXT, Problem
from ui.common.email_words import email_problem_text


def problem_text(problem: Problem) -> str:
    """``problem`` translated and filled in."""
    # Imported here: the contact files' engine brings phonenumbers, which the window
    # does not need to show (tests/test_architecture.py).
    from contacts.emails import NOT_AN_ADDRESS

    if problem.text == NOT_AN_ADDRESS:  # the address checker's English, in the window's words
        return email_problem_text(str(problem.params.get("detail", "")))
    if problem.is_plain:
        return problem.fill(problem.text, problem_text)
    return problem.fill(QCoreApplication.translate(CONTEXT, problem.text), problem_text)


def stored_text(text: str, problem: Problem | None = None) -> str:
    """A stored error: its Problem when there is one, else its English text, translated
    when it is a wording without values (rows written before problems were kept)."""
    if problem is not None:
        return problem_text(problem)
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def error_text(error: BaseException | str) -> str:
    """An exception (or its text) in plain words: its ``problem`` when it carries one
    (``surveys.problems.Explained``, ``channels.base.ChannelProblem``), what the system
    said when Koe knows it (a full disk, a busy file, a refused folder), else its text."""
    problem = getattr(error, "problem", None)
    if isinstance(problem, Problem):
        return problem_text(problem)
    if isinstance(error, BaseException):
        said = system_text(error)
        if said:
            return said
    return stored_text(str(error) or type(error).__name__)


def system_text(error: BaseException) -> str:
    """What the disk or SQLite refused, in the window's language ("" when not one of these)."""
    translate = QCoreApplication.translate
    if is_disk_full(error):
        return translate("Problems", "The disk is full: free some space on it and try again.")
    if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
        return translate(
            "Problems", "The workspace file is busy (another program is writing to it); try again."
        )
    if isinstance(error, PermissionError):
        return translate("Problems", "Koe is not allowed to use {path}.").format(
            path=error.filename or "?"
        )
    if isinstance(error, FileNotFoundError):
        return translate("Problems", "{path} is not there.").format(path=error.filename or "?")
    return ""


def problems_text(problems: tuple[Problem, ...], fallback: str) -> str:
    """Several errors of one row (an SMS's, then the email's that replaced it)."""
    if not problems:
        return stored_text(fallback)
    separator = QCoreApplication.translate("Problems", "; ")
    return separator.join(problem_text(problem) for problem in problems)
