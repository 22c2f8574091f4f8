"""Contacts: the people a business sends surveys to.

One contact per E.164 phone number (UNIQUE), then per email address. Consent
per channel lives in ``consents`` (source: import, form, manual); opt-outs in
``opt_outs`` (``storage.opt_outs``). Listing is by pages of ids (keyset), so a
table of 50,000 contacts is read a screenful at a time; search looks at the
name, phone, email and attribute values. Segments (``storage.segments``) give
a WHERE clause that ``page``, ``count_matching`` and ``ids_matching`` accept.

Over 400 lines because a contact is one aggregate (row, second numbers and
addresses, consent) read, searched and changed together; deleting one is in
``storage.contact_deletion``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage import opt_outs as opt_out_store
from storage.database import from_text, to_text, utc_now, writing
from surveys.contact_names import search_key, sort_key

CHANNELS = ("sms", "email")
CONSENT_IMPORT = "import"
CONSENT_FORM = "form"
CONSENT_MANUAL = "manual"

# A status filter next to the search box.
FILTER_ALL = ""
FILTER_OPTED_OUT = "opted_out"
FILTER_NO_CONSENT = "no_consent"
FILTER_SMS_CONSENT = "sms_consent"
FILTER_EMAIL_CONSENT = "email_consent"
FILTER_LANDLINE = "landline"


@dataclass(frozen=True)
class Consent:
    channel: str
    source: str
    given_at: datetime


@dataclass(frozen=True)
class Contact:
    """A contact with its consents and opt-outs (channel -> source)."""

    id: int
    name: str
    phone: str | None
    phone_kind: str | None
    email: str | None
    language: str | None
    attributes: dict[str, str]
    consents: dict[str, Consent] = field(default_factory=dict)
    opt_outs: dict[str, str] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    furigana: str = ""
    birthday: str | None = None  # ISO date; "--MM-DD" without a year
    last_visit: str | None = None
    tags: tuple[str, ...] = ()
    # The numbers and addresses kept beside ``phone`` and ``email``: (value, kind, label).
    phones: tuple[tuple[str, str, str], ...] = ()
    emails: tuple[tuple[str, str], ...] = ()


class ContactError(ValueError):
    """A change that cannot be made; the message says why in plain words."""


def add(
    db: Database,
    *,
    name: str,
    phone: str | None = None,
    email: str | None = None,
    language: str | None = None,
    attributes: Mapping[str, str] | None = None,
    phone_kind: str | None = None,
    furigana: str = "",
) -> int:
    now = to_text(utc_now())
    cursor = db.execute(
        "INSERT INTO contacts (name, furigana, sort_key, phone, phone_kind, email, language,"
        " attributes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            name,
            furigana,
            sort_key(name, furigana),
            phone,
            phone_kind,
            email,
            language,
            json.dumps(dict(attributes or {}), ensure_ascii=False),
            now,
            now,
        ],
    )
    assert cursor.lastrowid is not None
    opt_out_store.restore(db, cursor.lastrowid, [phone], [email])
    return cursor.lastrowid


def count(db: Database) -> int:
    return int(next(db.query("SELECT count(*) AS n FROM contacts"))["n"])


# Reading -----------------------------------------------------------------------

_SELECT = (
    "SELECT c.id, c.name, c.phone, c.phone_kind, c.email, c.language, c.attributes,"
    " c.created_at, c.updated_at, c.furigana, c.birthday, c.last_visit, c.tags,"
    " (SELECT json_group_array(json_array(kind, value, coalesce(phone_kind, ''), label))"
    "   FROM (SELECT * FROM contact_addresses WHERE contact_id = c.id ORDER BY id)) AS addresses,"
    " (SELECT json_group_object(channel, json_array(source, given_at)) FROM consents"
    "   WHERE contact_id = c.id) AS consents,"
    " (SELECT json_group_object(channel, source) FROM opt_outs"
    f"   WHERE contact_id = c.id AND {opt_out_store.IN_FORCE}) AS opt_outs"
    " FROM contacts c"
)


def _contact(row: Mapping[str, Any]) -> Contact:
    addresses = json.loads(row["addresses"] or "[]")
    consents = {
        channel: Consent(channel, source, from_text(given) or utc_now())
        for channel, (source, given) in json.loads(row["consents"] or "{}").items()
    }
    return Contact(
        id=row["id"],
        name=row["name"],
        phone=row["phone"],
        phone_kind=row["phone_kind"],
        email=row["email"],
        language=row["language"],
        attributes=json.loads(row["attributes"] or "{}"),
        consents=consents,
        opt_outs=json.loads(row["opt_outs"] or "{}"),
        created_at=from_text(row["created_at"]),
        updated_at=from_text(row["updated_at"]),
        furigana=row["furigana"] or "",
        birthday=row["birthday"],
        last_visit=row["last_visit"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        phones=tuple((v, k, label) for kind, v, k, label in addresses if kind == "phone"),
        emails=tuple((v, label) for kind, v, _k, label in addresses if kind == "email"),
    )


def get(db: Database, contact_id: int) -> Contact:
    rows = list(db.query(_SELECT + " WHERE c.id = ?", [contact_id]))
    if not rows:
        raise ContactError(f"no contact with id {contact_id}")
    return _contact(rows[0])


def get_many(db: Database, ids: Iterable[int]) -> dict[int, Contact]:
    """The contacts with these ids (those that exist), by id."""
    wanted = sorted(set(ids))
    found: dict[int, Contact] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.query(_SELECT + f" WHERE c.id IN ({marks})", chunk):
            found[row["id"]] = _contact(row)
    return found


# What people type between a number's digits beyond NFKC's hyphen: dashes of every
# kind, the katakana long mark (０９０ー１２３４), the minus sign.
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―ー−", "-"))
_LIKE = "LIKE ? ESCAPE '\\'"


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _search_clause(text: str) -> tuple[str, list[Any]]:
    """WHERE text (on alias c) matching ``text`` in the name (and its reading: folded as
    the sort key is, so やまだ finds ヤマダ and ＡＢＣ finds abc), tags, phone, email,
    the other numbers and addresses, or attribute values."""
    text = unicodedata.normalize("NFKC", text).strip()
    # A phone number typed with spaces or dashes of any kind is one word.
    dashed = text.translate(_DASHES)
    phone_like = re.fullmatch(r"[+\d\s\-()]+", dashed)
    words = [re.sub(r"\s", "", dashed)] if phone_like else text.split()
    clauses: list[str] = []
    params: list[Any] = []
    for word in words:
        like = _like(word)
        parts = [
            f"c.name {_LIKE}",
            f"c.furigana {_LIKE}",
            f"replace(c.sort_key, ' ', '') {_LIKE}",
            f"c.tags {_LIKE}",
            f"c.email {_LIKE}",
            f"c.phone {_LIKE}",
            f"EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id AND a.value"
            f" {_LIKE})",
            f"EXISTS (SELECT 1 FROM json_each(c.attributes) WHERE value {_LIKE})",
        ]
        params += [like, like, _like(search_key(word)), like, like, like, like, like]
        digits = re.sub(r"\D", "", word)
        if len(digits) >= 3 and re.fullmatch(r"[+\d\-()]+", word):
            # 090-1234 finds +81901234…: match the digits without a leading 0.
            parts.append("c.phone LIKE ?")
            parts.append(
                "EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id"
                " AND a.kind = 'phone' AND a.value LIKE ?)"
            )
            params += ["%" + digits.lstrip("0") + "%"] * 2
        clauses.append("(" + " OR ".join(parts) + ")")
    return " AND ".join(clauses), params


def _filter_clause(kind: str) -> str:
    if kind == FILTER_OPTED_OUT:
        return (
            "EXISTS (SELECT 1 FROM opt_outs o WHERE o.contact_id = c.id"
            f" AND o.{opt_out_store.IN_FORCE})"
        )
    if kind == FILTER_NO_CONSENT:
        return "NOT EXISTS (SELECT 1 FROM consents k WHERE k.contact_id = c.id)"
    if kind in (FILTER_SMS_CONSENT, FILTER_EMAIL_CONSENT):
        channel = "sms" if kind == FILTER_SMS_CONSENT else "email"
        return (
            "EXISTS (SELECT 1 FROM consents k WHERE k.contact_id = c.id"
            f" AND k.channel = '{channel}')"
        )
    if kind == FILTER_LANDLINE:
        return "c.phone_kind = 'landline'"
    return ""


def where(
    search: str = "", status: str = FILTER_ALL, segment: tuple[str, list[Any]] | None = None
) -> tuple[str, list[Any]]:
    """A WHERE clause (with its parameters, "" for everyone) for the contacts shown."""
    clauses: list[str] = []
    params: list[Any] = []
    if search.strip():
        text, values = _search_clause(search)
        clauses.append(text)
        params += values
    if status:
        clauses.append(_filter_clause(status))
    if segment is not None and segment[0]:
        clauses.append(f"({segment[0]})")
        params += segment[1]
    if not clauses:
        return "", []
    return " WHERE " + " AND ".join(clauses), params


def page(
    db: Database,
    *,
    after_id: int = 0,
    limit: int = 200,
    search: str = "",
    status: str = FILTER_ALL,
    segment: tuple[str, list[Any]] | None = None,
) -> list[Contact]:
    """Up to ``limit`` contacts with an id above ``after_id``, in id order."""
    clause, params = where(search, status, segment)
    clause += (" AND" if clause else " WHERE") + " c.id > ?"
    sql = _SELECT + clause + " ORDER BY c.id LIMIT ?"
    return [_contact(row) for row in db.query(sql, [*params, after_id, limit])]


def page_by_name(
    db: Database,
    *,
    after: tuple[str, int] = ("", 0),
    limit: int = 200,
    search: str = "",
    status: str = FILTER_ALL,
    segment: tuple[str, list[Any]] | None = None,
) -> list[Contact]:
    """Up to ``limit`` contacts after ``after`` (a contact's ``sort_key`` and id), in the
    order of their names (of their furigana when they have one: 五十音順)."""
    clause, params = where(search, status, segment)
    clause += (" AND" if clause else " WHERE") + " (c.sort_key, c.id) > (?, ?)"
    sql = _SELECT + clause + " ORDER BY c.sort_key, c.id LIMIT ?"
    return [_contact(row) for row in db.query(sql, [*params, *after, limit])]


def count_matching(
    db: Database,
    *,
    search: str = "",
    status: str = FILTER_ALL,
    segment: tuple[str, list[Any]] | None = None,
) -> int:
    clause, params = where(search, status, segment)
    return int(db.execute("SELECT count(*) FROM contacts c" + clause, params).fetchone()[0])


def attribute_names(db: Database, limit: int = 200) -> list[str]:
    """Attribute names in use, most common first (for the segment editor)."""
    rows = db.execute(
        "SELECT key, count(*) AS n FROM contacts c, json_each(c.attributes)"
        " GROUP BY key ORDER BY n DESC, key LIMIT ?",
        [limit],
    ).fetchall()
    return [row[0] for row in rows]


def iterate_all(db: Database, batch: int = 2000) -> Iterator[Contact]:
    """Every contact in id order, a batch at a time (for exports)."""
    after = 0
    while True:
        rows = page(db, after_id=after, limit=batch)
        if not rows:
            return
        yield from rows
        after = rows[-1].id


# Changing ------------------------------------------------------------------------


def update(
    db: Database,
    contact_id: int,
    *,
    name: str,
    phone: str | None,
    phone_kind: str | None,
    email: str | None,
    language: str | None,
    attributes: Mapping[str, str],
    consents: Iterable[str] | None = None,
    opt_outs: Iterable[str] | None = None,
    now: datetime | None = None,
    furigana: str | None = None,
    other_phones: Sequence[tuple[str, str, str]] | None = None,
    other_emails: Sequence[tuple[str, str]] | None = None,
) -> Contact:
    """Store a contact edited by hand; consent and opt-outs given here are "manual".
    ``furigana`` None keeps the reading stored; ``other_phones`` ((e164, kind, label),
    …) and ``other_emails`` ((address, label), …), the numbers and addresses kept
    beside the main ones, replace those stored (None keeps them)."""
    moment = to_text(now or utc_now())
    with writing(db):
        if furigana is None:
            row = db.execute("SELECT furigana FROM contacts WHERE id = ?", [contact_id]).fetchone()
            furigana = row[0] if row else ""
        if phone:
            other = db.execute(
                "SELECT id FROM contacts WHERE phone = ? AND id != ?", [phone, contact_id]
            ).fetchone()
            if other is not None:
                raise ContactError("another contact already has this phone number")
        cursor = db.execute(
            "UPDATE contacts SET name = ?, furigana = ?, sort_key = ?, phone = ?, phone_kind = ?,"
            " email = ?, language = ?, attributes = ?, updated_at = ? WHERE id = ?",
            [
                name,
                furigana,
                sort_key(name, furigana),
                phone or None,
                phone_kind if phone else None,
                email or None,
                language or None,
                json.dumps(dict(attributes), ensure_ascii=False),
                moment,
                contact_id,
            ],
        )
        if cursor.rowcount != 1:
            raise ContactError(f"no contact with id {contact_id}")
        if other_phones is not None or other_emails is not None:
            _replace_addresses(db, contact_id, phone, email, other_phones, other_emails)
        if consents is not None:
            wanted = set(consents)
            db.execute(
                "DELETE FROM consents WHERE contact_id = ? AND channel NOT IN (?, ?)",
                [contact_id, *([*sorted(wanted), "", ""])[:2]],
            )
            for channel in wanted:
                give_consent(db, contact_id, channel, CONSENT_MANUAL, now=now)
        if opt_outs is not None:
            # An unticked opt-out is closed, not erased: the ledger keeps it as history.
            wanted = set(opt_outs)
            for channel in CHANNELS:
                if channel in wanted:
                    opt_out_store.opt_out(db, contact_id, channel, source=CONSENT_MANUAL, now=now)
                else:
                    opt_out_store.opt_in(db, [contact_id], channel, source=CONSENT_MANUAL, now=now)
        # A new address that a deleted contact had opted out of stays opted out.
        opt_out_store.restore(db, contact_id, *addresses_of(db, contact_id))
    return get(db, contact_id)


def _replace_addresses(
    db: Database,
    contact_id: int,
    phone: str | None,
    email: str | None,
    phones: Sequence[tuple[str, str, str]] | None,
    emails: Sequence[tuple[str, str]] | None,
) -> None:
    """The contact's other numbers and addresses as given (each once, never the main
    one again)."""
    rows: list[tuple[object, ...]] = []
    if phones is not None:
        db.execute("DELETE FROM contact_addresses WHERE contact_id = ? AND kind = 'phone'",
                   [contact_id])  # fmt: skip
        seen = {phone}
        for value, kind, label in phones:
            if value and value not in seen:
                seen.add(value)
                rows.append((contact_id, "phone", value, kind or None, label))
    if emails is not None:
        db.execute("DELETE FROM contact_addresses WHERE contact_id = ? AND kind = 'email'",
                   [contact_id])  # fmt: skip
        known = {(email or "").lower()}
        for address, label in emails:
            if address and address.lower() not in known:
                known.add(address.lower())
                rows.append((contact_id, "email", address, None, label))
    db.conn.executemany(
        "INSERT INTO contact_addresses (contact_id, kind, value, phone_kind, label)"
        " VALUES (?, ?, ?, ?, ?)",
        rows,
    )


def save(
    db: Database,
    contact_id: int | None,
    *,
    name: str,
    phone: str | None,
    phone_kind: str | None,
    email: str | None,
    language: str | None,
    attributes: Mapping[str, str],
    consents: Iterable[str],
    opt_outs: Iterable[str],
    furigana: str | None = None,
    other_phones: Sequence[tuple[str, str, str]] | None = None,
    other_emails: Sequence[tuple[str, str]] | None = None,
) -> Contact:
    """Create (``contact_id`` None) or update a contact edited by hand, in one transaction
    (``update`` says what None keeps)."""
    with writing(db):
        if contact_id is None:
            if phone and db.execute("SELECT 1 FROM contacts WHERE phone = ?", [phone]).fetchone():
                raise ContactError("another contact already has this phone number")
            contact_id = add(db, name=name)
        return update(
            db,
            contact_id,
            name=name,
            phone=phone,
            phone_kind=phone_kind,
            email=email,
            language=language,
            attributes=attributes,
            consents=consents,
            opt_outs=opt_outs,
            furigana=furigana,
            other_phones=other_phones,
            other_emails=other_emails,
        )


def give_consent(
    db: Database, contact_id: int, channel: str, source: str, *, now: datetime | None = None
) -> bool:
    """Record consent for ``channel``; a consent already recorded keeps its source and date."""
    cursor = db.execute(
        "INSERT INTO consents (contact_id, channel, source, given_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (contact_id, channel) DO NOTHING",
        [contact_id, channel, source, to_text(now or utc_now())],
    )
    return cursor.rowcount == 1


def addresses_of(db: Database, contact_id: int) -> tuple[list[str], list[str]]:
    """Every number (the SMS number first) and every email address (the main one first)
    the contact has, those an import kept beside them included."""
    phones: list[str] = []
    emails: list[str] = []
    row = db.execute("SELECT phone, email FROM contacts WHERE id = ?", [contact_id]).fetchone()
    if row is None:
        return phones, emails
    phones += [row[0]] if row[0] else []
    emails += [row[1]] if row[1] else []
    for kind, value in db.execute(
        "SELECT kind, value FROM contact_addresses WHERE contact_id = ? ORDER BY id", [contact_id]
    ):
        (phones if kind == "phone" else emails).append(value)
    return phones, emails
