"""How fast Koe imports contacts, against reading the same CSV and inserting it bare.

Run: ``uv run python bench/import_contacts.py [--rows N] [--repeat R]`` (default 50,000). Writes a
CP932 CSV as Japanese Excel saves it (氏名, 電話番号 with hyphens, メールアドレス,
店舗, プラン), then times, in the same run on the same kind of file:

- Koe: ``read_table`` (encoding detected), ``propose_mapping``, and
  ``contact_files.run_import`` (every phone to E.164 with its kind through
  phonenumbers' metadata, every email through email-validator, each distinct
  value once; rows merged; the workspace matched; one transaction);
- the ceiling: the same work by the shortest path. Python's ``csv`` module
  reads the file (its encoding named, not detected); each distinct phone goes
  through the same library, ``phonenumbers.parse`` + ``number_type`` to E.164
  and its kind, each distinct email through ``email_validator.validate_email``
  (no deliverability check, as Koe); one ``executemany`` stores the rows with
  the columns Koe fills (phone, its kind, email, attributes as JSON) into the
  same schema (a fresh Koe workspace's ``contacts`` table, with its UNIQUE phone
  and its indexes), one transaction. No mapping guess, no merge, no matching
  against the workspace, no messages: only what every imported row needs.

Koe's own phone reader skips ``phonenumbers.parse`` for the common shapes
(contacts/phones.py) and validates each email domain once, so Koe beats this
ceiling: the ratio above 1 says by how much the libraries' public API is the
slower path. For a bound that no import can pass, the bench also times moving
the bytes alone: the same csv rows inserted as they are, nothing parsed.
Prints contacts per second for all three and the ratios.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import phonenumbers  # noqa: E402
from email_validator import validate_email  # noqa: E402

import contacts as contact_files  # noqa: E402
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


def koe_rate(folder: Path, source: Path) -> tuple[float, float, int]:
    """Contacts per second of elapsed time and of this process's CPU time."""
    with Workspace.open(folder / "ws") as workspace:
        db = workspace.db()
        started, cpu = time.perf_counter(), time.process_time()
        table = contact_files.read_table(source)
        mapping = contact_files.propose_mapping(table.header)
        outcome = contact_files.run_import(db, table, mapping, "JP")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        stored = contact_store.count(db)
    assert outcome.created == stored, "every row should have been imported"
    return stored / elapsed, stored / cpu, stored


def ceiling_rate(folder: Path, source: Path) -> tuple[float, float]:
    """The same file into the same schema (a Koe workspace's contacts table, its
    indexes and PRAGMAs) with the same libraries' parsing of each distinct phone and
    email, by the shortest path. Rows per second of elapsed time and of CPU time."""
    with Workspace.open(folder / "bare") as workspace:
        path = workspace.db_path
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    kinds = {
        phonenumbers.PhoneNumberType.MOBILE: "mobile",
        phonenumbers.PhoneNumberType.FIXED_LINE: "landline",
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE: "mobile",
    }
    phones: dict[str, tuple[str, str]] = {}
    emails: dict[str, str] = {}

    def phone(text: str) -> tuple[str, str]:
        found = phones.get(text)
        if found is None:
            number = phonenumbers.parse(text, "JP")
            kind = kinds.get(phonenumbers.number_type(number), "other")
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            found = phones[text] = (e164, kind)
        return found

    def email(text: str) -> str | None:
        if not text:
            return None
        found = emails.get(text)
        if found is None:
            found = emails[text] = validate_email(text, check_deliverability=False).normalized
        return found

    started, cpu = time.perf_counter(), time.process_time()
    moment = "2026-01-01T00:00:00+00:00"
    with source.open(encoding="cp932", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        keys = header[3:]
        rows = []
        for r in reader:
            e164, kind = phone(r[1])
            attributes = json.dumps(dict(zip(keys, r[3:], strict=True)), ensure_ascii=False)
            # The sort key is indexed: a real value costs what Koe's costs.
            rows.append((r[0], r[0], e164, kind, email(r[2]), attributes, moment, moment))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO contacts (name, sort_key, phone, phone_kind, email, attributes,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    stored = conn.execute("SELECT count(*) FROM contacts WHERE phone LIKE '+81%'").fetchone()[0]
    conn.close()
    assert stored == len(rows), "every phone should have been stored as E.164"
    return len(rows) / elapsed, len(rows) / cpu


def bytes_rate(folder: Path, source: Path) -> tuple[float, float]:
    """Not a ceiling for the same work but a bound on any import: csv rows inserted
    as they are, nothing parsed, into the same schema. Rows per second (elapsed, CPU)."""
    with Workspace.open(folder / "bare") as workspace:
        path = workspace.db_path
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    started, cpu = time.perf_counter(), time.process_time()
    with source.open(encoding="cp932", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        moment = "2026-01-01T00:00:00+00:00"
        # Each column Koe fills for this file, as the file has it (the sort key is
        # indexed: a real value costs what Koe's costs).
        rows = [(r[0], r[0], r[1], r[2], r[3] + "," + r[4], moment, moment) for r in reader]
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO contacts (name, sort_key, phone, email, attributes, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return len(rows) / elapsed, len(rows) / cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Contacts imported per second by Koe, against the same libraries'"
        " parsing and inserts into the same schema (the ceiling), on the same CP932 file."
    )
    parser.add_argument(
        "--rows", type=int, default=50_000, help="rows in the file (default 50,000)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs of each, in turn (default 5): the best rate of each is shown, and the"
        " ratio is the median of each pair's (a shared machine's other work only ever"
        " slows a run down)",
    )
    arguments = parser.parse_args()
    count = arguments.rows
    with tempfile.TemporaryDirectory(prefix="koe-bench-") as tmp:
        folder = Path(tmp)
        source = folder / "contacts.csv"
        write_file(source, count)
        ceilings, koes, cpu_ratios, moved = [], [], [], []
        for run in range(max(1, arguments.repeat)):
            (folder / str(run)).mkdir()
            ceiling_run, ceiling_cpu = ceiling_rate(folder / str(run), source)
            (folder / str(run) / "bytes").mkdir()
            moved.append(bytes_rate(folder / str(run) / "bytes", source)[0])
            rate, rate_cpu, stored = koe_rate(folder / str(run), source)
            ceilings.append(ceiling_run)
            koes.append(rate)
            cpu_ratios.append(rate_cpu / ceiling_cpu)
        ceiling, koe = max(ceilings), max(koes)
        # Each Koe run next to its own ceiling run: the machine's speed drifts less
        # within a pair than across the whole bench.
        ratios = sorted(k / c for k, c in zip(koes, ceilings, strict=True))
        cpu_ratios.sort()
    middle = len(ratios) // 2
    print(f"contacts:       {stored:,} rows (CP932 CSV, {count:,} written), best of {len(koes)}")
    print(f"Koe import:     {koe:,.0f} contacts/s")
    print(f"ceiling:        {ceiling:,.0f} contacts/s (csv, phonenumbers, email-validator)")
    print(f"bytes alone:    {max(moved):,.0f} contacts/s (csv rows inserted unparsed;"
          f" Koe at {koe / max(moved):.2f} of it)")  # fmt: skip
    print(f"ratio:          {ratios[middle]:.2f} of the ceiling (median of"
          f" {len(ratios)} pairs; {min(ratios):.2f} to {max(ratios):.2f}; best/best"
          f" {koe / ceiling:.2f})")  # fmt: skip
    # CPU time: what other programs on a shared machine do changes it far less.
    print(f"in CPU time:    {cpu_ratios[middle]:.2f} of the ceiling (median; {cpu_ratios[0]:.2f}"
          f" to {cpu_ratios[-1]:.2f}); load average {os.getloadavg()[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
