"""What a consent column's cell says: yes, no, or nothing.

The vocabularies of the tools shops export from: Shopify's "Accepts Email
Marketing" yes/no, Square's "Email Subscription Status" Subscribed /
Unsubscribed / Unknown, spreadsheets' TRUE/FALSE and 1/0, Japanese systems'
する/しない, 希望/不要, 配信する/配信しない, 購読する/購読しない, 許可/拒否, ○/×,
and Koe's own export (the consent's source and date: "import 2026-01-31").
Anything else is neither: no consent, no opt-out, and a line in the report.
"""

from __future__ import annotations

import unicodedata

YES, NO, UNKNOWN, BLANK = "yes", "no", "unknown", ""  # UNKNOWN: a value that is neither

_YES = {
    "yes", "y", "true", "t", "1", "on", "ok", "subscribed", "optedin", "optin", "opted in",
    "singleoptin", "confirmedoptin", "confirmed", "accepted", "consented", "allow", "allowed",
    "はい", "する", "希望", "希望する", "配信する", "配信希望", "受信する", "購読する", "購読",
    "許可", "許可する", "同意", "同意する", "同意済", "同意済み", "済", "可", "要", "あり", "有",
    "○", "◯", "〇", "●", "✓", "✔", "レ",
    # Koe's export: the consent's source, then its date.
    "import", "form", "manual",
}  # fmt: skip
_NO = {
    "no", "n", "false", "f", "0", "off", "unsubscribed", "optedout", "optout", "opted out",
    "notsubscribed", "declined", "denied", "refused", "revoked",
    "いいえ", "しない", "不要", "希望しない", "配信しない", "配信不要", "受信しない", "購読しない",
    "拒否", "不可", "否", "なし", "無", "停止", "配信停止", "解除", "×", "✕", "✗",
}  # fmt: skip
_NEITHER = {
    "unknown",
    "pending",
    "-",
    "ー",
    "未設定",
    "未確認",
    "不明",
    "未回答",
    "n/a",
    "na",
    "null",
    "none",
}


def read_consent(value: str) -> str:
    """YES, NO, UNKNOWN (a value that says neither), or BLANK (an empty cell)."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    if not text or text in _NEITHER:
        return BLANK  # Square's "Unknown": the tool says it does not know
    squeezed = text.replace("_", "").replace("-", "")
    if squeezed in _YES or text in _YES:
        return YES
    if squeezed in _NO or text in _NO:
        return NO
    first = text.split()[0]
    if first in ("import", "form", "manual"):
        return YES
    return UNKNOWN


def read_opt_out(value: str) -> bool:
    """A column that says a person opted out (Koe's export holds where from: "link",
    "reply"…): anything but blank and a plain no."""
    return read_consent(value) not in (BLANK, NO)
