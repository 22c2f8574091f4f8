"""Koe's main window: a navigation list on the left, one page at a time on the right.

The window only wires pages together; each page is a package of its own
(``ui.page_list``: ``ui/surveys``, ``ui/contacts``…) and is built as
``Page(context, parent)``. The navigation (``ui.navigation``) and the status bar's
word on the survey site (``ui.server_status``) are widgets of their own. The designer
(``ui/designer``) opens in the Surveys page's place for one survey and stays
there, while the user visits other pages, until they go back to the surveys.

A new language (the setting, saved in Settings or by the set-up assistant)
applies at once: the window installs its catalogue and builds its pages again,
as pages set their texts once; the page shown, the survey open in the designer
and what each page chose to keep (``view_state`` / ``restore_view``) stay.
The database is the source of truth, so a page built again shows the same data.

The window shows before its workspace is open (``MainWindow()``, then
``attach(context)`` once ``ui.workspace_opener`` has opened it): until then a
short loading state stands where the pages go. A page, and the modules it
needs (charts, Excel, PDF…), is built and imported when it is first shown or
asked for (``pages[key]``), not at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.common.empty_state import EmptyState
from ui.common.i18n import install_translator, resolve_language
from ui.common.notice_bar import NoticeBar
from ui.navigation import NavigationPanel
from ui.page_list import KEYS, PAGES, Pages
from ui.server_status import ServerStatus

if TYPE_CHECKING:
    from storage.settings import Settings
    from ui.comments.alerts import DetractorAlerts
    from ui.context import AppContext
    from ui.designer.page import DesignerPage
    from ui.setup.assistant import SetUpAssistant

GEOMETRY_KEY = "main_window/geometry"
DEFAULT_SIZE = QSize(1100, 720)


class MainWindow(QMainWindow):
    """The one window of the desktop app.

    ``MainWindow(context)`` is ready at once; ``MainWindow()`` shows the
    navigation and a loading state until ``attach(context)``.

    Signals:
        page_changed(str): the page with this key is now shown.
        pages_built(): the pages were built again (a new language); ``pages`` holds them.
        campaign_created(int): the Send page created a campaign (its id).
        messages_queued(): the Send page queued messages to go now (sent again).
        ready(): the workspace is attached: pages can be shown.
    """

    page_changed = Signal(str)
    pages_built = Signal()
    campaign_created = Signal(int)
    messages_queued = Signal()
    ready = Signal()

    def __init__(self, context: AppContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: AppContext | None = None  # set by attach()
        self.setWindowTitle("Koe")
        self.setMinimumSize(760, 480)

        self.navigation = NavigationPanel()
        self.nav = self.navigation.nav
        self.stack = QStackedWidget()
        # Until the workspace is open, this stands where the pages go.
        self.loading = EmptyState("folder-open")
        self.loading.setObjectName("loading_page")
        self.stack.addWidget(self.loading)
        self.pages = Pages(self._build_page)
        self.designer: DesignerPage | None = None
        self.alerts: DetractorAlerts | None = None
        self._closing = False
        # The language setting the pages speak, and the Settings section last asked for
        # (shown again when the pages are built again).
        self._language = ""
        self._section = ""
        self._rebuild_due = False
        self.nav.currentRowChanged.connect(self._on_row_changed)

        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(divider)
        # Detractor alerts (ui.comments.alerts) show above whichever page is open.
        self.alert_bar = NoticeBar()
        self.alert_bar.setObjectName("alert_bar")
        pages_column = QVBoxLayout()
        pages_column.setContentsMargins(0, 0, 0, 0)
        pages_column.addWidget(self.alert_bar)
        pages_column.addWidget(self.stack, 1)
        row.addLayout(pages_column, 1)
        self.setCentralWidget(central)

        self.server_status = ServerStatus(self)
        self.server_label = self.server_status.label

        self._add_shortcuts()
        self._retranslate()
        self._paint_icons()
        self.nav.setCurrentRow(0)
        self._restore_geometry()
        if context is not None:
            self.attach(context)

    def attach(self, context: AppContext) -> None:
        """The workspace is open: show the page the navigation points at."""
        from ui.comments.alerts import DetractorAlerts

        self.context = context
        self._language = context.settings.language
        self.alerts = DetractorAlerts(context, self.alert_bar, self)
        context.server_changed.connect(self._show_server)
        context.setup_requested.connect(self.show_settings)
        context.settings_changed.connect(self._follow_language)
        context.worker.failed.connect(self._show_failure)
        context.worker.busy_changed.connect(self._on_worker_busy)
        self._show_server(context.server_url, context.server_error)
        self._on_row_changed(self.nav.currentRow())
        self.ready.emit()

    def is_ready(self) -> bool:
        """Whether the workspace is attached (else the loading state shows)."""
        return self.context is not None

    def _build_page(self, key: str) -> QWidget:
        if self.context is None:
            raise KeyError(f"{key}: the workspace is not open yet")
        spec = PAGES[KEYS.index(key)]
        page = spec.factory()(self.context, self.stack)
        page.setObjectName(f"{key}_page")
        self.pages[key] = page
        self.stack.addWidget(page)
        self._wire(key, page)
        return page

    def _retranslate(self) -> None:
        """The window's own texts (the pages set theirs when built). The navigation
        shows before the workspace's language is known: it follows LanguageChange."""
        self.navigation.retranslate()
        self.quit_action.setText(self.tr("Quit"))
        self.loading.set_text(self.tr("Opening your workspace…"), "")
        if self.context is not None:
            self._show_server(self.context.server_url, self.context.server_error)
        else:
            self._show_server("", "")

    def _wire(self, key: str, page: QWidget) -> None:
        navigate = getattr(page, "navigate_requested", None)
        if navigate is not None:
            navigate.connect(self.show_page)
        if key == "send":
            from ui.context import CHANNELS

            created = getattr(page, "campaign_created", None)
            if created is not None:
                created.connect(self.campaign_created)
            queued = getattr(page, "messages_queued", None)
            if queued is not None:
                queued.connect(self.messages_queued)
            # The Send page asks for Settings ▸ Messages when a channel needs fixing.
            channels = getattr(page, "channels_requested", None)
            if channels is not None:
                channels.connect(lambda: self.show_settings(CHANNELS))
        elif key == "surveys":
            # The Surveys page may offer "see results"; each side is optional so the
            # two pages can grow independently of this window.
            show_results = getattr(page, "show_results", None)
            if show_results is not None and hasattr(show_results, "connect"):
                show_results.connect(self.show_results)
            edit = getattr(page, "edit_requested", None)
            if edit is not None and hasattr(edit, "connect"):
                edit.connect(self.open_designer)
        elif key == "results":
            # A response's comment in the Results table opens on the Comments page.
            open_comment = getattr(page, "comment_requested", None)
            if open_comment is not None:
                open_comment.connect(self._show_comment)
        elif key == "settings":
            set_up = getattr(page, "set_up_requested", None)
            if set_up is not None:
                set_up.connect(self.open_set_up_assistant)

    def _show_comment(self, survey_id: int, answer_id: int) -> None:
        show_comment = getattr(self.pages["comments"], "show_comment", None)
        if show_comment is not None:
            show_comment(survey_id, answer_id)

    def _add_shortcuts(self) -> None:
        for number, spec in enumerate(PAGES, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, key=spec.key: self.show_page(key))
            self.addAction(action)
        quit_action = QAction(self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)
        self.quit_action = quit_action

    # -- navigation ----------------------------------------------------------------

    def current_page_key(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def show_page(self, key: str) -> None:
        """Show the page with ``key`` (surveys, contacts, send, results, settings)."""
        keys = [spec.key for spec in PAGES]
        self.nav.setCurrentRow(keys.index(key))

    def show_settings(self, section: str) -> None:
        """Show Settings at ``section`` (asked for by a set-up button anywhere)."""
        self.show_page("settings")
        self._section = section
        show_section = getattr(self.pages["settings"], "show_section", None)
        if show_section is not None:
            show_section(section)

    def open_set_up_assistant(self) -> SetUpAssistant:
        """The set-up assistant over this window (Settings ▸ Set-up assistant…)."""
        from ui.setup.assistant import SetUpAssistant

        assert self.context is not None
        assistant = SetUpAssistant(self.context, parent=self)
        assistant.finished.connect(lambda _result: self._after_set_up(assistant))
        assistant.open()
        return assistant

    def _after_set_up(self, assistant: SetUpAssistant) -> None:
        section = assistant.next_section()
        assistant.deleteLater()
        if section:
            self.show_settings(section)

    def show_results(self, survey_id: int) -> None:
        """Switch to Results with ``survey_id`` selected (asked for by the Surveys page)."""
        select = getattr(self.pages["results"], "select_survey", None)
        if select is not None:
            select(survey_id)
        self.show_page("results")

    def open_designer(self, survey_id: int) -> DesignerPage | None:
        """Show the designer for ``survey_id`` in the Surveys page's place.

        A designer open on another survey saves (or asks) first; None is returned
        then, and the new designer opens once the old one has let go.
        """
        current = self.designer
        if current is not None and current.survey_id == survey_id:
            self.show_designer()
            return current
        if current is not None:
            current.request_leave(lambda: self._replace_designer(survey_id))
            return None
        return self._replace_designer(survey_id)

    def _replace_designer(self, survey_id: int, *, show: bool = True) -> DesignerPage:
        from ui.designer.page import DesignerPage

        assert self.context is not None
        self._drop_designer()
        designer = DesignerPage(self.context, survey_id, self.stack)
        designer.setObjectName("designer_page")
        designer.closed.connect(self.close_designer)
        self.stack.addWidget(designer)
        self.designer = designer
        if show:
            self.show_designer()
        return designer

    def show_designer(self) -> None:
        self.show_page("surveys")
        if self.designer is not None:
            self.stack.setCurrentWidget(self.designer)

    def close_designer(self) -> None:
        """Back to the survey list (the designer has saved by then)."""
        self._drop_designer()
        self.show_page("surveys")
        self.stack.setCurrentWidget(self.pages["surveys"])

    def _drop_designer(self) -> None:
        designer, self.designer = self.designer, None
        if designer is not None:
            self.stack.removeWidget(designer)
            designer.deleteLater()

    def _on_row_changed(self, row: int) -> None:
        if row < 0 or self.context is None:
            return  # the loading state stays until the workspace is attached
        if PAGES[row].key == "surveys" and self.designer is not None:
            self.stack.setCurrentWidget(self.designer)
        else:
            self.stack.setCurrentWidget(self.pages[PAGES[row].key])
        if PAGES[row].key != "settings":
            self._section = ""
        self.page_changed.emit(PAGES[row].key)

    # -- language -------------------------------------------------------------------

    def _follow_language(self, settings: Settings) -> None:
        """A new language setting: the catalogue now, the pages once the worker is idle
        (the queries pages just asked for come back to the pages that asked)."""
        if settings.language == self._language or self.context is None:
            return
        before = resolve_language(self._language)
        self._language = settings.language
        app = QCoreApplication.instance()
        assert app is not None
        install_translator(app, settings.language)
        if resolve_language(settings.language) == before:
            return  # the same words ("" on a system in that language)
        self._rebuild_due = True
        if self.context.worker.pending == 0:
            QTimer.singleShot(0, self, self._rebuild_if_due)

    def _on_worker_busy(self, busy: bool) -> None:
        if not busy and self._rebuild_due:
            QTimer.singleShot(0, self, self._rebuild_if_due)

    def _rebuild_if_due(self) -> None:
        if self._rebuild_due and self.context is not None and self.context.worker.pending == 0:
            self.rebuild_pages()

    def rebuild_pages(self) -> None:
        """Build the pages built so far again in the installed language (the others are
        built in it when first shown); the page shown, the survey open in the designer
        and each page's ``view_state`` stay."""
        self._rebuild_due = False
        key, section = self.current_page_key(), self._section
        kept = {
            name: page.view_state()  # type: ignore[attr-defined]
            for name, page in self.pages.items()
            if hasattr(page, "view_state")
        }
        old = dict(self.pages)
        self.pages = Pages(self._build_page)
        for name in old:
            self._build_page(name)
        for page in old.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._retranslate()
        for name, state in kept.items():
            self.pages[name].restore_view(state)  # type: ignore[attr-defined]
        self._on_row_changed(self.nav.currentRow())
        if key == "settings" and section:
            self.show_settings(section)
        designer = self.designer
        if designer is not None:  # saved first (or asked), then open again in the new words
            survey_id = designer.survey_id
            designer.request_leave(lambda: self._reopen_designer(survey_id, designer))
        self.pages_built.emit()

    def _reopen_designer(self, survey_id: int, old: DesignerPage) -> None:
        if self.designer is not old:
            return  # closed or replaced meanwhile
        self._replace_designer(survey_id, show=False)
        self._on_row_changed(self.nav.currentRow())  # the new designer, if it was shown

    # -- status ---------------------------------------------------------------------

    def _show_server(self, url: str, error: str) -> None:
        self.server_status.show(url, error)

    def _show_failure(self, text: str) -> None:
        # Not modal: a failed background task must not stop the user mid-task.
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Koe"), self.tr("Something went wrong."), parent=self
        )
        box.setInformativeText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- look -----------------------------------------------------------------------

    def _paint_icons(self) -> None:
        self.navigation.paint_icons()
        self.server_status.paint_icon()

    def changeEvent(self, event: QEvent) -> None:
        # A system switch between light and dark arrives as a palette change.
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        elif event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- geometry -------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = QSettings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        self.resize(DEFAULT_SIZE)

    def closeEvent(self, event: QCloseEvent) -> None:
        designer = self.designer
        if designer is not None and not self._closing and designer.saver.dirty:
            # Save the designer's last changes first (or ask), then close for real.
            event.ignore()
            designer.request_leave(self._close_after_designer)
            return
        QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    def _close_after_designer(self) -> None:
        self._closing = True
        self.close()
