"""Escalation rules, the pure part: what a rule says and when it applies.

A rule hands to a person what automation cannot finish, as a follow-up task
with an owner on the closed-loop list (issue 16):

- ``detractor``: a response whose headline score is at or below the alert
  threshold (the settings' ``alert_threshold_*``);
- ``option``: a response that chose a given option of a question, named by the
  question's stable id and the option's code (``renewal`` / ``unlikely``), so
  one rule covers every survey made from the same template;
- ``no_answer``: a delivery to a contact in a segment marked important that was
  not answered ``wait_days`` after its last message (the invitation, or the
  last reminder).

Each rule names its surveys (none: every survey) and the owner who gets the
task. Storage is ``storage.escalation``; evaluation ``channels.escalation``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum


class RuleKind(StrEnum):
    DETRACTOR = "detractor"
    OPTION = "option"
    NO_ANSWER = "no_answer"


MAX_WAIT_DAYS = 60


@dataclass(frozen=True)
class Rule:
    """One escalation rule as stored (``id`` 0 until saved)."""

    kind: RuleKind
    owner: str
    survey_ids: tuple[int, ...] = ()  # empty: every survey
    qid: str = ""  # option: the question's stable id
    option_code: str = ""  # option: the chosen option's code
    wait_days: int = 3  # no_answer: days after the last message
    enabled: bool = True
    id: int = 0
    since_response: int = 0  # responses up to this id came before the rule
    since_at: datetime | None = None  # silences due before this came before the rule

    def covers(self, survey_id: int) -> bool:
        return not self.survey_ids or survey_id in self.survey_ids


class RuleError(ValueError):
    """A rule that cannot be saved; the message says why in plain words."""


def check_rule(rule: Rule) -> None:
    """Refuse a rule that could never create a task, or one whose owner is not named."""
    if not rule.owner.strip():
        raise RuleError("A rule needs an owner who gets its tasks.")
    if rule.kind is RuleKind.OPTION and not (rule.qid and rule.option_code):
        raise RuleError("Choose the question and the option that create a task.")
    if rule.kind is RuleKind.NO_ANSWER and not 0 <= rule.wait_days <= MAX_WAIT_DAYS:
        raise RuleError(f"Wait between 0 and {MAX_WAIT_DAYS} days after the last message.")


def chose(stored: str | None, code: str) -> bool:
    """Whether a stored choice answer ("a;b", as storage keeps it) holds ``code``.

    Anything else stored there (a tampered or an unknown code, free text) is
    simply not a match."""
    if not stored or not code:
        return False
    return code in stored.split(";")


def silence_due(last_message: datetime, wait_days: int) -> datetime:
    """When a delivery not answered after its last message becomes a task."""
    return last_message + timedelta(days=wait_days)
