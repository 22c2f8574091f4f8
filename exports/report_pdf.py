"""The PDF report of a survey's results, in Japanese or English.

Made with fpdf2, as the poster is (exports/poster.py): it is already a
dependency, it is pure Python, and it embeds and subsets an OpenType CJK font
(Koe's own Noto Sans CJK JP subset, exports/fonts.py), so the report reads the same
on any machine. Charts arrive as
PNG images drawn by the app (ui/ renders them offscreen); this module never
imports Qt, so the report's text can be tested without a display.

Times read in the workspace's time zone (``ReportData.zone``, through
surveys/times.py, as on every other surface), and the report states the period
its responses span: a Tokyo answer at 07:30 on 3 December is the 3rd here too.

Text from outside (comments, tags) goes through ``_readable``: the embedded font
has no glyph for a control character, a tab or U+FFFD, so fpdf2 would drop them
with a warning on stderr and glue the words either side together. The report is
for reading: a tab reads as a space and a control character is left out (the
CSV and the workbook show where one was, as U+FFFD).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from exports.fonts import FAMILY, add_cjk_fonts
from storage.export_summary import ReportData, headline_kind_name, share
from surveys.band_names import band_name
from surveys.intervals import SMALL_SAMPLE
from surveys.tags import tag_label
from surveys.times import date_text, minute_text, period_text, zone_name
from surveys.untrusted_text import normalise_newlines, without_control_characters

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "report": "Survey report",
        "generated": "Generated {when} ({zone})",
        "period": "Period: {period}",
        "no_period": "Period: no responses yet",
        "responses": "Responses: {n}",
        "interval": "95% interval: {low} to {high}",
        "few": "Fewer than {n} answers: the score may move a lot with the next few answers.",
        "bands": "Responses by band",
        "band": "Band",
        "count": "Count",
        "share": "Share",
        "charts": "Charts",
        "comments": "Latest comments",
        "no_comments": "No comments yet.",
        "top_tags": "Top tags",
        "tag": "Tag",
        "tagged": "Comments",
        "score": "score {score}",
        "questions": "Questions",
        "answered": "{n} answered",
        "mean score": "Mean score",
        "no_score": "This survey has no score question.",
    },
    "ja": {
        "report": "アンケート結果レポート",
        "generated": "作成日時 {when}（{zone}）",
        "period": "期間: {period}",
        "no_period": "期間: 回答はまだありません",
        "responses": "回答数: {n}",
        "interval": "95%信頼区間: {low} 〜 {high}",
        "few": "回答が{n}件未満のため、今後の回答でスコアが大きく変わる可能性があります。",
        "bands": "区分別の回答数",
        "band": "区分",
        "count": "件数",
        "share": "割合",
        "charts": "グラフ",
        "comments": "最新のコメント",
        "no_comments": "コメントはまだありません。",
        "top_tags": "よく挙がるタグ",
        "tag": "タグ",
        "tagged": "コメント数",
        "score": "スコア {score}",
        "questions": "設問",
        "answered": "回答 {n}件",
        "mean score": "平均スコア",
        "no_score": "このアンケートにはスコアの設問がありません。",
    },
}
FONT = FAMILY


def _readable(text: str) -> str:
    """Text from outside as the report's font can draw it."""
    return without_control_characters(normalise_newlines(text)).replace("\t", " ")


def _fmt(value: float, kind_name: str) -> str:
    if kind_name == "NPS":
        return f"{value:+.0f}"
    if kind_name == "CSAT":
        return f"{value:.0f}%"
    return f"{value:.1f}"


def report_pdf(
    data: ReportData,
    language: str,
    charts: Sequence[tuple[str, bytes]] = (),
    *,
    font: tuple[Path, int] | None = None,
    now: datetime | None = None,
) -> bytes:
    """The report as PDF bytes; ``charts`` are (caption, PNG) pairs, the headline's first."""
    text = LABELS["ja" if language == "ja" else "en"]
    survey = data.results.survey
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    add_cjk_fonts(pdf, font)
    title = survey.title.get_for(language)
    pdf.set_title(title)
    pdf.set_creator("Koe")
    width = pdf.w - 36

    pdf.add_page()
    pdf.set_font(FONT, size=11)
    pdf.cell(width, 6, text["report"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=20)
    pdf.multi_cell(width, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=9)
    pdf.cell(width, 6, _period(data, language, text), new_x="LMARGIN", new_y="NEXT")
    when = minute_text(now or datetime.now(UTC), data.zone)
    generated = text["generated"].format(when=when, zone=zone_name(data.zone))
    pdf.cell(width, 6, generated, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)

    score = data.results.score
    if score is None or score.value is None:
        pdf.set_font(FONT, size=12)
        if score is None:
            pdf.multi_cell(width, 7, text["no_score"], new_x="LMARGIN", new_y="NEXT")
    else:
        kind_name = headline_kind_name(score)
        label = text.get(kind_name, kind_name)
        pdf.set_font(FONT, size=30)
        pdf.cell(
            width, 14, f"{label} {_fmt(score.value, kind_name)}", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font(FONT, size=11)
        if data.interval is not None:
            low, high = _fmt(data.interval.low, kind_name), _fmt(data.interval.high, kind_name)
            pdf.cell(width, 6, text["interval"].format(low=low, high=high))
            pdf.ln(6)
    pdf.set_font(FONT, size=11)
    pdf.cell(width, 6, text["responses"].format(n=f"{data.results.responses:,}"))
    pdf.ln(6)
    if score is not None and score.count < SMALL_SAMPLE:
        pdf.set_text_color(160, 60, 40)
        pdf.multi_cell(width, 6, text["few"].format(n=SMALL_SAMPLE), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)

    if data.bands and score is not None:
        pdf.ln(4)
        pdf.set_font(FONT, size=13)
        pdf.cell(width, 8, text["bands"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, size=11)
        with pdf.table(
            col_widths=(3, 1, 1),
            text_align=("LEFT", "RIGHT", "RIGHT"),
            headings_style=FontFace(emphasis="", fill_color=(235, 235, 235)),
        ) as table:
            table.row([text["band"], text["count"], text["share"]])
            for row in data.bands:
                name = band_name(row.kind, row.band, language, plural=True)
                percent = share(row.count, score.count)
                table.row([name, f"{row.count:,}", "–" if percent is None else f"{percent:.0f}%"])

    for caption, png in charts:
        pdf.ln(4)
        if pdf.get_y() > pdf.h - 110:
            pdf.add_page()
        pdf.set_font(FONT, size=13)
        pdf.multi_cell(width, 8, caption, new_x="LMARGIN", new_y="NEXT")
        pdf.image(io.BytesIO(png), x=pdf.l_margin, w=width)

    pdf.add_page()
    if data.tags:
        _top_tags(pdf, data, language, text, width)
        pdf.ln(4)
    pdf.set_font(FONT, size=13)
    pdf.cell(width, 8, text["comments"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    if not data.comments:
        pdf.multi_cell(width, 6, text["no_comments"], new_x="LMARGIN", new_y="NEXT")
    for comment in data.comments:
        meta = date_text(comment.created_at, data.zone)
        if comment.score is not None:
            meta += "  " + text["score"].format(score=comment.score)
        pdf.set_text_color(110, 110, 110)
        pdf.cell(width, 5, meta, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.multi_cell(width, 6, _readable(comment.text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)

    pdf.ln(4)
    pdf.set_font(FONT, size=13)
    pdf.cell(width, 8, text["questions"], new_x="LMARGIN", new_y="NEXT")
    for summary in data.questions:
        pdf.set_font(FONT, size=10)
        wording = summary.question.text.get_for(language)
        line = f"{summary.question.qid}: {wording} — " + text["answered"].format(
            n=f"{summary.answered:,}"
        )
        pdf.multi_cell(width, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _period(data: ReportData, language: str, text: dict[str, str]) -> str:
    """The span of the responses the report counts, in the workspace's time zone."""
    if data.period is None:
        return text["no_period"]
    period = period_text(data.period.first, data.period.last, data.zone, language)
    return text["period"].format(period=period)


def _top_tags(
    pdf: FPDF, data: ReportData, language: str, text: dict[str, str], width: float
) -> None:
    """The most frequent tags: label in the report's language, comments, headline score."""
    pdf.set_font(FONT, size=13)
    pdf.cell(width, 8, text["top_tags"], new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=11)
    score = data.results.score
    heading = [text["tag"], text["tagged"]]
    if score is not None:
        kind_name = headline_kind_name(score)
        heading.append(text.get(kind_name, kind_name))
    with pdf.table(
        col_widths=(3, 1, 1)[: len(heading)],
        text_align=("LEFT", "RIGHT", "RIGHT")[: len(heading)],
        headings_style=FontFace(emphasis="", fill_color=(235, 235, 235)),
    ) as table:
        table.row(heading)
        for stat in data.tags:
            row = [_readable(tag_label(stat.tag, language)), f"{stat.comments:,}"]
            if score is not None:
                row.append("–" if stat.score is None else stat.score.formatted())
            table.row(row)


def save_report(
    path: Path, data: ReportData, language: str, charts: Sequence[tuple[str, bytes]]
) -> Path:
    """Write the report to ``path`` atomically (a .partial file renamed)."""
    partial = path.with_name(path.name + ".partial")
    try:
        partial.write_bytes(report_pdf(data, language, charts))
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
    return path
