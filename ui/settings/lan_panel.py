"""Settings → On this network: the survey site on the local network, and a QR code for a counter.

Off by default: only this computer reaches the site. Turned on, the site also
listens on the computer's network address (KoeApp restarts it), and the panel
shows that address and a QR code of an open survey's link on it, which phones
on the same Wi-Fi can scan.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from channels import qr
from channels.links import public_link
from storage import surveys as survey_store
from storage.settings import Settings
from surveys.model import SurveyStatus
from ui.common.icons import icon
from ui.common.page_jobs import guarded
from ui.common.save_places import default_folder, write_error_text
from ui.common.survey_labels import file_stem, ui_language
from ui.common.widgets import hint
from ui.context import AppContext

QR_BOX = 5  # pixels a module: about 200 px for a short link
COUNTER_SOURCE = "counter"  # the ?src= tag of answers that came through this QR code


class LanPanel(QWidget):
    """The LAN switch, the address it gives and a QR code of a survey on that address."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.enabled = QCheckBox(self.tr("Also serve surveys to this computer's local network"))
        self.enabled.toggled.connect(self._on_toggled)
        self.explain = hint(
            self.tr(
                "For a QR code on your counter: phones on the same Wi-Fi as this computer can "
                "then open the survey page. Leave it off when only people on the internet "
                "answer (through a public host)."
            )
        )
        self.address = QLabel()
        self.address.setWordWrap(True)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.survey = QComboBox()
        self.survey.setMinimumWidth(220)
        self.survey.currentIndexChanged.connect(self._show_code)
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.link = QLabel()
        self.link.setWordWrap(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("Save QR code…"))
        self.save_button.clicked.connect(self.save_code)

        self.details = QWidget()
        grid = QGridLayout(self.details)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.code, 0, 0, 5, 1)
        grid.addWidget(QLabel(self.tr("Survey")), 0, 1)
        grid.addWidget(self.survey, 1, 1)
        grid.addWidget(self.link, 2, 1)
        grid.addWidget(
            self.save_button, 3, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        )
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)  # the survey's rows at the top, beside the code

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.enabled)
        column.addWidget(self.explain)
        column.addWidget(self.address)
        column.addWidget(self.details)

        self._surveys: list[tuple[str, str]] = []  # (slug, title)
        context.lan_changed.connect(self._show_address)
        context.settings_changed.connect(self._show_setting)
        context.surveys_changed.connect(self.refresh)
        self._show_setting(context.settings)
        self._show_address(context.lan_url, context.lan_error)
        self._paint_icons()
        self.refresh()

    @property
    def url(self) -> str:
        """The QR code's link: the chosen survey's public link on the LAN address."""
        slug = self.survey.currentData()
        if not self.context.lan_url or not slug:
            return ""
        return public_link(self.context.lan_url, slug, source=COUNTER_SOURCE)

    # -- reading ---------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the open surveys on the worker."""

        def job(db: object) -> list[tuple[str, str]]:
            language = ui_language(self.context)
            return [
                (summary.slug, summary.title.get_for(language))
                for summary in survey_store.list_all(db)  # type: ignore[arg-type]
                if summary.status is SurveyStatus.OPEN
            ]

        self.context.worker.submit(job, guarded(self, self._show_surveys))

    def _show_surveys(self, surveys: list[tuple[str, str]]) -> None:
        chosen = self.survey.currentData()
        self.survey.blockSignals(True)
        self.survey.clear()
        for slug, title in surveys:
            self.survey.addItem(title, slug)
        index = self.survey.findData(chosen)
        self.survey.setCurrentIndex(max(index, 0))
        self.survey.blockSignals(False)
        self._surveys = surveys
        self._show_code()

    # -- acting ----------------------------------------------------------------

    def _on_toggled(self, on: bool) -> None:
        if on != self.context.settings.lan_enabled:
            self.context.save_settings(lan_enabled=on)

    def save_code(self) -> None:
        url = self.url
        if not url:
            return
        folder = default_folder(
            QStandardPaths.StandardLocation.PicturesLocation, self.context.workspace.folder
        )
        name = f"{file_stem(self.survey.currentText())} QR (LAN).png"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save QR code"),
            str(folder / name),
            "PNG (*.png);;SVG (*.svg)",
        )
        if path:
            target = Path(path)
            worker = self.context.worker

            def failed(error: Exception) -> None:  # the window's "Something went wrong"
                worker.failed.emit(write_error_text(error, target))

            worker.submit(lambda _db: qr.save(url, target), None, failed)

    # -- showing ---------------------------------------------------------------

    def _show_setting(self, settings: Settings) -> None:
        self.enabled.blockSignals(True)
        self.enabled.setChecked(settings.lan_enabled)
        self.enabled.blockSignals(False)
        self._show_address(self.context.lan_url, self.context.lan_error)

    def _show_address(self, url: str, error: str) -> None:
        if error:
            self.address.setText(self.tr("Not on the local network: %1").replace("%1", error))
        elif url:
            self.address.setText(self.tr("Phones on this network can open %1").replace("%1", url))
        elif self.context.settings.lan_enabled:
            self.address.setText(self.tr("Starting…"))
        else:
            self.address.setText(self.tr("Off: only this computer can open the survey site."))
        self._show_code()

    def _show_code(self) -> None:
        url = self.url
        self.details.setVisible(bool(self.context.lan_url))
        self.save_button.setEnabled(bool(url))
        self.survey.setEnabled(bool(self._surveys))
        if not url:
            self.code.clear()
            self.link.setText(
                self.tr("Open a survey to get its QR code.") if not self._surveys else ""
            )
            return
        pixmap = QPixmap()
        pixmap.loadFromData(qr.png(url, box_size=QR_BOX), "PNG")
        self.code.setPixmap(pixmap)
        self.link.setText(url)

    def _paint_icons(self) -> None:
        self.save_button.setIcon(icon("download", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
