"""Contacts in storage: search, paging, editing with consent and opt-outs,
deleting with all personal data, and segments evaluated in SQL."""

from __future__ import annotations

import pytest

from channels.links import new_token
from storage import contact_deletion, deliveries, opt_outs, segments
from storage import contacts as contact_store
from storage.segments import Condition, SegmentError


@pytest.fixture
def db(workspace):
    db = workspace.db()
    people = [
        ("Aoi", "+819011110001", "aoi@example.com", {"store": "shibuya", "plan": "premium"}),
        ("Ren", "+819011110002", "ren@example.com", {"store": "shibuya", "plan": "basic"}),
        ("山田", "+819011110003", None, {"store": "shinjuku", "plan": "standard"}),
        ("Mika", None, "mika@example.com", {"store": "shibuya", "plan": "standard"}),
        ("Kei", "+81312345678", None, {}),
    ]
    for name, phone, email, attributes in people:
        contact_store.add(db, name=name, phone=phone, email=email, attributes=attributes)
    return db


def names(contacts):
    return [c.name for c in contacts]


def test_search_finds_names_phones_emails_and_attribute_values(db):
    def search(text):
        return names(contact_store.page(db, search=text))

    assert search("aoi") == ["Aoi"]
    assert search("山田") == ["山田"]
    assert search("090-1111-0002") == ["Ren"]  # typed as people type it
    assert search("example.com") == ["Aoi", "Ren", "Mika"]
    assert search("shinjuku") == ["山田"]
    assert search("shibuya standard") == ["Mika"]  # every word must match
    assert search("100%") == []


def test_search_reads_kana_widths_and_dashes_as_people_type_them(db):
    """Hiragana typed finds a reading (furigana, stored in katakana) and a name in
    katakana, and the other way round; full-width letters and digits, and a number
    typed with full-width digits and the long mark as dashes, find what is stored."""
    from contacts import ContactDraft, EmailEntry, PhoneEntry
    from storage import contact_imports

    contact_imports.store(db, [
        ContactDraft(row=2, name="山田 花子", furigana="ヤマダ ハナコ", phone="+819022223333",
                     phone_kind="mobile", phones=[PhoneEntry("+81355556666", "landline", "自宅")],
                     emails=[EmailEntry("hanako@work.example.jp", "")]),
        ContactDraft(row=3, name="さくら", email="sakura@example.jp"),
        ContactDraft(row=4, name="サトウ ＡＢＣ商店", email="abc@example.jp"),
    ])  # fmt: skip

    def search(text):
        return names(contact_store.page(db, search=text))

    assert search("やまだ") == ["山田 花子"]  # hiragana typed, the reading in katakana
    assert search("ヤマダハナコ") == ["山田 花子"]  # without the space the reading has
    assert search("ﾔﾏﾀﾞ") == ["山田 花子"]  # half-width katakana
    assert search("サクラ") == ["さくら"]  # katakana typed, a name in hiragana
    assert search("さとう abc") == ["サトウ ＡＢＣ商店"]  # width and case too
    assert search("０９０ー２２２２ー３３３３") == ["山田 花子"]  # full-width, ー as dashes
    assert search("090−2222") == ["山田 花子"]  # the minus sign as a dash
    assert search("03-5555-6666") == ["山田 花子"]  # a number kept beside the mobile
    assert search("work.example") == ["山田 花子"]  # an address kept beside the main one
    assert search("やまだ さくら") == []  # every word must match


def test_hiragana_and_katakana_names_sort_together(db):
    for name in ("さとう", "サイトウ", "すずき", "シマダ"):
        contact_store.add(db, name=name)
    ordered = names(contact_store.page_by_name(db, limit=50))
    kana = [name for name in ordered if name in ("さとう", "サイトウ", "すずき", "シマダ")]
    assert kana == ["サイトウ", "さとう", "シマダ", "すずき"]  # 五十音順, whatever the script


def test_pages_are_read_by_id(db):
    first = contact_store.page(db, limit=2)
    second = contact_store.page(db, after_id=first[-1].id, limit=2)
    assert names(first + second) == ["Aoi", "Ren", "山田", "Mika"]


def test_segments_filter_on_attributes_in_sql(db):
    conditions = [
        Condition("store", segments.OP_IN, ("shibuya",)),
        Condition("plan", segments.OP_IN, ("premium", "standard")),
    ]
    saved = segments.save(db, "Shibuya paying", conditions)
    assert segments.list_all(db) == [saved]
    where = segments.clause(saved.conditions)
    assert names(contact_store.page(db, segment=where)) == ["Aoi", "Mika"]
    assert contact_store.count_matching(db, segment=where) == 2
    assert contact_store.count_matching(db, search="mika", segment=where) == 1
    empty = segments.clause([Condition("store", segments.OP_EMPTY)])
    assert names(contact_store.page(db, segment=empty)) == ["Kei"]
    not_in = segments.clause([Condition("plan", segments.OP_NOT_IN, ("basic",))])
    assert contact_store.count_matching(db, segment=not_in) == 4
    contains = segments.clause([Condition("store", segments.OP_CONTAINS, ("SHIN",))])
    assert names(contact_store.page(db, segment=contains)) == ["山田"]
    with pytest.raises(SegmentError, match="already"):
        segments.save(db, "Shibuya paying", [])
    renamed = segments.save(db, "Shibuya", conditions, saved.id)
    assert renamed.name == "Shibuya"
    segments.delete(db, saved.id)
    assert segments.list_all(db) == []
    assert contact_store.attribute_names(db) == ["plan", "store"]


def test_editing_records_manual_consent_and_opt_outs(db):
    aoi = contact_store.page(db, search="aoi")[0]
    edited = contact_store.update(
        db,
        aoi.id,
        name="Aoi Tanaka",
        phone=aoi.phone,
        phone_kind="mobile",
        email="",
        language="ja",
        attributes={"store": "ebisu"},
        consents=["sms"],
        opt_outs=["email"],
    )
    assert (edited.name, edited.email, edited.language) == ("Aoi Tanaka", None, "ja")
    assert edited.consents["sms"].source == contact_store.CONSENT_MANUAL
    assert edited.opt_outs == {"email": contact_store.CONSENT_MANUAL}
    assert contact_store.count_matching(db, status=contact_store.FILTER_OPTED_OUT) == 1
    cleared = contact_store.update(
        db,
        aoi.id,
        name="Aoi",
        phone=aoi.phone,
        phone_kind="mobile",
        email=None,
        language=None,
        attributes={},
        consents=[],
        opt_outs=[],
    )
    assert cleared.consents == {} and cleared.opt_outs == {}
    ren = contact_store.page(db, search="ren")[0]
    with pytest.raises(contact_store.ContactError, match="already has this phone"):
        contact_store.update(
            db,
            ren.id,
            name="Ren",
            phone=aoi.phone,
            phone_kind="mobile",
            email=None,
            language=None,
            attributes={},
        )


def test_deleting_a_contact_removes_their_personal_data_and_keeps_answers_anonymous(db, nps_survey):
    aoi = contact_store.page(db, search="aoi")[0]
    token = new_token()
    delivery = deliveries.create(
        db, survey_id=nps_survey.id, token=token, channel="sms", contact_id=aoi.id
    )
    db.execute(
        "INSERT INTO outbox (delivery_id, purpose, channel, recipient, body, created_at,"
        " updated_at) VALUES (?, 'invitation', 'sms', ?, 'Hi Aoi', 'now', 'now')",
        [delivery.id, aoi.phone],
    )
    opt_outs.opt_out(db, aoi.id, "email")
    contact_store.give_consent(db, aoi.id, "sms", contact_store.CONSENT_FORM)
    assert contact_deletion.delete(db, aoi.id)
    assert not contact_deletion.delete(db, aoi.id)
    assert contact_store.count_matching(db, search="aoi") == 0
    assert db.execute("SELECT contact_id FROM deliveries").fetchone()[0] is None
    assert db.execute("SELECT recipient, body FROM outbox").fetchone() == ("", "")
    for table in ("opt_outs", "consents"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_workspace_from_before_gets_its_sort_keys_worked_out_anew(tmp_path, monkeypatch):
    """Contacts stored when sort keys kept hiragana apart sort (and are found) with
    katakana once this Koe opens the file."""
    from storage import schema
    from storage.workspace import Workspace

    known = schema.migrations._migrations
    (index,) = [i for i, m in enumerate(known) if m.name.endswith("importpolish_sort_keys")]
    with monkeypatch.context() as before:
        before.setattr(schema.migrations, "_migrations", known[:index])
        with Workspace.open(tmp_path / "old") as workspace:
            db = workspace.db()
            for name in ("さとう", "サイトウ"):
                db.execute(  # as that Koe wrote them: the name's own characters
                    "INSERT INTO contacts (name, sort_key, created_at, updated_at)"
                    " VALUES (?, ?, '2026-01-01', '2026-01-01')",
                    [name, name],
                )
    with Workspace.open(tmp_path / "old") as workspace:
        db = workspace.db()
        assert names(contact_store.page_by_name(db)) == ["サイトウ", "さとう"]
        assert names(contact_store.page(db, search="サトウ")) == ["さとう"]
