"""The survey's form as a respondent sees it: each question drawn by its type.

``survey_page`` turns a survey's page (``FormPage``: the questions shown and
the later ones the script reveals) into the template's ``QuestionView``s:
scale points with their faces and accessible names, choice options in the
respondent's own shuffled order (``new_seed``), and what a failed post sent,
shown again with its errors. The template itself is templates/survey.html.
"""

from __future__ import annotations

import hashlib
import random
import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from urllib.parse import urlencode

from starlette.responses import HTMLResponse

from surveys.model import OTHER_SUFFIX, FormValue, Survey
from surveys.questions import NONE, OTHER, Answer, Band, Choice, Question, QuestionType
from surveys.untrusted_text import without_control_characters
from web.i18n import CATALOGUE, text
from web.pages import Site, render_page


@dataclass(frozen=True)
class Point:
    """One answer of a scale as a button: its value, face and accessible name."""

    value: int
    face: str  # what the button shows: "7", "★", "👍"
    name: str  # what a screen reader says when the face alone would not do; "" if the face does
    band: str  # the band a follow-up on this page is worded by ("" when none follows)


@dataclass(frozen=True)
class QuestionView:
    """One question as the template draws it, with what the respondent sent."""

    question: Question
    style: str  # the template's macro: numbers, agree, stars, thumbs, faces, single, multiple, ...
    text: str
    low_label: str
    high_label: str
    points: list[Point]
    options: list[tuple[str, str]]  # (code, words), in the order shown
    value: str
    picked: list[str]
    other: str
    error: str
    follows: str = ""  # the score question's id, when the script words this one by its band
    show: str = ""  # the bands it is asked of, space-separated ("" for everyone)
    wordings: dict[str, str] = field(default_factory=dict)  # band (or "base") → wording

    @property
    def qid(self) -> str:
        return self.question.qid

    @property
    def required(self) -> bool:
        return self.question.required

    @property
    def max_length(self) -> int:
        return self.question.text_limit


_STYLES = {
    QuestionType.NPS: "numbers",
    QuestionType.CSAT: "numbers",
    QuestionType.CES: "agree",
    QuestionType.STAR: "stars",
    QuestionType.THUMBS: "thumbs",
    QuestionType.SMILEY: "faces",
    QuestionType.SINGLE_CHOICE: "single",
    QuestionType.MULTIPLE_CHOICE: "multiple",
    QuestionType.SHORT_TEXT: "short",
    QuestionType.OPEN_TEXT: "long",
}
_FACES = {
    3: [("😞", "face_unhappy"), ("😐", "face_neutral"), ("😄", "face_happy")],
    5: [
        ("😞", "face_very_unhappy"),
        ("😕", "face_unhappy"),
        ("😐", "face_neutral"),
        ("🙂", "face_happy"),
        ("😄", "face_very_happy"),
    ],
}
SEED_SHAPE = re.compile(r"^[0-9a-f]{12}$")


def new_seed(token: str | None = None) -> str:
    """The seed of a respondent's option order: from a token, or random for a public link."""
    if token is None:
        return secrets.token_hex(6)
    return hashlib.sha256(f"order:{token}".encode()).hexdigest()[:12]


def option_order(question: Question, language: str, seed: str) -> list[tuple[str, str]]:
    """The options as shown: shuffled by ``seed`` when the question asks for it.

    "Other" and "None of these" always come last, in that order; an ordered
    list (frequencies, ranges) is never shuffled.
    """
    options = [(o.code, o.text.get_for(language)) for o in question.options]
    if question.randomize and not question.ordered:
        random.Random(f"{seed}:{question.qid}").shuffle(options)
    if question.other_option:
        options.append((OTHER, text(language, "other_option")))
    if question.none_option:
        options.append((NONE, text(language, "none_option")))
    return options


def _points(question: Question, language: str, banded: bool) -> list[Point]:
    scale = question.scale
    if scale is None:
        return []
    say = partial(text, language)
    values = list(scale.points)
    low = question.low_label.get_for(language)
    high = question.high_label.get_for(language)
    if question.type is QuestionType.STAR:
        faces = ["★"] * len(values)
        names = [say("star_one") if v == 1 else say("star_many", n=v) for v in values]
    elif question.type is QuestionType.THUMBS:
        values = [1, 0]  # up first, as a yes/no question reads
        faces = ["👍", "👎"]
        names = [say("thumbs_up"), say("thumbs_down")]
    elif question.type is QuestionType.SMILEY:
        faces = [face for face, _ in _FACES[len(values)]]
        names = [say(key) for _, key in _FACES[len(values)]]
    elif question.type is QuestionType.CES:
        faces = [str(v) for v in values]
        names = [say(f"agree_{v}") for v in values]
        names[0], names[-1] = low or names[0], high or names[-1]
    else:
        faces = [str(v) for v in values]
        names = [""] * len(values)
        names[0], names[-1] = low, high
    return [
        Point(value, face, name, str(question.band(value)) if banded else "")
        for value, face, name in zip(values, faces, names, strict=True)
    ]


def _as_list(value: FormValue | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def form_values(answers: Mapping[str, Answer]) -> dict[str, FormValue]:
    """Stored answers as the form fields that would have sent them."""
    fields: dict[str, FormValue] = {}
    for qid, answer in answers.items():
        if isinstance(answer, Choice):
            fields[qid] = list(answer.codes)
            if answer.other_text:
                fields[qid + OTHER_SUFFIX] = answer.other_text
        else:
            fields[qid] = str(answer)
    return fields


@dataclass(frozen=True)
class FormPage:
    """Which questions a page of the form holds.

    ``shown`` are the page's questions as a respondent without JavaScript
    answers them; ``later`` are the following pages' questions, drawn hidden
    and disabled for the script to reveal, so that with JavaScript the whole
    survey is one page and one post. ``known`` holds the answers given on
    earlier pages (they word this page's follow-ups); ``seed`` orders shuffled
    options. ``later_open`` draws ``later`` visible: a post that included them
    came back with an error.
    """

    shown: Sequence[Question]
    later: Sequence[Question] = ()
    known: Mapping[str, Answer] = field(default_factory=dict)
    seed: str = ""
    later_open: bool = False


@dataclass(frozen=True)
class FormExtras:
    """What a form carries besides the questions.

    ``token`` is the anti-forgery field (web/csrf.py); ``opened`` the address
    the script tells of a person's first interaction with a personal link,
    and ``headline`` the score question whose choice it reports. On a public
    link ``keep`` is where the script sends that score, and ``begun`` the
    token of the one response this page's taps begin (web.one_tap).
    ``received``: the score was sent on an earlier page, and this one says so.
    """

    token: str = ""
    opened: str = ""
    headline: str = ""
    keep: str = ""
    begun: str = ""
    received: bool = False


def survey_page(
    survey: Survey,
    language: str,
    site: Site,
    page: FormPage,
    *,
    path: str,
    query: Mapping[str, str],
    values: Mapping[str, FormValue] | None = None,
    errors: Mapping[str, str] | None = None,
    page_error: str = "",
    status: int = 200,
    back: str = "",
    extras: FormExtras | None = None,
    banner: str = "",
) -> HTMLResponse:
    """The survey's form; on a failed post, with the sent values and the errors.

    ``path`` is where the form posts; ``query`` holds the parameters to keep
    through the post (``src``, ``page``); the language is added here, so the
    answer is stored in the language shown. ``back`` links the previous page.
    """
    values = values or {}
    errors = errors or {}
    drawn = [*page.shown, *page.later]
    on_page = {q.qid for q in drawn}
    followed = {q.follow_up_of for q in drawn if q.follow_up_of in on_page}
    scores = {**page.known, **_posted_scores(drawn, values)}

    def view(q: Question) -> QuestionView:
        follows = q.follow_up_of if q.follow_up_of in on_page else ""
        band = survey.band_for(q, scores)
        wordings: dict[str, str] = {}
        if follows and q.variants:
            wordings = {"base": q.wording(language), **{b: q.wording(language, b) for b in Band}}
        return QuestionView(
            question=q,
            style=_STYLES[q.type],
            text=q.wording(language, band),
            low_label=q.low_label.get_for(language),
            high_label=q.high_label.get_for(language),
            points=_points(q, language, banded=q.qid in followed),
            options=option_order(q, language, page.seed) if q.is_choice else [],
            value=_typed(values.get(q.qid)),
            picked=_as_list(values.get(q.qid)),
            other=_typed(values.get(q.qid + OTHER_SUFFIX)),
            error=errors.get(q.qid, ""),
            follows=follows,
            show=" ".join(q.show_for) if follows else "",
            wordings=wordings,
        )

    later = [view(q) for q in page.later]
    action = f"{path}?{urlencode({**query, 'lang': language})}"
    switches = [
        (other, CATALOGUE[other]["language_name"], f"{path}?{urlencode({**query, 'lang': other})}")
        for other in survey.languages
        if other != language
    ]
    extras = extras or FormExtras()
    needs_seed = any(q.randomize and not q.ordered for q in drawn if q.is_choice)
    # The script reveals later pages, answers a score in one tap, tells a
    # personal link it was opened, and makes "None of these" and "Other" easier.
    script = (
        bool(later)
        or bool(extras.opened)
        or bool(extras.keep)
        or any(q.is_scale for q in drawn)
        or any(q.other_option or q.none_option for q in drawn if q.is_choice)
    )
    return render_page(
        "survey.html",
        status,
        language,
        site,
        banner,
        questions=[view(q) for q in page.shown],
        later=later,
        later_open=page.later_open,
        script=script,
        seed=page.seed if needs_seed else "",
        short=len(drawn) <= 3 and not page.known,
        # The shop's own heading on every page; its intro on the first only.
        heading=survey.heading.get(language, "").strip(),
        intro=survey.intro.get(language, "").strip() if not page.known else "",
        action=action,
        switches=switches,
        page_error=page_error,
        has_errors=bool(errors or page_error),
        back=back,
        extras=extras,
    )


def _typed(value: FormValue | None) -> str:
    """What the person typed, to show again: without the control characters that
    got it refused (they cannot be seen, so could not be found and deleted)."""
    listed = _as_list(value)
    return without_control_characters(listed[0]) if listed else ""


def _posted_scores(questions: Sequence[Question], values: Mapping[str, FormValue]) -> dict:
    """The scores among ``values`` that fit their question: they word the follow-ups."""
    scores: dict[str, Answer] = {}
    for q in questions:
        raw = values.get(q.qid)
        if q.is_scale and isinstance(raw, str) and raw.strip().isdigit():
            scale = q.scale
            if scale is not None and int(raw) in scale:
                scores[q.qid] = int(raw)
    return scores
