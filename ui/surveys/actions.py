"""The Surveys page's actions (toolbar buttons, pane buttons and shortcuts in one place)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QToolBar, QWidget

from ui.common.icons import icon

# name, text (in the "SurveysPage" context), icon, shortcut
ACTIONS: tuple[tuple[str, str, str, QKeySequence.StandardKey | str | None], ...] = (
    ("new_survey", QT_TRANSLATE_NOOP("SurveysPage", "New survey…"), "plus",
     QKeySequence.StandardKey.New),
    ("edit_survey", QT_TRANSLATE_NOOP("SurveysPage", "Edit survey"), "pencil", "Ctrl+E"),
    ("duplicate_survey", QT_TRANSLATE_NOOP("SurveysPage", "Duplicate"), "copy-plus", None),
    ("open_survey", QT_TRANSLATE_NOOP("SurveysPage", "Open survey…"), "circle-play", None),
    ("close_survey", QT_TRANSLATE_NOOP("SurveysPage", "Close survey…"), "circle-stop", None),
    ("copy_link", QT_TRANSLATE_NOOP("SurveysPage", "Copy link"), "copy", "Ctrl+Shift+C"),
    ("open_in_browser", QT_TRANSLATE_NOOP("SurveysPage", "Open in browser"), "external-link",
     None),
    ("save_qr", QT_TRANSLATE_NOOP("SurveysPage", "Save QR code…"), "download", None),
    ("copy_embed", QT_TRANSLATE_NOOP("SurveysPage", "Copy embed code"), "copy", None),
    ("see_results", QT_TRANSLATE_NOOP("SurveysPage", "See results"), "chart-column", None),
    ("archive_survey", QT_TRANSLATE_NOOP("SurveysPage", "Archive…"), "archive", None),
    ("delete_survey", QT_TRANSLATE_NOOP("SurveysPage", "Delete draft…"), "trash-2", None),
)  # fmt: skip

TOOLBAR = ("new_survey", "edit_survey", None, "open_survey", "close_survey", None, "copy_link",
           "save_qr", None, "see_results")  # fmt: skip
# The table's context menu: everything that acts on the selected survey.
MENU = ("edit_survey", "duplicate_survey", None, "open_survey", "close_survey", None, "copy_link",
        "open_in_browser", "save_qr", "copy_embed", None, "see_results", None, "archive_survey",
        "delete_survey")  # fmt: skip

_ICON_PROPERTY = "koeIcon"


def make_actions(owner: QWidget, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """One QAction per entry of ACTIONS, added to ``owner`` and calling ``handlers[name]``."""
    actions: dict[str, QAction] = {}
    for name, source, icon_name, shortcut in ACTIONS:
        text = QCoreApplication.translate("SurveysPage", source)
        action = QAction(icon(icon_name, owner.palette()), text, owner)
        action.setObjectName(name)
        action.setProperty(_ICON_PROPERTY, icon_name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.rstrip('…')} ({keys})")
        # Window-wide, but only while the page is shown: Qt ignores the
        # shortcuts of actions whose widgets are all hidden.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(_calling(handlers[name]))
        owner.addAction(action)
        actions[name] = action
    return actions


def _calling(handler: Callable[[], object]) -> Callable[[], None]:
    """A slot that calls ``handler`` and returns nothing (whatever the handler returns)."""

    def slot() -> None:
        handler()

    return slot


def make_toolbar(actions: dict[str, QAction]) -> QToolBar:
    toolbar = QToolBar()
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in TOOLBAR:
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(actions[name])
    return toolbar


def set_icon(action: QAction, name: str, palette: QPalette) -> None:
    """Give ``action`` another of the Lucide icons (kept through palette changes)."""
    if action.property(_ICON_PROPERTY) == name:
        return
    action.setProperty(_ICON_PROPERTY, name)
    action.setIcon(icon(name, palette))


def repaint_icons(actions: Iterable[QAction], palette: QPalette) -> None:
    """Redraw the actions' icons in a new palette's colours (light ↔ dark)."""
    for action in actions:
        action.setIcon(icon(str(action.property(_ICON_PROPERTY)), palette))
