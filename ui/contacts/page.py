"""The Contacts page: the contact list, search, segments, editing, deleting, importing.

The table is a lazily loaded model (``ui.contacts.table_model``): a
page of rows at a time, each read through the database worker. Search is
debounced and runs on the worker too. Imports run on a thread of their own
(``ui.contacts.import_dialog``). Blocking prompts go through
``ui.contacts.prompts``, which tests replace.

Over 400 lines because search, the segment chosen, the selection and the actions all
change the one lazily loaded table; its dialogs, model, export and the storing of an
edited contact (``ui.contacts.edits``) have modules of their own.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QSettings, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from contacts import default_region
from storage import contact_deletion
from storage import contacts as contact_store
from storage import segments as segment_store
from storage.contacts import Contact
from storage.segments import Segment
from ui.common.empty_state import EmptyState
from ui.common.icons import icon
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import guarded
from ui.common.problem_words import error_text
from ui.common.save_places import default_folder, write_error_text
from ui.common.survey_labels import ui_language
from ui.contacts import prompts as contact_prompts
from ui.contacts.contact_dialog import ContactDialog
from ui.contacts.edits import store_contact
from ui.contacts.export import ContactExport
from ui.contacts.import_dialog import ContactImportDialog
from ui.contacts.segment_dialog import SegmentDialog
from ui.contacts.table_model import (
    COL_EMAIL,
    COL_FURIGANA,
    COL_LANGUAGE,
    COL_MAIL,
    COL_NAME,
    COL_PHONE,
    COL_SMS,
    ContactTableModel,
)
from ui.context import AppContext

SEARCH_DELAY_MS = 250
EXPORT_SHORTCUT = "Ctrl+Shift+E"  # Ctrl+E edits a survey
REGION_KEY = "contacts/region"


class ContactsPage(QWidget):
    """Lists contacts and acts on them.

    Signals:
        import_finished(object): an import was committed (its ImportOutcome).
    """

    import_finished = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._segments: list[Segment] = []
        self._loaded = False
        self.import_dialog: ContactImportDialog | None = None
        self.contact_dialog: ContactDialog | None = None
        self.segment_dialog: SegmentDialog | None = None

        self.model = ContactTableModel(context.worker, self)
        self.model.loaded.connect(self._on_loaded)
        self.model.fetched.connect(self._update_count)
        self.model.failed.connect(
            lambda text: self.notice.show_error(
                self.tr("Could not read the contacts: %1").replace("%1", text)
            )
        )

        self.actions_by_name = self._make_actions()
        self.exporter = ContactExport(context.workspace, self)
        self.exporter.exported.connect(self._on_exported)
        self.exporter.failed.connect(self._on_export_failed)
        self.exporter.cancelled.connect(self._on_export_cancelled)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("import", "export", "add", "edit", "delete"):
            self.toolbar.addAction(self.actions_by_name[name])
        self.notice = NoticeBar()

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, phone, email or attribute"))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.status = QComboBox()
        for key, label in self._status_filters():
            self.status.addItem(label, key)
        self.status.currentIndexChanged.connect(lambda _i: self.requery())
        self.segment = QComboBox()
        self.segment.setMinimumContentsLength(14)
        self.segment.currentIndexChanged.connect(lambda _i: self._on_segment_chosen())
        self.segment_button = QPushButton(self.tr("New segment…"))
        self.segment_button.clicked.connect(self.edit_segment)
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status, 1)
        filters.addWidget(QLabel(self.tr("Segment:")))
        filters.addWidget(self.segment, 1)
        filters.addWidget(self.segment_button)
        self.filters = QWidget()
        self.filters.setLayout(filters)
        filters.setContentsMargins(0, 0, 0, 0)

        self.table = self._make_table()
        self.empty_state = EmptyState("users", self.tr("Import contacts…"), "folder-open", big=True)
        self.empty_state.set_text(
            self.tr("No contacts yet"),
            self.tr(
                "Import your customers from a CSV or Excel file: Koe reads files saved by "
                "Japanese Excel, proposes which column is the name, phone and email, and keeps "
                "the other columns (store, plan…) for segments. Or add a contact by hand."
            ),
        )
        assert self.empty_state.button is not None
        self.empty_state.button.clicked.connect(self.actions_by_name["import"].trigger)
        self.add_link = QPushButton(self.tr("Add a contact"))
        self.add_link.setFlat(True)
        self.add_link.clicked.connect(self.actions_by_name["add"].trigger)
        # The second way in sits right under the big button, in the same column.
        column = self.empty_state.button.parentWidget().layout()
        assert isinstance(column, QVBoxLayout)
        column.addWidget(self.add_link, 0, Qt.AlignmentFlag.AlignHCenter)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.addWidget(self.empty_state, 1)

        listing = QWidget()
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.filters)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addWidget(self.count_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(listing)
        self.stack.addWidget(empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.requery)
        self._update_actions()
        self.load_segments()
        self.requery()

    # Building ---------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        specs = (
            ("import", self.tr("Import…"), "folder-open", None, self.import_file),
            ("export", self.tr("Export…"), "download", EXPORT_SHORTCUT, self.export_contacts),
            (
                "add",
                self.tr("Add contact…"),
                "plus",
                QKeySequence.StandardKey.New,
                self.add_contact,
            ),
            ("edit", self.tr("Edit…"), "pencil", None, self.edit_selected),
            ("delete", self.tr("Delete…"), "trash-2", None, self.delete_selected),
        )
        actions = {}
        for name, text, icon_name, shortcut, handler in specs:
            action = QAction(icon(icon_name, self.palette()), text, self)
            action.setObjectName(f"contacts_{name}")
            if isinstance(shortcut, str):
                # Window-wide while the page is shown (Qt ignores hidden pages' shortcuts).
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setToolTip(f"{text.rstrip('…')} ({keys})")
            action.setProperty("koeIcon", icon_name)
            action.triggered.connect(lambda _checked=False, h=handler: h())
            self.addAction(action)
            actions[name] = action
        return actions

    def _status_filters(self) -> list[tuple[str, str]]:
        return [
            (contact_store.FILTER_ALL, self.tr("Everyone")),
            (contact_store.FILTER_SMS_CONSENT, self.tr("SMS consent")),
            (contact_store.FILTER_EMAIL_CONSENT, self.tr("Email consent")),
            (contact_store.FILTER_NO_CONSENT, self.tr("No consent recorded")),
            (contact_store.FILTER_OPTED_OUT, self.tr("Opted out")),
            (contact_store.FILTER_LANDLINE, self.tr("Landlines (no SMS)")),
        ]

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        # Fixed row heights: the view never measures 50,000 rows.
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(COL_NAME, 150)
        header.resizeSection(COL_FURIGANA, 130)
        # The reading of a Japanese name, for a Japanese owner; the list is sorted by it.
        table.setColumnHidden(COL_FURIGANA, ui_language(self.context) != "ja")
        header.resizeSection(COL_EMAIL, 200)
        header.resizeSection(COL_PHONE, 130)
        for column in (COL_SMS, COL_MAIL):
            header.resizeSection(column, 105)
        header.resizeSection(COL_LANGUAGE, 80)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        return table

    # Queries ------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._loaded

    def _segment_where(self) -> tuple[str, list[object]] | None:
        segment_id = self.segment.currentData()
        for segment in self._segments:
            if segment.id == segment_id:
                return segment_store.clause(segment.conditions)
        return None

    def requery(self) -> None:
        self._search_timer.stop()
        self.model.set_query(
            self.search.text(), str(self.status.currentData() or ""), self._segment_where()
        )

    def _filtered(self) -> bool:
        return bool(
            self.search.text().strip() or self.status.currentData() or self.segment.currentData()
        )

    def _on_loaded(self, total: int) -> None:
        self._loaded = True
        empty = total == 0 and not self._filtered()
        self.stack.setCurrentIndex(1 if empty else 0)
        self.toolbar.setVisible(not empty)
        self._update_count()
        self._update_actions()

    def _update_count(self) -> None:
        total = f"{self.model.total:,}"  # grouped alike in Japanese and English
        if self._filtered():
            text = self.tr("Matching contacts: %1").replace("%1", total)
        else:
            text = self.tr("Contacts: %1").replace("%1", total)
        self.count_label.setText(text)

    def load_segments(self, select: int | None = None) -> None:
        def done(segments: list[Segment]) -> None:
            self._segments = segments
            keep = select if select is not None else self.segment.currentData()
            blocker = self.segment.blockSignals(True)
            self.segment.clear()
            self.segment.addItem(self.tr("All contacts"), None)
            for segment in segments:
                self.segment.addItem(segment.name, segment.id)
            self.segment.setCurrentIndex(max(0, self.segment.findData(keep)))
            self.segment.blockSignals(blocker)
            self._on_segment_chosen()

        self.context.worker.submit(segment_store.list_all, guarded(self, done))

    def _on_segment_chosen(self) -> None:
        chosen = self.segment.currentData() is not None
        self.segment_button.setText(self.tr("Edit segment…") if chosen else self.tr("New segment…"))
        self.requery()

    # Selection ----------------------------------------------------------------

    def selected_contact(self) -> Contact | None:
        rows = self.table.selectionModel().selectedRows(COL_NAME)
        return self.model.contact(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        selected = self.selected_contact() is not None
        self.actions_by_name["edit"].setEnabled(selected)
        self.actions_by_name["delete"].setEnabled(selected)

    def region(self) -> str:
        """The country of numbers written without +: the last one chosen for an
        import, else JP for a Japanese UI or locale, else the locale's country."""
        remembered = QSettings().value(REGION_KEY, "")
        if isinstance(remembered, str) and remembered:
            return remembered
        return default_region("ja" if ui_language(self.context) == "ja" else QLocale().name())

    # Editing ------------------------------------------------------------------

    def add_contact(self) -> ContactDialog:
        return self._open_contact_dialog(None)

    def edit_selected(self) -> ContactDialog | None:
        contact = self.selected_contact()
        if contact is None:
            return None
        return self._open_contact_dialog(contact)

    def _open_contact_dialog(self, contact: Contact | None) -> ContactDialog:
        dialog = ContactDialog(contact, self.region(), self)
        dialog.submitted.connect(lambda values: store_contact(self, dialog, contact, values))
        dialog.finished.connect(dialog.deleteLater)
        self.contact_dialog = dialog
        dialog.open()
        return dialog

    def delete_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None:
            return
        label = contact.name or contact.phone or contact.email or ""
        if not contact_prompts.confirm_delete(self, label):
            return
        contact_id = contact.id

        def done(_deleted: bool) -> None:
            self.notice.show_info(
                self.tr("“%1” and their personal data were deleted.").replace("%1", label)
            )
            if self.model.remove_contact(contact_id):
                self._on_loaded(self.model.total)
            else:
                self.model.refresh()

        def failed(error: Exception) -> None:
            self.notice.show_error(self.tr("Not deleted: %1").replace("%1", error_text(error)))

        self.context.worker.submit(
            lambda db: contact_deletion.delete(db, contact_id),
            guarded(self, done),
            guarded(self, failed),
        )

    # Segments -----------------------------------------------------------------

    def edit_segment(self) -> None:
        segment_id = self.segment.currentData()
        segment = next((s for s in self._segments if s.id == segment_id), None)

        def done(names: list[str]) -> None:
            dialog = SegmentDialog(self.context.worker, names, segment, self)
            dialog.saved.connect(lambda saved: self.load_segments(saved.id))
            dialog.deleted.connect(lambda _id: self.load_segments(-1))
            dialog.finished.connect(dialog.deleteLater)
            self.segment_dialog = dialog
            dialog.open()

        self.context.worker.submit(contact_store.attribute_names, guarded(self, done))

    # Importing ----------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> ContactImportDialog | None:
        """Ask for a file (unless given) and open the import dialog on it: the dialog
        reads it off the GUI thread."""
        chosen = path or contact_prompts.ask_import_path(self)
        if chosen is None:
            return None
        dialog = ContactImportDialog(
            chosen,
            self.region(),
            self.context.workspace,
            self.context.worker,
            consent_required=self.context.settings.consent_required,
            parent=self,
        )
        dialog.imported.connect(self._on_imported)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    # Exporting ----------------------------------------------------------------

    def export_contacts(self, path: Path | None = None) -> None:
        """Ask for a file (unless given) and write every contact there, off the GUI thread."""
        if self.exporter.running:
            return
        if path is None:
            folder = default_folder(
                QStandardPaths.StandardLocation.DocumentsLocation, self.context.workspace.folder
            )
            name = self.tr("contacts %1.csv").replace("%1", date.today().isoformat())
            path = contact_prompts.ask_export_path(self, folder / name)
            if path is None:
                return
        self.actions_by_name["export"].setEnabled(False)
        self.exporter.start(path)

    def _on_exported(self, path: Path, count: int) -> None:
        self.actions_by_name["export"].setEnabled(True)
        self.notice.show_info(
            self.tr("%1 contacts exported to %2")
            .replace("%1", f"{count:,}")
            .replace("%2", str(path))
        )

    def _on_export_failed(self, path: Path, error: Exception) -> None:
        self.actions_by_name["export"].setEnabled(True)
        self.notice.show_error(
            self.tr("The contacts could not be exported: %1").replace(
                "%1", write_error_text(error, path)
            )
        )

    def _on_export_cancelled(self) -> None:
        self.actions_by_name["export"].setEnabled(True)
        self.notice.show_info(self.tr("Export cancelled: no file was written."))

    def _on_imported(self, outcome: object) -> None:
        if self.import_dialog is not None:
            QSettings().setValue(REGION_KEY, self.import_dialog.chosen_region())
        self.model.refresh()
        self.import_finished.emit(outcome)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            for action in self.actions_by_name.values():
                action.setIcon(icon(str(action.property("koeIcon")), self.palette()))
        super().changeEvent(event)
