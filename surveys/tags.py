"""Automatic tags for comments: pure keyword matching, no SQL and no Qt.

Text and keywords are compared after NFKC normalisation (full-width ``ＵＩ`` is
``UI``, half-width ``ｻﾎﾟｰﾄ`` is ``サポート``) and case folding, so a keyword list
written once matches however a respondent typed.
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


def parse_keywords(line: str) -> list[str]:
    """Keywords typed on one line, separated by commas (ASCII or Japanese) or slashes."""
    for separator in ("、", "，", "/", "／"):
        line = line.replace(separator, ",")
    seen: list[str] = []
    for word in (w.strip() for w in line.split(",")):
        if word and word not in seen:
            seen.append(word)
    return seen
