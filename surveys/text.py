"""Text in several languages, and the languages Koe speaks."""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES: tuple[str, ...] = ("ja", "en")
DEFAULT_LANGUAGE = "en"


class LocalText(dict[str, str]):
    """A piece of text keyed by language code ("ja", "en").

    ``get_for`` falls back to any language that has text, so a respondent never
    sees an empty question because one translation is missing.
    """

    def get_for(self, language: str) -> str:
        if self.get(language):
            return self[language]
        for fallback in (DEFAULT_LANGUAGE, *LANGUAGES):
            if self.get(fallback):
                return self[fallback]
        return next((value for value in self.values() if value), "")

    @classmethod
    def of(cls, value: Mapping[str, str] | None) -> LocalText:
        return cls({k: v for k, v in (value or {}).items() if isinstance(v, str)})


def normalise_language(value: str | None, *, default: str = DEFAULT_LANGUAGE) -> str:
    """Map a locale name such as "ja_JP" or "en-US" to one of LANGUAGES."""
    if not value:
        return default
    code = value.replace("-", "_").split("_", 1)[0].lower()
    return code if code in LANGUAGES else default
