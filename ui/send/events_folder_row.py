"""The events folder, under the Send page's programmes: which folder Koe reads customer
events from (a POS or a spreadsheet drops CSV files there), and what became of the
latest files (docs/programmes.md). The sender's programme runner reads the folder;
this row only shows and saves the choice through the worker.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storage import contact_events
from storage import settings as settings_store
from ui.context import AppContext


def _load(db: object) -> tuple[str, list[tuple[str, str, str, str]]]:
    folder = settings_store.load(db).events_folder  # type: ignore[arg-type]
    return folder, contact_events.files_seen(db)[:3]  # type: ignore[arg-type]


class EventsFolderRow(QWidget):
    """The watched folder, with buttons to choose it or stop watching, and the last files."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.folder = ""
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.choose_button.clicked.connect(self._choose)
        self.stop_button = QPushButton(self.tr("Stop watching"))
        self.stop_button.clicked.connect(lambda: self.use_folder(""))
        self.files = QLabel()
        self.files.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.folder_label)
        column.addLayout(buttons)
        column.addWidget(self.files)

    def reload(self) -> None:
        self.context.worker.submit(_load, self._loaded)

    def _loaded(self, found: tuple[str, list[tuple[str, str, str, str]]]) -> None:
        self.folder, seen = found
        if self.folder:
            self.folder_label.setText(
                self.tr("Customer events are read from {folder}").format(folder=self.folder)
            )
        else:
            self.folder_label.setText(
                self.tr(
                    "No events folder: choose one where your till or a spreadsheet saves "
                    "CSV files of customer events."
                )
            )
        self.stop_button.setVisible(bool(self.folder))
        lines = []
        for name, status, detail, _read_at in seen:
            if status == contact_events.DAMAGED:
                lines.append(self.tr("Not read: {detail}").format(detail=detail))
            else:
                lines.append(self.tr("Read: {name}").format(name=name))
        self.files.setText("\n".join(lines))
        self.files.setVisible(bool(lines))

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Events folder"), self.folder)
        if folder:
            self.use_folder(folder)

    def use_folder(self, folder: str) -> None:
        """Save ``folder`` ("" stops watching) and show it."""

        def job(db: object) -> None:
            settings_store.save(db, events_folder=folder)  # type: ignore[arg-type]

        self.context.worker.submit(job, lambda _none: self.reload())
