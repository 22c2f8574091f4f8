"""How the designer names and draws things: question types, bands, severities, languages.

Strings are QT_TRANSLATE_NOOP in the "Designer" context and translated when
used, so that the list, the Add menu and the editor call a type the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from surveys.checker import Severity
from surveys.questions import Band, Question, QuestionType
from ui.common.icons import icon_path

CONTEXT = "Designer"

# The order of the Add menu: the validated instruments first, then other
# scales, then lists, then text.
TYPE_ORDER = (
    QuestionType.NPS,
    QuestionType.CSAT,
    QuestionType.CES,
    QuestionType.STAR,
    QuestionType.THUMBS,
    QuestionType.SMILEY,
    QuestionType.SINGLE_CHOICE,
    QuestionType.MULTIPLE_CHOICE,
    QuestionType.SHORT_TEXT,
    QuestionType.OPEN_TEXT,
)

TYPE_ICONS = {
    QuestionType.NPS: "gauge",
    QuestionType.CSAT: "heart",
    QuestionType.CES: "activity",
    QuestionType.STAR: "star",
    QuestionType.THUMBS: "thumbs-up",
    QuestionType.SMILEY: "smile",
    QuestionType.SINGLE_CHOICE: "circle-dot",
    QuestionType.MULTIPLE_CHOICE: "square-check",
    QuestionType.SHORT_TEXT: "text-cursor-input",
    QuestionType.OPEN_TEXT: "message-square-text",
}

# Full names, for the Add menu and the type selector.
_TYPE_NAMES = {
    QuestionType.NPS: QT_TRANSLATE_NOOP("Designer", "Recommend score (NPS, 0–10)"),
    QuestionType.CSAT: QT_TRANSLATE_NOOP("Designer", "Satisfaction (CSAT, 1–5)"),
    QuestionType.CES: QT_TRANSLATE_NOOP("Designer", "Effort (CES, 1–7)"),
    QuestionType.STAR: QT_TRANSLATE_NOOP("Designer", "Star rating (1–5)"),
    QuestionType.THUMBS: QT_TRANSLATE_NOOP("Designer", "Thumbs up or down"),
    QuestionType.SMILEY: QT_TRANSLATE_NOOP("Designer", "Smiley faces"),
    QuestionType.SINGLE_CHOICE: QT_TRANSLATE_NOOP("Designer", "Single choice"),
    QuestionType.MULTIPLE_CHOICE: QT_TRANSLATE_NOOP("Designer", "Multiple choice"),
    QuestionType.SHORT_TEXT: QT_TRANSLATE_NOOP("Designer", "Short text answer"),
    QuestionType.OPEN_TEXT: QT_TRANSLATE_NOOP("Designer", "Long text answer"),
}

# Short names, for the question list.
_SHORT_NAMES = {
    QuestionType.NPS: QT_TRANSLATE_NOOP("Designer", "NPS"),
    QuestionType.CSAT: QT_TRANSLATE_NOOP("Designer", "CSAT"),
    QuestionType.CES: QT_TRANSLATE_NOOP("Designer", "CES"),
    QuestionType.STAR: QT_TRANSLATE_NOOP("Designer", "Stars"),
    QuestionType.THUMBS: QT_TRANSLATE_NOOP("Designer", "Thumbs"),
    QuestionType.SMILEY: QT_TRANSLATE_NOOP("Designer", "Smiley"),
    QuestionType.SINGLE_CHOICE: QT_TRANSLATE_NOOP("Designer", "Single choice"),
    QuestionType.MULTIPLE_CHOICE: QT_TRANSLATE_NOOP("Designer", "Multiple choice"),
    QuestionType.SHORT_TEXT: QT_TRANSLATE_NOOP("Designer", "Short text"),
    QuestionType.OPEN_TEXT: QT_TRANSLATE_NOOP("Designer", "Long text"),
}

_BAND_NAMES = {
    Band.PROMOTER: QT_TRANSLATE_NOOP("Designer", "Promoters (%1)"),
    Band.PASSIVE: QT_TRANSLATE_NOOP("Designer", "Passives (%1)"),
    Band.DETRACTOR: QT_TRANSLATE_NOOP("Designer", "Detractors (%1)"),
}

_RANGE = QT_TRANSLATE_NOOP("Designer", "%1–%2")  # points on a scale: "9–10"

# Language names are written in their own language, as language pickers do.
LANGUAGE_NAMES = {"ja": "日本語", "en": "English"}

SEVERITY_ICONS = {
    Severity.ERROR: "circle-x",
    Severity.WARNING: "triangle-alert",
    Severity.INFO: "info",
}
# Tints readable on light and dark palettes alike (mixed toward the text colour).
_SEVERITY_TINTS = {
    Severity.ERROR: QColor("#d32f2f"),
    Severity.WARNING: QColor("#d68a00"),
    Severity.INFO: QColor("#1e88e5"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def type_name(kind: QuestionType) -> str:
    return _tr(_TYPE_NAMES[kind])


def short_type_name(kind: QuestionType) -> str:
    return _tr(_SHORT_NAMES[kind])


def band_points(question: Question) -> dict[Band, str]:
    """Each band of a scale question with the points in it, as "9–10" ("9〜10") or "3"."""
    scale = question.scale
    if scale is None:
        return {}
    points: dict[Band, list[int]] = {}
    for point in scale.points:
        points.setdefault(question.band(point), []).append(point)
    shown = {}
    for band in Band:
        values = points.get(band)
        if values:
            low, high = min(values), max(values)
            shown[band] = (
                str(low)
                if low == high
                else _tr(_RANGE).replace("%1", str(low)).replace("%2", str(high))
            )
    return shown


def band_name(band: Band, points: str) -> str:
    """ "Promoters (9–10)": the band's name with the points it holds on the followed scale."""
    return _tr(_BAND_NAMES[band]).replace("%1", points)


def severity_colour(severity: Severity, palette: QPalette) -> QColor:
    """The severity's tint, darkened or lightened a little toward the palette's text."""
    tint = _SEVERITY_TINTS[severity]
    text = palette.color(QPalette.ColorRole.Text)
    amount = 0.15
    return QColor(
        round(tint.red() * (1 - amount) + text.red() * amount),
        round(tint.green() * (1 - amount) + text.green() * amount),
        round(tint.blue() * (1 - amount) + text.blue() * amount),
    )


def tinted_icon(name: str, colour: QColor, sizes: tuple[int, ...] = (16, 20, 32, 40)) -> QIcon:
    """A Lucide icon stroked in ``colour`` (for severities, which keep their colour)."""
    svg = icon_path(name).read_text(encoding="utf-8")
    svg = svg.replace("currentColor", colour.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def severity_icon(severity: Severity, palette: QPalette) -> QIcon:
    return tinted_icon(SEVERITY_ICONS[severity], severity_colour(severity, palette))
