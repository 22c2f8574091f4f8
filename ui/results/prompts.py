"""The Results page's confirmations, apart so that tests can answer them (monkeypatch)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_delete_response(parent: QWidget, description: str) -> bool:
    """Ask before deleting one response (a customer's request): it cannot be undone.

    ``description`` says which response: its date, score and comment.
    """
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("ResultsPage", "Delete response"))
    box.setText(translate("ResultsPage", "Delete this response? %1").replace("%1", description))
    box.setInformativeText(
        translate(
            "ResultsPage",
            "The response and all its answers are deleted for good: it disappears from every "
            "count, chart and export and from the Comments page, and from the public host at "
            "the next sync. This cannot be undone.",
        )
    )
    delete = box.addButton(
        translate("ResultsPage", "Delete response"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is delete
