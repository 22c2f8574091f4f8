"""Why an email address is refused, in the window's language.

The checker (the email-validator library, through
``contacts.normalise_email``) explains in English. The reasons
an owner meets when typing or importing addresses are said here in the
window's language; any other keeps the checker's words, after a sentence in the
window's language that says what they are about.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# The checker's sentence → the same reason, marked for translation.
_KNOWN = {
    "An email address must have an @-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "An email address must have an @-sign."
    ),
    "There must be something before the @-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "There must be something before the @-sign."
    ),
    "There must be something after the @-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "There must be something after the @-sign."
    ),
    "An email address cannot have two periods in a row.": QT_TRANSLATE_NOOP(
        "EmailWords", "An email address cannot have two periods in a row."
    ),
    "The part after the @-sign is not valid. It should have a period.": QT_TRANSLATE_NOOP(
        "EmailWords", "The part after the @-sign must have a period (example.com)."
    ),
    "The part after the @-sign is not valid. It is not within a valid top-level domain.": (
        QT_TRANSLATE_NOOP("EmailWords", "The part after the @-sign does not end in a real domain.")
    ),
    'The email address has the "full-width" at-sign (@) character instead of a regular '
    "at-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "The address has a full-width ＠: type it as a half-width @."
    ),
    "The email address contains invalid characters before the @-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "The part before the @-sign has characters an address cannot have."
    ),
    "An email address cannot start with a period.": QT_TRANSLATE_NOOP(
        "EmailWords", "An email address cannot start with a period."
    ),
    "An email address cannot have a period immediately before the @-sign.": QT_TRANSLATE_NOOP(
        "EmailWords", "An email address cannot have a period just before the @-sign."
    ),
    "An email address cannot end with a period.": QT_TRANSLATE_NOOP(
        "EmailWords", "An email address cannot end with a period."
    ),
}


def email_problem_text(detail: str) -> str:
    """The checker's explanation ``detail`` in the window's language."""
    translate = QCoreApplication.translate
    known = _KNOWN.get(detail.strip())
    if known is not None:
        return translate("EmailWords", known)
    if "invalid character" in detail and "before the @-sign" in detail:
        return translate(
            "EmailWords", "The part before the @-sign has characters an address cannot have."
        )
    if "invalid character" in detail:
        return translate(
            "EmailWords", "The part after the @-sign has characters an address cannot have."
        )
    return translate("EmailWords", "This is not an email address as written ({detail}).").format(
        detail=detail.strip()
    )
