"""A live sketch of the respondent page's top on a phone: the shop's logo (or name), its
colour on the heading, the chosen score and the Send button, the survey's heading and
intro. Used by the designer and by Settings ▸ your shop's look.

It draws with Qt, not a browser: the same colours the page uses (surveys.colours,
light or dark), so what the owner sees here is what customers get.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from surveys.colours import ColourError, brand_shades

KOE_ACCENT = ("#0f5fa6", "#7db8f5")  # web/static/koe.css: light, dark
_LIGHT = {"bg": "#ffffff", "ink": "#1d1d1f", "muted": "#55565c", "line": "#8b8c92", "on": "#fff"}
_DARK = {"bg": "#1d1e22", "ink": "#f1f1f3", "muted": "#b0b1b8", "line": "#7c7d85", "on": "#121316"}
WIDTH = 240


@dataclass(frozen=True)
class PhoneLook:
    """What the sketch shows; empty texts fall back to Koe's own words."""

    business_name: str = ""
    colour: str = ""  # the owner's brand colour, "" for Koe's blue
    logo: bytes = b""
    heading: str = ""
    intro: str = ""


class PhonePreview(QFrame):
    """The sketch. ``show_look(PhoneLook)`` redraws it; ``dark_box`` switches to dark mode.

    Public for tests: ``logo_label``, ``name_label``, ``heading_label``, ``intro_label``,
    ``chosen`` (the selected score) and ``send`` (the Send button), ``accent`` (the
    colour in use).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phone")
        self.setFixedWidth(WIDTH)
        self._look = PhoneLook()
        self.accent = KOE_ACCENT[0]
        self.band = QFrame()
        self.band.setFixedHeight(5)
        self.logo_label = QLabel()
        self.logo_label.setAccessibleName(self.tr("Logo"))
        self.name_label = QLabel()
        self.heading_label = QLabel()
        self.heading_label.setWordWrap(True)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.scores: list[QLabel] = []
        grid = QGridLayout()
        grid.setSpacing(3)
        for score in range(11):
            cell = QLabel(str(score))
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setFixedHeight(26)
            grid.addWidget(cell, score // 6, score % 6)
            self.scores.append(cell)
        self.chosen = self.scores[9]
        self.send = QLabel(self.tr("Send"))
        self.send.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.send.setFixedHeight(34)
        self.dark_box = QCheckBox(self.tr("Dark mode"))
        self.dark_box.toggled.connect(lambda _on: self._paint())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 10)
        column.setSpacing(8)
        column.addWidget(self.band)
        for widget in (self.logo_label, self.name_label, self.heading_label, self.intro_label):
            column.addWidget(widget)
            widget.setContentsMargins(12, 0, 12, 0)
        inner = QWidget()
        inner.setLayout(grid)
        inner.setContentsMargins(8, 0, 8, 0)
        column.addWidget(inner)
        send_row = QVBoxLayout()
        send_row.setContentsMargins(12, 0, 12, 0)
        send_row.addWidget(self.send)
        column.addLayout(send_row)
        column.addStretch(1)
        column.addWidget(self.dark_box, 0, Qt.AlignmentFlag.AlignHCenter)
        self._paint()

    def show_look(self, look: PhoneLook) -> None:
        self._look = look
        self._paint()

    def _paint(self) -> None:
        look = self._look
        dark = self.dark_box.isChecked()
        palette = _DARK if dark else _LIGHT
        try:
            shades = brand_shades(look.colour) if look.colour.strip() else None
        except ColourError:
            shades = None
        if shades is None:
            self.accent = KOE_ACCENT[1 if dark else 0]
        else:
            self.accent = shades.dark if dark else shades.light
        self.setStyleSheet(
            f"QFrame#phone {{ background: {palette['bg']}; border: 2px solid {palette['line']};"
            f" border-radius: 16px; }} QFrame#phone QLabel {{ color: {palette['ink']}; }}"
            f" QFrame#phone QCheckBox {{ color: {palette['muted']}; }}"
        )
        self.band.setStyleSheet(f"background: {self.accent if shades else palette['bg']};")
        pixmap = QPixmap()
        if look.logo and pixmap.loadFromData(QByteArray(look.logo)):
            self.logo_label.setPixmap(
                pixmap.scaledToHeight(32, Qt.TransformationMode.SmoothTransformation)
            )
            self.logo_label.show()
            self.name_label.hide()
        else:
            self.logo_label.clear()
            self.logo_label.hide()
            self.name_label.setText(look.business_name)
            self.name_label.setStyleSheet("font-weight: 700;")
            self.name_label.setVisible(bool(look.business_name))
        heading = look.heading.strip() or self.tr("Customer survey")
        self.heading_label.setText(heading)
        colour = self.accent if shades else palette["ink"]
        self.heading_label.setStyleSheet(f"color: {colour}; font-weight: 700; font-size: 15px;")
        self.intro_label.setText(look.intro.strip())
        self.intro_label.setVisible(bool(look.intro.strip()))
        for cell in self.scores:
            chosen = cell is self.chosen
            cell.setStyleSheet(
                f"border: 1px solid {self.accent if chosen else palette['line']};"
                f" border-radius: 4px; font-weight: 700;"
                f" background: {self.accent if chosen else palette['bg']};"
                f" color: {palette['on'] if chosen else palette['ink']};"
            )
        self.send.setStyleSheet(
            f"background: {self.accent}; color: {palette['on']}; border-radius: 6px;"
            " font-weight: 700;"
        )
