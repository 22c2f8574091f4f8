"""The Results page's "Dashboard | Responses" switch, under the filter bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


def labelled(caption: str, combo: QComboBox) -> QWidget:
    """A caption and its combo box on one line, left-aligned (the label is its buddy)."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 8, 0, 0)
    label = QLabel(caption)
    label.setBuddy(combo)
    layout.addWidget(label)
    layout.addWidget(combo)
    layout.addStretch(1)
    return row


def results_tabs(parts: list[QWidget], responses: QWidget) -> tuple[QTabWidget, QScrollArea]:
    """The tabs, and the dashboard's tab: ``parts`` in one scrolling column."""
    content = QWidget()
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 8, 0)
    for part in parts:
        column.addWidget(part)
    dashboard = QScrollArea()
    dashboard.setWidgetResizable(True)
    dashboard.setFrameShape(QFrame.Shape.NoFrame)
    dashboard.setWidget(content)
    tabs = QTabWidget()
    tabs.setDocumentMode(True)  # a light switch on the page, not a framed box
    tabs.addTab(dashboard, QCoreApplication.translate("ResultsPage", "Dashboard"))
    tabs.addTab(responses, QCoreApplication.translate("ResultsPage", "Responses"))
    return tabs, dashboard
