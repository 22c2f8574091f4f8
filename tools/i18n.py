"""Translation tooling: refresh the .ts sources and compile them.

    uv run python tools/i18n.py update   # lupdate over ui/: new strings in, vanished ones out
    uv run python tools/i18n.py build    # lrelease: resources/i18n/*.qm (not committed)
    uv run python tools/i18n.py check    # list messages still unfinished; exit 1 if any

``update`` keeps existing translations. English is the source language, so its
catalogue gets each new source text as its translation; Japanese entries stay
"unfinished" until someone translates them (Qt Linguist, or by hand in the XML).
A count goes through Qt's plural forms: ``self.tr("%n answer(s)", "", n)``. Its
English entry gets the regular singular and plural ("%n answer", "%n answers")
but stays unfinished until someone checks them (an irregular noun, a verb that
agrees: "is kept" / "are kept") and removes ``type="unfinished"``; Japanese has
one form. No English form may keep the "(s)".
The app compiles stale catalogues itself on start (ui/common/i18n.py), so ``build`` is
only needed for packaging.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui.common.i18n import CATALOG, I18N_DIR, LANGUAGES, compile_ts, qt_tool_command  # noqa: E402

# ui/ with self.tr; the others mark the wordings of their problems (surveys.problems).
SOURCE_DIRS = ("ui", "surveys", "storage", "channels", "contacts", "exports", "web")
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def ts_files() -> list[Path]:
    return [I18N_DIR / f"{CATALOG}_{language}.ts" for language in LANGUAGES]


def sources() -> list[Path]:
    return sorted(path for folder in SOURCE_DIRS for path in (ROOT / folder).rglob("*.py"))


def lupdate(targets: list[Path]) -> None:
    I18N_DIR.mkdir(parents=True, exist_ok=True)
    command = [
        *qt_tool_command("lupdate"),
        "-silent",
        "-no-obsolete",
        # No line numbers: several people edit ui/ at once, and moved lines would
        # rewrite the whole file each time.
        "-locations",
        "none",
        *[str(path) for path in sources()],
        "-ts",
        *[str(path) for path in targets],
    ]
    subprocess.run(command, check=True, cwd=ROOT)


PLURAL_MARK = "(s)"  # in a source with %n: the English plural's ending


def english_forms(source: str) -> list[str]:
    """The regular English singular and plural of a source with "(s)": to be checked."""
    return [source.replace(PLURAL_MARK, ""), source.replace(PLURAL_MARK, "s")]


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation; an English
    count needs its singular and plural, neither with "(s)"."""
    english = ts.stem.endswith("_en")
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = [translation.text or ""] if translation is not None else [""]
            plural = message.get("numerus") == "yes"
            if translation is not None and plural:
                texts = [form.text or "" for form in translation.iter("numerusform")]
            kind = translation.get("type") if translation is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            unplural = (
                english
                and plural
                and (len(texts) < 2 or any(PLURAL_MARK in text for text in texts))
            )
            if kind == "unfinished" or unplural or not all(text.strip() for text in texts):
                found.append((name, message.findtext("source", "")))
    return found


def fill_english(ts: Path) -> int:
    """Give every unfinished English message its source text (a count: its regular forms,
    left unfinished to be checked); return how many were filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source", "")
        if message.get("numerus") == "yes":
            forms = list(translation.iter("numerusform")) or [
                ET.SubElement(translation, "numerusform")
            ]
            if any((form.text or "").strip() for form in forms):
                continue  # proposed before, waiting to be checked
            while len(forms) < 2:  # English has singular and plural
                forms.append(ET.SubElement(translation, "numerusform"))
            for form, text in zip(forms, english_forms(source), strict=False):
                form.text = text
            if PLURAL_MARK in source:
                filled += 1
                continue  # regular forms proposed: someone checks them
        else:
            translation.text = source
        del translation.attrib["type"]
        filled += 1
    if filled:
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts.write_text(HEADER + body + "\n", encoding="utf-8")
    return filled


def update() -> int:
    targets = ts_files()
    lupdate(targets)
    english = I18N_DIR / f"{CATALOG}_en.ts"
    if fill_english(english):
        lupdate([english])  # rewrite in lupdate's own layout so diffs stay small
    for ts in targets:
        missing = unfinished(ts)
        print(f"{ts.relative_to(ROOT)}: {len(missing)} unfinished")
    return 0


def build() -> int:
    for ts in ts_files():
        qm = ts.with_suffix(".qm")
        compile_ts(ts, qm)
        print(f"{qm.relative_to(ROOT)}")
    return 0


def check() -> int:
    status = 0
    for ts in ts_files():
        for context, source in unfinished(ts):
            print(f"{ts.name}: [{context}] {source!r}")
            status = 1
    return status


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    return {"update": update, "build": build, "check": check}[args.command]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
