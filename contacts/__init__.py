"""Contact lists in and out: the files shops export from their tools, read,
mapped, checked, merged and previewed before ONE transaction stores them; and
every contact written back as a file the import reads the same.

The public API (docs/contact-import.md); the modules say how each step works.
No SQL here (it is in ``storage.contacts``, ``storage.contact_imports``); imports
``storage`` and ``surveys``.
"""

from contacts.columns import (
    ATTRIBUTE,
    ATTRIBUTES_JSON,
    BIRTHDAY,
    CONSENT_ALL,
    CONSENT_EMAIL,
    CONSENT_SMS,
    EMAIL,
    FAMILY_FURIGANA,
    FAMILY_NAME,
    FIELDS,
    FURIGANA,
    GIVEN_FURIGANA,
    GIVEN_NAME,
    IGNORE,
    LABEL,
    LANGUAGE,
    LAST_VISIT,
    MIDDLE_NAME,
    MOBILE,
    NAME,
    OPT_OUT_EMAIL,
    OPT_OUT_SMS,
    PHONE,
    TAGS,
    header_key,
    mapping_problems,
    propose_field,
    propose_mapping,
)
from contacts.emails import EmailError, normalise_email
from contacts.exporting import EXPORT_HEADER, export_contacts, export_csv
from contacts.model import (
    PHONE_LANDLINE,
    PHONE_MOBILE,
    PHONE_OTHER,
    ContactDraft,
    EmailEntry,
    ExportCancelled,
    ImportCancelled,
    ImportFileError,
    ImportOptions,
    ImportOutcome,
    MergeReport,
    PhoneEntry,
    Preview,
    RowProblem,
    Table,
)
from contacts.phones import (
    Phone,
    PhoneError,
    default_region,
    normalise_phone,
)
from contacts.phones import warning as phone_warning
from contacts.preview import (
    apply,
    mapping_for,
    preview,
    remember_mapping,
    run_import,
)
from contacts.reading import ENCODINGS, detect_encoding, read_table
from contacts.report import outcome_lines, report_rows, write_report
from contacts.rows import normalise_language

__all__ = [
    "ATTRIBUTE", "ATTRIBUTES_JSON", "BIRTHDAY", "CONSENT_ALL", "CONSENT_EMAIL", "CONSENT_SMS",
    "EMAIL", "ENCODINGS", "EXPORT_HEADER", "FAMILY_FURIGANA", "FAMILY_NAME", "FIELDS",
    "FURIGANA", "GIVEN_FURIGANA", "GIVEN_NAME", "IGNORE", "LABEL", "LANGUAGE", "LAST_VISIT",
    "MIDDLE_NAME", "MOBILE", "NAME", "OPT_OUT_EMAIL", "OPT_OUT_SMS", "PHONE", "PHONE_LANDLINE",
    "PHONE_MOBILE", "PHONE_OTHER", "TAGS", "ContactDraft", "EmailEntry", "EmailError",
    "ExportCancelled", "ImportCancelled", "ImportFileError", "ImportOptions", "ImportOutcome",
    "MergeReport", "Phone", "PhoneEntry", "PhoneError", "Preview", "RowProblem", "Table",
    "apply", "default_region", "detect_encoding", "export_contacts", "export_csv", "header_key",
    "mapping_for", "mapping_problems", "normalise_email", "normalise_language",
    "normalise_phone", "outcome_lines", "phone_warning", "preview", "propose_field",
    "propose_mapping", "read_table", "remember_mapping", "report_rows", "run_import",
    "write_report",
]  # fmt: skip
