"""A clock tests move by hand, so nothing waits for real time to pass."""

from __future__ import annotations

from datetime import datetime, timedelta


class FakeClock:
    """Called like ``storage.database.utc_now``: returns an aware datetime, moved by ``advance``."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def local_day(moment: datetime) -> str:
    """The day a backup taken at ``moment`` is named after (this computer's local time)."""
    return f"{moment.astimezone():%Y%m%d}"
