"""What the checker reports: rules, severities, places and findings.

A ``Rule`` describes one best-practice rule for the designer's settings and
help (stable id, severity, title, message, fix and why, in Japanese and
English). A ``Finding`` is one occurrence of a rule in a survey, with a
message and fix that may be more specific than the rule's (they quote the
words at fault) and the ``Place`` it concerns, so that the designer can select
the question and field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from surveys.model import Survey
from surveys.questions import Band, Question
from surveys.text import LANGUAGES, LocalText


class Severity(StrEnum):
    """How much a finding matters: errors break the data, warnings hurt it, info advises."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most severe, for sorting."""
        return _RANKS[self]


_RANKS = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Field(StrEnum):
    """The part of a question (or of the survey) a finding is about."""

    TEXT = "text"
    LOW_LABEL = "low_label"
    HIGH_LABEL = "high_label"
    OPTIONS = "options"
    INVITATION = "invitation"


@dataclass(frozen=True)
class Place:
    """Where a finding points: the survey, a question, one of its fields or options.

    ``qid`` is None for the survey as a whole. ``option`` is an option code
    when the finding is about one option. ``language`` is the language whose
    wording is at fault, or None when the finding holds in every language
    (structure, counts, order). ``band`` names a follow-up's wording for one
    band (``Question.variants``) when the fault is in that wording.
    """

    qid: str | None = None
    field: Field | None = None
    option: str | None = None
    language: str | None = None
    band: Band | None = None


@dataclass(frozen=True)
class Finding:
    """One thing the checker found: which rule, how bad, what to say, where."""

    rule_id: str
    severity: Severity
    message: LocalText
    fix: LocalText
    place: Place


def quote(language: str, words: str) -> str:
    """Words from the survey, quoted the way the language quotes."""
    return f"「{words}」" if language == "ja" else f"“{words}”"


@dataclass(frozen=True)
class Rule:
    """A best-practice rule: its id, its severity, and what the designer shows about it.

    ``severity`` is the most severe level the rule reports; a finding may be
    milder (the SMS rule informs of the count and warns above two segments).
    ``message`` and ``fix`` are the generic wording; a finding may word them
    more precisely with ``str.format`` fields given to ``finding``.
    ``help`` says why the rule exists, for the designer's help.
    """

    id: str
    severity: Severity
    title: LocalText
    message: LocalText
    fix: LocalText
    help: LocalText

    def finding(
        self,
        place: Place,
        *,
        message: LocalText | None = None,
        fix: LocalText | None = None,
        severity: Severity | None = None,
        **fields: str | int | LocalText,
    ) -> Finding:
        """A finding of this rule at ``place``.

        ``fields`` fill the ``{name}`` fields of the message and fix in both
        languages: a LocalText gives each language its own value, and a field
        whose name starts with ``q_`` holds words from the survey, quoted the
        way each language quotes (「…」 or “…”).
        """

        def value(name: str, given: str | int | LocalText, language: str) -> str | int:
            if isinstance(given, LocalText):
                return given[language]
            return quote(language, str(given)) if name.startswith("q_") else given

        def fill(text: LocalText) -> LocalText:
            return LocalText(
                {
                    language: text[language].format(
                        **{name: value(name, given, language) for name, given in fields.items()}
                    )
                    for language in LANGUAGES
                }
            )

        return Finding(
            self.id,
            severity or self.severity,
            fill(message or self.message),
            fill(fix or self.fix),
            place,
        )


Check = Callable[[Survey], Iterable[Finding]]


@dataclass(frozen=True)
class Registered:
    """A rule with the function that looks for it."""

    rule: Rule
    check: Check


class Registry:
    """The rules in the order the designer lists them, each with its check."""

    def __init__(self) -> None:
        self._entries: list[Registered] = []

    def add(self, rule: Rule) -> Callable[[Check], Check]:
        """Decorator: ``check`` looks for ``rule``."""

        def register(check: Check) -> Check:
            if any(entry.rule.id == rule.id for entry in self._entries):
                raise ValueError(f"rule {rule.id!r} registered twice")
            self._entries.append(Registered(rule, check))
            return check

        return register

    def __iter__(self) -> Iterator[Registered]:
        return iter(self._entries)


REGISTRY = Registry()


LANGUAGE_NAMES = {
    "en": LocalText(en="English", ja="英語"),
    "ja": LocalText(en="Japanese", ja="日本語"),
}


def T(en: str, ja: str) -> LocalText:
    """Text in both languages; the checker's wording always has both."""
    return LocalText(en=en, ja=ja)


@dataclass(frozen=True)
class Wording:
    """One wording to review: a question's text, or a follow-up's text for one band."""

    question: Question
    language: str
    text: str
    band: Band | None = None

    @property
    def place(self) -> Place:
        return Place(self.question.qid, Field.TEXT, language=self.language, band=self.band)


def wordings(survey: Survey) -> Iterator[Wording]:
    """Every non-empty wording of every question, in each of the survey's languages."""
    for question in survey.questions:
        for language in survey.languages:
            text = question.text.get(language, "")
            if text.strip():
                yield Wording(question, language, text)
            for band, variant in question.variants.items():
                text = variant.get(language, "")
                if text.strip():
                    yield Wording(question, language, text, band)
