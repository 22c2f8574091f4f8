"""The designer's actions: toolbar buttons, list buttons and shortcuts in one place."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from surveys.questions import QuestionType
from ui.common.icons import icon
from ui.designer.look import TYPE_ICONS, TYPE_ORDER, type_name

_ICON_PROPERTY = "koeIcon"
LIST_ACTIONS = ("delete",)

# name, text (in the "DesignerPage" context), icon, shortcuts, shortcut context
ACTIONS: tuple[tuple[str, str, str, tuple[QKeySequence.StandardKey | str, ...], bool], ...] = (
    ("back", QT_TRANSLATE_NOOP("DesignerPage", "Back to surveys"), "arrow-left", (), False),
    ("preview", QT_TRANSLATE_NOOP("DesignerPage", "Preview"), "eye", (), False),
    ("add", QT_TRANSLATE_NOOP("DesignerPage", "Add question"), "plus", (), False),
    ("duplicate", QT_TRANSLATE_NOOP("DesignerPage", "Duplicate"), "copy-plus", ("Ctrl+D",), False),
    ("delete", QT_TRANSLATE_NOOP("DesignerPage", "Delete"), "trash-2",
     (QKeySequence.StandardKey.Delete,), "delete" in LIST_ACTIONS),
    ("move_up", QT_TRANSLATE_NOOP("DesignerPage", "Move up"), "arrow-up", ("Alt+Up",), False),
    ("move_down", QT_TRANSLATE_NOOP("DesignerPage", "Move down"), "arrow-down", ("Alt+Down",),
     False),
    ("settings", QT_TRANSLATE_NOOP("DesignerPage", "Survey settings"), "settings-2", (), False),
)  # fmt: skip


def _calling(handler: Callable[[], object]) -> Callable[[], None]:
    def slot() -> None:
        handler()

    return slot


def make_actions(owner: QWidget, handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """One QAction per entry of ACTIONS. Those of LIST_ACTIONS act only while the question
    list has the focus (in a text field, Del deletes characters): the list adds them to
    itself. The others act window-wide while the page is shown."""
    actions: dict[str, QAction] = {}
    for name, source, icon_name, shortcuts, list_only in ACTIONS:
        text = QCoreApplication.translate("DesignerPage", source)
        action = QAction(icon(icon_name, owner.palette()), text, owner)
        action.setObjectName(name)
        action.setProperty(_ICON_PROPERTY, icon_name)
        if shortcuts:
            action.setShortcuts([QKeySequence(key) for key in shortcuts])
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({keys})")
        if list_only:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        else:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            owner.addAction(action)
        action.triggered.connect(_calling(handlers[name]))
        actions[name] = action
    return actions


def add_menu(
    parent: QWidget,
    add: Callable[[QuestionType], object],
    palette: QPalette,
    explain_grids: Callable[[], object],
) -> QMenu:
    """The Add question menu: every type with its icon and friendly name, and why there
    is no grid (people look for one; the answer is the grid rule's help)."""
    menu = QMenu(parent)
    for position, kind in enumerate(TYPE_ORDER):
        if position in (3, 6, 8):  # instruments | other scales | lists | text
            menu.addSeparator()
        action = menu.addAction(icon(TYPE_ICONS[kind], palette), type_name(kind))
        action.setObjectName(f"add_{kind.value}")
        action.setProperty(_ICON_PROPERTY, TYPE_ICONS[kind])
        action.triggered.connect(lambda _=False, k=kind: add(k))
    menu.addSeparator()
    grids = menu.addAction(
        icon("circle-help", palette),
        QCoreApplication.translate("DesignerPage", "Why is there no grid question?"),
    )
    grids.setObjectName("why_no_grids")
    grids.setProperty(_ICON_PROPERTY, "circle-help")
    grids.triggered.connect(_calling(explain_grids))
    return menu


def repaint_icons(actions: Iterable[QAction], palette: QPalette) -> None:
    """Redraw the actions' icons in a new palette's colours (light ↔ dark)."""
    for action in actions:
        name = action.property(_ICON_PROPERTY)
        if name:
            action.setIcon(icon(str(name), palette))


def make_undo_actions(owner: QWidget, stack: QUndoStack) -> tuple[QAction, QAction]:
    """Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z and Ctrl+Y) for ``stack``, window-wide."""
    translate = QCoreApplication.translate
    undo = stack.createUndoAction(owner, translate("DesignerPage", "Undo"))
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = stack.createRedoAction(owner, translate("DesignerPage", "Redo"))
    # The platform's Redo keys plus both usual ones, each once (Qt calls a key bound
    # twice ambiguous and then does nothing).
    keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    keys += [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    redo.setShortcuts(list({key.toString(): key for key in keys if not key.isEmpty()}.values()))
    for action, name in ((undo, "undo-2"), (redo, "redo-2")):
        action.setObjectName(name.split("-")[0])
        action.setProperty(_ICON_PROPERTY, name)
        action.setIcon(icon(name, owner.palette()))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        owner.addAction(action)
    return undo, redo
