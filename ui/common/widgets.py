"""Small look-and-feel helpers shared by Koe's own pages (no colours: the palette decides)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


def heading_font(base: QFont, scale: float = 1.25, *, bold: bool = True) -> QFont:
    """``base`` enlarged by ``scale``; sizes follow the system font so Japanese stays legible."""
    font = QFont(base)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * scale)
    else:
        font.setPixelSize(round(font.pixelSize() * scale))
    font.setBold(bold)
    return font


def heading(text: str, parent: QWidget | None = None, scale: float = 1.25) -> QLabel:
    """A section heading label."""
    label = QLabel(text, parent)
    label.setFont(heading_font(label.font(), scale))
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapped explanatory line in the palette's secondary text colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def server_status_text(url: str, error: str) -> str:
    """One line about the embedded respondent site, for the status bar and Settings."""
    if error:
        return QCoreApplication.translate(
            "ServerStatus", "The survey site is not running: {error}"
        ).format(error=error)
    if url:
        return QCoreApplication.translate("ServerStatus", "Survey site running at {url}").format(
            url=url
        )
    return QCoreApplication.translate("ServerStatus", "The survey site is starting…")


def save_cancel(dialog: QDialog, on_save: Callable[[], object] | None = None) -> QDialogButtonBox:
    """A dialog's Save and Cancel buttons: Save calls ``on_save`` (else accepts), Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
