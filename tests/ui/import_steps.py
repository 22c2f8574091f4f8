"""The import dialog's steps as an owner takes them, for tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTableWidget

from ui.contacts.import_dialog import (
    STEP_MAPPING,
    STEP_PREVIEW,
    STEP_REPORT,
    ContactImportDialog,
)
from ui.contacts.import_mapping_step import COL_HEADER, MappingStep
from ui.contacts.page import ContactsPage


def open_import(qtbot, page: ContactsPage, path: Path) -> ContactImportDialog:
    """The page's import on ``path``, once the file is read and its columns are shown."""
    dialog = page.import_file(path)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.step == STEP_MAPPING, timeout=20_000)
    dialog.mapping.region.setCurrentText("JP")  # the default follows the locale
    return dialog


def show_preview(qtbot, dialog: ContactImportDialog) -> None:
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.step == STEP_PREVIEW, timeout=30_000)


def import_shown(qtbot, page: ContactsPage, dialog: ContactImportDialog) -> None:
    with qtbot.waitSignal(page.import_finished, timeout=30_000):
        dialog.import_button.click()
    assert dialog.step == STEP_REPORT


def line_of(table: QTableWidget, row: int) -> str:
    """A line of a table as a person reads it: its cells joined with " | "."""
    return " | ".join(table.item(row, c).text() for c in range(table.columnCount()))


def select_columns(step: MappingStep, columns: list[int]) -> None:
    """Select these columns' lines, as Ctrl+click does."""
    step.columns.clearSelection()
    model = step.columns.selectionModel()
    for column in columns:
        model.select(
            step.columns.model().index(column, COL_HEADER),
            model.SelectionFlag.Select | model.SelectionFlag.Rows,
        )
