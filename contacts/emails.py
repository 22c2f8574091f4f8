"""Email addresses checked with email-validator, each distinct domain once.

Most addresses in a shop's list are plain ASCII (``name.surname+tag@example.jp``):
their local part is checked here against RFC 5322's dot-atom (what
email-validator accepts without its options), and only the domain goes through
email-validator, once per domain (IDNA, special-use names, lengths). Anything
else — Unicode, quotes, odd shapes — goes through email-validator whole, once
per distinct text. tests/contacts checks that both give the same answers.
"""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from contacts.phones import DISTINCT, SAMPLE
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_DOMAIN = re.compile(r"[A-Za-z0-9.-]+")
MAX_LOCAL = 64
MAX_ADDRESS = 254


# An address the checker refused: its words (English) as the detail, which the window
# puts in its own language (ui.common.email_words) when it knows them.
NOT_AN_ADDRESS = QT_TRANSLATE_NOOP("Problems", "not an email address: {detail}")


class EmailError(Explained):
    """An address that cannot be used; its problem (``NOT_AN_ADDRESS``) says why."""


class EmailReader:
    """Normalises addresses: the domain as email-validator gives it, each text once."""

    def __init__(self) -> None:
        self._domains: dict[str, str | EmailError] = {}
        self._cache: dict[str, str | EmailError] = {}
        self._reads = 0
        self._keep = True

    def read(self, value: str) -> str:
        """The address ``value`` normalised; each distinct text checked once while texts
        repeat (as ``PhoneReader.read``); a domain is always checked once."""
        if self._keep:
            found = self._cache.get(value)
            if found is None:
                found = self._cache[value] = self._read(value)
            self._reads += 1
            if self._reads == SAMPLE and len(self._cache) >= DISTINCT * SAMPLE:
                self._keep = False
                self._cache.clear()
        else:
            found = self._read(value)
        if isinstance(found, EmailError):
            raise found
        return found

    def _read(self, value: str) -> str | EmailError:
        text = value.strip()
        local, at, domain = text.rpartition("@")
        if not at or len(local) > MAX_LOCAL or _LOCAL.fullmatch(local) is None:
            return _validated(unicodedata.normalize("NFKC", text))
        checked = self._domains.get(domain)
        if checked is None and _DOMAIN.fullmatch(domain) is None:
            return _validated(unicodedata.normalize("NFKC", text))
        if checked is None:
            checked = _validated("a@" + domain)
            if isinstance(checked, str):
                checked = checked[2:]
            self._domains[domain] = checked
        if isinstance(checked, EmailError):
            return _validated(text)  # its own words about this address
        address = f"{local}@{checked}"
        return address if len(address) <= MAX_ADDRESS else _validated(text)


def _validated(text: str) -> str | EmailError:
    try:
        return str(validate_email(text, check_deliverability=False).normalized)
    except EmailNotValidError as error:
        return EmailError(Problem(NOT_AN_ADDRESS, {"detail": str(error)}))


def normalise_email(value: str) -> str:
    """One address, without a cache (the contact dialog's); raises EmailError."""
    return EmailReader().read(value)
