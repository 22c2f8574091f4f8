"""The import dialog's words: what each field is called, and a contact, a problem or
a merge of the engine (``channels.contact_files``) said in the owner's language.

Kept apart from the widgets so that the mapping step, the preview and the report
word the same thing the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication

from channels import contact_files as cf
from channels.contact_files import ContactDraft, MergeReport, RowProblem
from surveys.problems import Problem
from surveys.untrusted_text import marked_control_characters
from ui.problem_words import problem_text

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


def said(problem: Problem) -> str:
    """``problem`` in the owner's language, its channels too (the engine names them
    "sms", "email")."""
    params = {
        name: (
            channels_text(frozenset(value.split(", ")))
            if name in ("channel", "channels") and isinstance(value, str)
            else value
        )
        for name, value in problem.params.items()
    }
    return problem_text(replace(problem, params=params))


def problem_line(problem: RowProblem) -> str:
    """What happens to a value or a row, in a sentence ("Not imported: no phone number…")."""
    reason = said(problem.problem)
    if problem.rejected and not problem.column:  # the row's own verdict, after its values
        return translate("ContactImport", "Row not imported: %1").replace("%1", reason)
    return reason


def merge_line(merge: MergeReport) -> str:
    """A merge and what it kept ("row 7 merged into row 3: same mobile; email … kept")."""
    parts = [said(part) for part in merge.problems]
    line = parts[0]
    for part in parts[1:]:
        line = translate("ContactImport", "%1; %2").replace("%1", line).replace("%2", part)
    return line


def issue_lines(
    problems: list[RowProblem], merges: list[MergeReport], most: int
) -> tuple[list[tuple[int, str, str, str, bool]], int]:
    """The first ``most`` problems and merges in row order, each as (row, column, value,
    what happens, refused), and how many were left out. Only those shown are worded:
    a file of 50,000 landlines has 50,000 notes."""
    ordered = sorted(
        [(p.row, 0, i) for i, p in enumerate(problems)]
        + [(m.row, 1, i) for i, m in enumerate(merges)]
    )
    lines = []
    for row, kind, index in ordered[:most]:
        if kind == 0:
            p = problems[index]
            lines.append((row, shown(p.column), sample(p.value), problem_line(p), p.rejected))
        else:
            lines.append((row, "", "", merge_line(merges[index]), False))
    return lines, len(ordered) - len(lines)
