"""How a command says it cannot do its job: one line on stderr and an exit code."""

from __future__ import annotations


class CommandError(Exception):
    """A reason in plain words; main.py prints it and exits with ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


NOT_YET_AVAILABLE = 2


def not_yet_available(what: str) -> CommandError:
    return CommandError(f"{what}: not yet available in this version of Koe", NOT_YET_AVAILABLE)
