"""The Results page's headline: the score in big type, its name, the count, the breakdown."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from storage.analytics import SurveyResults
from surveys import scoring
from surveys.questions import QuestionType
from ui.common.survey_labels import score_name
from ui.common.widgets import heading_font, hint
from ui.results.distribution_chart import GROUPS


def _swatch(color: QColor, size: int = 10) -> QLabel:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    label = QLabel()
    label.setPixmap(pixmap)
    return label


def _percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.0f}%" if whole else "–"


def _vertical_line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


class ScoreSummary(QWidget):
    """Headline score, response count and, for NPS, the share of each category.

    Public labels for tests and screenshots: ``score_label``, ``score_name_label``,
    ``count_label``, ``detail_label`` (CSAT/CES) and ``breakdown_labels``
    (category → its "60% (3)" label).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_label = QLabel("–")
        self.score_label.setFont(heading_font(self.font(), 3.2))
        self.score_name_label = hint("")
        self.count_label = QLabel("0")
        self.count_label.setFont(heading_font(self.font(), 2.2))
        count_caption = hint(self.tr("Responses"))

        score_box = QVBoxLayout()
        score_box.setSpacing(0)
        score_box.addWidget(self.score_label)
        score_box.addWidget(self.score_name_label)
        count_box = QVBoxLayout()
        count_box.setSpacing(0)
        count_box.addStretch(1)
        count_box.addWidget(self.count_label)
        count_box.addWidget(count_caption)

        self.breakdown = QWidget()
        grid = QGridLayout(self.breakdown)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.breakdown_labels: dict[str, QLabel] = {}
        # The chart's legend names, best first: one wording, one translation.
        detractors, passives, promoters = GROUPS[QuestionType.NPS]
        rows = [("promoters", promoters), ("passives", passives), ("detractors", detractors)]
        for row, (key, group) in enumerate(rows):
            text = QCoreApplication.translate("DistributionChart", group.label)
            color = group.color
            value = QLabel()
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(_swatch(color), row, 0)
            grid.addWidget(QLabel(text), row, 1)
            grid.addWidget(value, row, 2)
            self.breakdown_labels[key] = value
        self.detail_label = QLabel()

        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.breakdown)
        side.addWidget(self.detail_label)
        side.addStretch(1)

        row_layout = QHBoxLayout(self)
        row_layout.setContentsMargins(4, 4, 4, 4)
        row_layout.setSpacing(24)
        row_layout.addLayout(score_box)
        row_layout.addWidget(_vertical_line())
        row_layout.addLayout(count_box)
        row_layout.addWidget(_vertical_line())
        row_layout.addLayout(side)
        row_layout.addStretch(1)

    def show_results(self, results: SurveyResults) -> None:
        locale = QLocale()
        self.count_label.setText(locale.toString(results.responses))
        score = results.score
        if score is None:
            self.score_label.setText("–")
            self.score_name_label.setText(self.tr("No scale question to score"))
        else:
            self.score_label.setText(score.formatted())
            self.score_name_label.setText(score_name(score.kind))
        self.score_label.setToolTip(self._explain(score.kind if score else None))
        breakdown = results.breakdown
        self.breakdown.setVisible(breakdown is not None)
        if breakdown is not None:
            for key, part in (
                ("promoters", breakdown.promoters),
                ("passives", breakdown.passives),
                ("detractors", breakdown.detractors),
            ):
                self.breakdown_labels[key].setText(
                    f"{_percent(part, breakdown.count)}  ({locale.toString(part)})"
                )
        self.detail_label.setText(self._detail(results))
        self.detail_label.setVisible(bool(self.detail_label.text()))

    def _detail(self, results: SurveyResults) -> str:
        score = results.score
        if score is None or not score.count:
            return ""
        counts = results.distribution
        if score.kind is QuestionType.CSAT:
            satisfied = sum(n for point, n in counts.items() if point >= 4)
            return self.tr("4 or 5 (satisfied): %1 of %Ln answer(s).", "", score.count).replace(
                "%1", QLocale().toString(satisfied)
            )
        if score.kind is QuestionType.CES:
            agree = scoring.ces_agreement(counts) or 0.0
            return self.tr("%1 agree it was easy (5–7).").replace("%1", f"{agree:.0f}%")
        return ""

    def _explain(self, kind: QuestionType | None) -> str:
        if kind is QuestionType.NPS:
            return self.tr("% promoters (9–10) minus % detractors (0–6), from −100 to +100.")
        if kind is QuestionType.CSAT:
            return self.tr("Share of answers that are 4 or 5 on the 1–5 scale.")
        if kind is QuestionType.CES:
            return self.tr("Mean answer on the 1–7 scale; higher means less effort.")
        return ""
