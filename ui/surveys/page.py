"""The Surveys page: the list of surveys, creating, duplicating, opening, closing, archiving
and deleting one, sharing it.

Its only blocking or outward calls (the file dialog, the close confirmation,
the web browser) go through ``ui.surveys.prompts``, which tests replace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from channels.links import new_slug, public_link
from storage import surveys as survey_store
from storage.surveys import SurveySummary
from surveys.model import NoQuestions, StatusError, Survey, SurveyStatus
from ui.common.empty_state import EmptyState
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import CoalescedQuery, guarded
from ui.common.problem_words import error_text
from ui.common.reach_notice import announce
from ui.common.save_places import default_folder, write_error_text
from ui.common.survey_labels import file_stem, ui_language
from ui.context import AppContext
from ui.surveys import prompts as survey_prompts
from ui.surveys.actions import MENU, make_actions, make_toolbar, repaint_icons, set_icon
from ui.surveys.detail_pane import SurveyDetailPane
from ui.surveys.new_survey_dialog import NewSurveyDialog
from ui.surveys.open_survey_dialog import OpenSurveyDialog
from ui.surveys.table_model import (
    COL_CREATED,
    COL_KIND,
    COL_RESPONSES,
    COL_STATUS,
    COL_TITLE,
    SORT_ROLE,
    SURVEY_ID_ROLE,
    SurveyTableModel,
)


@dataclass(frozen=True)
class _Detail:
    """What the detail pane shows, fetched off the GUI thread."""

    survey: Survey
    link: str
    qr_png: bytes


class SurveysPage(QWidget):
    """Lists surveys and acts on the selected one.

    Signals:
        show_results(int): the user asked to see the results of this survey id;
            the main window switches to the Results page.
        edit_requested(int): the user asked to edit this survey id in the designer
            (Edit, Ctrl+E, a double-click, or a survey just created).
    """

    show_results = Signal(int)
    edit_requested = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._selected_id: int | None = None
        self._detail: _Detail | None = None
        self._loaded = False

        self.model = SurveyTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self._all_rows: list[SurveySummary] = []
        self.actions_by_name = self._make_actions()
        self.toolbar = make_toolbar(self.actions_by_name)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.setObjectName("show_archived")
        self.show_archived.setToolTip(
            self.tr("Archived surveys are closed and kept with all their answers.")
        )
        self.show_archived.toggled.connect(lambda _on: self._show_rows())
        self.notice = NoticeBar()
        self.table = self._make_table()
        self.detail = SurveyDetailPane(self.actions_by_name, context)
        self.detail.export_requested.connect(self._open_export_dialog)
        self.detail.poster_requested.connect(self._open_poster_dialog)
        self.empty_state = EmptyState("clipboard-list", self.tr("New survey"), "plus", big=True)
        self.empty_state.set_text(
            self.tr("No surveys yet"),
            self.tr(
                "Create your first survey from a template: NPS for loyalty, CSAT for "
                "satisfaction or CES for effort. The wording is ready in Japanese and "
                "English, so it takes a minute."
            ),
        )
        assert self.empty_state.button is not None
        self.empty_state.button.clicked.connect(self.actions_by_name["new_survey"].trigger)

        listing = QWidget()
        listing_column = QVBoxLayout(listing)
        listing_column.setContentsMargins(0, 0, 0, 0)
        listing_column.setSpacing(4)
        listing_column.addWidget(self.table, 1)
        listing_column.addWidget(self.show_archived)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(listing)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(splitter)
        self.stack.addWidget(self.empty_state)

        layout = QVBoxLayout(self)
        # Side margins as on the Results page, so switching pages does not shift things.
        layout.setContentsMargins(12, 4, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)

        self._list_query = CoalescedQuery(
            self, context.worker, lambda: survey_store.list_all, self._on_rows, self._on_failed
        )
        context.surveys_changed.connect(self.refresh)
        context.responses_changed.connect(self.refresh)
        context.settings_changed.connect(self._on_settings)
        # Links are built on the shop's network address while the site listens there.
        context.lan_changed.connect(self._on_address)
        context.server_changed.connect(self._on_address)
        self._update_actions()
        self.refresh()

    # Building ---------------------------------------------------------------

    def _make_actions(self) -> dict[str, QAction]:
        handlers = {
            "new_survey": self.new_survey,
            "edit_survey": self.edit_selected,
            "open_survey": self.open_selected,
            "close_survey": self.close_selected,
            "copy_link": self.copy_link,
            "open_in_browser": self.open_link,
            "save_qr": self.save_qr,
            "see_results": self.see_results,
            "duplicate_survey": self.duplicate_selected,
            "archive_survey": self.archive_selected,
            "delete_survey": self.delete_selected,
        }
        return make_actions(self, handlers)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_CREATED, Qt.SortOrder.DescendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_KIND, COL_STATUS, COL_RESPONSES, COL_CREATED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setHighlightSections(False)
        table.selectionModel().selectionChanged.connect(self._on_selection)
        table.doubleClicked.connect(lambda _index: self.edit_selected())
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(
            lambda where: self.context_menu().popup(table.viewport().mapToGlobal(where))
        )
        return table

    def context_menu(self) -> QMenu:
        """What can be done with the selected survey, as a menu (right-click on the list)."""
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for name in MENU:
            if name is None:
                menu.addSeparator()
            else:
                menu.addAction(self.actions_by_name[name])
        return menu

    # Queries ------------------------------------------------------------------

    # The export and poster dialogs bring the PDF and Excel libraries: loaded when asked for.

    def _open_export_dialog(self, survey: Survey | None) -> None:
        from ui.surveys.export_dialog import ExportDialog

        if survey is None:
            return
        folder = self.context.workspace.folder
        dialog = ExportDialog(folder, survey, ui_language(self.context), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_poster_dialog(self, survey: Survey | None) -> None:
        from ui.send.poster_dialog import open_poster_dialog

        open_poster_dialog(self, self.context, survey, self.notice)

    def refresh(self) -> None:
        """Re-query the survey list (and the selected survey) through the worker."""
        self._list_query.request()

    def _on_rows(self, rows: list[SurveySummary]) -> None:
        self._all_rows = rows
        self._loaded = True
        self._show_rows()

    def _show_rows(self) -> None:
        """The surveys, archived ones only while "Show archived" is ticked."""
        rows = self._all_rows
        shown = [row for row in rows if self.show_archived.isChecked() or not row.archived]
        keep = self._selected_id
        self.model.set_rows(shown, ui_language(self.context))
        self.stack.setCurrentWidget(self.empty_state if not rows else self.stack.widget(0))
        self.toolbar.setVisible(bool(rows))
        ids = [row.id for row in shown]
        self.select_survey(keep if keep in ids else (self._first_row_id()))
        self._load_detail()

    def _first_row_id(self) -> int | None:
        if self.proxy.rowCount() == 0:
            return None
        return self.proxy.index(0, COL_TITLE).data(SURVEY_ID_ROLE)

    def _on_failed(self, error: Exception) -> None:
        self.notice.show_error(
            self.tr("Could not read the surveys: %1").replace("%1", error_text(error))
        )

    def _on_settings(self, _settings: object) -> None:
        # Links are built on the public URL, and titles follow the UI language.
        self.refresh()

    def _on_address(self, _url: str, _error: str) -> None:
        self._load_detail()

    def _load_detail(self) -> None:
        survey_id = self._selected_id
        if survey_id is None:
            self._detail = None
            self.detail.show_survey(None)
            self._update_actions()
            return
        base_url = self.context.base_url()

        def job(db: Database) -> _Detail:
            from channels import qr  # on the worker's thread, when a survey is first shown

            survey = survey_store.get(db, survey_id)
            try:
                link = public_link(base_url, survey.slug)
            except ValueError:
                return _Detail(survey, "", b"")
            return _Detail(survey, link, qr.png(link, box_size=6))

        self.context.worker.submit(
            job, guarded(self, self._on_detail), guarded(self, self._on_failed)
        )

    def _on_detail(self, detail: _Detail) -> None:
        if detail.survey.id != self._selected_id:
            return  # the selection moved on while this was loading
        self._detail = detail
        summary = self.selected_summary()
        self.detail.show_survey(
            detail.survey,
            detail.link,
            detail.qr_png,
            ui_language(self.context),
            summary.responses if summary else 0,
            summary.archived if summary else False,
        )
        self._update_actions()

    # Selection ----------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        """True once the first survey list has arrived from the worker."""
        return self._loaded

    def selected_survey_id(self) -> int | None:
        return self._selected_id

    def shown_survey_id(self) -> int | None:
        """The survey whose link and QR code the detail pane shows (None while loading)."""
        return self._detail.survey.id if self._detail is not None else None

    def selected_summary(self) -> SurveySummary | None:
        row = self.model.row_of(self._selected_id) if self._selected_id is not None else -1
        return self.model.summary(row)

    def select_survey(self, survey_id: int | None) -> None:
        """Select the row of ``survey_id`` (None clears the selection)."""
        if survey_id != self._selected_id:
            self._detail = None
        self._selected_id = survey_id
        row = self.model.row_of(survey_id) if survey_id is not None else -1
        selection = self.table.selectionModel()
        blocker = selection.blockSignals(True)
        if row < 0:
            selection.clearSelection()
        else:
            index = self.proxy.mapFromSource(self.model.index(row, COL_TITLE))
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        selection.blockSignals(blocker)
        self.table.viewport().update()
        self._update_actions()

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows(COL_TITLE)
        new_id = rows[0].data(SURVEY_ID_ROLE) if rows else None
        if new_id != self._selected_id:
            self._selected_id = new_id
            self._detail = None
            self._update_actions()
            self._load_detail()

    def _update_actions(self) -> None:
        summary = self.selected_summary()
        status = summary.status if summary else None
        archived = summary is not None and summary.archived
        has_link = self._detail is not None and bool(self._detail.link)
        a = self.actions_by_name
        a["open_survey"].setEnabled(
            status in (SurveyStatus.DRAFT, SurveyStatus.CLOSED) and not archived
        )
        a["open_survey"].setText(
            self.tr("Reopen survey…") if status is SurveyStatus.CLOSED else self.tr("Open survey…")
        )
        a["close_survey"].setEnabled(status is SurveyStatus.OPEN)
        for name in ("copy_link", "open_in_browser", "save_qr"):
            a[name].setEnabled(has_link)
        a["see_results"].setEnabled(summary is not None)
        a["edit_survey"].setEnabled(summary is not None)
        a["duplicate_survey"].setEnabled(summary is not None)
        # A draft is deleted (nothing was ever collected); an opened survey is archived.
        a["delete_survey"].setEnabled(status is SurveyStatus.DRAFT)
        a["archive_survey"].setEnabled(summary is not None and status is not SurveyStatus.DRAFT)
        a["archive_survey"].setText(self.tr("Unarchive") if archived else self.tr("Archive…"))
        set_icon(a["archive_survey"], "archive-restore" if archived else "archive", self.palette())

    # Actions ------------------------------------------------------------------

    def new_survey(self) -> NewSurveyDialog:
        """Show the New survey dialog (non-blocking); creating happens on accept."""
        settings = self.context.settings
        dialog = NewSurveyDialog(
            ui_language(self.context),
            settings.business_name,
            self,
            business_kind=settings.business_kind,
        )
        dialog.accepted.connect(lambda: self._create(dialog.survey()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _create(self, survey: Survey) -> None:
        def job(db: Database) -> Survey:
            survey.slug = new_slug()
            return survey_store.create(db, survey)

        def done(created: Survey) -> None:
            self._selected_id = created.id
            self.notice.show_info(
                self.tr("Draft “%1” created. Open it when you are ready to share it.").replace(
                    "%1", created.title.get_for(ui_language(self.context))
                )
            )
            self.context.surveys_changed.emit()
            if created.id is not None:
                self.edit_requested.emit(created.id)

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The survey could not be created: %1").replace("%1", error_text(error))
            )

        self.context.worker.submit(job, guarded(self, done), guarded(self, failed))

    def open_selected(self) -> OpenSurveyDialog | None:
        """Ask for an optional end date (non-blocking), then open the selected survey.

        A survey without questions is not opened: the notice says why and offers
        the designer.
        """
        summary = self.selected_summary()
        if summary is None or summary.status is SurveyStatus.OPEN or summary.archived:
            return None
        survey_id = summary.id
        if summary.questions == 0:
            self._refuse_empty(survey_id, self._title_of(summary))
            return None
        dialog = OpenSurveyDialog(
            self._title_of(summary), reopen=summary.status is SurveyStatus.CLOSED, parent=self
        )
        dialog.accepted.connect(
            lambda: self._set_status(survey_id, SurveyStatus.OPEN, dialog.closes_at())
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def close_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None or summary.status is not SurveyStatus.OPEN:
            return
        if survey_prompts.confirm_close(self, self._title_of(summary)):
            self._set_status(summary.id, SurveyStatus.CLOSED)

    def _set_status(
        self, survey_id: int, status: SurveyStatus, closes_at: datetime | None = None
    ) -> None:
        def job(db: Database) -> Survey:
            return survey_store.set_status(db, survey_id, status, closes_at=closes_at)

        def done(survey: Survey) -> None:
            title = survey.title.get_for(ui_language(self.context))
            if status is SurveyStatus.OPEN:
                text = self.tr("“%1” is open: its link and QR code work now.")
            else:
                text = self.tr("“%1” is closed and no longer takes answers.")
            self.notice.show_info(text.replace("%1", title))
            self.context.surveys_changed.emit()

        def failed(error: Exception) -> None:
            if isinstance(error, NoQuestions):
                self._refuse_empty(survey_id, "")
                self.refresh()
                return
            if isinstance(error, StatusError) and status is SurveyStatus.OPEN:
                text = self.tr(
                    "The survey changed in the meantime and cannot be opened now. "
                    "The list shows its current state."
                )
            elif isinstance(error, StatusError):
                text = self.tr(
                    "The survey changed in the meantime and cannot be closed now. "
                    "The list shows its current state."
                )
            else:
                text = self.tr("The survey's status could not be changed: %1").replace(
                    "%1", error_text(error)
                )
            self.notice.show_error(text)
            self.refresh()

        self.context.worker.submit(job, guarded(self, done), guarded(self, failed))

    def _refuse_empty(self, survey_id: int, title: str) -> None:
        text = self.tr("“%1” has no questions yet: add a question before opening it.")
        if not title:
            text = self.tr("This survey has no questions yet: add a question before opening it.")
        self.notice.show_error(
            text.replace("%1", title),
            (self.tr("Add a question…"), lambda: self.edit_requested.emit(survey_id)),
        )

    def duplicate_selected(self) -> None:
        """Copy the selected survey as a new draft ("(copy)" after its title) and select it."""
        summary = self.selected_summary()
        if summary is None:
            return
        survey_id = summary.id

        def done(copied: Survey) -> None:
            self._selected_id = copied.id
            self.notice.show_info(
                self.tr("“%1” created as a draft: no answers, a link of its own.").replace(
                    "%1", copied.title.get_for(ui_language(self.context))
                )
            )
            self.context.surveys_changed.emit()

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The survey could not be duplicated: %1").replace("%1", error_text(error))
            )

        self.context.worker.submit(
            lambda db: survey_store.copy_survey(db, survey_id, new_slug()),
            guarded(self, done),
            guarded(self, failed),
        )

    def archive_selected(self) -> None:
        """Archive the selected survey (after asking), or bring an archived one back."""
        summary = self.selected_summary()
        if summary is None or summary.status is SurveyStatus.DRAFT:
            return
        title, survey_id = self._title_of(summary), summary.id
        if summary.archived:
            job = survey_store.unarchive
            text = self.tr("“%1” is back in the list, closed. Reopen it to take answers again.")
        elif survey_prompts.confirm_archive(self, title, summary.responses):
            job = survey_store.archive
            text = self.tr(
                "“%1” is archived: closed, and its answers kept. Tick “Show archived” to see it."
            )
        else:
            return

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The survey could not be archived: %1").replace("%1", error_text(error))
            )
            self.refresh()

        def done(_survey: Survey) -> None:
            self.notice.show_info(text.replace("%1", title))
            self.context.surveys_changed.emit()

        self.context.worker.submit(
            lambda db: job(db, survey_id), guarded(self, done), guarded(self, failed)
        )

    def delete_selected(self) -> None:
        """Delete the selected draft, after asking."""
        summary = self.selected_summary()
        if summary is None or summary.status is not SurveyStatus.DRAFT:
            return
        title, survey_id = self._title_of(summary), summary.id
        if not survey_prompts.confirm_delete_draft(self, title):
            return

        def done(_none: None) -> None:
            self.notice.show_info(self.tr("The draft “%1” was deleted.").replace("%1", title))
            self.context.surveys_changed.emit()

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The draft could not be deleted: %1").replace("%1", error_text(error))
            )
            self.refresh()

        self.context.worker.submit(
            lambda db: survey_store.delete_draft(db, survey_id),
            guarded(self, done),
            guarded(self, failed),
        )

    def copy_link(self) -> None:
        if self._detail is None or not self._detail.link:
            return
        link = self._detail.link
        QGuiApplication.clipboard().setText(link)
        announce(self.notice, self.context, self.tr("Link copied: %1").replace("%1", link), link)

    def open_link(self) -> None:
        link = self._detail.link if self._detail is not None else ""
        if link and not survey_prompts.open_in_browser(link):
            self.notice.show_error(self.tr("No web browser could be started."))

    def save_qr(self) -> None:
        """Ask for a file, then write the QR code there (PNG or SVG by suffix)."""
        if self._detail is None or not self._detail.link:
            return
        link = self._detail.link
        title = self._detail.survey.title.get_for(ui_language(self.context))
        folder = default_folder(
            QStandardPaths.StandardLocation.PicturesLocation, self.context.workspace.folder
        )
        suggested = folder / f"{file_stem(title)} QR.png"
        path = survey_prompts.ask_save_path(self, self.tr("Save QR code"), suggested)
        if path is None:
            return

        def done(saved: Path) -> None:
            text = self.tr("QR code saved to %1").replace("%1", str(saved))
            announce(self.notice, self.context, text, link)

        def failed(error: Exception) -> None:
            self.notice.show_error(
                self.tr("The QR code could not be saved: %1").replace(
                    "%1", write_error_text(error, path)
                )
            )

        def job(_db: Database) -> Path:
            from channels import qr

            return qr.save(link, path)

        # Writing a file is I/O: off the GUI thread like everything else.
        self.context.worker.submit(job, guarded(self, done), guarded(self, failed))

    def edit_selected(self) -> None:
        if self._selected_id is not None:
            self.edit_requested.emit(self._selected_id)

    def see_results(self) -> None:
        if self._selected_id is not None:
            self.show_results.emit(self._selected_id)

    def _title_of(self, summary: SurveySummary) -> str:
        return summary.title.get_for(ui_language(self.context))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            repaint_icons(self.actions_by_name.values(), self.palette())
        super().changeEvent(event)
