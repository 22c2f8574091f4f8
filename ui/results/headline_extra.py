"""Under the headline: the 95% interval, the small-sample warning, the P/P/D bar, the periods."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from storage.dashboard import Headline, Tally
from surveys import scoring
from surveys.questions import QuestionType
from ui.results.distribution_chart import DETRACTOR_COLOR, PASSIVE_COLOR, PROMOTER_COLOR


def _format(kind: QuestionType, value: float) -> str:
    return scoring.Score(kind, value, 1).formatted()


class CategoryBar(QWidget):
    """One bar split into promoters, passives and detractors (NPS only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.breakdown: scoring.NpsBreakdown | None = None
        self.setMinimumHeight(14)

    def sizeHint(self) -> QSize:
        return QSize(320, 14)

    def set_breakdown(self, breakdown: scoring.NpsBreakdown | None) -> None:
        self.breakdown = breakdown
        self.setVisible(breakdown is not None and breakdown.count > 0)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        b = self.breakdown
        if b is None or not b.count:
            return
        painter = QPainter(self)
        x = 0.0
        width = float(self.width())
        for part, color in (
            (b.promoters, PROMOTER_COLOR),
            (b.passives, PASSIVE_COLOR),
            (b.detractors, DETRACTOR_COLOR),
        ):
            w = width * part / b.count
            painter.fillRect(QRectF(x, 0, w, self.height()), color)
            x += w
        painter.end()


class HeadlineExtra(QWidget):
    """Labels for tests: ``interval_label``, ``warning_label``, ``period_label``; ``bar``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.interval_label = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(f"color: {PASSIVE_COLOR.name()}; font-weight: bold;")
        self.bar = CategoryBar()
        self.period_label = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (self.bar, self.interval_label, self.warning_label, self.period_label):
            layout.addWidget(widget)

    def show_headline(self, headline: Headline | None) -> None:
        interval = headline.interval if headline is not None else None
        if headline is None or interval is None:
            self.interval_label.setText(self.tr("95% confidence interval: not enough answers"))
        else:
            # The two ends, never a "±": clipped to the score's range (+100 for a
            # survey of promoters only), an interval is not symmetric around it.
            self.interval_label.setText(
                self.tr("95% confidence interval: %1 to %2 (answers: %3)")
                .replace("%1", _format(headline.kind, interval.low))
                .replace("%2", _format(headline.kind, interval.high))
                .replace("%3", QLocale().toString(headline.score.count))
            )
        warn = headline is not None and headline.warning is not None
        self.warning_label.setText(
            self.tr(
                "Fewer than 30 answers: this score can move a lot with a few more."
                " Treat it as a first hint, not a result."
            )
            if warn
            else ""
        )
        self.warning_label.setVisible(warn)
        self.bar.set_breakdown(headline.breakdown if headline is not None else None)

    def show_periods_loading(self, loading: bool) -> None:
        """While the comparison with the period before is on its way, say so quietly;
        without one coming, show none (not the one of other choices)."""
        text = self.tr("This period against the one before: loading…") if loading else ""
        self.period_label.setText(text)
        self.period_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.period_label.setVisible(loading)

    def show_periods(self, kind: QuestionType, this: Tally | None, last: Tally | None) -> None:
        self.period_label.setForegroundRole(QPalette.ColorRole.WindowText)
        if this is None or last is None:
            self.period_label.setText("")
            self.period_label.setVisible(False)
            return
        now, before = this.score(kind), last.score(kind)

        def period(score: float | None, answers: int) -> str:
            shown = _format(kind, score) if score is not None else "–"
            return self.tr("%1 (%Ln answer(s))", "", answers).replace("%1", shown)

        text = (
            self.tr("This period: %1 · the one before: %2")
            .replace("%1", period(now, this.n))
            .replace("%2", period(before, last.n))
        )
        if now is not None and before is not None:
            text += "  " + self.tr("(change %1)").replace("%1", f"{now - before:+.1f}")
        self.period_label.setText(text)
        self.period_label.setVisible(True)
