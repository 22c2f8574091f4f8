"""An import worked out in full before anything is written, then written at once.

``preview`` reads every row under the mapping, merges the rows of the same
person, and matches them against the contacts already stored (read only); it
returns the contacts as they will be stored and, row by row, every problem and
merge. ``apply`` writes a preview in ONE transaction: if the workspace's
contacts changed since the preview, it works the preview out again inside the
transaction first, so what is written always fits what is stored.
``run_import`` does both in one transaction (the command line).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlite_utils import Database

from contacts import columns as f
from contacts.merging import (
    SAME_EMAIL,
    SAME_MOBILE,
    SAME_PHONE,
    Merger,
    headline,
    keys,
    merge,
)
from contacts.model import (
    ContactDraft,
    EmailEntry,
    ImportCancelled,
    ImportOptions,
    ImportOutcome,
    MergeReport,
    PhoneEntry,
    Preview,
    RowProblem,
    Table,
)
from contacts.reading import collector_paused
from contacts.rows import RowReader
from storage import contact_imports
from storage import contacts as contact_store
from storage import import_mappings as mapping_store
from storage.contacts import Contact
from storage.database import writing
from surveys.problems import QT_TRANSLATE_NOOP, Problem

Progress = Callable[[int, int], object]
"""``progress(done, total)``; returning False (or raising) cancels."""

NO_CONSENT_COLUMN = QT_TRANSLATE_NOOP(
    "Problems", "The file has no consent column: no consent was recorded for anyone."
)
CONSENT_AS_CHOSEN = QT_TRANSLATE_NOOP(
    "Problems",
    "The file has no consent column: consent to {channels} recorded for everyone, as you"
    " confirmed (source: import of {file}).",
)
ONLY_SOME_CONSENT = QT_TRANSLATE_NOOP(
    "Problems", "The file says nothing about consent to {channels}: none recorded for it."
)
CHUNK = 2000  # rows read at once, between two progress reports


def ticker(
    progress: Progress | None, share: tuple[int, int] = (0, 1)
) -> Callable[[int, int], None]:
    """``progress`` for a part of the work (``share``: this part's index and how many
    parts), raising ImportCancelled when it returns False."""
    part, parts = share

    def tick(done: int, total: int) -> None:
        if progress is None:
            return
        scaled = (part * total + done) // parts if parts > 1 else done
        if progress(scaled, total) is False:
            raise ImportCancelled

    return tick


def mapping_for(db: Database | None, header: Sequence[str]) -> tuple[list[str], bool]:
    """The mapping remembered for this header (True), else the proposed one (False)."""
    if db is not None:
        remembered = mapping_store.recall(db, f.header_key(header))
        if (
            remembered is not None
            and len(remembered) == len(header)
            and all(field in f.FIELDS for field in remembered)
        ):
            return remembered, True
    return f.propose_mapping(header), False


def remember_mapping(db: Database, header: Sequence[str], mapping: Sequence[str]) -> None:
    mapping_store.remember(db, f.header_key(header), header, mapping)


def preview(
    table: Table,
    mapping: Sequence[str],
    options: ImportOptions,
    *,
    db: Database | None = None,
    progress: Progress | None = None,
) -> Preview:
    """Every row read, merged and matched; nothing written (see the module's words)."""
    with collector_paused():
        return _work_out(table, list(mapping), options, db, ticker(progress))


def _work_out(
    table: Table,
    mapping: list[str],
    options: ImportOptions,
    db: Database | None,
    tick: Callable[[int, int], None],
) -> Preview:
    reader = RowReader(table.header, mapping, options, table.encoding)
    merger = Merger()
    contacts: list[ContactDraft] = []
    problems: list[RowProblem] = []
    merges: list[MergeReport] = []
    total = len(table.rows)
    first = table.first_row_number
    for start in range(0, total, CHUNK):
        tick(start, total)
        drafts, found = reader.read_rows(table.rows[start : start + CHUNK], first + start)
        problems += found
        for draft in drafts:
            if draft is None:
                continue
            same = merger.find(draft)
            if same is None:
                contacts.append(draft)
                continue
            target, why = same
            report = headline(draft, target, why)
            changes = merge(target, draft)
            merges.append(MergeReport(draft.row, target.row, None, report, tuple(changes)))
            merger.add(target)
    fingerprint: tuple[object, ...] = ()
    if db is not None:
        fingerprint = contact_imports.fingerprint(db)
        contacts = _match_stored(db, contacts, merges)
    consent_columns = frozenset(
        channel
        for field in mapping
        if field in (*f.CONSENT_FIELDS, f.OPT_OUT_SMS, f.OPT_OUT_EMAIL)
        for channel in (("sms",) if field in (f.CONSENT_SMS, f.OPT_OUT_SMS) else
                        ("email",) if field in (f.CONSENT_EMAIL, f.OPT_OUT_EMAIL) else
                        ("sms", "email"))
    )  # fmt: skip
    notes = _consent_notes(contacts, consent_columns, options)
    merges.sort(key=lambda m: m.row)
    tick(total, total)
    return Preview(
        table, mapping, options, contacts, problems, merges, notes, total, consent_columns,
        fingerprint,
    )  # fmt: skip


def _consent_notes(
    contacts: list[ContactDraft], columns: frozenset[str], options: ImportOptions
) -> list[Problem]:
    if columns:
        missing = sorted({"sms", "email"} - columns)
        if missing:
            return [Problem(ONLY_SOME_CONSENT, {"channels": ", ".join(missing)})]
        return []
    chosen = sorted(options.consent_without_column)
    if not chosen:
        return [Problem(NO_CONSENT_COLUMN)]
    for draft in contacts:
        draft.consent |= {c for c in chosen if (draft.phone if c == "sms" else draft.email)}
    words = {"channels": ", ".join(chosen), "file": options.file_name or "?"}
    return [Problem(CONSENT_AS_CHOSEN, words)]


def _match_stored(
    db: Database, contacts: list[ContactDraft], merges: list[MergeReport]
) -> list[ContactDraft]:
    """Each contact of the file merged into the stored contact it is, if any."""
    by_phone, by_email = contact_imports.address_index(db)
    if not by_phone and not by_email:
        return contacts
    wanted: dict[int, int] = {}  # index in contacts -> stored id
    for index, draft in enumerate(contacts):
        phones, emails = keys(draft)
        found = next((by_phone[n] for n, _ in phones if n in by_phone), None)
        if found is None:
            found = next((by_email[a] for a in emails if a in by_email), None)
        if found is not None:
            wanted[index] = found
    if not wanted:
        return contacts
    stored = contact_store.get_many(db, wanted.values())
    result: list[ContactDraft] = []
    taken: dict[int, ContactDraft] = {}
    for index, draft in enumerate(contacts):
        contact_id = wanted.get(index)
        if contact_id is None or contact_id not in stored:
            result.append(draft)
            continue
        if contact_id in taken:  # two rows of the file that are one stored contact
            target = taken[contact_id]
            report = headline(draft, target, _why(draft, stored[contact_id]))
            changes = merge(target, draft)
            merges.append(MergeReport(draft.row, target.row, None, report, tuple(changes)))
            continue
        target = draft_of(stored[contact_id])
        report = headline(draft, target, _why(draft, stored[contact_id]))
        changes = merge(target, draft)
        target.row, target.rows = draft.row, draft.rows
        merges.append(MergeReport(draft.row, None, contact_id, report, tuple(changes)))
        taken[contact_id] = target
        result.append(target)
    return result


def _why(draft: ContactDraft, contact: Contact) -> str:
    numbers = {contact.phone, *(p[0] for p in contact.phones)}
    if draft.phone in numbers or any(p.e164 in numbers for p in draft.phones):
        return SAME_MOBILE if draft.phone_kind == "mobile" else SAME_PHONE
    return SAME_EMAIL


def draft_of(contact: Contact) -> ContactDraft:
    """A stored contact as the merge sees it (row 0: not a row of the file)."""
    return ContactDraft(
        row=0,
        rows=[],
        contact_id=contact.id,
        name=contact.name,
        furigana=contact.furigana,
        phone=contact.phone or "",
        phone_kind=contact.phone_kind or "",
        email=contact.email or "",
        phones=[PhoneEntry(v, k, label) for v, k, label in contact.phones],
        emails=[EmailEntry(v, label) for v, label in contact.emails],
        language=contact.language or "",
        birthday=contact.birthday or "",
        last_visit=contact.last_visit or "",
        tags=list(contact.tags),
        attributes=dict(contact.attributes),
    )


def apply(db: Database, work: Preview, *, progress: Progress | None = None) -> ImportOutcome:
    """Write ``work`` in one transaction (worked out again first if the contacts
    changed since); remembers its mapping for the next file with the same header."""
    with collector_paused():
        return _apply_at_once(db, work, progress)


def _apply_at_once(db: Database, work: Preview, progress: Progress | None) -> ImportOutcome:
    """``apply``'s work, in a function of its own (see ``_import_at_once``)."""
    with writing(db):
        if contact_imports.fingerprint(db) != work.fingerprint:
            work = _work_out(work.table, work.mapping, work.options, db, ticker(progress, (0, 2)))
            tick = ticker(progress, (1, 2))
        else:
            tick = ticker(progress)
        return _store(db, work, tick)


def run_import(
    db: Database,
    table: Table,
    mapping: Sequence[str],
    options: ImportOptions | str,
    progress: Progress | None = None,
) -> ImportOutcome:
    """``preview`` and ``apply`` in one transaction (``options`` may be just a region)."""
    if isinstance(options, str):
        options = ImportOptions(region=options, file_name=table.file_name)
    with collector_paused():
        return _import_at_once(db, table, list(mapping), options, progress)


def _import_at_once(
    db: Database,
    table: Table,
    mapping: list[str],
    options: ImportOptions,
    progress: Progress | None,
) -> ImportOutcome:
    """``run_import``'s work, in a function of its own: the contacts worked out are
    freed when it returns, before the collector is resumed (resumed with them still
    alive, it would walk every one of them at once: a sixth of the import's time)."""
    with writing(db):
        work = _work_out(table, mapping, options, db, ticker(progress, (0, 2)))
        return _store(db, work, ticker(progress, (1, 2)))


def _store(db: Database, work: Preview, tick: Callable[[int, int], None]) -> ImportOutcome:
    detail = work.options.file_name or work.table.file_name
    stored = contact_imports.store(db, work.contacts, detail=detail, progress=tick)
    remember_mapping(db, work.table.header, work.mapping)
    return ImportOutcome(
        created=stored.created,
        updated=stored.updated,
        rejected_rows=work.rejected_rows,
        merged_rows=work.merged_rows,
        problems=work.problems,
        merges=work.merges,
        notes=work.notes,
        rows_read=work.rows_read,
        encoding=work.table.encoding,
        consent_recorded=stored.consent_recorded,
        opt_outs_recorded=stored.opt_outs_recorded,
        opt_outs_kept=stored.opt_outs_kept,
    )
