"""What a score's band is called, by kind of question, in English and Japanese.

``Band`` (surveys.questions) says where a score falls on any scale: the top,
the middle or the bottom. Only NPS calls these promoters, passives and
detractors; a CSAT answer is satisfied, neutral or dissatisfied (as the
dashboard's chart says), a CES answer — agreement that something was easy —
easy, neutral or difficult, a thumb up or down; star and smiley ratings read
like CSAT. This one table names bands on every surface: the Comments page and
the Responses tab in the UI's language, the exports and the PDF report in
theirs. Like the built-in tags' labels (surveys.tags), the names live here,
outside Qt, because the report and the workbook are written without it.
"""

from __future__ import annotations

from surveys.questions import Band, QuestionType

# name[language] per band; "en+" is the English plural where it differs (a count
# of promoters), the Japanese has none.
_Names = dict[Band, dict[str, str]]

_NPS: _Names = {
    Band.PROMOTER: {"en": "Promoter", "en+": "Promoters", "ja": "推奨者"},
    Band.PASSIVE: {"en": "Passive", "en+": "Passives", "ja": "中立者"},
    Band.DETRACTOR: {"en": "Detractor", "en+": "Detractors", "ja": "批判者"},
}
_SATISFACTION: _Names = {
    Band.PROMOTER: {"en": "Satisfied", "ja": "満足"},
    Band.PASSIVE: {"en": "Neutral", "ja": "どちらでもない"},
    Band.DETRACTOR: {"en": "Dissatisfied", "ja": "不満"},
}
_EFFORT: _Names = {
    Band.PROMOTER: {"en": "Easy", "ja": "簡単"},
    Band.PASSIVE: {"en": "Neutral", "ja": "どちらでもない"},
    Band.DETRACTOR: {"en": "Difficult", "ja": "難しい"},
}
_THUMBS: _Names = {
    Band.PROMOTER: {"en": "Thumbs up", "ja": "良い"},
    Band.DETRACTOR: {"en": "Thumbs down", "ja": "良くない"},
}
_BY_KIND: dict[QuestionType, _Names] = {
    QuestionType.NPS: _NPS,
    QuestionType.CES: _EFFORT,
    QuestionType.THUMBS: _THUMBS,
}


def bands_of(kind: QuestionType) -> tuple[Band, ...]:
    """The bands a scale of ``kind`` has, best first (a thumb has no middle)."""
    return tuple(_BY_KIND.get(kind, _SATISFACTION))


def band_name(kind: QuestionType, band: Band, language: str, *, plural: bool = False) -> str:
    """How ``band`` of a ``kind`` scale reads: "Promoter", "Satisfied", "簡単".

    ``language`` is "ja" or "en" (English otherwise); ``plural`` for a count
    ("Promoters: 12")."""
    names = _BY_KIND.get(kind, _SATISFACTION)[band]
    if language == "ja":
        return names["ja"]
    return names["en+"] if plural and "en+" in names else names["en"]
