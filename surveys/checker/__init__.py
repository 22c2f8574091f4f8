"""The best-practice checker: reviews a survey as it is written and says how to fix it.

It implements the question-design practices of the Qualtrics XM Institute
(wording, response options, question selection) as rules. Each rule has a
stable id, a severity, and a title, message, fix and help text in Japanese
and English; ``check`` returns the findings for one survey, reviewing each of
its languages, and skips the rules the survey has switched off.

Pure and fast: no I/O, a few precompiled patterns per wording, so the
designer can call it on every keystroke (a 15-question bilingual survey takes
about a millisecond).

    >>> from surveys.templates import survey_from_template
    >>> check(survey_from_template("nps"))
    []
"""

from __future__ import annotations

from dataclasses import replace

from surveys.business import unnamed

# Importing the rule modules registers their rules.
from surveys.checker import branching, options, scales, selection, wording
from surveys.checker.base import REGISTRY, Field, Finding, Place, Rule, Severity
from surveys.checker.selection import estimated_seconds
from surveys.model import Survey
from surveys.sms import SmsCount, sms_segments
from surveys.text import LocalText

__all__ = [
    "RULES",
    "Field",
    "Finding",
    "Place",
    "Rule",
    "Severity",
    "SmsCount",
    "check",
    "estimated_seconds",
    "rule",
    "sms_segments",
]

# The designer lists rules by family: wording, options, scales, question selection, branching.
_FAMILIES = [module.__name__ for module in (wording, options, scales, selection, branching)]
_ENTRIES = sorted(REGISTRY, key=lambda entry: _FAMILIES.index(entry.check.__module__))
RULES: tuple[Rule, ...] = tuple(entry.rule for entry in _ENTRIES)
_BY_ID = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with this id (KeyError for an unknown one)."""
    return _BY_ID[rule_id]


def check(survey: Survey, *, business_name: str = "") -> list[Finding]:
    """Every finding of every rule the survey has not switched off.

    ``business_name`` is read as a name, not as words: "Smith & Sons" or
    「山田と鈴木」 in a question does not make it double-barrelled.

    Ordered as the designer lists them: findings about the survey as a whole
    first, then question by question in survey order; within a place, errors
    before warnings before advice, and otherwise in the order of ``RULES``.
    """
    if business_name.strip():
        survey = _as_if_unnamed(survey, business_name.strip())
    findings = [
        finding
        for entry in _ENTRIES
        if entry.rule.id not in survey.disabled_rules
        for finding in entry.check(survey)
    ]
    position = {question.qid: index for index, question in enumerate(survey.questions)}

    def order(finding: Finding) -> tuple[int, int]:
        qid = finding.place.qid
        return (-1 if qid is None else position.get(qid, len(position)), finding.severity.rank)

    return sorted(findings, key=order)


def _as_if_unnamed(survey: Survey, name: str) -> Survey:
    """A copy of ``survey`` whose wording says "this business" / 「このお店」 where it
    names the business."""

    def plain(text: LocalText) -> LocalText:
        return LocalText(
            {lang: value.replace(name, unnamed("", lang)) for lang, value in text.items()}
        )

    questions = [
        replace(
            question,
            text=plain(question.text),
            options=[replace(option, text=plain(option.text)) for option in question.options],
            variants={band: plain(text) for band, text in question.variants.items()},
        )
        for question in survey.questions
    ]
    return replace(survey, questions=questions, invitation=plain(survey.invitation))
