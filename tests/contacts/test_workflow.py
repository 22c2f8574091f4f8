"""Preview, merges, consent and remembered mappings: what an import does to a
workspace, row by row, and nothing it should not."""

from __future__ import annotations

import pytest

import contacts as cf
from contacts.reading import parse_csv_bytes
from storage import contacts as contact_store
from storage import opt_outs
from storage.workspace import Workspace
from tests.test_cli import koe


def table(text: str, name: str = "list.csv") -> cf.Table:
    parsed = parse_csv_bytes(text.encode())
    return cf.Table(parsed.header, parsed.rows, parsed.encoding, parsed.first_row_number, name)


def run(workspace: Workspace, text: str, **options) -> cf.ImportOutcome:
    read = table(text, options.pop("file_name", "list.csv"))
    chosen = cf.ImportOptions(file_name=read.file_name, **options)
    return cf.run_import(workspace.db(), read, cf.propose_mapping(read.header), chosen)


def people(workspace: Workspace) -> list[contact_store.Contact]:
    return list(contact_store.iterate_all(workspace.db()))


SAME_PERSON = (
    "name,mobile,email\r\n"
    "Aoi,090-1111-2222,aoi@example.jp\r\n"
    "Ren,080-3333-4444,ren@example.jp\r\n"
    "Aoi Tanaka,+81 90 1111 2222,aoi.tanaka@example.com\r\n"  # same mobile, another email
    "A. Tanaka,,AOI@example.jp\r\n"  # same email (case), no phone
)


def test_merges_are_reported_and_nothing_is_dropped(workspace):
    outcome = run(workspace, SAME_PERSON)
    assert (outcome.created, outcome.merged_rows) == (2, 2)
    assert [m.reason for m in outcome.merges] == [
        "row 4 merged into row 2: same mobile; name Aoi replaced by Aoi Tanaka;"
        " email aoi@example.jp kept, aoi.tanaka@example.com added as a second email",
        "row 5 merged into row 2: same email; name Aoi Tanaka replaced by A. Tanaka",
    ]
    aoi = next(c for c in people(workspace) if c.phone == "+819011112222")
    assert aoi.email == "aoi@example.jp"
    assert aoi.emails == (("aoi.tanaka@example.com", "email"),)


def test_a_row_that_matches_a_stored_contact_updates_it_and_says_so(workspace):
    run(workspace, SAME_PERSON)
    outcome = run(
        workspace,
        "name,mobile,email,store\r\nRen,080-3333-4444,ren.new@example.jp,Shibuya\r\n",
    )
    assert (outcome.created, outcome.updated) == (0, 1)
    [merge] = outcome.merges
    assert merge.contact_id is not None and merge.into_row is None
    assert merge.reason == (
        "row 2 updates the contact already saved as Ren: same mobile;"
        " email ren@example.jp kept, ren.new@example.jp added as a second email"
    )
    ren = contact_store.get(workspace.db(), merge.contact_id)
    assert (ren.email, ren.emails, ren.attributes) == (
        "ren@example.jp", (("ren.new@example.jp", "email"),), {"store": "Shibuya"})  # fmt: skip


def test_a_mobile_found_later_takes_sms_and_the_landline_stays(workspace):
    run(workspace, "name,phone,email\r\nKen,03-1234-5678,ken@example.jp\r\n")
    outcome = run(workspace, "name,携帯,email\r\nKen,090-9999-8888,ken@example.jp\r\n")
    [merge] = outcome.merges
    assert "mobile +819099998888 now used for SMS, +81312345678 kept" in merge.reason
    [ken] = people(workspace)
    assert (ken.phone, ken.phone_kind) == ("+819099998888", "mobile")
    assert ken.phones == (("+81312345678", "landline", ""),)


def test_the_preview_writes_nothing_and_apply_writes_it_all_at_once(workspace):
    run(workspace, "name,mobile\r\nStored,090-1111-2222\r\n")
    read = table(SAME_PERSON)
    seen = []
    work = cf.preview(
        read, cf.propose_mapping(read.header), cf.ImportOptions(), db=workspace.db(),
        progress=lambda done, total: seen.append((done, total)),
    )  # fmt: skip
    assert len(people(workspace)) == 1  # nothing written yet
    # Two rows into row 2's contact, and row 2's contact into the one stored.
    assert (work.created, work.updated, work.merged_rows) == (1, 1, 3)
    assert work.draft_of(5) is work.draft_of(2)  # row 5 went into row 2's contact
    assert work.draft_of(2).contact_id == people(workspace)[0].id
    assert seen[-1] == (4, 4)
    outcome = cf.apply(workspace.db(), work)
    assert (outcome.created, outcome.updated) == (1, 1)
    assert len(people(workspace)) == 2


def test_apply_works_the_preview_out_again_when_contacts_changed(workspace):
    read = table("name,mobile\r\nNew,090-1111-2222\r\n")
    work = cf.preview(read, cf.propose_mapping(read.header), cf.ImportOptions(), db=workspace.db())
    assert work.created == 1
    contact_store.add(workspace.db(), name="Typed meanwhile", phone="+819011112222")
    outcome = cf.apply(workspace.db(), work)  # would break the UNIQUE phone if applied blind
    assert (outcome.created, outcome.updated) == (0, 1)
    assert [c.name for c in people(workspace)] == ["New"]


@pytest.mark.parametrize("where", ["preview", "apply"])
def test_a_cancel_stores_nothing(workspace, where):
    rows = "".join(f"P{i},090{10_000_000 + i}\r\n" for i in range(3000))
    read = table("name,mobile\r\n" + rows)
    mapping = cf.propose_mapping(read.header)

    def cancel(done: int, total: int) -> bool:
        return done < total // 2

    if where == "preview":
        with pytest.raises(cf.ImportCancelled):
            cf.preview(read, mapping, cf.ImportOptions(), progress=cancel)
    else:
        work = cf.preview(read, mapping, cf.ImportOptions(), db=workspace.db())
        with pytest.raises(cf.ImportCancelled):
            cf.apply(workspace.db(), work, progress=cancel)
    assert people(workspace) == []


CONSENT = (
    "name,mobile,email,Accepts SMS Marketing,Email Subscription Status\r\n"
    "Yes,090-1111-0001,yes@example.jp,yes,subscribed\r\n"
    "No,090-1111-0002,no@example.jp,no,unsubscribed\r\n"
    "Blank,090-1111-0003,blank@example.jp,,Unknown\r\n"
    "Odd,090-1111-0004,odd@example.jp,maybe,subscribed\r\n"
)


def test_consent_only_from_a_column_that_says_so(workspace):
    outcome = run(workspace, CONSENT, file_name="shop.csv")
    by_name = {c.name: c for c in people(workspace)}
    assert set(by_name["Yes"].consents) == {"sms", "email"}
    assert by_name["Yes"].consents["sms"].source == "import"
    assert (by_name["No"].consents, set(by_name["No"].opt_outs)) == ({}, {"sms", "email"})
    assert (by_name["Blank"].consents, by_name["Blank"].opt_outs) == ({}, {})
    assert set(by_name["Odd"].consents) == {"email"}
    [odd] = outcome.problems
    assert (odd.row, odd.column, odd.value) == (5, "Accepts SMS Marketing", "maybe")
    assert outcome.consent_recorded == {"sms": 1, "email": 2}
    assert outcome.opt_outs_recorded == {"sms": 1, "email": 1}
    db = workspace.db()
    assert db.execute("SELECT DISTINCT detail FROM consents").fetchall() == [("shop.csv",)]
    ledger = opt_outs.history(db, by_name["No"].id)
    assert {(o.channel, o.source) for o in ledger} == {("sms", "import"), ("email", "import")}


def test_a_yes_in_a_file_never_lifts_an_opt_out(workspace):
    run(workspace, "name,mobile\r\nTaro,090-1111-0001\r\n")
    [taro] = people(workspace)
    opt_outs.opt_out(workspace.db(), taro.id, "sms", source="reply")  # STOP by SMS
    outcome = run(workspace, "name,mobile,SMS consent\r\nTaro,090-1111-0001,yes\r\n")
    assert outcome.opt_outs_kept == 1 and outcome.consent_recorded == {}
    assert opt_outs.is_opted_out(workspace.db(), taro.id, "sms")
    assert contact_store.get(workspace.db(), taro.id).consents == {}


def test_a_file_without_consent_columns_records_the_owners_choice_and_says_so(workspace):
    plain = "name,mobile,email\r\nA,090-1111-0001,a@example.jp\r\nB,090-1111-0002,\r\n"
    outcome = run(workspace, plain)
    assert [str(n) for n in outcome.notes] == [
        "The file has no consent column: no consent was recorded for anyone."
    ]
    assert all(c.consents == {} for c in people(workspace))

    outcome = run(workspace, plain, consent_without_column=frozenset({"sms", "email"}),
                  file_name="members.csv")  # fmt: skip
    assert [str(n) for n in outcome.notes] == [
        "The file has no consent column: consent to email, sms recorded for everyone, as you"
        " confirmed (source: import of members.csv)."
    ]
    a, b = people(workspace)
    assert set(a.consents) == {"sms", "email"}
    assert set(b.consents) == {"sms"}  # no address: no email consent


def test_a_mapping_is_remembered_for_the_next_file_with_the_same_header(workspace):
    header = ["Kunde", "Handy", "E-Mail-Adresse", "Filiale"]
    mapping, remembered = cf.mapping_for(workspace.db(), header)
    assert not remembered and mapping[0] == cf.ATTRIBUTE  # "Kunde" is not known
    chosen = [cf.NAME, cf.MOBILE, cf.EMAIL, cf.ATTRIBUTE]
    cf.remember_mapping(workspace.db(), header, chosen)
    # Same columns, written a little differently: the same mapping.
    assert cf.mapping_for(workspace.db(), [" kunde", "HANDY", "E-Mail-Adresse", "Filiale "]) == (
        chosen, True)  # fmt: skip
    assert cf.mapping_for(workspace.db(), [*header, "Notiz"])[1] is False


def test_the_command_line_uses_the_remembered_mapping_and_the_consent_choice(tmp_path):
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        header = ["Kunde", "Handy", "Filiale"]
        cf.remember_mapping(workspace.db(), header, [cf.NAME, cf.MOBILE, cf.ATTRIBUTE])
    source = tmp_path / "kunden.csv"
    source.write_text("Kunde,Handy,Filiale\r\nHans,+49 151 23456789,Berlin\r\n", encoding="utf-8")
    result = koe("contacts", "import", "--data-dir", str(folder), str(source), "--consent", "sms")
    assert result.stdout.startswith("1 contacts added")
    assert "consent recorded: 1 sms" in result.stdout
    assert "as you confirmed (source: import of kunden.csv)" in result.stderr
    with Workspace.open_read_only(folder) as workspace:
        [hans] = people(workspace)
    assert (hans.name, hans.phone, hans.attributes) == (
        "Hans",
        "+4915123456789",
        {"Filiale": "Berlin"},
    )
    assert set(hans.consents) == {"sms"}


def test_two_columns_combined_into_the_name_keep_both(workspace):
    read = table("姓,名,携帯\r\n山田,太郎,090-1111-0001\r\n,花子,090-1111-0002\r\n")
    # The owner maps both columns to "name" (combine): the parts in the file's order.
    cf.run_import(workspace.db(), read, [cf.NAME, cf.NAME, cf.MOBILE], cf.ImportOptions())
    assert [c.name for c in people(workspace)] == ["山田 太郎", "花子"]


def test_names_in_their_scripts_order(workspace):
    read = table(
        "First Name,Last Name,Mobile\r\nTaro,Yamada,090-1111-0001\r\n太郎,山田,090-1111-0002\r\n"
    )
    cf.run_import(workspace.db(), read, cf.propose_mapping(read.header), cf.ImportOptions())
    assert [c.name for c in people(workspace)] == ["Taro Yamada", "山田 太郎"]


def test_a_file_with_only_a_header_imports_no_one_and_says_so(tmp_path):
    source = tmp_path / "empty.csv"
    source.write_text("name,mobile\r\n", encoding="utf-8")
    result = koe("contacts", "import", "--data-dir", str(tmp_path / "ws"), str(source), check=False)
    assert result.returncode == 1
    assert result.stdout.startswith("0 contacts added, 0 updated, 0 rows rejected")


def test_a_name_replaced_by_a_merge_takes_its_own_reading_not_the_old_one(workspace):
    # A family shares one mobile: the second row's name wins, and the first row's
    # reading must not stay on it (鈴木 sorted and shown as ヤマダ).
    outcome = run(
        workspace,
        "姓,名,セイ,メイ,携帯番号\r\n"
        "山田,太郎,ヤマダ,タロウ,090-1234-5678\r\n"
        "鈴木,一郎,,,090-1234-5678\r\n"
        "佐藤,花子,サトウ,ハナコ,090-5555-6666\r\n"
        "佐藤,花,,,090-5555-6666\r\n",
    )
    assert [m.reason for m in outcome.merges] == [
        "row 3 merged into row 2: same mobile; furigana ヤマダ タロウ removed: it was the reading"
        " of the name replaced; name 山田 太郎 replaced by 鈴木 一郎",
        "row 5 merged into row 4: same mobile; furigana サトウ ハナコ removed: it was the reading"
        " of the name replaced; name 佐藤 花子 replaced by 佐藤 花",
    ]
    assert {(c.name, c.furigana) for c in people(workspace)} == {("鈴木 一郎", ""), ("佐藤 花", "")}
