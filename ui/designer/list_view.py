"""The question list's view: number, type and wording on each row, with badges for
findings and locks; drag and drop to reorder."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from surveys.checker import Severity
from surveys.questions import QuestionType
from ui.common.icons import icon
from ui.designer.list_model import (
    FINDINGS_ROLE,
    LOCKED_ROLE,
    NUMBER_ROLE,
    SEVERITY_ROLE,
    TYPE_NAME_ROLE,
    TYPE_ROLE,
    WORDING_ROLE,
)
from ui.designer.look import TYPE_ICONS, severity_icon

Index = QModelIndex | QPersistentModelIndex
_PAD = 8
_ICON = 16
_NUMBER_WIDTH = 26


class QuestionDelegate(QStyledItemDelegate):
    """Two lines a question: its type above, its wording below; badges on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icons: dict[tuple[str, int], QIcon] = {}

    def _icon(self, name: str, palette: QPalette) -> QIcon:
        """Icons drawn once per palette (rendering SVGs on every paint would be slow)."""
        key = (name, palette.cacheKey())
        if key not in self._icons:
            if len(self._icons) > 64:
                self._icons.clear()
            severity = name.removeprefix("severity:")
            self._icons[key] = (
                severity_icon(Severity(severity), palette)
                if name.startswith("severity:")
                else icon(name, palette)
            )
        return self._icons[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 2 * _PAD + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()  # the row draws its own icons
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = palette.color(text_role)
        quiet = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        metrics = opt.fontMetrics
        line = metrics.lineSpacing()
        painter.save()

        # Number, in bold, in a column of its own.
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        number_rect = QRect(rect.left(), rect.top(), _NUMBER_WIDTH, line)
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignLeft, str(index.data(NUMBER_ROLE)))

        # Badges on the right: worst finding (with the count), then the lock.
        right = rect.right()
        badge_top = rect.top() + (line - _ICON) // 2
        painter.setFont(opt.font)
        mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
        if index.data(LOCKED_ROLE):
            right -= _ICON
            self._icon("lock", palette).paint(
                painter, QRect(right, badge_top, _ICON, _ICON), mode=mode
            )
            right -= 6
        severity = index.data(SEVERITY_ROLE)
        if severity:
            count = str(index.data(FINDINGS_ROLE))
            width = metrics.horizontalAdvance(count)
            right -= width
            painter.setPen(text_colour)
            painter.drawText(
                QRect(right, rect.top(), width, line), Qt.AlignmentFlag.AlignLeft, count
            )
            right -= _ICON + 2
            self._icon(f"severity:{severity}", palette).paint(
                painter, QRect(right, badge_top, _ICON, _ICON)
            )
            right -= 6

        # Type icon and name on the first line, wording on the second.
        left = rect.left() + _NUMBER_WIDTH
        kind = QuestionType(index.data(TYPE_ROLE))
        self._icon(TYPE_ICONS[kind], palette).paint(
            painter, QRect(left, badge_top, _ICON, _ICON), mode=mode
        )
        painter.setPen(quiet)
        name_rect = QRect(left + _ICON + 6, rect.top(), right - left - _ICON - 6, line)
        name = metrics.elidedText(
            str(index.data(TYPE_NAME_ROLE)), Qt.TextElideMode.ElideRight, name_rect.width()
        )
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft, name)

        wording = str(index.data(WORDING_ROLE) or "")
        wording_rect = QRect(left, rect.top() + line + 4, rect.right() - left, line)
        if wording:
            painter.setPen(text_colour)
            shown = metrics.elidedText(wording, Qt.TextElideMode.ElideRight, wording_rect.width())
        else:
            italic = QFont(opt.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(quiet)
            shown = self.tr("No wording yet")
        painter.drawText(wording_rect, Qt.AlignmentFlag.AlignLeft, shown)
        painter.restore()


class QuestionListView(QListView):
    """The list of questions: one selected at a time, reordered by dragging."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(QuestionDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)
        self.setAlternatingRowColors(False)
        self.setMinimumWidth(220)
