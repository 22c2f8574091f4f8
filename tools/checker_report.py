"""Print the best-practice checker's figures on the labelled set.

    uv run python tools/checker_report.py            # summary and per-rule tables
    uv run python tools/checker_report.py --details  # and every miss and false alarm

The labelled set is tests/surveys/labelled_questions.py. Its "design" batch
was written before the rules and the rules were designed with it in view; the
"holdout" batches were written afterwards and measured once, so they give the
out-of-sample figures. First measurement of each held-out batch, before any
change it prompted:

    holdout   en: 16 good, 0 false alarms; 16 bad, 2 misses, 1 false alarm
              ja: 16 good, 0 false alarms; 16 bad, 4 misses, 0 false alarms
    holdout2  en:  8 good, 0 false alarms;  7 bad, 0 misses, 0 false alarms
              ja:  8 good, 0 false alarms;  8 bad, 1 miss,   0 false alarms

The first held-out batch led to fixes (see git log); the second was not tuned.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from surveys.checker import RULES  # noqa: E402
from tests.surveys.labelled_questions import measure, rule_table, summary_table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    outcomes = measure()
    print(summary_table(outcomes))
    print()
    tagged = {tag for o in outcomes for tag in o.item.tags}
    alarmed = {rule for o in outcomes for rule in o.false_alarms}
    print(rule_table(outcomes, [r.id for r in RULES if r.id in tagged | alarmed]))
    if args.details:
        print()
        for outcome in outcomes:
            if outcome.missed or outcome.false_alarms:
                item = outcome.item
                print(
                    f"{item.key}: {item.question.text[item.language]}"
                    f"  missed={sorted(outcome.missed)} false={sorted(outcome.false_alarms)}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
