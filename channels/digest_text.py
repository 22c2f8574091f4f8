"""The words and number formats of the owners' weekly digest, in Japanese and English."""

from __future__ import annotations

from surveys.intervals import Interval
from surveys.questions import QuestionType

TEXT = {
    "en": {
        "subject": "Koe weekly digest: the week to {day}",
        "title": "Your week in Koe",
        "week": "The week from {since} to {until} ({zone}), against the week before.",
        "score": "{kind} {score} (95% interval {low} to {high}), {n} answers",
        "score_small": "{kind} {score}, {n} answers (too few for an interval)",
        "no_answers": "No answers this week.",
        "last": "Week before: {score} ({n} answers)",
        "last_none": "Week before: no answers",
        "trend": "Last {weeks} weeks (oldest first):",
        "detractors": "New low scores this week ({n})",
        "no_detractors": "No low score this week.",
        "anonymous": "anonymous",
        "no_comment": "(no comment)",
        "more": "… and {n} more on the Comments page.",
        "tags": "Top tags: {tags}",
        "no_tags": "No tagged comment this week.",
        "cases": "Open follow-ups ({n})",
        "no_cases": "No open follow-up.",
        "case": "{survey}: {status}{owner}",
        "owner": ", owner {owner}",
        "new": "new",
        "contacted": "contacted",
        "no_survey": "No open survey to report on.",
        "why": "You get this digest as an owner in Koe's settings (Weekly digest).",
        "preview": "A preview, sent from Koe's settings.",
    },
    "ja": {
        "subject": "Koe 週次レポート：{day}までの1週間",
        "title": "今週のKoe",
        "week": "{since}〜{until}（{zone}）の1週間と、その前の週との比較です。",
        "score": "{kind} {score}（95%区間 {low}〜{high}）、回答{n}件",
        "score_small": "{kind} {score}、回答{n}件（区間を出すには回答が少なすぎます）",
        "no_answers": "今週の回答はありません。",
        "last": "前の週：{score}（回答{n}件）",
        "last_none": "前の週：回答なし",
        "trend": "直近{weeks}週（古い順）：",
        "detractors": "今週の低い評価（{n}件）",
        "no_detractors": "今週、低い評価はありません。",
        "anonymous": "匿名",
        "no_comment": "（コメントなし）",
        "more": "ほか{n}件は「コメント」ページでご覧いただけます。",
        "tags": "多かったタグ：{tags}",
        "no_tags": "今週、タグの付いたコメントはありません。",
        "cases": "対応中のフォローアップ（{n}件）",
        "no_cases": "対応中のフォローアップはありません。",
        "case": "{survey}：{status}{owner}",
        "owner": "、担当 {owner}",
        "new": "未対応",
        "contacted": "連絡済み",
        "no_survey": "集計対象の公開中アンケートはありません。",
        "why": "Koeの設定（週次レポート）で担当者として登録されているため、お送りしています。",
        "preview": "Koeの設定から送信したプレビューです。",
    },
}

KIND_NAMES = {QuestionType.NPS: "NPS", QuestionType.CSAT: "CSAT", QuestionType.CES: "CES"}


def number(kind: QuestionType, value: float | None) -> str:
    """A headline score as the Results page reads it: NPS +12, CSAT 85%, a mean 5.3."""
    if value is None:
        return "–"
    if kind is QuestionType.NPS:
        rounded = round(value)
        return f"+{rounded}" if rounded > 0 else str(rounded).replace("-", "−")
    if kind is QuestionType.CSAT:
        return f"{round(value)}%"
    return f"{value:.1f}"


def interval_ends(kind: QuestionType, interval: Interval) -> tuple[str, str]:
    return number(kind, interval.low), number(kind, interval.high)
