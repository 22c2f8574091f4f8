"""Making and changing questions in the designer: pure functions over the survey model.

No Qt here: the undo commands apply what these return, and tests call them directly.
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from surveys.editing import new_qid, new_question
from surveys.model import Survey
from surveys.questions import (
    CHOICE_TYPES,
    NONE,
    OTHER,
    STANDARD_TYPES,
    TEXT_TYPES,
    Option,
    Question,
    QuestionType,
)
from surveys.templates import TEMPLATES, localise
from surveys.text import LocalText

# Where the standard wording of each validated instrument comes from.
_STANDARD_TEMPLATE = {QuestionType.NPS: "nps", QuestionType.CSAT: "csat", QuestionType.CES: "ces"}
_MAX_CODE = 32


def copy_question(question: Question) -> Question:
    """A deep copy: undo keeps its own copies, never one the editor still changes."""
    return copy.deepcopy(question)


def standard_question(
    kind: QuestionType, languages: tuple[str, ...], company: str, business_kind: str = ""
) -> Question:
    """The template's NPS/CSAT/CES question, in ``languages``, naming the business
    (or, without a name, calling it what fits ``business_kind``)."""
    template = TEMPLATES[_STANDARD_TEMPLATE[kind]]
    question = next(q for q in template.questions if q.type is kind)
    return localise(question, languages, company, business_kind)


def starter_question(
    survey: Survey, kind: QuestionType, company: str = "", business_kind: str = ""
) -> Question:
    """A new question of ``kind`` for ``survey``, with a fresh id, ready to word.

    The validated instruments start with their standard wording and labels
    (the checker would ask for them anyway); choice questions start with two
    empty options; scales and lists are required, text answers optional.
    """
    question = new_question(survey, kind)
    question.required = kind not in TEXT_TYPES
    if kind in STANDARD_TYPES:
        standard = standard_question(kind, survey.languages, company, business_kind)
        question.text = LocalText(standard.text)
        question.low_label = LocalText(standard.low_label)
        question.high_label = LocalText(standard.high_label)
    if kind in CHOICE_TYPES:
        question.options = [blank_option(question), blank_option(question, 1)]
    return question


def blank_option(question: Question, skip: int = 0) -> Option:
    """An empty option with a code not used in ``question`` (``skip`` more are reserved)."""
    taken = {o.code for o in question.options}
    number = 1
    while True:
        code = f"option_{number}"
        if code not in taken:
            if skip == 0:
                return Option(code, LocalText())
            skip -= 1
            taken.add(code)
        number += 1


def code_from_text(text: str, taken: set[str]) -> str | None:
    """An option code made from ``text`` ("Too expensive" → "too_expensive"), unique in
    ``taken``; None when the text has no letters or digits a code can hold (Japanese)."""
    base = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:_MAX_CODE].strip("_")
    if not base:
        return None
    code, number = base, 2
    while code in taken or code in (OTHER, NONE):
        suffix = f"_{number}"
        code = base[: _MAX_CODE - len(suffix)] + suffix
        number += 1
    return code


def retitle_option(
    question: Question, index: int, language: str, text: str, fixed_codes: set[str]
) -> Question:
    """``question`` with option ``index`` reworded in ``language``.

    While its code is not fixed (an answered question keeps the codes it had),
    the code follows the English wording, so exports read well.
    """
    after = copy_question(question)
    option = after.options[index]
    option.text[language] = text
    if option.code not in fixed_codes and language == "en":
        taken = {o.code for i, o in enumerate(after.options) if i != index}
        code = code_from_text(text, taken)
        if code is not None:
            option.code = code
    return after


def convert(question: Question, kind: QuestionType, languages: tuple[str, ...]) -> Question:
    """``question`` as another type, keeping its wording (and its options between lists)."""
    after = replace(copy_question(question), type=kind)
    if kind in CHOICE_TYPES and not after.options:
        after.options = [blank_option(after), blank_option(after, 1)]
    if kind in STANDARD_TYPES and not any(after.low_label.values()):
        standard = standard_question(kind, languages, "")
        after.low_label = LocalText(standard.low_label)
        after.high_label = LocalText(standard.high_label)
    if kind not in CHOICE_TYPES:
        after.other_option = after.none_option = after.randomize = after.ordered = False
        after.options = []
    return after


def duplicate(survey: Survey, question: Question) -> Question:
    """A copy of ``question`` with a new id (it asks the same thing: a new column)."""
    twin = copy_question(question)
    twin.qid = new_qid(survey)
    return twin
