"""The Contacts page's blocking calls: file dialogs and the delete confirmation.

Kept apart from the page so tests can replace them (monkeypatch this module's
functions) and drive the page without native dialogs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.common.confirm import ask

translate = QCoreApplication.translate


def ask_import_path(parent: QWidget) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("ContactsPage", "Import contacts"),
        str(Path.home()),
        translate("ContactsPage", "Contact lists (*.csv *.txt *.tsv *.xlsx)"),
    )
    return Path(chosen) if chosen else None


def ask_report_path(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, translate("ContactsPage", "Save report"), str(suggested), "CSV (*.csv)"
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


def ask_export_path(parent: QWidget, suggested: Path) -> Path | None:
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("ContactsPage", "Export contacts"),
        str(suggested),
        translate("ContactsPage", "CSV for Excel (*.csv)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".csv" else path.with_name(path.name + ".csv")


def confirm_delete(parent: QWidget, name: str) -> bool:
    """Ask before deleting a contact, saying what goes and what stays."""
    return ask(
        parent,
        title=translate("ContactsPage", "Delete contact"),
        question=translate("ContactsPage", "Delete “%1” and all their personal data?").replace(
            "%1", name
        ),
        details=translate(
            "ContactsPage",
            "Their name, phone number, email address, attributes, consent and opt-outs are "
            "deleted, and their address is removed from messages already sent. Their answers "
            "to surveys stay, as anonymous answers. This cannot be undone.",
        ),
        action=translate("ContactsPage", "Delete contact"),
        destructive=True,
    )
