"""The contacts export: every field the import understands, Excel-safe, and imported
back into an empty workspace it gives the same contacts."""

from __future__ import annotations

import csv

import pytest

import contacts as cf
from storage import contacts as contact_store
from storage import opt_outs
from storage.workspace import Workspace
from tests.contacts.test_layouts import import_fixture


def snapshot(workspace: Workspace) -> list[tuple]:
    """Everything a contact is, but its id, dates of writing and consent dates."""
    return sorted(
        (
            c.name, c.furigana, c.phone, c.phone_kind, c.email, c.language, c.birthday,
            c.last_visit, c.tags, tuple(sorted(c.attributes.items())),
            tuple(sorted((v, k) for v, k, _label in c.phones)),
            tuple(sorted(v for v, _label in c.emails)),
            tuple(sorted(c.consents)), tuple(sorted(c.opt_outs)),
        )
        for c in contact_store.iterate_all(workspace.db())
    )  # fmt: skip


def test_an_export_imports_back_to_the_same_contacts(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    with Workspace.open(first) as workspace:
        for name in ("google_contacts.csv", "pos_airregi_cp932.csv", "excel_unicode_text.txt",
                     "shopify_customers.csv"):  # fmt: skip
            import_fixture(workspace, name)
        db = workspace.db()
        hostile = contact_store.add(
            db, name="=HYPERLINK(\"https://evil.example\")", phone="+819087650001",
            phone_kind="mobile", attributes={"note": "+1 call", "言語": "日本語"}, language="ja",
        )  # fmt: skip
        opt_outs.opt_out(db, hostile, "sms", source="reply")
        exported = tmp_path / "contacts.csv"
        count = cf.export_contacts(db, exported)
        before = snapshot(workspace)
    assert count == len(before)
    raw = exported.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    with exported.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == list(cf.EXPORT_HEADER)
    # No cell a spreadsheet would run.
    starts = {cell[0] for row in rows for cell in row.values() if cell}
    assert not starts & set("=+-@")
    with Workspace.open(second) as workspace:
        table = cf.read_table(exported)
        mapping, _ = cf.mapping_for(workspace.db(), table.header)
        outcome = cf.run_import(workspace.db(), table, mapping, "JP")
        assert outcome.problems == [] and outcome.merges == []
        assert snapshot(workspace) == before


def test_the_export_can_be_cancelled_and_leaves_no_file(tmp_path, workspace):
    import_fixture(workspace, "google_contacts.csv")
    target = tmp_path / "out.csv"
    target.write_text("the owner's older file", encoding="utf-8")
    seen = []

    def stop(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(cf.ExportCancelled):
        cf.export_contacts(workspace.db(), target, stop)
    assert seen == [(0, 4)]
    assert target.read_text(encoding="utf-8") == "the owner's older file"
    assert list(tmp_path.glob(".koe-contacts-*")) == []  # no half-written file left

    done = []
    assert cf.export_contacts(workspace.db(), target, lambda d, t: done.append((d, t))) == 4
    assert done[-1] == (4, 4)
