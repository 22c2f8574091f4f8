"""The second backup folder in Settings ▸ Backups: where it is, how its last copy went,
and buttons to choose or forget it.

A workspace whose only copies sit on the same disk is one failed disk from gone:
each daily and manual backup is also copied to this folder (a USB disk, or a
folder OneDrive, Dropbox or iCloud syncs). The row only shows and asks; the
Backups panel saves the choice and looks again.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from storage.backups import Backup
from surveys.times import wall_clock, zone_name
from ui.common.icons import icon
from ui.common.widgets import hint


def moment_text(moment: datetime, zone: tzinfo) -> str:
    """``moment`` (aware) in ``zone``, in the user's short date format, with the zone's name."""
    shown = QLocale().toString(QDateTime(wall_clock(moment, zone)), QLocale.FormatType.ShortFormat)
    return f"{shown} ({zone_name(zone)})"


class SecondFolderRow(QWidget):
    """Shows the second folder and its state; asks for a folder.

    Signals:
        chosen(str): the user picked this folder.
        cleared(): the user stopped copying to a second folder.
    """

    chosen = Signal(str)
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder: Path | None = None
        self.explain = hint(
            self.tr(
                "Also copy each backup to another disk: a USB disk, or a folder that "
                "OneDrive, Dropbox or iCloud syncs. Copies kept only on this computer's disk "
                "are lost with the disk."
            )
        )
        self.folder_label = QLabel()
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.choose_button.clicked.connect(self._choose)
        self.clear_button = QPushButton(self.tr("Stop copying"))
        self.clear_button.clicked.connect(self.cleared)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        row = QHBoxLayout()
        row.addWidget(self.folder_label, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.explain)
        column.addLayout(row)
        column.addWidget(self.status)
        self._paint_icons()
        self.show_state(None, None)

    def show_state(
        self,
        folder: Path | None,
        newest: Backup | None,
        *,
        missing: bool = False,
        error: str = "",
        zone: tzinfo | None = None,
    ) -> None:
        """The folder (None: no second copy), the newest copy in it, whether the folder
        is not there now, and why the last copy failed ("" when it worked)."""
        self._folder = folder
        self.clear_button.setEnabled(folder is not None)
        if folder is None:
            self.folder_label.setText(self.tr("Second copy: none (backups stay on this disk only)"))
            self.status.hide()
            return
        self.folder_label.setText(self.tr("Second copy to {folder}").format(folder=folder))
        if missing:
            text = self.tr(
                "⚠ The folder cannot be found (is the disk plugged in?). Backups are still made "
                "on this computer, and copied there once the folder is back."
            )
        elif error:
            text = self.tr(
                "⚠ The last copy there failed: {error} Backups are still made on this computer."
            ).format(error=error)
        elif newest is not None:
            when = moment_text(newest.moment, zone) if zone is not None else ""
            text = self.tr("The newest copy there was taken {when}.").format(when=when)
        else:
            text = self.tr("No copy there yet: the next backup goes there too.")
        self.status.setText(text)
        self.status.show()

    def ask_folder(self) -> str:
        """The folder the user picks ("" when cancelled); tests replace this method."""
        start = str(self._folder) if self._folder is not None else str(Path.home())
        return QFileDialog.getExistingDirectory(
            self, self.tr("Folder for a second copy of each backup"), start
        )

    def _choose(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.chosen.emit(folder)

    def _paint_icons(self) -> None:
        self.choose_button.setIcon(icon("folder-open", self.palette()))
        self.clear_button.setIcon(icon("x", self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
