"""The New survey dialog's list of starting points: every template, and a blank survey.

Each row shows the template's own title and description (surveys.templates,
in the UI language) on two lines, with an icon for its kind.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from surveys.model import SurveyKind
from surveys.templates import TEMPLATES
from ui.common.icons import icon

BLANK = "blank"
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DESCRIPTION_ROLE = Qt.ItemDataRole.UserRole + 2
ICON_ROLE = Qt.ItemDataRole.UserRole + 3  # the Lucide icon's name

_KIND_ICONS = {
    SurveyKind.NPS: "gauge",
    SurveyKind.CSAT: "heart",
    SurveyKind.CES: "activity",
    SurveyKind.CUSTOM: "list-checks",
}
_PAD = 7
_ICON = 20

Index = QModelIndex | QPersistentModelIndex


class _TwoLineDelegate(QStyledItemDelegate):
    """The title in bold, the description below it in the secondary text colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(300, 2 * option.fontMetrics.lineSpacing() + 2 * _PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        item_icon = QIcon(opt.icon)
        opt.text = ""
        opt.icon = QIcon()
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect = opt.rect.adjusted(_PAD + 2, _PAD, -_PAD, -_PAD)
        line = opt.fontMetrics.lineSpacing()
        painter.save()
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        item_icon.paint(
            painter, QRect(rect.left(), rect.top() + (2 * line - _ICON) // 2, _ICON, _ICON),
            mode=mode,
        )  # fmt: skip
        left = rect.left() + _ICON + 10
        width = rect.right() - left
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(main)
        metrics = painter.fontMetrics()
        painter.drawText(
            QRect(left, rect.top(), width, line),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(opt.font)
        painter.setPen(quiet)
        description = str(index.data(DESCRIPTION_ROLE) or "")
        painter.drawText(
            QRect(left, rect.top() + line + 2, width, line),
            Qt.AlignmentFlag.AlignLeft,
            opt.fontMetrics.elidedText(description, Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()


class TemplateList(QListWidget):
    """Every template of surveys.templates, then "Blank survey"; item data: the key."""

    def __init__(self, ui_language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(_TwoLineDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key, template in TEMPLATES.items():
            self._add(
                key,
                template.title.get_for(ui_language),
                template.description.get_for(ui_language),
                _KIND_ICONS[template.kind],
            )
        self._add(
            BLANK,
            self.tr("Blank survey"),
            self.tr("No questions: write your own in the designer."),
            "plus",
        )
        self._paint_icons()

    def _add(self, key: str, title: str, description: str, icon_name: str) -> None:
        item = QListWidgetItem(title)
        item.setData(KEY_ROLE, key)
        item.setData(DESCRIPTION_ROLE, description)
        item.setData(ICON_ROLE, icon_name)
        # The description is cut to one line in the row; the tooltip holds all of it.
        item.setToolTip(f"{title}\n{description}")
        self.addItem(item)

    def key(self) -> str:
        item = self.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else BLANK

    def select(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(KEY_ROLE) == key:
                self.setCurrentRow(row)
                return
        raise KeyError(key)

    def sizeHint(self) -> QSize:
        # About six rows: enough to read, with the rest a scroll away.
        row = self.sizeHintForRow(0) if self.count() else 40
        return QSize(super().sizeHint().width(), row * 6 + 2 * self.frameWidth())

    def _paint_icons(self) -> None:
        for row in range(self.count()):
            item = self.item(row)
            item.setIcon(icon(str(item.data(ICON_ROLE)), self.palette()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)
