"""English wording patterns: what the wording rules look for in an English question.

Each function takes one wording and returns the words at fault (for the
finding to quote) or None. They are precise rather than broad: a false alarm
teaches the owner to ignore the checker, so fixed phrases, ranges and the
standard wordings are let through on purpose (see the comments).
"""

from __future__ import annotations

import re

from surveys.questions import QuestionType

LONG_WORDING = 140  # characters; about 25 words, two lines on a phone

_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


# --- a direct question with the scale in it -------------------------------------------

# An instruction to rate instead of a question: "Rate your satisfaction…",
# "Please score…". "How would you rate…" is a question and passes.
_IMPERATIVE = re.compile(
    r"(?:^|[.:;!?]\s*)(?:please\s+|kindly\s+)?"
    r"(rate|score|grade|evaluate|assess|indicate|tell us|let us know|give us)\b"
)


def indirect(text: str) -> str | None:
    """An instruction or a bare phrase where a scale question should ask directly."""
    normal = _normal(text)
    match = _IMPERATIVE.search(normal)
    if match:
        return text.strip()
    if "?" not in normal:
        return text.strip()
    return None


# --- double-barrelled -------------------------------------------------------------------

# "and" inside these names one thing.
_FIXED = (
    "terms and conditions",
    "rock and roll",
    "rock 'n' roll",
    "salt and pepper",
    "friends and family",
    "bed and breakfast",
    "fish and chips",
    "bread and butter",
    "mac and cheese",
    "macaroni and cheese",
    "sweet and sour",
    "surf and turf",
    "pros and cons",
    "ups and downs",
    "odds and ends",
    "trial and error",
    "back and forth",
    "up and running",
    "peace and quiet",
    "pick and mix",
    "click and collect",
    "wear and tear",
    "health and safety",
    "research and development",
    "arts and crafts",
    "more and more",
    "over and over",
    "safe and sound",
    "nice and ",
    "dos and don'ts",
    "q and a",
)
# Two verbs of one action: "come and visit", "come back and try", "go and see".
_ONE_ACTION = re.compile(r"\b(?:come|go|back|try|wait|stop by|drop in|pop in)\s+and\s+\w+")
# A span: "the time between booking and your appointment", "between 1 and 5".
_BETWEEN = re.compile(r"\bbetween\s+(?:\S+\s+){0,4}?and\s+\S+")
_JOINED = re.compile(r"\b(and|as well as|along with)\b|\s&\s")
# "…, and why?" asks for the reason of the same answer, not a second question.
_AND_WHY = re.compile(r"\band why\b")


def double_barrelled(text: str) -> str | None:
    """Two subjects joined by "and" (or "as well as", "&") in one question."""
    normal = _normal(text)
    hidden = normal
    for phrase in _FIXED:
        hidden = hidden.replace(phrase, "_" * len(phrase))
    for pattern in (_ONE_ACTION, _BETWEEN, _AND_WHY):
        hidden = pattern.sub(lambda m: "_" * len(m.group(0)), hidden)
    for match in _JOINED.finditer(hidden):
        before = _WORD.findall(normal[: match.start()])
        after = _WORD.findall(normal[match.end() :])
        if not before or not after:
            continue
        if before[-1].isdigit() and after[0].isdigit():
            continue
        left = before[-2:] if before[-2:-1] and before[-2] in _DETERMINERS else before[-1:]
        right = after[:2] if after[0] in _DETERMINERS and len(after) > 1 else after[:1]
        return " ".join([*left, match.group(0).strip(), *right])
    return None


_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "its", "their", "my", "this", "that"})


# --- leading or loaded ------------------------------------------------------------------

_TAG_QUESTION = re.compile(
    r"\b(?:don't|do not|wouldn't|would not|isn't|aren't|didn't|won't|doesn't|can't|shouldn't)"
    r"\s+you\s+(?:agree|say|think|feel|find|like|love)\b"
    # A negative question presumes "yes": "Wasn't the new menu better…?"
    r"|^(?:wasn't|weren't|isn't|aren't|didn't|don't|doesn't|won't|wouldn't|hasn't|haven't)\b"
    # Asking for agreement with a statement invites polite agreement.
    r"|\bdo you agree (?:that|with)\b"
    r"|,\s*(?:isn't|aren't|wasn't|weren't|don't|doesn't|didn't|won't|wouldn't|can't|couldn't"
    r"|hasn't|haven't|right)\b(?:\s+\w+)?\s*\?\s*$"
)
# Praise in the question tells the respondent the answer.
_PRAISE = re.compile(
    r"\b(amazing|excellent|great|wonderful|fantastic|awesome|outstanding|superb|brilliant"
    r"|delicious|lovely|incredible|exceptional|perfect|beautiful|stunning|award-winning"
    r"|famous|beloved|best-selling|world-class|legendary)\b(?! deal| many)"
)
# A question that presumes the answer: "How much did you enjoy…", "What did you love…".
_PRESUMING = re.compile(
    r"\bhow much (?:did|do) you (?:enjoy|love|like|appreciate)\b"
    r"|\bwhat (?:did|do) you (?:love|enjoy|adore)\b"
    r"|\bwhy (?:did|do) you (?:love|like|enjoy|prefer)\b"
    r"|\bhow (?:delighted|thrilled|pleased)\b"
)
# Others' opinion as a cue: "Most of our customers love…", "As you know…".
# ("How many people are in your household?" counts people; it cites no one.)
_PEOPLE = r"(?:customers|clients|guests|patients|people|users|members|visitors)"
_SOCIAL = re.compile(
    rf"\b(?:most|many|all) of (?:our |the )?{_PEOPLE}\b"
    rf"|\b(?:most|many|all|our) {_PEOPLE} (?:love|like|enjoy|prefer|say|agree|think|choose|rate)"
    r"|\beveryone\b|\beverybody\b|\bas you know\b|\bobviously\b"
    r"|\bof course\b|\bexperts (?:say|agree)\b"
)
# "Should we…?", "Could our staff have been…?", "…think we should…": a modal
# that puts the business's idea into a closed question. In an open question
# ("What could we do better?") it asks for ideas and is fine.
_MODAL = re.compile(
    r"^(?:should|could|might|ought)\b"
    r"|\b(?:we|you|they|it|our \w+)\s+(?:should|ought to)\b"
)
_FEEL = re.compile(r"\bfeel\b")


def leading(text: str, kind: QuestionType) -> str | None:
    """Wording that suggests the answer, or a loaded word, in one question."""
    normal = _normal(text)
    patterns = [_TAG_QUESTION, _PRAISE, _PRESUMING, _SOCIAL]
    closed = kind not in (QuestionType.SHORT_TEXT, QuestionType.OPEN_TEXT)
    if closed:
        patterns.append(_MODAL)
    # "How do you feel about…" on a scale asks for an emotion the scale's
    # labels do not measure; "feel" is loaded only there.
    if closed and kind not in (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE):
        patterns.append(_FEEL)
    for pattern in patterns:
        match = pattern.search(normal)
        if match:
            return match.group(0).strip(" ,?")
    return None


# --- double negatives -------------------------------------------------------------------

_DOUBLE_NEGATIVE = re.compile(
    r"\bnot\s+(?:un\w{4,}|dis(?:agree|like|satisfied|appointed|organi[sz]ed|honest)\w*"
    r"|in(?:convenient|accurate|correct|sufficient|adequate|competent|consistent|efficient)"
    r"|im(?:polite|possible|practical|patient|proper)|ir(?:regular|relevant|responsible)"
    r"|non-\w+)"
    r"|\b(?:don't|do not|didn't|did not|doesn't|does not)\s+disagree\b"
)


def double_negative(text: str) -> str | None:
    match = _DOUBLE_NEGATIVE.search(_normal(text))
    return match.group(0) if match else None


# --- grids ------------------------------------------------------------------------------

_GRID_ANY = re.compile(
    r"\b(?:rate|score|grade|evaluate|rank|assess)\b.*\b(?:each|the following|the items? below"
    r"|these items|all of these)\b"
    r"|\b(?:for|with|about|of) each of\b"
)
_GRID_NO_OPTIONS = re.compile(r"\bthe following\b|\bbelow\b|\beach of\b")
# A colon or question mark followed by a list of three or more items.
_LISTED = re.compile(r"[:?]\s*([^,;/]+(?:\s*[,;/]\s*[^,;/]+){2,})$")


def grid(text: str, has_options: bool) -> str | None:
    """A question that lists several items to rate, as a grid would."""
    normal = _normal(text)
    match = _GRID_ANY.search(normal)
    if match:
        return match.group(0)
    if has_options:
        return None  # "Which of the following…" names its options, not a grid
    match = _GRID_NO_OPTIONS.search(normal) or _LISTED.search(normal.rstrip(" ."))
    return match.group(0).strip(":? ") if match else None


# --- validated wording ------------------------------------------------------------------

_CONTEXT = r"(?:(?:based on|thinking about|thinking of|after|following) [^,?]{1,80},\s*)?"
STANDARD = {
    QuestionType.NPS: re.compile(
        _CONTEXT + r"how likely are you to recommend .{1,60}? to a friend or colleague\?$"
    ),
    QuestionType.CSAT: re.compile(
        _CONTEXT + r"how satisfied (?:or dissatisfied )?(?:were|are) you with .{1,100}\?$"
    ),
    QuestionType.CES: re.compile(_CONTEXT + r".{1,60}? made it easy for me to .{1,80}\.$"),
}


def is_standard(text: str, kind: QuestionType) -> bool:
    """Whether an NPS/CSAT/CES wording follows the instrument's standard form."""
    return bool(STANDARD[kind].match(_normal(text)))


# --- options ----------------------------------------------------------------------------

_NONE_LIKE = re.compile(
    r"^(?:none|none of (?:the above|these|them|this)|neither|nothing|not applicable|n/?a"
    r"|no preference|i don't know|don't know|not sure|other|others|something else"
    r"|prefer not to (?:say|answer)|another \w+)\b"
)


def none_like(option: str) -> bool:
    """An option that catches everyone the others miss ("Other", "None of these")."""
    return bool(_NONE_LIKE.match(_normal(option)))


def yes_no(options: list[str]) -> bool:
    return sorted(_normal(o).strip(".!") for o in options) == ["no", "yes"]


_NEGATIVE_LABEL = re.compile(
    r"\b(?:not|un\w+|dis\w+|poor|bad|difficult|hard|never|worst|terrible|awful|low|useless)\b"
)
_POSITIVE_LABEL = re.compile(
    r"\b(?:satisfied|likely|agree|excellent|good|great|easy|useful|helpful|always|best|high"
    r"|love|very much)\b"
)


def polarity(label: str) -> int:
    """+1 for a label at the good end of a scale, -1 at the bad end, 0 when unclear."""
    normal = _normal(label)
    if _NEGATIVE_LABEL.search(normal):
        return -1
    return 1 if _POSITIVE_LABEL.search(normal) else 0
