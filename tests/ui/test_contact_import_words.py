"""The import dialog's words for the engine's problems: what an import will do in the
preview, what it did in the report after it."""

from __future__ import annotations

from surveys.problems import Problem
from tests.ui.showing import translated
from ui.common.problem_words import problem_text
from ui.contacts import import_words as words


def test_each_wording_of_the_report_after_an_import_is_an_engine_wording(qapp):
    """Keyed by the engine's wordings, each with the same English (a wording changed in
    the engine and not here would lose its past tense silently)."""
    with translated("en"):
        done = words._done_wordings()
    assert done and all(english == wording for wording, english in done.items())


def test_the_report_after_an_import_says_in_japanese_what_was_done(qapp):
    """In Japanese the preview says what will be done, the report what was done: every
    wording differs between the two, and reads in the past tense after."""
    with translated("ja"):
        done = words._done_wordings()
        before = {wording: problem_text(Problem(wording)) for wording in done}
    for wording, after in done.items():
        assert after != before[wording], wording
        assert "ました" in after or "でした" in after, after
        assert "ました" not in before[wording] and "でした" not in before[wording], before[wording]
