"""The schema, as a sequence of sqlite-utils migrations.

Each migration runs in its own transaction and is recorded by name in
``_sqlite_migrations``. Never edit a migration that has shipped: add a new one.
A file that records a migration this Koe does not know was written by a newer
Koe, and is refused rather than guessed at (see ``workspace``).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "koe"
migrations = Migrations(MIGRATION_SET)

_INITIAL = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE surveys (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('nps', 'csat', 'ces', 'custom')),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
    title TEXT NOT NULL,                -- JSON: {"ja": ..., "en": ...}
    languages TEXT NOT NULL,            -- JSON list, first is the default
    anonymous INTEGER NOT NULL DEFAULT 0,
    closes_at TEXT,
    options TEXT NOT NULL DEFAULT '{}', -- JSON: designer choices kept with the survey
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    opened_at TEXT,
    closed_at TEXT
);

CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
    qid TEXT NOT NULL,                  -- stable id: the export's column name
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,                 -- JSON by language
    required INTEGER NOT NULL DEFAULT 1,
    low_label TEXT NOT NULL DEFAULT '{}',
    high_label TEXT NOT NULL DEFAULT '{}',
    config TEXT NOT NULL DEFAULT '{}',  -- JSON: type-specific settings
    UNIQUE (survey_id, qid)
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    phone TEXT UNIQUE,                  -- E.164
    email TEXT,
    language TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX contacts_email ON contacts(email);

CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    name TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    settings TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    campaign_id INTEGER REFERENCES campaigns(id),
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    channel TEXT NOT NULL,              -- sms | email | link
    token TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'created',
    created_at TEXT NOT NULL,
    opened_at TEXT,
    answered_at TEXT
);
CREATE INDEX deliveries_contact ON deliveries(contact_id);
CREATE INDEX deliveries_survey ON deliveries(survey_id);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER REFERENCES deliveries(id),
    purpose TEXT NOT NULL,              -- invitation | reminder | follow_up | alert | test
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT,
    body TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    provider_id TEXT,
    error TEXT,
    not_before TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX outbox_status ON outbox(status, not_before);

CREATE TABLE responses (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
    channel TEXT NOT NULL DEFAULT 'link',
    source TEXT,                        -- the ?src= tag of a public link
    language TEXT NOT NULL,
    resume_token TEXT UNIQUE,           -- lets the next page add to a partial response
    created_at TEXT NOT NULL,
    completed_at TEXT,                  -- NULL while partial (a score without its follow-up)
    updated_at TEXT NOT NULL
);
CREATE INDEX responses_survey_created ON responses(survey_id, created_at);

CREATE TABLE answers (
    id INTEGER PRIMARY KEY,
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    value_num INTEGER,
    value_text TEXT,                    -- free text, or option codes "a;b"
    value_other TEXT,                   -- the "Other (please specify)" text
    UNIQUE (response_id, question_id)
);
CREATE INDEX answers_question_value ON answers(question_id, value_num);
"""


def _statements(script: str) -> list[str]:
    """Split a script into statements the way SQLite reads them (comments may hold ';')."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError(f"incomplete SQL statement: {current.strip()[:60]}")
    return statements


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    for statement in _statements(_INITIAL):
        db.execute(statement)


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]
