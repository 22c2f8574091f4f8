"""What a chat or webhook message says, in the destination's language (ja or en).

A ``Notice`` is the message before any service's shape: its event, a title,
lines (score on its scale, survey, time), the comment (None when the
destination takes no comments) and where to find it in Koe. The link is not a
public survey link: chats are read by more people than the owners, and Koe has
no web address for its own data. It is a reference the owner finds in Koe
("Comments page, response no. 123"; the number is the ``response_id`` of the
exports), see docs/webhooks.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from channels.owner_alerts import local_time, score_text
from storage import follow_up

_TEXT = {
    "en": {
        "response": "New answer: {score} on “{survey}”",
        "detractor": "Low score: {score} on “{survey}”",
        "task": "New follow-up task: {title}",
        "test": "Koe test message",
        "test_line": "This destination is set up: Koe's news will arrive here.",
        "score": "Score: {score}",
        "survey": "Survey: {survey}",
        "when": "Answered: {time}",
        "owner": "Owner: {owner}",
        "due": "Due: {due}",
        "comment": "Comment:",
        "no_comment": "No comment was left.",
        "response_ref": "In Koe: Comments page, response no. {id}",
        "task_ref": "In Koe: follow-up task no. {id}",
        "reason_detractor": "a low score",
        "reason_option": "an answer a rule watches for",
        "reason_no_answer": "no answer after the last message",
    },
    "ja": {
        "response": "新しい回答：「{survey}」で{score}",
        "detractor": "低い評価：「{survey}」で{score}",
        "task": "新しいフォローアップ：{title}",
        "test": "Koeのテストメッセージ",
        "test_line": "この送信先の設定は完了です。Koeのお知らせがここに届きます。",
        "score": "スコア：{score}",
        "survey": "アンケート：{survey}",
        "when": "回答日時：{time}",
        "owner": "担当者：{owner}",
        "due": "期限：{due}",
        "comment": "コメント：",
        "no_comment": "コメントはありません。",
        "response_ref": "Koeで見る：「コメント」ページ、回答番号 {id}",
        "task_ref": "Koeで見る：フォローアップ番号 {id}",
        "reason_detractor": "低い評価",
        "reason_option": "ルールで指定した回答",
        "reason_no_answer": "最後のご案内のあとも回答なし",
    },
}


@dataclass(frozen=True)
class Notice:
    """A message before any service's shape (``channels.webhooks.payloads``)."""

    event: str  # response | detractor | task | test
    language: str
    title: str
    lines: tuple[str, ...]  # score, survey, time … one fact a line
    comment: str | None  # None: comments are not sent to this destination
    reference: str  # where to find it in Koe
    data: dict  # the facts as values, for the generic webhook's JSON

    def plain_text(self) -> str:
        """The whole message as plain text (Google Chat, fallbacks)."""
        parts = [self.title, *self.lines]
        if self.comment is not None:
            parts += ["", self.comment_text()]
        if self.reference:
            parts += ["", self.reference]
        return "\n".join(parts)

    def comment_text(self) -> str:
        text = _TEXT[self.language]
        comment = (self.comment or "").strip()
        return f"{text['comment']}\n{comment}" if comment else text["no_comment"]


def _lang(language: str) -> str:
    return "ja" if language == "ja" else "en"


def response_notice(
    alert: follow_up.Detractor,
    event: str,
    language: str,
    send_comments: bool,
    time_zone: str = "UTC",
) -> Notice:
    """A response's message (``event`` "response" or "detractor"); no contact details:
    whoever reads the chat finds the customer in Koe."""
    lang = _lang(language)
    text = _TEXT[lang]
    score, survey = score_text(alert), alert.title.get_for(lang)
    lines = [text["score"].format(score=score), text["survey"].format(survey=survey)]
    when = local_time(alert.created_at, time_zone)
    if when:
        lines.append(text["when"].format(time=when))
    comment = alert.comment if send_comments else None
    data = {
        "response_id": alert.response_id,
        "survey_id": alert.survey_id,
        "survey": survey,
        "kind": alert.kind,
        "score": alert.score,
        "score_text": score,
        "answered_at": alert.created_at,
    }
    if comment is not None:
        data["comment"] = comment
    return Notice(
        event=event,
        language=lang,
        title=text[event].format(score=score, survey=survey),
        lines=tuple(lines),
        comment=comment,
        reference=text["response_ref"].format(id=alert.response_id),
        data=data,
    )


@dataclass(frozen=True)
class Task:
    """A new follow-up task, as the code that creates it tells ``events.queue_task``."""

    id: int
    title: str
    owner: str = ""
    due: str = ""  # a date as the owner reads it, or ""
    response_id: int | None = None
    comment: str = ""  # the answer's comment behind it, if any
    reason: str = ""  # an escalation rule's kind (surveys.escalation.RuleKind): worded here


def task_notice(task: Task, language: str, send_comments: bool) -> Notice:
    lang = _lang(language)
    text = _TEXT[lang]
    lines = []
    if task.owner:
        lines.append(text["owner"].format(owner=task.owner))
    if task.due:
        lines.append(text["due"].format(due=task.due))
    comment = task.comment if send_comments and task.comment else None
    data: dict = {"task_id": task.id, "title": task.title, "owner": task.owner, "due": task.due}
    if task.response_id is not None:
        data["response_id"] = task.response_id
    if comment is not None:
        data["comment"] = comment
    return Notice(
        event="task",
        language=lang,
        title=text["task"].format(title=text.get(f"reason_{task.reason}", task.title)),
        lines=tuple(lines),
        comment=comment,
        reference=text["task_ref"].format(id=task.id),
        data=data,
    )


def test_notice(language: str) -> Notice:
    """The Test button's message."""
    text = _TEXT[_lang(language)]
    return Notice("test", _lang(language), text["test"], (text["test_line"],), None, "", {})
