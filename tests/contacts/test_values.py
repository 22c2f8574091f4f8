"""Phone numbers, addresses, consent words and dates as shops' files write them."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email

from contacts.consent import BLANK, NO, UNKNOWN, YES, read_consent
from contacts.dates import DateError, parse_date
from contacts.emails import EmailError, EmailReader
from contacts.phones import PhoneError, PhoneReader, split_numbers


@pytest.mark.parametrize(
    ("typed", "e164", "kind", "extension"),
    [
        ("'+81 90-1234-5678", "+819012345678", "mobile", ""),  # Excel's text mark
        ("'09012345678", "+819012345678", "mobile", ""),
        ("０９０－１２３４－５６７８", "+819012345678", "mobile", ""),  # full-width
        ("090ー1234ー5678", "+819012345678", "mobile", ""),  # the long vowel mark as a dash
        ("03-1234-5678", "+81312345678", "landline", ""),
        ("(03) 1234-5678 内線 123", "+81312345678", "landline", "123"),
        ("03-1234-5678 ext. 12", "+81312345678", "landline", "12"),
        ("0120-123-456", "+81120123456", "other", ""),  # toll-free
        ("050-1234-5678", "+815012345678", "other", ""),  # IP phone
        ("9012345678", "+819012345678", "mobile", ""),  # Excel dropped the 0
        ("819012345678", "+819012345678", "mobile", ""),  # Excel dropped the +
        ("0081 90 1234 5678", "+819012345678", "mobile", ""),
        ("+1 (415) 555-2671", "+14155552671", "mobile", ""),  # either: mobile unless told
        ("+44 7911 123456", "+447911123456", "mobile", ""),
    ],
)
def test_numbers_as_files_hold_them(typed, e164, kind, extension):
    phone = PhoneReader("JP").read(typed)
    assert (phone.e164, phone.kind, phone.extension) == (e164, kind, extension)


def test_a_number_that_could_be_either_follows_its_column():
    reader = PhoneReader("US")
    assert reader.read("(415) 555-2671", "landline").kind == "landline"  # "Home Phone"
    assert reader.read("(415) 555-2671", "mobile").kind == "mobile"


@pytest.mark.parametrize(
    ("typed", "words"),
    [("12", "too short"), ("090-1234", "too short"), ("call me", "letters"),
     ("03-1234-56789012", "not a valid phone number")],
)  # fmt: skip
def test_numbers_that_are_not_numbers_say_why(typed, words):
    with pytest.raises(PhoneError, match=words):
        PhoneReader("JP").read(typed)


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        ("090-1234-5678 ::: 03-1234-5678", ["090-1234-5678", "03-1234-5678"]),
        ("090-1234-5678; 080-1111-2222", ["090-1234-5678", "080-1111-2222"]),
        ("090-1234-5678 / 080-1111-2222", ["090-1234-5678", "080-1111-2222"]),
        ("090-1234-5678\n080-1111-2222", ["090-1234-5678", "080-1111-2222"]),
        ("03/1234/5678", ["03/1234/5678"]),  # parts too short to be numbers: one number
    ],
)
def test_several_numbers_in_one_cell(cell, numbers):
    assert split_numbers(cell) == numbers


@pytest.mark.parametrize("region", ["JP", "US", "GB", "KR", "DE"])
def test_the_fast_path_agrees_with_phonenumbers(region):
    """Every number the fast path accepts, phonenumbers accepts with the same E.164 and
    type; every one phonenumbers refuses, it refuses (random digits, real shapes)."""
    rng = random.Random(13)
    reader = PhoneReader(region)
    prefix = reader.national_prefix
    for _ in range(3000):
        digits = "".join(rng.choice("0123456789") for _ in range(rng.randint(6, 12)))
        for text in (prefix + digits, digits, "+" + reader.country_code + digits):
            if text.startswith("00"):
                continue  # ours reads 00 as + (0081…), whatever the region's own prefix
            try:
                ours = reader.read(text)
            except PhoneError:
                ours = None
            try:
                number = phonenumbers.parse(text, region)
                kind = phonenumbers.number_type(number)
                valid = kind != phonenumbers.PhoneNumberType.UNKNOWN
                theirs_e164 = phonenumbers.format_number(
                    number, phonenumbers.PhoneNumberFormat.E164
                )
            except phonenumbers.NumberParseException:
                valid = False
            if ours is None:
                # Ours may still read a number phonenumbers reads only as national
                # digits with a lost + (81901234…): never the other way round.
                assert not valid or text.startswith(reader.country_code), text
                continue
            if valid:
                assert ours.e164 == theirs_e164, text
            else:  # only the lost-+ rescue reads more than phonenumbers does
                assert text.startswith(reader.country_code), text


ADDRESSES = [
    "taro@example.jp", "Taro.Yamada+shop@Example.CO.JP", "a@b.co", "x@localhost",
    "first..last@example.com", ".dot@example.com", "dot.@example.com", "no-at-sign",
    "a@b", "user@example.invalid", "user@[127.0.0.1]", "ユーザー@例え.jp", "u@xn--r8jz45g.jp",
    "a" * 65 + "@example.com", "name@example.com ", "o'brien@example.ie", '"quoted"@example.com',
    "user@-example.com", "user@example-.com", "user@exa_mple.com", "user@sub.example.travel",
]  # fmt: skip


@pytest.mark.parametrize("address", ADDRESSES)
def test_addresses_are_judged_as_email_validator_judges_them(address):
    try:
        expected = str(validate_email(address.strip(), check_deliverability=False).normalized)
    except EmailNotValidError:
        expected = None
    reader = EmailReader()
    try:
        ours = reader.read(address)
    except EmailError:
        ours = None
    assert ours == expected
    reader.read("someone@example.jp")  # the domain now known: same answer
    try:
        again = reader.read(address)
    except EmailError:
        again = None
    assert again == expected


@pytest.mark.parametrize(
    ("words", "said"),
    [
        *[(w, YES) for w in ("yes", "TRUE", "1", "subscribed", "Subscribed", "する", "希望",
                              "配信する", "購読する", "○", "import 2026-01-31")],
        *[(w, NO) for w in ("no", "FALSE", "0", "unsubscribed", "しない", "不要", "配信しない",
                             "購読しない", "拒否", "×")],
        *[(w, BLANK) for w in ("", "  ", "Unknown", "未設定")],
        *[(w, UNKNOWN) for w in ("maybe", "12800.00", "VIP")],
    ],
)  # fmt: skip
def test_consent_words(words, said):
    assert read_consent(words) == said


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("1990-01-02", "1990-01-02"), ("1990/1/2", "1990-01-02"), ("1990.01.02", "1990-01-02"),
        ("19900102", "1990-01-02"), ("1990年1月2日", "1990-01-02"), ("平成2年1月2日", "1990-01-02"),
        ("H2.1.2", "1990-01-02"), ("令和元年5月1日", "2019-05-01"),
        ("昭和60年5月6日", "1985-05-06"),
        ("32875", "1990-01-02"), ("2024/05/01 13:45", "2024-05-01"),
        ("1990-01-02T00:00:00", "1990-01-02"), ("25/12/1990", "1990-12-25"),
        ("02/01/1990", "1990-01-02"), ("--07-14", "--07-14"), ("07-14", "--07-14"),
        ("7月14日", "--07-14"), ("0/0/00", ""),
    ],
)  # fmt: skip
def test_dates(written, iso):
    assert parse_date(written, "JP") == iso


def test_month_first_in_the_us():
    assert parse_date("02/01/1990", "US") == "1990-02-01"


@pytest.mark.parametrize("written", ["1990-02-30", "birthday", "13/13/1990", "2月30日"])
def test_not_dates(written):
    with pytest.raises(DateError):
        parse_date(written)


def test_a_cell_written_plainly_reads_as_the_same_cell_written_otherwise():
    """Most cells (090-1234-5678, taro@example.jp, 山田 太郎) take a shorter path than
    cells with spaces, a quote mark, full-width digits or several values: both must
    give the same contact, and the same problem for a value that is wrong."""
    import contacts as cf

    plain = [
        ["山田  太郎", "090-1234-5678", "taro@example.jp"],
        ["Aoi", "03-1234-5678", "aoi@example.jp"],
        ["Ren", "090-12", "ren@example"],
    ]
    dressed = [
        [" 山田  太郎 ", " '090-1234-5678", "taro@example.jp "],
        ["\u3000Aoi", "０３－１２３４－５６７８", " aoi@example.jp"],
        ["Ren ", "090-12 ", " ren@example"],
    ]
    results = []
    for rows in (plain, dressed):
        table = cf.Table(["name", "phone", "email"], rows, "utf-8")
        preview = cf.preview(table, cf.propose_mapping(table.header), cf.ImportOptions())
        results.append((
            [(c.name, c.phone, c.phone_kind, c.phone_label, c.email) for c in preview.contacts],
            [(p.row, p.column, str(p.problem), p.rejected)
             for p in preview.problems],
        ))  # fmt: skip
    assert results[0] == results[1]
    contacts, problems = results[0]
    assert contacts[0] == ("山田 太郎", "+819012345678", "mobile", "phone", "taro@example.jp")
    assert contacts[1][1:3] == ("+81312345678", "landline")
    assert [p[:2] for p in problems] == [(3, "phone"), (4, "phone"), (4, "email"), (4, "")]


def test_a_number_repeated_is_worked_out_once_and_distinct_ones_are_not_kept(monkeypatch):
    """A shop's list repeating its numbers reads each once; a customer list (a number
    each) stops keeping them after a sample, and still reads every one right."""
    repeating = PhoneReader("JP")
    calls = []
    original = PhoneReader._found
    monkeypatch.setattr(PhoneReader, "_found", lambda self, v: calls.append(v) or original(self, v))
    for i in range(5000):
        assert repeating.read(f"090-1234-{i % 10:04d}").e164 == f"+8190123400{i % 10:02d}"
    assert len(calls) == 10
    distinct = PhoneReader("JP")
    for i in range(5000):
        assert distinct.read(f"090-2000-{i:04d}").e164 == f"+81902000{i:04d}"
    assert not distinct._cache
