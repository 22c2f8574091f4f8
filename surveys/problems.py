"""What went wrong, said so that the window can put it in the owner's language.

Code outside ``ui/`` has no Qt and cannot translate. It says what went wrong as
a ``Problem``: an English sentence with ``{name}`` placeholders (the wording,
which is also its key) and the values that fill them. Each sentence is written
inside ``QT_TRANSLATE_NOOP(CONTEXT, …)``, so Qt's lupdate collects it into the
catalogues like any ``self.tr`` text (tools/i18n.py reads channels/, storage/
and web/ too); ``ui.common.problem_words`` translates and fills it. ``str(problem)``
is the English sentence: for the log, the command line, and the columns that
keep it (the outbox's ``error``).

A value may be a Problem itself (a cause: "Gave up after {tries} attempts:
{cause}", a reason: "no answer in time"), or words that came from elsewhere,
kept as they came: a provider's own reply, an address, a path (``detail``).
``Problem.plain`` wraps text Koe did not write: shown as it is, in any language.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CONTEXT = "Problems"  # the catalogue context of every problem's wording
_PLAIN = "{detail}"  # the wording of text Koe did not write: itself


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate reads
    """``text`` unchanged; the call marks it for lupdate (no Qt is imported here)."""
    return text


@dataclass(frozen=True)
class Problem:
    """A wording (English, with ``{name}`` placeholders) and the values that fill it."""

    text: str
    params: Mapping[str, str | int | Problem] = field(default_factory=dict)

    @classmethod
    def plain(cls, text: str) -> Problem:
        """Words Koe did not write (a provider's, the system's): shown as they are."""
        return cls(_PLAIN, {"detail": text})

    @property
    def is_plain(self) -> bool:
        return self.text == _PLAIN

    def fill(self, wording: str, say: Any = str) -> str:
        """``wording`` (this problem's text, perhaps translated) filled with the values,
        a cause said by ``say``; a wording that does not fit its values is shown unfilled
        rather than lost."""
        values = {
            name: say(value) if isinstance(value, Problem) else str(value)
            for name, value in self.params.items()
        }
        try:
            return wording.format_map(values)
        except (KeyError, IndexError, ValueError):
            return wording

    def __str__(self) -> str:
        return self.fill(self.text)

    def to_data(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "params": {
                name: value.to_data() if isinstance(value, Problem) else value
                for name, value in self.params.items()
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_data(cls, data: object) -> Problem | None:
        """The problem ``to_data`` gave, or None for anything else (never raises)."""
        if not isinstance(data, Mapping) or not isinstance(data.get("text"), str):
            return None
        raw = data.get("params", {})
        if not isinstance(raw, Mapping):
            return None
        params: dict[str, str | int | Problem] = {}
        for name, value in raw.items():
            if isinstance(value, Mapping):
                inner = cls.from_data(value)
                if inner is None:
                    return None
                params[str(name)] = inner
            elif isinstance(value, str | int) and not isinstance(value, bool):
                params[str(name)] = value
            else:
                return None
        return cls(data["text"], params)

    @classmethod
    def from_json(cls, text: str | None) -> Problem | None:
        """The stored problem, or None when there is none or it cannot be read."""
        if not text:
            return None
        try:
            return cls.from_data(json.loads(text))
        except ValueError:
            return None


def as_problem(value: Problem | str) -> Problem:
    """``value`` as a Problem: text Koe did not word is kept as it is."""
    return value if isinstance(value, Problem) else Problem.plain(value)


class Explained(Exception):
    """An error that says what went wrong as a ``Problem`` (``problem``), for the window
    to word in its language; ``str()`` is the English sentence."""

    def __init__(self, problem: Problem | str) -> None:
        self.problem = as_problem(problem)
        super().__init__(str(self.problem))
