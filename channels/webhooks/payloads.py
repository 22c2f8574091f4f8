"""A ``Notice`` in each service's request shape: the body stored in the outbox row.

- Slack incoming webhook: JSON ``{"text": ...}`` (mrkdwn, with ``&``, ``<``, ``>``
  escaped as Slack asks, so a comment cannot ping @channel or fake a link).
- Microsoft Teams (incoming webhook, or a Workflows "when a Teams webhook request
  is received" flow): a message with one Adaptive Card attachment, the shape
  Microsoft documents in "Send Adaptive Cards using an Incoming Webhook".
- Google Chat incoming webhook: JSON ``{"text": ...}``.
- Chatwork (API v2, ``POST /rooms/{room_id}/messages``): the form field ``body``;
  stored here as the text alone, sent form-encoded (``channels.webhooks.client``).
- Generic: Koe's own JSON (docs/webhooks.md), with the event, the facts as
  values and the message as text.

What is stored is what goes: the body is built when the message is queued.
"""

from __future__ import annotations

import json
from typing import Any

from channels.webhooks.notices import Notice

VERSION = 1  # of the generic webhook's JSON


def slack_escape(text: str) -> str:
    """Slack's three control characters, escaped (api.slack.com "Escaping text")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack(notice: Notice) -> dict[str, Any]:
    lines = [f"*{slack_escape(notice.title)}*", *map(slack_escape, notice.lines)]
    if notice.comment is not None:
        quoted = "\n".join(f"> {line}" for line in slack_escape(notice.comment_text()).split("\n"))
        lines += ["", quoted]
    if notice.reference:
        lines += ["", slack_escape(notice.reference)]
    return {"text": "\n".join(lines)}


def teams(notice: Notice) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"type": "TextBlock", "text": notice.title, "weight": "Bolder", "size": "Medium",
         "wrap": True},
    ]  # fmt: skip
    body += [{"type": "TextBlock", "text": line, "wrap": True, "spacing": "None"}
             for line in notice.lines]  # fmt: skip
    if notice.comment is not None:
        body.append({"type": "TextBlock", "text": notice.comment_text(), "wrap": True})
    if notice.reference:
        body.append({"type": "TextBlock", "text": notice.reference, "wrap": True,
                     "isSubtle": True})  # fmt: skip
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
    }
    return {
        "type": "message",
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None,
             "content": card},
        ],
    }  # fmt: skip


def google_chat(notice: Notice) -> dict[str, Any]:
    return {"text": notice.plain_text()}


def chatwork(notice: Notice) -> str:
    """Chatwork's message notation: an [info] box with the title as its [title]."""
    parts = list(notice.lines)
    if notice.comment is not None:
        parts += ["", notice.comment_text()]
    if notice.reference:
        parts += ["", notice.reference]
    # A comment holding Chatwork's own tags must not close the box or ping anyone.
    inner = "\n".join(parts).replace("[", "［").replace("]", "］")
    title = notice.title.replace("[", "［").replace("]", "］")
    return f"[info][title]{title}[/title]{inner}[/info]"


def generic(notice: Notice, created_at: str) -> dict[str, Any]:
    return {
        "version": VERSION,
        "event": notice.event,
        "created_at": created_at,
        "language": notice.language,
        "title": notice.title,
        "text": notice.plain_text(),
        "data": notice.data,
    }


def body_for(kind: str, notice: Notice, created_at: str) -> str:
    """The stored body of a message to a destination of ``kind``."""
    if kind == "chatwork":
        return chatwork(notice)
    shape = {"slack": slack, "teams": teams, "google_chat": google_chat}.get(kind)
    payload = shape(notice) if shape else generic(notice, created_at)
    return json.dumps(payload, ensure_ascii=False)
