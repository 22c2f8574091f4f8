"""The change numbers the sync hands out (migration ``0003_sync``), for a recorded response.

Every change a host hands to its desktop carries the next number of
``sync_counter`` (storage.sync_host pulls by it). Storing a response and its two
answers used to number the response three times, each an UPDATE of it (its own
insert trigger, then each answer's). ``storage.responses.record`` numbers it once
(issue 18): it inserts the response with its uid and ``NEXT`` number, then its
answers, then moves the counter with ``ADVANCE``. A response numbered above the
counter exists only inside that transaction, so the answers' trigger leaves it
alone there; an answer added to a response afterwards, by whatever path,
renumbers it as before. Migration ``…_one_step_sync`` runs ``SCHEMA``.
"""

from __future__ import annotations

NEXT = "(SELECT seq + 1 FROM sync_counter WHERE id = 1)"
ADVANCE = "UPDATE sync_counter SET seq = seq + 1 WHERE id = 1"


def _renumber(response_id: str, extra: str = "") -> str:
    """The trigger body that takes the next number for response ``response_id``."""
    return (
        f"    {ADVANCE};\n"
        "    UPDATE responses SET seq = (SELECT seq FROM sync_counter WHERE id = 1)"
        f"{extra}\n        WHERE id = {response_id};"
    )


SCHEMA = f"""
DROP TRIGGER responses_sync_insert;
CREATE TRIGGER responses_sync_insert AFTER INSERT ON responses
WHEN NEW.seq IS NULL
BEGIN
{_renumber("NEW.id", ", uid = coalesce(NEW.uid, lower(hex(randomblob(16))))")}
END;

DROP TRIGGER answers_sync_insert;
CREATE TRIGGER answers_sync_insert AFTER INSERT ON answers
WHEN coalesce((SELECT seq FROM responses WHERE id = NEW.response_id), 0)
    <= (SELECT seq FROM sync_counter WHERE id = 1)
BEGIN
{_renumber("NEW.response_id")}
END;
"""
