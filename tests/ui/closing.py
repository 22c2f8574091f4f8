"""Closing a dialog the three ways a person does, under the app's own error hook.

The fixture ``unexpected_errors`` (tests/ui/conftest.py) installs the app's own
error hook; ``assert_closed_cleanly`` checks that nothing reached it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

# The offscreen platform warns when a dialog window's size limits change.
OFFSCREEN_DIALOG = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


class Gate:
    """Holds a job's thread at one point (a slow disk, a huge file) until ``set()``."""

    def __init__(self) -> None:
        self.reached = threading.Event()
        self._open = threading.Event()

    def hold(self) -> None:
        """On the job's thread: say it got here, then wait (30 s at most)."""
        self.reached.set()
        self._open.wait(30)

    def set(self) -> None:
        self._open.set()

    def shut(self) -> None:
        """Hold the next job that gets here."""
        self.reached.clear()
        self._open.clear()


def held(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> Gate:
    """``owner.name`` (a storage function, say) waits at a gate before its work."""
    gate = Gate()
    original = getattr(owner, name)

    def slow(*args: object, **kwargs: object) -> object:
        gate.hold()
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, slow)
    return gate


def full_disk(*_args: object, **_kwargs: object) -> None:
    """Stands in for a write that the disk refuses."""
    raise sqlite3.OperationalError("database or disk is full")


ButtonOf = Callable[[QDialog], QAbstractButton]


def close_with_button(dialog: QDialog, button: str | ButtonOf) -> None:
    """Click the dialog's Close or Cancel button (an attribute name, or how to find it)."""
    found = getattr(dialog, button) if isinstance(button, str) else button(dialog)
    assert found.isVisible() and found.isEnabled()
    found.click()


def close_with_escape(dialog: QDialog) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)


def close_with_window_x(dialog: QDialog) -> None:
    dialog.close()  # what the window manager's X does: a close event


def close_ways(button: str | ButtonOf) -> dict[str, Callable[[QDialog], None]]:
    """The three ways to close, keyed by a readable test id."""
    return {
        "button": lambda dialog: close_with_button(dialog, button),
        "escape": close_with_escape,
        "window-x": close_with_window_x,
    }


def under_the_app_error_hook(test: Callable[..., None]) -> Callable[..., None]:
    """Mark a dialog test whose exceptions go to the app's own hook (``unexpected_errors``)."""
    return OFFSCREEN_DIALOG(pytest.mark.qt_no_exception_capture(test))


# Closing mid-work: the dialog's own Cancel button means "cancel", not "close".
CLOSED_MIDWAY = pytest.mark.parametrize(
    "close", [close_with_escape, close_with_window_x], ids=["escape", "window-x"]
)


def after_each_outcome(
    closes: dict[str, Callable[[QDialog], None]], *, success_closes: bool = True
) -> pytest.MarkDecorator:
    """Parametrize (outcome, close): failure and cancel, each closed every way; success
    too, unless the dialog closes itself then (``close`` is None)."""
    pairs = [
        (outcome, close)
        for outcome in ("success", "failure", "cancel")
        for close in ([None] if outcome == "success" and success_closes else closes)
    ]
    return pytest.mark.parametrize(("outcome", "close"), pairs)


def error_boxes() -> list[str]:
    """The text of each "Something unexpected went wrong" box on screen."""
    return [
        widget.text()
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox) and widget.isVisible()
        and "unexpected" in widget.text()
    ]  # fmt: skip


def the_user_reads(qtbot) -> None:
    """A person reads the result before they close: by then the app has finished
    tidying up after the work (threads ended, deferred deletes done), which is
    when a dialog that keeps a freed object around fails. No event marks the
    moment: it is a person's pause, short as the quickest one."""
    qtbot.wait(300)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def assert_closed_cleanly(qtbot, dialog: QWidget, seen: list[str]) -> None:
    """The dialog is gone from the screen, and no error reached the user."""
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=2000)
    # Queued deliveries (a late result, a deferred delete) land now.
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert seen == []
    assert error_boxes() == []
