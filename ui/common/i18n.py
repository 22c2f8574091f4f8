"""The app's language: Qt translators built from ``resources/i18n/*.ts``.

The ``.ts`` files are the sources kept in git; the compiled ``.qm`` files are
not. ``install_translator`` compiles a missing or stale ``.qm`` on the fly
with the ``lrelease`` that ships inside PySide6, next to its ``.ts`` when that
folder is writable and into the user cache folder otherwise (an installed
copy may be read-only). The bundle (packaging/koe.spec) ships the compiled
``.qm`` files alone: with no ``.ts`` beside it, a ``.qm`` is used as it is.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import platformdirs
import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "en"
CATALOG = "koe"

# Translators stay referenced here: Qt does not own them, and one collected by
# Python would silently take its strings with it.
_installed: list[QTranslator] = []
# The language setting the installed translators were made for ("" = the system's).
_requested = [""]


class TranslationError(RuntimeError):
    """A translation could not be compiled; the message says why."""


def resolve_language(language: str) -> str:
    """ "ja" or "en" for a setting that may be "" (follow the system locale)."""
    if language in LANGUAGES:
        return language
    system = QLocale.system().name()  # e.g. "ja_JP", "en_US", "C"
    code = system.split("_", 1)[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def ts_path(language: str) -> Path:
    return I18N_DIR / f"{CATALOG}_{language}.ts"


def qt_tool_command(name: str) -> list[str]:
    """How to run one of Qt's tools (lrelease, lupdate): the binary inside the
    PySide6 package, else its ``pyside6-<name>`` script."""
    package = Path(PySide6.__file__).resolve().parent
    for binary in (package / name, package / f"{name}.exe"):
        if binary.is_file():
            return [str(binary)]
    script = shutil.which(f"pyside6-{name}")
    if script is None:
        beside = Path(sys.executable).parent / f"pyside6-{name}"
        if beside.is_file():
            script = str(beside)
    if script is None:
        raise TranslationError(f"Qt's {name} tool was not found in the PySide6 installation.")
    return [script]


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (written to a temporary file first, then moved)."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=qm.parent) as scratch:
        partial = Path(scratch) / qm.name
        result = subprocess.run(
            [*qt_tool_command("lrelease"), "-silent", str(ts), "-qm", str(partial)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not partial.is_file():
            raise TranslationError(
                f"Could not compile {ts.name}: {(result.stderr or result.stdout).strip()}"
            )
        partial.replace(qm)


def _writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("Koe", appauthor=False)) / "i18n"


def qm_path(language: str) -> Path:
    """The compiled catalogue for ``language``, compiled first if missing or stale."""
    ts = ts_path(language)
    if not ts.is_file():
        shipped = I18N_DIR / f"{CATALOG}_{language}.qm"
        if shipped.is_file():  # an installed bundle: compiled when it was built
            return shipped
        raise TranslationError(f"There is no translation file {ts}.")
    folder = I18N_DIR if _writable(I18N_DIR) else cache_dir()
    qm = folder / f"{CATALOG}_{language}.qm"
    if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
        compile_ts(ts, qm)
    return qm


def installed_language() -> str:
    """The ``language`` of the last ``install_translator`` call: what to reinstall to go back."""
    return _requested[0]


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translator(app: QCoreApplication, language: str) -> str:
    """Load Koe's and Qt's own translations for ``language`` ("" = system); return "ja"/"en".

    Replaces translators installed by an earlier call. Widgets built before this
    call keep their text; Koe installs it before building the window.
    """
    remove_translators(app)
    _requested[0] = language
    chosen = resolve_language(language)
    qt_catalogues = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    # Qt's own strings: standard buttons (Yes/No/Cancel) and dialogs.
    if qt_translator.load(f"qtbase_{chosen}", qt_catalogues):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    try:
        qm = qm_path(chosen)
    except (TranslationError, OSError) as error:
        # The English source text still shows; a missing catalogue must not stop the app.
        log.error("translations for %s unavailable: %s", chosen, error)
        return chosen
    koe_translator = QTranslator(app)
    if koe_translator.load(str(qm)):
        app.installTranslator(koe_translator)
        _installed.append(koe_translator)
        qt_loaded = "loaded" if len(_installed) == 2 else "not found"
        log.info("%s translations loaded from %s (Qt's own: %s)", chosen, qm, qt_loaded)
    else:
        log.error("could not load %s", qm)
    if language in LANGUAGES:
        # Dates and numbers follow an explicit choice; "" keeps the system's formats.
        QLocale.setDefault(QLocale(language))
    else:
        QLocale.setDefault(QLocale.system())
    return chosen
