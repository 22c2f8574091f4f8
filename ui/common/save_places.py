"""Where the app proposes to save a file, and why a file could not be written, in
plain words.

Qt names a documents (or pictures) folder whether or not it exists: a machine
without ``~/Documents`` got an export proposed into nowhere and then a raw
"[Errno 2] No such file or directory". ``default_folder`` proposes only a
folder that exists; ``write_error_text`` says what went wrong with a file in a
sentence the owner can act on (the technical detail goes to the log).
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from ui.common.problem_words import error_text


def default_folder(kind: QStandardPaths.StandardLocation, fallback: Path) -> Path:
    """The platform's folder of ``kind`` if it exists, else the home folder, else ``fallback``."""
    named = QStandardPaths.writableLocation(kind)
    for candidate in (named, str(Path.home())):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return fallback


def missing_folder_text(folder: Path) -> str:
    return QCoreApplication.translate(
        "SavePlaces", "The folder {folder} does not exist. Choose another folder."
    ).format(folder=folder)


def write_error_text(error: BaseException, path: Path) -> str:
    """Why ``path`` could not be written, in one plain sentence (never "[Errno …]")."""
    translate = QCoreApplication.translate
    folder = path.parent
    if not isinstance(error, OSError):
        return error_text(error)
    if isinstance(error, FileNotFoundError):
        return missing_folder_text(folder)
    if isinstance(error, NotADirectoryError):
        return translate(
            "SavePlaces", "{folder} is a file, not a folder. Choose another folder."
        ).format(folder=folder)
    if isinstance(error, IsADirectoryError):
        return translate("SavePlaces", "{path} is a folder. Choose a file name.").format(path=path)
    if isinstance(error, PermissionError):
        return translate(
            "SavePlaces", "Koe may not write to {path}. Choose another folder or file name."
        ).format(path=path)
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return translate(
            "SavePlaces", "The disk is full: {path} could not be written. Free some space first."
        ).format(path=path)
    if error.errno == errno.EROFS:
        return translate(
            "SavePlaces", "The disk of {folder} cannot be written to. Choose another folder."
        ).format(folder=folder)
    return translate("SavePlaces", "{path} could not be written: {reason}.").format(
        path=path, reason=error.strerror or type(error).__name__
    )
