"""Fixtures and helpers for the designer's tests: a context over the test workspace and
designer pages built inside a shown window, as the app shows them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from storage.workspace import Workspace
from ui.common.worker import DbWorker
from ui.context import AppContext
from ui.designer.page import DesignerPage
from ui.designer.saver import SaveState


@pytest.fixture
def context(qtbot, workspace: Workspace) -> Iterator[AppContext]:
    worker = DbWorker(workspace)
    ctx = AppContext(workspace, worker)
    yield ctx
    # Let queued saves land before the thread and then the workspace go away.
    qtbot.waitUntil(lambda: worker.pending == 0)
    worker.stop()


@pytest.fixture
def open_designer(qtbot, context: AppContext) -> Iterator[Callable[[int], DesignerPage]]:
    """Builds a designer page for a survey id inside a shown, active window."""
    windows: list[QWidget] = []  # qtbot holds its widgets weakly

    def make(survey_id: int) -> DesignerPage:
        window = QWidget()
        windows.append(window)
        window.resize(1100, 700)
        page = DesignerPage(context, survey_id, window)
        page.resize(window.size())
        qtbot.addWidget(window)
        with qtbot.waitSignal(page.loaded):
            window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        return page

    yield make


def wait_saved(qtbot, page: DesignerPage) -> None:
    """Wait for the autosave (800 ms after the last change) to finish."""
    qtbot.waitUntil(
        lambda: page.saver.state is SaveState.SAVED and not page.saver.dirty, timeout=5000
    )


def wait_checked(qtbot, page: DesignerPage) -> None:
    """Wait for the checklist to follow the last change (150 ms after it)."""
    qtbot.waitUntil(lambda: not page._check_timer.isActive(), timeout=2000)


def rule_ids(page: DesignerPage) -> list[str]:
    return [card.finding.rule_id for card in page.checklist.cards]


def type_into(qtbot, widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Type ``text`` into a field as a user does (replacing what it holds).

    Japanese arrives as an input method commits it: whole words at a time
    (QTest can only press keys that have an ASCII character).
    """
    widget.setFocus()
    if replace:
        widget.selectAll()  # type: ignore[attr-defined]
        qtbot.keyClick(widget, Qt.Key.Key_Delete)
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    for word in _words(text):
        event = QInputMethodEvent("", [])
        event.setCommitString(word)
        QApplication.sendEvent(widget, event)


def _words(text: str, size: int = 4) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)]
