"""How fast Koe stores answers, against bare SQLite inserts of the same rows.

Run: ``uv run python bench/record_responses.py [N]``. Prints responses per
second for ``storage.responses.record`` (validation of the form, one
transaction per response, as the web server does) and for the ceiling: raw
``sqlite3`` inserting the same rows, one transaction each, on the same kind of
file in the same run. The ratio is what Koe's own layers cost.
"""

from __future__ import annotations

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
from storage.workspace import Workspace  # noqa: E402
from surveys.model import SurveyStatus  # noqa: E402
from surveys.templates import survey_from_template  # noqa: E402


def koe_rate(folder: Path, count: int) -> float:
    with Workspace.open(folder) as workspace:
        db = workspace.db()
        survey = survey_from_template("nps", languages=("ja", "en"))
        survey.slug = new_slug()
        survey = survey_store.create(db, survey)
        survey = survey_store.set_status(db, survey.id or 0, SurveyStatus.OPEN)
        started = time.perf_counter()
        for i in range(count):
            form = {"nps": str(i % 11), "reason": "スタッフの対応が丁寧でした。"}
            responses.record(db, survey, survey.parse_answers(form), language="ja")
        return count / (time.perf_counter() - started)


def ceiling_rate(folder: Path, count: int) -> float:
    conn = sqlite3.connect(str(folder / "bare.sqlite3"), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE responses (id INTEGER PRIMARY KEY, survey_id, language, created_at)")
    conn.execute("CREATE TABLE answers (response_id, question_id, value_num, value_text)")
    started = time.perf_counter()
    for i in range(count):
        conn.execute("BEGIN")
        cursor = conn.execute(
            "INSERT INTO responses (survey_id, language, created_at) VALUES (1, 'ja', 'now')"
        )
        conn.executemany(
            "INSERT INTO answers VALUES (?, ?, ?, ?)",
            [(cursor.lastrowid, 1, i % 11, None), (cursor.lastrowid, 2, None, "スタッフ")],
        )
        conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return count / elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as tmp:
        koe = koe_rate(Path(tmp) / "ws", count)
        ceiling = ceiling_rate(Path(tmp), count)
    print(f"responses stored:       {count}")
    print(f"Koe record():           {koe:,.0f} responses/s")
    print(f"bare sqlite3 ceiling:   {ceiling:,.0f} responses/s")
    print(f"ratio Koe / ceiling:    {koe / ceiling:.2f}")


if __name__ == "__main__":
    main()
