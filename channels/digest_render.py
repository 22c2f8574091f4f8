"""The owners' weekly digest as an email: a plain-text part and an HTML part.

The HTML is one column of inline-styled blocks and tables (what mail clients
render alike), with no external image and no script; the trend is numbers in
a table. Everything a customer wrote (comments, names) is escaped in the HTML
and cut to ``EXCERPT`` characters, control characters removed, so a
``<script>`` or a formula in a comment arrives as text. Nothing a customer
wrote goes into a header.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import tzinfo

from channels.digest_text import KIND_NAMES, TEXT, interval_ends, number
from channels.email import FONT, MUTED
from channels.email import TEXT as INK
from storage.dashboard import Tally
from storage.digest import OpenCase, SurveyWeek
from surveys.digest_period import Period
from surveys.tags import tag_label

EXCERPT = 200  # characters of a comment quoted
SHOWN = 10  # low scores listed per survey
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Digest:
    """What one digest reports, whoever reads it."""

    period: Period
    zone_name: str
    zone: tzinfo
    surveys: tuple[SurveyWeek, ...]
    cases: tuple[OpenCase, ...]
    open_cases: int


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """A customer's text on one line, without control characters, cut at ``limit``."""
    flat = " ".join(_CONTROL.sub(" ", text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _dates(digest: Digest) -> dict[str, str]:
    """The week's bounds as its readers' clock says them, and the day it ends."""
    since, until = (m.astimezone(digest.zone) for m in (digest.period.since, digest.period.until))
    return {
        "since": f"{since:%Y-%m-%d %H:%M}",
        "until": f"{until:%Y-%m-%d %H:%M}",
        "day": f"{until:%Y-%m-%d}",
        "zone": digest.zone_name,
    }


def subject(digest: Digest, language: str) -> str:
    return TEXT[language]["subject"].format(**_dates(digest))


def headline(week: SurveyWeek, tally: Tally, words: dict[str, str]) -> str:
    """ "NPS +12 (95% interval −4 to +28), 40 answers"."""
    if not tally.n:
        return words["no_answers"]
    kind = KIND_NAMES.get(week.kind, "")
    score = number(week.kind, tally.score(week.kind))
    interval = tally.interval(week.kind)
    if interval is None:
        return words["score_small"].format(kind=kind, score=score, n=tally.n).strip()
    low, high = interval_ends(week.kind, interval)
    return words["score"].format(kind=kind, score=score, low=low, high=high, n=tally.n).strip()


def _last(week: SurveyWeek, words: dict[str, str]) -> str:
    if not week.last.n:
        return words["last_none"]
    return words["last"].format(score=number(week.kind, week.last.score(week.kind)), n=week.last.n)


def _trend(week: SurveyWeek) -> list[str]:
    return [number(week.kind, t.score(week.kind)) for t in week.trend]


def _who(name: str, words: dict[str, str]) -> str:
    return excerpt(name, 60) if name.strip() else words["anonymous"]


def _case(case: OpenCase, language: str, words: dict[str, str]) -> str:
    owner = words["owner"].format(owner=excerpt(case.owner, 60)) if case.owner else ""
    status = words.get(case.status, case.status)
    return words["case"].format(survey=case.survey.get_for(language), status=status, owner=owner)


def text(digest: Digest, language: str, preview: bool = False) -> str:
    """The plain-text part."""
    words = TEXT[language]
    lines = [words["title"], words["week"].format(**_dates(digest)), ""]
    if preview:
        lines[1:1] = [words["preview"]]
    if not digest.surveys:
        lines += [words["no_survey"], ""]
    for week in digest.surveys:
        lines += [f"■ {week.title.get_for(language)}", headline(week, week.this, words)]
        lines += [_last(week, words), words["trend"].format(weeks=len(week.trend))]
        lines.append("  " + " | ".join(_trend(week)))
        lines.append("")
        lines.append(words["detractors"].format(n=len(week.detractors)))
        if not week.detractors:
            lines.append(words["no_detractors"])
        for d in week.detractors[:SHOWN]:
            comment = excerpt(d.comment) if d.comment.strip() else words["no_comment"]
            lines.append(f"- {d.score} · {_who(d.contact_name, words)}: {comment}")
        if len(week.detractors) > SHOWN:
            lines.append(words["more"].format(n=len(week.detractors) - SHOWN))
        tags = ", ".join(f"{tag_label(t, language)} ({n})" for t, n in week.tags)
        lines += [words["tags"].format(tags=tags) if tags else words["no_tags"], ""]
    lines.append(words["cases"].format(n=digest.open_cases))
    lines += [f"- {_case(c, language, words)}" for c in digest.cases] or [words["no_cases"]]
    lines += ["", "--", words["why"]]
    return "\n".join(lines) + "\n"


def _p(content: str, size: int = 15, colour: str = INK, bold: bool = False) -> str:
    weight = "font-weight:bold;" if bold else ""
    return (
        f'<p style="margin:0 0 8px;{FONT};font-size:{size}px;{weight}line-height:1.5;'
        f'color:{colour}">{content}</p>'
    )


def _trend_table(week: SurveyWeek) -> str:
    cells = "".join(
        f'<td style="padding:4px 6px;border:1px solid #d1d5db;text-align:center;{FONT};'
        f'font-size:13px;color:{INK}">{html.escape(v)}</td>'
        for v in _trend(week)
    )
    return (
        '<table role="presentation" style="border-collapse:collapse;margin:0 0 12px">'
        f"<tr>{cells}</tr></table>"
    )


def _list(items: list[str]) -> str:
    rows = "".join(
        f'<li style="margin:0 0 6px;{FONT};font-size:14px;line-height:1.5;color:{INK}">{i}</li>'
        for i in items
    )
    return f'<ul style="margin:0 0 12px;padding-left:20px">{rows}</ul>'


def page(digest: Digest, language: str, preview: bool = False) -> str:
    """The HTML part."""
    words = TEXT[language]
    e = html.escape
    parts = [_p(e(words["title"]), 20, bold=True), _p(e(words["week"].format(**_dates(digest))))]
    if preview:
        parts.append(_p(e(words["preview"]), 13, MUTED))
    if not digest.surveys:
        parts.append(_p(e(words["no_survey"])))
    for week in digest.surveys:
        parts += [
            '<hr style="border:none;border-top:1px solid #d1d5db;margin:16px 0">',
            _p(e(week.title.get_for(language)), 17, bold=True),
            _p(e(headline(week, week.this, words)), 16, bold=True),
            _p(e(_last(week, words)), 14, MUTED),
            _p(e(words["trend"].format(weeks=len(week.trend))), 13, MUTED),
            _trend_table(week),
            _p(e(words["detractors"].format(n=len(week.detractors))), 15, bold=True),
        ]
        items = []
        for d in week.detractors[:SHOWN]:
            comment = excerpt(d.comment) if d.comment.strip() else words["no_comment"]
            items.append(f"<b>{d.score}</b> · {e(_who(d.contact_name, words))}: {e(comment)}")
        if len(week.detractors) > SHOWN:
            items.append(e(words["more"].format(n=len(week.detractors) - SHOWN)))
        parts.append(_list(items) if items else _p(e(words["no_detractors"]), 14))
        tags = ", ".join(f"{tag_label(t, language)} ({n})" for t, n in week.tags)
        parts.append(_p(e(words["tags"].format(tags=tags) if tags else words["no_tags"]), 14))
    parts += [
        '<hr style="border:none;border-top:1px solid #d1d5db;margin:16px 0">',
        _p(e(words["cases"].format(n=digest.open_cases)), 15, bold=True),
        _list([e(_case(c, language, words)) for c in digest.cases])
        if digest.cases
        else _p(e(words["no_cases"]), 14),
        _p(e(words["why"]), 12, MUTED),
    ]
    return (
        f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1"></head>'
        '<body style="margin:0;padding:0;background:#ffffff">'
        '<div style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff">'
        f"{''.join(parts)}</div></body></html>"
    )
