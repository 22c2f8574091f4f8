"""The preview dialog: the draft's preview link and its QR code, to try it on a phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.common.reach_notice import ReachNotice
from ui.common.widgets import hint
from ui.context import AppContext
from ui.designer import prompts

QR_SIZE = 220


class PreviewDialog(QDialog):
    """Shows ``link`` and its QR code; answers given there are not saved.

    ``link_edit``, ``qr_label``, ``open_button`` and ``copy_button`` are public;
    ``reach_notice`` says who cannot open the link (hidden when any phone can), and its
    set-up button closes the dialog and shows Settings ▸ Public host.
    """

    def __init__(
        self, link: str, qr_png: bytes, context: AppContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview"))
        self.link = link
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png, "PNG")
        self.qr_label.setPixmap(
            pixmap.scaled(
                QR_SIZE,
                QR_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.qr_label.setAccessibleName(self.tr("QR code of the preview link"))
        self.link_edit = QLineEdit(link)
        self.link_edit.setReadOnly(True)
        self.link_edit.setCursorPosition(0)
        self.open_button = QPushButton(self.tr("Open in browser"))
        self.copy_button = QPushButton(self.tr("Copy link"))
        self.open_button.clicked.connect(self.open_link)
        self.copy_button.clicked.connect(self.copy_link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.reach_notice = ReachNotice(context, self.reject)
        self.reach_notice.show_link(link)
        column = QVBoxLayout(self)
        column.addWidget(
            hint(
                self.tr(
                    "The survey as respondents will see it, with your latest changes. Scan the "
                    "code to try it on a phone. Answers given in a preview are not saved."
                )
            )
        )
        column.addWidget(self.reach_notice)
        column.addWidget(self.qr_label)
        column.addWidget(self.link_edit)
        column.addWidget(buttons)
        self.setMinimumWidth(420)

    def open_link(self) -> None:
        prompts.open_in_browser(self.link)

    def copy_link(self) -> None:
        QGuiApplication.clipboard().setText(self.link)
