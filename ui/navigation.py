"""The main window's left side: Koe's name above the list of pages (``NavigationPanel``).

Its words keep the ``MainWindow`` translation context they had when the window
drew the list itself, so the catalogues did not change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.common.icons import icon
from ui.common.widgets import heading_font
from ui.page_list import PAGES


def page_label(key: str) -> str:
    """The page's name in the navigation, in the installed language."""
    return {
        "surveys": QCoreApplication.translate("MainWindow", "Surveys"),
        "contacts": QCoreApplication.translate("MainWindow", "Contacts"),
        "send": QCoreApplication.translate("MainWindow", "Send"),
        "results": QCoreApplication.translate("MainWindow", "Results"),
        "comments": QCoreApplication.translate("MainWindow", "Comments"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }[key]


class _NavDelegate(QStyledItemDelegate):
    """Draws navigation items without the focus frame some styles put around the
    text only; the selection already shows where the keyboard is."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_HasFocus


class NavigationPanel(QWidget):
    """Koe's name and the page list (``nav``: one row per page of ``PAGES``, its key
    in the row's UserRole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation_panel")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(3)
        self.nav.setUniformItemSizes(True)
        self.nav.setItemDelegate(_NavDelegate(self.nav))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        # The list takes the window's background so the page area stands out.
        self.nav.setBackgroundRole(QPalette.ColorRole.Window)
        self.nav.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        for spec in PAGES:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)

        # The product's name above the list: "Koe" with 声 ("voice"), its meaning.
        brand = QLabel("Koe <span style='font-weight:normal'>声</span>")
        brand.setFont(heading_font(brand.font(), 1.35))
        brand.setContentsMargins(14, 14, 8, 10)
        side = QVBoxLayout(self)
        side.setContentsMargins(6, 0, 6, 6)
        side.setSpacing(0)
        side.addWidget(brand)
        side.addWidget(self.nav, 1)

    def retranslate(self) -> None:
        """The pages' names (with their shortcut), and a width that fits the longest."""
        for row, spec in enumerate(PAGES):
            item = self.nav.item(row)
            item.setText(page_label(spec.key))
            item.setToolTip(f"{page_label(spec.key)} (Ctrl+{row + 1})")
        metrics = self.nav.fontMetrics()
        widest = max(
            metrics.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count())
        )
        self.nav.setFixedWidth(max(168, widest + self.nav.iconSize().width() + 56))

    def paint_icons(self) -> None:
        for row, spec in enumerate(PAGES):
            self.nav.item(row).setIcon(icon(spec.icon_name, self.nav.palette()))
