"""The schema, as a sequence of sqlite-utils migrations.

Each migration runs in its own transaction and is recorded by name in
``_sqlite_migrations``. Never edit a migration that has shipped: add a new one.
A file that records a migration this Koe does not know was written by a newer
Koe, and is refused rather than guessed at (see ``workspace``).

Over 400 lines on purpose: the migrations are one ordered history, read top to
bottom; split across files their order would be implicit.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from storage import comment_index, sync_numbers
from surveys.contact_names import sort_key

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


def _run(db: Database, script: str) -> None:
    for statement in _statements(script):
        db.execute(statement)


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    _run(db, _INITIAL)


_RESPONDENT_SITE = """
CREATE TABLE opt_outs (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,              -- sms | email: the channel the contact left
    source TEXT NOT NULL,               -- how: link (the /u/ page or a mail provider's one-click)
    created_at TEXT NOT NULL,
    UNIQUE (contact_id, channel)
);
"""


@migrations(name="0002_respondent_site")
def _respondent_site(db: Database) -> None:
    _run(db, _RESPONDENT_SITE)


# Sync with a public host (web/sync/api.py, web/sync/client.py). Every change a
# desktop must pull takes the next number of one counter: a response when it is
# stored and again when a later page or an edit changes it or its answers; a
# delivery when it is opened or answered; an unsubscribe taken on the host. The
# desktop asks for "everything after N", so a response completed after it was
# pulled comes again (same ``uid``) and is updated there, never added twice.
# SQLite runs one writer at a time, so numbers are handed out in commit order:
# a reader never sees a number before a smaller one. The WHEN clauses keep the
# triggers' own writes of ``seq`` from counting as changes.
_SYNC = """
CREATE TABLE sync_counter (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    seq INTEGER NOT NULL
);
INSERT INTO sync_counter (id, seq) VALUES (1, 0);

ALTER TABLE responses ADD COLUMN uid TEXT;      -- stable across machines: the host's id
ALTER TABLE responses ADD COLUMN seq INTEGER;   -- the counter at its last change
ALTER TABLE deliveries ADD COLUMN seq INTEGER;  -- the counter when last opened or answered

UPDATE responses SET uid = lower(hex(randomblob(16))), seq = id;
UPDATE deliveries SET seq = (SELECT coalesce(max(id), 0) FROM responses) + id
    WHERE opened_at IS NOT NULL OR answered_at IS NOT NULL;
UPDATE sync_counter SET seq = max(
    (SELECT coalesce(max(seq), 0) FROM responses),
    (SELECT coalesce(max(seq), 0) FROM deliveries)
);
CREATE UNIQUE INDEX responses_uid ON responses(uid);
CREATE INDEX responses_seq ON responses(seq);
CREATE INDEX deliveries_seq ON deliveries(seq);

-- Unsubscribes taken on a public host, by the delivery token of the link: the
-- host has no contacts, so the desktop applies them to the contact.
CREATE TABLE sync_unsubscribes (
    seq INTEGER PRIMARY KEY,
    token TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (token, channel)
);

-- The desktop's side of a sync (host, cursor, last result) and a host's own
-- id: JSON values by key. Never the sync key (that is in the OS keyring).
CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER responses_sync_insert AFTER INSERT ON responses
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1),
        uid = coalesce(NEW.uid, lower(hex(randomblob(16))))
        WHERE id = NEW.id;
END;

CREATE TRIGGER responses_sync_update AFTER UPDATE ON responses
WHEN NEW.seq IS OLD.seq
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1) WHERE id = NEW.id;
END;

CREATE TRIGGER answers_sync_insert AFTER INSERT ON answers
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1)
        WHERE id = NEW.response_id;
END;

CREATE TRIGGER answers_sync_update AFTER UPDATE ON answers
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1)
        WHERE id = NEW.response_id;
END;

CREATE TRIGGER answers_sync_delete AFTER DELETE ON answers
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1)
        WHERE id = OLD.response_id;
END;

CREATE TRIGGER deliveries_sync_update AFTER UPDATE OF opened_at, answered_at ON deliveries
WHEN NEW.seq IS OLD.seq
    AND (NEW.opened_at IS NOT OLD.opened_at OR NEW.answered_at IS NOT OLD.answered_at)
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE deliveries SET seq = (SELECT seq FROM sync_counter WHERE id = 1) WHERE id = NEW.id;
END;
"""


@migrations(name="0003_sync")
def _sync(db: Database) -> None:
    _run(db, _SYNC)


# Contacts (issue 5): the kind of phone number (a landline cannot take SMS),
# consent per channel with its source and date, and saved segments (a filter
# on attributes, evaluated in SQL with json_extract).
_CONTACTS = """
ALTER TABLE contacts ADD COLUMN phone_kind TEXT;  -- mobile | landline | other
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,              -- sms | email
    source TEXT NOT NULL,               -- import | form | manual
    given_at TEXT NOT NULL,
    UNIQUE (contact_id, channel)
);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    filter TEXT NOT NULL,               -- JSON: {"conditions": [{"attribute", "op", "values"}]}
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


@migrations(name="0004_contacts")
def _contacts(db: Database) -> None:
    _run(db, _CONTACTS)


# Campaigns (the Send page): who a campaign's deliveries are found by, and the
# rule that reminders go to non-responders only, kept by the database itself:
# when a delivery is answered (on this machine or by a sync), its reminders
# still waiting in the outbox are skipped, whoever sends them.
_CAMPAIGNS = """
ALTER TABLE campaigns ADD COLUMN updated_at TEXT;
CREATE INDEX deliveries_campaign ON deliveries(campaign_id);
CREATE INDEX outbox_delivery ON outbox(delivery_id);

CREATE TRIGGER deliveries_answered_skip_reminders AFTER UPDATE OF answered_at ON deliveries
WHEN NEW.answered_at IS NOT NULL AND OLD.answered_at IS NULL
BEGIN
    UPDATE outbox SET status = 'skipped', updated_at = NEW.answered_at
        WHERE delivery_id = NEW.id AND purpose = 'reminder' AND status IN ('queued', 'paused');
END;
"""


@migrations(name="0006_campaigns")
def _campaigns(db: Database) -> None:
    _run(db, _CAMPAIGNS)


# The outbox (issue 5, channels/outbox.py, docs/outbox.md). When the current
# sending attempt began (an SMS left in 'sending' by a crash is looked for at
# Twilio among the messages sent since then), when it was handed over, the
# provider's error code, and when its delivery status was last asked. Inbound
# SMS are kept by Twilio's id so a reply polled twice is handled once. An
# invitation or reminder that was sent becomes 'answered' with its delivery.
_OUTBOX = """
ALTER TABLE outbox ADD COLUMN attempt_started_at TEXT;
ALTER TABLE outbox ADD COLUMN sent_at TEXT;
ALTER TABLE outbox ADD COLUMN error_code TEXT;
ALTER TABLE outbox ADD COLUMN checked_at TEXT;
CREATE INDEX outbox_channel_status ON outbox(channel, status);

CREATE TABLE sms_inbound (
    sid TEXT PRIMARY KEY,               -- Twilio's message SID
    sender TEXT NOT NULL,               -- E.164; blanked when the contact is deleted
    body TEXT NOT NULL,
    received_at TEXT NOT NULL,
    action TEXT NOT NULL,               -- opt_out | opt_in | help | answer | ignored
    delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
    handled_at TEXT NOT NULL
);

CREATE TRIGGER outbox_answered AFTER UPDATE OF answered_at ON deliveries
WHEN NEW.answered_at IS NOT NULL AND OLD.answered_at IS NULL
BEGIN
    UPDATE outbox SET status = 'answered', updated_at = NEW.answered_at
        WHERE delivery_id = NEW.id AND purpose IN ('invitation', 'reminder')
        AND status IN ('sent', 'delivered');
END;
"""


@migrations(name="0005_outbox")
def _outbox(db: Database) -> None:
    _run(db, _OUTBOX)


# "SMS, else email": a campaign keeps an email invitation 'held' beside each
# SMS invitation of a contact who also has a usable address. When the SMS
# fails for good, the email is released (queued, or paused with its
# campaign) and the SMS reminders still waiting are skipped; once the SMS is
# delivered or answered, the email is skipped. Kept by the database so that
# whoever marks the SMS (the dispatcher, a status poll) need not know.
_CAMPAIGN_FALLBACK = """
CREATE TRIGGER outbox_sms_failed_release_email AFTER UPDATE OF status ON outbox
WHEN NEW.purpose = 'invitation' AND NEW.channel = 'sms'
    AND NEW.status IN ('failed', 'undelivered') AND OLD.status NOT IN ('failed', 'undelivered')
BEGIN
    UPDATE outbox SET status = CASE WHEN (
            SELECT c.status FROM campaigns c JOIN deliveries d ON d.campaign_id = c.id
            WHERE d.id = NEW.delivery_id) = 'paused' THEN 'paused' ELSE 'queued' END,
        not_before = NULL, updated_at = NEW.updated_at
        WHERE delivery_id = NEW.delivery_id AND purpose = 'invitation' AND channel = 'email'
        AND status = 'held';
    UPDATE outbox SET status = 'skipped', error = 'The SMS invitation failed.',
        updated_at = NEW.updated_at
        WHERE delivery_id = NEW.delivery_id AND purpose = 'reminder' AND channel = 'sms'
        AND status IN ('queued', 'paused');
END;

CREATE TRIGGER outbox_sms_reached_skip_email AFTER UPDATE OF status ON outbox
WHEN NEW.purpose = 'invitation' AND NEW.channel = 'sms'
    AND NEW.status IN ('delivered', 'answered')
BEGIN
    UPDATE outbox SET status = 'skipped', updated_at = NEW.updated_at
        WHERE delivery_id = NEW.delivery_id AND purpose = 'invitation' AND channel = 'email'
        AND status = 'held';
END;
"""


@migrations(name="0007_campaign_fallback")
def _campaign_fallback(db: Database) -> None:
    _run(db, _CAMPAIGN_FALLBACK)


_COMMENTS = """
CREATE VIRTUAL TABLE comments_fts USING fts5(body, tokenize = 'trigram');

CREATE TRIGGER answers_comment_insert AFTER INSERT ON answers
WHEN NEW.value_text IS NOT NULL AND NEW.value_text <> ''
    AND (SELECT type FROM questions WHERE id = NEW.question_id) IN ('open_text', 'short_text')
BEGIN
    INSERT INTO comments_fts (rowid, body) VALUES (NEW.id, NEW.value_text);
END;

CREATE TRIGGER answers_comment_update AFTER UPDATE OF value_text ON answers
BEGIN
    DELETE FROM comments_fts WHERE rowid = OLD.id;
    DELETE FROM tagged_answers WHERE answer_id = OLD.id;
    DELETE FROM comment_tags WHERE answer_id = OLD.id AND source = 'auto';
    INSERT INTO comments_fts (rowid, body)
        SELECT NEW.id, NEW.value_text
        WHERE NEW.value_text IS NOT NULL AND NEW.value_text <> ''
        AND (SELECT type FROM questions WHERE id = NEW.question_id)
            IN ('open_text', 'short_text');
END;

CREATE TRIGGER answers_comment_delete AFTER DELETE ON answers
BEGIN
    DELETE FROM comments_fts WHERE rowid = OLD.id;
END;

CREATE TABLE tag_keywords (
    id INTEGER PRIMARY KEY,
    tag TEXT NOT NULL,
    keyword TEXT NOT NULL,
    UNIQUE (tag, keyword)
);

-- source: auto (from the keyword lists), manual (added by the user),
-- removed (an automatic tag the user took off: the next run keeps it off).
CREATE TABLE comment_tags (
    answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('auto', 'manual', 'removed')),
    PRIMARY KEY (answer_id, tag)
);
CREATE INDEX comment_tags_tag ON comment_tags(tag, source);

-- Answers the current keyword lists have been applied to.
CREATE TABLE tagged_answers (
    answer_id INTEGER PRIMARY KEY REFERENCES answers(id) ON DELETE CASCADE
);

CREATE TABLE detractor_cases (
    response_id INTEGER PRIMARY KEY REFERENCES responses(id) ON DELETE CASCADE,
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'resolved')),
    owner TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

-- One automatic follow-up (or alert) per response and purpose, whatever happens.
CREATE TABLE response_messages (
    response_id INTEGER NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
    purpose TEXT NOT NULL,
    outbox_id INTEGER REFERENCES outbox(id),
    outcome TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (response_id, purpose)
);
"""

_DEFAULT_TAGS = {
    "price": ["price", "価格", "料金", "高い"],
    "support": ["support", "サポート", "対応"],
    "UI": ["UI", "画面", "使いにくい"],
    "onboarding": ["onboarding", "オンボーディング", "初期設定"],
    "speed": ["speed", "遅い", "待ち"],
    "staff": ["staff", "スタッフ", "店員"],
}


@migrations(name="0009_comments")
def _comments(db: Database) -> None:
    _run(db, _COMMENTS)
    # Comments stored before this migration: index them once.
    db.execute(
        "INSERT INTO comments_fts (rowid, body) SELECT a.id, a.value_text FROM answers a"
        " JOIN questions q ON q.id = a.question_id"
        " WHERE q.type IN ('open_text', 'short_text') AND a.value_text <> ''"
    )
    for tag, keywords in _DEFAULT_TAGS.items():
        for keyword in keywords:
            db.execute("INSERT INTO tag_keywords (tag, keyword) VALUES (?, ?)", [tag, keyword])


@migrations(name="0011_answer_scan_index")
def _answer_scan_index(db: Database) -> None:
    # The dashboard joins a question's answers to their responses. Read through
    # (question_id, value_num) that join visits responses in score order, one
    # random page read each; through this index it visits them in id order, and
    # the index alone carries the score (1M answers: a breakdown 1.0 s → 0.4 s).
    db.execute(
        "CREATE INDEX IF NOT EXISTS answers_question_response"
        " ON answers(question_id, response_id, value_num)"
    )


# Deleting a contact deletes all their personal data (storage.contact_deletion.delete),
# and opting back in keeps the opt-out as history:
# - opt_outs becomes a ledger: START (or an unticked box) closes a row with
#   ``opted_in_at`` instead of deleting it; one row per contact and channel is
#   in force (``opted_in_at IS NULL``), and a later opt-out is a new row.
# - opt_out_suppressions: what is left of a deleted contact's opt-out in force,
#   a keyed one-way digest of the address (no name, no number, no address), so
#   the same person imported again is not invited again (storage.opt_outs).
# - outbox.response_id: the response a message is about (an owner's detractor
#   alert names the contact); existing alerts are found through the claim that
#   queued them (response_messages keeps the first of the owners' emails, the
#   others were written with it: same time, same text).
_CONTACT_PRIVACY = """
CREATE TABLE opt_outs_ledger (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,              -- sms | email: the channel the contact left
    source TEXT NOT NULL,               -- link | reply | twilio | manual | import | kept
    created_at TEXT NOT NULL,
    opted_in_at TEXT,                   -- NULL while in force; when they opted back in
    opted_in_source TEXT                -- reply (START) | manual
);
INSERT INTO opt_outs_ledger (id, contact_id, channel, source, created_at)
    SELECT id, contact_id, channel, source, created_at FROM opt_outs;
DROP TABLE opt_outs;
ALTER TABLE opt_outs_ledger RENAME TO opt_outs;
CREATE UNIQUE INDEX opt_outs_in_force ON opt_outs(contact_id, channel)
    WHERE opted_in_at IS NULL;
CREATE INDEX opt_outs_contact ON opt_outs(contact_id);

CREATE TABLE opt_out_suppressions (
    channel TEXT NOT NULL,
    digest TEXT NOT NULL,               -- HMAC-SHA256 of the address, keyed per workspace
    created_at TEXT NOT NULL,           -- when the person opted out
    PRIMARY KEY (channel, digest)
);

ALTER TABLE outbox ADD COLUMN response_id INTEGER REFERENCES responses(id) ON DELETE SET NULL;
UPDATE outbox SET response_id = (
    SELECT m.response_id FROM response_messages m JOIN outbox f ON f.id = m.outbox_id
    WHERE m.purpose = outbox.purpose AND f.id <= outbox.id
    AND f.created_at = outbox.created_at AND f.body = outbox.body
    ORDER BY f.id DESC LIMIT 1
) WHERE purpose = 'owner_alert';
CREATE INDEX outbox_response ON outbox(response_id) WHERE response_id IS NOT NULL;
"""


@migrations(name="0012_outbox_contact_privacy")
def _contact_privacy(db: Database) -> None:
    _run(db, _CONTACT_PRIVACY)


# A desktop's record of the host's unsubscribes it has applied, by the host's
# own key (delivery token, channel). A desktop pulls everything again when its
# host was restored; an unsubscribe it meets again must not opt out a second
# time a contact whose opt-out the owner has since lifted.
_SYNC_PULLED_UNSUBSCRIBES = """
CREATE TABLE sync_pulled_unsubscribes (
    token TEXT NOT NULL,
    channel TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (token, channel)
);
-- The ones applied before this table: a link opt-out of a delivery's contact
-- on that delivery's channel (at worst a few too many, whose contact is out already).
INSERT OR IGNORE INTO sync_pulled_unsubscribes (token, channel, applied_at)
    SELECT d.token, d.channel, o.created_at FROM deliveries d
    JOIN opt_outs o ON o.contact_id = d.contact_id AND o.channel = d.channel
    WHERE o.source = 'link';
"""


@migrations(name="0013_sync_pulled_unsubscribes")
def _sync_pulled_unsubscribes(db: Database) -> None:
    _run(db, _SYNC_PULLED_UNSUBSCRIBES)


# Owners' detractor alerts emailed by a public host (issue 11, storage.alert_claims).
# On a desktop, ``detail`` keeps the host's word on an alert it did not fully send
# (the owners it reached). On a host, an alert email that changes state (sent,
# failed) hands its response to the desktop again, with the news.
_HOST_ALERTS = """
ALTER TABLE response_messages ADD COLUMN detail TEXT;

CREATE TRIGGER outbox_owner_alert_sync AFTER UPDATE OF status ON outbox
WHEN NEW.purpose = 'owner_alert' AND NEW.response_id IS NOT NULL
    AND NEW.status IS NOT OLD.status
BEGIN
    UPDATE sync_counter SET seq = seq + 1 WHERE id = 1;
    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1)
        WHERE id = NEW.response_id;
END;
"""


@migrations(name="0014_hostalerts")
def _host_alerts(db: Database) -> None:
    _run(db, _HOST_ALERTS)


# The owner's everyday tools (issue 12):
# - surveys.archived_at: an archived survey is closed and hidden from the lists;
#   its data stays (storage.surveys.archive).
# - Wording history: each question's wordings with the moment each came into
#   force (question_wordings), the version in force now (questions.wording)
#   and the version each answer was given to (answers.wording: a small number,
#   1 for almost every answer, which SQLite stores in the record header alone).
#   A version that no answer was given to yet is corrected in place, so the
#   designer's autosave makes one version per correction, not one per keystroke;
#   the trigger marks a version answered the first time an answer names it.
# - deleted_responses: the uids of responses the owner deleted (a customer's
#   request), so that a sync never brings them back and the public host is told
#   to delete its copy too (told_host: when it confirmed).
_OWNERTOOLS = """
ALTER TABLE surveys ADD COLUMN archived_at TEXT;
ALTER TABLE questions ADD COLUMN wording INTEGER NOT NULL DEFAULT 1;
ALTER TABLE answers ADD COLUMN wording INTEGER NOT NULL DEFAULT 1;

CREATE TABLE question_wordings (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    text TEXT NOT NULL,                 -- JSON by language, as questions.text
    valid_from TEXT NOT NULL,           -- when this wording came into force
    answered INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (question_id, version)
) WITHOUT ROWID;
INSERT INTO question_wordings (question_id, version, text, valid_from, answered)
    SELECT q.id, 1, q.text, s.created_at,
        EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)
    FROM questions q JOIN surveys s ON s.id = q.survey_id;

CREATE TRIGGER answers_wording_answered AFTER INSERT ON answers
BEGIN
    UPDATE question_wordings SET answered = 1
        WHERE question_id = NEW.question_id AND version = NEW.wording AND answered = 0;
END;

CREATE TRIGGER answers_wording_changed AFTER UPDATE OF wording ON answers
BEGIN
    UPDATE question_wordings SET answered = 1
        WHERE question_id = NEW.question_id AND version = NEW.wording AND answered = 0;
END;

CREATE TABLE deleted_responses (
    uid TEXT PRIMARY KEY,
    deleted_at TEXT NOT NULL,
    told_host INTEGER NOT NULL DEFAULT 0
);
"""


@migrations(name="0015_ownertools")
def _ownertools(db: Database) -> None:
    _run(db, _OWNERTOOLS)


# Languages (issue 12). ``deliveries.language``: on a public host, the language of
# the token's contact, published with the token (the host holds no contacts; on a
# desktop it stays empty and the contact's own is read). ``outbox.problem``: a
# failed message's error as a wording key and its parameters (JSON,
# surveys.problems), so the window says it in its own language; ``error`` keeps
# the English sentence for the log and the command line.
_LANGUAGES = """
ALTER TABLE deliveries ADD COLUMN language TEXT;
ALTER TABLE outbox ADD COLUMN problem TEXT;
"""


@migrations(name="0016_languages")
def _languages(db: Database) -> None:
    _run(db, _LANGUAGES)


# Contact files (issue 13, docs/contact-import.md). A contact keeps the reading
# of its name (furigana) and the key a list sorts by (the reading in Japanese),
# a birthday and a last visit (ISO dates; "--MM-DD" without a year), tags, and
# every number and address the file gave beyond the one a message goes to
# (``contact_addresses``: a landline beside the mobile, a second email). Consent
# and opt-outs recorded by an import name the file (``detail``). A column mapping
# is remembered for the next file with the same header (``import_mappings``).
_IMPORTER = """
ALTER TABLE contacts ADD COLUMN furigana TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN birthday TEXT;
ALTER TABLE contacts ADD COLUMN last_visit TEXT;
ALTER TABLE contacts ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
CREATE INDEX contacts_sort ON contacts(sort_key, id);
CREATE TABLE contact_addresses (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('phone', 'email')),
    value TEXT NOT NULL,                -- E.164, or the address
    phone_kind TEXT,                    -- mobile | landline | other
    label TEXT NOT NULL DEFAULT '',     -- the file's column or label: Work, 自宅
    UNIQUE (contact_id, kind, value)
);
CREATE INDEX contact_addresses_value ON contact_addresses(kind, value);
ALTER TABLE consents ADD COLUMN detail TEXT NOT NULL DEFAULT '';
ALTER TABLE opt_outs ADD COLUMN detail TEXT NOT NULL DEFAULT '';
CREATE TABLE import_mappings (
    header_key TEXT PRIMARY KEY,
    header TEXT NOT NULL,               -- JSON list, as the file wrote it
    mapping TEXT NOT NULL,              -- JSON list: a field per column
    used_at TEXT NOT NULL
);
"""


@migrations(name="0017_importer2")
def _importer(db: Database) -> None:
    _run(db, _IMPORTER)
    # Contacts stored before sort by their name, as the list will sort them.
    rows = db.execute("SELECT id, name FROM contacts").fetchall()
    db.conn.executemany(
        "UPDATE contacts SET sort_key = ? WHERE id = ?", [(sort_key(n or ""), i) for i, n in rows]
    )


# Sort keys fold hiragana as katakana (さくら sorts, and is found, with サクラ) and case
# and width as a search does (surveys.contact_names): every stored key worked out anew.
@migrations(name="0018_importpolish_sort_keys")
def _sort_keys(db: Database) -> None:
    rows = db.execute("SELECT id, name, furigana, sort_key FROM contacts").fetchall()
    changed = [
        (key, contact_id)
        for contact_id, name, furigana, old in rows
        if (key := sort_key(name or "", furigana or "")) != old
    ]
    db.conn.executemany("UPDATE contacts SET sort_key = ? WHERE id = ?", changed)


# Chat and webhook destinations (issue 16, channels.webhooks): where the news of a
# response, a detractor or a new task is posted. Their URLs and tokens are secrets
# (storage.secrets), never here. ``after_response_id``: the newest response when the
# destination was added, so adding one never posts a backlog.
# webhook_claims: one message per destination and subject (a response or a task),
# written in the transaction that queues it (or says why none went).
_WEBHOOKS = """
CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('slack', 'teams', 'google_chat', 'chatwork', 'generic')),
    name TEXT NOT NULL,
    events TEXT NOT NULL DEFAULT '["detractor"]',
    send_comments INTEGER NOT NULL DEFAULT 1,
    language TEXT NOT NULL DEFAULT 'en',
    room_id TEXT NOT NULL DEFAULT '',
    after_response_id INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE webhook_claims (
    webhook_id INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    event TEXT NOT NULL,
    outbox_id INTEGER REFERENCES outbox(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (webhook_id, subject, subject_id)
);
"""


@migrations(name="0019_webhooks")
def _webhooks(db: Database) -> None:
    _run(db, _WEBHOOKS)


# The weekly digest to the owners (issue 16, channels.digest): an email's own HTML
# part (``outbox.html``; NULL: the email channel writes it from the text), and one
# claim per digest period (the local date of its scheduled moment), written in the
# same transaction as the period's outbox rows, or with why none went.
_DIGEST = """
ALTER TABLE outbox ADD COLUMN html TEXT;
CREATE TABLE digest_periods (
    period TEXT PRIMARY KEY,            -- the scheduled moment's local date, 2026-11-30
    outcome TEXT NOT NULL,              -- queued | no_recipient | no_server | started
    outbox_id INTEGER REFERENCES outbox(id),
    recipients INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
"""


@migrations(name="0020_digest")
def _digest(db: Database) -> None:
    _run(db, _DIGEST)


# Escalation (issue 16, storage/escalation.py). A rule turns a detractor, a chosen
# option or a key customer's silence after the last reminder into a follow-up task
# with an owner. ``since_response`` / ``since_at`` cut off what came before the rule
# (no backlog unless asked). A task is the claim: one per response, one per
# delivery, ever (the partial unique indexes), whichever rule came first.
_ESCALATION = """
ALTER TABLE segments ADD COLUMN important INTEGER NOT NULL DEFAULT 0;
CREATE TABLE escalation_rules (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('detractor', 'option', 'no_answer')),
    survey_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list; empty: every survey
    qid TEXT NOT NULL DEFAULT '',           -- option: the question's stable id
    option_code TEXT NOT NULL DEFAULT '',   -- option: the chosen option's code
    wait_days INTEGER NOT NULL DEFAULT 3,   -- no_answer: days after the last message
    owner TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    since_response INTEGER NOT NULL DEFAULT 0,
    since_at TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE follow_up_tasks (
    id INTEGER PRIMARY KEY,
    rule_id INTEGER REFERENCES escalation_rules(id) ON DELETE SET NULL,
    reason TEXT NOT NULL,                   -- detractor | option | no_answer
    response_id INTEGER REFERENCES responses(id) ON DELETE CASCADE,
    delivery_id INTEGER REFERENCES deliveries(id) ON DELETE CASCADE,
    survey_id INTEGER REFERENCES surveys(id) ON DELETE CASCADE,
    contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
    owner TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',      -- JSON: the score, or the option's code
    status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'resolved')),
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX follow_up_tasks_response ON follow_up_tasks(response_id)
    WHERE response_id IS NOT NULL;
CREATE UNIQUE INDEX follow_up_tasks_delivery ON follow_up_tasks(delivery_id)
    WHERE response_id IS NULL;
CREATE INDEX follow_up_tasks_status ON follow_up_tasks(status, created_at);
"""


@migrations(name="0021_lifecycle_escalation")
def _escalation(db: Database) -> None:
    _run(db, _ESCALATION)


# Programmes (issue 16, docs/programmes.md): a survey sent by itself to an audience on
# a rhythm, on a date of each contact, or after an event. ``programme_sends`` is the
# ledger: one row per (programme, contact, occurrence), so nothing goes twice across
# restarts; ``deliveries.programme_id`` finds a programme's deliveries (the outbox
# rows are the campaigns' own). A queued row of a paused programme is held ('paused')
# whoever queues it (the "SMS, else email" release, a retry). Contact events are
# kept once per (contact, name, moment); event files once per content hash.
_PROGRAMMES = """
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES surveys(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('recurring', 'date', 'event')),
    segment_id INTEGER,                 -- NULL: every contact
    mode TEXT NOT NULL,                 -- sms | email | sms_else_email
    settings TEXT NOT NULL DEFAULT '{}',-- JSON: the kind's numbers, reminders, templates
    paused INTEGER NOT NULL DEFAULT 0,
    starts_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE programme_sends (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    occurrence TEXT NOT NULL,           -- r1, r2 … | date:<value> | event:<name>@<moment>
    number INTEGER NOT NULL DEFAULT 1,  -- a recurring programme's count for this contact
    due_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'capped', 'skipped')),
    reason TEXT,                        -- why capped or skipped (surveys.campaigns codes)
    delivery_id INTEGER REFERENCES deliveries(id) ON DELETE SET NULL,
    sent_at TEXT,                       -- when its invitation was due to go
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (programme_id, contact_id, occurrence)
);
CREATE INDEX programme_sends_contact ON programme_sends(programme_id, contact_id, number);
ALTER TABLE deliveries ADD COLUMN programme_id INTEGER REFERENCES programmes(id);
CREATE INDEX deliveries_programme ON deliveries(programme_id);

CREATE TRIGGER outbox_programme_paused_hold AFTER UPDATE OF status ON outbox
WHEN NEW.status = 'queued' AND EXISTS (SELECT 1 FROM deliveries d
    JOIN programmes p ON p.id = d.programme_id WHERE d.id = NEW.delivery_id AND p.paused = 1)
BEGIN
    UPDATE outbox SET status = 'paused' WHERE id = NEW.id;
END;

CREATE TABLE contact_events (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',    -- the file it came from, or how it was added
    created_at TEXT NOT NULL,
    UNIQUE (contact_id, name, occurred_at)
);
CREATE INDEX contact_events_name ON contact_events(name, occurred_at);
CREATE TABLE event_files (
    sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('read', 'damaged')),
    detail TEXT NOT NULL DEFAULT '',    -- how many events, or what is wrong
    read_at TEXT NOT NULL
);
"""


@migrations(name="0022_programmes")
def _programmes(db: Database) -> None:
    _run(db, _PROGRAMMES)


@migrations(name="0023_brand_logo")
def _brand_logo(db: Database) -> None:
    # The shop's logo on the respondent pages (storage.site_logo): one row, checked
    # and resized before it is stored; the workspace file is its only copy.
    db.execute(
        """
        CREATE TABLE site_logo (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            content BLOB NOT NULL,
            media_type TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )


# What the respondent site reads on every request (settings, surveys and their
# questions, the logo) is kept in memory there (storage.site_cache); one counter,
# moved by triggers in the same transaction as any change to those tables, by any
# program (the desktop, koe-cli, a sync), tells the cache with one read whether it
# is still right. Not time: a change shows on the very next request.
_SITE_VERSION = """
CREATE TABLE site_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n INTEGER NOT NULL
);
INSERT INTO site_version (id, n) VALUES (1, 0);
"""
_SITE_TABLES = ("settings", "surveys", "questions", "site_logo")


@migrations(name="0024_site_version")
def _site_version(db: Database) -> None:
    _run(db, _SITE_VERSION)
    for table in _SITE_TABLES:
        for event in ("INSERT", "UPDATE", "DELETE"):
            db.execute(
                f"CREATE TRIGGER {table}_site_version_{event.lower()} AFTER {event} ON {table}"
                " BEGIN UPDATE site_version SET n = n + 1 WHERE id = 1; END"
            )


@migrations(name="0025_rollups")
def _rollups(db: Database) -> None:
    # The dashboard's roll-ups (storage.rollups), filled here from every answer so
    # far: a workspace of a million responses waits a few seconds, once.
    from storage import rollups

    _run(db, rollups.SCHEMA)
    rollups.rebuild(db)


@migrations(name="0026_comment_index_later")
def _comment_index_later(db: Database) -> None:
    _run(db, comment_index.SCHEMA)  # comments indexed after their answer, in batches


@migrations(name="0027_one_step_sync")
def _one_step_sync(db: Database) -> None:
    _run(db, sync_numbers.SCHEMA)  # a recorded response numbered once, with its answers


def known_migrations() -> list[str]:
    return [m.name for m in migrations._migrations]
