"""The pages of the main window's navigation, in order, and the lazily built set of them.

Each page is a class in its own package (``ui/surveys``, ``ui/contacts``…), built as
``Page(context, parent)``; its module is imported when the page is first built.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class PageSpec:
    """A page of the navigation: its key, its icon, and the class that builds it
    (``module``.``class_name``, imported when the page is first built)."""

    key: str
    icon_name: str
    module: str
    class_name: str

    def factory(self) -> Callable[..., QWidget]:
        return getattr(importlib.import_module(self.module), self.class_name)  # type: ignore[no-any-return]


# The navigation order; Ctrl+1 … Ctrl+6 follow it.
PAGES = (
    PageSpec("surveys", "clipboard-list", "ui.surveys.page", "SurveysPage"),
    PageSpec("contacts", "users", "ui.contacts.page", "ContactsPage"),
    PageSpec("send", "send", "ui.send.page", "SendPage"),
    PageSpec("results", "chart-column", "ui.results.page", "ResultsPage"),
    PageSpec("comments", "message-square-text", "ui.comments.page", "CommentsPage"),
    PageSpec("settings", "settings", "ui.settings.page", "SettingsPage"),
)
KEYS = tuple(spec.key for spec in PAGES)


class Pages(dict[str, QWidget]):
    """The window's pages by key; asking for one not built yet builds it (``build``)."""

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        if key not in KEYS:
            raise KeyError(key)
        return self._build(key)
