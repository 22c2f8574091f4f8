"""The Results page's confirmations, apart so that tests can answer them (monkeypatch)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.common.confirm import ask


def confirm_delete_response(parent: QWidget, description: str) -> bool:
    """Ask before deleting one response (a customer's request): it cannot be undone.

    ``description`` says which response: its date, score and comment.
    """
    translate = QCoreApplication.translate
    consequence = translate(
        "ResultsPage",
        "The response and all its answers are deleted for good: it disappears from every "
        "count, chart and export and from the Comments page, and from the public host at "
        "the next sync. This cannot be undone.",
    )
    return ask(
        parent,
        title=translate("ResultsPage", "Delete response"),
        question=translate("ResultsPage", "Delete this response?"),
        details=f"{description}\n\n{consequence}",
        action=translate("ResultsPage", "Delete response"),
        destructive=True,
    )
