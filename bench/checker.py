"""How long the best-practice checker takes on every keystroke in the designer.

Run: ``uv run python bench/checker.py [--runs N]``. Checks a bilingual survey made of
every template's questions (13, with an SMS invitation) many times and prints the time
per check, against the ceiling measured in the same run: the designer's own
unavoidable work per keystroke, a deep copy of the same survey (its undo
snapshot). The designer waits 150 ms after the last key before checking, so
anything under a few milliseconds is invisible to the user.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from surveys.checker import check
from surveys.model import Survey, SurveyKind
from surveys.templates import TEMPLATES, survey_from_template
from surveys.text import LocalText

RUNS = 300


def survey() -> Survey:
    questions = [
        replace(q, qid=f"{key}_{q.qid}")
        for key in TEMPLATES
        for q in survey_from_template(key, languages=("ja", "en"), company="Café Koe").questions
        if q.follow_up_of is None
    ][:15]
    return Survey(
        kind=SurveyKind.CUSTOM,
        title=LocalText(en="Bench", ja="ベンチ"),
        questions=questions,
        languages=("ja", "en"),
        channels=("sms", "qr"),
        invitation=LocalText(en="Hi {name}, how did we do? {link}", ja="{name}様、{link}"),
    )


def per_call(action, target: Survey, runs: int) -> float:
    action(target)
    started = time.perf_counter()
    for _ in range(runs):
        action(target)
    return (time.perf_counter() - started) / runs


def main() -> None:
    parser = argparse.ArgumentParser(
        description="The designer's check per keystroke against a deep copy of the survey"
        " (its undo snapshot, the ceiling)."
    )
    parser.add_argument("--runs", type=int, default=RUNS, help=f"calls of each (default {RUNS})")
    runs = max(1, parser.parse_args().runs)
    target = survey()
    checked = per_call(check, target, runs)
    copied = per_call(copy.deepcopy, target, runs)
    print(f"questions:                 {len(target.questions)} (ja and en)")
    print(f"check() per keystroke:     {checked * 1000:.2f} ms")
    print(f"deepcopy of the survey:    {copied * 1000:.2f} ms (ceiling, same run)")
    print(f"ratio check / deepcopy:    {checked / copied:.1f}")
    print(f"load average:              {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
