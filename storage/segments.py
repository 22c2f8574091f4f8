"""Segments: saved filters on contacts' attributes, evaluated in SQL.

A filter is a list of conditions that must all hold, each on one attribute
(``store``, ``plan``…) or on the contact's language, for example
``store = shibuya AND plan in (premium, standard)``. ``clause`` turns a filter
into a WHERE fragment over ``contacts c`` using ``json_extract``, which
``storage.contacts.page`` and ``count_matching`` accept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from storage.database import from_text, to_text, utc_now, writing
from surveys.problems import QT_TRANSLATE_NOOP, Explained, Problem

OP_IN = "in"  # equals one of the values
OP_NOT_IN = "not_in"
OP_CONTAINS = "contains"
OP_EMPTY = "empty"
OP_NOT_EMPTY = "not_empty"
OPERATORS = (OP_IN, OP_NOT_IN, OP_CONTAINS, OP_EMPTY, OP_NOT_EMPTY)

LANGUAGE = "@language"  # the contact's language rather than an attribute


@dataclass(frozen=True)
class Condition:
    attribute: str
    op: str
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    conditions: tuple[Condition, ...]
    updated_at: datetime | None = None


class SegmentError(Explained, ValueError):
    """A segment that cannot be saved; its problem says why in plain words."""


def _path(attribute: str) -> str:
    # A quoted JSON path key; a key holding a double quote cannot be addressed.
    if '"' in attribute:
        words = QT_TRANSLATE_NOOP(
            "Problems", "An attribute name cannot hold a double quote: {name}"
        )
        raise SegmentError(Problem(words, {"name": attribute}))
    return f'$."{attribute}"'


def clause(conditions: tuple[Condition, ...] | list[Condition]) -> tuple[str, list[Any]]:
    """A WHERE fragment (over ``contacts c``) and its parameters; "" matches everyone."""
    parts: list[str] = []
    params: list[Any] = []
    for condition in conditions:
        if condition.attribute == LANGUAGE:
            column, column_params = "coalesce(c.language, '')", []
        else:
            column = "coalesce(json_extract(c.attributes, ?), '')"
            column_params = [_path(condition.attribute)]
        values = [v for v in condition.values if v != ""]
        if condition.op in (OP_IN, OP_NOT_IN):
            if not values:
                # "in ()" matches no one, "not in ()" everyone.
                if condition.op == OP_IN:
                    parts.append("0")
                continue
            negate = "NOT " if condition.op == OP_NOT_IN else ""
            parts.append(f"{column} {negate}IN ({', '.join('?' * len(values))})")
            params += [*column_params, *values]
        elif condition.op == OP_CONTAINS:
            if not values:
                continue
            parts.append(
                "(" + " OR ".join(f"instr(lower({column}), lower(?)) > 0" for _ in values) + ")"
            )
            for value in values:
                params += [*column_params, value]
        elif condition.op == OP_EMPTY:
            parts.append(f"{column} = ''")
            params += column_params
        elif condition.op == OP_NOT_EMPTY:
            parts.append(f"{column} != ''")
            params += column_params
        else:
            raise SegmentError(f"unknown operator {condition.op!r}")
    return " AND ".join(parts), params


def _conditions(text: str) -> tuple[Condition, ...]:
    data = json.loads(text)
    return tuple(
        Condition(item["attribute"], item["op"], tuple(item.get("values", ())))
        for item in data.get("conditions", [])
    )


def _text(conditions: tuple[Condition, ...] | list[Condition]) -> str:
    return json.dumps(
        {
            "conditions": [
                {"attribute": c.attribute, "op": c.op, "values": list(c.values)} for c in conditions
            ]
        },
        ensure_ascii=False,
    )


def save(
    db: Database,
    name: str,
    conditions: tuple[Condition, ...] | list[Condition],
    segment_id: int | None = None,
) -> Segment:
    """Create a segment, or replace segment ``segment_id``'s name and filter."""
    name = name.strip()
    if not name:
        raise SegmentError(Problem(QT_TRANSLATE_NOOP("Problems", "A segment needs a name.")))
    clause(conditions)  # refuses what SQL could not evaluate
    now = to_text(utc_now())
    with writing(db):
        clash = db.execute(
            "SELECT id FROM segments WHERE name = ? AND id IS NOT ?", [name, segment_id]
        ).fetchone()
        if clash is not None:
            words = QT_TRANSLATE_NOOP("Problems", "There is already a segment named “{name}”.")
            raise SegmentError(Problem(words, {"name": name}))
        if segment_id is None:
            cursor = db.execute(
                "INSERT INTO segments (name, filter, created_at, updated_at) VALUES (?, ?, ?, ?)",
                [name, _text(conditions), now, now],
            )
            assert cursor.lastrowid is not None
            segment_id = cursor.lastrowid
        else:
            db.execute(
                "UPDATE segments SET name = ?, filter = ?, updated_at = ? WHERE id = ?",
                [name, _text(conditions), now, segment_id],
            )
    return get(db, segment_id)


def get(db: Database, segment_id: int) -> Segment:
    row = db.execute(
        "SELECT id, name, filter, updated_at FROM segments WHERE id = ?", [segment_id]
    ).fetchone()
    if row is None:
        raise SegmentError(f"no segment with id {segment_id}")
    return Segment(row[0], row[1], _conditions(row[2]), from_text(row[3]))


def list_all(db: Database) -> list[Segment]:
    return [
        Segment(row[0], row[1], _conditions(row[2]), from_text(row[3]))
        for row in db.execute("SELECT id, name, filter, updated_at FROM segments ORDER BY name")
    ]


def delete(db: Database, segment_id: int) -> None:
    db.execute("DELETE FROM segments WHERE id = ?", [segment_id])
