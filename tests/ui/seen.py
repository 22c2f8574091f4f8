"""What the user sees in a widget: its visible words and the set-up button of a reach notice."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

SET_UP = "Set up a public host…"


def words_in(widget: QWidget) -> str:
    """Every text the user can see in ``widget``, one label a line."""
    return "\n".join(label.text() for label in widget.findChildren(QLabel) if label.isVisible())


def set_up_button(widget: QWidget) -> QPushButton | None:
    """The visible "Set up a public host…" button in ``widget``, if there is one."""
    found = [b for b in widget.findChildren(QPushButton) if b.isVisible() and b.text() == SET_UP]
    assert len(found) <= 1
    return found[0] if found else None
