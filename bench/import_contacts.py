"""How fast Koe imports contacts, against reading the same CSV and inserting it bare.

Run: ``uv run python bench/import_contacts.py [N]`` (default 50,000). Writes a
CP932 CSV as Japanese Excel saves it (氏名, 電話番号 with hyphens, メールアドレス,
店舗, プラン), then times, in the same run on the same kind of file:

- Koe: ``read_table`` (encoding detected), ``propose_mapping``, and
  ``contact_files.run_import`` (every phone to E.164 with its kind through
  phonenumbers' metadata, every email through email-validator, each distinct
  value once; rows merged; the workspace matched; one transaction);
- the ceiling: Python's ``csv`` module reading the same file and one bare
  ``executemany`` into a SQLite table with a UNIQUE phone, one transaction.

Prints contacts per second for both and the ratio: what normalising and
checking each value costs over moving the bytes.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from channels import contact_files  # noqa: E402
from storage import contacts as contact_store  # noqa: E402
from storage.workspace import Workspace  # noqa: E402


def write_file(path: Path, count: int) -> None:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["氏名", "電話番号", "メールアドレス", "店舗", "プラン"])
    stores = ("渋谷", "新宿", "池袋", "横浜")
    for i in range(count):
        phone = f"090-{1000 + i // 10000:04d}-{i % 10000:04d}"
        email = f"customer{i}@example.jp" if i % 3 else ""
        writer.writerow([f"顧客 {i}", phone, email, stores[i % 4], "standard"])
    path.write_bytes(out.getvalue().encode("cp932"))


def koe_rate(folder: Path, source: Path) -> tuple[float, int]:
    with Workspace.open(folder / "ws") as workspace:
        db = workspace.db()
        started = time.perf_counter()
        table = contact_files.read_table(source)
        mapping = contact_files.propose_mapping(table.header)
        outcome = contact_files.run_import(db, table, mapping, "JP")
        elapsed = time.perf_counter() - started
        stored = contact_store.count(db)
    assert outcome.created == stored, "every row should have been imported"
    return stored / elapsed, stored


def ceiling_rate(folder: Path, source: Path) -> float:
    conn = sqlite3.connect(str(folder / "bare.sqlite3"), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(
        "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name, phone UNIQUE, email, attributes)"
    )
    started = time.perf_counter()
    with source.open(encoding="cp932", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        rows = [(r[0], r[1], r[2], r[3] + "," + r[4]) for r in reader]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO contacts (name, phone, email, attributes) VALUES (?, ?, ?, ?)", rows
    )
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    return len(rows) / elapsed


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "contacts.csv"
        write_file(source, count)
        ceiling = ceiling_rate(folder, source)
        koe, stored = koe_rate(folder, source)
    print(f"contacts:       {stored:,} rows (CP932 CSV, {count:,} written)")
    print(f"Koe import:     {koe:,.0f} contacts/s")
    print(f"ceiling:        {ceiling:,.0f} contacts/s (csv module + bare executemany)")
    print(f"ratio:          {koe / ceiling:.2f} of the ceiling")


if __name__ == "__main__":
    main()
