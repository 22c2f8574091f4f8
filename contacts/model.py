"""What an import reads, proposes and reports: the values passed between its steps.

A ``Table`` is a file read as text; a ``ContactDraft`` is one contact as it will be
stored; a ``RowProblem`` and a ``MergeReport`` say, row by row, what was set aside,
refused or merged, as ``Problem`` values the window words in the owner's language.
A ``Preview`` holds all of them before anything is written; ``ImportOutcome`` is
what was written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from surveys.problems import Explained, Problem

PHONE_MOBILE = "mobile"
PHONE_LANDLINE = "landline"
PHONE_OTHER = "other"
CHANNELS = ("sms", "email")


class ImportCancelled(Exception):
    """The owner cancelled the import (or its preview); nothing was stored."""


class ImportFileError(Explained):
    """The file cannot be read as a table; its problem says why in plain words."""


@dataclass(frozen=True)
class Table:
    """A file read as text: the header, the data rows, and how it was read.

    A cell may hold ``\\udcXX`` characters: bytes the encoding does not define,
    kept so that the preview names the row and column (never shown as text).
    """

    header: list[str]
    rows: list[list[str]]
    encoding: str  # "xlsx" for an Excel file
    first_row_number: int = 2  # the file's row number of rows[0] (the header is row 1)
    file_name: str = ""


@dataclass(frozen=True)
class ImportOptions:
    """The owner's choices for one import.

    ``consent_without_column``: the channels the owner says everyone in a file
    without a consent column agreed to (empty: record no consent).
    """

    region: str = "JP"
    file_name: str = ""
    consent_without_column: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RowProblem:
    """One line of the report: a value set aside (``rejected`` False) or a row refused."""

    row: int
    column: str
    value: str
    problem: Problem
    rejected: bool

    @property
    def reason(self) -> str:
        return str(self.problem)


@dataclass(frozen=True)
class MergeReport:
    """A row that became part of another: an earlier row (``into_row``) or a contact
    already stored (``contact_id``). ``problem`` says which and why ("row 7 merged
    into row 3: same mobile"); ``changes`` what was kept beside or replaced ("email
    a@example.jp kept, b@example.jp added as a second email")."""

    row: int
    into_row: int | None
    contact_id: int | None
    problem: Problem
    changes: tuple[Problem, ...] = ()

    @property
    def problems(self) -> tuple[Problem, ...]:
        return (self.problem, *self.changes)

    @property
    def reason(self) -> str:
        return "; ".join(str(problem) for problem in self.problems)


class PhoneEntry(NamedTuple):
    e164: str
    kind: str  # mobile | landline | other
    label: str = ""  # the column or the file's label for it ("Work", "自宅")


class EmailEntry(NamedTuple):
    address: str
    label: str = ""


@dataclass(slots=True)
class ContactDraft:
    """One contact as it will be stored; empty strings mean "no value".

    ``phone`` is the number SMS go to (a mobile whenever the row has one);
    ``phones`` and ``emails`` hold every other number and address, kept.
    """

    row: int
    rows: list[int] = field(default_factory=list)
    contact_id: int | None = None
    name: str = ""
    furigana: str = ""
    phone: str = ""
    phone_kind: str = ""
    phone_label: str = ""
    email: str = ""
    email_label: str = ""
    phones: list[PhoneEntry] = field(default_factory=list)
    emails: list[EmailEntry] = field(default_factory=list)
    language: str = ""
    birthday: str = ""  # ISO date; "--MM-DD" without a year
    last_visit: str = ""
    tags: list[str] = field(default_factory=list)
    attributes: dict[str, str] = field(default_factory=dict)
    consent: set[str] = field(default_factory=set)
    opt_out: set[str] = field(default_factory=set)

    def all_emails(self) -> list[str]:
        return [self.email, *(e.address for e in self.emails)] if self.email else []


@dataclass
class Preview:
    """An import worked out in full, before anything is written."""

    table: Table
    mapping: list[str]
    options: ImportOptions
    contacts: list[ContactDraft]
    problems: list[RowProblem]
    merges: list[MergeReport]
    notes: list[Problem]
    rows_read: int
    consent_columns: frozenset[str] = frozenset()  # channels a column of the file speaks for
    fingerprint: tuple[object, ...] = ()  # the workspace's contacts when it was made
    _by_row: dict[int, ContactDraft] = field(default_factory=dict, repr=False)

    @property
    def created(self) -> int:
        return sum(1 for c in self.contacts if c.contact_id is None)

    @property
    def updated(self) -> int:
        return sum(1 for c in self.contacts if c.contact_id is not None)

    @property
    def rejected_rows(self) -> int:
        return len({p.row for p in self.problems if p.rejected})

    @property
    def merged_rows(self) -> int:
        return len(self.merges)

    def problems_of(self, row: int) -> list[RowProblem]:
        return [p for p in self.problems if p.row == row]

    def draft_of(self, row: int) -> ContactDraft | None:
        """The contact the file's row ``row`` went into (None when it was refused)."""
        if not self._by_row:
            self._by_row = {r: c for c in self.contacts for r in c.rows}
        return self._by_row.get(row)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import stored, and its report."""

    created: int
    updated: int
    rejected_rows: int
    merged_rows: int
    problems: list[RowProblem]
    merges: list[MergeReport]
    notes: list[Problem]
    rows_read: int
    encoding: str
    consent_recorded: dict[str, int] = field(default_factory=dict)
    opt_outs_recorded: dict[str, int] = field(default_factory=dict)
    opt_outs_kept: int = 0  # "yes" in the file, but an opt-out in force stays


class ExportCancelled(ImportCancelled):
    """The owner cancelled an export; no file was left behind."""
