"""Automatic tags for comments: pure keyword matching, no SQL and no Qt.

Text and keywords are compared after NFKC normalisation (full-width ``ＵＩ`` is
``UI``, half-width ``ｻﾎﾟｰﾄ`` is ``サポート``) and case folding, so a keyword list
written once matches however a respondent typed.

The built-in tags (seeded by migration 0009) are stored under English keys
("price", "support", ...) that never change, so a filter, an export or a
language switch finds the same tag; people see them through ``tag_label`` in
their language (価格, Price). A tag the user created is its own label.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping


def normalise(text: str) -> str:
    """The form text and keywords are compared in."""
    return unicodedata.normalize("NFKC", text).casefold()


def tags_for(text: str, keywords: Mapping[str, Iterable[str]]) -> list[str]:
    """The tags whose keyword lists have a word that occurs in ``text``, in the lists' order."""
    body = normalise(text)
    found = []
    for tag, words in keywords.items():
        if any(w.strip() and normalise(w.strip()) in body for w in words):
            found.append(tag)
    return found


# The built-in tags' labels, by stored key. Keys are those of migration 0009.
BUILT_IN_LABELS: dict[str, dict[str, str]] = {
    "price": {"en": "Price", "ja": "価格"},
    "support": {"en": "Support", "ja": "サポート"},
    "UI": {"en": "UI", "ja": "UI"},
    "onboarding": {"en": "Onboarding", "ja": "オンボーディング"},
    "speed": {"en": "Speed", "ja": "スピード"},
    "staff": {"en": "Staff", "ja": "スタッフ"},
}

# Every label and key of a built-in tag, normalised, to the key: what the user
# types (価格, Price, ＰＲＩＣＥ) names the built-in tag rather than a new one.
_KEY_OF: dict[str, str] = {
    normalise(name): key
    for key, labels in BUILT_IN_LABELS.items()
    for name in (key, *labels.values())
}


def tag_label(tag: str, language: str) -> str:
    """How a stored tag reads to a person: a built-in tag in ``language`` ("ja" or
    "en"; English otherwise), any other tag as it was typed."""
    labels = BUILT_IN_LABELS.get(tag)
    if labels is None:
        return tag
    return labels.get(language, labels["en"])


def tag_key(text: str) -> str:
    """The tag to store for a name the user typed: a built-in tag's key when the
    name is one of its labels (in any language) or its key, else the name itself."""
    name = text.strip()
    return _KEY_OF.get(normalise(name), name)


def parse_keywords(line: str) -> list[str]:
    """Keywords typed on one line, separated by commas (ASCII or Japanese) or slashes."""
    for separator in ("、", "，", "/", "／"):
        line = line.replace(separator, ",")
    seen: list[str] = []
    for word in (w.strip() for w in line.split(",")):
        if word and word not in seen:
            seen.append(word)
    return seen
