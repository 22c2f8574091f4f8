"""Every screenshot in the README, made anew: the desktop app and the respondent page.

    uv run python tools/screenshots.py [--out docs/screenshots]

Makes a demo workspace in a temporary folder (``main.py demo``), shoots every
page of the app in English and Japanese offscreen, then the respondent pages
at phone size in headless Chromium (Debian's ``chromium``).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> None:
    print("+", " ".join(args), flush=True)
    subprocess.run([sys.executable, *args], cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out = parser.parse_args().out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        run(str(ROOT / "main.py"), "demo", "--data-dir", str(demo))
        run(str(ROOT / "tools" / "screenshot_app.py"), str(demo), "--out", str(out))
    run(str(ROOT / "tools" / "screenshot_respondent.py"), str(out))
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
