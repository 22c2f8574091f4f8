"""The PDF report with the charts as the app draws them.

Charts are QtCharts widgets rendered offscreen to PNG on the GUI thread (a
widget belongs to it); the PDF itself is written by exports.report_pdf,
which is Qt-free. ``run_pdf_command`` serves ``main.py export --format pdf``.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QApplication
from sqlite_utils import Database

from exports import report_pdf
from exports.fonts import FontMissing
from storage.export_summary import ReportData, report_data
from surveys.model import Survey
from surveys.questions import QuestionType
from ui.results.distribution_chart import DistributionChart

CHART_SIZE = (720, 340)  # pixels: legible labels once scaled to the page width


def chart_png(
    kind: QuestionType, counts: Mapping[int, int], size: tuple[int, int] = CHART_SIZE
) -> bytes:
    """The distribution chart of ``counts`` as PNG bytes, drawn offscreen as the app draws it."""
    view = DistributionChart()
    try:
        view.resize(*size)
        view.set_distribution(kind, counts)
        pixmap = view.grab()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pixmap.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())
    finally:
        view.deleteLater()


def report_charts(data: ReportData, language: str) -> list[tuple[str, bytes]]:
    """(caption, PNG) of every scale question's distribution, the headline's first."""
    charts = []
    for summary in data.questions:
        question = summary.question
        if question.scale is None or not summary.answered:
            continue
        counts = {int(point): n for point, n in summary.counts.items()}
        charts.append((question.text.get_for(language), chart_png(question.type, counts)))
    return charts


def write_pdf(db: Database, survey: Survey, out: Path, language: str) -> int:
    """Write the report (GUI thread: it draws charts); returns the response count."""
    data = report_data(db, survey)
    report_pdf.save_report(out, data, language, report_charts(data, language))
    return data.results.responses


def cli_pdf_writer(db: Database, survey: Survey, out: Path, language: str) -> int:
    """``export --format pdf`` from the command line: a QApplication without a window,
    translated into the report's language so the charts' legends match the text."""
    from ui.common.i18n import install_translator

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app, language)
    try:
        return write_pdf(db, survey, out, language)
    except FontMissing as error:
        raise OSError(str(error)) from error
