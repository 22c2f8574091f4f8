"""How fast Koe stores answers, against plain SQL storing the same rows in the same schema.

Run: ``uv run python bench/record_responses.py [--responses N] [--repeat R]``.

Koe: ``storage.responses.record`` (the form validated by ``Survey.parse_answers``,
one ``writing`` transaction per response, as the web server does).

The ceiling, in the same run: a second workspace created by Koe's own
migrations (the same tables, indexes, foreign keys and triggers; the comment
search index is left for its catch-up in both, storage.comment_index) with the
same survey, and plain ``sqlite3`` storing the same rows (a response numbered
for sync as Koe numbers it, and its two answers, with the same columns) with
the same pragmas, one ``BEGIN IMMEDIATE`` …
``COMMIT`` per response. It skips only Koe's own Python (validation, the
question-id lookup, sqlite-utils), so it is the fastest way to do the same
writes: the ratio is what Koe's layers cost, not what the schema costs.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from channels.links import new_slug  # noqa: E402
from storage import responses  # noqa: E402
from storage import surveys as survey_store  # noqa: E402
from storage.database import BUSY_TIMEOUT_MS  # noqa: E402
from storage.workspace import Workspace  # noqa: E402
from surveys.model import Survey, SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402

COMMENT = "スタッフの対応が丁寧でした。"
MOMENT = "2026-12-03T08:00:00+00:00"


def _open_survey(workspace: Workspace) -> Survey:
    survey = survey_from_template("nps", languages=("ja", "en"))
    survey.slug = new_slug()
    survey = survey_store.create(workspace.db(), survey)
    return survey_store.set_status(workspace.db(), survey.id or 0, SurveyStatus.OPEN)


def koe_rate(folder: Path, count: int) -> float:
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        survey = _open_survey(workspace)
        started = time.perf_counter()
        for i in range(count):
            form = {"nps": str(i % 11), "reason": COMMENT}
            responses.record(db, survey, survey.parse_answers(form), language="ja")
        elapsed = time.perf_counter() - started
        assert responses.count(db, survey.id or 0) == count
    return count / elapsed


def ceiling_rate(folder: Path, count: int) -> float:
    with Workspace.open(folder) as workspace:
        survey = _open_survey(workspace)
        ids = survey_store.question_ids(workspace.db(), survey.id or 0)
        path = workspace.db_path
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    score_id, reason_id = ids["nps"], ids["reason"]
    wording = dict(
        conn.execute("SELECT id, wording FROM questions WHERE survey_id = ?", [survey.id])
    )
    started = time.perf_counter()
    for i in range(count):
        conn.execute("BEGIN IMMEDIATE")
        # Numbered for sync as Koe numbers it: once, with its answers (schema 0027).
        response_id = conn.execute(
            "INSERT INTO responses (survey_id, channel, language, created_at, completed_at,"
            " updated_at, uid, seq) VALUES (?, 'link', 'ja', ?, ?, ?,"
            " lower(hex(randomblob(16))), (SELECT seq + 1 FROM sync_counter WHERE id = 1))",
            (survey.id, MOMENT, MOMENT, MOMENT),
        ).lastrowid
        conn.executemany(
            "INSERT INTO answers (response_id, question_id, value_num, value_text, wording)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                (response_id, score_id, i % 11, None, wording[score_id]),
                (response_id, reason_id, None, COMMENT, wording[reason_id]),
            ),
        )
        conn.execute("UPDATE sync_counter SET seq = seq + 1 WHERE id = 1")
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    stored = conn.execute("SELECT count(*) FROM answers").fetchone()[0]
    conn.close()
    assert stored == 2 * count
    return count / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Responses stored per second by Koe against plain SQL doing the same"
        " writes into a schema made by Koe's migrations (the ceiling)."
    )
    parser.add_argument("--responses", type=int, default=5000, help="per run (default 5,000)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each, alternating; the best is shown"
    )
    arguments = parser.parse_args()
    count = arguments.responses
    koes, ceilings = [], []
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        for run in range(max(1, arguments.repeat)):
            koes.append(koe_rate(Path(tmp) / f"koe{run}", count))
            ceilings.append(ceiling_rate(Path(tmp) / f"bare{run}", count))
    koe, ceiling = max(koes), max(ceilings)
    print(f"responses stored:       {count:,} per run, best of {len(koes)}")
    print(f"Koe record():           {koe:,.0f} responses/s")
    print(f"ceiling:                {ceiling:,.0f} responses/s (plain SQL, same schema and rows)")
    print(f"ratio Koe / ceiling:    {koe / ceiling:.2f}")
    print(f"load average:           {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
