"""The comment search index (``comments_fts``), kept exact but written after the answer.

Indexing a comment in the answer's own transaction was the largest part of
storing an answer (FTS5 writes a new segment, and merges, every transaction:
about 130 µs of the 240 µs an answer cost the writer, issue 18). Here it is
done later, in batches, the way ``storage.rollups`` folds the scores:

- ``comment_index_state.answers_upto`` is a high-water mark: the comments of the
  answers with an id up to it are in the index. ``catch_up`` indexes those
  above it, only the new ones since the last time, in one statement.
- An answer at or below the mark keeps the index in step through its triggers
  as before (a changed comment, a deleted answer). SQLite gives a deleted
  newest answer's id again, below the mark: its INSERT trigger indexes it at once.
- Search (``storage.comments``) catches up first, so it finds a comment the
  moment it is stored. Where it cannot write (a read-only connection, a busy
  file), it matches the answers above the mark by ``LIKE`` instead (``pending``).
- The respondent site's writer catches up when it has nothing waiting
  (``keep_up``, storage.group_commit): at once when a backlog has built up,
  else after a quiet moment, so the index is rarely behind by much.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlite_utils import Database

from storage.database import write_refused, writing

log = logging.getLogger(__name__)

# A comment is the text answer of an open or short text question.
_IS_COMMENT = (
    "{who}.value_text IS NOT NULL AND {who}.value_text <> ''"
    " AND (SELECT type FROM questions WHERE id = {who}.question_id)"
    " IN ('open_text', 'short_text')"
)
_MARK = "(SELECT answers_upto FROM comment_index_state WHERE id = 1)"

# Migration "…_comment_index_later" runs this (the state starts at the newest answer:
# everything stored before was indexed by the old trigger).
SCHEMA = f"""
CREATE TABLE comment_index_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    answers_upto INTEGER NOT NULL       -- the comments of answers up to this id are indexed
);
INSERT INTO comment_index_state (id, answers_upto) SELECT 1, coalesce(max(id), 0) FROM answers;

DROP TRIGGER answers_comment_insert;
CREATE TRIGGER answers_comment_insert AFTER INSERT ON answers
WHEN NEW.id <= {_MARK} AND {_IS_COMMENT.format(who="NEW")}
BEGIN
    INSERT INTO comments_fts (rowid, body) VALUES (NEW.id, NEW.value_text);
END;

DROP TRIGGER answers_comment_update;
CREATE TRIGGER answers_comment_update AFTER UPDATE OF value_text ON answers
BEGIN
    DELETE FROM comments_fts WHERE rowid = OLD.id;
    DELETE FROM tagged_answers WHERE answer_id = OLD.id;
    DELETE FROM comment_tags WHERE answer_id = OLD.id AND source = 'auto';
    INSERT INTO comments_fts (rowid, body)
        SELECT NEW.id, NEW.value_text WHERE NEW.id <= {_MARK} AND {_IS_COMMENT.format(who="NEW")};
END;
"""

BATCH = 2000  # answers indexed per transaction by the writer: a few ms of its time
BACKLOG = 5000  # answers waiting before the writer indexes even while busy

_NEW_COMMENTS = (
    "INSERT INTO comments_fts (rowid, body) SELECT a.id, a.value_text FROM answers a"
    " JOIN questions q ON q.id = a.question_id"
    " WHERE a.id > ? AND a.id <= ? AND q.type IN ('open_text', 'short_text')"
    " AND a.value_text IS NOT NULL AND a.value_text <> ''"
)


def mark(db: Database) -> int:
    """The id up to which comments are indexed."""
    return int(db.execute(f"SELECT {_MARK}").fetchone()[0])


def behind(db: Database) -> int:
    """How many answer ids lie above the mark (0: the index is complete)."""
    newest = db.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0]
    return max(0, int(newest) - mark(db))


def catch_up(db: Database, limit: int | None = None) -> bool:
    """Index the comments above the mark (at most ``limit`` answer ids of them).

    Returns True when the index is complete afterwards; False when it could not
    be brought up to date (a read-only connection, a busy or full file) or when
    ``limit`` left some for later.
    """
    if not behind(db):
        return True
    if getattr(db, "read_only", False):
        return False
    try:
        with writing(db):
            upto = mark(db)
            newest = int(db.execute("SELECT coalesce(max(id), 0) FROM answers").fetchone()[0])
            until = newest if limit is None else min(newest, upto + limit)
            db.execute(_NEW_COMMENTS, [upto, until])
            # The mark never goes down: an id below it that SQLite gives again is
            # indexed by answers_comment_insert.
            db.execute(
                "UPDATE comment_index_state SET answers_upto = max(answers_upto, ?) WHERE id = 1",
                [until],
            )
    except sqlite3.OperationalError as error:
        if write_refused(error):
            return False
        raise
    return until >= newest


def keep_up(db: Database, quiet: bool) -> bool:
    """The writer's housekeeping between groups: index a batch when ``quiet`` (nothing
    has waited for a while) or when the backlog is large. Returns True while some
    comments remain to index. Never raises: the answers come first."""
    try:
        waiting = behind(db)
        if waiting and (quiet or waiting >= BACKLOG):
            catch_up(db, limit=BATCH)
            waiting = behind(db)
        return waiting > 0
    except sqlite3.Error:
        log.warning("the comment index could not catch up now", exc_info=True)
        return False
