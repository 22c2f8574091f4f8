"""The import dialog's words: what each field is called, and a contact, a problem or
a merge of the engine (``contacts``) said in the owner's language.

Kept apart from the widgets so that the mapping step, the preview and the report
word the same thing the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

import contacts as cf
from contacts import ContactDraft, MergeReport, RowProblem, merging, phones, rows
from surveys.problems import Problem
from surveys.untrusted_text import marked_control_characters
from ui.common.problem_words import problem_text

translate = QCoreApplication.translate

# Bytes the file's encoding does not define (kept by the reader as lone surrogates)
# and private-use characters: no font shows them, and Qt cannot take a lone surrogate.
_UNREADABLE = re.compile("[\ud800-\udfff\ue000-\uf8ff]")
SAMPLE_LENGTH = 40


def field_names() -> list[tuple[str, str]]:
    """Every field a column may become, with its name, in the order the list shows them."""
    words = {
        cf.NAME: translate("ContactImport", "Name (whole)"),
        cf.FAMILY_NAME: translate("ContactImport", "Family name"),
        cf.GIVEN_NAME: translate("ContactImport", "Given name"),
        cf.MIDDLE_NAME: translate("ContactImport", "Middle name"),
        cf.FURIGANA: translate("ContactImport", "Furigana (whole)"),
        cf.FAMILY_FURIGANA: translate("ContactImport", "Furigana of the family name"),
        cf.GIVEN_FURIGANA: translate("ContactImport", "Furigana of the given name"),
        cf.MOBILE: translate("ContactImport", "Mobile phone (for SMS)"),
        cf.PHONE: translate("ContactImport", "Other phone"),
        cf.EMAIL: translate("ContactImport", "Email"),
        cf.LABEL: translate("ContactImport", "Label of a phone or email column"),
        cf.LANGUAGE: translate("ContactImport", "Language"),
        cf.CONSENT_SMS: translate("ContactImport", "Consent to SMS"),
        cf.CONSENT_EMAIL: translate("ContactImport", "Consent to email"),
        cf.CONSENT_ALL: translate("ContactImport", "Consent to SMS and email"),
        cf.OPT_OUT_SMS: translate("ContactImport", "Opted out of SMS"),
        cf.OPT_OUT_EMAIL: translate("ContactImport", "Opted out of email"),
        cf.BIRTHDAY: translate("ContactImport", "Birthday"),
        cf.LAST_VISIT: translate("ContactImport", "Last visit"),
        cf.TAGS: translate("ContactImport", "Tags"),
        cf.ATTRIBUTES_JSON: translate("ContactImport", "Attributes (Koe's export)"),
        cf.ATTRIBUTE: translate("ContactImport", "Attribute (for segments)"),
        cf.IGNORE: translate("ContactImport", "Do not import"),
    }
    return [(field, words.get(field, field)) for field in cf.FIELDS]


def shown(text: str) -> str:
    """A value from the file as the window may show it: unreadable bytes and control
    characters as �, line breaks as ⏎."""
    text = _UNREADABLE.sub("\ufffd", text).replace("\r\n", "\n").replace("\n", " ⏎ ")
    return marked_control_characters(text)


def sample(text: str) -> str:
    """``shown``, cut to a length that fits a table cell."""
    text = shown(text.strip())
    return text if len(text) <= SAMPLE_LENGTH else text[: SAMPLE_LENGTH - 1] + "…"


def count(number: int) -> str:
    """A number grouped by thousands, alike in Japanese and English."""
    return f"{number:,}"


def channel_name(channel: str) -> str:
    return {
        "sms": translate("ContactImport", "SMS"),
        "email": translate("ContactImport", "email"),
    }.get(channel, channel)


def channels_text(channels: set[str] | frozenset[str]) -> str:
    return translate("ContactImport", ", ").join(
        channel_name(c) for c in sorted(channels, reverse=True)
    )


# A contact as it will be stored ------------------------------------------------


def sms_number(draft: ContactDraft) -> str:
    """The number SMS go to, or the only number, marked when it cannot take an SMS."""
    if not draft.phone:
        return ""
    if draft.phone_kind == cf.PHONE_LANDLINE:
        return translate("ContactImport", "%1 (no SMS)").replace("%1", draft.phone)
    return draft.phone


def other_phones(draft: ContactDraft) -> str:
    parts = []
    for entry in draft.phones:
        if entry.kind == cf.PHONE_LANDLINE:
            parts.append(translate("ContactImport", "%1 (no SMS)").replace("%1", entry.e164))
        else:
            parts.append(entry.e164)
    return ", ".join(parts)


def emails(draft: ContactDraft) -> str:
    return ", ".join(draft.all_emails())


def consent_text(draft: ContactDraft) -> str:
    """What the file says about consent, per channel ("SMS: yes, Email: no (opt-out)")."""
    said = {
        ("sms", True): translate("ContactImport", "SMS: no (opt-out)"),
        ("sms", False): translate("ContactImport", "SMS: yes"),
        ("email", True): translate("ContactImport", "Email: no (opt-out)"),
        ("email", False): translate("ContactImport", "Email: yes"),
    }
    parts = [
        said[channel, channel in draft.opt_out]
        for channel in ("sms", "email")
        if channel in draft.opt_out or channel in draft.consent
    ]
    return translate("ContactImport", ", ").join(parts)


# Problems and merges -------------------------------------------------------------


# The engine's wordings say what an import will do (the preview shows them before
# anything is saved). The report after the import says what it did: where a language
# tells the two apart (Japanese), the same English has a translation of its own,
# marked "after the import" (a literal each time: lupdate reads only literals). Each
# key is one of the engine's wordings, with the same English (tests check it).


def _done_wordings() -> dict[str, str]:
    """Engine wording -> its translation in the report after an import."""
    return {
        rows.CONTROL_CHARACTERS: translate(
            "Problems",
            "holds control characters (such as NUL or ESC, shown as \ufffd), which no one types:"
            " set aside",
            "after the import",
        ),
        rows.UNDEFINED_BYTES: translate(
            "Problems",
            "holds bytes that {encoding} does not define ({bytes}): set aside; is the file in"
            " another encoding?",
            "after the import",
        ),
        rows.EXTRA_CELLS: translate(
            "Problems",
            "more cells than the header has columns; the extra ones are ignored",
            "after the import",
        ),
        rows.NEITHER_YES_NOR_NO: translate(
            "Problems",
            "neither yes nor no: no consent recorded, no opt-out either",
            "after the import",
        ),
        rows.YES_AND_NO: translate(
            "Problems",
            "says yes and no for {channel}: taken as no (an opt-out)",
            "after the import",
        ),
        rows.NOT_A_DATE: translate("Problems", "not a date: set aside", "after the import"),
        rows.NOT_ATTRIBUTES: translate(
            "Problems", "not Koe's list of attributes: kept as one attribute", "after the import"
        ),
        phones.LANDLINE: translate(
            "Problems", "a landline: kept, but it cannot receive SMS", "after the import"
        ),
        phones.OTHER: translate(
            "Problems",
            "not a mobile number (IP phone, toll-free or pager): kept, but SMS may fail",
            "after the import",
        ),
        merging.MERGED_INTO_ROW: translate(
            "Problems", "row {row} merged into row {into}: {why}", "after the import"
        ),
        merging.MERGED_INTO_CONTACT: translate(
            "Problems",
            "row {row} updates the contact already saved as {name}: {why}",
            "after the import",
        ),
        merging.SECOND_EMAIL: translate(
            "Problems", "email {kept} kept, {added} added as a second email", "after the import"
        ),
        merging.SECOND_PHONE: translate(
            "Problems",
            "phone {kept} kept for SMS, {added} added as another number",
            "after the import",
        ),
        merging.MOBILE_NOW: translate(
            "Problems",
            "mobile {added} now used for SMS, {kept} kept as another number",
            "after the import",
        ),
        merging.REPLACED: translate(
            "Problems", "{what} {old} replaced by {new}", "after the import"
        ),
        merging.DROPPED_WITH_NAME: translate(
            "Problems",
            "{what} {old} removed: it was the reading of the name replaced",
            "after the import",
        ),
        merging.OPTED_OUT: translate(
            "Problems", "one row says no to {channel}: opted out", "after the import"
        ),
    }


def said(problem: Problem, done: bool = False) -> str:
    """``problem`` in the owner's language, its channels too (the engine names them
    "sms", "email"); ``done``: as the report after the import says it."""
    params = {
        name: (
            channels_text(frozenset(value.split(", ")))
            if name in ("channel", "channels") and isinstance(value, str)
            else value
        )
        for name, value in problem.params.items()
    }
    worded = replace(problem, params=params)
    past = _done_wordings().get(problem.text) if done else None
    if past is not None:
        return worded.fill(past, problem_text)
    return problem_text(worded)


def problem_line(problem: RowProblem, done: bool = False) -> str:
    """What happens to a value or a row, in a sentence ("Not imported: no phone number…");
    ``done``: what happened, after the import."""
    reason = said(problem.problem, done)
    if problem.rejected and not problem.column:  # the row's own verdict, after its values
        if done:
            verdict = translate("ContactImport", "Row not imported: %1", "after the import")
        else:
            verdict = translate("ContactImport", "Row not imported: %1")
        return verdict.replace("%1", reason)
    return reason


def merge_line(merge: MergeReport, done: bool = False) -> str:
    """A merge and what it kept ("row 7 merged into row 3: same mobile; email … kept")."""
    parts = [said(part, done) for part in merge.problems]
    line = parts[0]
    for part in parts[1:]:
        line = translate("ContactImport", "%1; %2").replace("%1", line).replace("%2", part)
    return line


def issue_lines(
    problems: list[RowProblem], merges: list[MergeReport], most: int, done: bool = False
) -> tuple[list[tuple[int, str, str, str, bool]], int]:
    """The first ``most`` problems and merges in row order, each as (row, column, value,
    what happens — or, ``done``, what happened —, refused), and how many were left out.
    Only those shown are worded: a file of 50,000 landlines has 50,000 notes."""
    ordered = sorted(
        [(p.row, 0, i) for i, p in enumerate(problems)]
        + [(m.row, 1, i) for i, m in enumerate(merges)]
    )
    lines = []
    for row, kind, index in ordered[:most]:
        if kind == 0:
            p = problems[index]
            lines.append((row, shown(p.column), sample(p.value), problem_line(p, done), p.rejected))
        else:
            lines.append((row, "", "", merge_line(merges[index], done), False))
    return lines, len(ordered) - len(lines)
