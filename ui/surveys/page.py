"""The Surveys page: the list of surveys, creating, duplicating, opening, closing, archiving
and deleting one, sharing it.

Its only blocking or outward calls (the file dialog, the close confirmation,
the web browser) go through ``ui.surveys.prompts``, which tests replace. What it does
to a survey is in ``ui.surveys.lifecycle``, sharing one in ``ui.surveys.sharing``.

Over 400 lines because the list, its selection, the detail pane's loading and the
actions' enabled state are one piece of state that each of them changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction
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

from channels.links import public_link
from storage import surveys as survey_store
from storage.surveys import SurveySummary
from surveys.model import Survey, SurveyStatus
from ui.common.empty_state import EmptyState
from ui.common.notice_bar import NoticeBar
from ui.common.page_jobs import CoalescedQuery, guarded
from ui.common.problem_words import error_text
from ui.common.survey_labels import ui_language
from ui.context import AppContext
from ui.surveys import lifecycle, sharing
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
            "copy_embed": self.copy_embed,
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
        for name in ("copy_link", "open_in_browser", "save_qr", "copy_embed"):
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
        dialog.accepted.connect(lambda: lifecycle.create(self, dialog.survey()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

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
            lifecycle.refuse_empty(self, survey_id, lifecycle.title_of(self, summary))
            return None
        dialog = OpenSurveyDialog(
            lifecycle.title_of(self, summary),
            reopen=summary.status is SurveyStatus.CLOSED,
            parent=self,
        )
        dialog.accepted.connect(
            lambda: lifecycle.set_status(self, survey_id, SurveyStatus.OPEN, dialog.closes_at())
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def close_selected(self) -> None:
        summary = self.selected_summary()
        if summary is None or summary.status is not SurveyStatus.OPEN:
            return
        if survey_prompts.confirm_close(self, lifecycle.title_of(self, summary)):
            lifecycle.set_status(self, summary.id, SurveyStatus.CLOSED)

    def duplicate_selected(self) -> None:
        """Copy the selected survey as a new draft ("(copy)" after its title) and select it."""
        lifecycle.duplicate_selected(self)

    def archive_selected(self) -> None:
        """Archive the selected survey (after asking), or bring an archived one back."""
        lifecycle.archive_selected(self)

    def delete_selected(self) -> None:
        """Delete the selected draft, after asking."""
        lifecycle.delete_selected(self)

    def keep_selected(self, survey_id: int | None) -> None:
        """Select ``survey_id`` once the list has it (a survey just created or copied)."""
        self._selected_id = survey_id

    def copy_link(self) -> None:
        if self._detail is not None and self._detail.link:
            sharing.copy_link(self, self._detail.link)

    def open_link(self) -> None:
        if self._detail is not None and self._detail.link:
            sharing.open_link(self, self._detail.link)

    def copy_embed(self) -> None:
        """Copy the HTML that shows the survey on the shop's own website."""
        if self._detail is not None and self._detail.link:
            title = self._detail.survey.title.get_for(ui_language(self.context))
            sharing.copy_embed(self, self._detail.survey.slug, title)

    def save_qr(self) -> None:
        """Ask for a file, then write the QR code there (PNG or SVG by suffix)."""
        if self._detail is not None and self._detail.link:
            title = self._detail.survey.title.get_for(ui_language(self.context))
            sharing.save_qr(self, self._detail.link, title)

    def edit_selected(self) -> None:
        if self._selected_id is not None:
            self.edit_requested.emit(self._selected_id)

    def see_results(self) -> None:
        if self._selected_id is not None:
            self.show_results.emit(self._selected_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            repaint_icons(self.actions_by_name.values(), self.palette())
        super().changeEvent(event)
