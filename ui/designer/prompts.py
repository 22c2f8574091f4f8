"""The designer's blocking and outward calls: the discard question and the web browser.

They live apart from the page so tests can replace them (monkeypatch this
module's functions) and drive the designer without modal boxes or a browser.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_discard(parent: QWidget, reason: str) -> bool:
    """Ask before leaving with changes that could not be saved; True to discard them."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("DesignerPrompts", "Unsaved changes"))
    box.setText(translate("DesignerPrompts", "Your latest changes could not be saved."))
    box.setInformativeText(
        reason
        + "\n\n"
        + translate(
            "DesignerPrompts",
            "Stay to change them so they can be saved, or leave and lose them.",
        )
    )
    discard = box.addButton(
        translate("DesignerPrompts", "Discard changes"), QMessageBox.ButtonRole.DestructiveRole
    )
    stay = box.addButton(translate("DesignerPrompts", "Stay"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is discard


def open_in_browser(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))
