"""One way to ask before doing something: a question, what it means, its button and Cancel.

Pages keep their confirmations in a prompts module of their own (tests replace
those functions); each builds its box here, so every confirmation reads alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def ask(
    parent: QWidget,
    *,
    title: str,
    question: str,
    details: str,
    action: str,
    destructive: bool = False,
) -> bool:
    """True when the user chose ``action``. A destructive action gets the warning icon,
    and Cancel is the default button, so Enter never deletes by accident."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    box.setInformativeText(details)
    role = (
        QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    chosen = box.addButton(action, role)
    box.addButton(QMessageBox.StandardButton.Cancel)
    if destructive:
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is chosen
